// crosscheck/value.hpp: typed claim values that carry their own precision.
//
// A news article rarely states an exact value. "2:22 a.m." is a one-minute interval,
// "after 2 a.m." is open on one side, "in the early hours" is a vague span, "July 2000"
// is a date of month grain and "at least 10" is a count with only a lower bound. Every
// value here is therefore an *interval* in its own dimension, and two values are
// *compatible* when their intervals can hold the same truth:
//
//   auto a = crosscheck::clock_time::at(2, 46, crosscheck::utc_offset{9 * 60});
//   auto b = crosscheck::clock_time::after(2, 0, crosscheck::utc_offset{9 * 60});
//   crosscheck::compare(value{a}, value{b});   // agreement::compatible
//
// Comparing values of two different types gives agreement::incomparable.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "crosscheck/shared_string.hpp"

namespace crosscheck {

// How two values relate. Ordered from strongest agreement to disagreement.
enum class agreement {
  same,          // the same normalized value
  compatible,    // different precision or bounds, but both can be true (overlap, coarser grain)
  conflict,      // cannot both be true
  incomparable,  // different types, or not enough information (e.g. an unresolved date)
};
std::string_view to_string(agreement a) noexcept;

// A fixed offset from UTC in minutes (+09:00 is 540). Zones are resolved to offsets
// before comparison: the zone name the text used is kept separately for reports.
struct utc_offset {
  int minutes = 0;
  friend bool operator==(utc_offset, utc_offset) = default;
};
std::string to_string(utc_offset z);  // "+09:00", "-05:00"

// A time of day as a half-open interval [begin, end) of minutes since local midnight.
// end may exceed 1440 only for spans that run past midnight; begin is in [0, 1440).
//   "2:46 a.m."          -> [166, 167)  precision::minute
//   "2 a.m."             -> [120, 180)  precision::hour   (the hour as stated, not 2:00 sharp)
//   "after 2 a.m."       -> [120, 1440) precision::open_after
//   "before 2 a.m."      -> [0, 120)    precision::open_before
//   "in the early hours" -> [0, 360)    precision::span
struct clock_time {
  enum class precision : std::uint8_t { minute, hour, open_after, open_before, span };
  int begin = 0;  // minutes since midnight
  int end = 0;    // exclusive
  precision prec = precision::minute;
  std::optional<utc_offset> zone;  // unset: zone unknown; then both are compared as local times
  shared_string zone_name;           // as written or as resolved: "KST", "Moscow time", "Pyongyang"

  static clock_time at(int hour, int minute, std::optional<utc_offset> zone = {});
  static clock_time after(int hour, int minute, std::optional<utc_offset> zone = {});
  static clock_time before(int hour, int minute, std::optional<utc_offset> zone = {});
  static clock_time span(int begin_minute, int end_minute, std::optional<utc_offset> zone = {});

  friend bool operator==(const clock_time&, const clock_time&) = default;
};

// A calendar date with the grain the text gave: "2000" (year), "July 2000" (month),
// "July 19, 2000" (day). Fields below the grain are ignored. ok() is false for
// impossible dates (February 30).
struct date_value {
  enum class grain : std::uint8_t { year, month, day };
  int year = 0;
  unsigned month = 1;  // 1..12, meaningful from grain::month
  unsigned day = 1;    // 1..31, meaningful at grain::day
  grain g = grain::day;

  static date_value of_year(int y) { return {y, 1, 1, grain::year}; }
  static date_value of_month(int y, unsigned m) { return {y, m, 1, grain::month}; }
  static date_value of_day(int y, unsigned m, unsigned d) { return {y, m, d, grain::day}; }
  bool ok() const noexcept;
  std::chrono::year_month_day first_day() const noexcept;  // start of the interval
  std::chrono::year_month_day last_day() const noexcept;   // end of the interval (inclusive)

