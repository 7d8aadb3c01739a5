// The HTML report: one self-contained page (inline CSS, no script, no external resource) with
// the same content as the text report, where each quote is shown in its paragraph with the
// claim's words in <mark>. docs/report-format.md describes the page.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "crosscheck/report.hpp"
#include "crosscheck/text.hpp"
#include "crosscheck/version.hpp"
#include "report/report_common.hpp"

namespace crosscheck {
namespace {

// At most this many bytes of context are shown on each side of a claim's words: a paragraph
// can be a whole file (a page with no blank line), and the page must stay readable.
constexpr std::size_t context_side_bytes = 600;

bool is_continuation(char c) noexcept { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Appends `s` escaped for HTML text and attribute values. Bytes that are not valid UTF-8 and
// NUL (which browsers drop or replace) become U+FFFD, so the page is always valid UTF-8.
void escape_to(std::string& out, std::string_view s) {
  while (!s.empty()) {
    const auto bad = find_invalid_utf8(s);
    const std::string_view good = s.substr(0, bad.value_or(s.size()));
    for (char ch : good) {
      switch (ch) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        case '\0': out += "\xEF\xBF\xBD"; break;
        default: out += ch;
      }
    }
    if (!bad) break;
    out += "\xEF\xBF\xBD";
    // Skip the invalid lead byte and any continuation bytes after it.
    std::size_t skip = *bad + 1;
    while (skip < s.size() && is_continuation(s[skip])) ++skip;
    s.remove_prefix(skip);
  }
}

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  escape_to(out, s);
  return out;
}

// Where a quote's context was taken from; said under the quote.
enum class context_origin { paragraph, reread_paragraph, sentence, sentence_stale, sentence_unreadable, quote_only };

struct quote_context {
  std::string_view before, words, after;  // words is empty when the quote was not found
  bool cut_before = false, cut_after = false;
  context_origin origin = context_origin::quote_only;
};

// Widens [b, e) of `s` to at most context_side_bytes on each side of the claim's words,
// on UTF-8 boundaries, preferring to cut at a space.
quote_context window(std::string_view s, std::size_t from, std::size_t to, std::size_t b, std::size_t e,
                     context_origin origin) {
  quote_context q;
  q.origin = origin;
  std::size_t lo = from, hi = to;
  if (b - lo > context_side_bytes) {
    lo = b - context_side_bytes;
    while (lo < b && is_continuation(s[lo])) ++lo;
    const std::size_t space = s.substr(lo, b - lo).find(' ');
    if (space != std::string_view::npos && space < 80) lo += space + 1;
    q.cut_before = true;
  }
  if (hi - e > context_side_bytes) {
    hi = e + context_side_bytes;
    while (hi > e && is_continuation(s[hi])) --hi;
    const std::size_t space = s.substr(e, hi - e).rfind(' ');
    if (space != std::string_view::npos && hi - (e + space) < 80) hi = e + space;
    q.cut_after = true;
  }
  q.before = s.substr(lo, b - lo);
  q.words = s.substr(b, e - b);
  q.after = s.substr(e, hi - e);
  return q;
}

bool is_blank_line(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f'; });
}

// The paragraph around [b, e) of `text` found by blank lines (or the start of the body and the
// end of the file), looking no further than about context_side_bytes each way.
quote_context paragraph_by_blank_lines(std::string_view text, std::size_t body_begin, std::size_t b, std::size_t e,
                                       context_origin origin) {
  // Nothing before the body (front matter) or further than twice the window is searched, so
  // a file with no line break costs no more than a short one.
  const std::size_t reach = 2 * context_side_bytes;
  const std::size_t floor = std::max(body_begin <= b ? body_begin : 0, b > reach ? b - reach : 0);
  text = text.substr(0, std::min(text.size(), e + reach));
  auto line_start = [&](std::size_t pos) {  // start of the line that holds byte pos
    const std::size_t nl = text.substr(floor, pos - floor).rfind('\n');
    return nl == std::string_view::npos ? floor : floor + nl + 1;
  };
  // Back, a line at a time, until a blank line, the body's start, or far enough.
  std::size_t from = line_start(b);
  while (from > floor && b - from <= context_side_bytes) {
    const std::size_t prev = line_start(from - 1);  // the line ending with the '\n' at from - 1
    if (is_blank_line(text.substr(prev, from - 1 - prev))) break;
    from = prev;
  }
  // Forward, until a blank line, the end of the file, or far enough.
  std::size_t to = std::min(text.find('\n', e), text.size());
  while (to < text.size() && to - e <= context_side_bytes) {
    const std::size_t next_end = std::min(text.find('\n', to + 1), text.size());
    if (is_blank_line(text.substr(to + 1, next_end - to - 1))) break;
    to = next_end;
  }
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (from < b && space(text[from])) ++from;
  while (to > e && space(text[to - 1])) --to;
  return window(text, from, to, b, e, origin);
}

// The claim's words in its sentence: at the sentence's offset when they are there, else where
// the words first occur; the quote alone when the sentence does not hold them.
quote_context sentence_context(const evidence& ev, context_origin origin) {
  const std::string_view s = ev.sentence;
  std::size_t rel = std::string_view::npos;
  if (ev.begin >= ev.sentence_begin && ev.begin - ev.sentence_begin <= s.size() &&
      s.substr(ev.begin - ev.sentence_begin).substr(0, ev.text.size()) == ev.text)
    rel = ev.begin - ev.sentence_begin;
  else if (!ev.text.empty())
    rel = s.find(ev.text);
  if (rel == std::string_view::npos || ev.text.empty()) {
    quote_context q;
    q.words = ev.text;
    q.origin = context_origin::quote_only;
    return q;
  }
  return window(s, 0, s.size(), rel, rel + ev.text.size(), origin);
}

// Finds each quote's paragraph: in the document's text, or in the file re-read once when the
// document is a metadata stub, or falls back to the sentence.
class context_finder {
 public:
  explicit context_finder(const std::vector<document>& docs) {
    for (const auto& d : docs) by_id_.emplace(d.id, &d);
  }

