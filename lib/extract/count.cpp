// Counts: how many of what ("10,000 shipping containers", "at least 10 North Korean missiles",
// "thousands of North Koreans", "some 200 people", "a dozen agreements", "the third time").
//
// A count is a number (number_parse.hpp: digits, words, a scale, a vague phrase) with an optional
// hedge, followed by the plural noun it counts, with up to three modifiers between
// ("shipping", "North Korean"), which may be plural themselves ("police officers": the last
// plural of the run is the head). The claim:
//   subject    the counted noun, singular, with its modifiers, lower case: "shipping container",
//              "north korean missile", "north korean". Two sources' counts of the same thing
//              land in one slot; counts of different things do not.
//   attribute  "count" ("ordinal" for "the third time Putin has visited": subject
//              "time:<name>:<verb>", "time:putin:visited").
//   value      a count_value: "11" [11, 11]; "over 10"/"more than 10" [11, +inf); "at least 10"
//              [10, +inf); "nearly 200" [200 - max(1, 200/10), 199]; "about/some n" n widened
//              by durations.hedges.about_fraction (at least 1); "up to n" [0, n]; a vague
//              phrase its range ("thousands of" [2000, 9999]). So "over 10" agrees with 11 and
//              with 15, while 11 and 15 conflict.
//   occasion   a year the sentence places itself in ("in 2000"), else none.
//   rule       "count.noun", "count.vague", "count.ordinal".
// Not counts: a number after a definite word ("the two leaders", "these 11 documents": numbers.
// definite), which refers back to a count; a number after a label ("page 3", "No. 1", "photo 2", "Article 4": numbers.labels)
// or an age word ("aged 71"); a number next to another number ("1 of 5", "010 1234 5678", "1/8");
// scores and phone numbers ("3-1", "02-1234-5678": number_parse rejects them); "one of the"; a
// year ("the 1961 treaty", "in 2000": four digits count only before dates.count_nouns, "2000
// people"); nouns that are units, ages or page furniture ("24 years", "12 comments", "3 min read":
// numbers.not_counted, units.yaml); a number with no plural noun after it; the number one.
// Cost: linear in the tokens of sentences with a number.
#include <cmath>

#include "extract/number_pass.hpp"
#include "extract/year_text.hpp"
#include "text/fold.hpp"

namespace crosscheck {
namespace {

using detail::number_bound;
using detail::number_reading;
using detail::token;

constexpr std::size_t max_modifiers = 3;

class count_part final : public detail::number_part {
 public:
  explicit count_part(const rule_set& rules) : rules_(rules) {
    detail::shared_years();  // made now, so that no document pays for the table of year texts
    labels_.insert(rules.numbers.labels.begin(), rules.numbers.labels.end());
    ages_.insert(rules.numbers.age_words.begin(), rules.numbers.age_words.end());
    definite_.insert(rules.numbers.definite.begin(), rules.numbers.definite.end());
    auxiliaries_.insert(rules.english.auxiliaries.begin(), rules.english.auxiliaries.end());
    not_counted_.insert(rules.numbers.not_counted.begin(), rules.numbers.not_counted.end());
    irregular_.insert(rules.numbers.plural_irregular.begin(), rules.numbers.plural_irregular.end());
    ordinal_nouns_.insert(rules.numbers.ordinal_nouns.begin(), rules.numbers.ordinal_nouns.end());
    count_nouns_.insert(rules.dates.count_nouns.begin(), rules.dates.count_nouns.end());
    not_plural_.insert(rules.dates.not_plural.begin(), rules.dates.not_plural.end());
    const auto& e = rules.english;
    for (const auto* list : {&e.function_words, &e.pronouns, &e.determiners, &e.clause_openers, &e.auxiliaries})
      stops_.insert(list->begin(), list->end());
    for (const auto& u : rules.units.units)
      for (const auto& w : u.words) not_counted_.insert(w);
    for (const auto& u : rules.durations.units)
      for (const auto& w : u.words) not_counted_.insert(w);
    for (const auto& k : rules.documents.parts)
      for (const auto& w : k.words) labels_.insert(w);
    // Those whose words have role bits in the rules' index turn a token away on one bit test.
    detail::bind_roles(rules.word_ids(), labels_, ages_, definite_, auxiliaries_, not_counted_, irregular_, ordinal_nouns_,
                       count_nouns_, not_plural_, stops_);
  }

