// Unit tests for crosscheck/value.hpp: typed values with their own precision, compare() and
// compatible(). to_string()/parse_value() round trips are tested elsewhere.
#include <catch2/catch.hpp>

#include <chrono>
#include <optional>
#include <string>

#include "crosscheck/value.hpp"

namespace Catch {
template <>
struct StringMaker<crosscheck::agreement> {
  static std::string convert(crosscheck::agreement a) {
    switch (a) {
      case crosscheck::agreement::same: return "same";
      case crosscheck::agreement::compatible: return "compatible";
      case crosscheck::agreement::conflict: return "conflict";
      case crosscheck::agreement::incomparable: return "incomparable";
    }
    return "agreement(" + std::to_string(static_cast<int>(a)) + ")";
  }
};
}  // namespace Catch

namespace {

using crosscheck::agreement;
using crosscheck::article_ref;
using crosscheck::clock_time;
using crosscheck::count_value;
using crosscheck::date_value;
using crosscheck::duration_value;
using crosscheck::person_name;
using crosscheck::quantity_value;
using crosscheck::role_value;
using crosscheck::utc_offset;
using crosscheck::value;

// compare() in both directions: the verdict must not depend on the order of the arguments.
agreement cmp(const value& a, const value& b) {
  const agreement ab = crosscheck::compare(a, b);
  const agreement ba = crosscheck::compare(b, a);
  INFO("compare(a, b) = " << Catch::StringMaker<agreement>::convert(ab)
                          << ", compare(b, a) = " << Catch::StringMaker<agreement>::convert(ba));
  CHECK(ab == ba);
  return ab;
}

constexpr utc_offset kst{9 * 60};
constexpr utc_offset bst{60};
constexpr utc_offset utc{0};

// "2 a.m." as stated: the whole hour [h:00, h+1:00).
clock_time hour_of(int h, std::optional<utc_offset> zone = {}) {
  clock_time t;
  t.begin = h * 60;
  t.end = (h + 1) * 60;
  t.prec = clock_time::precision::hour;
  t.zone = zone;
  return t;
}

duration_value seconds(double min, std::optional<double> max) {
  duration_value d;
  d.min_seconds = min;
  d.max_seconds = max;
  return d;
}

quantity_value amount(double min, double max, std::string unit) {
  quantity_value q;
  q.min = min;
  q.max = max;
  q.unit = std::move(unit);
  return q;
}

role_value role(std::string id, std::string text, std::string organisation = {}) {
  role_value r;
  r.role = std::move(id);
  r.text = std::move(text);
  r.organisation = std::move(organisation);
  return r;
}

article_ref article(std::string document, int number, int paragraph = 0) {
  article_ref a;
  a.document = std::move(document);
  a.article = number;
  a.paragraph = paragraph;
  return a;
}

}  // namespace

// --- clock_time ---------------------------------------------------------------------------

TEST_CASE("value: clock_time factories build half-open minute intervals", "[value]") {
  SECTION("at(2, 46) is the minute [166, 167)") {
    const auto t = clock_time::at(2, 46);
    CHECK(t.begin == 166);
    CHECK(t.end == 167);
    CHECK(t.prec == clock_time::precision::minute);
    CHECK_FALSE(t.zone.has_value());
  }
  SECTION("after(2, 0) is open after: [120, 1440)") {
    const auto t = clock_time::after(2, 0);
    CHECK(t.begin == 120);
    CHECK(t.end == 1440);
    CHECK(t.prec == clock_time::precision::open_after);
  }
  SECTION("before(2, 0) is open before: [0, 120)") {
    const auto t = clock_time::before(2, 0);
    CHECK(t.begin == 0);
    CHECK(t.end == 120);
    CHECK(t.prec == clock_time::precision::open_before);
  }
  SECTION("span(0, 360) is a vague span") {
    const auto t = clock_time::span(0, 360);
    CHECK(t.begin == 0);
    CHECK(t.end == 360);
    CHECK(t.prec == clock_time::precision::span);
  }
  SECTION("the zone passed in is kept") {
    const auto t = clock_time::at(14, 20, bst);
    REQUIRE(t.zone.has_value());
    CHECK(t.zone->minutes == 60);
  }
}

