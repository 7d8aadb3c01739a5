// Internal: a person's key, the folded name (detail::fold_name), made by the person pass for
// every name it claims.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "text/fold.hpp"

namespace crosscheck::detail {

// detail::append_folded_name(s, out), the same bytes, faster for the names the person pass
// folds, which are nearly all ASCII: each byte is one lookup in a table made from the same
// rules (ascii_lower, is_space and the separators), where fold_name_into tests every byte for an
// invisible character and a separator one by one (about 34 instructions a byte). A name with any
// other byte (not ASCII, or NUL) is folded by append_folded_name itself.
inline void append_name_key(std::string_view s, std::string& out) {
  // 0: not ASCII (or NUL): the general fold; 1: a separator; else the byte, lower-cased.
  static constexpr std::array<unsigned char, 256> table = [] {
    std::array<unsigned char, 256> a{};
    for (int b = 1; b < 0x80; ++b) {
      const char c = static_cast<char>(b);
      const bool separator = c == '-' || c == '\'' || c == '.' || c == ',' || is_space(c);
      a[static_cast<std::size_t>(b)] = separator ? 1 : static_cast<unsigned char>(ascii_lower(c));
    }
    return a;
  }();
  const std::size_t start = out.size();
  out.resize(start + s.size());  // the key is never longer than the name
  char* const o = out.data() + start;
  std::size_t n = 0;
  bool pending_space = false;  // a separator since the last letter, after one
  for (const char c : s) {
    const unsigned char v = table[static_cast<unsigned char>(c)];
    if (v > 1) {
      o[n] = ' ';  // in place of at least one skipped byte: never past s.size()
      n += pending_space;
      o[n++] = static_cast<char>(v);
      pending_space = false;
    } else if (v == 1) {
      pending_space = n > 0;
    } else {
      out.resize(start);
      append_folded_name(s, out);
      return;
    }
  }
  out.resize(start + n);
}

}  // namespace crosscheck::detail
