// Calendar dates in a sentence, resolved against the publication date.
//
// Forms and rule ids (the words come from data/date.yaml; the composition is here):
//   date.iso              "2024-06-19" (also "2024-06-19T16:24")
//   date.month_day_year   "June 19, 2024", "June 19 2024", "Jun. 19, 2024", "June 19th, 2024"
//   date.day_month_year   "19 June 2024", "19 Jun 2024", "19th of June, 2024"
//   date.month_day        "June 19" / "June 19 last year": the publication year, or the year before
//                         when that is more than 183 days after publication, or the year after
//                         when it is more than 183 days before
//   date.day_month        "19 June", "the 19th of June": likewise
//   date.ordinal_day      "on the 19th" (after an ordinal_after word, or a weekday): the publication
//                         month and year; not before a noun ("on the 19th floor")
//   date.month_year       "July 2000", "June of 2024"
//   date.month            "in February" (a month alone after a month_after word), "mid-May": the
//                         publication year, or the year before when that is more than six months
//                         ahead; after a past_after word ("since September") the latest one up to
//                         the publication month
//   date.month_relative   "September last year", "September of last year", "last September",
//                         "next May", "this September"
//   date.year             "in 2001", "since 1996", "the summer of 2000", "mid-2001", and the years
//                         listed after one ("from 1961, 2000 and 2001"); not before a count noun
//   date.year_modifier    "the 1961 treaty", "Russia's 2000 treaty": a year between a determiner or
//                         possessive and a singular lower-case noun
//   date.relative_day / date.relative_month / date.relative_year
//                         "yesterday", "today's", "earlier this month", "last year" (publication)
//   date.context_day      "that day", "the same day", "the next day" (the date in context)
//   date.weekday_relative "Tuesday", "on Tuesday", "Tuesday night": the nearest such day in the six
//                         days before publication, or the day itself; in a sentence about what is
//                         to come (a future cue: "will", "is expected to") the day itself or the
//                         nearest one in the six days after; "last Tuesday" one to seven days
//                         before, "next Tuesday" one to seven days after
//   date.years_to_the_day "24 years to the day", "two years to the day" (and months_to_the_day)
//   date.ago              "two days ago", "24 years ago": at the unit's grain
// A weekday written with an explicit date ("Wednesday, July 19, 2000", "Wednesday (June 19)",
// "Wed 19 Jun 2024", "June 19 (Wednesday)") keeps the date's rule and value and records the
// weekday; weekday_mismatch is set when the calendar disagrees.
// An impossible date ("February 30, 2024", "June 31") gives no mention, nor do its words.
// Month and weekday names count only when capitalized; abbreviations only next to a number.
// Cost: a bounded look at the tokens around each token, so linear in the tokens.
#include "extract/date_parse.hpp"

#include <algorithm>
#include <chrono>
#include <limits>

#include "text/fold.hpp"

namespace crosscheck::detail {

namespace {

using grain = date_value::grain;
using sys_days = std::chrono::sys_days;

constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!is_ascii_digit(c)) return false;
  return true;
}

int digits_value(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// The non-space characters of a gap between two tokens are exactly `want`.
bool gap_is(std::string_view gap, std::string_view want) {
  std::size_t k = 0;
  for (char c : gap) {
    if (is_space(c)) continue;
    if (k >= want.size() || c != want[k]) return false;
    ++k;
  }
  return k == want.size();
}

// "19" or "19th" ("1st", "2nd", "3rd"): 1..31, else 0.
unsigned day_number(std::string_view w, bool& ordinal) {
  std::size_t k = 0;
  while (k < w.size() && is_ascii_digit(w[k])) ++k;
  if (k == 0 || k > 2) return 0;
  const std::string_view rest = w.substr(k);
  ordinal = !rest.empty();
  if (ordinal && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return 0;
  const int v = digits_value(w.substr(0, k));
  return v >= 1 && v <= 31 ? static_cast<unsigned>(v) : 0;
}

// A four-digit year, 1000..2999.
std::optional<int> year_number(std::string_view w) {
  if (w.size() != 4 || !all_digits(w) || w[0] == '0' || w[0] > '2') return std::nullopt;
  return digits_value(w);
}

// "2024-06-19", optionally followed by a time ("2024-06-19t16:24").
std::optional<date_value> iso_date(std::string_view w) {
  if (w.size() < 10 || (w.size() > 10 && w[10] != 't')) return std::nullopt;
  if (!all_digits(w.substr(0, 4)) || w[4] != '-' || !all_digits(w.substr(5, 2)) || w[7] != '-' ||
      !all_digits(w.substr(8, 2)))
    return std::nullopt;
  return date_value::of_day(digits_value(w.substr(0, 4)), static_cast<unsigned>(digits_value(w.substr(5, 2))),
                            static_cast<unsigned>(digits_value(w.substr(8, 2))));
}

// A day that some year has in this month (February 29 included).
bool possible_day(unsigned month, unsigned day) {
  static constexpr unsigned longest[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month >= 1 && month <= 12 && day >= 1 && day <= longest[month - 1];
}

sys_days days_of(const date_value& d) { return sys_days{d.first_day()}; }

date_value from_days(sys_days s) {
  const std::chrono::year_month_day ymd{s};
  return date_value::of_day(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                            static_cast<unsigned>(ymd.day()));
}

unsigned weekday_of(const date_value& d) { return std::chrono::weekday{days_of(d)}.c_encoding(); }

// (year, month) moved by `months`.
date_value add_months(int year, unsigned month, int months) {
  const int total = year * 12 + static_cast<int>(month) - 1 + months;
  const int y = total >= 0 ? total / 12 : -((-total + 11) / 12);
  return date_value::of_month(y, static_cast<unsigned>(total - y * 12 + 1));
}

// The words of a phrase, as phrase_matcher::add() splits it (at spaces).
std::size_t phrase_words(std::string_view p) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < p.size(); ++i)
    if (p[i] != ' ' && (i == 0 || p[i - 1] == ' ')) ++n;
  return n;
}

bool lower_alpha_word(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w)
    if (!is_ascii_lower(c) && c != '-') return false;
  return true;
}