TEST_CASE("value: equal clock times are the same", "[value]") {
  CHECK(cmp(clock_time::at(2, 46), clock_time::at(2, 46)) == agreement::same);
  CHECK(cmp(clock_time::at(2, 46, kst), clock_time::at(2, 46, kst)) == agreement::same);
  CHECK(cmp(clock_time::after(2, 0), clock_time::after(2, 0)) == agreement::same);
  CHECK(cmp(hour_of(2), hour_of(2)) == agreement::same);
}

TEST_CASE("value: overlapping clock times of different precision are compatible", "[value]") {
  SECTION("after 2:00 vs 2:46") {
    CHECK(cmp(clock_time::after(2, 0), clock_time::at(2, 46)) == agreement::compatible);
  }
  SECTION("after 2:00 vs 2:22") {
    CHECK(cmp(clock_time::after(2, 0), clock_time::at(2, 22)) == agreement::compatible);
  }
  SECTION("after 2:00 vs 2:46, both in KST (the header example)") {
    CHECK(cmp(clock_time::after(2, 0, kst), clock_time::at(2, 46, kst)) == agreement::compatible);
  }
  SECTION("the early hours [0, 360) vs 2:46") {
    CHECK(cmp(clock_time::span(0, 360), clock_time::at(2, 46)) == agreement::compatible);
  }
  SECTION("2 a.m. (hour precision) vs 2:22") {
    CHECK(cmp(hour_of(2), clock_time::at(2, 22)) == agreement::compatible);
  }
  SECTION("before 3:00 vs 2:59") {
    CHECK(cmp(clock_time::before(3, 0), clock_time::at(2, 59)) == agreement::compatible);
  }
}

TEST_CASE("value: disjoint clock times conflict", "[value]") {
  SECTION("2:22 vs 2:46") {
    CHECK(cmp(clock_time::at(2, 22), clock_time::at(2, 46)) == agreement::conflict);
  }
  SECTION("after 3:00 vs 2:46") {
    CHECK(cmp(clock_time::after(3, 0), clock_time::at(2, 46)) == agreement::conflict);
  }
  SECTION("before 2:00 vs 2:22") {
    CHECK(cmp(clock_time::before(2, 0), clock_time::at(2, 22)) == agreement::conflict);
  }
  SECTION("2 a.m. (the hour) vs 3:05") {
    CHECK(cmp(hour_of(2), clock_time::at(3, 5)) == agreement::conflict);
  }
  SECTION("the early hours [0, 360) vs 14:20") {
    CHECK(cmp(clock_time::span(0, 360), clock_time::at(14, 20)) == agreement::conflict);
  }
}

TEST_CASE("value: interval ends are exclusive", "[value]") {
  // before 2:00 is [0, 120): 2:00 itself is not in it; after 2:00 is [120, 1440): 2:00 is.
  CHECK(cmp(clock_time::before(2, 0), clock_time::at(2, 0)) == agreement::conflict);
  CHECK(cmp(clock_time::after(2, 0), clock_time::at(2, 0)) == agreement::compatible);
  CHECK(cmp(clock_time::before(2, 0), clock_time::after(2, 0)) == agreement::conflict);
  // 2 a.m. is [120, 180): 3:00 is the next hour.
  CHECK(cmp(hour_of(2), clock_time::at(3, 0)) == agreement::conflict);
}

TEST_CASE("value: a local span running past midnight", "[value]") {
  const auto night = clock_time::span(22 * 60, 26 * 60);  // 22:00 to 02:00
  CHECK(cmp(night, clock_time::at(23, 30)) == agreement::compatible);
  CHECK(cmp(night, clock_time::at(1, 0)) == agreement::compatible);
  CHECK(cmp(night, clock_time::at(3, 0)) == agreement::conflict);
  CHECK(cmp(night, clock_time::at(12, 0)) == agreement::conflict);
}

