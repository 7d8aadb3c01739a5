// Helpers of the reconciler's per-claim loops (reconcile.cpp, truth.cpp).
//
// A value's text (to_string(value)) appended to a buffer, for the reconciler's per-claim loops:
// the common values (a clock time to the minute, a label, a name) are written without fmt and
// without a temporary string; every other value goes through to_string(). Same bytes either way
// (tests/unit/reconcile_test.cpp compares the two).
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "crosscheck/claim.hpp"
#include "crosscheck/value.hpp"

namespace crosscheck::detail {

namespace value_text_detail {
// Two digits, for 0 <= n < 100 (fmt's "{:02}").
inline void two_digits(std::string& out, int n) {
  out += static_cast<char>('0' + n / 10);
  out += static_cast<char>('0' + n % 10);
}
}  // namespace value_text_detail

inline void append_value_text(std::string& out, const value& v) {
  using value_text_detail::two_digits;
  if (const auto* t = std::get_if<clock_time>(&v)) {
    // "HH:MM" and the zone's "+HH:MM", when every number fits two digits.
    const bool plain_zone = !t->zone || (t->zone->minutes > -6000 && t->zone->minutes < 6000);
    if (t->prec == clock_time::precision::minute && t->begin >= 0 && t->begin < 6000 && plain_zone) {
      two_digits(out, t->begin / 60);
      out += ':';
      two_digits(out, t->begin % 60);
      if (t->zone) {
        const int m = t->zone->minutes < 0 ? -t->zone->minutes : t->zone->minutes;
        out += t->zone->minutes < 0 ? '-' : '+';
        two_digits(out, m / 60);
        out += ':';
        two_digits(out, m % 60);
      }
      return;
    }
  } else if (const auto* x = std::get_if<text_value>(&v)) {
    out += std::string_view(x->text);
    return;
  } else if (const auto* p = std::get_if<person_name>(&v)) {
    out += std::string_view(p->text);
    return;
  }
  out += to_string(v);
}

// Asks the memory for the parts of a claim that the reconciler's loops read (its value and
// modality, its evidence's source, sentence and attribution, its id). A slot's claims lie far
// apart in a big input, so each is a cache miss; the loops ask for the next slot's claims while
// they work on this one's.
inline void prefetch_claim(const claim& c) {
  __builtin_prefetch(&c.id);
  __builtin_prefetch(&c.val);
  __builtin_prefetch(&c.mod);
  __builtin_prefetch(&c.ev.source);
  __builtin_prefetch(&c.ev.sentence);
  __builtin_prefetch(&c.ev.attribution);
}

}  // namespace crosscheck::detail