  friend bool operator==(const date_value&, const date_value&) = default;
};

// A length of time as an interval of seconds [min, max]; max unset means unbounded
// ("more than two hours"). "two days" -> [172800, 172800]; "nearly 24 years" is
// given by the extractor as a bounded interval below 24 years.
struct duration_value {
  double min_seconds = 0;
  std::optional<double> max_seconds;  // unset: open above
  friend bool operator==(const duration_value&, const duration_value&) = default;
};

// A count with bounds: "11" -> [11, 11]; "over 10" -> [11, unbounded); "nearly 200" ->
// [180, 199] as the extractor decides; "thousands" -> [2000, 9999].
struct count_value {
  std::int64_t min = 0;
  std::optional<std::int64_t> max;  // unset: open above
  static count_value exactly(std::int64_t n) { return {n, n}; }
  static count_value at_least(std::int64_t n) { return {n, std::nullopt}; }
  friend bool operator==(const count_value&, const count_value&) = default;
};

// A measured amount with a canonical unit id ("tonne", "celsius", "usd", "km").
// Two quantities are compatible when their units agree and the intervals overlap after
// a relative tolerance (default 0.5%) for rounding.
struct quantity_value {
  double min = 0;
  double max = 0;
  shared_string unit;
  friend bool operator==(const quantity_value&, const quantity_value&) = default;
};

// A person's name as written and its comparison key: case, diacritics, hyphens and
// spaces folded ("Kim Jong-un" and "Kim Jong Un" share the key "kim jong un").
// Finer verdicts (transliteration, likely misspelling) belong to the name matcher.
struct person_name {
  shared_string text;  // as written
  shared_string key;   // folded
  friend bool operator==(const person_name&, const person_name&) = default;
};
person_name make_person_name(std::string_view written);

// A role held by a person: the canonical role id from data/ ("press_secretary") and the
// words used ("Kremlin press secretary"); organisation is optional ("kremlin").
struct role_value {
  shared_string role;  // canonical id; two roles compare by id
  shared_string text;
  shared_string organisation;
  friend bool operator==(const role_value&, const role_value&) = default;
};

// A numbered part of a document: "article four of the treaty" -> {treaty, 4, 0}.
struct article_ref {
  shared_string document;  // the document it belongs to, as a key ("2024 treaty")
  int article = 0;
  int paragraph = 0;     // 0: not given
  friend bool operator==(const article_ref&, const article_ref&) = default;
};

// A short label compared as text: a gate ("B12"), a terminal, a flight status. key is the
// text trimmed and case-folded ("  b12 " and "B12" share the key "b12"); two labels are the
// same when their keys are equal and conflict otherwise.
struct text_value {
  shared_string text;  // as written, trimmed
  shared_string key;   // folded
  friend bool operator==(const text_value&, const text_value&) = default;
};
text_value make_text_value(std::string_view written);

using value = std::variant<clock_time, date_value, duration_value, count_value, quantity_value,
                           person_name, role_value, article_ref, text_value>;

// How two values relate (see agreement). Never throws.
agreement compare(const value& a, const value& b);
inline bool compatible(const value& a, const value& b) {
  const agreement g = compare(a, b);
  return g == agreement::same || g == agreement::compatible;
}

// The normalized text of a value, stable across runs: "02:46+09:00", "after 02:00+09:00",
// "00:00-06:00+09:00", "2000-07", "2000-07-19", "[11, +inf)", "260000 tonne".
// parse_value(type_name(v), to_string(v)) gives v back (for claims passed through JSON Lines).
std::string to_string(const value& v);
// to_string(v) appended to `out`, with no temporary string for the common values (a clock time
// to the minute, a label, a name): for loops over many values.
void append_to_string(std::string& out, const value& v);
// The type name used in JSON: "clock_time", "date", "duration", "count", "quantity",
// "person_name", "role", "article", "text".
std::string_view type_name(const value& v) noexcept;

}  // namespace crosscheck
