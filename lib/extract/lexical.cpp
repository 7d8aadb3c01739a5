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
};

constexpr std::array<unsigned char, 256> byte_classes = [] {
  std::array<unsigned char, 256> classes{};
  for (int b = 0; b < 256; ++b)
    if (is_word_byte(static_cast<char>(b))) classes[static_cast<std::size_t>(b)] = word_byte;
  for (char d = '0'; d <= '9'; ++d) classes[static_cast<std::size_t>(d)] |= digit;
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
    if (!(class_of(text[i]) & word_byte)) {
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
    // Lower-cased and hashed in one go (word_hash, inlined): h is the hash of the word so far,
    // h1 and h2 of the word without its last one and two bytes, for the stem's hash.
    char* const lowered = tok.lower.data();
    std::uint64_t h = word_hash({}), h1 = h, h2 = h;
    for (std::size_t k = 0; k < i - b; ++k) {
      const char l = lower_bytes[static_cast<unsigned char>(text[b + k])];
      lowered[k] = l;
      h2 = h1;
      h1 = h;
      h = (h ^ static_cast<unsigned char>(l)) * 1099511628211ull;
    }
    tok.hash = h;
    tok.has_digit = seen & digit;
    tok.has_hyphen = seen & hyphen;
    const std::size_t stem_size = tok.stem().size();
    tok.stem_hash = stem_size == tok.lower.size() ? h : stem_size + 1 == tok.lower.size() ? h1 : h2;
    // ASCII upper case, or a Latin-1 capital such as "Ö" (U+00C0..U+00DE but the sign U+00D7).
    const auto c0 = static_cast<unsigned char>(text[b]);
    const auto c1 = b + 1 < end ? static_cast<unsigned char>(text[b + 1]) : 0;
    tok.capitalized = is_ascii_upper(text[b]) || (c0 == 0xC3 && c1 >= 0x80 && c1 <= 0x9E && c1 != 0x97);
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

void phrase_matcher::add(std::string_view phrase, int payload) {
  auto words = split_words(phrase);
  if (words.empty()) return;
  entry e;
  for (const auto& w : words) e.hashes.push_back(word_hash(w));
  e.words = std::move(words);
  e.payload = payload;
  by_first_[e.words.front()].push_back(e);
  const std::string last = e.words.back();
  by_last_[last].push_back(std::move(e));
  empty_ = false;
}

phrase_matcher::match phrase_matcher::longest_from(const std::vector<token>& toks, std::size_t i) const {
  match best;
  const auto* entries = by_first_.find(toks[i]);
  if (!entries) return best;
  for (const entry& e : *entries) {
    if (e.words.size() <= best.length || i + e.words.size() > toks.size()) continue;
    bool ok = true;
    for (std::size_t k = 1; k < e.words.size() && ok; ++k) ok = same(toks[i + k], e.words[k], e.hashes[k]);
    if (ok) best = {e.words.size(), e.payload};
  }
  return best;
}

phrase_matcher::match phrase_matcher::longest_to(const std::vector<token>& toks, std::size_t i) const {
  match best;
  const auto* entries = by_last_.find(toks[i - 1]);
  if (!entries) return best;
  for (const entry& e : *entries) {
    if (e.words.size() <= best.length || e.words.size() > i) continue;
    const std::size_t start = i - e.words.size();
    bool ok = true;
    for (std::size_t k = 0; k + 1 < e.words.size() && ok; ++k) ok = same(toks[start + k], e.words[k], e.hashes[k]);
    if (ok) best = {e.words.size(), e.payload};
  }
  return best;
}

}  // namespace crosscheck::detail
