// Normalization that keeps offsets: each normalized byte records the original byte it came from.
#include <algorithm>
#include <cstdint>
#include <cstddef>
#include <cstring>
#include <iterator>

#include "crosscheck/text.hpp"

namespace crosscheck {
namespace {

// Decodes one UTF-8 sequence at s[i]; returns its code point and length, or {-1, 1} if invalid.
struct decoded {
  std::int32_t cp;
  std::size_t len;
};
decoded decode(std::string_view s, std::size_t i) noexcept {
  const auto c = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) -> int {
    if (i + k >= s.size()) return -1;
    const auto b = static_cast<unsigned char>(s[i + k]);
    return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
  };
  if (c < 0x80) return {c, 1};
  if ((c & 0xE0) == 0xC0) {
    const int b1 = cont(1);
    if (b1 < 0) return {-1, 1};
    return {((c & 0x1F) << 6) | b1, 2};
  }
  if ((c & 0xF0) == 0xE0) {
    const int b1 = cont(1), b2 = cont(2);
    if (b1 < 0 || b2 < 0) return {-1, 1};
    return {((c & 0x0F) << 12) | (b1 << 6) | b2, 3};
  }
  if ((c & 0xF8) == 0xF0) {
    const int b1 = cont(1), b2 = cont(2), b3 = cont(3);
    if (b1 < 0 || b2 < 0 || b3 < 0) return {-1, 1};
    return {((c & 0x07) << 18) | (b1 << 12) | (b2 << 6) | b3, 4};
  }
  return {-1, 1};
}

// What a code point becomes: nullptr keeps it as it is, "" drops it.
const char* replacement(std::int32_t cp) noexcept {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC: return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB: return "\"";
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000: return " ";
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
    case 0x200E: case 0x200F: case 0x202A: case 0x202B: case 0x202C: case 0x202D: case 0x202E:
    case 0x2066: case 0x2067: case 0x2068: case 0x2069: return "";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: return "-";
    case 0x2026: return "...";
    case 0x2028: case 0x2029: case 0x0085: return "\n";
    default: break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return " ";
  return nullptr;
}

bool is_dropped_at(std::string_view s, std::size_t i) noexcept {
  if (s[i] == '\r') return true;
  const decoded d = decode(s, i);
  const char* r = d.cp >= 0 ? replacement(d.cp) : nullptr;
  return r && *r == '\0';
}

// Some byte of v is zero (the classic bit trick; exact as a yes or no).
constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
constexpr bool has_zero_byte(std::uint64_t v) noexcept { return ((v - ones) & ~v & highs) != 0; }

// The end of the run of ASCII bytes from s[i] that normalize() keeps as they are (all but '\r'
// and NUL), eight bytes at a time while no byte of the eight stops it.
std::size_t plain_ascii_run(std::string_view s, std::size_t i) noexcept {
  const char* const p = s.data();
  while (i + 8 <= s.size()) {
    std::uint64_t v;
    std::memcpy(&v, p + i, 8);
    if ((v & highs) || has_zero_byte(v) || has_zero_byte(v ^ (ones * '\r'))) break;
    i += 8;
  }
  while (i < s.size() && static_cast<unsigned char>(p[i]) < 0x80 && p[i] != '\r' && p[i] != '\0') ++i;
  return i;
}

// Counts offsets up, so that vector::insert appends a run's offsets in one go (resize() and a
// loop wrote each twice: zeros first).
struct offset_counter {
  using iterator_category = std::random_access_iterator_tag;
  using value_type = std::uint32_t;
  using difference_type = std::ptrdiff_t;
  using pointer = const std::uint32_t*;
  using reference = std::uint32_t;
  std::size_t at;
  std::uint32_t operator*() const noexcept { return static_cast<std::uint32_t>(at); }
  offset_counter& operator++() noexcept {
    ++at;
    return *this;
  }
  offset_counter operator++(int) noexcept { return {at++}; }
  offset_counter& operator--() noexcept {
    --at;
    return *this;
  }
  offset_counter& operator+=(difference_type n) noexcept {
    at += static_cast<std::size_t>(n);
    return *this;
  }
  difference_type operator-(offset_counter o) const noexcept { return static_cast<difference_type>(at - o.at); }
  bool operator==(const offset_counter&) const noexcept = default;
};

}  // namespace

void normalize(document& doc) {
  const std::string_view t = doc.text;
  const std::size_t start = std::min(doc.body_begin, t.size());
  doc.normalized.clear();
  doc.norm_to_orig.clear();
  doc.normalized.reserve(t.size() - start);
  doc.norm_to_orig.reserve(t.size() - start + 1);
  auto emit = [&](char c, std::size_t orig) {
    doc.normalized += c;
    doc.norm_to_orig.push_back(static_cast<std::uint32_t>(orig));
  };
  std::size_t i = start;
  while (i < t.size()) {
    // A run of ASCII bytes that stay as they are (most of a text) is copied at once, its
    // offsets counted up.
    const std::size_t run = plain_ascii_run(t, i);
    if (run > i) {
      doc.normalized.append(t.substr(i, run - i));
      doc.norm_to_orig.insert(doc.norm_to_orig.end(), offset_counter{i}, offset_counter{run});
      i = run;
      continue;
    }
    const char c = t[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      if (c == '\r') {
        if (i + 1 < t.size() && t[i + 1] == '\n') {  // CR LF: the LF carries on
          ++i;
          continue;
        }
        emit('\n', i);
      } else if (c == '\0') {
        emit(' ', i);
      } else {
        emit(c, i);
      }
      ++i;
      continue;
    }
    const decoded d = decode(t, i);
    const char* r = d.cp >= 0 ? replacement(d.cp) : nullptr;
    if (r) {
      for (const char* p = r; *p; ++p) emit(*p, i);
    } else {
      for (std::size_t k = 0; k < d.len; ++k) emit(t[i + k], i + k);
    }
    i += d.len;
  }
  doc.norm_to_orig.push_back(static_cast<std::uint32_t>(t.size()));
}

std::size_t document::to_original(std::size_t n) const {
  if (norm_to_orig.empty()) return std::min(n, text.size());
  return norm_to_orig[std::min(n, norm_to_orig.size() - 1)];
}

text_span document::to_original(text_span s) const {
  const std::size_t b = to_original(s.begin);
  if (s.end <= s.begin) return {b, b};
  std::size_t e = to_original(s.end);
  // Do not take in characters that normalization dropped right after the span.
  while (e > b + 1) {
    std::size_t k = e - 1;
    while (k > b && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;  // start of the last char
    if (!is_dropped_at(text, k)) break;
    e = k;
  }
  return {b, e};
}

const sentence* document::sentence_at(std::size_t n) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), n,
                             [](std::size_t off, const sentence& s) { return off < s.normalized.begin; });
  if (it == sentences.begin()) return nullptr;
  --it;
  return n < it->normalized.end ? &*it : nullptr;
}

}  // namespace crosscheck