constexpr std::string_view rule_ids[] = {
    "date.iso",           "date.month_day_year", "date.day_month_year",   "date.month_day",
    "date.day_month",     "date.ordinal_day",    "date.month_year",       "date.month",
    "date.month_relative", "date.year",          "date.year_modifier",    "date.relative_day",
    "date.relative_month", "date.relative_year", "date.context_day",      "date.weekday_relative",
    "date.years_to_the_day", "date.months_to_the_day", "date.ago",
};

}  // namespace

std::span<const std::string_view> date_rule_ids() noexcept { return rule_ids; }

// One expression found at a token.
struct date_reader::found {
  std::size_t first = 0;
  std::size_t last = 0;  // one past; 0: nothing found
  std::optional<date_value> value;
  const char* rule = "";
  bool relative = false;
  bool invalid = false;  // an impossible date: consumed, no mention
  bool day = false;      // names a day explicitly (may take a weekday)
  std::optional<unsigned> weekday;
  bool mismatch = false;

  // Tokens [first, last) read by `rule`; `relative`: resolved against the context.
  static found at(std::size_t first, std::size_t last, const char* rule, bool relative) {
    found f;
    f.first = first;
    f.last = last;
    f.rule = rule;
    f.relative = relative;
    return f;
  }
};

// A date needs a digit, or a month, weekday, unit or relative word ("yesterday", "that day"):
// a sentence with none is passed over before any work.
bool date_reader::may_hold_date(token_span toks) const {
  // A word with no digit, no hyphen and none of the date words' bits (with a possessive cut off:
  // contains_stem()'s first test) passes the tests below on none of them: four such words are
  // passed over on one test.
  const std::uint64_t mask = date_words_.role_mask();
  const token* const tk = toks.data();
  const std::size_t n = toks.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i + 4 <= n && !((tk[i].stem_roles | tk[i + 1].stem_roles | tk[i + 2].stem_roles | tk[i + 3].stem_roles) & mask) &&
        !(tk[i].has_digit | tk[i].has_hyphen | tk[i + 1].has_digit | tk[i + 1].has_hyphen | tk[i + 2].has_digit |
          tk[i + 2].has_hyphen | tk[i + 3].has_digit | tk[i + 3].has_hyphen)) {
      i += 3;
      continue;
    }
    const token& t = tk[i];
    if (t.has_digit) return true;
    if (date_words_.contains_stem(t)) return true;  // "Tuesday's"
    const std::string_view stem = t.stem();
    if (const auto dash = t.has_hyphen ? stem.rfind('-') : std::string_view::npos;
        dash != std::string_view::npos && date_words_.contains(stem.substr(dash + 1)))
      return true;  // "mid-May"
  }
  return false;
}

bool date_reader::has(std::string_view word, cue c) const {
  const unsigned* bits = cues_.find(word);
  return bits && (*bits & c) != 0;
}

bool date_reader::has(const token& word, cue c) const {
  const unsigned* bits = cues_.find(word);
  return bits && (*bits & c) != 0;
}

