// Internal: case and punctuation folding used for keys and vocabulary matching.
#pragma once

#include <string>
#include <string_view>

namespace crosscheck::detail {

inline char ascii_lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
inline bool is_ascii_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }
inline bool is_ascii_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
inline bool is_ascii_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
inline bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
// A byte that can be part of a word: ASCII letters and digits, and any byte of a multi-byte
// UTF-8 sequence (so "Kozhemyako" and "Jo Yong-wŏn" stay whole).
inline bool is_word_byte(char c) noexcept {
  return is_ascii_alpha(c) || is_ascii_digit(c) || (static_cast<unsigned char>(c) & 0x80) != 0;
}

std::string lower(std::string_view s);
// A name's comparison key: lower case, hyphens, apostrophes, periods and runs of spaces
// folded to one space ("Kim Jong-un" -> "kim jong un").
std::string fold_name(std::string_view s);
// Case-insensitive ASCII equality.
bool iequals(std::string_view a, std::string_view b) noexcept;

}  // namespace crosscheck::detail
