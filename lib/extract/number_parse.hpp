// Internal: reading numbers, shared by the count, quantity and article extractors and by the
// duration extractor.
//
// One word: digits with thousands separators and a decimal point ("10,000", "8.5", "91.4"),
// digits with letters glued on ("24th", "8.5bil", "1000km"), a hyphenated adjective ("23-article",
// "nine-day": the number and the rest), cardinal words ("two", "twenty-four": dates.numbers of
// data/date.yaml), ordinals ("first", "third": numbers.ordinals). Over tokens, number_reader adds
// a hedge before ("about", "more than", "at least", "nearly", "up to": durations.hedges), a scale
// after ("1.5 million", "three billion": numbers.scales) and vague counts ("dozens of", "thousands
// of", "a dozen": numbers.vague). Lookups use word_map on each token's precomputed hash; no regex.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/rules.hpp"
#include "extract/lexical.hpp"

namespace crosscheck::detail {

// Whether t's word is in `s`. For a set bound to the index t was read with, t's role bits say so
// exactly (word_index::bind: a role of the set's mask means a word of the set), so no probe of
// the set's table is needed; a set left unbound, or a token read without an index (all_roles),
// is looked up.
inline bool holds(const word_set& s, const token& t) noexcept {
  const std::uint64_t mask = s.role_mask();
  return mask != all_roles && t.roles != all_roles ? (t.roles & mask) != 0 : s.contains(t);
}

// A number written in one token.
struct word_number {
  bool ok = false;
  double value = 0;
  bool digits = false;         // written with digits
  bool ordinal = false;        // "24th", "third"
  bool grouped = false;        // "10,000": thousands separators
  int decimals = 0;            // digits after the decimal point
  std::string_view suffix;     // letters glued after the digits ("bil", "km"); empty for words and ordinals
  std::string_view rest;       // after a hyphen: "article" in "23-article", "day" in "nine-day"
};

// Reads one token (lower case). Cardinal words come from `cardinals`; "a" and "an" are numbers
// only when `articles` is true. Ordinal words come from `ordinals` (may be null).
word_number parse_word_number(std::string_view w, const std::map<std::string, int, std::less<>>& cardinals,
                              const std::map<std::string, int, std::less<>>* ordinals = nullptr, bool articles = true);

// The same cardinal and ordinal words in word_maps, for a reader that parses many words: a word
// is then found by its hash instead of by string compares down a tree.
class number_words {
 public:
  number_words(const std::map<std::string, int, std::less<>>& cardinals,
               const std::map<std::string, int, std::less<>>* ordinals);
  const int* cardinal(std::string_view w) const noexcept { return cardinals_.find(w); }
  const int* ordinal(std::string_view w) const noexcept { return ordinals_.find(w); }
  // The same for a whole token, by its precomputed hash.
  const int* cardinal(const token& t) const noexcept { return cardinals_.find(t); }
  const int* ordinal(const token& t) const noexcept { return ordinals_.find(t); }

