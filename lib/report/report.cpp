// Text, Markdown and JSON reports. The JSON shape is documented in docs/report-format.md.
#include <fmt/compile.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <exception>
#include <functional>
#include <future>
#include <ostream>
#include <iterator>
#include <semaphore>
#include <system_error>
#include <thread>

#include <map>
#include <sstream>
#include <nlohmann/json.hpp>

#include "crosscheck/report.hpp"
#include "model/timing.hpp"
#include "report/json_claim.hpp"
#include "report/report_common.hpp"

namespace crosscheck {
namespace {

using json = nlohmann::ordered_json;

// ANSI colour for a terminal. Each call appends its text to `out`, between the colour's codes
// when colour is on and unchanged when it is off, so the plain report is byte for byte what it
// was before colour existed. open() and close() wrap text that is written piece by piece.
struct paint {
  bool on = false;
  static constexpr std::string_view bold = "1", dim = "2", quote = "32" /* green */, warn = "33" /* yellow */,
                                    best = "1;32" /* bold green */;
  static constexpr std::string_view sev(conflict_severity v) {
    return v == conflict_severity::high ? "1;31" : v == conflict_severity::medium ? "1;33" : "1;36";
  }
  void open(std::string& out, std::string_view code) const {
    if (!on) return;
    out += "\x1b[";
    out += code;
    out += 'm';
  }
  void close(std::string& out) const {
    if (on) out += "\x1b[0m";
  }
  void add(std::string& out, std::string_view code, std::string_view s) const {
    open(out, code);
    out += s;
    close(out);
  }
};

// The text report is written with plain appends rather than fmt's runtime format strings: it has
// a line per claim (a million for the 15 Flight days), and parsing the format string of each
// line was most of fmt's share of the run.
template <class... Pieces>
void append(std::string& out, const Pieces&... pieces) {
  (out.append(std::string_view(pieces)), ...);
}
void append_number(std::string& out, std::size_t n) {
  const fmt::format_int digits(n);
  out.append(digits.data(), digits.size());
}
void append_fixed2(std::string& out, double x) { fmt::format_to(std::back_inserter(out), FMT_COMPILE("{:.2f}"), x); }

// How a long list of items (conflicts, claims) is written: in blocks of `per_block` items, and
// on two threads from `parallel_from` items when the machine has a second core.
struct blocks_plan {
  std::size_t per_block;
  std::size_t parallel_from;
};
constexpr blocks_plan text_conflict_blocks{1024, 4096};
// The JSON report is written on one thread, handed to its sink every this many items: on two
// threads, on a loaded machine, the Flight report was no faster and took about a tenth more CPU
// (docs/BENCHMARKS.md, "Flight end to end, round 5").
constexpr std::size_t json_items_per_block = 2048;

// Writes items [0, n) with write(out, k) and gives the text to `sink` a block at a time, in
// order. On two threads, a helper writes the odd blocks while this thread writes the even ones
// and hands every block to the sink; the helper runs at most `ahead` blocks ahead of the sink (a
// slow reader never makes the report pile up in memory), and its buffers are used again.
template <class WriteItem>
void write_in_blocks(std::size_t n, const blocks_plan& plan, const WriteItem& write,
                     const std::function<void(std::string_view)>& sink) {
  const std::size_t blocks = (n + plan.per_block - 1) / plan.per_block;
  auto block = [&](std::string& to, std::size_t b) {
    const std::size_t end = std::min(n, (b + 1) * plan.per_block);
    for (std::size_t k = b * plan.per_block; k < end; ++k) write(to, k);
  };
  constexpr std::size_t ahead = 4;
  std::array<std::string, ahead> ring;            // odd block j is written into ring[j % ahead]
  std::vector<std::promise<void>> odd;  // odd block j is in its ring buffer (with a helper)
  std::counting_semaphore<> free_buffers(ahead);
  std::atomic<bool> stop{false};
  std::thread helper;
  if (n >= plan.parallel_from && blocks >= 2 && std::thread::hardware_concurrency() >= 2) {
    odd.resize(blocks / 2);
    try {
      helper = std::thread([&] {
        for (std::size_t j = 0; j < odd.size(); ++j) {
          free_buffers.acquire();
          if (stop) return;
          try {
            std::string& t = ring[j % ahead];
            t.clear();
            block(t, 2 * j + 1);
            odd[j].set_value();
          } catch (...) {
            odd[j].set_exception(std::current_exception());
          }
        }
      });
    } catch (const std::system_error&) {
      // no thread: all on this one
    }
  }
  struct joiner {
    std::thread& t;
    std::atomic<bool>& stop;
    std::counting_semaphore<>& free_buffers;
    ~joiner() {
      if (!t.joinable()) return;
      // Done, or left by an exception (the sink's, or a block's): the helper stops at its next
      // block and is not left waiting for a buffer.
      stop = true;
      free_buffers.release(1);
      t.join();
    }
  } join_helper{helper, stop, free_buffers};
  std::string piece;
  for (std::size_t b = 0; b < blocks; ++b) {
    if (helper.joinable() && b % 2 == 1) {
      const std::size_t j = b / 2;
      odd[j].get_future().get();
      sink(ring[j % ahead]);
      free_buffers.release();
      continue;
    }
    piece.clear();
    block(piece, b);
    sink(piece);
  }
}

std::size_t count_level(const std::vector<diagnostic>& ds, bool notes) {
  std::size_t n = 0;
  for (const auto& d : ds) n += (d.level == severity::note) == notes;
  return n;
}

// One line of context, appended to `out`: the sentence, cut around the claim's words when it is
// long. The words are found in the sentence by their offset when it fits, else by search (claims
// read from JSON Lines may carry any offsets).
constexpr std::size_t context_bytes = 220;
void append_context(std::string& out, const claim& c, std::size_t max = context_bytes) {
  const std::string_view s = c.ev.sentence;
  if (s.size() <= max) {
    out += s;
    return;
  }
  const std::string_view text = c.ev.text;
  std::size_t rel = c.ev.begin >= c.ev.sentence_begin ? c.ev.begin - c.ev.sentence_begin : s.size();
  if (rel + text.size() > s.size() || s.compare(rel, text.size(), text) != 0) {
    rel = s.find(text);
    if (rel == std::string::npos) rel = 0;
  }
  std::size_t from = rel > max / 2 ? rel - max / 2 : 0;
  while (from > 0 && (static_cast<unsigned char>(s[from]) & 0xC0) == 0x80) --from;  // UTF-8 boundary
  std::size_t len = std::min(max, s.size() - from);
  while (from + len < s.size() && (static_cast<unsigned char>(s[from + len]) & 0xC0) == 0x80) ++len;
  if (from > 0) out += "...";
  out += s.substr(from, len);
  if (from + len < s.size()) out += "...";
}

void text_group(std::string& out, const report_input& in, const value_group& g, const paint& p) {
  out += "  ";
  p.add(out, paint::bold, g.value);
  if (!g.claims.empty()) {
    const std::string words = detail::length_in_words(in.claims[g.claims.front()].val);  // "2 days"
    if (!words.empty()) append(out, " = ", words);
  }
  if (g.mod != modality::reported) append(out, " (", to_string(g.mod), ")");
  out += "  (support ";
  append_fixed2(out, g.support);
  out += ")\n";
  for (std::size_t i : g.claims) {
    const evidence& ev = in.claims[i].ev;
    append(out, "    - ", outlet(ev), " [", ev.document, ", bytes ");
    append_number(out, ev.begin);
    out += '-';
    append_number(out, ev.end);
    out += "]: ";
    p.open(out, paint::quote);
    append(out, "\"", ev.text, "\"");
    p.close(out);
    if (ev.repeated) out += " (repeated block)";
    out += '\n';
    if (!ev.attribution.empty()) append(out, "      attribution: ", ev.attribution, "\n");
    p.open(out, paint::dim);
    out += "      in: ";
    append_context(out, in.claims[i]);
    p.close(out);
    out += '\n';
  }
}

// The values of a conflict on one line, each with the outlets behind it:
// "02:46+09:00 (Seoul Ledger) | 02:22+09:00 (Seoul Ledger, Han River Times)".
void append_side_by_side(std::string& out, const report_input& in, const conflict& c, const paint& p) {
  std::vector<std::string_view> outlets;
  for (std::size_t k = 0; k < c.values.size(); ++k) {
    const value_group& g = c.values[k];
    if (k) out += " | ";
    p.add(out, paint::bold, g.value);
    if (g.mod != modality::reported) append(out, " ", to_string(g.mod));
    out += " (";
    outlets.clear();
    for (std::size_t i : g.claims) {
      const std::string_view o = outlet(in.claims[i].ev);
      if (std::find(outlets.begin(), outlets.end(), o) == outlets.end()) outlets.push_back(o);
    }
    for (std::size_t j = 0; j < outlets.size(); ++j) append(out, j ? ", " : "", outlets[j]);
    out += ')';
  }
}

// One conflict of the text report, appended to `out`.
void text_conflict(std::string& out, const report_input& in, const conflict& c, const paint& p) {
  const slot& s = in.result.slots[c.slot];
  out += '\n';
  p.add(out, paint::bold, c.id);
  out += ' ';
  p.open(out, paint::sev(c.sev));
  append(out, "[", to_string(c.sev), "] ", to_string(c.cls));
  p.close(out);
  append(out, ": ", describe_fact(s, in.claims), " (slot ", s.id, ")\n  ", c.explanation, "\n  values: ");
  append_side_by_side(out, in, c, p);
  out += '\n';
  for (const auto& g : c.values) text_group(out, in, g, p);
  if (!c.compatible.empty()) {
    out += "  also in this slot, conflicting with none of the values above:\n";
    for (const auto& g : c.compatible) text_group(out, in, g, p);
  }
  if (c.best.value.empty()) {
    append(out, "  best supported: none (", c.best.reason, ")\n");
  } else {
    out += "  best supported: ";
    p.add(out, paint::best, c.best.value);
    out += " (confidence ";
    append_fixed2(out, c.best.confidence);
    append(out, "): ", c.best.reason, "\n");
  }
}

}  // namespace

namespace {

// The text report, given to `sink` piece by piece in order: the summary, blocks of conflicts,
// the warnings and notes.
void text_report(const report_input& in, const text_options& opts, const std::function<void(std::string_view)>& sink) {
  const detail::phase_timer timer("report (text)");
  const paint p{opts.color};
  std::string head;
  p.open(head, paint::bold);
  append(head, "crosscheck: ", detail::summary_line(in));
  p.close(head);
  head += '\n';
  sink(head);
  const auto& conflicts = in.result.conflicts;
  write_in_blocks(
      conflicts.size(), text_conflict_blocks,
      [&](std::string& out, std::size_t k) { text_conflict(out, in, conflicts[k], p); }, sink);
  std::string out;
  if (conflicts.empty()) out += "\nNo conflicts found.\n";
  if (const std::size_t w = count_level(in.diagnostics, false)) {
    p.open(out, paint::warn);
    out += '\n';
    append_number(out, w);
    out += " warning(s):";
    p.close(out);
    out += '\n';
    for (const auto& d : in.diagnostics)
      if (d.level != severity::note) append(out, "  ", to_string(d), "\n");
  }
  if (count_level(in.diagnostics, true)) {
    out += "\nNotes:\n";
    for (const auto& d : in.diagnostics)
      if (d.level == severity::note) append(out, "  ", to_string(d), "\n");
  }
  sink(out);
}

}  // namespace

std::string to_text(const report_input& in) { return to_text(in, text_options{}); }

std::string to_text(const report_input& in, const text_options& opts) {
  std::string out;
  text_report(in, opts, [&](std::string_view piece) { out += piece; });
  return out;
}

void write_text(std::ostream& os, const report_input& in, const text_options& opts) {
  text_report(in, opts, [&](std::string_view piece) { os.write(piece.data(), static_cast<std::streamsize>(piece.size())); });
}

std::string to_markdown(const report_input& in) {
  auto cell = [](std::string_view s) {
    std::string out;
    for (char ch : s) {
      if (ch == '|') out += "\\|";
      else if (ch == '\n') out += ' ';
      else out += ch;
    }
    return out;
  };
  std::string out = "# crosscheck report\n\n" + detail::summary_line(in) + "\n";
  for (const auto& c : in.result.conflicts) {
    const slot& s = in.result.slots[c.slot];
    out += fmt::format("\n## {} · {} · {} severity\n\n**{}** (slot {})\n\n{}\n\n", c.id, to_string(c.cls), to_string(c.sev),
                       describe_fact(s, in.claims), s.id, c.explanation);
    out += "| value | source | document | quote | attribution |\n|---|---|---|---|---|\n";
    auto rows = [&](const std::vector<value_group>& groups, std::string_view note) {
      for (const auto& g : groups)
        for (std::size_t i : g.claims) {
          const claim& cl = in.claims[i];
          out += fmt::format("| {}{} | {} | {} (bytes {}-{}) | \"{}\" | {} |\n", cell(g.value), note, cell(std::string(outlet(cl.ev))),
                             cell(cl.ev.document), cl.ev.begin, cl.ev.end, cell(cl.ev.text), cell(cl.ev.attribution));
        }
    };
    rows(c.values, "");
    rows(c.compatible, " (compatible)");
    if (!c.best.value.empty())
      out += fmt::format("\nBest supported: **{}** (confidence {:.2f}): {}\n", c.best.value, c.best.confidence, c.best.reason);
    else
      out += fmt::format("\nBest supported: none: {}\n", c.best.reason);
  }
  if (in.result.conflicts.empty()) out += "\nNo conflicts found.\n";
  if (count_level(in.diagnostics, false)) {
    out += "\n## Warnings\n\n";
    for (const auto& d : in.diagnostics)
      if (d.level != severity::note) out += "- " + cell(to_string(d)) + "\n";
  }
  if (count_level(in.diagnostics, true)) {
    out += "\n## Notes\n\n";
    for (const auto& d : in.diagnostics)
      if (d.level == severity::note) out += "- " + cell(to_string(d)) + "\n";
  }
  return out;
}

namespace {

// A double as nlohmann's dump() writes it (shortest round trip, "1.0" for a whole number, null
// for NaN and infinities): with the function dump() itself calls for a finite double, without
// the string and the output adapter that a dump() makes (three numbers per conflict).
void append_json_number(std::string& out, double x) {
  if (!std::isfinite(x)) {
    out += "null";
    return;
  }
  std::array<char, 64> digits;
  const char* end = nlohmann::detail::to_chars(digits.data(), digits.data() + digits.size(), x);
  out.append(digits.data(), static_cast<std::size_t>(end - digits.data()));
}

// A conflict as dump(2) writes conflict_json's tree (below) when its own lines are indented by
// `indent` spaces, without building the tree (tens of thousands of conflicts).
void append_conflict_json(std::string& out, const report_input& in, const conflict& c, std::size_t indent) {
  const slot& s = in.result.slots[c.slot];
  auto key = [&](std::size_t at, std::string_view k, bool first = false) {
    out += first ? "\n" : ",\n";
    out.append(at, ' ');
    out += '"';
    out += k;
    out += "\": ";
  };
  auto close = [&](std::size_t at, char bracket) {
    out += '\n';
    out.append(at, ' ');
    out += bracket;
  };
  auto groups = [&](const std::vector<value_group>& gs) {
    if (gs.empty()) {
      out += "[]";
      return;
    }
    out += '[';
    for (std::size_t k = 0; k < gs.size(); ++k) {
      const value_group& g = gs[k];
      out += k ? ",\n" : "\n";
      out.append(indent + 4, ' ');
      out += '{';
      key(indent + 6, "value", true);
      detail::append_json_string(out, g.value);
      key(indent + 6, "modality");
      detail::append_json_string(out, to_string(g.mod));
      key(indent + 6, "claims");
      detail::append_claim_ids(out, g.claims, in.claims, indent + 6);
      key(indent + 6, "support");
      append_json_number(out, g.support);
      close(indent + 4, '}');
    }
    close(indent + 2, ']');
  };
  out += '{';
  key(indent + 2, "id", true);
  detail::append_json_string(out, c.id);
  key(indent + 2, "class");
  detail::append_json_string(out, to_string(c.cls));
  key(indent + 2, "severity");
  detail::append_json_string(out, to_string(c.sev));
  key(indent + 2, "slot");
  detail::append_json_string(out, s.id);
  key(indent + 2, "subject");
  detail::append_json_string(out, s.subject);
  key(indent + 2, "attribute");
  detail::append_json_string(out, s.attribute);
  if (!s.occasion.empty()) {
    key(indent + 2, "occasion");
    detail::append_json_string(out, s.occasion);
  }
  key(indent + 2, "fact");
  detail::append_json_string(out, describe_fact(s, in.claims));
  key(indent + 2, "values");
  groups(c.values);
  key(indent + 2, "compatible");
  groups(c.compatible);
  key(indent + 2, "resolution");
  out += '{';
  key(indent + 4, "value", true);
  if (c.best.value.empty()) out += "null";
  else detail::append_json_string(out, c.best.value);
  key(indent + 4, "confidence");
  append_json_number(out, c.best.confidence);
  key(indent + 4, "reason");
  detail::append_json_string(out, c.best.reason);
  close(indent + 2, '}');
  key(indent + 2, "explanation");
  detail::append_json_string(out, c.explanation);
  close(indent, '}');
}

// The JSON report, given to `sink` a block of items at a time (or whole, when there is no sink).
std::string json_report(const report_input& in, const std::function<void(std::string_view)>& sink) {
  const detail::phase_timer timer("report (json)");
  json j;
  j["schema_version"] = report_schema_version;
  j["tool"] = "crosscheck";
  json docs = json::array();
  for (const auto& d : in.documents) {
    json o;
    o["id"] = d.id;
    o["source"] = d.source;
    if (!d.author.empty()) o["author"] = d.author;
    if (!d.url.empty()) o["url"] = d.url;
    o["published"] = d.published.text.empty() ? json(nullptr) : json(d.published.text);
    if (d.published.assumed) o["published_assumed"] = true;
    if (d.stripped) {
      o["bytes"] = d.stripped->bytes;
      o["sentences"] = d.stripped->sentences;
      o["repeated_blocks"] = d.stripped->repeated_blocks;
    } else {
      o["bytes"] = d.text.size();
      o["sentences"] = d.sentences.size();
      std::size_t repeats = 0;
      for (const auto& p : d.paragraphs) repeats += p.repeat_of.has_value();
      o["repeated_blocks"] = repeats;
    }
    docs.push_back(std::move(o));
  }
  j["documents"] = std::move(docs);
  // Claims, slots and conflicts are written one at a time into the skeleton's place for them
  // (below): one DOM of a million claims takes gigabytes.
  j["claims"] = nullptr;
  // Slots: {"id", "kind", "subject", "attribute", "occasion" (when set), "claims": [ids]}
  // (detail::append_slot_json).
  j["slots"] = nullptr;
  // Conflicts: {"id", "class", "severity", "slot", "subject", "attribute", "occasion" (when set),
  // "fact", "values" and "compatible": [{"value", "modality", "claims": [ids], "support"}],
  // "resolution": {"value" (null when none), "confidence", "reason"}, "explanation"}
  // (append_conflict_json).
  j["conflicts"] = nullptr;
  json diags = json::array();
  for (const auto& d : in.diagnostics) {
    json o{{"severity", to_string(d.level)}, {"file", d.where.file}, {"message", d.message}};
    if (d.where.line) o["line"] = *d.where.line;
    if (d.where.byte_offset) o["byte_offset"] = *d.where.byte_offset;
    diags.push_back(std::move(o));
  }
  j["diagnostics"] = std::move(diags);
  const std::string skeleton = j.dump(2, ' ', false, json::error_handler_t::replace);
  std::string out;
  if (!sink) out.reserve(skeleton.size() + in.claims.size() * 512);
  std::size_t at = 0;
  // Replaces the top-level `"key": null` (the only line indented by two spaces with that key)
  // with the array, as dump(2) would write it.
  auto splice = [&](std::string_view key, std::size_t n, const auto& write) {
    const std::string mark = fmt::format("\n  \"{}\": null", key);
    const std::size_t p = skeleton.find(mark, at);
    out.append(skeleton, at, p + mark.size() - 4 - at);
    at = p + mark.size();
    if (n == 0) {
      out += "[]";
      return;
    }
    out += "[\n";
    for (std::size_t k = 0; k < n; ++k) {
      if (k) out += ",\n";
      out += "    ";
      write(out, k);
      if (sink && (k + 1) % json_items_per_block == 0) {
        sink(out);
        out.clear();
      }
    }
    out += "\n  ]";
  };
  splice("claims", in.claims.size(), [&](std::string& to, std::size_t k) { detail::append_claim_json(to, in.claims[k], 4); });
  splice("slots", in.result.slots.size(),
         [&](std::string& to, std::size_t k) { detail::append_slot_json(to, in.result.slots[k], in.claims, 4); });
  splice("conflicts", in.result.conflicts.size(),
         [&](std::string& to, std::size_t k) { append_conflict_json(to, in, in.result.conflicts[k], 4); });
  out.append(skeleton, at, std::string::npos);
  out += '\n';
  if (sink) {
    sink(out);
    out.clear();
  }
  return out;
}

}  // namespace

std::string to_json(const report_input& in) { return json_report(in, {}); }

// Written a block at a time: a report of a million claims is never held whole.
void write_json(std::ostream& os, const report_input& in) {
  json_report(in, [&](std::string_view piece) { os.write(piece.data(), static_cast<std::streamsize>(piece.size())); });
}

}  // namespace crosscheck
