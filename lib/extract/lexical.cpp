#include "extract/lexical.hpp"

#include <array>

#include "text/fold.hpp"

namespace crosscheck::detail {

std::vector<token> tokenize(std::string_view t, std::size_t begin, std::size_t end) {
  std::vector<token> out;
  out.reserve((end - begin) / 5 + 1);
  tokenize(t, begin, end, out);
  return out;
}

namespace {

// What a byte can be in a token, looked up once per byte.
enum byte_class : unsigned char {
  word_byte = 1,     // a letter, a digit or a byte of a multi-byte UTF-8 sequence
  joiner = 2,        // ' - . inside a word: "Putin's", "Jong-un", "a.m", "14.20"
  digit_joiner = 4,  // : , between digits only: "2:46", "10,000"
  digit = 8,         // with word_byte: an ASCII digit
  hyphen = 16,       // with joiner: '-'
  upper = 32,        // with word_byte: an ASCII capital
  latin1_lead = 64,  // with word_byte: 0xC3, the first byte of U+00C0..U+00FF (capitals among them)
};

constexpr std::array<unsigned char, 256> byte_classes = [] {
  std::array<unsigned char, 256> classes{};
  for (int b = 0; b < 256; ++b)
    if (is_word_byte(static_cast<char>(b))) classes[static_cast<std::size_t>(b)] = word_byte;
  for (char d = '0'; d <= '9'; ++d) classes[static_cast<std::size_t>(d)] |= digit;
  for (char u = 'A'; u <= 'Z'; ++u) classes[static_cast<std::size_t>(u)] |= upper;
  classes[0xC3] |= latin1_lead;
  classes['\''] = classes['.'] = joiner;
  classes['-'] = joiner | hyphen;
  classes[':'] = classes[','] = digit_joiner;
  return classes;
}();

constexpr std::array<char, 256> lower_bytes = [] {
  std::array<char, 256> lowered{};
  for (int b = 0; b < 256; ++b) lowered[static_cast<std::size_t>(b)] = ascii_lower(static_cast<char>(b));
  return lowered;
}();

unsigned char class_of(char c) noexcept { return byte_classes[static_cast<unsigned char>(c)]; }

}  // namespace

void tokenize(std::string_view t, std::size_t begin, std::size_t end, std::vector<token>& out) {
  const char* const text = t.data();  // a local pointer: the stores into tokens below cannot move it
  std::size_t n = 0;  // tokens written; out[n..] are left from an earlier sentence, reused
  std::size_t i = begin;
  while (i < end) {
    const unsigned char first = class_of(text[i]);
    if (!(first & word_byte)) {
      ++i;
      continue;
    }
    const std::size_t b = i;
    unsigned char seen = 0;  // the classes of the word's bytes, together
    while (i < end) {
      const unsigned char c = class_of(text[i]);
      if (c & word_byte) {
        seen |= c;
        ++i;
        continue;
      }
      // A joiner stays inside the word when a word byte follows it; ',' and ':' only between
      // digits.
      if (!c || i + 1 == end || !(class_of(text[i + 1]) & word_byte)) break;
      if ((c & digit_joiner) && !(is_ascii_digit(text[i - 1]) && is_ascii_digit(text[i + 1]))) break;
      seen |= c;
      ++i;
    }
    token& tok = n < out.size() ? out[n] : out.emplace_back();
    ++n;
    tok.begin = b;
    tok.end = i;
    tok.lower.resize(i - b);
    // Lower-cased and hashed in one go (word_hash, inlined).
    char* const lowered = tok.lower.data();
    std::uint64_t h = word_hash({});
    for (std::size_t k = 0; k < i - b; ++k) {
      const char l = lower_bytes[static_cast<unsigned char>(text[b + k])];
      lowered[k] = l;
      h = (h ^ static_cast<unsigned char>(l)) * 1099511628211ull;
    }
    tok.hash = h;
    tok.has_digit = seen & digit;
    tok.has_hyphen = seen & hyphen;
    // Only a word with a joiner can end in "'s" and have a stem of its own to hash.
    tok.stem_hash = h;
    tok.possessive = false;
    if (seen & joiner) {
      const std::string_view stem = possessive_stem(tok.lower);
      if (stem.size() != tok.lower.size()) {
        tok.possessive = true;
        tok.stem_hash = word_hash(stem);
      }
    }
    // ASCII upper case, or a Latin-1 capital such as "Ö" (U+00C0..U+00DE but the sign U+00D7).
    if (first & upper) {
      tok.capitalized = true;
    } else if (first & latin1_lead) {
      const auto c1 = b + 1 < end ? static_cast<unsigned char>(text[b + 1]) : 0;
      tok.capitalized = c1 >= 0x80 && c1 <= 0x9E && c1 != 0x97;
    } else {
      tok.capitalized = false;
    }
  }
  out.resize(n);
}

namespace {
std::vector<std::string> split_words(std::string_view phrase) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < phrase.size()) {
    while (i < phrase.size() && phrase[i] == ' ') ++i;
    std::size_t e = i;
    while (e < phrase.size() && phrase[e] != ' ') ++e;
    if (e > i) words.push_back(lower(phrase.substr(i, e - i)));
    i = e;
  }
  return words;
}
}  // namespace

void phrase_matcher::insert(trie& t, const std::vector<std::string>& words, bool reversed, int payload) {
  std::uint32_t at = 0;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::string& w = words[reversed ? words.size() - 1 - k : k];
    if (const std::uint32_t* n = t[at].next.find(w)) {
      at = *n;
    } else {
      const auto fresh = static_cast<std::uint32_t>(t.size());
      t[at].next.set(w, fresh);  // before the emplace_back, which can move t[at]
      t.emplace_back();
      at = fresh;
    }
  }
  if (!t[at].ends) {
    t[at].ends = true;
    t[at].payload = payload;
  }
}

void phrase_matcher::add(std::string_view phrase, int payload) {
  const auto words = split_words(phrase);
  if (words.empty()) return;
  insert(forward_, words, false, payload);
  insert(backward_, words, true, payload);
}

phrase_matcher::match phrase_matcher::longest_from(const std::vector<token>& toks, std::size_t i) const {
  match best;
  std::uint32_t at = 0;
  for (std::size_t k = i; k < toks.size(); ++k) {
    const std::uint32_t* n = forward_[at].next.find(toks[k]);
    if (!n) break;
    at = *n;
    if (forward_[at].ends) best = {k + 1 - i, forward_[at].payload};
  }
  return best;
}

phrase_matcher::match phrase_matcher::longest_to(const std::vector<token>& toks, std::size_t i) const {
  match best;
  std::uint32_t at = 0;
  for (std::size_t k = i; k > 0; --k) {
    const std::uint32_t* n = backward_[at].next.find(toks[k - 1]);
    if (!n) break;
    at = *n;
    if (backward_[at].ends) best = {i - (k - 1), backward_[at].payload};
  }
  return best;
}

}  // namespace crosscheck::detail
