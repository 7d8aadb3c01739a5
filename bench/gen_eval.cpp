// crosscheck_gen_eval: scores crosscheck on a corpus written by crosscheck_gen, against its truth.json.
//
//   build/release/bench/crosscheck_gen_eval DIR [--data DATA] [--json OUT] [--markdown OUT] [--label TEXT]
//                                              [--min-recall CLASS=R ...] [--max-harmless-alarms N]
//                                              [--min-precision P] [--min-correlation R] [--copies-once]
//                                              [--verbose]
//
// Loads DIR with the library, extracts (one core), reconciles with the vote and with truth
// discovery, and scores (docs/BENCHMARKS.md, "The synthetic corpus", defines every figure):
//   - each claim is matched to what its document states about a fact (truth.json "says"): by the
//     fact's slot subject for event facts, counts and quantities; by the written name for people.
//     Its status is then right, wrong (a planted value), variant (a harmless variant), planned,
//     weekday or unit; "unstated" (a fact of the event its document does not state: a caption,
//     say) or "unmatched" (no fact of the event: extractor noise).
//   - a planted conflict is found when a reported conflict holds a claim of the plant's document
//     matched to the plant's fact; found in the right class when the conflict's class is the
//     plant's. Recall per class.
//   - a reported conflict (timezone-explained ones aside) is a true finding when it holds a
//     claim with a planted status (wrong, planned, weekday, unit), else a false alarm; false alarms
//     that hold a harmless variant (transliteration, timezone) are counted apart.
//   - best values: every slot matched to a fact, the best value's claim right (or a variant) or not.
//   - source reliability learned by truth discovery against the generator's.
//   - copies: every value group holding a story and its verbatim copy must have the support it has
//     when the copies are left out (a second reconcile without them).
// Times each phase and prints the peak RSS. --min-recall / --max-harmless-alarms / --min-precision /
// --min-correlation (of the learned reliability) / --copies-once make it a test: exit 1 when a floor
// is not met. --verbose lists unmatched claims,
// false alarms, missed plants and copies counted twice.

#include <crosscheck/crosscheck.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <stdexcept>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "bench_util.hpp"

using namespace crosscheck;
using nlohmann::json;

namespace {

using crosscheck_bench::cpu_seconds;
using crosscheck_bench::peak_rss_mb;
using crosscheck_bench::seconds_since;

// Letters only, lower case: "Jean-Marc Kalinovsky" and "person:jean marc kalinovsky" fold alike.
std::string fold(std::string_view s) {
  std::string o;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') o += static_cast<char>(c - 'A' + 'a');
    else if (c >= 'a' && c <= 'z') o += c;
  }
  return o;
}

constexpr int kMember0 = 5;  // facts 0-4: time, date, length, count, quantity; then the cabinet

struct fact_t {
  std::string kind, subject, attribute, truth, name, alt_subject;
};
struct event_t {
  std::vector<fact_t> facts;
  std::string leader;  // folded; the leader's name and role are never planted: right wherever read
};
struct say_t {
  int fact;
  std::string status, written;
};
struct doc_t {
  std::size_t event = 0;
  std::string source;
  std::vector<say_t> says;
};
struct plant_t {
  std::string cls;
  std::size_t event = 0;
  int fact = 0;
  std::string doc, copy;
  bool harmless = false;
};

bool harmful(const std::string& status) {
  return status == "wrong" || status == "planned" || status == "weekday" || status == "unit";
}

// The conflict classes that report a plant of each class.
bool class_fits(const std::string& plant, conflict_class c) {
  if (plant == "value")
    return c == conflict_class::value_mismatch || c == conflict_class::internal || c == conflict_class::date;
  if (plant == "spelling") return c == conflict_class::spelling;
  if (plant == "role") return c == conflict_class::role;
  if (plant == "planned_vs_actual") return c == conflict_class::planned_vs_actual;
  if (plant == "weekday_date") return c == conflict_class::weekday_date;
  if (plant == "unit_conversion") return c == conflict_class::unit_conversion;
  return false;
}

struct per_class {
  std::size_t planted = 0, found = 0, right_class = 0;
};

