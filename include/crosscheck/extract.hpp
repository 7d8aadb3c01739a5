// crosscheck/extract.hpp: extractors turn a prepared document into claims.
//
//   const auto rules = crosscheck::rule_set::load("data");
//   const crosscheck::extractor_set extractors = crosscheck::default_extractors(rules);
//   std::vector<crosscheck::claim> claims;
//   for (auto& doc : corpus.documents) {
//     crosscheck::prepare(doc, rules);
//     extractors.extract(doc, claims);     // never throws on text
//   }
//
// One extractor per claim kind; each records the id of the rule that produced a claim.
// Extractors are immutable after construction and safe to share across threads.
// Sentences in a repeated paragraph (document::paragraph::repeat_of) are still read, and
// their claims carry evidence::repeated, so the reconciler never counts them twice.
#pragma once

#include <memory>
#include <vector>

#include "crosscheck/claim.hpp"
#include "crosscheck/document.hpp"
#include "crosscheck/rules.hpp"

namespace crosscheck {

class extractor {
 public:
  virtual ~extractor() = default;
  virtual claim_kind kind() const noexcept = 0;
  // Appends the claims found in `doc` (which must be prepared) to `out`.
  virtual void extract(const document& doc, std::vector<claim>& out) const = 0;
};

namespace detail {
class token_extractor;
}

class extractor_set {
 public:
  void add(std::unique_ptr<extractor> e);
  // Runs every extractor in the order they were added; claims get ids "<document>#<n>" in the
  // order the extractors produce them.
  void extract(const document& doc, std::vector<claim>& out) const;
  std::size_t size() const noexcept { return extractors_.size(); }

 private:
  struct member {
    std::unique_ptr<extractor> e;
    // The same extractor when it reads the document's shared tokens (a pass of the library's),
    // found once when added, not with a dynamic_cast per document.
    const detail::token_extractor* pass = nullptr;
  };
  std::vector<member> extractors_;
};

// The extractors crosscheck ships, built over `rules` (which must outlive them).
extractor_set default_extractors(const rule_set& rules);

// Clock times tied to the events they date ("Putin arrived in Pyongyang at 2:46 a.m.").
std::unique_ptr<extractor> make_time_extractor(const rule_set& rules);      // clock times of events
std::unique_ptr<extractor> make_date_extractor(const rule_set& rules);      // calendar dates of events
std::unique_ptr<extractor> make_duration_extractor(const rule_set& rules);  // lengths, gaps, delays
// The three above in one pass: each sentence is tokenized, scanned for events and read for dates
// once. default_extractors() uses it; claims come per sentence, times then dates then lengths.
std::unique_ptr<extractor> make_event_extractor(const rule_set& rules);

// People and the roles the text gives them ("Defense Minister Andrei Belousov", "Putin's adviser
// Yuri Ushakov", "Oleg Kozhemyako, Governor of Primorsky Krai"), and delegation membership
// ("accompanied by A, B and others"). For each titled mention, under the subject
// "person:<folded full name>":
//  - a person_role claim, attribute "role": role_value{role id from data/roles.yaml, the title
//    as written, organisation id ("kremlin", "russia") or the folded organisation words};
//  - a person_name claim, attribute "name": the name as written;
//  - in a delegation list, a person_role claim, attribute "delegation": role_value{"member",
//    the cue, "delegation of <leader>"}; rule "person.delegation.partial" when the list ends
//    with "and others", else "person.delegation".
// A surname alone ("Ushakov said") refers to the full name given earlier in the document. A
// role held at another time ("former", "then-") gives no claim; neither do places and
// organisations named after people ("Kim Il Sung Square").
std::unique_ptr<extractor> make_person_extractor(const rule_set& rules);
// Numbers that matter ("at least 10 North Korean missiles", "260,000 tons of ammunition",
// "article four of the treaty", "agreements from 1961, 2000 and 2001").
std::unique_ptr<extractor> make_count_extractor(const rule_set& rules);      // how many of what
std::unique_ptr<extractor> make_quantity_extractor(const rule_set& rules);   // amounts with units
std::unique_ptr<extractor> make_article_extractor(const rule_set& rules);    // numbered parts of documents
std::unique_ptr<extractor> make_agreement_extractor(const rule_set& rules);  // agreements' years (date claims)
// The four above in one pass: each sentence is tokenized and its numbers read once.
// default_extractors() uses it after the event pass; claims come per sentence.
std::unique_ptr<extractor> make_number_extractor(const rule_set& rules);

}  // namespace crosscheck