  claim_kind kind() const noexcept override { return claim_kind::count; }

  void sentence(const detail::number_input& in, std::vector<claim>& out) const override {
    const auto& toks = in.sc.toks();
    for (const auto& r : in.numbers) {
      if (r.ordinal) {
        ordinal(in, r, out);
        continue;
      }
      if (!countable(in, r)) continue;
      // The counted noun: the first plural within the next few words, all of them plain words.
      std::size_t k = r.last;
      if (!r.vague && k < toks.size() && toks[k].lower == "of") continue;  // "one of the", "two of them"
      std::size_t head = toks.size();
      for (; k < toks.size() && k < r.last + max_modifiers + 1; ++k) {
        const token& t = toks[k];
        if (k > r.last && !only_spaces(in.text, toks[k - 1].end, t.begin)) break;
        if (k == r.last && !only_spaces(in.text, toks[r.last - 1].end, t.begin)) break;
        if (stops_.contains(t) || detail::is_ascii_digit(t.lower.front()) || t.lower.find('-') != std::string::npos) break;
        if (plural(t)) {
          head = k;
          break;
        }
      }
      if (head == toks.size()) continue;
      // A plural that modifies the noun after it is not the head: "40 police officers", "12
      // new police generators", "3 sports cars" count officers, generators, cars.
      while (head + 1 < toks.size() && head + 1 < r.last + max_modifiers + 1 &&
             only_spaces(in.text, toks[head].end, toks[head + 1].begin) && !stops_.contains(toks[head + 1]) &&
             plural(toks[head + 1]))
        ++head;
      if (not_counted_.contains(toks[head])) continue;
      if (head + 1 < toks.size() && toks[head + 1].lower == "old") continue;  // "71 years old"
      if (const int y = detail::year_of(toks[r.number]); y && !count_nouns_.contains(singular_of(toks[head]))) continue;
      emit(in, r, head, out);
    }
  }

 private:
  static bool only_spaces(std::string_view t, std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i)
      if (!detail::is_space(t[i])) return false;
    return true;
  }

  bool plural(const token& t) const {
    if (irregular_.contains(t)) return true;
    const auto& w = t.lower;
    return w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' && w[w.size() - 2] != '\'' &&
           !not_plural_.contains(t) && detail::is_ascii_alpha(w.front());
  }

  std::string singular_of(const token& t) const {
    return irregular_.contains(t) ? std::string(t.lower) : detail::singular(t.lower);
  }

  bool countable(const detail::number_input& in, const number_reading& r) const {
    const auto& toks = in.sc.toks();
    if (!r.vague) {
      if (!r.word.rest.empty() || !r.word.suffix.empty()) return false;  // "23-article", "nine-day", "8km"
      // In range first: a whole number in it is its cast to an integer (no call to floor()).
      if (r.value < 2 || r.value > 1e13 || r.value != static_cast<double>(static_cast<std::int64_t>(r.value))) return false;
      if (r.number + 1 < toks.size() && detail::is_ascii_digit(toks[r.number + 1].lower.front())) return false;
    }
    if (r.first > 0) {
      const token& before = toks[r.first - 1];
      if (labels_.contains(before) || ages_.contains(before) || definite_.contains(before) ||
          detail::is_ascii_digit(before.lower.front()))
        return false;
      // "#3", "No.1", "1/8", "p.12": a label sign or a fraction right before the number.
      const std::size_t b = toks[r.first].begin;
      if (b > 0 && (in.text[b - 1] == '#' || in.text[b - 1] == '/' || in.text[b - 1] == '.')) return false;
    } else if (toks[r.first].begin > 0 && in.text[toks[r.first].begin - 1] == '#') {
      return false;
    }
    const std::size_t e = toks[r.last - 1].end;
    if (e < in.text.size() && (in.text[e] == '/' || in.text[e] == ':' || in.text[e] == '%')) return false;
    return true;
  }