double pearson(const std::vector<double>& a, const std::vector<double>& b) {
  const double n = static_cast<double>(a.size());
  if (a.size() < 2) return 0;
  double ma = 0, mb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) ma += a[i], mb += b[i];
  ma /= n;
  mb /= n;
  double sab = 0, saa = 0, sbb = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    sab += (a[i] - ma) * (b[i] - mb), saa += (a[i] - ma) * (a[i] - ma), sbb += (b[i] - mb) * (b[i] - mb);
  return saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : 0;
}

[[noreturn]] void usage(const std::string& why) {
  std::cerr << "crosscheck_gen_eval: " << why
            << "\nusage: crosscheck_gen_eval DIR [--data DATA] [--json OUT] [--markdown OUT] [--label TEXT]"
               " [--min-recall CLASS=R ...] [--max-harmless-alarms N] [--min-precision P] [--min-correlation R]"
               " [--copies-once] [--verbose]\n";
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir, data = CROSSCHECK_DATA_DIR, json_out, md_out, label;
  std::map<std::string, double> min_recall;
  long max_harmless = -1;
  double min_precision = -1;
  double min_correlation = -2;  // below any correlation: no floor
  bool copies_once = false;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) try {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage("missing value after " + a);
      return argv[++i];
    };
    if (a == "--data") data = value();
    else if (a == "--json") json_out = value();
    else if (a == "--markdown") md_out = value();
    else if (a == "--label") label = value();
    else if (a == "--min-recall") {
      const std::string v = value();
      const auto eq = v.find('=');
      if (eq == std::string::npos) usage("--min-recall needs CLASS=R, not " + v);
      min_recall[v.substr(0, eq)] = std::stod(v.substr(eq + 1));
    } else if (a == "--max-harmless-alarms") max_harmless = std::stol(value());
    else if (a == "--verbose") verbose = true;
    else if (a == "--min-precision") min_precision = std::stod(value());
    else if (a == "--min-correlation") min_correlation = std::stod(value());
    else if (a == "--copies-once") copies_once = true;
    else if (!a.empty() && a[0] == '-') usage("unknown option " + a);
    else dir = a;
  } catch (const std::logic_error&) {  // std::stod / std::stol
    usage(std::string("not a number after ") + argv[i - 1] + ": " + argv[i]);
  }
  if (dir.empty()) usage("DIR is required");

  // ---- truth
  json truth;
  {
    std::ifstream f(dir + "/truth.json");
    if (!f) {
      std::cerr << "crosscheck_gen_eval: " << dir << "/truth.json: cannot read (write DIR with crosscheck_gen)\n";
      return 2;
    }
    try {
      f >> truth;
    } catch (const std::exception& e) {
      std::cerr << "crosscheck_gen_eval: " << dir << "/truth.json: " << e.what() << '\n';
      return 2;
    }
  }
  std::vector<event_t> events;
  std::unordered_map<std::string, doc_t> docs;
  std::vector<plant_t> plants;
  std::map<std::string, double> true_reliability;
  try {  // a truth file that is not crosscheck_gen's: a clear error, never a crash
    for (const auto& e : truth.at("event_list")) {
      event_t ev;
      ev.leader = fold(e.at("leader").get<std::string>());
      for (const auto& f : e.at("facts"))
        ev.facts.push_back({f.at("kind"), f.at("subject"), f.at("attribute"), f.at("truth"), f.value("name", ""),
                             f.value("alt_subject", "")});
      if (ev.facts.size() < static_cast<std::size_t>(kMember0))
        throw std::runtime_error("event " + std::to_string(events.size()) + " has fewer than " +
                                 std::to_string(kMember0) + " facts");
      events.push_back(std::move(ev));
    }
    for (const auto& d : truth.at("documents")) {
      doc_t doc;
      doc.event = d.at("event");
      doc.source = d.at("source");
      for (const auto& s : d.at("says")) doc.says.push_back({s.at(0).get<int>(), s.at(1), s.at(2)});
      docs[d.at("file")] = std::move(doc);
    }
    for (const auto& p : truth.at("plants"))
      plants.push_back({p.at("class"), p.at("event"), p.at("fact"), p.at("document"), p.value("copy", ""), p.at("harmless")});
    for (const auto& s : truth.at("sources")) true_reliability[s.at("name")] = s.at("reliability");
    for (const auto& [file, d] : docs) {
      if (d.event >= events.size()) throw std::runtime_error(file + ": event " + std::to_string(d.event) + " is not listed");
      for (const auto& x : d.says)
        if (x.fact < 0 || static_cast<std::size_t>(x.fact) >= events[d.event].facts.size())
          throw std::runtime_error(file + ": fact " + std::to_string(x.fact) + " is not one of its event's");
    }
    for (const auto& p : plants)
      if (p.event >= events.size() || p.fact >= static_cast<int>(events[p.event].facts.size()))
        throw std::runtime_error("a plant names event " + std::to_string(p.event) + ", fact " + std::to_string(p.fact) +
                                 ", which is not listed");
  } catch (const std::exception& e) {
    std::cerr << "crosscheck_gen_eval: " << dir << "/truth.json: not a crosscheck_gen truth file: " << e.what() << '\n';
    return 2;
  }

  // ---- pipeline, timed
  const auto t_load = std::chrono::steady_clock::now();
  std::optional<rule_set> loaded;
  corpus c;
  try {
    loaded.emplace(rule_set::load(data));
    c = load_corpus({dir});
  } catch (const std::exception& e) {
    std::cerr << "crosscheck_gen_eval: " << e.what() << '\n';
    return 2;
  }
  const rule_set& rules = *loaded;
  const double load_s = seconds_since(t_load);
  std::size_t bytes = 0;
  for (const auto& d : c.documents) bytes += d.text.size();
  const auto t_extract = std::chrono::steady_clock::now();
  const double cpu0 = cpu_seconds();
  const auto extractors = default_extractors(rules);
  std::vector<claim> claims;
  for (auto& d : c.documents) {
    prepare(d, rules);
    extractors.extract(d, claims);
  }
  const double extract_s = seconds_since(t_extract);
  const double extract_cpu_s = cpu_seconds() - cpu0;
  const auto t_vote = std::chrono::steady_clock::now();
  const reconciliation res = reconcile(claims, rules);
  const double reconcile_s = seconds_since(t_vote);
  const auto t_td = std::chrono::steady_clock::now();
  truth_options td_opts;
  td_opts.mode = best_value_mode::truth_discovery;
  const truth_result td = discover_truth(claims, res.slots, rules, td_opts);
  const double td_s = seconds_since(t_td);
  truth_options vote_opts;
  const truth_result vote = discover_truth(claims, res.slots, rules, vote_opts);

  // ---- each claim's status
  enum { st_unmatched = -2, st_unstated = -1 };
  std::vector<int> claim_fact(claims.size(), st_unmatched);
  std::vector<std::string> claim_status(claims.size(), "unmatched");
  std::map<std::string, std::size_t> status_count;
  std::set<std::pair<std::string, int>> read;  // (document, fact) with a matched claim
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const claim& cl = claims[i];
    const auto d = docs.find(cl.ev.document.str());
    if (d == docs.end()) continue;
    const event_t& ev = events[d->second.event];
    int f = st_unmatched;
    const std::string kind(to_string(cl.kind));
    if (kind == "person_role" || kind == "person_name") {
      const std::string who = fold(cl.subject.substr(cl.subject.find(':') + 1));
      for (const auto& s : d->second.says)
        if (s.fact >= kMember0 && fold(s.written) == who) f = s.fact;
      if (f == st_unmatched && who == ev.leader) {
        claim_status[i] = "right";
        ++status_count["right"];
        continue;
      }
      if (f == st_unmatched)
        for (std::size_t k = kMember0; k < ev.facts.size(); ++k)
          if (fold(ev.facts[k].name) == who) f = st_unstated;
    } else {
      for (std::size_t k = 0; k < static_cast<std::size_t>(kMember0); ++k)
        if (ev.facts[k].kind == kind &&
            (ev.facts[k].subject == cl.subject || (!cl.subject.empty() && ev.facts[k].alt_subject == cl.subject)) &&
            (kind != "duration" || cl.attribute == ev.facts[k].attribute) && !ev.facts[k].truth.empty())
          f = static_cast<int>(k);
    }
    if (f >= 0) {
      claim_fact[i] = f;
      claim_status[i] = "unstated";
      for (const auto& s : d->second.says)
        if (s.fact == f) claim_status[i] = s.status;
      if (claim_status[i] == "unstated") claim_fact[i] = st_unstated;
      else read.insert({cl.ev.document.str(), f});
    } else if (f == st_unstated) {
      claim_status[i] = "unstated";
      claim_fact[i] = st_unstated;
    }
    ++status_count[claim_status[i]];
    if (verbose && claim_status[i] == "unmatched")
      std::cout << "unmatched claim: " << cl.ev.document << ' ' << to_string(cl.kind) << ' ' << cl.subject << " / "
                << cl.attribute << " = " << to_string(cl.val) << " \"" << cl.ev.text << "\"\n";
  }
  // Statements read: per fact family.
  const char* family[] = {"time", "date", "length", "count", "quantity", "person"};
  std::array<std::size_t, 6> stated{}, got{};
  for (const auto& [file, d] : docs)
    for (const auto& s : d.says) {
      const std::size_t fam = static_cast<std::size_t>(std::min(s.fact, kMember0));
      ++stated[fam];
      if (read.count({file, s.fact})) ++got[fam];
    }

  // ---- conflicts
  std::map<std::string, per_class> recall;
  std::map<std::pair<std::string, int>, std::vector<std::size_t>> plant_index;  // (doc, fact) -> plants
  for (std::size_t p = 0; p < plants.size(); ++p) {
    if (plants[p].cls == "copy") continue;
    ++recall[plants[p].cls].planted;
    plant_index[{plants[p].doc, plants[p].fact}].push_back(p);
  }
  std::vector<char> found(plants.size(), 0), right_class(plants.size(), 0), harmless_alarm(plants.size(), 0);
  std::size_t conflicts = 0, true_findings = 0, false_alarms = 0, harmless_false_alarms = 0, tz_explained = 0;
  std::map<std::string, std::size_t> by_class;
  for (const conflict& k : res.conflicts) {
    ++by_class[std::string(to_string(k.cls))];
    std::vector<std::size_t> in_values, in_all;
    for (const auto& g : k.values) in_values.insert(in_values.end(), g.claims.begin(), g.claims.end());
    in_all = in_values;
    for (const auto& g : k.compatible) in_all.insert(in_all.end(), g.claims.begin(), g.claims.end());
    bool has_harmful = false, has_variant = false, has_wrong_report = false;
    for (std::size_t i : in_values) {
      has_wrong_report |= claim_status[i] == "wrong" && claims[i].mod == modality::reported;
      has_harmful |= harmful(claim_status[i]);
      has_variant |= claim_status[i] == "variant";
    }
    for (std::size_t i : in_all) {
      if (claim_fact[i] < 0) continue;
      const auto it = plant_index.find({claims[i].ev.document.str(), claim_fact[i]});
      if (it == plant_index.end()) continue;
      for (std::size_t p : it->second) {
        if (plants[p].harmless) {
          if (k.cls != conflict_class::timezone_explained && !has_harmful) harmless_alarm[p] = 1;
          continue;
        }
        found[p] = 1;
        // A plan set against reports that disagree among themselves is listed beside a value conflict.
        if (class_fits(plants[p].cls, k.cls) || (plants[p].cls == "planned_vs_actual" && has_wrong_report))
          right_class[p] = 1;
      }
    }
    if (k.cls == conflict_class::timezone_explained) {
      ++tz_explained;
      continue;
    }
    ++conflicts;
    if (has_harmful) ++true_findings;
    else {
      ++false_alarms;
      if (has_variant) ++harmless_false_alarms;
      if (verbose) {
        std::cout << "false alarm " << to_string(k.cls) << " " << res.slots[k.slot].subject << " / "
                  << res.slots[k.slot].attribute << ":";
        for (const auto& g : k.values)
          for (std::size_t i : g.claims)
            std::cout << " [" << claims[i].ev.document << ' ' << g.value << ' ' << claim_status[i] << "]";
        std::cout << '\n';
      }
    }
  }
  for (std::size_t p = 0; p < plants.size(); ++p) {
    if (plants[p].cls == "copy") continue;
    per_class& r = recall[plants[p].cls];
    if (plants[p].harmless) {
      r.found += harmless_alarm[p];  // for harmless plants: how many drew a false alarm
      continue;
    }
    r.found += found[p];
    r.right_class += right_class[p];
    if (verbose && !right_class[p])
      std::cout << "missed plant " << plants[p].cls << " event " << plants[p].event << " fact " << plants[p].fact << ' '
                << plants[p].doc << (found[p] ? " (found, another class)" : "") << '\n';
  }

  // ---- best values: slots matched to a fact (the fact most of its claims match)
  auto best_accuracy = [&](const truth_result& tr, std::size_t& n, std::size_t& ok, std::size_t& n_contested,
                           std::size_t& ok_contested) {
    n = ok = n_contested = ok_contested = 0;
    for (const slot_truth& st : tr.slots) {
      if (st.value.empty()) continue;
      const slot& s = res.slots[st.slot];
      std::size_t matched = 0;
      bool contested = false;
      for (std::size_t i : s.claims) {
        matched += claim_fact[i] >= 0;
        contested |= harmful(claim_status[i]) && claim_status[i] != "planned";
      }
      if (matched * 2 <= s.claims.size()) continue;
      const std::string& status = claim_status[st.claim];
      const bool right = status == "right" || status == "variant" || status == "weekday" || status == "unit";
      ++n;
      ok += right;
      if (contested) {
        ++n_contested;
        ok_contested += right;
      }
    }
  };
  std::size_t v_n, v_ok, v_nc, v_okc, t_n, t_ok, t_nc, t_okc;
  best_accuracy(vote, v_n, v_ok, v_nc, v_okc);
  best_accuracy(td, t_n, t_ok, t_nc, t_okc);

  // ---- source reliability
  std::vector<double> learned, real;
  for (const source_trust& s : td.sources) {
    const auto it = true_reliability.find(s.source);
    if (it == true_reliability.end()) continue;
    learned.push_back(s.reliability);
    real.push_back(it->second);
  }
  double mae = 0;
  for (std::size_t i = 0; i < learned.size(); ++i) mae += std::fabs(learned[i] - real[i]);
  if (!learned.empty()) mae /= static_cast<double>(learned.size());
  const double corr = pearson(learned, real);

  // ---- copies: a value group that holds a story and its verbatim copy must have the support it has
  // without the copy (reconciled again with the copies left out).
  std::map<std::string, std::string> copy_of;  // copy -> original
  for (const auto& p : plants)
    if (p.cls == "copy") copy_of[p.copy] = p.doc;
  std::size_t copy_groups = 0, copy_independent = 0;
  if (!copy_of.empty()) {
    std::vector<claim> without;
    for (const claim& cl : claims)
      if (!copy_of.count(cl.ev.document.str())) without.push_back(cl);
    const reconciliation res_nc = reconcile(without, rules);
    // A slot can have several conflicts (a weekday finding beside a value conflict): the class is in the key.
    auto key = [](const slot& s, const conflict& k, const value_group& g) {
      return s.subject + '|' + s.attribute + '|' + s.occasion + '|' + std::string(to_string(k.cls)) + '|' + g.value +
             '|' + std::string(to_string(g.mod));
    };
    std::map<std::string, double> support_nc;
    for (const conflict& k : res_nc.conflicts) {
      for (const auto& g : k.values) support_nc[key(res_nc.slots[k.slot], k, g)] = g.support;
      for (const auto& g : k.compatible) support_nc[key(res_nc.slots[k.slot], k, g)] = g.support;
    }
    auto check = [&](const slot& s, const conflict& k, const value_group& g) {
      std::set<std::string> in;
      for (std::size_t i : g.claims) in.insert(claims[i].ev.document.str());
      bool pair = false;
      for (const auto& d : in)
        if (const auto it = copy_of.find(d); it != copy_of.end() && in.count(it->second)) pair = true;
      if (!pair) return;
      const auto it = support_nc.find(key(s, k, g));
      if (it == support_nc.end()) return;
      ++copy_groups;
      if (std::fabs(it->second - g.support) < 1e-9) ++copy_independent;
      else if (verbose)
        std::cout << "copy counted: " << key(s, k, g) << " support " << g.support << " without copies " << it->second
                  << '\n';
    };
    for (const conflict& k : res.conflicts) {
      for (const auto& g : k.values) check(res.slots[k.slot], k, g);
      for (const auto& g : k.compatible) check(res.slots[k.slot], k, g);
    }
  }

  auto ratio = [](std::size_t a, std::size_t b) { return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0; };
  const double precision = ratio(true_findings, conflicts);

  // ---- report
  const long rss = peak_rss_mb();
  std::cout << fmt::format("crosscheck_gen_eval {}: {} documents ({:.1f} MB), {} claims, {} slots, {} conflicts\n", dir,
                           c.documents.size(), static_cast<double>(bytes) / 1e6, claims.size(), res.slots.size(),
                           res.conflicts.size());
  std::cout << fmt::format("time: load {:.2f} s, extract {:.2f} s ({:.2f} s CPU: {:.1f} MB/s of CPU, one thread), "
                           "reconcile {:.2f} s, truth discovery {:.2f} s ({} rounds); peak RSS {} MB\n",
                           load_s, extract_s, extract_cpu_s, static_cast<double>(bytes) / 1e6 / std::max(extract_cpu_s, 1e-9),
                           reconcile_s, td_s, td.iterations, rss);
  std::cout << "claims by status:";
  for (const auto& [k, v] : status_count) std::cout << ' ' << k << '=' << v;
  std::cout << "\nstatements read (a claim matched):";
  for (std::size_t f = 0; f < 6; ++f) std::cout << fmt::format(" {} {}/{}", family[f], got[f], stated[f]);
  std::cout << "\nconflicts by class:";
  for (const auto& [k, v] : by_class) std::cout << ' ' << k << '=' << v;
  std::cout << fmt::format("\nprecision {:.3f}: {} of {} conflicts (timezone-explained aside) hold a planted value; "
                           "{} false alarms, {} of them on a harmless variant; {} timezone-explained\n",
                           precision, true_findings, conflicts, false_alarms, harmless_false_alarms, tz_explained);
  std::cout << "plant class          planted  found  recall  right class\n";
  for (const auto& [k, r] : recall) {
    if (k == "transliteration" || k == "timezone")
      std::cout << fmt::format("{:<20} {:>7}  {:>5}  (harmless: {} drew a false alarm)\n", k, r.planted, r.found, r.found);
    else
      std::cout << fmt::format("{:<20} {:>7}  {:>5}  {:>6.3f}  {:>6.3f}\n", k, r.planted, r.found, ratio(r.found, r.planted),
                               ratio(r.right_class, r.planted));
  }
  std::cout << fmt::format("best value, vote: {:.3f} of {} slots ({:.3f} of {} contested); truth discovery: {:.3f} "
                           "({:.3f} contested)\n",
                           ratio(v_ok, v_n), v_n, ratio(v_okc, v_nc), v_nc, ratio(t_ok, t_n), ratio(t_okc, t_nc));
  std::cout << fmt::format("source reliability (truth discovery vs generator, {} outlets): correlation {:.3f}, mean "
                           "abs error {:.3f}\n",
                           learned.size(), corr, mae);

  std::cout << fmt::format("copies: {} stories republished; {} of {} value groups holding a story and its copy have "
                           "the support they have without the copy\n",
                           copy_of.size(), copy_independent, copy_groups);

  json out = {{"dir", dir},
              {"copies", {{"stories", copy_of.size()}, {"groups", copy_groups}, {"independent", copy_independent}}},
              {"label", label},
              {"documents", c.documents.size()},
              {"bytes", bytes},
              {"claims", claims.size()},
              {"slots", res.slots.size()},
              {"conflicts", res.conflicts.size()},
              {"time_s", {{"load", load_s}, {"extract", extract_s}, {"extract_cpu", extract_cpu_s}, {"reconcile", reconcile_s}, {"truth_discovery", td_s}}},
              {"peak_rss_mb", rss},
              {"precision", precision},
              {"false_alarms", false_alarms},
              {"harmless_false_alarms", harmless_false_alarms},
              {"timezone_explained", tz_explained},
              {"best_value",
               {{"vote", ratio(v_ok, v_n)},
                {"vote_contested", ratio(v_okc, v_nc)},
                {"truth_discovery", ratio(t_ok, t_n)},
                {"truth_discovery_contested", ratio(t_okc, t_nc)},
                {"slots", v_n},
                {"contested", v_nc}}},
              {"reliability", {{"correlation", corr}, {"mae", mae}, {"outlets", learned.size()}}}};
  for (std::size_t f = 0; f < 6; ++f) out["statements_read"][family[f]] = {{"stated", stated[f]}, {"read", got[f]}};
  for (const auto& [k, r] : recall)
    out["recall"][k] = {{"planted", r.planted},
                        {"found", r.found},
                        {"recall", ratio(r.found, r.planted)},
                        {"right_class", ratio(r.right_class, r.planted)}};
  if (!json_out.empty()) std::ofstream(json_out) << out.dump(2) << '\n';
  if (!md_out.empty()) {
    std::ofstream md(md_out);
    auto rec = [&](const std::string& k) {
      const auto it = recall.find(k);
      return it == recall.end() || it->second.planted == 0
                 ? std::string("-")
                 : fmt::format("{:.2f} ({})", ratio(it->second.right_class, it->second.planted), it->second.planted);
    };
    md << fmt::format("| {} | {} | {:.3f} | {} | {} | {} | {} | {} | {} | {} ({} of {}) | {:.3f} / {:.3f} | {:.3f} / {:.3f} | {:.2f} / {:.3f} | {} of {} |\n",
                      label.empty() ? dir : label, c.documents.size(), precision, rec("value"), rec("spelling"),
                      rec("role"), rec("planned_vs_actual"), rec("weekday_date"), rec("unit_conversion"),
                      harmless_false_alarms, recall["transliteration"].found + recall["timezone"].found,
                      recall["transliteration"].planted + recall["timezone"].planted, ratio(v_ok, v_n),
                      ratio(t_ok, t_n), ratio(v_okc, v_nc), ratio(t_okc, t_nc), corr, mae, copy_independent, copy_groups);
  }

  // ---- floors (the smoke test)
  int rc = 0;
  for (const auto& [k, floor] : min_recall) {
    const auto it = recall.find(k);
    const double got_r = it == recall.end() ? 0 : ratio(it->second.right_class, it->second.planted);
    if (it == recall.end() || it->second.planted == 0) {
      std::cerr << "FAIL: no plant of class " << k << " in " << dir << '\n';
      rc = 1;
    } else if (got_r < floor) {
      std::cerr << fmt::format("FAIL: recall of {} plants in the right class {:.3f} < {:.3f}\n", k, got_r, floor);
      rc = 1;
    }
  }
  if (copies_once && (copy_groups == 0 || copy_independent < copy_groups)) {
    std::cerr << fmt::format("FAIL: {} of {} value groups with a story and its copy count the copy as support\n",
                             copy_groups - copy_independent, copy_groups);
    rc = 1;
  }
  if (min_precision >= 0 && precision < min_precision) {
    std::cerr << fmt::format("FAIL: precision {:.3f} < {:.3f}\n", precision, min_precision);
    rc = 1;
  }
  if (min_correlation > -2 && !(corr >= min_correlation)) {
    std::cerr << fmt::format("FAIL: learned reliability correlation {:.3f} < {:.3f}\n", corr, min_correlation);
    rc = 1;
  }
  if (max_harmless >= 0) {
    const std::size_t alarms = harmless_false_alarms + recall["transliteration"].found + recall["timezone"].found;
    if (static_cast<long>(alarms) > max_harmless) {
      std::cerr << fmt::format("FAIL: {} false alarms on harmless variants > {}\n", alarms, max_harmless);
      rc = 1;
    }
  }
  return rc;
}
