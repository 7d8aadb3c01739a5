// Text, Markdown and JSON reports. The JSON shape is documented in docs/report-format.md.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

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

// ANSI colour for a terminal; every call returns its text unchanged when colour is off, so the
// plain report is byte for byte what it was before colour existed.
struct paint {
  bool on = false;
  std::string wrap(std::string_view code, std::string_view s) const {
    return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : std::string(s);
  }
  std::string bold(std::string_view s) const { return wrap("1", s); }
  std::string dim(std::string_view s) const { return wrap("2", s); }
  std::string quote(std::string_view s) const { return wrap("32", s); }       // green
  std::string warn(std::string_view s) const { return wrap("33", s); }        // yellow
  std::string best(std::string_view s) const { return wrap("1;32", s); }      // bold green
  std::string sev(conflict_severity v, std::string_view s) const {
    return wrap(v == conflict_severity::high ? "1;31" : v == conflict_severity::medium ? "1;33" : "1;36", s);
  }
};

std::size_t count_level(const std::vector<diagnostic>& ds, bool notes) {
  std::size_t n = 0;
  for (const auto& d : ds) n += (d.level == severity::note) == notes;
  return n;
}

// One line of context: the sentence, cut around the claim's words when it is long. The words
// are found in the sentence by their offset when it fits, else by search (claims read from
// JSON Lines may carry any offsets).
std::string context(const claim& c, std::size_t max = 220) {
  const std::string& s = c.ev.sentence;
  if (s.size() <= max) return s;
  std::size_t rel = c.ev.begin >= c.ev.sentence_begin ? c.ev.begin - c.ev.sentence_begin : s.size();
  if (rel + c.ev.text.size() > s.size() || s.compare(rel, c.ev.text.size(), c.ev.text) != 0) {
    rel = s.find(c.ev.text);
    if (rel == std::string::npos) rel = 0;
  }
  std::size_t from = rel > max / 2 ? rel - max / 2 : 0;
  while (from > 0 && (static_cast<unsigned char>(s[from]) & 0xC0) == 0x80) --from;  // UTF-8 boundary
  std::size_t len = std::min(max, s.size() - from);
  while (from + len < s.size() && (static_cast<unsigned char>(s[from + len]) & 0xC0) == 0x80) ++len;
  return (from > 0 ? "..." : "") + s.substr(from, len) + (from + len < s.size() ? "..." : "");
}

// " = 2 days" after a length's canonical seconds; empty for any other value.
std::string readable(const value& v) {
  const std::string words = detail::length_in_words(v);
  return words.empty() ? words : " = " + words;
}

void text_group(std::string& out, const report_input& in, const value_group& g, const paint& p) {
  out += fmt::format("  {}{}{}  (support {:.2f})\n", p.bold(g.value),
                     g.claims.empty() ? std::string() : readable(in.claims[g.claims.front()].val),
                     g.mod == modality::reported ? std::string() : fmt::format(" ({})", to_string(g.mod)), g.support);
  for (std::size_t i : g.claims) {
    const claim& c = in.claims[i];
    out += fmt::format("    - {} [{}, bytes {}-{}]: {}{}\n", outlet(c.ev), c.ev.document, c.ev.begin, c.ev.end,
                       p.quote("\"" + c.ev.text + "\""), c.ev.repeated ? " (repeated block)" : "");
    if (!c.ev.attribution.empty()) out += fmt::format("      attribution: {}\n", c.ev.attribution);
    out += p.dim(fmt::format("      in: {}", context(c))) + "\n";
  }
}

// The values of a conflict on one line, each with the outlets behind it:
// "02:46+09:00 (Seoul Ledger) | 02:22+09:00 (Seoul Ledger, Han River Times)".
std::string side_by_side(const report_input& in, const conflict& c, const paint& p) {
  std::string out;
  for (const auto& g : c.values) {
    std::vector<std::string_view> outlets;
    for (std::size_t i : g.claims) {
      const std::string_view o = outlet(in.claims[i].ev);
      if (std::find(outlets.begin(), outlets.end(), o) == outlets.end()) outlets.push_back(o);
    }
    std::string who;
    for (const auto o : outlets) who += fmt::format("{}{}", who.empty() ? "" : ", ", o);
    out += fmt::format("{}{}{} ({})", out.empty() ? "" : " | ", p.bold(g.value),
                       g.mod == modality::reported ? std::string() : fmt::format(" {}", to_string(g.mod)), who);
  }
  return out;
}

}  // namespace

