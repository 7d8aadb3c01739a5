// crosscheck/reconcile.hpp: from claims to slots and conflicts.
//
//   crosscheck::reconciliation r = crosscheck::reconcile(claims, rules);
//   for (const auto& c : r.conflicts) std::cout << c.explanation << '\n';
//
// Contract:
//  - every claim is in exactly one slot; slots and conflicts refer to claims by index into
//    the vector given to reconcile(), which must outlive the result;
//  - a slot holds the claims about one fact: same kind, same attribute, same subject key, same
//    occasion (claims about the 2000 visit are never compared with claims about the 2024 one).
//    Slots are found with blocking keys and connected components, never by comparing all pairs;
//  - a slot is a conflict when two of its values are not compatible (value.hpp's compare());
//    a plan against a report is "planned-vs-actual" only when no report contradicts another;
//    a denial asserts no value;
//  - a date stated with a weekday it does not fall on ("Tuesday, July 19, 2000") is a
//    weekday-date finding on its own, whatever other sources say;
//  - claims from a repeated block (evidence::repeated) or with the same words in the same
//    document support their value once, not twice;
//  - output order is deterministic: slots by first claim, conflicts by severity, then slot.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "crosscheck/claim.hpp"
#include "crosscheck/rules.hpp"

namespace crosscheck {

struct slot {
  std::string id;                    // "S<n>"
  claim_kind kind = claim_kind::time_of_day;
  std::string subject;
  std::string attribute;
  std::string occasion;              // the claims' occasion ("2024"); empty when none has one
  std::vector<std::size_t> claims;   // indices into the claims given to reconcile()
};

enum class conflict_class {
  value_mismatch,      // "value": two sources (or one) give values that cannot both be true
  internal,            // one document gives two incompatible values
  spelling,            // the same person's name spelled two ways (name matcher)
  role,                // the same person given incompatible roles
  date,                // incompatible dates
  planned_vs_actual,   // a planned or scheduled value against a reported one
  timezone_explained,  // the values agree once zones are taken into account
  unit_conversion,     // a value given in two units that do not convert
  weekday_date,        // a weekday stated with a date it does not fall on
};
std::string_view to_string(conflict_class c) noexcept;

enum class conflict_severity { low, medium, high };
std::string_view to_string(conflict_severity s) noexcept;

// One distinct value in a slot and the claims that state it (or a value compatible with it
// and no more precise).
struct value_group {
  std::string value;                 // normalized text (to_string of the value)
  modality mod = modality::reported; // the same value reported and planned are two groups
  std::vector<std::size_t> claims;   // indices into the claims
  double support = 0;                // weighted, independent support
};

struct resolution {
  std::string value;                 // the best supported value's normalized text; empty when none
                                     // has more support than the others (confidence is then 0)
  double confidence = 0;             // in [0, 1]
  std::string reason;                // why, in one sentence
};

struct conflict {
  std::string id;                    // "C<n>"
  conflict_class cls = conflict_class::value_mismatch;
  conflict_severity sev = conflict_severity::medium;
  std::size_t slot = 0;              // index into reconciliation::slots
  std::vector<value_group> values;   // the incompatible values, most supported first
  // Values that conflict with none of the others: they agree with more than one side ("after
  // 2 a.m."), or assert nothing (a denial: "did not arrive at 8 p.m.").
  std::vector<value_group> compatible;
  resolution best;
  std::string explanation;           // one plain sentence a fact-checker can paste
};

struct reconciliation {
  std::vector<slot> slots;
  std::vector<conflict> conflicts;
};

// How a conflict's best supported value is chosen (crosscheck/truth.hpp explains both).
enum class best_value_mode { vote, truth_discovery };

struct reconcile_options {
  // vote: weighted by each source's prior reliability; truth_discovery: by reliabilities learned
  // from agreement across all the slots (discover_truth() with its default options).
  best_value_mode best = best_value_mode::vote;
  // Weight of a claim whose evidence names an attribution (a primary source) relative to one
  // that names none.
  double attributed_weight = 1.0;
  double unattributed_weight = 0.8;
};

// The fact a slot is about, in words: "the time of the arrival of Putin in Pyongyang (2024)",
// "the time since the previous visit of Putin in Pyongyang (2024)".
std::string describe_fact(const slot& s, const std::vector<claim>& claims);

reconciliation reconcile(const std::vector<claim>& claims, const rule_set& rules,
                         const reconcile_options& opts = {});

}  // namespace crosscheck