date_reader::date_reader(const rule_set& rules) {
  for (const auto* list : {&rules.modality_cues.scheduled, &rules.modality_cues.planned, &rules.modality_cues.expected})
    for (const auto& w : *list)
      if (w.find(' ') == std::string::npos) plan_words_.insert(lower(w));
  const auto& dv = rules.dates;
  for (const auto& m : dv.months) {
    for (const auto& a : m.abbreviations) months_[lower(a)] = {m.number, true};
    for (const auto& n : m.names) months_[lower(n)] = {m.number, false};
  }
  for (const auto& d : dv.weekdays) {
    for (const auto& a : d.abbreviations) weekdays_[lower(a)] = {d.number, true};
    for (const auto& n : d.names) weekdays_[lower(n)] = {d.number, false};
  }
  auto mark = [&](const std::vector<std::string>& words, cue c) {
    for (const auto& w : words) cues_[lower(w)] |= c;
  };
  mark(dv.year_after, year_after);
  mark(dv.month_after, month_after);
  mark(dv.past_after, past_after);
  mark(dv.ordinal_after, ordinal_after);
  mark(dv.noun_year_after, noun_year_after);
  mark(dv.count_nouns, count_noun);
  mark(dv.not_plural, not_plural);
  mark(rules.english.function_words, function_word);
  mark(rules.english.determiners, function_word);
  mark(dv.last_words, last_word);
  mark(dv.next_words, next_word);
  mark(dv.this_words, this_word);
  mark(dv.ago, ago_word);
  for (const auto& [w, n] : dv.numbers) numbers_.set(lower(w), n);
  for (const auto& u : dv.day_units) units_.set(lower(u), grain::day);
  for (const auto& u : dv.month_units) units_.set(lower(u), grain::month);
  for (const auto& u : dv.year_units) units_.set(lower(u), grain::year);
  for (const auto* table : {&months_, &weekdays_}) table->for_each([&](const std::string& w, name_info) { date_words_.insert(w); });
  units_.for_each([&](const std::string& w, grain) { date_words_.insert(w); });
  // A relative phrase needs each of its words: its last one ("yesterday", "day", "year") is
  // enough to tell a sentence that may hold it, where a first word such as "the" or "this"
  // would let nearly every sentence through.
  for (const auto& r : dv.relative) {
    const std::string p = lower(r.phrase);
    const std::size_t end = p.find_last_not_of(' ');
    if (end == std::string::npos) continue;
    const std::size_t space = p.rfind(' ', end);
    const std::size_t b = space == std::string::npos ? 0 : space + 1;
    date_words_.insert(std::string_view(p).substr(b, end + 1 - b));
  }
  relative_ = dv.relative;
  for (std::size_t k = 0; k < relative_.size(); ++k) relative_phrases_.add(relative_[k].phrase, static_cast<int>(k));
  // The words at which a date form without a digit can start (scan::may_start), but relative
  // phrases.
  for (const auto* table : {&months_, &weekdays_}) table->for_each([&](const std::string& w, name_info) { starts_.insert(w); });
  cues_.for_each([&](const std::string& w, unsigned bits) {
    if (bits & (last_word | next_word | this_word)) starts_.insert(w);
  });
  numbers_.for_each([&](const std::string& w, int) { starts_.insert(w); });
  for (const auto& p : dv.to_the_day) to_the_day_.add(p, 0);
  // The most words a relative or to-the-day phrase has: what a phrase lookup may read.
  for (const auto& p : dv.to_the_day) longest_phrase_ = std::max(longest_phrase_, phrase_words(p));
  for (const auto& e : relative_) longest_phrase_ = std::max(longest_phrase_, phrase_words(e.phrase));
  const auto vocabulary = [&](std::string_view phrase) {
    for (std::size_t i = 0; i < phrase.size();) {
      while (i < phrase.size() && phrase[i] == ' ') ++i;
      std::size_t e = i;
      while (e < phrase.size() && phrase[e] != ' ') ++e;
      if (e > i) phrase_vocabulary_.insert(lower(phrase.substr(i, e - i)));
      i = e;
    }
  };
  for (const auto& p : dv.to_the_day) vocabulary(p);
  for (const auto& e : relative_) vocabulary(e.phrase);
  if (const word_index* index = rules.word_ids()) {
    relative_ids_ = true;
    const auto id_of = [&](std::string_view w) -> std::uint32_t {
      const word_index::entry* e = index->find(w, word_hash(w));
      if (!e) relative_ids_ = false;
      return e ? e->id : 0;
    };
    for (const auto& e : relative_) {
      const std::string p = lower(e.phrase);
      const std::size_t b = p.find_first_not_of(' ');
      if (b == std::string::npos) continue;
      const std::size_t e1 = std::min(p.find(' ', b), p.size());
      const std::size_t b2 = p.find_first_not_of(' ', e1);
      if (b2 == std::string::npos) {
        relative_single_ids_.push_back(id_of(std::string_view(p).substr(b, e1 - b)));
      } else {
        const std::size_t e2 = std::min(p.find(' ', b2), p.size());
        relative_second_ids_.push_back(id_of(std::string_view(p).substr(b2, e2 - b2)));
      }
    }
  }
  for (const std::uint32_t id : relative_single_ids_) relative_single_bits_ |= std::uint64_t{1} << (id & 63);
  for (const std::uint32_t id : relative_second_ids_) relative_second_bits_ |= std::uint64_t{1} << (id & 63);
  for (const auto& p : dv.future_cues) future_.add(p, 0);
  bind_roles(rules.word_ids(), phrase_vocabulary_, months_, weekdays_, cues_, numbers_, units_, relative_phrases_,
             to_the_day_, future_, plan_words_, date_words_, starts_);
  start_roles_ = starts_.role_mask() | relative_phrases_.start_roles();
}

// The state of one read(): the tokens, their words with a possessive "'s" cut off, and the
// publication date in the parts that are known.
struct date_reader::scan {
  const date_reader& r;
  std::string_view text;
  token_span toks;
  const date_context& ctx;
  // The words with a possessive "'s" cut off ("Tuesday's" -> "tuesday") are read from each
  // token's stem fields; a phrase lookup that reaches a possessive word reads a copy of the few
  // tokens it may span, with the ending cut off (phrase_at()).
  std::vector<token>& copy;
  std::optional<int> pub_year;
  std::optional<unsigned> pub_month;
  std::optional<date_value> pub_day;
  std::size_t year_list_end = none;  // one past the last date.year mention, for "2000 and 2001"
  // Read when a form first asks (read_cues()): few sentences have a form that does.
  mutable bool cues_read = false;
  mutable bool plan_ = false;  // the sentence speaks of a plan ("due to", "will"): a day ahead is ahead
  // The first future cue ("will", "is expected to"): a weekday after it is ahead, not behind.
  mutable std::size_t future_ = none;

  scan(const scan&) = delete;
  scan& operator=(const scan&) = delete;
  scan(const date_reader& reader, std::string_view t, token_span tk, const date_context& c,
       std::vector<token>& scratch)
      : r(reader), text(t), toks(tk), ctx(c), copy(scratch) {
    if (ctx.published && ctx.published->ok()) {
      pub_year = ctx.published->year;
      if (ctx.published->g != grain::year) pub_month = ctx.published->month;
      if (ctx.published->g == grain::day) pub_day = *ctx.published;
    }
  }

  void read_cues() const {
    if (cues_read) return;
    cues_read = true;
    // One walk for both; a word with none of the role bits of a plan word or of a future cue's
    // first word is passed over on one test (all_roles when a list is unbound: none is skipped).
    const std::uint64_t cue_roles = r.plan_words_.role_mask() | r.future_.start_roles();
    const bool futures = !r.future_.empty();
    const token* const tk = toks.data();
    for (std::size_t k = 0, n = toks.size(); k < n && !(plan_ && (future_ != none || !futures)); ++k) {
      // Four words with none of the bits are passed over on one test.
      if (k + 4 <= n && !((tk[k].roles | tk[k + 1].roles | tk[k + 2].roles | tk[k + 3].roles) & cue_roles)) {
        k += 3;
        continue;
      }
      if (!(tk[k].roles & cue_roles)) continue;
      plan_ = plan_ || r.plan_words_.contains(toks[k]);
      if (futures && future_ == none && r.future_.longest_at(toks, k).length) future_ = k;
    }
  }
  bool plan() const {
    read_cues();
    return plan_;
  }
  std::size_t future() const {
    read_cues();
    return future_;
  }

