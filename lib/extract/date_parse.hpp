// Internal: reading calendar dates in a sentence's tokens and resolving them against the
// publication date. Not yet tied to events: an extractor asks for the dates of a sentence and
// attaches them itself.
//
//   const detail::date_reader dates(rules);                      // once; immutable, thread-safe
//   const auto toks = detail::tokenize(text, sen.normalized.begin, sen.normalized.end);
//   for (const auto& m : dates.read(text, toks, {doc.published.date, {}})) ...
//
// The forms read, their rule ids and how each is resolved are listed in date_parse.cpp.
// The words (months, weekdays, "last year", "that day", ...) come from data/date.yaml.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "crosscheck/rules.hpp"
#include "crosscheck/value.hpp"
#include "extract/lexical.hpp"

namespace crosscheck::detail {

// Where a date_context's date in context comes from when it is not known yet: the event pass
// reads the dates of some sentences only when a later "that day" needs them (event_pass.cpp).
class context_source {
 public:
  // The date in context, once the sentences it waited for are read.
  virtual std::optional<date_value> settle() const = 0;

 protected:
  ~context_source() = default;
};

struct date_context {
  std::optional<date_value> published;   // the document's publication date (day grain), if known
  std::optional<date_value> in_context;  // the date the text is talking about, for "that day"
  // When given, in_context may be out of date: it is asked for the date in context instead.
  const context_source* source = nullptr;
  std::optional<date_value> context_day() const { return source ? source->settle() : in_context; }
};

struct date_mention {
  std::size_t first = 0, last = 0;  // token range [first, last) in the tokens given to read()
  std::size_t begin = 0, end = 0;   // normalized byte offsets of the words
  // Unset: a relative date the context cannot resolve ("on Tuesday" with no publication date);
  // never guessed.
  std::optional<date_value> value;
  std::string_view rule;            // "date.month_day_year", "date.weekday_relative", ... (static)
  // A weekday stated with an explicit date ("Wednesday, July 19, 2000"): 0 = Sunday .. 6 = Saturday.
  std::optional<unsigned> weekday;
  bool weekday_mismatch = false;    // that weekday is not the date's weekday in the calendar
  bool relative = false;            // resolved against the context
};

// Every rule id a date_mention may carry, each once: a caller that makes one text per rule (a
// claim's rule is a shared_string) makes them from this list.
std::span<const std::string_view> date_rule_ids() noexcept;

class date_reader {
 public:
  explicit date_reader(const rule_set& rules);  // builds its tables once; keeps no reference to rules
  // Every date expression in `toks` (from tokenize() over `text`), in order and non-overlapping;
  // at each token the longest form wins. Linear in the number of tokens; never throws on text.
  std::vector<date_mention> read(std::string_view text, token_span toks,
                                 const date_context& ctx) const;
  // The same into `out` (its contents replaced); `scratch` holds a copy of the tokens when one
  // is needed. Reusing both across sentences, a sentence allocates nothing.
  void read(std::string_view text, token_span toks, const date_context& ctx,
            std::vector<date_mention>& out, std::vector<token>& scratch) const;
  // The same for the tokens of one sentence as tokenize() made them (in text order, inside
  // `text`), which the caller has walked already: `digits` says whether any has a digit. The
  // prefilter and the order check, which read every token, are then skipped where they would
  // pass (a digit lets every sentence through the prefilter).
  void read_tokenized(std::string_view text, token_span toks, const date_context& ctx, bool digits,
                      std::vector<date_mention>& out, std::vector<token>& scratch) const;
  // Whether a sentence whose tokens' role bits (roles and stem_roles) OR to `roles` may hold a
  // date; `digits`, `hyphens`: whether a token has one. False: read() finds nothing.
  bool may_hold(std::uint64_t roles, bool digits, bool hyphens) const noexcept {
    return digits || hyphens || date_words_.may_have(roles);
  }

 private:
  struct name_info {
    unsigned number = 0;
    bool abbreviation = false;
  };
  // What a word can be, as bits (a word may be several: "since" is a year, month and ordinal cue).
  enum cue : unsigned {
    year_after = 1u << 0,
    month_after = 1u << 1,
    past_after = 1u << 2,
    ordinal_after = 1u << 3,
    noun_year_after = 1u << 4,
    count_noun = 1u << 5,
    not_plural = 1u << 6,
    function_word = 1u << 7,
    last_word = 1u << 8,
    next_word = 1u << 9,
    this_word = 1u << 10,
    ago_word = 1u << 11,
  };
  struct scan;   // the state of one read()
  struct found;  // one expression found at a token

  bool has(std::string_view word, cue c) const;
  bool has(const token& word, cue c) const;
  bool may_hold_date(token_span toks) const;
  void read_ordered(std::string_view text, token_span toks, const date_context& ctx,
                    std::vector<date_mention>& out, std::vector<token>& scratch) const;

  word_map<name_info> months_;    // lower-case names and abbreviations
  word_map<name_info> weekdays_;
  word_map<unsigned> cues_;  // word -> cue bits
  word_map<int> numbers_;    // "two" -> 2
  word_map<date_value::grain> units_;  // "years" -> year
  std::vector<date_vocabulary::relative_entry> relative_;
  phrase_matcher relative_phrases_;  // payload: index into relative_
  phrase_matcher to_the_day_;
  std::size_t longest_phrase_ = 1;  // words in the longest of relative_phrases_ and to_the_day_
  word_set phrase_vocabulary_;      // the words of those phrases
  // The word ids (word_index) of the relative phrases of one word ("yesterday") and of the second
  // words of the longer ones ("the *day* before", "that *day*"): a relative phrase starts at a
  // token only when it is one of the first or the token after it one of the second. "the", which
  // starts several, is so turned away on the id of the word after it, without a walk of the
  // phrases. Off (relative_ids_ false) when a word of the phrases is not in the index.
  std::vector<std::uint32_t> relative_single_ids_, relative_second_ids_;
  std::uint64_t relative_single_bits_ = 0, relative_second_bits_ = 0;  // bit (id % 64) of each
  bool relative_ids_ = false;
  std::uint64_t start_roles_ = all_roles;  // the bits of starts_ and of relative phrases' first words
  phrase_matcher future_;  // "will", "is expected to": a weekday alone is ahead
  word_set plan_words_;  // events.yaml modality cues: "due", "will", ...
  word_set date_words_;  // the words a date needs, one of which every form without a digit has (prefilter)
  word_set starts_;      // the words a date form without a digit can start with, but relative phrases
};

}  // namespace crosscheck::detail
