// Internal: the text of a year ("2024") as a shared_string that claims share.
//
// A claim's occasion is a year's text: the publication year for most claims, the year a
// sentence or a date names for the others. Made per claim, each would be a fresh block (or a
// cut of the document's pool) for a text most claims repeat; the years a number can be (1800-2100, as
// year_of_digits reads them) are made once for the process instead, and a claim copies one
// (a reference count, no allocation). Any other text gets a block of its own, as before.
//
//   c.occasion = detail::shared_year(detail::occasion_of(v, doc.published.date));   // "2024"
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/shared_string.hpp"

namespace crosscheck::detail {

inline constexpr int shared_year_first = 1800, shared_year_last = 2100;

// The table: built once, on first use (thread-safe), and never written again, so that copies
// may cross threads. An extractor calls it when it is made, so that no document pays for it.
inline const std::vector<shared_string>& shared_years() {
  static const std::vector<shared_string> years = [] {
    std::vector<shared_string> v;
    v.reserve(shared_year_last - shared_year_first + 1);
    for (int y = shared_year_first; y <= shared_year_last; ++y) v.emplace_back(std::to_string(y));
    return v;
  }();
  return years;
}

inline shared_string shared_year(std::string_view text) {
  if (text.size() == 4) {
    int y = 0;
    for (char c : text) {
      if (c < '0' || c > '9') return shared_string(text);
      y = y * 10 + (c - '0');
    }
    if (y >= shared_year_first && y <= shared_year_last) return shared_years()[static_cast<std::size_t>(y - shared_year_first)];
  }
  return shared_string(text);
}

}  // namespace crosscheck::detail