  static bool possessive_s(std::string_view s) {
    return s.size() > 2 && s[s.size() - 2] == '\'' && s.back() == 's' && !is_ascii_digit(s[s.size() - 3]);
  }
  // Token k's word without a possessive "'s", its hash and its role bits.
  bool cut(std::size_t k) const { return toks[k].possessive && possessive_s(toks[k].lower); }
  std::uint64_t hash(std::size_t k) const { return cut(k) ? toks[k].stem_hash() : toks[k].hash; }
  std::uint64_t roles(std::size_t k) const { return cut(k) ? toks[k].stem_roles : toks[k].roles; }
  template <class M>
  auto find(const M& m, std::size_t k) const -> decltype(m.find(std::string_view(), 0)) {
    return m.may_have(roles(k)) ? m.find(w(k), hash(k)) : nullptr;
  }
  bool has(std::size_t k, cue c) const {
    const unsigned* bits = find(r.cues_, k);
    return bits && (*bits & c) != 0;
  }
  // The longest phrase of `m` at token k, read without possessives; a word no phrase starts with
  // (its role bits) is turned away at once.
  phrase_matcher::match phrase_at(const phrase_matcher& m, std::size_t k) const {
    if (k >= n() || !(roles(k) & m.start_roles())) return {};
    const std::size_t end = std::min(n(), k + r.longest_phrase_);
    // A possessive word that is no word of any phrase, with or without its ending ("Putin's"),
    // fails the walk either way: only one that is needs the copy ("yesterday's").
    bool any = false;
    for (std::size_t j = k; j < end; ++j)
      any = any || (cut(j) && r.phrase_vocabulary_.may_have(toks[j].roles | toks[j].stem_roles));
    if (!any) return m.longest_at(toks, k);
    copy.assign(toks.begin() + static_cast<std::ptrdiff_t>(k), toks.begin() + static_cast<std::ptrdiff_t>(end));
    for (auto& w : copy)
      if (w.possessive && possessive_s(w.lower)) {
        w.hash = w.stem_hash();  // phrase lookups go by the hash and the roles
        w.lower = std::string_view(w.lower).substr(0, w.lower.size() - 2);
        w.id = w.stem_id;
        w.roles = w.stem_roles;
      }
    return m.longest_at(copy, 0);
  }

  // The longest relative phrase at token k ("yesterday", "the day before"). With the tokens read
  // with the rules' word index (roles other than all_roles), token k must be a one-word phrase or
  // the token after it the second word of a longer one (its id, with or without a possessive
  // ending: phrase_at() may read either).
  phrase_matcher::match relative_at(std::size_t k) const {
    if (k >= n()) return {};
    if (r.relative_ids_ && toks[k].roles != all_roles) {
      // One bit per id modulo 64 turns nearly every other word away before the list is searched.
      const auto listed_id = [](const std::vector<std::uint32_t>& ids, std::uint64_t bits, std::uint32_t w) {
        return w && (bits >> (w & 63) & 1) && std::find(ids.begin(), ids.end(), w) != ids.end();
      };
      const auto listed = [&](const std::vector<std::uint32_t>& ids, const token& t) {
        const std::uint64_t bits = &ids == &r.relative_single_ids_ ? r.relative_single_bits_ : r.relative_second_bits_;
        return listed_id(ids, bits, t.id) || (t.possessive && listed_id(ids, bits, t.stem_id));
      };
      if (!listed(r.relative_single_ids_, toks[k]) &&
          !(k + 1 < n() && (toks[k + 1].roles == all_roles || listed(r.relative_second_ids_, toks[k + 1]))))
        return {};
    }
    return phrase_at(r.relative_phrases_, k);
  }

  std::size_t n() const { return toks.size(); }
  // No comma or semicolon between tokens a and b (a < b): "Putin, who will leave on Friday,
  // arrived on Tuesday" puts the cue and "Tuesday" in two clauses.
  bool same_clause(std::size_t a, std::size_t b) const {
    for (std::size_t k = a; k < b && k + 1 < n(); ++k) {
      const std::string_view g = gap(k);
      if (g.find(',') != std::string_view::npos || g.find(';') != std::string_view::npos) return false;
    }
    return true;
  }
  std::string_view w(std::size_t k) const {
    const std::string_view l = toks[k].lower;
    return cut(k) ? l.substr(0, l.size() - 2) : l;
  }
  std::string_view gap(std::size_t k) const {  // between toks[k] and toks[k + 1]
    return text.substr(toks[k].end, toks[k + 1].begin - toks[k].end);
  }
  bool blank_after(std::size_t k) const { return k + 1 < n() && gap_is(gap(k), ""); }
  bool cue_before(std::size_t k, cue c) const { return k > 0 && gap_is(gap(k - 1), "") && has(k - 1, c); }

