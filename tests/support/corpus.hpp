// The corpus-test helper: the living spec of each extractor, in the way of Duckling's corpora.
//
// A corpus pairs one expected claim with many phrasings; a negative corpus lists sentences that
// must yield no claim of the kind. Every sentence is read as the text of a reference document
// published on Wednesday 2024-06-19 (date only; pass another publication time to change it).
// Square brackets mark the exact words the claim's evidence must quote; they are removed before
// extraction:
//
//   static const corpus_entries arrival = {
//     examples(expect("arrival:putin@pyongyang", at(2, 46, kst)),
//              {"Putin arrived in Pyongyang at [2:46 a.m.]", "Putin landed in Pyongyang at [02:46]"}),
//   };
//   TEST_CASE("time: arrival", "[corpus][time]") { check_corpus(claim_kind::time_of_day, arrival); }
//
// check_corpus demands exactly one claim of the kind per phrasing, with the expected subject,
// attribute, value (normalized text: interval, precision, zone offset) and, when given, attribution and modality. On failure it
// prints the sentence and every claim found with the rule that produced it.
#pragma once

#include <crosscheck/crosscheck.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace crosscheck_test {

// The vocabulary in data/, loaded once.
const crosscheck::rule_set& rules();

// A folder run through the whole library as the CLI runs it: loaded, prepared, extracted and
// reconciled with rules().
struct run_result {
  crosscheck::corpus docs;
  std::vector<crosscheck::claim> claims;
  crosscheck::reconciliation result;
  crosscheck::report_input input() const { return {docs.documents, claims, result, docs.diagnostics}; }
};
run_result run_on(const std::filesystem::path& folder);

// A prepared document with the given text, id "corpus.txt", source "Test Wire".
crosscheck::document reference_document(std::string text, const std::string& published = "2024-06-19");

// Claims of one kind extracted from `text` (no brackets) in a reference document.
std::vector<crosscheck::claim> extract(crosscheck::claim_kind kind, const std::string& text,
                                       const std::string& published = "2024-06-19");

struct expectation {
  std::string subject;
  crosscheck::value val;
  std::string attribute = "time";
  std::optional<std::string> attribution;  // unset: not checked; "" : must have none
  std::optional<crosscheck::modality> mod;  // unset: not checked
  std::optional<std::string> occasion;      // unset: not checked ("2000", "2024")
  std::optional<unsigned> weekday;          // unset: must have none; else the stated weekday (0 = Sunday)
};

inline expectation expect(std::string subject, crosscheck::value v) {
  expectation e;
  e.subject = std::move(subject);
  e.val = std::move(v);
  return e;
}
inline expectation attributed(expectation e, std::string who) {
  e.attribution = std::move(who);
  return e;
}
inline expectation with_modality(expectation e, crosscheck::modality m) {
  e.mod = m;
  return e;
}
// The attribute, when not "time": expect_as("visit:putin@pyongyang", "date", day(2024, 6, 19)).
inline expectation expect_as(std::string subject, std::string attribute, crosscheck::value v) {
  expectation e = expect(std::move(subject), std::move(v));
  e.attribute = std::move(attribute);
  return e;
}
inline expectation on_occasion(expectation e, std::string occasion) {
  e.occasion = std::move(occasion);
  return e;
}
inline expectation with_weekday(expectation e, unsigned weekday) {
  e.weekday = weekday;
  return e;
}

struct corpus_entry {
  expectation expected;
  std::vector<std::string> phrasings;
  std::string published = "2024-06-19";
};
using corpus_entries = std::vector<corpus_entry>;

inline corpus_entry examples(expectation e, std::vector<std::string> phrasings) {
  return {std::move(e), std::move(phrasings)};
}

void check_corpus(crosscheck::claim_kind kind, const corpus_entries& corpus);
void check_negative(crosscheck::claim_kind kind, const std::vector<std::string>& sentences);

}  // namespace crosscheck_test