  quote_context find(const evidence& ev) {
    const auto it = by_id_.find(ev.document);
    if (it == by_id_.end()) return sentence_context(ev, context_origin::sentence);
    const document& doc = *it->second;
    std::string_view text = doc.text;
    context_origin origin = context_origin::paragraph;
    if (text.empty()) {
      if (doc.path.empty()) return sentence_context(ev, context_origin::sentence);
      const std::string* file = reread(doc);
      if (!file) return sentence_context(ev, context_origin::sentence_unreadable);
      text = *file;
      origin = context_origin::reread_paragraph;
    }
    // The offsets must still hold the claim's words; a changed file falls back to the sentence.
    if (ev.text.empty() || ev.begin > ev.end || ev.end > text.size() || text.substr(ev.begin, ev.end - ev.begin) != ev.text)
      return sentence_context(ev, context_origin::sentence_stale);
    if (origin == context_origin::paragraph && !doc.paragraphs.empty()) {
      // Paragraphs are in text order: the last one starting at or before the words.
      const auto p = std::upper_bound(doc.paragraphs.begin(), doc.paragraphs.end(), ev.begin,
                                      [](std::size_t b, const paragraph& para) { return b < para.span.begin; });
      if (p != doc.paragraphs.begin()) {
        const text_span span = std::prev(p)->span;
        if (span.begin <= ev.begin && ev.end <= span.end && span.end <= text.size())
          return window(text, span.begin, span.end, ev.begin, ev.end, origin);
      }
    }
    return paragraph_by_blank_lines(text, doc.body_begin, ev.begin, ev.end, origin);
  }

 private:
  // The file's bytes, read once per document; nullptr when it cannot be read.
  const std::string* reread(const document& doc) {
    auto [it, inserted] = files_.try_emplace(doc.id);
    if (inserted) {
      std::ifstream in(doc.path, std::ios::binary);
      if (in) {
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (!in.bad()) it->second = std::move(bytes);
      }
    }
    return it->second ? &*it->second : nullptr;
  }

