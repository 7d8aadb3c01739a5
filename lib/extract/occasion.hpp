// Internal: which occasion of an event a claim is about (claim::occasion).
//
// An event dated within a month of the publication date is the one being reported: its
// occasion is the publication year. One dated further away ("his last visit, on July 19, 2000",
// "Kim visited Russia last year") is another occasion, named by its own year. A claim with no
// date of its own takes the occasion of a date the sentence gives its event, else the
// publication year; with no publication date and no date, it has none ("").
//
// The texts are shared_strings: a year of 1800-2100 is a copy from one table made once
// (year_text.hpp), so that a claim's occasion allocates nothing.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "crosscheck/value.hpp"
#include "extract/date_parse.hpp"
#include "extract/event_context.hpp"
#include "extract/year_text.hpp"

namespace crosscheck::detail {

inline constexpr int current_occasion_days = 31;

// The text of year y.
inline shared_string occasion_year(int y) {
  if (y >= shared_year_first && y <= shared_year_last) return shared_years()[static_cast<std::size_t>(y - shared_year_first)];
  return shared_string(std::to_string(y));
}

inline shared_string current_occasion(const std::optional<date_value>& published) {
  return published ? occasion_year(published->year) : shared_string();
}

inline bool is_current(const date_value& v, const std::optional<date_value>& published) {
  if (!published) return false;
  // A year is the current one only when it is the publication's ("last year" read on January 10
  // is another occasion, though it ends within the month).
  if (v.g == date_value::grain::year) return v.year == published->year;
  using std::chrono::days;
  using std::chrono::sys_days;
  const sys_days pub{published->first_day()};
  return sys_days{v.last_day()} >= pub - days{current_occasion_days} &&
         sys_days{v.first_day()} <= pub + days{current_occasion_days};
}

inline shared_string occasion_of(const date_value& v, const std::optional<date_value>& published) {
  return is_current(v, published) ? current_occasion(published) : occasion_year(v.year);
}

// The occasion of trigger k for a claim with no date of its own: that of the resolved date
// nearest to the trigger in its clause, within 12 tokens, else the current one.
inline shared_string occasion_near(std::string_view text, const event_scan& sc, std::size_t k,
                                 const std::vector<date_mention>& dates, const std::optional<date_value>& published) {
  constexpr std::size_t reach = 12;
  const std::size_t trig = sc.triggers[k].tok;
  const date_mention* best = nullptr;
  std::size_t best_distance = reach + 1;
  // Only a date in the trigger's own clause, with no other trigger between them: "Putin, who
  // first visited in July 2000, arrived at 2:46 a.m." gives the arrival no 2000.
  const auto same_clause = [&](std::size_t from, std::size_t to) {
    for (std::size_t j = from + 1; j <= to && j < sc.toks().size(); ++j)
      if (clause_break(text, sc.toks()[j - 1], sc.toks()[j]))
        return false;
    for (std::size_t q = 0; q < sc.triggers.size(); ++q)
      if (q != k && sc.triggers[q].tok > from && sc.triggers[q].tok < to) return false;
    return true;
  };
  for (const auto& m : dates) {
    if (!m.value) continue;
    // A date that opens the sentence ("In 2001, Kim Jong Il made a nine-day journey") dates it all.
    const bool opens_sentence = m.first <= 1 && m.last <= trig;
    if (!opens_sentence && !(m.first >= trig ? same_clause(trig, m.first) : same_clause(m.last - 1, trig))) continue;
    const std::size_t d = m.first >= trig ? m.first - trig : trig - std::min(trig, m.last);
    if (d < best_distance) {
      best = &m;
      best_distance = d;
    }
  }
  return best ? occasion_of(*best->value, published) : current_occasion(published);
}

}  // namespace crosscheck::detail
