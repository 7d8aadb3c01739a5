#include "corpus/manifest_scan.hpp"

#include <algorithm>

namespace crosscheck::detail {

namespace {

bool is_letter(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// A byte a plain value may hold anywhere: it has no meaning to YAML in any position.
bool is_value_byte(char c) noexcept {
  if (is_letter(c) || is_digit(c) || static_cast<unsigned char>(c) >= 0x80) return true;
  switch (c) {
    case '.': case '-': case '_': case '/': case '+': case '(': case ')': case '&': case '\'':
      return true;
    default:
      return false;
  }
}
// A byte a plain value may start with: no YAML indicator ('-' '?' ':' ...), no quote.
bool is_value_start(char c) noexcept { return is_letter(c) || is_digit(c) || static_cast<unsigned char>(c) >= 0x80; }

// A value yaml-cpp reads as null, not as a single value: the caller's checks must see it so.
bool is_null_word(std::string_view v) noexcept { return v == "~" || v == "null" || v == "Null" || v == "NULL"; }

class scanner {
 public:
  explicit scanner(std::string_view line, std::size_t line_no) : l_(line), line_(line_no) {}

  std::size_t pos() const noexcept { return i_; }
  yaml_position here() const noexcept { return {line_, i_}; }
  bool at_end() const noexcept { return i_ == l_.size(); }
  char peek() const noexcept { return i_ < l_.size() ? l_[i_] : '\0'; }
  bool eat(char c) noexcept {
    if (peek() != c) return false;
    ++i_;
    return true;
  }
  std::size_t spaces() noexcept {
    const std::size_t b = i_;
    while (i_ < l_.size() && l_[i_] == ' ') ++i_;
    return i_ - b;
  }
  // Nothing more on the line but spaces and a comment ("# ..." after at least one space, or at
  // the line's start).
  bool rest_is_comment() noexcept {
    const std::size_t b = i_;
    const std::size_t n = spaces();
    if (at_end()) return true;
    return l_[i_] == '#' && (n > 0 || b == 0);
  }
  // "key:" followed by a space: the key's text, or empty when there is none.
  std::string_view key() noexcept {
    const std::size_t b = i_;
    while (i_ < l_.size() && (is_letter(l_[i_]) || l_[i_] == '_')) ++i_;
    if (i_ == b || i_ + 1 >= l_.size() || l_[i_] != ':' || l_[i_ + 1] != ' ') {
      i_ = b;
      return {};
    }
    const std::string_view k = l_.substr(b, i_ - b);
    i_ += 2;
    spaces();
    return k;
  }
  // A plain value up to the end of the line (block) or up to ',' or '}' (flow), without its
  // trailing spaces; empty when it is not a value this reader takes.
  std::string_view value(bool flow) noexcept {
    const std::size_t b = i_;
    if (!is_value_start(peek())) return {};
    std::size_t end = b;  // past the value's last non-space byte
    while (i_ < l_.size()) {
      const char c = l_[i_];
      if (c == ' ') {
        ++i_;
        continue;
      }
      if (c == '#') {
        if (flow || l_[i_ - 1] != ' ') return {};  // "C#" is a value in YAML; leave it to yaml-cpp
        i_ = l_.size();  // a comment: the rest of the line
        break;
      }
      if (flow && (c == ',' || c == '}')) break;
      if (c == ':') {
        // Inside a block value, "12:30" is part of it; ": " or a final ':' would be a mapping.
        if (flow || i_ + 1 >= l_.size() || !is_value_byte(l_[i_ + 1])) return {};
      } else if (!is_value_byte(c)) {
        return {};
      }
      ++i_;
      end = i_;
    }
    const std::string_view v = l_.substr(b, end - b);
    if (is_null_word(v)) return {};
    if (!flow) i_ = l_.size();
    return v;
  }

 private:
  std::string_view l_;
  std::size_t line_;
  std::size_t i_ = 0;
};

bool add_field(manifest_entry& e, std::string_view key, yaml_position key_at, std::string_view value,
               yaml_position value_at) {
  if (key.empty() || value.empty()) return false;
  for (const auto& f : e.fields)
    if (f.key == key) return false;  // a key twice: yaml-cpp's business
  e.fields.push_back({key, value, key_at, value_at});
  return true;
}

// "key: value" in block style, the scanner at the key; the rest of the line must be a comment.
bool block_field(scanner& s, manifest_entry& e) {
  const yaml_position key_at = s.here();
  const std::string_view k = s.key();
  const yaml_position value_at = s.here();
  const std::string_view v = s.value(false);
  return add_field(e, k, key_at, v, value_at) && s.at_end();
}

// "{key: value, key: value}", the scanner at the '{'.
bool flow_entry(scanner& s, manifest_entry& e) {
  e.at = s.here();
  s.eat('{');
  s.spaces();
  for (;;) {
    const yaml_position key_at = s.here();
    const std::string_view k = s.key();
    const yaml_position value_at = s.here();
    const std::string_view v = s.value(true);
    if (!add_field(e, k, key_at, v, value_at)) return false;
    s.spaces();
    if (s.eat('}')) return s.rest_is_comment();
    if (!s.eat(',') || !s.eat(' ')) return false;
    s.spaces();
  }
}

// No byte that YAML reads as a line break or a mark besides '\n' and "\r\n" (NEL, LS, PS, a
// byte-order mark), no tab, no control character: those are yaml-cpp's business.
bool plain_bytes(std::string_view text) {
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if ((b < 0x20 && c != '\n' && c != '\r') || b == 0x7F) return false;
  }
  return text.find("\xC2\x85") == std::string_view::npos && text.find("\xE2\x80\xA8") == std::string_view::npos &&
         text.find("\xE2\x80\xA9") == std::string_view::npos && text.find("\xEF\xBB\xBF") == std::string_view::npos;
}

// Calls read(scanner, indent) for each line of `text` that is neither blank nor a comment, the
// scanner past the line's leading spaces; stops at the first false. False when a read did, or
// when the text has bytes or line ends left to yaml-cpp.
template <class Read>
bool read_lines(std::string_view text, Read read) {
  if (!plain_bytes(text)) return false;
  std::size_t line_no = 0;
  for (std::size_t b = 0; b < text.size(); ++line_no) {
    std::size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(b, e - b);
    b = e + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find('\r') != std::string_view::npos) return false;
    scanner s(line, line_no);
    const std::size_t indent = s.spaces();
    if (s.at_end() || s.peek() == '#') continue;  // a blank or comment line
    if (!read(s, indent)) return false;
  }
  return true;
}

}  // namespace

