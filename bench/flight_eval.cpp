// crosscheck_flight: the Flight truth-discovery benchmark (Li et al., PVLDB 2013) as claims.
//
//   build/release/bench/crosscheck_flight ../shared/truth-data/flight [--days N] [--jsonl OUT.jsonl]
//                                         [--config PRIORS.yaml] [--sources N]
//                                         [--expect MIN] [--skip-missing]
//
// Reads claims/*.txt (source, flight, six columns; tab-separated), turns every non-empty cell
// into a claim (source, subject = day/flight, attribute = column) with the library's own time
// reader (times) or as a text value (gates), runs the weighted vote and truth discovery, and
// scores both against gold/*.txt: exact and within 10 minutes, per attribute and overall. Times
// are compared as minutes of the day, as the data set's reference figures are: the zone a source
// writes (EST, "(-05:00)") is read and then set aside, because the gold gives local times with
// none. Prints the learned reliability of each source and the time of each phase.
// --jsonl writes the claims as JSON Lines with raw values, for `crosscheck reconcile`.
// --expect MIN exits 1 when truth discovery's overall exact accuracy is below MIN (a regression
// check in ctest); --skip-missing exits 77 (ctest's "skipped") when the data folder is absent.
// The data is never copied into the repository: give its folder.

#include <crosscheck/crosscheck.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "bench_util.hpp"

#include "extract/time.hpp"

namespace fs = std::filesystem;
using namespace crosscheck;

namespace {

constexpr const char* kColumns[6] = {"scheduled departure", "actual departure", "departure gate",
                                     "scheduled arrival",   "actual arrival",   "arrival gate"};
constexpr bool kIsGate[6] = {false, false, true, false, false, true};

using crosscheck_bench::peak_rss_mb;
using crosscheck_bench::seconds_since;

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const auto tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// One source writes "1:55pDec 1" and "3:00P 12-01-11": a meridiem of one letter, which the
// library's reader (rightly, for news text) does not take. Spelled out as " pm " before reading.
std::string spell_meridiem(std::string_view raw) {
  std::string out;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    out += c;
    const bool after_minutes = i >= 3 && raw[i - 3] == ':' && std::isdigit(static_cast<unsigned char>(raw[i - 1])) &&
                               std::isdigit(static_cast<unsigned char>(raw[i - 2]));
    if (!after_minutes || !(c == 'p' || c == 'P' || c == 'a' || c == 'A')) continue;
    const char next = i + 1 < raw.size() ? raw[i + 1] : ' ';
    if (next == 'm' || next == 'M' || next == '.') continue;
    out.back() = ' ';
    out += (c == 'p' || c == 'P') ? "pm " : "am ";
  }
  return out;
}

// Times: the library's reader, with the zone set aside (minutes of the day), cached by cell text.
class time_cells {
 public:
  explicit time_cells(const rule_set& rules) : parser_(rules) {}
  const std::optional<clock_time>& parse(std::string_view raw) {
    auto it = cache_.find(raw);
    if (it != cache_.end()) return it->second;
    std::optional<clock_time> t = parser_.parse(spell_meridiem(raw));
    if (t) {
      t->zone.reset();
      t->zone_name = {};
    }
    return cache_.emplace(std::string(raw), std::move(t)).first->second;
  }

 private:
  struct hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  detail::time_text_parser parser_;
  std::unordered_map<std::string, std::optional<clock_time>, hash, std::equal_to<>> cache_;
};

struct score_cell {
  std::size_t cells = 0, exact = 0, near = 0, missing = 0;
};

int minutes_apart(int a, int b) {
  int d = ((a - b) % 1440 + 1440) % 1440;
  return std::min(d, 1440 - d);
}

