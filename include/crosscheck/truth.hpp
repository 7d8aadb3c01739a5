// crosscheck/truth.hpp: the best supported value of every slot, by weighted vote or by truth
// discovery (learning each source's reliability from how often it agrees with the others).
//
//   const auto r = crosscheck::reconcile(claims, rules);
//   crosscheck::truth_options o;
//   o.mode = crosscheck::best_value_mode::truth_discovery;
//   const auto t = crosscheck::discover_truth(claims, r.slots, rules, o);
//   for (const auto& s : t.slots) std::cout << r.slots[s.slot].id << ' ' << s.value << ' ' << s.confidence << '\n';
//   for (const auto& s : t.sources) std::cout << s.source << ' ' << s.reliability << '\n';
//
// Two modes:
//  - vote (the default, what reconcile() uses): each independent claim weighs its source's prior
//    reliability (data/sources.yaml, `default` for outlets not listed, overridable with --config),
//    times its attribution (a named primary source counts more than hearsay), times its
//    precision (a minute counts more than "after 2 a.m."). The value with the largest total wins.
//  - truth_discovery: an Accu-style iteration (Dong, Berti-Equille and Srivastava, VLDB 2009).
//    A source's vote is ln(n * A / (1 - A)) for its accuracy A; a value's score is the sum of its
//    sources' votes plus a share (`similarity_weight`) of the scores of near values (clock times
//    a few minutes apart support each other; compatible values, compare() == compatible, fully);
//    the value probabilities are a softmax of the scores; a source's accuracy is the mean
//    probability of the values it states, shrunk towards its prior by `prior_strength` pseudo
//    claims. Accuracy is learned per source and attribute (a site can be good at scheduled times
//    and poor at actual ones) and overall. Sources that keep sharing the same *false* values are
//    taken to copy one another (independent sources are rarely wrong the same way): inside one
//    value, a source's vote is discounted by its copy probability with a source whose vote for
//    that value is stronger, so a group of copies votes about once.
//
// Contract:
//  - one result per slot, in the order of `slots`; a slot whose claims are all denials has an
//    empty value and confidence 0;
//  - claims with modality denied assert nothing and are ignored; a value stated with two
//    modalities (reported and planned) is two candidate values, as in reconcile(); text values
//    and names that share a folded key ("B12", " b12") are one candidate;
//  - deterministic: the same claims in the same order give the same result, bit for bit;
//  - cost: O(claims) per iteration, plus the pairs of sources inside each slot where one of
//    them is wrong (slots with more than 256 sources are left out of copy detection), plus the
//    pairs of distinct values inside a slot (slots with more than `max_similarity_values`
//    values use no similarity). Pair counts are dense up to 2048 sources, hashed beyond.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crosscheck/claim.hpp"
#include "crosscheck/reconcile.hpp"
#include "crosscheck/rules.hpp"

namespace crosscheck {

// "vote", "truth-discovery"; parse accepts these (and "truth_discovery").
std::string_view to_string(best_value_mode m) noexcept;
bool parse_best_value_mode(std::string_view s, best_value_mode& out) noexcept;

struct truth_options {
  best_value_mode mode = best_value_mode::vote;
  // Weights of attribution, as in reconcile_options.
  double attributed_weight = 1.0;
  double unattributed_weight = 0.8;
  // Truth discovery only:
  int max_iterations = 30;          // stop after this many rounds...
  double tolerance = 1e-4;          // ... or once no accuracy moves by more than this
  double false_values = 10;         // Accu's n: how many false values a slot is assumed to offer
  double similarity_weight = 0.5;   // share of a near value's score that supports a value
  int similarity_minutes = 10;      // clock times closer than this support each other (linearly)
  std::size_t max_similarity_values = 64;
  double prior_strength = 4;        // pseudo-claims of the prior in each learned accuracy
  double max_accuracy = 0.99;       // accuracies are kept in [1 - max_accuracy, max_accuracy]
  // Weigh votes by the accuracy learned per (source, attribute) instead of per source. Off by
  // default: on Flight, where copied feeds outnumber the airlines on actual departures, a
  // per-attribute accuracy locks in the copied majority (0.15 against 0.89 on that column).
  // Per-attribute accuracies are learned and reported either way.
  bool per_attribute = false;
  bool copy_dampening = true;       // a group of sources that copy one another votes once
  // Copy probability of a pair: slots where both state the same losing value, over slots where
  // both state a value and at least one of them loses (plus copy_smoothing). Below the
  // threshold, or with fewer than copy_min_shared shared losing values, it is 0.
  double copy_threshold = 0.5;
  double copy_smoothing = 10;
  std::size_t copy_min_shared = 5;  // fewer shared false values than this is never copying
};

// The best supported value of one slot.
struct slot_truth {
  std::size_t slot = 0;        // index into the slots given
  std::string value;           // normalized text (to_string of the value); empty when no claim asserts one
  modality mod = modality::reported;
  std::size_t claim = 0;       // index of a claim stating the value (meaningful when value is not empty)
  double confidence = 0;       // vote: the value's share of the weighted support; truth discovery: its probability
  bool tie = false;            // another value had as much support (the first stated is given)
  std::size_t sources = 0;     // distinct sources stating the value
  std::size_t all_sources = 0; // distinct sources stating any value in the slot
  std::string reason;          // why, in one sentence
};

// What was learned about one source (in vote mode: its prior, unchanged).
struct source_trust {
  std::string source;          // outlet (claim's evidence source, or document when none)
  double prior = 0;            // from data/sources.yaml (or the default)
  double reliability = 0;      // learned accuracy over all its claims
  std::size_t claims = 0;      // claims it made (denials excluded)
  std::vector<std::pair<std::string, double>> by_attribute;  // attribute -> learned accuracy, by attribute name
  std::string copies;          // the more accurate source it most likely copies (or shares a feed with); empty when none
};

struct truth_result {
  best_value_mode mode = best_value_mode::vote;
  std::vector<slot_truth> slots;        // one per slot given, same order
  std::vector<source_trust> sources;    // most reliable first, then by name
  int iterations = 0;                   // rounds run (0 for a vote)
  bool converged = true;
};

// The best supported value of every slot. `slots` partition (part of) `claims`, as reconcile()
// gives them; claims in no slot are ignored. Never throws on data.
truth_result discover_truth(const std::vector<claim>& claims, const std::vector<slot>& slots, const rule_set& rules,
                            const truth_options& opts = {});

// The prior reliability of a source: rules.source_reliability, else rules.default_reliability.
double prior_reliability(const rule_set& rules, std::string_view source) noexcept;

}  // namespace crosscheck