 private:
  word_map<int> cardinals_, ordinals_;
};
// As above, with the words of `words`.
word_number parse_word_number(std::string_view w, const number_words& words, bool articles = true);

// How a hedge bounds a number.
enum class number_bound { exact, about, nearly, over, at_least, under };

struct number_reading {
  std::size_t first = 0;       // first token, hedge included
  std::size_t number = 0;      // the token holding the number (or the vague phrase's first)
  std::size_t last = 0;        // one past the last token, scale included
  double value = 0;            // the number, scale applied (vague: its minimum)
  double vague_max = 0;        // vague: its maximum
  bool vague = false;          // "thousands of", "dozens of", "a dozen"
  bool words = false;          // written in words
  bool ordinal = false;
  int decimals = 0;
  number_bound bound = number_bound::exact;
  word_number word;            // the number token as read
};

class number_reader {
 public:
  explicit number_reader(const rule_set& rules);  // rules must outlive it
  // A number starting at toks[i] (at its hedge, if any); nullopt when there is none.
  std::optional<number_reading> read(token_span toks, std::size_t i) const;
  // Whether toks[i] could start a number: a digit, a number word, a hedge or a vague phrase.
  // Inline: a word with no digit and no hyphen costs one word_set lookup (one role-bit test
  // with the word index).
  bool may_start(const token& t) const noexcept {
    if (t.has_digit && is_digit(t.lower.front())) return true;
    if (holds(starters_, t)) return true;
    return t.has_hyphen && hyphenated_starts(t);
  }
  // Whether a number (its hedge aside) may be read at toks[i]: digits first, a cardinal (not
  // "a", "an") or an ordinal, alone or before a hyphen ("twenty-four", "nine-day"), or the start
  // of a vague phrase ("thousands of", "a dozen"). Every number read has such a token, so a
  // sentence with none has no number; hedges ("at", "in", "some", "over", "about" start them)
  // are in nearly every sentence and say nothing alone.
  bool may_hold(token_span toks, std::size_t i) const noexcept {
    const token& t = toks[i];
    if (!may_hold_quick(t)) return false;  // most words
    if (t.has_digit && is_digit(t.lower.front())) return true;
    if (holds(cores_, t) || (t.has_hyphen && hyphenated_core(t))) return true;
    return vague_at(toks, i).length != 0;
  }
  // False for a token at which may_hold() is false for sure: no digit, no hyphen, and none of
  // the role bits of the words a number can be read at. One test, true for few words.
  bool may_hold_quick(const token& t) const noexcept {
    return (t.roles & core_roles_) | static_cast<std::uint64_t>(t.has_digit | t.has_hyphen);  // no branch
  }
  // The role bits of the words may_hold() reads a number at (all_roles without an index): a
  // sentence whose tokens' roles miss them, with no digit and no hyphen, holds no number.
  std::uint64_t core_roles() const noexcept { return core_roles_; }
  // The role bits of the words may_start() takes (hedges' and vague phrases' first words, number
  // words); all_roles when they are not bound to an index. Bound, a token has one of them exactly
  // when it is such a word.
  std::uint64_t start_roles() const noexcept { return starters_.role_mask(); }
  // The first token from `from` on at which may_hold(); toks.size() when none.
  std::size_t next_core(token_span toks, std::size_t from) const noexcept {
    const std::size_t n = toks.size();  // read once: the calls in may_hold() would have it read at each token
    while (from < n && !may_hold(toks, from)) ++from;
    return from;
  }
  // Every number of a sentence, left to right, none overlapping; none starts before token
  // `from` (a caller that knows no token before it may start one).
  std::vector<number_reading> read_all(token_span toks, std::size_t from = 0) const;
  // The same into `out` (cleared first), so that a pass reuses one buffer for every sentence.
  void read_all(token_span toks, std::size_t from, std::vector<number_reading>& out) const;
  // The same, given `cores`: every token of the sentence at which may_hold(), in order (a pass
  // that has looked at each token already). No token is looked at again but in the few before
  // each of them, where a hedge may start.
  void read_around(token_span toks, std::span<const std::size_t> cores,
                   std::vector<number_reading>& out) const;
  double about_fraction() const noexcept { return rules_.durations.about_fraction; }
  const rule_set& rules() const noexcept { return rules_; }

 private:
  static bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
  // The vague phrase at toks[i] ("a dozen", "thousands of", "several"). Its first words are
  // common ("a"), and a phrase of two words or more needs one of vague_seconds_ after it: a
  // role-bit test or two turn most of them away before the phrase walk.
  phrase_matcher::match vague_at(token_span toks, std::size_t i) const {
    if (!vague_singles_.contains(toks[i]) && (i + 1 >= toks.size() || !vague_seconds_.contains(toks[i + 1])))
      return {};
    return vague_.longest_at(toks, i);
  }
  // read() from toks[i], whose hedge match (none: length 0) the caller has looked up already,
  // into `r` (a default one); false when there is no number there.
  bool read_into(token_span toks, std::size_t i, phrase_matcher::match h, number_reading& r) const;
  // "twenty-four", "nine-day": the first part is a number word.
  bool hyphenated_starts(const token& t) const noexcept;
  // "twenty-four", "nine-day": the first part is a cardinal or an ordinal.
  bool hyphenated_core(const token& t) const noexcept;

  const rule_set& rules_;
  number_words words_;         // dates.numbers and numbers.ordinals
  word_set starters_;          // first words of hedges, vague phrases; number words
  word_set cores_;             // number words: cardinals but "a" and "an", ordinals
  std::uint64_t core_roles_ = all_roles;  // roles of cores_ and of the vague phrases' first words
  std::uint64_t hedge_roles_ = all_roles;  // roles of the hedges' first words (all_roles: unbound)
  std::size_t hedge_words_ = 0;           // words in the longest hedge ("in excess of": 3)
  word_map<double> scales_;
  phrase_matcher hedges_, vague_;
  word_set vague_seconds_;     // the second words of the vague phrases
  word_set vague_singles_;     // the vague phrases of one word ("several")
  bool vague_digits_ = false;  // a vague phrase starts with a digit
};

}  // namespace crosscheck::detail
