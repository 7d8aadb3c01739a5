#include "crosscheck/value.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "text/fold.hpp"

namespace crosscheck {

std::string_view to_string(agreement a) noexcept {
  switch (a) {
    case agreement::same: return "same";
    case agreement::compatible: return "compatible";
    case agreement::conflict: return "conflict";
    case agreement::incomparable: return "incomparable";
  }
  return "?";
}

std::string to_string(utc_offset z) {
  const int m = z.minutes < 0 ? -z.minutes : z.minutes;
  return fmt::format("{}{:02}:{:02}", z.minutes < 0 ? '-' : '+', m / 60, m % 60);
}

clock_time clock_time::at(int hour, int minute, std::optional<utc_offset> zone) {
  const int b = hour * 60 + minute;
  return {b, b + 1, precision::minute, zone, {}};
}
clock_time clock_time::after(int hour, int minute, std::optional<utc_offset> zone) {
  return {hour * 60 + minute, 24 * 60, precision::open_after, zone, {}};
}
clock_time clock_time::before(int hour, int minute, std::optional<utc_offset> zone) {
  return {0, hour * 60 + minute, precision::open_before, zone, {}};
}
clock_time clock_time::span(int begin_minute, int end_minute, std::optional<utc_offset> zone) {
  return {begin_minute, end_minute, precision::span, zone, {}};
}

bool date_value::ok() const noexcept {
  if (year < -9999 || year > 9999) return false;
  if (g == grain::year) return true;
  if (month < 1 || month > 12) return false;
  if (g == grain::month) return true;
  return std::chrono::year_month_day{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}}.ok();
}