TEST_CASE("value: clock times with zones are compared in UTC", "[value]") {
  SECTION("14:20 at +01:00 and 22:20 at +09:00 are the same instant") {
    const auto a = clock_time::at(14, 20, bst);
    const auto b = clock_time::at(22, 20, kst);
    const agreement g = cmp(a, b);
    CHECK(g != agreement::conflict);
    CHECK(g != agreement::incomparable);
    CHECK(crosscheck::compatible(a, b));
  }
  SECTION("14:20 at +01:00 and 14:20 at +09:00 are eight hours apart") {
    CHECK(cmp(clock_time::at(14, 20, bst), clock_time::at(14, 20, kst)) == agreement::conflict);
  }
  SECTION("2:46 KST vs 17:46 UTC (previous day) is the same instant") {
    CHECK(crosscheck::compatible(clock_time::at(2, 46, kst), clock_time::at(17, 46, utc)));
  }
  SECTION("2:46 KST vs 2:46 UTC conflict") {
    CHECK(cmp(clock_time::at(2, 46, kst), clock_time::at(2, 46, utc)) == agreement::conflict);
  }
  SECTION("the same time and offset under two zone names is not a conflict") {
    auto a = clock_time::at(2, 46, kst);
    a.zone_name = "KST";
    auto b = clock_time::at(2, 46, kst);
    b.zone_name = "Pyongyang";
    CHECK(crosscheck::compatible(a, b));
  }
}

TEST_CASE("value: UTC conversion wraps around midnight", "[value]") {
  SECTION("00:30 at +09:00 is 15:30 UTC on the previous day") {
    const auto a = clock_time::at(0, 30, kst);
    const auto b = clock_time::at(15, 30, utc);
    CHECK(crosscheck::compatible(a, b));
    CHECK(cmp(a, b) != agreement::conflict);
  }
  SECTION("00:30 at +09:00 vs 16:30 UTC conflict") {
    CHECK(cmp(clock_time::at(0, 30, kst), clock_time::at(16, 30, utc)) == agreement::conflict);
  }
  SECTION("23:00 at -05:00 is 04:00 UTC on the next day") {
    const utc_offset est{-5 * 60};
    CHECK(crosscheck::compatible(clock_time::at(23, 0, est), clock_time::at(4, 0, utc)));
    CHECK(cmp(clock_time::at(23, 0, est), clock_time::at(3, 0, utc)) == agreement::conflict);
  }
  SECTION("after 2 a.m. KST vs an instant that is 05:00 KST") {
    // after 02:00 KST = [17:00, 24:00) u [00:00, 15:00) UTC; 20:00 UTC is 05:00 KST.
    CHECK(crosscheck::compatible(clock_time::after(2, 0, kst), clock_time::at(20, 0, utc)));
  }
  SECTION("after 2 a.m. KST vs an instant that is 01:00 KST") {
    // 16:00 UTC is 01:00 KST: before 2 a.m. there.
    CHECK(cmp(clock_time::after(2, 0, kst), clock_time::at(16, 0, utc)) == agreement::conflict);
  }
}

TEST_CASE("value: clock times without a zone compare as written", "[value]") {
  SECTION("both without a zone") {
    CHECK(cmp(clock_time::at(2, 46), clock_time::at(2, 46)) == agreement::same);
    CHECK(cmp(clock_time::at(2, 22), clock_time::at(2, 46)) == agreement::conflict);
  }
  SECTION("one with a zone: the local times are compared") {
    CHECK(crosscheck::compatible(clock_time::at(2, 46, kst), clock_time::at(2, 46)));
    CHECK(crosscheck::compatible(clock_time::after(2, 0, kst), clock_time::at(2, 46)));
    CHECK(cmp(clock_time::at(2, 46, kst), clock_time::at(2, 22)) == agreement::conflict);
    // not converted: 17:46 (no zone) is not taken as 17:46 UTC
    CHECK(cmp(clock_time::at(2, 46, kst), clock_time::at(17, 46)) == agreement::conflict);
  }
}

