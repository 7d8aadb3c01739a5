// Normalization that keeps offsets: each normalized byte records the original byte it came from.
#include <algorithm>
#include <cstdint>
#include <cstddef>
#include <cstring>

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
  if (static_cast<unsigned char>(s[i]) < 0x80) return s[i] == '\r';  // no other ASCII byte is dropped
  const decoded d = decode(s, i);
  const char* r = d.cp >= 0 ? replacement(d.cp) : nullptr;
  return r && *r == '\0';
}

// Sixteen bytes, and four offsets, in one vector register (GCC's and Clang's vector extension,
// on any target): an ASCII block is tested with three compares and its sixteen offsets written
// with four stores, where a loop wrote them one at a time.
using bytes16 = signed char __attribute__((vector_size(16)));
using offsets4 = std::uint32_t __attribute__((vector_size(16)));
constexpr offsets4 first_offsets = {0, 1, 2, 3};
// Some lane of a compare's result (all ones or all zeros per lane) is set.
bool any(bytes16 lanes) noexcept {
  std::uint64_t low, high;
  std::memcpy(&low, &lanes, 8);
  std::memcpy(&high, reinterpret_cast<const char*>(&lanes) + 8, 8);
  return (low | high) != 0;
}

}  // namespace

void normalize(document& doc) {
  const std::string_view t = doc.text;
  const std::size_t start = std::min(doc.body_begin, t.size());
  // No replacement is longer than the character it replaces (the ellipsis is three bytes and
  // becomes "..."; a CR LF, two, becomes one): the normalized text fits in the text's size.
  // Both buffers are sized for that once and written through pointers, then cut to what was
  // written: appending byte by byte tested the capacity at every byte, and the offsets were
  // written one at a time.
  const std::size_t most = t.size() - start;
  doc.normalized.resize(most);
  doc.norm_to_orig.resize(most + 1);
  char* const out = doc.normalized.data();
  std::uint32_t* const map = doc.norm_to_orig.data();
  std::size_t o = 0;
  auto emit = [&](char c, std::size_t orig) {
    out[o] = c;
    map[o] = static_cast<std::uint32_t>(orig);
    ++o;
  };
  const char* const p = t.data();
  std::size_t i = start;
  while (i < t.size()) {
    // A run of ASCII bytes that stay as they are (most of a text) is copied sixteen bytes at a
    // time, its offsets counted up, while no byte of the sixteen stops it.
    while (i + 16 <= t.size()) {
      bytes16 v;
      std::memcpy(&v, p + i, 16);
      if (any((v < 0) | (v == 0) | (v == '\r'))) break;  // a byte of UTF-8, a NUL or a CR
      std::memcpy(out + o, &v, 16);
      const offsets4 at = first_offsets + static_cast<std::uint32_t>(i);
      for (std::uint32_t k = 0; k < 4; ++k) {
        const offsets4 four = at + 4 * k;
        std::memcpy(map + o + 4 * k, &four, sizeof four);
      }
      i += 16;
      o += 16;
    }
    // The rest of the run, byte by byte, up to the byte that stopped it.
    while (i < t.size() && static_cast<unsigned char>(p[i]) < 0x80 && p[i] != '\r' && p[i] != '\0') {
      emit(p[i], i);
      ++i;
    }
    if (i == t.size()) break;
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
      for (const char* q = r; *q; ++q) emit(*q, i);
    } else {
      for (std::size_t k = 0; k < d.len; ++k) emit(t[i + k], i + k);
    }
    i += d.len;
  }
  map[o] = static_cast<std::uint32_t>(t.size());
  doc.normalized.resize(o);
  doc.norm_to_orig.resize(o + 1);
}

std::size_t document::to_original(std::size_t n) const {
  if (norm_to_orig.empty()) return std::min(n, text.size());
  return norm_to_orig[std::min(n, norm_to_orig.size() - 1)];
}

text_span document::to_original(text_span s) const {
  const std::size_t b = to_original(s.begin);
  if (s.end <= s.begin) return {b, b};
  std::size_t e = to_original(s.end);
  // The common case: the span's last character is ASCII, which normalization never drops but
  // for a CR.
  if (e > b + 1 && static_cast<unsigned char>(text[e - 1]) < 0x80 && text[e - 1] != '\r') return {b, e};
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
