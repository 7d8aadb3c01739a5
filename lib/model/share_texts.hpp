// Internal: claims of one producer share their repeated texts (crosscheck/shared_string.hpp).
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <variant>
#include <vector>

#include "crosscheck/claim.hpp"

namespace crosscheck::detail {

// Remembers the last few distinct texts of one field; a text equal to one of them is replaced
// by that one's copy, so the claims hold one block. Cheap (a few comparisons), no hashing. The
// text last met is tried first: claims one after the other mostly hold the same block already
// (the document id, the outlet, a pass's attribute and rule, the sentence of claims from one
// sentence), and that one test settles them, where the loop tested each remembered text in turn.
//
// It remembers the claims' own fields (pointers), not copies: each text it remembers is a field
// of a claim already read, which share_repeated_texts() never changes again and which the
// vector holds until it returns. Holding copies cost a reference count taken and dropped per
// text remembered and 36 strings released per document: half of share_repeated_texts().
class recent_texts {
 public:
  void share(shared_string& s) {
    if (s.empty() || s.shares_with(*recent_[last_])) return;
    for (std::size_t k = 0; k < recent_.size(); ++k) {
      const shared_string& r = *recent_[k];
      if (r.shares_with(s)) {
        last_ = k;
        return;
      }
      if (r.size() == s.size() && r == s) {
        s = r;
        last_ = k;
        return;
      }
    }
    recent_[next_] = &s;
    last_ = next_;
    next_ = (next_ + 1) % recent_.size();
  }

 private:
  static inline const shared_string none{};  // what an empty slot points to
  std::array<const shared_string*, 4> recent_{&none, &none, &none, &none};
  std::size_t next_ = 0;
  std::size_t last_ = 0;  // the entry last met
};

// Makes the claims out[first..] share equal texts of the same field: the document id, the
// source, the sentence of claims from one sentence, the attribute, the rule, and so on.
inline void share_repeated_texts(std::vector<claim>& out, std::size_t first) {
  recent_texts document, source, sentence, attribute, rule, occasion, subject, attribution, zone;
  for (std::size_t i = first; i < out.size(); ++i) {
    claim& c = out[i];
    document.share(c.ev.document);
    source.share(c.ev.source);
    sentence.share(c.ev.sentence);
    attribute.share(c.attribute);
    rule.share(c.rule);
    occasion.share(c.occasion);
    subject.share(c.subject);
    attribution.share(c.ev.attribution);
    if (auto* t = std::get_if<clock_time>(&c.val)) zone.share(t->zone_name);
  }
}

}  // namespace crosscheck::detail