// --- date_value ---------------------------------------------------------------------------

TEST_CASE("value: date_value::ok rejects impossible dates", "[value]") {
  CHECK(date_value::of_day(2024, 2, 29).ok());  // leap year
  CHECK(date_value::of_day(2000, 2, 29).ok());  // divisible by 400
  CHECK(date_value::of_day(2000, 7, 19).ok());
  CHECK(date_value::of_day(2024, 12, 31).ok());
  CHECK(date_value::of_month(2000, 7).ok());
  CHECK(date_value::of_year(2000).ok());

  CHECK_FALSE(date_value::of_day(2023, 2, 29).ok());
  CHECK_FALSE(date_value::of_day(1900, 2, 29).ok());  // divisible by 100, not 400
  CHECK_FALSE(date_value::of_day(2024, 2, 30).ok());
  CHECK_FALSE(date_value::of_day(2024, 4, 31).ok());
  CHECK_FALSE(date_value::of_day(2024, 13, 1).ok());
  CHECK_FALSE(date_value::of_month(2024, 13).ok());
  CHECK_FALSE(date_value::of_month(2024, 0).ok());
  CHECK_FALSE(date_value::of_day(2024, 6, 0).ok());
  CHECK_FALSE(date_value::of_day(2024, 6, 32).ok());
}

TEST_CASE("value: date_value ignores the fields below its grain", "[value]") {
  date_value july = date_value::of_month(2000, 7);
  july.day = 31;  // July has 31 days anyway; a month-grain date ignores the day
  CHECK(july.ok());
  date_value february = date_value::of_month(2023, 2);
  february.day = 30;  // ignored at month grain
  CHECK(february.ok());
}

TEST_CASE("value: date_value first_day and last_day", "[value]") {
  using namespace std::chrono;
  SECTION("month grain, leap February") {
    const auto d = date_value::of_month(2024, 2);
    CHECK(d.first_day() == year{2024} / February / day{1});
    CHECK(d.last_day() == year{2024} / February / day{29});
  }
  SECTION("month grain, common February") {
    const auto d = date_value::of_month(2023, 2);
    CHECK(d.first_day() == year{2023} / February / day{1});
    CHECK(d.last_day() == year{2023} / February / day{28});
  }
  SECTION("month grain, December") {
    CHECK(date_value::of_month(2024, 12).last_day() == year{2024} / December / day{31});
  }
  SECTION("year grain") {
    const auto d = date_value::of_year(2000);
    CHECK(d.first_day() == year{2000} / January / day{1});
    CHECK(d.last_day() == year{2000} / December / day{31});
  }
  SECTION("day grain") {
    const auto d = date_value::of_day(2000, 7, 19);
    CHECK(d.first_day() == year{2000} / July / day{19});
    CHECK(d.last_day() == year{2000} / July / day{19});
  }
}