  count_value bounds(const number_reading& r, hedge& h) const {
    const auto n = static_cast<std::int64_t>(std::llround(r.value));
    const auto hi = static_cast<std::int64_t>(std::llround(r.vague ? r.vague_max : r.value));
    switch (r.bound) {
      case number_bound::exact: return {n, hi};
      case number_bound::about: {
        h = hedge::about;
        const auto m = std::max<std::int64_t>(1, static_cast<std::int64_t>(std::floor(r.value * in_about_)));
        return {std::max<std::int64_t>(0, n - m), hi + m};
      }
      case number_bound::nearly:
        h = hedge::at_most;
        return {std::max<std::int64_t>(0, n - std::max<std::int64_t>(1, n / 10)), std::max<std::int64_t>(0, n - 1)};
      case number_bound::over: h = hedge::at_least; return count_value::at_least(hi + 1);
      case number_bound::at_least: h = hedge::at_least; return count_value::at_least(n);
      case number_bound::under: h = hedge::at_most; return {0, hi};
    }
    return {n, hi};
  }

  void emit(const detail::number_input& in, const number_reading& r, std::size_t head, std::vector<claim>& out) const {
    const auto& toks = in.sc.toks();
    claim c;
    c.kind = claim_kind::count;
    c.attribute = count_;
    // Made in a buffer the thread keeps (no string allocated per claim), then shared.
    thread_local std::string subject;
    subject.clear();
    for (std::size_t k = r.last; k < head; ++k) subject.append(detail::possessive_stem(toks[k].lower)).append(1, ' ');
    if (irregular_.contains(toks[head])) subject.append(toks[head].lower);
    else detail::append_singular(subject, toks[head].lower);
    c.subject = std::string_view(subject);
    c.subject_text = in.text.substr(toks[r.last].begin, toks[head].end - toks[r.last].begin);
    c.val = bounds(r, c.hdg);
    c.rule = r.vague ? vague_rule_ : noun_rule_;
    c.occasion = detail::shared_year(in.year);
    detail::fill_number_evidence(in, r.first, head + 1, c);
    out.push_back(std::move(c));
  }

  // "the third time Putin has visited", "the second time that Kim and Putin have met": an
  // ordinal before numbers.ordinal_nouns, then the people (their last name word) and the verb.
  void ordinal(const detail::number_input& in, const number_reading& r, std::vector<claim>& out) const {
    const auto& toks = in.sc.toks();
    if (r.bound != number_bound::exact || r.last >= toks.size() || !ordinal_nouns_.contains(toks[r.last])) return;
    std::size_t k = r.last + 1;
    if (k < toks.size() && (toks[k].lower == "that" || toks[k].lower == "since")) ++k;
    std::string who;
    for (; k < toks.size() && (in.events.is_name_word(toks[k]) || toks[k].lower == "and"); ++k)
      if (toks[k].lower != "and") who = std::string(detail::possessive_stem(toks[k].lower));
    while (k < toks.size() && auxiliaries_.contains(toks[k])) ++k;
    if (who.empty() || k >= toks.size() || stops_.contains(toks[k]) || !detail::is_ascii_alpha(toks[k].lower.front())) return;
    claim c;
    c.kind = claim_kind::count;
    c.attribute = ordinal_;
    c.subject = std::string(toks[r.last].lower) + ":" + who + ":" + std::string(toks[k].lower);
    c.subject_text = in.text.substr(toks[r.last].begin, toks[k].end - toks[r.last].begin);
    c.val = count_value::exactly(static_cast<std::int64_t>(r.value));
    c.rule = ordinal_rule_;
    detail::fill_number_evidence(in, r.first, r.last + 1, c);
    out.push_back(std::move(c));
  }

  const rule_set& rules_;
  const double in_about_ = rules_.durations.about_fraction;
  detail::word_set labels_, ages_, definite_, auxiliaries_, not_counted_, irregular_, ordinal_nouns_, count_nouns_, not_plural_, stops_;
  // The texts every claim of a kind shares, made once: a copy only counts a reference.
  shared_string count_{"count"}, ordinal_{"ordinal"};
  shared_string noun_rule_{"count.noun"}, vague_rule_{"count.vague"}, ordinal_rule_{"count.ordinal"};
};

}  // namespace

namespace detail {
std::unique_ptr<number_part> make_count_part(const rule_set& rules) { return std::make_unique<count_part>(rules); }
}  // namespace detail

}  // namespace crosscheck