  const name_info* month_at(std::size_t k) const {
    if (k >= n() || !toks[k].capitalized) return nullptr;
    return find(r.months_, k);
  }
  const name_info* weekday_at(std::size_t k) const {
    if (k >= n() || !toks[k].capitalized) return nullptr;
    return find(r.weekdays_, k);
  }
  unsigned day_at(std::size_t k, bool& ordinal) const {
    ordinal = false;
    return k < n() ? day_number(toks[k].lower, ordinal) : 0;
  }
  std::optional<int> year_at(std::size_t k) const {
    return k < n() ? year_number(toks[k].lower) : std::nullopt;
  }
  // A count in digits ("24") or words ("two", "twenty-four"): 1..1000, else 0.
  int number_at(std::size_t k) const {
    if (k >= n()) return 0;
    const std::string_view s = w(k);
    if (all_digits(s)) return s.size() <= 3 ? digits_value(s) : 0;
    if (const int* v = find(r.numbers_, k)) return *v;
    const auto dash = s.find('-');
    if (dash == std::string_view::npos) return 0;
    const int* tens = r.numbers_.find(s.substr(0, dash));
    const int* ones = r.numbers_.find(s.substr(dash + 1));
    if (!tens || !ones) return 0;
    const int t = *tens, o = *ones;
    if (t < 20 || t > 90 || t % 10 != 0 || o < 1 || o > 9) return 0;
    return t + o;
  }
  // A lower-case word that reads as a plural or a counted noun: "2000 people", "1500 metre".
  bool counted_noun(std::size_t k) const {
    const std::string_view s = toks[k].lower;
    if (toks[k].capitalized || !lower_alpha_word(s)) return false;
    if (r.has(s, count_noun)) return true;
    return s.size() >= 3 && s.back() == 's' && s[s.size() - 2] != 's' && !r.has(s, not_plural);
  }
  // A listed count noun follows the number at k ("in 2000 people", "by 1500 metres"). Any
  // plural is not enough after a year cue: "In 2019 protesters filled the streets".
  bool count_follows(std::size_t k) const {
    if (!blank_after(k) || k + 1 >= toks.size() || toks[k + 1].capitalized) return false;
    const std::string_view s = toks[k + 1].lower;
    if (r.has(s, count_noun)) return true;
    // the plural of a listed noun: "metres", "votes", "seats"
    return s.size() > 1 && s.back() == 's' && r.has(s.substr(0, s.size() - 1), count_noun);
  }

  // A relative year phrase at k ("last year"): its length in tokens and the year, if resolved.
  std::size_t relative_year_at(std::size_t k, std::optional<int>& year) const {
    if (k >= n()) return 0;
    const auto m = relative_at(k);
    if (!m.length) return 0;
    const auto& e = r.relative_[static_cast<std::size_t>(m.payload)];
    if (e.unit != grain::year || e.from_context) return 0;
    if (pub_year) year = *pub_year + e.offset;
    return m.length;
  }

  // --- resolution --------------------------------------------------------------------------

  found fixed(std::size_t first, std::size_t last, date_value v, const char* rule) const {
    found f = found::at(first, last, rule, false);
    f.day = v.g == grain::day;
    if (v.ok()) f.value = v;
    else f.invalid = true;
    return f;
  }

  // A month and day without a year: the publication year, or the year before (after) when that
  // puts it more than 183 days after (before) publication. `year` given: that year ("June 19 last year").
  found floating(std::size_t first, std::size_t last, unsigned month, unsigned day, const char* rule,
                 std::optional<int> year = std::nullopt, bool year_stated = false) const {
    found f = found::at(first, last, rule, false);
    f.day = true;
    f.relative = true;
    if (!possible_day(month, day)) {
      f.invalid = true;
      return f;
    }
    if (year_stated) {
      if (!year) return f;  // "June 19 last year" with no publication date
    } else {
      if (!pub_year) return f;
      year = *pub_year;
    }
    date_value v = date_value::of_day(*year, month, day);
    if (!year_stated && pub_day && v.ok() && days_of(v) - days_of(*pub_day) > std::chrono::days{183})
      v.year -= 1;
    else if (!year_stated && pub_day && v.ok() && days_of(*pub_day) - days_of(v) > std::chrono::days{183})
      v.year += 1;  // "January 2" read on December 30: the coming one
    if (v.ok()) f.value = v;
    else f.invalid = true;  // February 29 in a year without one
    return f;
  }

  // A month named alone ("in February"): the publication year, or the year before when that is
  // more than six months ahead; `past`: the latest such month up to the publication month.
  found lone_month(std::size_t first, std::size_t last, unsigned month, bool past) const {
    found f = found::at(first, last, "date.month", true);
    if (!pub_year || !pub_month) return f;
    int y = *pub_year;
    const int ahead = static_cast<int>(month) - static_cast<int>(*pub_month);
    if (past ? ahead > 0 : ahead > 6) --y;
    f.value = date_value::of_month(y, month);
    return f;
  }

  // "last September", "next May", "this September".
  found modified_month(std::size_t first, std::size_t last, unsigned month, cue mod) const {
    found f = found::at(first, last, "date.month_relative", true);
    if (!pub_year || !pub_month) return f;
    int y = *pub_year;
    if (mod == last_word && month >= *pub_month) --y;
    if (mod == next_word && month <= *pub_month) ++y;
    f.value = date_value::of_month(y, month);
    return f;
  }

  // "Tuesday": the nearest in the six days before publication, or publication day itself;
  // "last Tuesday": one to seven days before; "next Tuesday": one to seven days after.
  found weekday_relative(std::size_t first, std::size_t last, unsigned wd, unsigned mod) const {
    found f = found::at(first, last, "date.weekday_relative", true);
    if (!pub_day) return f;
    const int pw = static_cast<int>(weekday_of(*pub_day)), x = static_cast<int>(wd);
    int shift = 0;
    if (mod == next_word) {
      shift = (x - pw + 7) % 7;
      if (shift == 0) shift = 7;
    } else if (mod == 0 && future() < first && same_clause(future(), first)) {
      shift = (x - pw + 7) % 7;  // "will leave on Thursday": this Thursday or the next one
    } else {
      shift = -((pw - x + 7) % 7);
      if (mod == last_word && shift == 0) shift = -7;
    }
    f.value = from_days(days_of(*pub_day) + std::chrono::days{shift});
    return f;
  }