TEST_CASE("value: dates compare by the intervals of their grain", "[value]") {
  const auto day = date_value::of_day(2000, 7, 19);
  SECTION("identical dates are the same") {
    CHECK(cmp(day, date_value::of_day(2000, 7, 19)) == agreement::same);
    CHECK(cmp(date_value::of_month(2000, 7), date_value::of_month(2000, 7)) == agreement::same);
    CHECK(cmp(date_value::of_year(2000), date_value::of_year(2000)) == agreement::same);
  }
  SECTION("July 2000 vs 2000-07-19 is compatible") {
    CHECK(cmp(date_value::of_month(2000, 7), day) == agreement::compatible);
  }
  SECTION("2000 vs 2000-07-19 is compatible") {
    CHECK(cmp(date_value::of_year(2000), day) == agreement::compatible);
  }
  SECTION("2000 vs July 2000 is compatible") {
    CHECK(cmp(date_value::of_year(2000), date_value::of_month(2000, 7)) == agreement::compatible);
  }
  SECTION("2000-06-19 vs 2000-07-19 conflict") {
    CHECK(cmp(date_value::of_day(2000, 6, 19), day) == agreement::conflict);
  }
  SECTION("2000-07-18 vs 2000-07-19 conflict") {
    CHECK(cmp(date_value::of_day(2000, 7, 18), day) == agreement::conflict);
  }
  SECTION("July 2000 vs June 2000 conflict") {
    CHECK(cmp(date_value::of_month(2000, 7), date_value::of_month(2000, 6)) == agreement::conflict);
  }
  SECTION("June 2000 vs 2000-07-19 conflict") {
    CHECK(cmp(date_value::of_month(2000, 6), day) == agreement::conflict);
  }
  SECTION("2000 vs 2001 conflict") {
    CHECK(cmp(date_value::of_year(2000), date_value::of_year(2001)) == agreement::conflict);
  }
  SECTION("2001 vs 2000-07-19 conflict") {
    CHECK(cmp(date_value::of_year(2001), day) == agreement::conflict);
  }
}

TEST_CASE("value: an invalid date is incomparable with anything", "[value]") {
  const auto bad = date_value::of_day(2023, 2, 29);
  CHECK(cmp(bad, date_value::of_day(2023, 2, 28)) == agreement::incomparable);
  CHECK(cmp(bad, date_value::of_month(2023, 2)) == agreement::incomparable);
  CHECK(cmp(bad, date_value::of_year(2023)) == agreement::incomparable);
  CHECK(cmp(bad, date_value::of_day(2023, 2, 29)) == agreement::incomparable);
  CHECK(cmp(date_value::of_month(2023, 13), date_value::of_year(2023)) == agreement::incomparable);
  CHECK_FALSE(crosscheck::compatible(bad, bad));
}

// --- duration_value -----------------------------------------------------------------------

TEST_CASE("value: durations compare as intervals of seconds", "[value]") {
  const auto two_days = seconds(172800, 172800);
  SECTION("equal -> same") {
    CHECK(cmp(two_days, seconds(172800, 172800)) == agreement::same);
  }
  SECTION("overlap -> compatible") {
    // "between one and two hours" vs "90 minutes"
    CHECK(cmp(seconds(3600, 7200), seconds(5400, 5400)) == agreement::compatible);
    CHECK(cmp(seconds(3600, 7200), seconds(5400, 9000)) == agreement::compatible);
  }
  SECTION("disjoint -> conflict") {
    CHECK(cmp(seconds(3600, 7200), two_days) == agreement::conflict);
    CHECK(cmp(seconds(3600, 3600), seconds(7200, 7200)) == agreement::conflict);
  }
  SECTION("an open maximum: more than two hours") {
    const auto more_than_two_hours = seconds(7200, std::nullopt);
    CHECK(cmp(more_than_two_hours, seconds(10800, 10800)) == agreement::compatible);
    CHECK(cmp(more_than_two_hours, two_days) == agreement::compatible);
    CHECK(cmp(more_than_two_hours, seconds(3600, 3600)) == agreement::conflict);
    CHECK(cmp(more_than_two_hours, seconds(7200, std::nullopt)) == agreement::same);
  }
}

// --- count_value --------------------------------------------------------------------------