std::optional<std::vector<manifest_entry>> scan_plain_manifest(std::string_view text) {
  std::vector<manifest_entry> entries;
  bool seen_documents = false;
  // Plain numbers, not std::optional: g++ 12 warns (falsely) that an optional may be read
  // uninitialized here.
  constexpr std::size_t none = std::string_view::npos;
  std::size_t dash_indent = none;   // the column of every entry's '-'
  std::size_t block_indent = none;  // the current block entry's key column; none after a flow entry
  const bool read = read_lines(text, [&](scanner& s, std::size_t indent) {
    if (!seen_documents) {
      // "documents:" at column 0, then nothing but a comment
      if (indent != 0) return false;
      for (const char c : std::string_view("documents:"))
        if (!s.eat(c)) return false;
      seen_documents = true;
      return s.at_end() || (s.peek() == ' ' && s.rest_is_comment());
    }
    if (s.eat('-')) {
      if (!s.eat(' ') || (dash_indent != none && dash_indent != indent)) return false;
      dash_indent = indent;
      s.spaces();
      manifest_entry& entry = entries.emplace_back();
      if (s.peek() == '{') {
        block_indent = none;
        return flow_entry(s, entry);
      }
      entry.at = s.here();
      block_indent = s.pos();
      return block_field(s, entry);
    }
    return block_indent != none && indent == block_indent && block_field(s, entries.back());
  });
  if (!read || entries.empty()) return std::nullopt;
  return entries;
}

std::optional<manifest_entry> scan_plain_mapping(std::string_view text) {
  manifest_entry entry;
  const bool read = read_lines(text, [&](scanner& s, std::size_t indent) {
    if (indent != 0) return false;
    if (entry.fields.empty()) entry.at = s.here();
    return block_field(s, entry);
  });
  if (!read || entry.fields.empty()) return std::nullopt;  // no key at all: yaml-cpp's null
  return entry;
}

}  // namespace crosscheck::detail