std::chrono::year_month_day date_value::first_day() const noexcept {
  using namespace std::chrono;
  switch (g) {
    case grain::year: return year_month_day{std::chrono::year{year}, January, std::chrono::day{1}};
    case grain::month: return year_month_day{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{1}};
    case grain::day: break;
  }
  return year_month_day{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
}

std::chrono::year_month_day date_value::last_day() const noexcept {
  using namespace std::chrono;
  switch (g) {
    case grain::year: return year_month_day{std::chrono::year{year}, December, std::chrono::day{31}};
    case grain::month:
      return year_month_day{year_month_day_last{std::chrono::year{year}, month_day_last{std::chrono::month{month}}}};
    case grain::day: break;
  }
  return first_day();
}

person_name make_person_name(std::string_view written) {
  // The text straight from the view, and the key folded on the stack when the name is short
  // (nearly always): one block each, where a std::string of each was made and copied (up to four
  // allocations per name).
  person_name p;
  p.text = written;
  if (char folded[128]; written.size() <= sizeof folded)
    p.key = std::string_view(folded, detail::fold_name_into(written, folded));
  else
    p.key = detail::fold_name(written);
  return p;
}

text_value make_text_value(std::string_view written) {
  while (!written.empty() && detail::is_space(written.front())) written.remove_prefix(1);
  while (!written.empty() && detail::is_space(written.back())) written.remove_suffix(1);
  return text_value{std::string(written), detail::lower(written)};
}

namespace {

// Intervals on a line; max unset means +infinity. Closed [lo, hi] for counts and amounts.
template <class T>
agreement compare_closed(T lo1, std::optional<T> hi1, T lo2, std::optional<T> hi2) {
  if (lo1 == lo2 && hi1 == hi2) return agreement::same;
  const bool a_below_b = hi1 && *hi1 < lo2;
  const bool b_below_a = hi2 && *hi2 < lo1;
  return (a_below_b || b_below_a) ? agreement::conflict : agreement::compatible;
}

// Clock intervals on a 24-hour circle: do [b1, e1) and [b2, e2) share a minute?
bool circle_overlap(int b1, int e1, int b2, int e2) {
  auto norm = [](int m) { return ((m % 1440) + 1440) % 1440; };
  const int len1 = std::min(e1 - b1, 1440);
  const int len2 = std::min(e2 - b2, 1440);
  if (len1 <= 0 || len2 <= 0) return false;
  if (len1 == 1440 || len2 == 1440) return true;
  const int s1 = norm(b1);
  const int s2 = norm(b2);
  // b2 lies within [s1, s1+len1) or s1 within [s2, s2+len2), modulo 1440.
  const int d12 = norm(s2 - s1);
  const int d21 = norm(s1 - s2);
  return d12 < len1 || d21 < len2;
}

agreement compare_times(const clock_time& a, const clock_time& b) {
  int shift_a = 0;
  int shift_b = 0;
  if (a.zone && b.zone) {
    shift_a = -a.zone->minutes;  // to UTC
    shift_b = -b.zone->minutes;
  }
  const int ab = a.begin + shift_a, ae = a.end + shift_a;
  const int bb = b.begin + shift_b, be = b.end + shift_b;
  if (a.begin == b.begin && a.end == b.end && a.prec == b.prec && a.zone == b.zone) return agreement::same;
  if (!circle_overlap(ab, ae, bb, be)) return agreement::conflict;
  // Equal instants written in two zones are the same minute: compatible, not a conflict.
  return agreement::compatible;
}

agreement compare_dates(const date_value& a, const date_value& b) {
  if (!a.ok() || !b.ok()) return agreement::incomparable;
  if (a.g == b.g && a.first_day() == b.first_day()) return agreement::same;
  const auto a0 = std::chrono::sys_days{a.first_day()}, a1 = std::chrono::sys_days{a.last_day()};
  const auto b0 = std::chrono::sys_days{b.first_day()}, b1 = std::chrono::sys_days{b.last_day()};
  return (a1 < b0 || b1 < a0) ? agreement::conflict : agreement::compatible;
}

agreement compare_quantities(const quantity_value& a, const quantity_value& b) {
  if (a.unit != b.unit) return agreement::incomparable;
  if (a.min == b.min && a.max == b.max) return agreement::same;
  constexpr double tolerance = 0.005;  // rounding in the text: 260,000 vs 260,100
  const double slack_a = std::abs(a.max) * tolerance, slack_b = std::abs(b.max) * tolerance;
  const bool disjoint = a.max + slack_a < b.min - slack_b || b.max + slack_b < a.min - slack_a;
  return disjoint ? agreement::conflict : agreement::compatible;
}

struct comparer {
  agreement operator()(const clock_time& a, const clock_time& b) const { return compare_times(a, b); }
  agreement operator()(const date_value& a, const date_value& b) const { return compare_dates(a, b); }
  agreement operator()(const duration_value& a, const duration_value& b) const {
    return compare_closed(a.min_seconds, a.max_seconds, b.min_seconds, b.max_seconds);
  }
  agreement operator()(const count_value& a, const count_value& b) const {
    return compare_closed(a.min, a.max, b.min, b.max);
  }
  agreement operator()(const quantity_value& a, const quantity_value& b) const { return compare_quantities(a, b); }
  agreement operator()(const person_name& a, const person_name& b) const {
    if (a.key != b.key) return agreement::conflict;
    return a.text == b.text ? agreement::same : agreement::compatible;
  }
  agreement operator()(const role_value& a, const role_value& b) const {
    return a.role == b.role ? agreement::same : agreement::conflict;
  }
  agreement operator()(const article_ref& a, const article_ref& b) const {
    // Claims in one slot are about one fact ("the article of the 2024 treaty that provides mutual
    // assistance", "what article 4 of the 2024 treaty provides"): two documents, or two
    // provisions (article.cpp keeps the provision in the document field), cannot both be it.
    // An unknown document agrees with any.
    if (a.document != b.document && !a.document.empty() && !b.document.empty()) return agreement::conflict;
    if (a.article != b.article) return agreement::conflict;
    if (a.document != b.document) return agreement::compatible;
    if (a.paragraph == b.paragraph) return agreement::same;
    if (a.paragraph == 0 || b.paragraph == 0) return agreement::compatible;
    return agreement::conflict;
  }
  agreement operator()(const text_value& a, const text_value& b) const {
    if (a.key != b.key) return agreement::conflict;
    return a.text == b.text ? agreement::same : agreement::compatible;
  }
  template <class A, class B>
  agreement operator()(const A&, const B&) const {
    return agreement::incomparable;
  }
};

std::string hhmm(int minutes) { return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60); }

std::string zone_suffix(const clock_time& t) { return t.zone ? to_string(*t.zone) : std::string(); }

std::string number(double d) {
  if (std::isfinite(d) && d == std::floor(d) && std::abs(d) < 1e15) return fmt::format("{}", static_cast<long long>(d));
  return fmt::format("{}", d);
}

struct printer {
  std::string operator()(const clock_time& t) const {
    switch (t.prec) {
      case clock_time::precision::minute: return hhmm(t.begin) + zone_suffix(t);
      case clock_time::precision::hour: return fmt::format("{:02}h", t.begin / 60) + zone_suffix(t);
      case clock_time::precision::open_after: return "after " + hhmm(t.begin) + zone_suffix(t);
      case clock_time::precision::open_before: return "before " + hhmm(t.end) + zone_suffix(t);
      case clock_time::precision::span: return hhmm(t.begin) + "-" + hhmm(t.end) + zone_suffix(t);
    }
    return "?";
  }
  std::string operator()(const date_value& d) const {
    switch (d.g) {
      case date_value::grain::year: return fmt::format("{:04}", d.year);
      case date_value::grain::month: return fmt::format("{:04}-{:02}", d.year, d.month);
      case date_value::grain::day: return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
    }
    return "?";
  }
  std::string operator()(const duration_value& d) const {
    if (d.max_seconds && *d.max_seconds == d.min_seconds) return number(d.min_seconds) + "s";
    if (!d.max_seconds) return fmt::format("[{}s, +inf)", number(d.min_seconds));
    return fmt::format("[{}s, {}s]", number(d.min_seconds), number(*d.max_seconds));
  }
  std::string operator()(const count_value& c) const {
    if (c.max && *c.max == c.min) return fmt::format("{}", c.min);
    if (!c.max) return fmt::format("[{}, +inf)", c.min);
    return fmt::format("[{}, {}]", c.min, *c.max);
  }
  std::string operator()(const quantity_value& q) const {
    if (q.min == q.max) return fmt::format("{} {}", number(q.min), q.unit);
    return fmt::format("[{}, {}] {}", number(q.min), number(q.max), q.unit);
  }
  std::string operator()(const person_name& p) const { return p.text.str(); }
  std::string operator()(const role_value& r) const { return r.organisation.empty() ? r.role.str() : r.role + '@' + r.organisation; }
  std::string operator()(const text_value& t) const { return t.text.str(); }
  std::string operator()(const article_ref& a) const {
    std::string s = a.document.empty() ? std::string() : a.document + " ";
    s += fmt::format("article {}", a.article);
    if (a.paragraph) s += fmt::format(" paragraph {}", a.paragraph);
    return s;
  }
};

struct namer {
  std::string_view operator()(const clock_time&) const { return "clock_time"; }
  std::string_view operator()(const date_value&) const { return "date"; }
  std::string_view operator()(const duration_value&) const { return "duration"; }
  std::string_view operator()(const count_value&) const { return "count"; }
  std::string_view operator()(const quantity_value&) const { return "quantity"; }
  std::string_view operator()(const person_name&) const { return "person_name"; }
  std::string_view operator()(const role_value&) const { return "role"; }
  std::string_view operator()(const article_ref&) const { return "article"; }
  std::string_view operator()(const text_value&) const { return "text"; }
};

}  // namespace