  // The date `offset` units from an anchor, at the unit's grain (or at day grain for "to the day").
  std::optional<date_value> moved(const std::optional<date_value>& anchor, grain unit, int offset, bool to_day) const {
    if (!anchor || !anchor->ok()) return std::nullopt;
    const date_value& a = *anchor;
    if (unit == grain::day || to_day) {
      if (a.g != grain::day) return std::nullopt;
      if (unit == grain::day) return from_days(days_of(a) + std::chrono::days{offset});
      date_value v = unit == grain::year ? date_value::of_year(a.year + offset) : add_months(a.year, a.month, offset);
      v = date_value::of_day(v.year, unit == grain::year ? a.month : v.month, a.day);
      return v;  // may be impossible (February 29): the caller checks
    }
    if (unit == grain::month) {
      if (a.g == grain::year) return std::nullopt;
      return add_months(a.year, a.month, offset);
    }
    return date_value::of_year(a.year + offset);
  }

  // --- forms -------------------------------------------------------------------------------

  // An explicit date starting at token i: ISO, month first, day first, or "the 19th".
  // `after_weekday`: right after a weekday ("Wednesday the 19th"), where an ordinal needs no cue.
  found explicit_at(std::size_t i, bool after_weekday) const {
    found none_found;
    if (i >= n()) return none_found;
    if (const auto iso = iso_date(toks[i].lower)) return fixed(i, i + 1, *iso, "date.iso");
    bool ordinal = false;
    if (const name_info* m = month_at(i)) return month_first(i, *m);
    if (const unsigned d = day_at(i, ordinal)) {
      std::size_t j = i + 1;
      // "19th of June"
      if (ordinal && blank_after(i) && j < n() && w(j) == "of" && blank_after(j) && month_at(j + 1)) ++j;
      if (j < n() && gap_is(gap(j - 1), "")) {
        if (const name_info* m = month_at(j)) {
          const std::size_t k = j + 1;
          if (k < n() && (gap_is(gap(j), "") || gap_is(gap(j), ",") || (m->abbreviation && gap_is(gap(j), "."))))
            if (const auto y = year_at(k); y && !count_follows(k))
              return fixed(i, k + 1, date_value::of_day(*y, m->number, d), "date.day_month_year");
          std::optional<int> ry;
          if (blank_after(j))
            if (const std::size_t len = relative_year_at(k, ry))
              return floating(i, k + len, m->number, d, "date.day_month", ry, true);
          return floating(i, k, m->number, d, "date.day_month");
        }
      }
      // "on the 19th": the publication month
      if (ordinal && i > 0 && w(i - 1) == "the" && gap_is(gap(i - 1), "") &&
          (after_weekday || cue_before(i - 1, ordinal_after)) && ordinal_ends(i)) {
        found f = found::at(i, i + 1, "date.ordinal_day", true);
        f.day = true;
        if (!pub_year || !pub_month) return f;
        // A day after the publication day is in the month before ("he died on the 28th", published
        // July 2), unless the sentence speaks of a plan ("is due to be ratified on the 28th").
        int year = *pub_year;
        unsigned month = *pub_month;
        if (pub_day && d > pub_day->day && !plan()) {
          if (month == 1) {
            month = 12;
            --year;
          } else {
            --month;
          }
        }
        const date_value v = date_value::of_day(year, month, d);
        if (v.ok()) f.value = v;
        else f.invalid = true;
        return f;
      }
    }
    return none_found;
  }

  // The ordinal at k ends the date: nothing follows, or punctuation, a capital or a function
  // word; a lower-case word after it is the noun it counts ("the 19th floor", "21st century").
  bool ordinal_ends(std::size_t k) const {
    if (!blank_after(k)) return true;
    const token& next = toks[k + 1];
    return next.capitalized || r.has(next.lower, function_word) || !lower_alpha_word(next.lower);
  }

  found month_first(std::size_t i, const name_info& m) const {
    const std::size_t j = i + 1;
    bool ordinal = false;
    if (j < n() && (gap_is(gap(i), "") || (m.abbreviation && gap_is(gap(i), ".")))) {
      if (const unsigned d = day_at(j, ordinal)) {
        // "June 19, 2024"
        if (j + 1 < n() && (gap_is(gap(j), "") || gap_is(gap(j), ",")))
          if (const auto y = year_at(j + 1); y && !count_follows(j + 1))
            return fixed(i, j + 2, date_value::of_day(*y, m.number, d), "date.month_day_year");
        // "June 19 last year"
        std::optional<int> ry;
        if (blank_after(j))
          if (const std::size_t len = relative_year_at(j + 1, ry))
            return floating(i, j + 1 + len, m.number, d, "date.month_day", ry, true);
        return floating(i, j + 1, m.number, d, "date.month_day");
      }
    }
    // "July 2000", "July, 2000", "Jul. 2000"
    if (j < n() && (gap_is(gap(i), "") || gap_is(gap(i), ",") || (m.abbreviation && gap_is(gap(i), "."))))
      if (const auto y = year_at(j); y && !count_follows(j))
        return fixed(i, j + 1, date_value::of_month(*y, m.number), "date.month_year");
    if (m.abbreviation) return {};
    // "June of 2024", "September of last year"
    if (blank_after(i) && w(j) == "of" && blank_after(j)) {
      if (const auto y = year_at(j + 1); y && !count_follows(j + 1))
        return fixed(i, j + 2, date_value::of_month(*y, m.number), "date.month_year");
      std::optional<int> ry;
      if (const std::size_t len = relative_year_at(j + 1, ry)) return month_in_year(i, j + 1 + len, m.number, ry);
    }
    // "September last year"
    if (blank_after(i)) {
      std::optional<int> ry;
      if (const std::size_t len = relative_year_at(j, ry)) return month_in_year(i, j + len, m.number, ry);
    }
    // "in February", "since September"
    const bool past = cue_before(i, past_after);
    if (past || cue_before(i, month_after)) return lone_month(i, j, m.number, past);
    return {};
  }