TEST_CASE("value: counts compare by their bounds", "[value]") {
  SECTION("exactly 11 vs exactly 11 is the same") {
    CHECK(cmp(count_value::exactly(11), count_value::exactly(11)) == agreement::same);
  }
  SECTION("exactly 11 vs at least 11 is compatible") {
    CHECK(cmp(count_value::exactly(11), count_value::at_least(11)) == agreement::compatible);
  }
  SECTION("over 10 (at least 11) is compatible with 11 and with 15") {
    const auto over_ten = count_value::at_least(11);
    CHECK(cmp(over_ten, count_value::exactly(11)) == agreement::compatible);
    CHECK(cmp(over_ten, count_value::exactly(15)) == agreement::compatible);
  }
  SECTION("over 10 is not compatible with 10") {
    CHECK(cmp(count_value::at_least(11), count_value::exactly(10)) == agreement::conflict);
  }
  SECTION("exactly 11 vs exactly 15 conflict") {
    CHECK(cmp(count_value::exactly(11), count_value::exactly(15)) == agreement::conflict);
  }
  SECTION("at least 20 vs exactly 15 conflict") {
    CHECK(cmp(count_value::at_least(20), count_value::exactly(15)) == agreement::conflict);
  }
  SECTION("two lower bounds always overlap") {
    CHECK(crosscheck::compatible(count_value::at_least(20), count_value::at_least(100)));
  }
  SECTION("nearly 200 [180, 199] vs 200 conflict, vs 190 compatible") {
    count_value nearly;
    nearly.min = 180;
    nearly.max = 199;
    CHECK(cmp(nearly, count_value::exactly(200)) == agreement::conflict);
    CHECK(cmp(nearly, count_value::exactly(190)) == agreement::compatible);
  }
}

// --- quantity_value -----------------------------------------------------------------------

TEST_CASE("value: quantities compare within a unit, with a rounding tolerance", "[value]") {
  SECTION("identical -> same") {
    CHECK(cmp(amount(260000, 260000, "tonne"), amount(260000, 260000, "tonne")) == agreement::same);
  }
  SECTION("overlapping intervals of the same unit -> compatible") {
    CHECK(cmp(amount(100, 200, "km"), amount(150, 150, "km")) == agreement::compatible);
  }
  SECTION("within 0.5%: 260000 vs 260100 tonnes is compatible") {
    const agreement g = cmp(amount(260000, 260000, "tonne"), amount(260100, 260100, "tonne"));
    CHECK((g == agreement::compatible || g == agreement::same));
    CHECK(crosscheck::compatible(amount(260000, 260000, "tonne"), amount(260100, 260100, "tonne")));
  }
  SECTION("beyond 0.5%: 260000 vs 270000 tonnes conflict") {
    CHECK(cmp(amount(260000, 260000, "tonne"), amount(270000, 270000, "tonne")) == agreement::conflict);
  }
  SECTION("different units are incomparable") {
    CHECK(cmp(amount(33.5, 33.5, "celsius"), amount(33.5, 33.5, "km")) == agreement::incomparable);
    CHECK(cmp(amount(100, 100, "usd"), amount(100, 100, "tonne")) == agreement::incomparable);
  }
}

// --- person_name --------------------------------------------------------------------------

TEST_CASE("value: make_person_name folds case, hyphens and spaces", "[value]") {
  const person_name a = crosscheck::make_person_name("Kim Jong-un");
  const person_name b = crosscheck::make_person_name("Kim Jong Un");
  CHECK(a.text == "Kim Jong-un");
  CHECK(b.text == "Kim Jong Un");
  CHECK(a.key == b.key);
  CHECK(a.key == "kim jong un");
  CHECK(crosscheck::make_person_name("KIM JONG UN").key == a.key);
  CHECK(crosscheck::make_person_name("Kim Jong-il").key != a.key);
}

TEST_CASE("value: person names compare by key", "[value]") {
  const auto un_hyphen = crosscheck::make_person_name("Kim Jong-un");
  SECTION("the same text -> same") {
    CHECK(cmp(un_hyphen, crosscheck::make_person_name("Kim Jong-un")) == agreement::same);
  }
  SECTION("the same key, written differently -> compatible") {
    CHECK(cmp(un_hyphen, crosscheck::make_person_name("Kim Jong Un")) == agreement::compatible);
  }
  SECTION("a different person -> conflict") {
    CHECK(cmp(un_hyphen, crosscheck::make_person_name("Kim Jong-il")) == agreement::conflict);
    CHECK(cmp(crosscheck::make_person_name("Vladimir Putin"), crosscheck::make_person_name("Dmitry Peskov")) ==
          agreement::conflict);
  }
}

