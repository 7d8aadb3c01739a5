// Internal: how much a value's precision weighs in a vote, shared by the reconciler's weighted
// vote and truth discovery.
#pragma once

#include <variant>

#include "crosscheck/value.hpp"

namespace crosscheck::detail {

// 1.0 for a minute or a day; 0.8 for an hour; 0.7 for a month or a year; 0.5 for open or vague
// times ("after 2 a.m.", "in the early hours"); 1.0 for every other value.
inline double precision_weight(const value& v) {
  if (const auto* t = std::get_if<clock_time>(&v)) {
    switch (t->prec) {
      case clock_time::precision::minute: return 1.0;
      case clock_time::precision::hour: return 0.8;
      default: return 0.5;
    }
  }
  if (const auto* d = std::get_if<date_value>(&v)) return d->g == date_value::grain::day ? 1.0 : 0.7;
  return 1.0;
}

}  // namespace crosscheck::detail
