// crosscheck/names.hpp: when two written names are one person.
//
//   const crosscheck::name_matcher m(rules);
//   m.match("Kim Jong-un", "Kim Jong Un").verdict;         // variant (hyphenation)
//   m.match("Sergey Lavrov", "Sergei Lavrov").verdict;     // variant (transliteration)
//   m.match("Marta Kowalcyzk", "Marta Kowalczyk").verdict; // likely_misspelling (two letters swapped)
//   m.match("Kim Jong-un", "Kim Jong-il").verdict;         // different (a shared family name only)
//   m.match("Ushakov", "Yuri Ushakov").verdict;            // partial (a shorter form)
//
// The verdict rests on rules alone: case, diacritics, hyphens and spaces; transliteration
// rewrites and name groups from data/names.yaml (Sergey/Sergei, Yuri/Yury, -sky/-skiy); name
// order; parts left out (a surname alone, an initial, a patronymic); and edit operations (one
// letter changed, added, dropped, or two neighbours swapped) in a part long enough for a slip to
// be told from another name. A likely misspelling names one person only when the context agrees
// (the same role in the same story): that is the reconciler's call, not the matcher's. No list
// of known typos is consulted, ever.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/rules.hpp"

namespace crosscheck {

enum class name_verdict {
  same,                // the same spelling (up to case and spacing)
  variant,             // the same person, a harmless variant: hyphens, diacritics, transliteration, order
  partial,             // one name is a shorter form of the other ("Ushakov", "V. Putin"): compatible
  likely_misspelling,  // one slip in an otherwise equal name: the same person if the context agrees
  different,           // different people (a shared family name is not enough)
};
std::string_view to_string(name_verdict v) noexcept;

struct name_match {
  name_verdict verdict = name_verdict::different;
  std::string why;  // "hyphenation or spacing", "transliteration (sergey/sergei)", "two letters swapped (uo/ou)"
};

class name_matcher {
 public:
  explicit name_matcher(const rule_set& rules);  // `rules` must outlive the matcher

  name_match match(std::string_view a, std::string_view b) const;

  // A name's parts: lower case, diacritics removed, split at spaces, hyphens and periods, with
  // particles ("al", "van") and suffixes ("Jr.") left out: "Kim Jong-un" -> kim, jong, un.
  std::vector<std::string> parts(std::string_view name) const;
  // A part's transliteration skeleton: "sergey" -> "sergei", "yuriy" -> "yuri".
  std::string skeleton(std::string_view part) const;
  // Keys under which a name is filed so that any two names that may be one person (same,
  // variant or likely misspelling) share at least one: a few dozen per name, never all pairs.
  std::vector<std::string> blocking_keys(std::string_view name) const;

 private:
  const rule_set& rules_;
};

// A role from text: its canonical form "press_secretary@kremlin" (role id, '@', organisation),
// a role id, or words with a title of data/roles.yaml ("Kremlin press secretary",
// "adviser to the president"); words with no known title keep their lower-cased text as the id.
role_value parse_role(std::string_view raw, const rule_set& rules);

// Lower case, Latin diacritics removed ("Nguyễn" -> "nguyen", "Wŏn" -> "won"); other bytes kept.
std::string fold_latin(std::string_view s);

}  // namespace crosscheck
