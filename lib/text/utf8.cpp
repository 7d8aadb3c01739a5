#include <array>
#include <cstdint>
#include <cstring>
#include <string>

#include "crosscheck/text.hpp"
#include "text/fold.hpp"

namespace crosscheck {

std::optional<std::size_t> find_invalid_utf8(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // Plain ASCII, the common case, is skipped 32 bytes at a time (four words tested at once),
    // then eight.
    while (i + 32 <= n) {
      std::uint64_t w[4];
      std::memcpy(w, p + i, 32);
      if (((w[0] | w[1] | w[2] | w[3]) & 0x8080808080808080ull) != 0) break;
      i += 32;
    }
    if (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      if ((w & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;       // overlong
      else if (c == 0xED) hi = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;       // overlong
      else if (c == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
      return i;  // continuation byte, C0/C1 overlong lead, or F5..FF
    }
    if (i + len > n) return i;
    if (p[i + 1] < lo || p[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k)
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
    i += len;
  }
  return std::nullopt;
}

namespace detail {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

std::size_t invisible_at(std::string_view s, std::size_t i) noexcept {
  const auto b = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
  if (b(0) == 0xC2 && b(1) == 0xAD) return 2;  // U+00AD
  if (b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) return 3;  // U+FEFF
  if (b(0) != 0xE2) return 0;
  const unsigned c2 = b(2);
  if (b(1) == 0x80 && ((c2 >= 0x8B && c2 <= 0x8F) || (c2 >= 0xAA && c2 <= 0xAE))) return 3;  // U+200B-F, U+202A-E
  if (b(1) == 0x81 && (c2 == 0xA0 || (c2 >= 0xA6 && c2 <= 0xA9))) return 3;  // U+2060, U+2066-9
  return 0;
}

namespace {
// What fold_name_into does with an ASCII byte, in one lookup: 1 for a separator (- ' . , and
// spaces), else the byte lower-cased; 0 for a byte the loop looks at further (non-ASCII: maybe
// an invisible character; NUL, kept as it is). Names are nearly all ASCII, and testing each byte
// for an invisible character and for each separator in turn cost about 34 instructions a byte.
constexpr unsigned char name_separator = 1;
constexpr std::array<unsigned char, 256> name_bytes = [] {
  std::array<unsigned char, 256> a{};
  for (int b = 1; b < 0x80; ++b) {
    const char c = static_cast<char>(b);
    const bool separator = c == '-' || c == '\'' || c == '.' || c == ',' || is_space(c);
    a[static_cast<std::size_t>(b)] = separator ? name_separator : static_cast<unsigned char>(ascii_lower(c));
  }
  return a;
}();
}  // namespace

std::size_t fold_name_into(std::string_view s, char* out) noexcept {
  std::size_t n = 0;
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const unsigned char v = name_bytes[static_cast<unsigned char>(c)];
    if (v == name_separator) {
      pending_space = n > 0;
      continue;
    }
    if (v == 0) {
      // Invisible characters are multi-byte: an ASCII byte is none.
      if (const std::size_t k = (static_cast<unsigned char>(c) & 0x80) ? invisible_at(s, i) : 0) {
        i += k - 1;
        continue;
      }
    }
    if (pending_space) out[n++] = ' ';  // in place of at least one skipped byte: never past s.size()
    pending_space = false;
    out[n++] = v ? static_cast<char>(v) : c;  // a byte of 0x80 and up, or NUL, as it is
  }
  return n;
}

std::string fold_name(std::string_view s) {
  std::string out(s.size(), '\0');
  out.resize(fold_name_into(s, out.data()));
  return out;
}

void append_folded_name(std::string_view s, std::string& out) {
  const std::size_t start = out.size();
  out.resize(start + s.size());
  out.resize(start + fold_name_into(s, out.data() + start));
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

}  // namespace detail
}  // namespace crosscheck