std::string json_escape(std::string_view s) {
  std::string o;
  for (char c : s) {
    if (c == '"' || c == '\\') o += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      o += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
      continue;
    }
    o += c;
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: crosscheck_flight FLIGHT_DIR [--days N] [--jsonl OUT] [--config PRIORS.yaml] [--sources N]\n";
    return 2;
  }
  const fs::path dir = argv[1];
  std::size_t max_days = 1000, show_sources = 40;
  double expect = -1;
  bool skip_missing = false;
  std::string jsonl_out;
  std::vector<std::string> configs;
  truth_options td_opts;
  td_opts.mode = best_value_mode::truth_discovery;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--days" && i + 1 < argc) max_days = std::stoul(argv[++i]);
    else if (a == "--jsonl" && i + 1 < argc) jsonl_out = argv[++i];
    else if (a == "--config" && i + 1 < argc) configs.emplace_back(argv[++i]);
    else if (a == "--sources" && i + 1 < argc) show_sources = std::stoul(argv[++i]);
    else if (a == "--expect" && i + 1 < argc) expect = std::stod(argv[++i]);
    else if (a == "--skip-missing") skip_missing = true;
    else if (a == "--per-attribute" && i + 1 < argc) td_opts.per_attribute = std::string(argv[++i]) == "on";
    else if (a == "--copy" && i + 1 < argc) td_opts.copy_dampening = std::string(argv[++i]) == "on";
    else if (a == "--similarity" && i + 1 < argc) td_opts.similarity_weight = std::stod(argv[++i]);
    else if (a == "--prior-strength" && i + 1 < argc) td_opts.prior_strength = std::stod(argv[++i]);
    else if (a == "--false-values" && i + 1 < argc) td_opts.false_values = std::stod(argv[++i]);
    else {
      std::cerr << "crosscheck_flight: unknown argument " << a << '\n';
      return 2;
    }
  }
  std::error_code ec;
  if (!fs::is_directory(dir / "claims", ec) || !fs::is_directory(dir / "gold", ec)) {
    if (skip_missing) {
      std::cerr << "crosscheck_flight: " << dir.string() << " is absent; skipped\n";
      return 77;
    }
    std::cerr << "crosscheck_flight: " << dir.string() << ": expected claims/ and gold/ folders (the Flight data set)\n";
    return 2;
  }
  try {
    auto t0 = std::chrono::steady_clock::now();
    rule_set rules = rule_set::load(CROSSCHECK_DATA_DIR);
    for (const auto& c : configs) rules.merge_file(c);
    time_cells times(rules);

    std::vector<fs::path> days;
    for (const auto& e : fs::directory_iterator(dir / "claims"))
      if (e.path().extension() == ".txt") days.push_back(e.path());
    std::sort(days.begin(), days.end());
    if (days.size() > max_days) days.resize(max_days);

    // Claims, and their slots (day/flight, column) in order of first appearance.
    std::vector<claim> claims;
    std::vector<slot> slots;
    std::unordered_map<std::string, std::size_t> slot_of;
    std::size_t cells = 0, unread = 0, lines = 0;
    std::map<std::string, std::size_t> unread_examples;
    std::ofstream jsonl;
    if (!jsonl_out.empty()) {
      jsonl.open(jsonl_out, std::ios::binary);
      if (!jsonl) throw std::runtime_error(jsonl_out + ": cannot open for writing");
    }
    std::string line, key;
    for (const auto& path : days) {
      const std::string day = path.stem().string();
      std::ifstream in(path, std::ios::binary);
      if (!in) throw std::runtime_error(path.string() + ": cannot open");
      std::size_t line_no = 0;
      while (std::getline(in, line)) {
        ++line_no;
        ++lines;
        const auto f = split_tabs(line);
        if (f.size() < 2) {
          std::cerr << "crosscheck_flight: " << path.string() << ':' << line_no << ": expected 8 tab-separated cells\n";
          continue;
        }
        const std::string_view source = trim(f[0]), flight = trim(f[1]);
        for (std::size_t col = 0; col < 6 && col + 2 < f.size(); ++col) {
          const std::string_view raw = trim(f[col + 2]);
          if (raw.empty()) continue;
          ++cells;
          claim c;
          if (kIsGate[col]) {
            c.kind = claim_kind::text;
            c.val = make_text_value(raw);
          } else {
            const auto& t = times.parse(raw);
            if (!t) {
              ++unread;
              std::string shape(raw);
              for (char& ch : shape)
                if (std::isdigit(static_cast<unsigned char>(ch))) ch = '9';
              ++unread_examples[shape];
              continue;
            }
            c.kind = claim_kind::time_of_day;
            c.val = *t;
          }
          c.subject = fmt::format("{}/{}", day, flight);
          c.attribute = kColumns[col];
          c.ev.source = std::string(source);
          c.ev.document = c.ev.source;
          c.rule = "flight";
          // The raw cell, with a one-letter meridiem spelled out as the reader above does.
          if (jsonl.is_open())
            jsonl << "{\"source\":\"" << json_escape(source) << "\",\"subject\":\"" << json_escape(c.subject)
                  << "\",\"attribute\":\"" << c.attribute << "\",\"kind\":\"" << to_string(c.kind) << "\",\"value\":\""
                  << json_escape(kIsGate[col] ? std::string(raw) : spell_meridiem(raw)) << "\"}\n";
          key = c.subject;
          key += '\x1f';
          key += c.attribute;
          auto [it, inserted] = slot_of.emplace(key, slots.size());
          if (inserted) {
            slot s;
            s.id = fmt::format("S{}", slots.size() + 1);
            s.kind = c.kind;
            s.subject = c.subject;
            s.attribute = c.attribute;
            slots.push_back(std::move(s));
          }
          slots[it->second].claims.push_back(claims.size());
          claims.push_back(std::move(c));
        }
      }
    }
    const double t_read = seconds_since(t0);
    fmt::print("Flight: {} day(s), {} lines, {} non-empty cells, {} claims in {} slots ({} time cells unread)\n",
               days.size(), lines, cells, claims.size(), slots.size(), unread);
    for (const auto& [shape, n] : unread_examples) fmt::print("  unread: {} cell(s) shaped \"{}\"\n", n, shape);

    auto t1 = std::chrono::steady_clock::now();
    truth_options vote_opts;
    const truth_result vote = discover_truth(claims, slots, rules, vote_opts);
    const double t_vote = seconds_since(t1);
    t1 = std::chrono::steady_clock::now();
    const truth_result td = discover_truth(claims, slots, rules, td_opts);
    const double t_td = seconds_since(t1);

    // Gold.
    t1 = std::chrono::steady_clock::now();
    score_cell vote_score[7], td_score[7];
    std::size_t gold_unread = 0;
    for (const auto& path : days) {
      const fs::path gold = dir / "gold" / path.filename();
      std::ifstream in(gold, std::ios::binary);
      if (!in) {
        std::cerr << "crosscheck_flight: " << gold.string() << ": no gold file for this day\n";
        continue;
      }
      const std::string day = path.stem().string();
      while (std::getline(in, line)) {
        const auto f = split_tabs(line);
        if (f.size() < 2) continue;
        const std::string_view flight = trim(f[0]);
        for (std::size_t col = 0; col < 6 && col + 1 < f.size(); ++col) {
          const std::string_view raw = trim(f[col + 1]);
          if (raw.empty()) continue;
          std::optional<clock_time> gold_time;
          text_value gold_text;
          if (kIsGate[col]) {
            gold_text = make_text_value(raw);
          } else {
            gold_time = times.parse(raw);
            if (!gold_time) {
              ++gold_unread;
              continue;
            }
          }
          key = fmt::format("{}/{}", day, flight);
          key += '\x1f';
          key += kColumns[col];
          const auto it = slot_of.find(key);
          for (int m = 0; m < 2; ++m) {
            const truth_result& r = m == 0 ? vote : td;
            score_cell* sc = m == 0 ? vote_score : td_score;
            bool exact = false, near = false;
            if (it == slot_of.end() || r.slots[it->second].value.empty()) {
              ++sc[col].missing;
              ++sc[6].missing;
            } else {
              const value& v = claims[r.slots[it->second].claim].val;
              if (gold_time) {
                const auto* t = std::get_if<clock_time>(&v);
                exact = t && t->begin == gold_time->begin;
                near = t && minutes_apart(t->begin, gold_time->begin) <= 10;
              } else {
                const auto* t = std::get_if<text_value>(&v);
                exact = near = t && t->key == gold_text.key;
              }
            }
            for (std::size_t k : {col, std::size_t{6}}) {
              ++sc[k].cells;
              sc[k].exact += exact;
              sc[k].near += near;
            }
          }
        }
      }
    }
    const double t_score = seconds_since(t1);

    fmt::print("\nAccuracy against the gold ({} gold cells; {} gold times unread)\n", vote_score[6].cells, gold_unread);
    fmt::print("{:<22} {:>6} | {:>11} {:>11} | {:>11} {:>11}\n", "attribute", "cells", "vote exact", "vote <=10m",
               "TD exact", "TD <=10m");
    for (std::size_t k = 0; k < 7; ++k) {
      const score_cell& v = vote_score[k];
      const score_cell& t = td_score[k];
      auto pct = [](std::size_t a, std::size_t n) { return n ? static_cast<double>(a) / static_cast<double>(n) : 0.0; };
      fmt::print("{:<22} {:>6} | {:>11.3f} {:>11.3f} | {:>11.3f} {:>11.3f}\n", k < 6 ? kColumns[k] : "overall", v.cells,
                 pct(v.exact, v.cells), pct(v.near, v.cells), pct(t.exact, t.cells), pct(t.near, t.cells));
    }

    fmt::print("\nLearned source reliability (truth discovery: {} round(s), {}converged)\n", td.iterations,
               td.converged ? "" : "not ");
    fmt::print("{:<22} {:>7} {:>7} {:>8}  {}\n", "source", "prior", "learned", "claims", "per attribute");
    for (std::size_t i = 0; i < td.sources.size() && i < show_sources; ++i) {
      const source_trust& s = td.sources[i];
      std::string per;
      for (const auto& [a, r] : s.by_attribute) per += fmt::format("{}={:.2f} ", a, r);
      if (!s.copies.empty()) per += fmt::format("(copies {}?)", s.copies);
      fmt::print("{:<22} {:>7.2f} {:>7.3f} {:>8}  {}\n", s.source, s.prior, s.reliability, s.claims, per);
    }
    fmt::print("\nTimes: read + parse + claims {:.2f} s, vote {:.2f} s, truth discovery {:.2f} s, scoring {:.2f} s; "
               "peak RSS {} MB\n",
               t_read, t_vote, t_td, t_score, peak_rss_mb());
    if (expect >= 0) {
      const double got = td_score[6].cells ? static_cast<double>(td_score[6].exact) / static_cast<double>(td_score[6].cells) : 0;
      if (got < expect) {
        std::cerr << fmt::format("crosscheck_flight: truth discovery got {:.3f} exact, below the expected {:.3f}\n", got, expect);
        return 1;
      }
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "crosscheck_flight: error: " << e.what() << '\n';
    return 2;
  }
}
