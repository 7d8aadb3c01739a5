// Pieces every report format shares (text, Markdown, HTML): the summary line and lengths in words.
#pragma once

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <string>
#include <string_view>
#include <variant>

#include "crosscheck/report.hpp"

namespace crosscheck::detail {

// "5 document(s), 154 claim(s), 92 slot(s), 6 conflict(s) (date: 1, role: 1, ...)".
inline std::string summary_line(const report_input& in) {
  std::map<std::string_view, int> by_class;
  for (const auto& c : in.result.conflicts) ++by_class[to_string(c.cls)];
  std::string classes;
  for (const auto& [k, n] : by_class) classes += fmt::format("{}{}: {}", classes.empty() ? "" : ", ", k, n);
  return fmt::format("{} document(s), {} claim(s), {} slot(s), {} conflict(s){}", in.documents.size(), in.claims.size(),
                     in.result.slots.size(), in.result.conflicts.size(), classes.empty() ? "" : " (" + classes + ")");
}

// A number of seconds in words: "2 days", "24 years", "1.5 hours".
inline std::string in_words(double seconds) {
  struct unit {
    const char* name;
    double seconds;
  };
  static constexpr unit units[] = {{"year", 31556952}, {"day", 86400}, {"hour", 3600}, {"minute", 60}};
  for (const auto& u : units)
    if (seconds >= u.seconds * 0.95 || u.seconds == 60) {
      const double n = std::round(seconds / u.seconds * 10) / 10;
      const std::string num = n == std::floor(n) ? fmt::format("{}", static_cast<long long>(n)) : fmt::format("{:.1f}", n);
      return fmt::format("{} {}{}", num, u.name, n == 1 ? "" : "s");
    }
  return {};
}

// A length value in words, next to its canonical seconds: "2 days", "more than 20 years",
// "up to 24 hours"; empty for any other value.
inline std::string length_in_words(const value& v) {
  const auto* d = std::get_if<duration_value>(&v);
  if (!d) return {};
  if (!d->max_seconds) return "more than " + in_words(d->min_seconds);
  if (d->min_seconds == 0) return "up to " + in_words(*d->max_seconds);
  return in_words((d->min_seconds + *d->max_seconds + 1) / 2);
}

}  // namespace crosscheck::detail
