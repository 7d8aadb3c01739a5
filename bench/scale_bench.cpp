// crosscheck_scale: reconciliation and best-value cost as the number of claims grows.
//
//   build/release/bench/crosscheck_scale N [--sources S] [--per-slot K] [--skip-reconcile]
//
// Makes N synthetic clock-time claims: N/K slots (flights), K claims each from K distinct sources
// out of S (default 50 and 10); source s is right with probability 0.3 + 0.6 * s / S and
// otherwise off by 15, 30, 45 or 60 minutes (so wrong values often coincide). Then times reconcile() (slots, conflicts, explanations),
// the weighted vote and truth discovery over its slots, checks both against the synthetic
// truth, and prints the peak RSS. One N per process, so that the peak is that N's.

#include <crosscheck/crosscheck.hpp>
#include <fmt/format.h>

#include <chrono>
#include <cstdint>
#include <iostream>
#include <string>
#include <vector>

#include "bench_util.hpp"

using namespace crosscheck;

using crosscheck_bench::peak_rss_mb;
using crosscheck_bench::rng;
using crosscheck_bench::seconds_since;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: crosscheck_scale N [--sources S] [--per-slot K] [--skip-reconcile]\n";
    return 2;
  }
  const std::size_t n = std::stoull(argv[1]);
  std::size_t n_sources = 50, per_slot = 10;
  bool skip_reconcile = false;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--sources" && i + 1 < argc) n_sources = std::stoull(argv[++i]);
    else if (a == "--per-slot" && i + 1 < argc) per_slot = std::stoull(argv[++i]);
    else if (a == "--skip-reconcile") skip_reconcile = true;
    else {
      std::cerr << "crosscheck_scale: unknown argument " << a << '\n';
      return 2;
    }
  }
  per_slot = std::max<std::size_t>(1, std::min(per_slot, n_sources));
  const rule_set rules = rule_set::load(CROSSCHECK_DATA_DIR);

  auto t0 = std::chrono::steady_clock::now();
  rng r{42};
  const std::size_t n_slots = (n + per_slot - 1) / per_slot;
  std::vector<int> truth(n_slots);
  // Texts shared as a producer shares them: one block per source, per flight, for "time" and the
  // rule, copied into each claim (crosscheck/shared_string.hpp).
  std::vector<shared_string> source_names(n_sources);
  const shared_string time_attribute = "time", rule_id = "synthetic";
  for (std::size_t s = 0; s < n_sources; ++s) source_names[s] = fmt::format("src{}", s);
  std::vector<claim> claims;
  claims.reserve(n);
  std::vector<slot> direct;  // slots built here, for --skip-reconcile
  if (skip_reconcile) direct.reserve(n_slots);
  for (std::size_t f = 0; f < n_slots && claims.size() < n; ++f) {
    truth[f] = static_cast<int>(r.next() % 1440);
    const shared_string subject = fmt::format("f{}", f);
    const std::size_t first = static_cast<std::size_t>(r.next() % n_sources);
    if (skip_reconcile) {
      slot s;
      s.subject = subject;
      s.attribute = "time";
      direct.push_back(std::move(s));
    }
    for (std::size_t k = 0; k < per_slot && claims.size() < n; ++k) {
      const std::size_t s = (first + k) % n_sources;
      const double accuracy = 0.3 + 0.6 * static_cast<double>(s) / static_cast<double>(n_sources);
      int minute = truth[f];
      if (r.uniform() >= accuracy) minute = (minute + 15 * (1 + static_cast<int>(r.next() % 4))) % 1440;
      claim c;
      c.kind = claim_kind::time_of_day;
      c.subject = subject;
      c.attribute = time_attribute;
      c.val = clock_time::at(minute / 60, minute % 60);
      c.ev.source = source_names[s];
      c.rule = rule_id;
      if (skip_reconcile) direct.back().claims.push_back(claims.size());
      claims.push_back(std::move(c));
    }
  }
  const double t_make = seconds_since(t0);

  std::vector<slot> slots;
  double t_reconcile = 0;
  std::size_t conflicts = 0;
  if (skip_reconcile) {
    slots = std::move(direct);
  } else {
    t0 = std::chrono::steady_clock::now();
    reconciliation rec = reconcile(claims, rules);
    t_reconcile = seconds_since(t0);
    conflicts = rec.conflicts.size();
    slots = std::move(rec.slots);
  }

  auto score = [&](const truth_result& res) {
    std::size_t right = 0;
    for (const slot_truth& st : res.slots) {
      if (st.value.empty()) continue;
      const auto& c = claims[st.claim];
      const std::size_t f = std::stoull(std::string(c.subject.substr(1)));
      right += std::get<clock_time>(c.val).begin == truth[f];
    }
    return static_cast<double>(right) / static_cast<double>(std::max<std::size_t>(res.slots.size(), 1));
  };
  t0 = std::chrono::steady_clock::now();
  const truth_result vote = discover_truth(claims, slots, rules);
  const double t_vote = seconds_since(t0);
  truth_options o;
  o.mode = best_value_mode::truth_discovery;
  t0 = std::chrono::steady_clock::now();
  const truth_result td = discover_truth(claims, slots, rules, o);
  const double t_td = seconds_since(t0);

  fmt::print("claims {} slots {} sources {} | make {:.2f} s | reconcile {:.2f} s ({} conflicts) | vote {:.2f} s "
             "(accuracy {:.3f}) | truth discovery {:.2f} s, {} rounds (accuracy {:.3f}) | peak RSS {} MB\n",
             claims.size(), slots.size(), n_sources, t_make, t_reconcile, conflicts, t_vote, score(vote), t_td,
             td.iterations, score(td), peak_rss_mb());
  return 0;
}