  found month_in_year(std::size_t first, std::size_t last, unsigned month, std::optional<int> year) const {
    found f = found::at(first, last, "date.month_relative", true);
    if (year) f.value = date_value::of_month(*year, month);
    return f;
  }

  // A weekday, with the explicit date it introduces if any.
  found weekday_first(std::size_t i, const name_info& wd) const {
    if (i + 1 < n()) {
      const std::string_view g = gap(i);
      const bool joined = gap_is(g, "") || gap_is(g, ",") || gap_is(g, "(") || gap_is(g, ",(") ||
                          (wd.abbreviation && (gap_is(g, ".") || gap_is(g, ".,")));
      if (joined) {
        std::size_t j = i + 1;
        if (w(j) == "the" && blank_after(j)) ++j;  // "Wednesday the 19th"
        found f = explicit_at(j, true);
        if (f.last && f.day && f.first == j) {
          f.first = i;
          with_weekday(f, wd.number);
          return f;
        }
      }
    }
    if (wd.abbreviation) return {};
    return weekday_relative(i, i + 1, wd.number, 0);
  }

  void with_weekday(found& f, unsigned wd) const {
    f.weekday = wd;
    if (f.value && f.value->g == grain::day) f.mismatch = weekday_of(*f.value) != wd;
  }

  // "24 years to the day", "two days ago".
  found counted(std::size_t i) const {
    // The unit first: the next word's role bits turn most starts away on one test, before the
    // number is parsed.
    if (i + 1 >= n() || !r.units_.may_have(roles(i + 1))) return {};
    const int count = number_at(i);
    if (!count || !blank_after(i)) return {};
    const grain* u = find(r.units_, i + 1);
    if (!u) return {};
    found f;
    f.first = i;
    f.relative = true;
    if (blank_after(i + 1)) {
      if (const auto m = phrase_at(r.to_the_day_, i + 2); m.length && *u != grain::day) {
        f.last = i + 2 + m.length;
        f.rule = *u == grain::year ? "date.years_to_the_day" : "date.months_to_the_day";
        f.day = true;
        if (const auto v = moved(pub_day, *u, -count, true)) {
          if (v->ok()) f.value = v;
          else f.invalid = true;
        }
        return f;
      }
      if (has(i + 2, ago_word)) {
        f.last = i + 3;
        f.rule = "date.ago";
        f.value = moved(ctx.published, *u, -count, false);
        return f;
      }
    }
    return {};
  }

  found relative_phrase(std::size_t i) const {
    const auto m = relative_at(i);
    if (!m.length) return {};
    const auto& e = r.relative_[static_cast<std::size_t>(m.payload)];
    found f = found::at(i, i + m.length, "", true);
    f.rule = e.from_context ? "date.context_day"
             : e.unit == grain::day   ? "date.relative_day"
             : e.unit == grain::month ? "date.relative_month"
                                      : "date.relative_year";
    f.value = moved(e.from_context ? ctx.context_day() : ctx.published, e.unit, e.offset, false);
    return f;
  }

  // "mid-May", "mid-2001".
  found mid(std::size_t i) const {
    const std::string_view s = w(i);
    if (s.size() < 5 || s.compare(0, 4, "mid-") != 0) return {};
    const std::string_view rest = s.substr(4);
    if (const auto y = year_number(rest)) return fixed(i, i + 1, date_value::of_year(*y), "date.year");
    const name_info* m = r.months_.find(rest);
    if (!m || m->abbreviation) return {};
    return lone_month(i, i + 1, m->number, false);
  }

  // A bare year: after a year cue, in a list after one, or between a determiner and a noun.
  found bare_year(std::size_t i) const {
    const auto y = year_at(i);
    if (!y || count_follows(i)) return {};
    bool listed = false;
    if (year_list_end != none && i > 0) {
      if (year_list_end == i) listed = gap_is(gap(i - 1), ",");
      else if (year_list_end + 1 == i && (w(i - 1) == "and" || w(i - 1) == "or") && gap_is(gap(i - 1), ""))
        listed = gap_is(gap(i - 2), "") || gap_is(gap(i - 2), ",");
    }
    if (listed || cue_before(i, year_after)) return fixed(i, i + 1, date_value::of_year(*y), "date.year");
    // "the 1961 treaty", "Russia's 2000 treaty"
    if (i > 0 && gap_is(gap(i - 1), "") && blank_after(i)) {
      const std::string_view before = toks[i - 1].lower;
      const bool determiner = r.has(before, noun_year_after) ||
                              (before.size() > 2 && before.compare(before.size() - 2, 2, "'s") == 0);
      const token& next = toks[i + 1];
      if (determiner && !next.capitalized && lower_alpha_word(next.lower) && !r.has(next.lower, function_word) &&
          !counted_noun(i + 1) && !r.units_.contains(next) && !r.numbers_.contains(next))
        return fixed(i, i + 1, date_value::of_year(*y), "date.year_modifier");
    }
    return {};
  }