agreement compare(const value& a, const value& b) { return std::visit(comparer{}, a, b); }

namespace {
// Two digits, for 0 <= n < 100 (fmt's "{:02}").
void two_digits(std::string& out, int n) {
  out += static_cast<char>('0' + n / 10);
  out += static_cast<char>('0' + n % 10);
}

// The common values (a clock time to the minute, a label, a name) written by hand, without fmt
// or a temporary string; false, writing nothing, for any other value. The same bytes as
// printer's hhmm() + zone_suffix().
bool append_common(std::string& out, const value& v) {
  if (const auto* t = std::get_if<clock_time>(&v)) {
    const bool plain_zone = !t->zone || (t->zone->minutes > -6000 && t->zone->minutes < 6000);
    if (t->prec != clock_time::precision::minute || t->begin < 0 || t->begin >= 6000 || !plain_zone) return false;
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
    return true;
  }
  if (const auto* x = std::get_if<text_value>(&v)) {
    out += std::string_view(x->text);
    return true;
  }
  if (const auto* p = std::get_if<person_name>(&v)) {
    out += std::string_view(p->text);
    return true;
  }
  return false;
}
}  // namespace

void append_to_string(std::string& out, const value& v) {
  if (!append_common(out, v)) out += std::visit(printer{}, v);
}

std::string to_string(const value& v) {
  std::string s;
  if (append_common(s, v)) return s;
  return std::visit(printer{}, v);
}

std::string_view type_name(const value& v) noexcept { return std::visit(namer{}, v); }

}  // namespace crosscheck
