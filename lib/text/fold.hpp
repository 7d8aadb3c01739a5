// Internal: case and punctuation folding used for keys and vocabulary matching.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace crosscheck::detail {

constexpr char ascii_lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
constexpr bool is_ascii_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_ascii_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
constexpr bool is_ascii_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
constexpr bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
// A byte that can be part of a word: ASCII letters and digits, and any byte of a multi-byte
// UTF-8 sequence (so "Kozhemyako" and "Jo Yong-wŏn" stay whole).
constexpr bool is_word_byte(char c) noexcept {
  return is_ascii_alpha(c) || is_ascii_digit(c) || (static_cast<unsigned char>(c) & 0x80) != 0;
}

std::string lower(std::string_view s);
// The length in bytes of an invisible format character at s[i] (the ones normalize() drops: soft
// hyphen, zero-width space and joiners, left-to-right and right-to-left marks, embeddings,
// overrides and isolates, word joiner, BOM), else 0. They are no part of a name's letters.
std::size_t invisible_at(std::string_view s, std::size_t i) noexcept;
// A name's comparison key: lower case, hyphens, apostrophes, periods and runs of spaces
// folded to one space ("Kim Jong-un" -> "kim jong un"); invisible format characters dropped.
std::string fold_name(std::string_view s);
// fold_name(s) written to out (room for s.size() characters: the key is never longer); returns
// its size.
std::size_t fold_name_into(std::string_view s, char* out) noexcept;
// fold_name(s) appended to `out` (a buffer reused from name to name allocates nothing).
void append_folded_name(std::string_view s, std::string& out);
// Case-insensitive ASCII equality.
bool iequals(std::string_view a, std::string_view b) noexcept;

}  // namespace crosscheck::detail