// --- role_value ---------------------------------------------------------------------------

TEST_CASE("value: roles compare by canonical id", "[value]") {
  const auto peskov = role("press_secretary", "Kremlin press secretary", "kremlin");
  SECTION("the same id, different words -> same") {
    CHECK(cmp(peskov, role("press_secretary", "press secretary")) == agreement::same);
  }
  SECTION("different ids -> conflict") {
    CHECK(cmp(peskov, role("foreign_minister", "foreign minister")) == agreement::conflict);
  }
}

// --- article_ref --------------------------------------------------------------------------

TEST_CASE("value: article references", "[value]") {
  SECTION("the same document and article -> same") {
    CHECK(cmp(article("2024 treaty", 4), article("2024 treaty", 4)) == agreement::same);
  }
  SECTION("article 4 vs article 5 of the same document -> conflict") {
    CHECK(cmp(article("2024 treaty", 4), article("2024 treaty", 5)) == agreement::conflict);
  }
  SECTION("an unspecified paragraph vs paragraph 2 of the same article -> compatible") {
    CHECK(cmp(article("2024 treaty", 4, 0), article("2024 treaty", 4, 2)) == agreement::compatible);
  }
  SECTION("different documents (or provisions) for one fact -> conflict; an unknown one -> compatible") {
    CHECK(cmp(article("2024 treaty", 4), article("1961 treaty", 4)) == agreement::conflict);
    CHECK(cmp(article("mutual_assistance", 4), article("trade", 4)) == agreement::conflict);
    CHECK(cmp(article("", 4), article("1961 treaty", 4)) == agreement::compatible);
  }
}

// --- across types and compatible() --------------------------------------------------------

TEST_CASE("value: values of different types are incomparable", "[value]") {
  CHECK(cmp(clock_time::at(2, 0), date_value::of_day(2000, 7, 19)) == agreement::incomparable);
  CHECK(cmp(count_value::exactly(11), amount(11, 11, "km")) == agreement::incomparable);
  CHECK(cmp(count_value::exactly(7200), seconds(7200, 7200)) == agreement::incomparable);
  CHECK(cmp(crosscheck::make_person_name("Dmitry Peskov"), role("press_secretary", "Dmitry Peskov")) ==
        agreement::incomparable);
  CHECK(cmp(article("2024 treaty", 4), count_value::exactly(4)) == agreement::incomparable);
  CHECK_FALSE(crosscheck::compatible(clock_time::at(2, 0), date_value::of_day(2000, 7, 19)));
}

TEST_CASE("value: compatible() is true exactly for same and compatible", "[value]") {
  // same
  CHECK(crosscheck::compatible(count_value::exactly(11), count_value::exactly(11)));
  // compatible
  CHECK(crosscheck::compatible(count_value::exactly(11), count_value::at_least(11)));
  // conflict
  CHECK_FALSE(crosscheck::compatible(count_value::exactly(11), count_value::exactly(15)));
  // incomparable
  CHECK_FALSE(crosscheck::compatible(count_value::exactly(11), amount(11, 11, "km")));
}

// make_person_name folds a name of up to 128 bytes on the stack and a longer one in a string: the
// key is the same either way, with separators (hyphens, apostrophes, periods, commas, spaces)
// folded to one space and invisible format characters dropped, whatever the length.
TEST_CASE("value: a person's name key is the same for short and very long names", "[value]") {
  const std::string part = "Jo Yong-w\u014Fn O'Neil, Jr.\u00AD ";  // a soft hyphen inside
  const std::string part_key = "jo yong w\u014Fn o neil jr";
  for (int parts : {1, 3, 5, 8, 20}) {
    std::string name, key;
    for (int k = 0; k < parts; ++k) {
      name += part;
      key += (k > 0 ? " " : "") + part_key;
    }
    const person_name p = crosscheck::make_person_name(name);
    CHECK(p.text == name);
    CHECK(p.key == key);
  }
}