  std::unordered_map<std::string_view, const document*> by_id_;
  std::unordered_map<std::string, std::optional<std::string>> files_;
};

std::string_view origin_note(context_origin o) {
  switch (o) {
    case context_origin::paragraph: return "in its paragraph";
    case context_origin::reread_paragraph: return "in its paragraph, read again from the file";
    case context_origin::sentence: return "in its sentence (the report has no text of its document)";
    case context_origin::sentence_stale:
      return "in its sentence: the file does not hold these words at these offsets any more";
    case context_origin::sentence_unreadable: return "in its sentence: the file cannot be read any more";
    case context_origin::quote_only: return "the quote alone: its sentence does not hold it";
  }
  return {};
}

constexpr std::string_view style = R"css(
:root { --ink: #1d1d1f; --muted: #5f6368; --line: #d8dadf; --card: #f7f8fa; --high: #b3261e; --medium: #a15c00; --low: #55606e; --mark: #ffe58a; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); margin: 0 auto; max-width: 72rem; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 0 0 .4rem; }
h3 { font-size: 1rem; margin: 0; }
.summary, .muted, .where, .note { color: var(--muted); }
.toc ol { padding-left: 1.5rem; }
.toc a { color: inherit; }
section.conflict { border: 1px solid var(--line); border-left: .4rem solid var(--low); border-radius: .4rem; padding: 1rem 1.2rem; margin: 1.2rem 0; }
section.conflict.high { border-left-color: var(--high); }
section.conflict.medium { border-left-color: var(--medium); }
.badge { display: inline-block; font-size: .75rem; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; padding: .05rem .45rem; border-radius: .25rem; border: 1px solid currentColor; vertical-align: middle; }
.badge.high { color: var(--high); } .badge.medium { color: var(--medium); } .badge.low { color: var(--low); }
.badge.class { color: var(--muted); text-transform: none; }
.fact { font-weight: 600; }
.values { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: .8rem; margin: .8rem 0; }
.value { background: var(--card); border: 1px solid var(--line); border-radius: .4rem; padding: .7rem .9rem; }
.value h3 code { font-size: 1.05rem; }
.value .support { float: right; font-weight: 400; color: var(--muted); }
.value ul { list-style: none; margin: .5rem 0 0; padding: 0; }
.value li + li { border-top: 1px dashed var(--line); margin-top: .6rem; padding-top: .6rem; }
.where { font-size: .9rem; }
.outlet { color: var(--ink); font-weight: 600; }
blockquote { margin: .3rem 0; padding: .1rem 0 .1rem .8rem; border-left: 3px solid var(--line); white-space: pre-wrap; overflow-wrap: anywhere; }
mark { background: var(--mark); color: inherit; padding: 0 .1em; border-radius: .15em; font-weight: 600; }
.note { font-size: .8rem; margin: 0; }
.compatible-head { font-size: .95rem; color: var(--muted); font-weight: 600; margin: .6rem 0 0; }
.best { margin: .6rem 0 0; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; border-bottom: 1px solid var(--line); padding: .3rem .5rem; vertical-align: top; }
.diagnostics li { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85rem; }
footer { color: var(--muted); font-size: .8rem; margin-top: 2rem; }
@media print {
  body { font-size: 10.5pt; max-width: none; padding: 0; }
  .toc { display: none; }
  section.conflict { break-inside: auto; border-left-width: 3pt; }
  .value, blockquote, h2 { break-inside: avoid; }
  .value { background: none; }
  mark { background: none; border-bottom: 2px solid #000; }
  a { color: inherit; text-decoration: none; }
}
)css";

void value_group_html(std::string& out, const report_input& in, const conflict& c, const value_group& g,
                      context_finder& finder) {
  out += "<div class=\"value\">\n<h3><code>";
  escape_to(out, g.value);
  out += "</code>";
  if (!g.claims.empty() && g.claims.front() < in.claims.size())
    if (const std::string words = detail::length_in_words(in.claims[g.claims.front()].val); !words.empty())
      out += " = " + esc(words);
  if (g.mod != modality::reported) out += fmt::format(" <span class=\"badge class\">{}</span>", esc(to_string(g.mod)));
  out += fmt::format(" <span class=\"support\">support {:.2f}</span></h3>\n<ul>\n", g.support);
  for (std::size_t i : g.claims) {
    if (i >= in.claims.size()) continue;
    const claim& cl = in.claims[i];
    out += "<li>\n<p class=\"where\"><span class=\"outlet\">";
    escape_to(out, outlet(cl.ev));
    out += "</span> ";
    escape_to(out, cl.ev.document);
    out += fmt::format(", bytes {}\xE2\x80\x93{}", cl.ev.begin, cl.ev.end);
    if (cl.ev.repeated) out += " (repeated block)";
    out += "</p>\n";
    if (!cl.ev.attribution.empty()) out += "<p class=\"attribution\">attribution: " + esc(cl.ev.attribution) + "</p>\n";
    const quote_context q = finder.find(cl.ev);
    out += "<blockquote>";
    if (q.cut_before) out += "\xE2\x80\xA6";
    escape_to(out, q.before);
    out += "<mark class=\"claim\" data-conflict=\"" + esc(c.id) + "\" data-claim=\"" + esc(cl.id) + "\">";
    escape_to(out, q.words);
    out += "</mark>";
    escape_to(out, q.after);
    if (q.cut_after) out += "\xE2\x80\xA6";
    out += "</blockquote>\n<p class=\"note\">";
    out += origin_note(q.origin);
    out += "</p>\n";
    if (q.origin == context_origin::quote_only && !cl.ev.sentence.empty())
      out += "<p class=\"note\">sentence: " + esc(cl.ev.sentence) + "</p>\n";
    out += "</li>\n";
  }
  out += "</ul>\n</div>\n";
}

}  // namespace

std::string to_html(const report_input& in) {
  context_finder finder(in.documents);
  const std::string summary = detail::summary_line(in);
  std::string out;
  out.reserve(16384 + in.result.conflicts.size() * 4096);
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"crosscheck ";
  out += version_string;
  out += "\">\n<title>crosscheck report: " + esc(summary) + "</title>\n<style>";
  out += style;
  out += "</style>\n</head>\n<body>\n<header>\n<h1>crosscheck report</h1>\n<p class=\"summary\">" + esc(summary) +
         "</p>\n</header>\n";

  if (!in.result.conflicts.empty()) {
    out += "<nav class=\"toc\">\n<ol>\n";
    for (const auto& c : in.result.conflicts) {
      const slot& s = in.result.slots[c.slot];
      out += fmt::format("<li><a href=\"#{}\">{}</a> <span class=\"badge {}\">{}</span> {}: {}</li>\n", esc(c.id), esc(c.id),
                         to_string(c.sev), to_string(c.sev), esc(to_string(c.cls)), esc(describe_fact(s, in.claims)));
    }
    out += "</ol>\n</nav>\n";
  }

  out += "<main>\n";
  for (const auto& c : in.result.conflicts) {
    const slot& s = in.result.slots[c.slot];
    out += fmt::format("<section class=\"conflict {}\" id=\"{}\">\n", to_string(c.sev), esc(c.id));
    out += fmt::format("<h2>{} <span class=\"badge {}\">{}</span> <span class=\"badge class\">{}</span></h2>\n", esc(c.id),
                       to_string(c.sev), to_string(c.sev), esc(to_string(c.cls)));
    out += "<p class=\"fact\">" + esc(describe_fact(s, in.claims)) + "</p>\n";
    out += "<p class=\"explanation\">" + esc(c.explanation) + "</p>\n";
    out += "<div class=\"values\">\n";
    for (const auto& g : c.values) value_group_html(out, in, c, g, finder);
    out += "</div>\n";
    if (!c.compatible.empty()) {
      out += "<p class=\"compatible-head\">Also in this slot, conflicting with none of the values above:</p>\n"
             "<div class=\"values compatible\">\n";
      for (const auto& g : c.compatible) value_group_html(out, in, c, g, finder);
      out += "</div>\n";
    }
    if (c.best.value.empty())
      out += "<p class=\"best\">Best supported: none (" + esc(c.best.reason) + ")</p>\n";
    else
      out += fmt::format("<p class=\"best\">Best supported: <strong><code>{}</code></strong> (confidence {:.2f}): {}</p>\n",
                         esc(c.best.value), c.best.confidence, esc(c.best.reason));
    out += "</section>\n";
  }
  if (in.result.conflicts.empty()) out += "<p class=\"none\">No conflicts found.</p>\n";
  out += "</main>\n";

  if (!in.documents.empty()) {
    out += "<section class=\"documents\">\n<h2>Documents</h2>\n<table>\n"
           "<thead><tr><th>document</th><th>source</th><th>author</th><th>published</th></tr></thead>\n"
           "<tbody>\n";
    for (const auto& d : in.documents)
      out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", esc(d.id), esc(d.source), esc(d.author),
                         esc(d.published.text));
    out += "</tbody>\n</table>\n</section>\n";
  }
  if (!in.diagnostics.empty()) {
    out += fmt::format("<section class=\"diagnostics\">\n<h2>{} warning(s)</h2>\n<ul>\n", in.diagnostics.size());
    for (const auto& d : in.diagnostics) out += "<li>" + esc(to_string(d)) + "</li>\n";
    out += "</ul>\n</section>\n";
  }
  out += "<footer>crosscheck ";
  out += version_string;
  out += "</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace crosscheck
