// Claims as JSON Lines, and the value parsers shared with claims that come from outside.
#include <fmt/format.h>

#include <iterator>
#include <algorithm>
#include <exception>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <memory>
#include <system_error>
#include <thread>

#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <istream>
#if __has_include(<sys/mman.h>) && __has_include(<sys/stat.h>) && __has_include(<fcntl.h>) && __has_include(<unistd.h>)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define CROSSCHECK_HAS_MMAP 1
#else
#define CROSSCHECK_HAS_MMAP 0
#endif
#include <optional>
#include <string>
#include <unordered_map>
#include <nlohmann/json.hpp>

#include "crosscheck/names.hpp"
#include "crosscheck/report.hpp"
#include "crosscheck/text.hpp"
#include "extract/time.hpp"
#include "model/timing.hpp"
#include "report/json_claim.hpp"
#include "rules/yaml_util.hpp"
#include "text/fold.hpp"

namespace crosscheck {
namespace detail {

nlohmann::ordered_json claim_to_json(const claim& c) {
  nlohmann::ordered_json o;
  o["id"] = c.id;
  o["document"] = c.ev.document;
  o["source"] = c.ev.source;
  o["kind"] = to_string(c.kind);
  o["subject"] = c.subject;
  if (!c.subject_text.empty()) o["subject_text"] = c.subject_text;
  o["attribute"] = c.attribute;
  if (!c.occasion.empty()) o["occasion"] = c.occasion;
  o["value"] = to_string(c.val);
  o["value_type"] = type_name(c.val);
  o["text"] = c.ev.text;
  o["start"] = c.ev.begin;
  o["end"] = c.ev.end;
  if (!c.ev.attribution.empty()) o["attribution"] = c.ev.attribution;
  o["modality"] = to_string(c.mod);
  if (c.hdg != hedge::none) o["hedge"] = to_string(c.hdg);
  if (c.weekday) o["weekday"] = *c.weekday;
  if (c.zone) o["zone"] = to_string(*c.zone);
  if (c.ev.repeated) o["repeated"] = true;
  o["sentence"] = c.ev.sentence;
  o["sentence_start"] = c.ev.sentence_begin;
  o["rule"] = c.rule;
  return o;
}

void append_json_string(std::string& out, std::string_view s) {
  if (find_invalid_utf8(s)) {  // rare: nlohmann's own replacement of the bad bytes
    out += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    // Eight bytes at a time while none of them needs an escape, as in nearly all text (the
    // claims' sentences are most of a JSON Lines file).
    while (i + 8 <= s.size()) {
      std::uint64_t v;
      std::memcpy(&v, s.data() + i, 8);
      constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
      // Nonzero exactly when x has a zero byte. A byte b is below 0x20 when b & 0xE0 is 0.
      auto zero_byte = [](std::uint64_t x) { return (x - ones) & ~x & highs; };
      if (zero_byte(v & (0xE0 * ones)) | zero_byte(v ^ ('"' * ones)) | zero_byte(v ^ ('\\' * ones))) break;
      i += 8;
    }
    if (i >= s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      default: {
        static constexpr char hex[] = "0123456789abcdef";
        const char esc[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        out.append(esc, sizeof esc);
      }
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

namespace {

// claim_to_json(c) as dump() writes it: with `indent` (dump(2), the object's own lines indented
// by `indent` spaces), or on one line (dump(-1)) when `compact`.
void write_claim_json(std::string& out, const claim& c, std::size_t indent, bool compact) {
  bool first = true;
  auto key = [&](std::string_view k) {
    if (compact) {
      // ',"key":' in one append (the keys are short): a line is a dozen keys, written for
      // every claim of a corpus. The longest key, "sentence_start", is 14 bytes.
      char piece[32];
      std::size_t n = 0;
      if (!first) piece[n++] = ',';
      first = false;
      piece[n++] = '"';
      std::memcpy(piece + n, k.data(), k.size());
      n += k.size();
      piece[n++] = '"';
      piece[n++] = ':';
      out.append(piece, n);
      return;
    }
    out += first ? "\n" : ",\n";
    first = false;
    out.append(indent + 2, ' ');
    out += '"';
    out += k;
    out += "\": ";
  };
  auto str = [&](std::string_view k, std::string_view v) {
    key(k);
    append_json_string(out, v);
  };
  auto num = [&](std::string_view k, std::uint64_t v) {
    key(k);
    char digits[20];  // a uint64_t has at most 20 digits
    out.append(digits, static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, v).ptr - digits));
  };
  // The keys and their order are claim_to_json's.
  out += '{';
  str("id", c.id);
  str("document", c.ev.document);
  str("source", c.ev.source);
  str("kind", to_string(c.kind));
  str("subject", c.subject);
  if (!c.subject_text.empty()) str("subject_text", c.subject_text);
  str("attribute", c.attribute);
  if (!c.occasion.empty()) str("occasion", c.occasion);
  str("value", to_string(c.val));
  str("value_type", type_name(c.val));
  str("text", c.ev.text);
  num("start", c.ev.begin);
  num("end", c.ev.end);
  if (!c.ev.attribution.empty()) str("attribution", c.ev.attribution);
  str("modality", to_string(c.mod));
  if (c.hdg != hedge::none) str("hedge", to_string(c.hdg));
  if (c.weekday) num("weekday", *c.weekday);
  if (c.zone) str("zone", to_string(*c.zone));
  if (c.ev.repeated) {
    key("repeated");
    out += "true";
  }
  str("sentence", c.ev.sentence);
  num("sentence_start", c.ev.sentence_begin);
  str("rule", c.rule);
  if (!compact) {
    out += '\n';
    out.append(indent, ' ');
  }
  out += '}';
}

}  // namespace

void append_claim_json(std::string& out, const claim& c, std::size_t indent) {
  write_claim_json(out, c, indent, false);
}

void append_claim_json_line(std::string& out, const claim& c) { write_claim_json(out, c, 0, true); }

void append_slot_json(std::string& out, const slot& s, const std::vector<claim>& claims, std::size_t indent) {
  auto key = [&](std::string_view k, bool first = false) {
    out += first ? "\n" : ",\n";
    out.append(indent + 2, ' ');
    out += '"';
    out += k;
    out += "\": ";
  };
  // The keys and their order are the report's (report.cpp).
  out += '{';
  key("id", true);
  append_json_string(out, s.id);
  key("kind");
  append_json_string(out, to_string(s.kind));
  key("subject");
  append_json_string(out, s.subject);
  key("attribute");
  append_json_string(out, s.attribute);
  if (!s.occasion.empty()) {
    key("occasion");
    append_json_string(out, s.occasion);
  }
  key("claims");
  append_claim_ids(out, s.claims, claims, indent + 2);
  out += '\n';
  out.append(indent, ' ');
  out += '}';
}

void append_claim_ids(std::string& out, const std::vector<std::size_t>& ids, const std::vector<claim>& claims,
                      std::size_t indent) {
  if (ids.empty()) {
    out += "[]";
    return;
  }
  out += '[';
  for (std::size_t k = 0; k < ids.size(); ++k) {
    out += k ? ",\n" : "\n";
    out.append(indent + 2, ' ');
    append_json_string(out, claims[ids[k]].id);
  }
  out += '\n';
  out.append(indent, ' ');
  out += ']';
}

}  // namespace detail

std::string to_json_line(const claim& c) {
  std::string out;
  detail::append_claim_json_line(out, c);
  return out;
}

void append_json_line(std::string& out, const claim& c) {
  detail::append_claim_json_line(out, c);
  out += '\n';
}

namespace {

using detail::is_ascii_digit;

std::string_view trim(std::string_view s) {
  while (!s.empty() && detail::is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && detail::is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool parse_int(std::string_view s, std::int64_t& out) {
  if (s.empty()) return false;
  bool neg = false;
  if (s.front() == '-') {
    neg = true;
    s.remove_prefix(1);
  }
  if (s.empty() || s.size() > 18) return false;
  std::int64_t v = 0;
  for (char c : s) {
    if (c == ',') continue;
    if (!is_ascii_digit(c)) return false;
    v = v * 10 + (c - '0');
  }
  out = neg ? -v : v;
  return true;
}

bool parse_double(std::string_view s, double& out) {
  s = trim(s);
  if (s.empty() || s.size() > 64) return false;
  std::string buf;
  for (char c : s)
    if (c != ',') buf += c;
  char* end = nullptr;
  out = std::strtod(buf.c_str(), &end);
  return end == buf.c_str() + buf.size() && std::isfinite(out);
}

// "HH:MM" -> minutes, up to `max_minutes` (a span's end may run past midnight: "23:45-24:15").
bool hhmm(std::string_view s, int& out, int max_minutes = 24 * 60) {
  return detail::parse_hhmm(s, out) && out <= max_minutes;
}

// The canonical forms to_string() writes: "02:46+09:00", "02h", "after 02:00", "before 02:00",
// "00:00-06:00+09:00".
bool parse_canonical_time(std::string_view s, clock_time& out) {
  std::optional<utc_offset> zone;
  if (s.size() > 6 && (s[s.size() - 6] == '+' || s[s.size() - 6] == '-') && s[s.size() - 3] == ':') {
    utc_offset z;
    if (!detail::parse_offset(s.substr(s.size() - 6), z)) return false;
    zone = z;
    s.remove_suffix(6);
  }
  int a = 0, b = 0;
  if (s.rfind("after ", 0) == 0 && hhmm(s.substr(6), a)) {
    out = clock_time::after(a / 60, a % 60, zone);
  } else if (s.rfind("before ", 0) == 0 && hhmm(s.substr(7), a)) {
    out = clock_time::before(a / 60, a % 60, zone);
  } else if (s.size() == 11 && s[5] == '-' && hhmm(s.substr(0, 5), a) && a < 1440 && hhmm(s.substr(6), b, 2 * 1440) &&
             b > a) {
    out = clock_time::span(a, b, zone);
  } else if (s.size() == 3 && s[2] == 'h' && is_ascii_digit(s[0]) && is_ascii_digit(s[1])) {
    const int h = (s[0] - '0') * 10 + (s[1] - '0');
    if (h > 23) return false;
    out = clock_time{h * 60, h * 60 + 60, clock_time::precision::hour, zone, {}};
  } else if (hhmm(s, a) && a < 1440) {
    out = clock_time::at(a / 60, a % 60, zone);
  } else {
    return false;
  }
  if (zone) out.zone_name = to_string(*zone);
  return true;
}

// The shape of to_string()'s times: a zone suffix "+09:00", or "after "/"before " and a digit.
bool looks_canonical(std::string_view s) {
  const bool zone = s.size() > 6 && (s[s.size() - 6] == '+' || s[s.size() - 6] == '-') && s[s.size() - 3] == ':';
  auto prefixed = [&](std::string_view p) { return s.size() > p.size() && s.substr(0, p.size()) == p && is_ascii_digit(s[p.size()]); };
  return zone || prefixed("after ") || prefixed("before ");
}

bool parse_date(std::string_view s, date_value& out) {
  std::int64_t y = 0, m = 0, d = 0;
  if (s.size() == 4 && parse_int(s, y)) out = date_value::of_year(static_cast<int>(y));
  else if (s.size() == 7 && s[4] == '-' && parse_int(s.substr(0, 4), y) && parse_int(s.substr(5, 2), m))
    out = date_value::of_month(static_cast<int>(y), static_cast<unsigned>(m));
  else if (s.size() == 10 && s[4] == '-' && s[7] == '-' && parse_int(s.substr(0, 4), y) && parse_int(s.substr(5, 2), m) &&
           parse_int(s.substr(8, 2), d))
    out = date_value::of_day(static_cast<int>(y), static_cast<unsigned>(m), static_cast<unsigned>(d));
  else
    return false;
  return out.ok();
}

// "[lo, hi]" or "[lo, +inf)" -> parts; false if not bracketed.
bool bracket(std::string_view s, std::string_view& lo, std::string_view& hi, bool& open) {
  if (s.size() < 5 || s.front() != '[') return false;
  const auto comma = s.find(',');
  if (comma == std::string_view::npos) return false;
  const char close = s.back();
  if (close != ']' && close != ')') return false;
  lo = trim(s.substr(1, comma - 1));
  hi = trim(s.substr(comma + 1, s.size() - comma - 2));
  open = hi == "+inf";
  return true;
}

bool parse_count(std::string_view s, count_value& out) {
  std::string_view lo, hi;
  bool open = false;
  std::int64_t a = 0, b = 0;
  if (bracket(s, lo, hi, open)) {
    if (!parse_int(lo, a)) return false;
    if (open) {
      out = count_value::at_least(a);
      return true;
    }
    if (!parse_int(hi, b) || b < a) return false;
    out = {a, b};
    return true;
  }
  if (!parse_int(s, a)) return false;
  out = count_value::exactly(a);
  return true;
}

bool parse_duration(std::string_view s, duration_value& out) {
  auto secs = [](std::string_view x, double& v) {
    x = trim(x);
    if (x.empty() || x.back() != 's') return false;
    return parse_double(x.substr(0, x.size() - 1), v);
  };
  std::string_view lo, hi;
  bool open = false;
  double a = 0, b = 0;
  if (bracket(s, lo, hi, open)) {
    if (!secs(lo, a)) return false;
    if (open) {
      out = {a, std::nullopt};
      return true;
    }
    if (!secs(hi, b) || b < a) return false;
    out = {a, b};
    return true;
  }
  if (!secs(s, a)) return false;
  out = {a, a};
  return true;
}

bool parse_quantity(std::string_view s, quantity_value& out) {
  const auto space = s.rfind(' ');
  if (space == std::string_view::npos || space + 1 >= s.size()) return false;
  const std::string_view num = trim(s.substr(0, space)), unit = s.substr(space + 1);
  std::string_view lo, hi;
  bool open = false;
  double a = 0, b = 0;
  if (bracket(num, lo, hi, open)) {
    if (open || !parse_double(lo, a) || !parse_double(hi, b) || b < a) return false;
  } else {
    if (!parse_double(num, a)) return false;
    b = a;
  }
  out = {a, b, std::string(unit)};
  return true;
}

bool parse_article(std::string_view s, article_ref& out) {
  const auto pos = s.find("article ");
  if (pos == std::string_view::npos) return false;
  article_ref r;
  r.document = std::string(trim(s.substr(0, pos)));
  std::string_view rest = s.substr(pos + 8);
  const auto para = rest.find(" paragraph ");
  std::int64_t a = 0, p = 0;
  if (!parse_int(trim(rest.substr(0, para)), a) || a <= 0 || a > 100000) return false;
  if (para != std::string_view::npos && (!parse_int(trim(rest.substr(para + 11)), p) || p <= 0 || p > 100000)) return false;
  r.article = static_cast<int>(a);
  r.paragraph = static_cast<int>(p);
  out = std::move(r);
  return true;
}

// Parses into a T and stores it in `out` when the parse succeeds.
template <class T, class Parse>
bool parse_into(value& out, Parse parse) {
  T v{};
  if (!parse(v)) return false;
  out = std::move(v);
  return true;
}

bool parse_value_with(claim_kind kind, std::string_view raw, const detail::time_text_parser& times, value& out,
                      const rule_set* rules = nullptr) {
  raw = trim(raw);
  if (raw.empty() || raw.size() > 4096) return false;
  switch (kind) {
    case claim_kind::time_of_day:
      return parse_into<clock_time>(out, [&](clock_time& t) {
        if (parse_canonical_time(raw, t)) return true;
        // A value in the canonical shape that did not parse is malformed, not free text (whose
        // reader would take the "+09:00" of "25:61+09:00" for a time).
        if (looks_canonical(raw)) return false;
        const auto free = times.parse(raw);
        if (free) t = *free;
        return free.has_value();
      });
    case claim_kind::date: return parse_into<date_value>(out, [&](date_value& d) { return parse_date(raw, d); });
    case claim_kind::duration:
      return parse_into<duration_value>(out, [&](duration_value& d) { return parse_duration(raw, d); });
    case claim_kind::count: return parse_into<count_value>(out, [&](count_value& c) { return parse_count(raw, c); });
    case claim_kind::quantity:
      return parse_into<quantity_value>(out, [&](quantity_value& q) { return parse_quantity(raw, q); });
    case claim_kind::person_name: out = make_person_name(raw); return true;
    case claim_kind::person_role:
      // "press_secretary@kremlin" (as written out), or words: "Kremlin press secretary".
      out = rules ? parse_role(raw, *rules) : role_value{detail::lower(raw), std::string(raw), {}};
      return true;
    case claim_kind::article: return parse_into<article_ref>(out, [&](article_ref& a) { return parse_article(raw, a); });
    case claim_kind::text: out = make_text_value(raw); return true;
  }
  return false;
}

// A claim is a few kilobytes at most (a sentence is cut at max_sentence_bytes): a longer line is
// not a claim, and is skipped without being held in memory.
constexpr std::size_t max_jsonl_line_bytes = std::size_t{1} << 20;

// Reads lines (their '\n' dropped) from a stream in large blocks. A line over `max` bytes is
// not kept: next() gives its full length and an empty view, and reads on to its end.
class line_reader {
 public:
  line_reader(std::istream& in, std::size_t max) : in_(in), max_(max) {}

  // False at the end of the input with nothing read.
  bool next(std::string_view& line, std::size_t& length) {
    std::size_t skipped = 0;  // bytes of an over-long line already dropped
    for (;;) {
      const char* data = buf_.data() + pos_;
      const std::size_t avail = end_ - pos_;
      const void* nl = avail ? std::memchr(data, '\n', avail) : nullptr;
      if (nl) {
        const std::size_t n = static_cast<std::size_t>(static_cast<const char*>(nl) - data);
        consumed_ += n + 1;
        pos_ += n + 1;
        length = skipped + n;
        line = length > max_ ? std::string_view() : std::string_view(data, n);
        return true;
      }
      if (avail > max_) {  // over the limit: drop what is held, and count on
        skipped += avail;
        consumed_ += avail;
        pos_ = end_ = 0;
        continue;
      }
      if (eof_) {
        if (avail == 0 && skipped == 0) return false;
        consumed_ += avail;
        pos_ = end_;
        length = skipped + avail;
        line = length > max_ ? std::string_view() : std::string_view(data, avail);
        return true;
      }
      fill();
    }
  }
  // Bytes consumed so far (the lines given and their '\n').
  std::size_t consumed() const noexcept { return consumed_; }

 private:
  void fill() {
    // Keep the unfinished line at the front of the buffer and read after it.
    if (pos_ > 0) {
      std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
      end_ -= pos_;
      pos_ = 0;
    }
    if (buf_.size() < block) buf_.resize(block);
    if (buf_.size() - end_ < block / 2) buf_.resize(buf_.size() * 2);
    std::streambuf* sb = in_.rdbuf();
    if (!sb || !in_.good()) {
      eof_ = true;
      return;
    }
    const std::streamsize want = static_cast<std::streamsize>(buf_.size() - end_);
    const std::streamsize got = sb->sgetn(buf_.data() + end_, want);
    if (got <= 0) {
      in_.setstate(std::ios::eofbit);
      eof_ = true;
      return;
    }
    end_ += static_cast<std::size_t>(got);
  }

  static constexpr std::size_t block = std::size_t{1} << 22;
  std::istream& in_;
  std::size_t max_;
  std::string buf_;
  std::size_t pos_ = 0, end_ = 0, consumed_ = 0;
  bool eof_ = false;
};

// Raw values already read, by (kind, raw text), each with its raw text as a shared string (the
// quote of a claim whose line has no "text"): one probe gives both. Open addressing over small
// entries that point at both the record and its text, so that a lookup costs a hash and three
// cache lines fetched side by side, not a chase through nodes. The hash is the raw text's alone
// (a text read as two kinds is rare), so that a line can ask for its entry before its kind is
// known (prefetch()).
class value_memo {
 public:
  struct known {
    shared_string raw;
    claim_kind kind;
    std::optional<value> val;  // unset: the raw text does not read as `kind`
  };
  static std::size_t hash(std::string_view raw) noexcept { return std::hash<std::string_view>()(raw); }
  // Asks the memory for the entry of `h` ahead of find().
  void prefetch(std::size_t h) const noexcept {
    if (!table_.empty()) __builtin_prefetch(&table_[h & (table_.size() - 1)]);
  }
  // Once the entry of `h` is near (prefetch() a while ago): asks for the record and the text it
  // points at, so that find() does not wait for them one after the other.
  void prepare(std::size_t h) const noexcept {
    if (table_.empty()) return;
    const entry& e = table_[h & (table_.size() - 1)];
    if (e.record == empty) return;
    __builtin_prefetch(e.text);
    __builtin_prefetch(&records_[e.record]);
  }
  // The record of (raw, kind), or null when there is none.
  const known* find(std::string_view raw, claim_kind kind, std::size_t h) const noexcept {
    if (table_.empty()) return nullptr;
    for (std::size_t i = h & (table_.size() - 1);; i = (i + 1) & (table_.size() - 1)) {
      const entry& e = table_[i];
      if (e.record == empty) return nullptr;
      if (e.hash != h || e.size != raw.size()) continue;
      const known& k = records_[e.record];
      __builtin_prefetch(&k);  // fetched while the text is compared
      if (std::memcmp(e.text, raw.data(), raw.size()) == 0 && k.kind == kind) return &k;
    }
  }
  const known& insert(std::string_view raw, claim_kind kind, std::size_t h, std::optional<value> v) {
    // Bounded: starts over past a million values or 64 MiB of raw text (the claims keep theirs).
    if (records_.size() >= (std::size_t{1} << 20) || raw_bytes_ + raw.size() > (std::size_t{64} << 20)) clear();
    if ((records_.size() + 1) * 2 > table_.size()) grow();
    const known& k = records_.emplace_back(known{shared_string(raw), kind, std::move(v)});
    place(entry{h, k.raw.data(), static_cast<std::uint32_t>(raw.size()), static_cast<std::uint32_t>(records_.size() - 1)});
    raw_bytes_ += raw.size();
    return k;
  }

 private:
  static constexpr std::uint32_t empty = UINT32_MAX;
  struct entry {
    std::size_t hash = 0;
    const char* text = nullptr;  // the record's raw text (its shared block)
    std::uint32_t size = 0;
    std::uint32_t record = empty;
  };
  void place(const entry& e) {
    std::size_t i = e.hash & (table_.size() - 1);
    while (table_[i].record != empty) i = (i + 1) & (table_.size() - 1);
    table_[i] = e;
  }
  void grow() {
    std::vector<entry> old(std::max<std::size_t>(table_.size() * 2, 1024));
    old.swap(table_);
    for (const entry& e : old)
      if (e.record != empty) place(e);
  }
  void clear() {
    table_.clear();
    records_.clear();
    raw_bytes_ = 0;
  }
  std::vector<entry> table_;
  std::vector<known> records_;
  std::size_t raw_bytes_ = 0;
};

// Texts already read from this file, so that claims share one copy of a repeated source,
// subject or attribute (crosscheck/shared_string.hpp). A text equal to the same field's on the
// line before costs one comparison. Bounded: starts over past 2^18 texts.
class text_memo {
 public:
  shared_string get(std::size_t field, std::string_view s) {
    shared_string& last = last_[field];
    if (last == s) return last;
    if (s.empty()) return {};
    // An open-addressed table of (hash, text): a probe reads one entry and compares the hash
    // before it touches the text (a node-based set chased a bucket, a node and the text, and
    // these misses were the reader's hottest instructions).
    const std::size_t h = std::hash<std::string_view>()(s);
    if (count_ * 2 >= table_.size()) grow();
    const std::size_t mask = table_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      entry& e = table_[i];
      if (e.text.empty()) {
        e.hash = h;
        e.text = shared_string(s);
        ++count_;
        return last = e.text;
      }
      if (e.hash == h && e.text == s) return last = e.text;
    }
  }

 private:
  struct entry {
    std::size_t hash = 0;
    shared_string text;
  };
  void grow() {
    // Bounded like the node-based set it replaces: past 2^18 texts it starts again.
    if (count_ >= (std::size_t{1} << 18)) {
      table_.assign(table_.size(), entry{});
      count_ = 0;
      return;
    }
    std::vector<entry> old(table_.empty() ? 1024 : table_.size() * 2);
    old.swap(table_);
    const std::size_t mask = table_.size() - 1;
    for (entry& e : old) {
      if (e.text.empty()) continue;
      std::size_t i = e.hash & mask;
      while (!table_[i].text.empty()) i = (i + 1) & mask;
      table_[i] = std::move(e);
    }
  }
  std::vector<entry> table_;
  std::size_t count_ = 0;
  std::array<shared_string, 32> last_;
};

// The fields of a claim line, each as JSON typed it. A string's text points into the line or
// into `scratch` (when it had escapes, or for a number's text).
enum class jtype : std::uint8_t { absent, null, string, unsigned_number, other_number, boolean, other };
struct jfield {
  jtype type = jtype::absent;
  std::string_view text;  // a string, or a number as nlohmann writes it
  std::uint64_t u = 0;    // an unsigned number
  bool b = false;         // a boolean
};
enum field_id : std::uint8_t {
  f_id, f_document, f_source, f_kind, f_subject, f_subject_text, f_attribute, f_occasion, f_value, f_text, f_start,
  f_end, f_attribution, f_modality, f_hedge, f_weekday, f_zone, f_repeated, f_sentence, f_sentence_start, f_rule,
  f_count
};
constexpr std::string_view field_names[f_count] = {
    "id",          "document", "source",   "kind",  "subject", "subject_text", "attribute",
    "occasion",    "value",    "text",     "start", "end",     "attribution",  "modality",
    "hedge",       "weekday",  "zone",     "repeated", "sentence", "sentence_start", "rule"};

// The field a key names, or f_count for a key the reader ignores. The names are short: compared
// byte by byte (a call to memcmp per key was a visible part of the scan).
field_id field_of(std::string_view key) noexcept {
  for (std::size_t k = 0; k < f_count; ++k) {
    const std::string_view name = field_names[k];
    if (name.size() != key.size() || name[0] != key[0]) continue;
    std::size_t i = 1;
    while (i < name.size() && name[i] == key[i]) ++i;
    if (i == name.size()) return static_cast<field_id>(k);
  }
  return f_count;
}

struct jfields {
  std::array<jfield, f_count> f;
  std::array<std::string, f_count> scratch;
  std::uint32_t given = 0;  // a bit per field set since clear(): only those are cleared
  void set(field_id k, const jfield& v) {
    f[k] = v;
    given |= std::uint32_t{1} << k;
  }
  void clear() {
    for (; given != 0; given &= given - 1) f[static_cast<std::size_t>(std::countr_zero(given))] = jfield{};
  }
};
static_assert(f_count <= 32, "jfields::given has a bit per field");

bool json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// True when one of the eight bytes of `w` ends a run of plain string characters: a '"', a '\\'
// or a control character (the bit tricks of "Bit Twiddling Hacks": a zero byte, a byte below n).
bool ends_plain_run(std::uint64_t w) noexcept {
  constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
  auto has_zero = [&](std::uint64_t x) { return (x - ones) & ~x & highs; };
  return (has_zero(w ^ (ones * '"')) | has_zero(w ^ (ones * '\\')) | ((w - ones * 0x20) & ~w & highs)) != 0;
}

// The common case, read without a DOM: one flat object whose values are strings (simple
// escapes), unsigned integers, booleans or null, no key given twice. Anything else (a \u escape,
// a negative or decimal number, a nested value, a syntax error) returns false and the line goes
// to nlohmann, which reads it or words the error as before. `ascii` tells whether every byte of
// the line is ASCII (then it is valid UTF-8); when false, the line may still be valid UTF-8.
bool scan_flat(std::string_view s, jfields& out, bool& ascii) {
  out.clear();
  std::size_t i = 0;
  const std::size_t n = s.size();
  // Outside strings only ASCII is accepted, so the strings' bytes are the ones to look at.
  std::uint64_t seen = 0;  // the strings' bytes ORed together
  auto skip = [&] {
    while (i < n && json_space(s[i])) ++i;
  };
  // A string at s[i] == '"': its contents in `text`, unescaped into `scratch` when needed.
  auto string_at = [&](std::string_view& text, std::string* scratch) -> bool {
    const std::size_t begin = ++i;
    for (std::uint64_t w; i + 8 <= n; i += 8) {  // eight bytes at a time up to the run's end
      std::memcpy(&w, s.data() + i, 8);
      if (ends_plain_run(w)) break;
      seen |= w;
    }
    for (; i < n && s[i] != '"' && s[i] != '\\' && static_cast<unsigned char>(s[i]) >= 0x20; ++i)
      seen |= static_cast<unsigned char>(s[i]);
    if (i >= n || static_cast<unsigned char>(s[i]) < 0x20) return false;
    if (s[i] == '"') {
      text = s.substr(begin, i - begin);
      ++i;
      return true;
    }
    if (!scratch) return false;  // an escaped key: rare, left to nlohmann
    scratch->assign(s.data() + begin, i - begin);
    while (i < n) {
      const char c = s[i];
      if (c == '"') {
        ++i;
        text = *scratch;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c != '\\') {
        seen |= static_cast<unsigned char>(c);
        scratch->push_back(c);
        ++i;
        continue;
      }
      if (i + 1 >= n) return false;
      switch (s[i + 1]) {
        case '"': scratch->push_back('"'); break;
        case '\\': scratch->push_back('\\'); break;
        case '/': scratch->push_back('/'); break;
        case 'b': scratch->push_back('\b'); break;
        case 'f': scratch->push_back('\f'); break;
        case 'n': scratch->push_back('\n'); break;
        case 'r': scratch->push_back('\r'); break;
        case 't': scratch->push_back('\t'); break;
        default: return false;  // \u and invalid escapes
      }
      i += 2;
    }
    return false;
  };
  std::string unused_scratch;
  skip();
  if (i >= n || s[i] != '{') return false;
  ++i;
  skip();
  if (i < n && s[i] == '}') {
    ++i;
  } else {
    for (;;) {
      if (i >= n || s[i] != '"') return false;
      std::string_view key;
      if (!string_at(key, nullptr)) return false;
      const field_id id = field_of(key);
      skip();
      if (i >= n || s[i] != ':') return false;
      ++i;
      skip();
      if (i >= n) return false;
      jfield v;
      const char c = s[i];
      if (c == '"') {
        v.type = jtype::string;
        if (!string_at(v.text, id < f_count ? &out.scratch[id] : &unused_scratch)) return false;
      } else if (c >= '0' && c <= '9') {
        const std::size_t begin = i;
        if (c == '0') {
          ++i;
        } else {
          while (i < n && s[i] >= '0' && s[i] <= '9') ++i;
        }
        if (i - begin > 19) return false;  // may not fit: nlohmann reads it as a float
        if (i < n && !json_space(s[i]) && s[i] != ',' && s[i] != '}') return false;
        v.type = jtype::unsigned_number;
        v.text = s.substr(begin, i - begin);
        for (char d : v.text) v.u = v.u * 10 + static_cast<std::uint64_t>(d - '0');
      } else if (s.substr(i, 4) == "true") {
        v.type = jtype::boolean;
        v.b = true;
        i += 4;
      } else if (s.substr(i, 5) == "false") {
        v.type = jtype::boolean;
        i += 5;
      } else if (s.substr(i, 4) == "null") {
        v.type = jtype::null;
        i += 4;
      } else {
        return false;
      }
      if (id < f_count) {
        if (out.f[id].type != jtype::absent) return false;  // a key given twice
        out.set(id, v);
      }
      skip();
      if (i >= n) return false;
      if (s[i] == '}') {
        ++i;
        break;
      }
      if (s[i] != ',') return false;
      ++i;
      skip();
    }
  }
  skip();
  ascii = (seen & 0x8080808080808080ull) == 0;
  return i == n;
}

// The same fields from nlohmann's DOM (the strings stay in `j`, which must outlive `out`).
void fields_of(const nlohmann::json& j, jfields& out) {
  out.clear();
  for (std::size_t k = 0; k < f_count; ++k) {
    const auto it = j.find(std::string(field_names[k]));
    if (it == j.end()) continue;
    jfield& v = out.f[k];
    out.given |= std::uint32_t{1} << k;
    if (it->is_null()) {
      v.type = jtype::null;
    } else if (it->is_string()) {
      v.type = jtype::string;
      v.text = it->get_ref<const std::string&>();
    } else if (it->is_number()) {
      out.scratch[k] = it->dump();
      v.text = out.scratch[k];
      if (it->is_number_unsigned()) {
        v.type = jtype::unsigned_number;
        v.u = it->get<std::uint64_t>();
      } else {
        v.type = jtype::other_number;
      }
    } else if (it->is_boolean()) {
      v.type = jtype::boolean;
      v.b = it->get<bool>();
    } else {
      v.type = jtype::other;
    }
  }
}

// The kind of a raw value when the line does not say: a time, a date, a count, else unknown.
bool guess_kind(std::string_view raw, const detail::time_text_parser& times, claim_kind& out) {
  value v;
  for (claim_kind k : {claim_kind::time_of_day, claim_kind::date, claim_kind::count}) {
    if (parse_value_with(k, raw, times, v)) {
      out = k;
      return true;
    }
  }
  return false;
}

}  // namespace

bool parse_value(claim_kind kind, std::string_view raw, const rule_set& rules, value& out) {
  const detail::time_text_parser times(rules);
  return parse_value_with(kind, raw, times, out, &rules);
}

namespace {

// The claims of a part read on another thread, handed over in chunks of a few thousand as they
// fill, so that the thread that gathers the parts can move a part's claims while it is still
// being read (the move was a serial end of 0.1 s on Flight). Chunks come out in the order they
// were put in.
class chunk_channel {
 public:
  void put(std::vector<claim>&& chunk) {
    {
      const std::lock_guard lock(mutex_);
      ready_.push_back(std::move(chunk));
    }
    changed_.notify_one();
  }
  // No more chunks (the part is read, or its reading failed).
  void finish() {
    {
      const std::lock_guard lock(mutex_);
      done_ = true;
    }
    changed_.notify_one();
  }
  // Waits for chunks and swaps them into `into` (emptied first); false once the part is finished
  // and every chunk taken.
  bool take(std::vector<std::vector<claim>>& into) {
    into.clear();
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !ready_.empty() || done_; });
    if (ready_.empty()) return false;
    into.swap(ready_);
    return true;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::vector<claim>> ready_;
  bool done_ = false;
};

// Turns lines into claims, or into warnings naming the line. One per thread: each has its own
// time reader, memo and scratch fields.
class claim_line_parser {
 public:
  claim_line_parser(const std::string& name, const rule_set& rules, std::vector<claim>& out,
                    std::vector<diagnostic>& diagnostics)
      : name_(name), rules_(rules), times_(rules), out_(&out), diagnostics_(diagnostics) {}
  // Claims go into chunks of a few thousand, handed to `chunks` as each fills (a part read on
  // another thread: its claims are never held twice). flush() hands over the last one.
  claim_line_parser(const std::string& name, const rule_set& rules, chunk_channel& chunks,
                    std::vector<diagnostic>& diagnostics)
      : name_(name), rules_(rules), times_(rules), chunks_(&chunks), diagnostics_(diagnostics) {}

  // One line (its '\n' dropped), `length` bytes long (over the limit: `line` is empty), the
  // `line_no`-th of the input. `next`, when given, is the line the next call will get: it is
  // scanned now, and its raw value's memo entry asked for, so that the entry is near when that
  // call needs it (a memo of 100,000 values is far in memory, and its misses were most of the
  // reader's time).
  void parse(std::string_view line, std::size_t length, std::size_t line_no, std::string_view next = {});
  // Hands the claims still held to the channel (chunk mode; nothing otherwise).
  void flush() {
    if (chunks_ && !chunk_.empty()) chunks_->put(std::move(chunk_));
    chunk_ = {};
  }

 private:
  void warn(const std::string& msg) {
    diagnostic d;
    d.where.file = name_;
    d.where.line = line_no_;
    d.message = msg + "; line skipped";
    diagnostics_.push_back(std::move(d));
  }

  // "<file>:<line>", the id of a claim whose line gives none, written into a reused buffer (a
  // feed without ids makes one for every line).
  std::string_view default_id(std::size_t line_no) {
    id_.resize(name_.size() + 1);
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, line_no).ptr;
    id_.append(digits, end);
    return id_;
  }

  // A claim is built where it will stay, at the end of the output (not built aside and moved
  // there), and taken back if its line turns out bad.
  claim& new_claim() {
    if (out_) return out_->emplace_back();
    if (chunk_.size() == chunk_claims) flush();  // only the newest claim is ever taken back
    if (chunk_.capacity() == 0) chunk_.reserve(chunk_claims);
    return chunk_.emplace_back();
  }
  void drop_claim() { out_ ? out_->pop_back() : chunk_.pop_back(); }
  // Takes the new claim back unless the line is read to its end (`kept`).
  struct pending_claim {
    claim_line_parser& parser;
    bool kept = false;
    ~pending_claim() {
      if (!kept) parser.drop_claim();
    }
  };

  static constexpr std::size_t chunk_claims = 8192;
  const std::string& name_;
  const rule_set& rules_;
  const detail::time_text_parser times_;
  value_memo memo_;
  text_memo texts_;  // one per part: the parts share nothing, and copies of its texts may cross threads
  const shared_string default_rule_ = "input.jsonl";
  // A line's fields as scan_flat() read them, with its raw value's memo hash.
  struct scanned {
    std::string_view line;
    jfields fields;
    bool flat = false, ascii = false;
    std::size_t value_hash = 0;
  };
  void scan(scanned& s, std::string_view line) {
    s.line = line;
    s.flat = scan_flat(line, s.fields, s.ascii);
    const jfield& v = s.fields.f[f_value];
    s.value_hash = value_memo::hash(s.flat && v.type != jtype::absent ? v.text : std::string_view());
  }
  std::array<scanned, 2> scans_;  // this line's, and the next one's when it was given
  unsigned turn_ = 0;             // scans_[turn_] is the next call's line, when `ahead_`
  bool ahead_ = false;
  std::string id_ = name_ + ':';  // default_id()'s buffer: the file's name and ':', then the line
  std::vector<claim>* out_ = nullptr;
  chunk_channel* chunks_ = nullptr;
  std::vector<claim> chunk_;  // chunk mode: the chunk being filled
  std::vector<diagnostic>& diagnostics_;
  std::size_t line_no_ = 0;
};

void claim_line_parser::parse(std::string_view line, std::size_t length, std::size_t line_no, std::string_view next) {
  line_no_ = line_no;
  // This line's scan: made by the call before, when it was given this line as `next`.
  scanned& now = scans_[turn_];
  const bool scanned_before = ahead_ && now.line.data() == line.data() && now.line.size() == line.size();
  if (scanned_before) memo_.prepare(now.value_hash);
  ahead_ = false;
  turn_ ^= 1;
  if (!next.empty()) {
    scanned& later = scans_[turn_];
    scan(later, next);
    memo_.prefetch(later.value_hash);
    ahead_ = true;
  }
  if (length > max_jsonl_line_bytes) {
    warn(fmt::format("the line is {} bytes, over the limit of {} bytes for one claim", length, max_jsonl_line_bytes));
    return;
  }
  if (trim(line).empty()) return;
  if (!scanned_before) scan(now, line);
  jfields& fields = now.fields;
  const bool flat = now.flat, ascii = now.ascii;
  if (!flat || !ascii) {  // a flat line of ASCII is valid UTF-8: the common case reads it once
    if (auto bad = find_invalid_utf8(line)) {
      warn(fmt::format("invalid UTF-8 at byte {} of the line", *bad));
      return;
    }
  }
  nlohmann::json j;  // used only when the line is not a flat object of simple values
  if (!flat) {
    try {
      j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      warn(fmt::format("not valid JSON ({})", e.what()));
      return;
    }
    if (!j.is_object()) {
      warn("expected a JSON object");
      return;
    }
    fields_of(j, fields);
  }
  // A field as text: a string, or a number as JSON writes it; empty for anything else.
  auto str = [&](field_id k) -> std::string_view {
    const jfield& v = fields.f[k];
    return v.type == jtype::string || v.type == jtype::unsigned_number || v.type == jtype::other_number
               ? v.text
               : std::string_view();
  };
  const std::string_view raw = str(f_value);
  const std::size_t raw_hash = flat ? now.value_hash : value_memo::hash(raw);
  claim& c = new_claim();
  pending_claim pending{*this};
  c.ev.source = texts_.get(f_source, str(f_source));
  c.ev.document = texts_.get(f_document, str(f_document));
  if (c.ev.document.empty()) c.ev.document = c.ev.source;
  c.subject = texts_.get(f_subject, str(f_subject));
  c.subject_text = texts_.get(f_subject_text, str(f_subject_text));
  c.attribute = texts_.get(f_attribute, str(f_attribute));
  c.occasion = texts_.get(f_occasion, str(f_occasion));
  if (c.ev.document.empty() || c.subject.empty() || c.attribute.empty() || raw.empty()) {
    warn("needs \"source\" (or \"document\"), \"subject\", \"attribute\" and \"value\"");
    return;
  }
  const std::string_view kind = str(f_kind);
  if (!kind.empty()) {
    if (!parse_claim_kind(kind, c.kind)) {
      warn(fmt::format("unknown kind \"{}\"", kind));
      return;
    }
  } else if (!guess_kind(raw, times_, c.kind)) {
    warn(fmt::format("cannot tell the kind of value \"{}\" (add \"kind\")", raw));
    return;
  }
  // Feeds repeat raw values (sites that copy one another write the same cell): each distinct
  // (kind, raw value) is read once. The memo is bounded and starts over when full.
  const value_memo::known* known = memo_.find(raw, c.kind, raw_hash);
  if (!known) {
    value v;
    const bool ok = parse_value_with(c.kind, raw, times_, v, &rules_);
    known = &memo_.insert(raw, c.kind, raw_hash, ok ? std::optional<value>(std::move(v)) : std::nullopt);
  }
  if (!known->val) {
    warn(fmt::format("cannot read \"{}\" as a {}", raw, to_string(c.kind)));
    return;
  }
  c.val = *known->val;
  if (const auto m = str(f_modality); !m.empty() && !parse_modality(m, c.mod)) {
    warn(fmt::format("unknown modality \"{}\"", m));
    return;
  }
  if (const auto h = str(f_hedge); !h.empty() && !parse_hedge(h, c.hdg)) {
    warn(fmt::format("unknown hedge \"{}\"", h));
    return;
  }
  c.id = str(f_id);
  if (c.id.empty()) c.id = default_id(line_no);
  c.ev.text = str(f_text).empty() ? known->raw : texts_.get(f_text, str(f_text));
  c.ev.sentence = texts_.get(f_sentence, str(f_sentence));
  c.ev.attribution = texts_.get(f_attribution, str(f_attribution));
  c.rule = str(f_rule).empty() ? default_rule_ : texts_.get(f_rule, str(f_rule));
  auto num = [&](field_id k) -> std::size_t {
    const jfield& v = fields.f[k];
    return v.type == jtype::unsigned_number ? static_cast<std::size_t>(v.u) : 0;
  };
  c.ev.begin = num(f_start);
  c.ev.end = num(f_end);
  c.ev.sentence_begin = num(f_sentence_start);
  if (fields.f[f_repeated].type == jtype::boolean) c.ev.repeated = fields.f[f_repeated].b;
  if (const auto z = str(f_zone); !z.empty()) {
    utc_offset off;
    if (!detail::parse_offset(z, off)) {
      warn(fmt::format("\"zone\" must be an offset like \"+09:00\", not \"{}\"", z));
      return;
    }
    c.zone = off;
  }
  if (const jfield& w = fields.f[f_weekday]; w.type != jtype::absent) {
    if (w.type != jtype::unsigned_number || w.u > 6) {
      warn("\"weekday\" must be a number from 0 (Sunday) to 6 (Saturday)");
      return;
    }
    c.weekday = static_cast<unsigned>(w.u);
  }
  pending.kept = true;
}

// Once 256 lines have shown their average length, a vector is sized for `bytes` of input, so
// that a million claims are not moved again and again as it grows.
void reserve_for(std::vector<claim>& out, std::size_t bytes, std::size_t consumed, std::size_t lines) {
  if (consumed > 0 && bytes > 0)
    out.reserve(static_cast<std::size_t>(static_cast<double>(bytes) / static_cast<double>(consumed) *
                                         static_cast<double>(lines) * 1.05));
}

// Reads the lines of `text` (a whole number of lines, or the end of the input) numbered from
// `first_line`; `bytes` is the whole input's size, for reserving.
void read_lines(std::string_view text, std::size_t first_line, std::size_t bytes, claim_line_parser& parser,
                std::vector<claim>* out) {
  // The line at `pos` (its '\n' dropped) and its length; empty over the limit.
  auto line_at = [&](std::size_t pos, std::size_t& n) {
    const char* data = text.data() + pos;
    const void* nl = std::memchr(data, '\n', text.size() - pos);
    n = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - data) : text.size() - pos;
    return n > max_jsonl_line_bytes ? std::string_view() : std::string_view(data, n);
  };
  std::size_t pos = 0, line_no = first_line - 1, n = 0;
  std::string_view line = pos < text.size() ? line_at(pos, n) : std::string_view();
  while (pos < text.size()) {
    const std::size_t length = n;
    const std::string_view this_line = line;
    pos = std::min(pos + length + 1, text.size());
    ++line_no;
    if (out && line_no - first_line + 1 == 256) reserve_for(*out, bytes, pos, 256);
    line = pos < text.size() ? line_at(pos, n) : std::string_view();
    parser.parse(this_line, length, line_no, line);
  }
}

std::size_t count_lines(std::string_view text) {
  std::size_t n = 0;
  for (const char* p = text.data(), *end = text.data() + text.size();
       (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr; ++p)
    ++n;
  return n;
}

// Below this, one thread reads the input as it streams in.
constexpr std::size_t parallel_min_bytes = std::size_t{8} << 20;
// A stream is copied into memory whole only up to this size (a mapped file has no limit: its
// pages are the system's file cache); a bigger one is read as it comes, on one thread.
constexpr std::size_t parallel_max_copy_bytes = std::size_t{1} << 30;
// Each thread's share is at least this.
constexpr std::size_t parallel_part_bytes = std::size_t{4} << 20;

}  // namespace

namespace detail {

std::vector<claim> read_claims_jsonl_text(std::string_view text, const std::string& name, const rule_set& rules,
                                          std::vector<diagnostic>& diagnostics, unsigned parts,
                                          const std::function<void()>& release) {
  parts = std::max(parts, 1u);
  // Cut after the first newline at or past each k/parts of the text: every part is whole lines.
  std::vector<std::size_t> cut{0};
  for (unsigned k = 1; k < parts; ++k) {
    std::size_t at = std::max(cut.back(), text.size() / parts * k);
    const auto nl = text.find('\n', at);
    cut.push_back(nl == std::string_view::npos ? text.size() : nl + 1);
  }
  cut.push_back(text.size());
  std::vector<claim> out;
  std::vector<chunk_channel> claims(parts - 1);  // parts 1.., handed over in chunks
  std::vector<std::vector<diagnostic>> diags(parts - 1);
  std::vector<std::exception_ptr> failure(parts);
  // Part k is read by thread k (part 0 by this one, straight into `out`, reserved for the whole
  // input), the others into chunks that this thread moves after part 0's claims as they come;
  // thread k first counts the lines before its part, so that its line numbers and default ids
  // are the file's.
  auto read_part = [&](unsigned k) {
    try {
      const std::size_t first_line = 1 + count_lines(text.substr(0, cut[k]));
      const std::string_view part = text.substr(cut[k], cut[k + 1] - cut[k]);
      if (k == 0) {
        claim_line_parser parser(name, rules, out, diagnostics);
        read_lines(part, first_line, text.size(), parser, &out);
      } else {
        claim_line_parser parser(name, rules, claims[k - 1], diags[k - 1]);
        read_lines(part, first_line, part.size(), parser, nullptr);
        parser.flush();
      }
    } catch (...) {
      failure[k] = std::current_exception();
    }
    if (k > 0) claims[k - 1].finish();
  };
  std::vector<std::thread> threads;
  std::vector<unsigned> here{0};  // the parts this thread reads (all of them if no thread starts)
  for (unsigned k = 1; k < parts; ++k) {
    try {
      threads.emplace_back(read_part, k);
    } catch (const std::system_error&) {
      here.push_back(k);
    }
  }
  // CROSSCHECK_TIMINGS=1: this thread's parts, then the move of the other parts' claims after
  // the first's (while they are read), the wait for their threads' end and the release of the text.
  detail::phase_timer timer("read_claims_jsonl/all parts");
  for (unsigned k : here) read_part(k);
  timer.lap("read_claims_jsonl/part 0");
  // At most one claim a line: room for the other parts' claims (counted while their threads read,
  // before a reallocation could move all of them again).
  // Out of memory here still joins the threads first (they end on their own).
  std::exception_ptr gathering;
  try {
    if (parts > 1) out.reserve(out.size() + count_lines(text.substr(cut[1])) + 1);
    std::vector<std::vector<claim>> ready;
    for (unsigned k = 1; k < parts; ++k)
      while (claims[k - 1].take(ready))
        for (auto& chunk : ready) {
          out.insert(out.end(), std::make_move_iterator(chunk.begin()), std::make_move_iterator(chunk.end()));
          chunk = {};
        }
  } catch (...) {
    gathering = std::current_exception();
  }
  timer.lap("read_claims_jsonl/moving the parts together");
  for (auto& t : threads) t.join();
  timer.lap("read_claims_jsonl/waiting for the other parts");
  for (const auto& f : failure)
    if (f) std::rethrow_exception(f);
  if (gathering) std::rethrow_exception(gathering);
  if (release) release();  // the text is read: its memory can go
  timer.lap("read_claims_jsonl/release");
  for (unsigned k = 1; k < parts; ++k)
    diagnostics.insert(diagnostics.end(), std::make_move_iterator(diags[k - 1].begin()),
                       std::make_move_iterator(diags[k - 1].end()));
  return out;
}

}  // namespace detail

std::vector<claim> read_claims_jsonl(std::istream& in, const std::string& name, const rule_set& rules,
                                     std::vector<diagnostic>& diagnostics) {
  const detail::phase_timer timer("read_claims_jsonl");
  std::streamoff total_bytes = -1;
  const std::streamoff start = in.tellg();
  if (start >= 0 && in.seekg(0, std::ios::end)) {
    total_bytes = in.tellg() - start;
    in.seekg(start);
  }
  in.clear();
  // A big file (up to 1 GiB), on a machine with more than one core: read whole, and its parts on
  // one thread each (the claims, their order and the warnings are the same as on one thread).
  const unsigned cores = std::thread::hardware_concurrency();
  if (total_bytes >= static_cast<std::streamoff>(parallel_min_bytes) &&
      total_bytes <= static_cast<std::streamoff>(parallel_max_copy_bytes) && cores >= 2 && in.rdbuf()) {
    const auto bytes = static_cast<std::size_t>(total_bytes);
    std::size_t size = 0, capacity = bytes + 1;
    auto buf = std::make_unique_for_overwrite<char[]>(capacity);
    for (;;) {
      const std::streamsize got = in.rdbuf()->sgetn(buf.get() + size, static_cast<std::streamsize>(capacity - size));
      if (got <= 0) break;
      size += static_cast<std::size_t>(got);
      if (size == capacity) {  // the file grew since it was measured
        auto bigger = std::make_unique_for_overwrite<char[]>(capacity * 2);
        std::memcpy(bigger.get(), buf.get(), size);
        buf = std::move(bigger);
        capacity *= 2;
      }
    }
    in.setstate(std::ios::eofbit);
    const unsigned parts = static_cast<unsigned>(std::clamp<std::size_t>(size / parallel_part_bytes, 1, std::min(cores, 8u)));
    return detail::read_claims_jsonl_text(std::string_view(buf.get(), size), name, rules, diagnostics, parts,
                                          [&] { buf.reset(); });
  }
  std::vector<claim> out;
  claim_line_parser parser(name, rules, out, diagnostics);
  line_reader reader(in, max_jsonl_line_bytes);
  std::string_view line;
  std::size_t line_no = 0, length = 0;
  while (reader.next(line, length)) {
    ++line_no;
    if (line_no == 256 && total_bytes > 0) reserve_for(out, static_cast<std::size_t>(total_bytes), reader.consumed(), 256);
    parser.parse(line, length, line_no);
  }
  return out;
}

std::vector<claim> read_claims_jsonl_file(const std::string& path, const rule_set& rules,
                                          std::vector<diagnostic>& diagnostics) {
#if CROSSCHECK_HAS_MMAP
  // A big file on a machine with more than one core: mapped, not copied, and read in parts.
  const unsigned cores = std::thread::hardware_concurrency();
  if (cores >= 2) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd >= 0 && ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
        static_cast<std::size_t>(st.st_size) >= parallel_min_bytes) {
      const auto size = static_cast<std::size_t>(st.st_size);
      // Not MAP_POPULATE: that maps every page on this thread before the parts start; each part's
      // thread faults in its own pages as it reads them (the system maps them in batches).
      void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
      ::close(fd);
      if (map != MAP_FAILED) {
        ::madvise(map, size, MADV_SEQUENTIAL);  // each part is read from start to end: advice only
        const detail::phase_timer timer("read_claims_jsonl");
        const unsigned parts =
            static_cast<unsigned>(std::clamp<std::size_t>(size / parallel_part_bytes, 1, std::min(cores, 8u)));
        bool mapped = true;
        auto unmap = [&] {
          if (mapped) ::munmap(map, size);
          mapped = false;
        };
        try {
          auto out = detail::read_claims_jsonl_text(std::string_view(static_cast<const char*>(map), size), path, rules,
                                                    diagnostics, parts, unmap);
          unmap();
          return out;
        } catch (...) {
          unmap();
          throw;
        }
      }
    } else if (fd >= 0) {
      ::close(fd);
    }
  }
#endif
  std::ifstream in(path, std::ios::binary);
  if (!in) throw input_error(location{path, {}, {}, {}}, "cannot open the file for reading");
  return read_claims_jsonl(in, path, rules, diagnostics);
}

}  // namespace crosscheck