  // Whether any form of at() can start at token i: a word with a digit or a hyphen ("19",
  // "mid-May", "twenty-four"), one of `starts_` (a month, a weekday, "last", a number word: one
  // lookup) or a relative phrase ("the day before": a whole phrase, as "the" alone starts none).
  // Most words are none of these and are passed over without trying each form; a word that
  // passes may still start none ("may" in lower case).
  bool may_start(std::size_t i) const {
    if (toks[i].has_digit || toks[i].has_hyphen) return true;
    // One test of the word's bits (with and without a possessive) against those of every such word.
    if (!((toks[i].roles | toks[i].stem_roles) & r.start_roles_)) return false;
    return find(r.starts_, i) || relative_at(i).length > 0;
  }

  // The longest date expression starting at token i (the forms do not compete: each starts
  // with a different kind of word).
  found at(std::size_t i) const {
    // "last Tuesday", "next May", "this September"
    if (blank_after(i)) {
      const unsigned* bits = find(r.cues_, i);
      const unsigned cues = bits ? *bits : 0u;
      unsigned mod = 0;
      if (cues & last_word) mod = last_word;
      else if (cues & next_word) mod = next_word;
      else if (cues & this_word) mod = this_word;
      if (mod) {
        if (const name_info* m = month_at(i + 1); m && !m->abbreviation)
          return modified_month(i, i + 2, m->number, static_cast<cue>(mod));
        if (const name_info* d = weekday_at(i + 1); d && !d->abbreviation && mod != this_word)
          return weekday_relative(i, i + 2, d->number, mod);
      }
    }
    if (const name_info* d = weekday_at(i)) return weekday_first(i, *d);
    if (found f = counted(i); f.last) return f;
    if (found f = relative_phrase(i); f.last) return f;
    if (found f = explicit_at(i, false); f.last) {
      // "June 19 (Wednesday)"
      if (f.day && f.last < n() && gap_is(gap(f.last - 1), "("))
        if (const name_info* d = weekday_at(f.last); d) {
          with_weekday(f, d->number);
          ++f.last;
        }
      return f;
    }
    if (found f = mid(i); f.last) return f;
    return bare_year(i);
  }
};

std::vector<date_mention> date_reader::read(std::string_view text, token_span toks,
                                            const date_context& ctx) const {
  std::vector<date_mention> out;
  std::vector<token> scratch;
  read(text, toks, ctx, out, scratch);
  return out;
}

void date_reader::read(std::string_view text, token_span toks, const date_context& ctx,
                       std::vector<date_mention>& out, std::vector<token>& scratch) const {
  out.clear();
  if (toks.empty() || !may_hold_date(toks)) return;
  // Tokens that do not index into `text` in order (a caller's mistake) give nothing rather than
  // a read out of bounds. In order, each begins after the one before ends, so that the last
  // one's end bounds them all.
  const token* const tk = toks.data();
  const std::size_t n = toks.size();
  if (tk[n - 1].end > text.size()) return;
  for (std::size_t k = 0; k + 1 < n; ++k)
    if (tk[k].begin > tk[k].end || tk[k].end > tk[k + 1].begin) return;
  if (tk[n - 1].begin > tk[n - 1].end) return;
  read_ordered(text, toks, ctx, out, scratch);
}

void date_reader::read_tokenized(std::string_view text, token_span toks, const date_context& ctx,
                                 bool digits, std::vector<date_mention>& out, std::vector<token>& scratch) const {
  out.clear();
  if (toks.empty() || (!digits && !may_hold_date(toks))) return;
  if (toks.back().end > text.size()) return;  // the tokens of another text
  read_ordered(text, toks, ctx, out, scratch);
}

// read()'s work once the tokens are known to be in order, inside `text`; `out` is empty.
void date_reader::read_ordered(std::string_view text, token_span toks, const date_context& ctx,
                               std::vector<date_mention>& out, std::vector<token>& scratch) const {
  scan s(*this, text, toks, ctx, scratch);
  std::size_t i = 0;
  const token* const tk = toks.data();
  const std::size_t n = toks.size();
  while (i < n) {
    // Four words with no digit, no hyphen and none of the start words' bits (may_start()'s first
    // tests) are passed over on one test.
    if (i + 4 <= n &&
        !((tk[i].roles | tk[i].stem_roles | tk[i + 1].roles | tk[i + 1].stem_roles | tk[i + 2].roles |
           tk[i + 2].stem_roles | tk[i + 3].roles | tk[i + 3].stem_roles) &
          start_roles_) &&
        !(tk[i].has_digit | tk[i].has_hyphen | tk[i + 1].has_digit | tk[i + 1].has_hyphen | tk[i + 2].has_digit |
          tk[i + 2].has_hyphen | tk[i + 3].has_digit | tk[i + 3].has_hyphen)) {
      i += 4;
      continue;
    }
    if (!s.may_start(i)) {
      ++i;
      continue;
    }
    const found f = s.at(i);
    if (!f.last || f.last <= i) {
      ++i;
      continue;
    }
    // A value outside the calendar's range (a publication in 9999 and "next year") is no date.
    if (!f.invalid && !(f.value && !f.value->ok())) {
      date_mention m;
      m.first = f.first;
      m.last = f.last;
      m.begin = toks[f.first].begin;
      const token& end_tok = toks[f.last - 1];
      m.end = end_tok.end - (end_tok.lower.size() - s.w(f.last - 1).size());  // without "'s"
      // "Wednesday (June 19)": the closing bracket belongs to the words.
      if (const std::string_view words = text.substr(m.begin, m.end - m.begin);
          words.find('(') != std::string_view::npos && words.find(')') == std::string_view::npos &&
          m.end < text.size() && text[m.end] == ')')
        ++m.end;
      m.value = f.value;
      m.rule = f.rule;
      m.weekday = f.weekday;
      m.weekday_mismatch = f.mismatch;
      m.relative = f.relative;
      out.push_back(std::move(m));
    }
    if (std::string_view(f.rule) == "date.year") s.year_list_end = f.last;
    i = f.last;
  }
}

}  // namespace crosscheck::detail
