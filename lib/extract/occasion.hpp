// Internal: which occasion of an event a claim is about (claim::occasion).
//
// An event dated within a month of the publication date is the one being reported: its
// occasion is the publication year. One dated further away ("his last visit, on July 19, 2000",
// "Kim visited Russia last year") is another occasion, named by its own year. A claim with no
// date of its own takes the occasion of a date the sentence gives its event, else the
// publication year; with no publication date and no date, it has none ("").
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "crosscheck/value.hpp"
#include "extract/date_parse.hpp"
#include "extract/event_context.hpp"

namespace crosscheck::detail {

inline constexpr int current_occasion_days = 31;

inline std::string current_occasion(const std::optional<date_value>& published) {
  return published ? std::to_string(published->year) : std::string();
}

inline bool is_current(const date_value& v, const std::optional<date_value>& published) {
  if (!published) return false;
  using std::chrono::days;
  using std::chrono::sys_days;
  const sys_days pub{published->first_day()};
  return sys_days{v.last_day()} >= pub - days{current_occasion_days} &&
         sys_days{v.first_day()} <= pub + days{current_occasion_days};
}

inline std::string occasion_of(const date_value& v, const std::optional<date_value>& published) {
  return is_current(v, published) ? current_occasion(published) : std::to_string(v.year);
}

// The occasion of trigger k for a claim with no date of its own: that of the resolved date
// nearest to the trigger in its sentence, within 12 tokens, else the current one.
inline std::string occasion_near(const event_scan& sc, std::size_t k, const std::vector<date_mention>& dates,
                                 const std::optional<date_value>& published) {
  constexpr std::size_t reach = 12;
  const std::size_t trig = sc.triggers[k].tok;
  const date_mention* best = nullptr;
  std::size_t best_distance = reach + 1;
  for (const auto& m : dates) {
    if (!m.value) continue;
    const std::size_t d = m.first >= trig ? m.first - trig : trig - std::min(trig, m.last);
    if (d < best_distance) {
      best = &m;
      best_distance = d;
    }
  }
  return best ? occasion_of(*best->value, published) : current_occasion(published);
}

}  // namespace crosscheck::detail