std::string to_text(const report_input& in) { return to_text(in, text_options{}); }

std::string to_text(const report_input& in, const text_options& opts) {
  const detail::phase_timer timer("report (text)");
  const paint p{opts.color};
  std::string out = p.bold("crosscheck: " + detail::summary_line(in)) + "\n";
  for (const auto& c : in.result.conflicts) {
    const slot& s = in.result.slots[c.slot];
    out += fmt::format("\n{} {}: {} (slot {})\n", p.bold(c.id), p.sev(c.sev, fmt::format("[{}] {}", to_string(c.sev), to_string(c.cls))),
                       describe_fact(s, in.claims), s.id);
    out += fmt::format("  {}\n", c.explanation);
    out += fmt::format("  values: {}\n", side_by_side(in, c, p));
    for (const auto& g : c.values) text_group(out, in, g, p);
    if (!c.compatible.empty()) {
      out += "  also in this slot, conflicting with none of the values above:\n";
      for (const auto& g : c.compatible) text_group(out, in, g, p);
    }
    if (c.best.value.empty())
      out += fmt::format("  best supported: none ({})\n", c.best.reason);
    else
      out += fmt::format("  best supported: {} (confidence {:.2f}): {}\n", p.best(c.best.value), c.best.confidence, c.best.reason);
  }
  if (in.result.conflicts.empty()) out += "\nNo conflicts found.\n";
  if (const std::size_t n = count_level(in.diagnostics, false)) {
    out += p.warn(fmt::format("\n{} warning(s):", n)) + "\n";
    for (const auto& d : in.diagnostics)
      if (d.level != severity::note) out += "  " + to_string(d) + "\n";
  }
  if (count_level(in.diagnostics, true)) {
    out += "\nNotes:\n";
    for (const auto& d : in.diagnostics)
      if (d.level == severity::note) out += "  " + to_string(d) + "\n";
  }
  return out;
}

std::string to_markdown(const report_input& in) {
  auto cell = [](std::string s) {
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

std::string to_json(const report_input& in) {
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
  auto groups = [&](const std::vector<value_group>& gs) {
    json a = json::array();
    for (const auto& g : gs) {
      json ids = json::array();
      for (std::size_t i : g.claims) ids.push_back(in.claims[i].id);
      a.push_back({{"value", g.value}, {"modality", to_string(g.mod)}, {"claims", std::move(ids)}, {"support", g.support}});
    }
    return a;
  };
  auto conflict_json = [&](const conflict& c) {
    const slot& s = in.result.slots[c.slot];
    json o;
    o["id"] = c.id;
    o["class"] = to_string(c.cls);
    o["severity"] = to_string(c.sev);
    o["slot"] = s.id;
    o["subject"] = s.subject;
    o["attribute"] = s.attribute;
    if (!s.occasion.empty()) o["occasion"] = s.occasion;
    o["fact"] = describe_fact(s, in.claims);
    o["values"] = groups(c.values);
    o["compatible"] = groups(c.compatible);
    o["resolution"] = {{"value", c.best.value.empty() ? json(nullptr) : json(c.best.value)},
                       {"confidence", c.best.confidence},
                       {"reason", c.best.reason}};
    o["explanation"] = c.explanation;
    return o;
  };
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
  out.reserve(skeleton.size() + in.claims.size() * 512);
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
      write(k);
    }
    out += "\n  ]";
  };
  auto indented = [&](const json& o) {  // o as dump(2) writes it four spaces in
    const std::string d = o.dump(2, ' ', false, json::error_handler_t::replace);
    std::size_t from = 0;
    for (std::size_t nl; (nl = d.find('\n', from)) != std::string::npos; from = nl + 1) {
      out.append(d, from, nl + 1 - from);
      out += "    ";
    }
    out.append(d, from, std::string::npos);
  };
  splice("claims", in.claims.size(), [&](std::size_t k) { detail::append_claim_json(out, in.claims[k], 4); });
  splice("slots", in.result.slots.size(), [&](std::size_t k) { detail::append_slot_json(out, in.result.slots[k], in.claims, 4); });
  splice("conflicts", in.result.conflicts.size(), [&](std::size_t k) { indented(conflict_json(in.result.conflicts[k])); });
  out.append(skeleton, at, std::string::npos);
  out += '\n';
  return out;
}

void write_json(std::ostream& os, const report_input& in) { os << to_json(in); }

}  // namespace crosscheck
