#include "extract/lexical.hpp"

#include "text/fold.hpp"

namespace crosscheck::detail {

std::vector<token> tokenize(std::string_view t, std::size_t begin, std::size_t end) {
  std::vector<token> out;
  out.reserve((end - begin) / 5 + 1);
  tokenize(t, begin, end, out);
  return out;
}

void tokenize(std::string_view t, std::size_t begin, std::size_t end, std::vector<token>& out) {
  std::size_t n = 0;  // tokens written; out[n..] are left from an earlier sentence, reused
  std::size_t i = begin;
  while (i < end) {
    if (!is_word_byte(t[i])) {
      ++i;
      continue;
    }
    const std::size_t b = i;
    while (i < end) {
      if (is_word_byte(t[i])) {
        ++i;
      } else if ((t[i] == '\'' || t[i] == '-' || t[i] == '.' || t[i] == ':' || t[i] == ',') && i + 1 < end &&
                 is_word_byte(t[i + 1])) {
        // ',' only between digits ("10,000"); ':' only between digits ("2:46")
        if ((t[i] == ',' || t[i] == ':') && !(is_ascii_digit(t[i - 1]) && is_ascii_digit(t[i + 1]))) break;
        ++i;
      } else {
        break;
      }
    }
    token& tok = n < out.size() ? out[n] : out.emplace_back();
    ++n;
    tok.begin = b;
    tok.end = i;
    tok.lower.resize(i - b);
    // Lower-cased and hashed in one go (word_hash, inlined): h is the hash of the word so far,
    // h1 and h2 of the word without its last one and two bytes, for the stem's hash.
    std::uint64_t h = word_hash({}), h1 = h, h2 = h;
    for (std::size_t k = b; k < i; ++k) {
      const char c = t[k];
      const char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      tok.lower[k - b] = l;
      h2 = h1;
      h1 = h;
      h = (h ^ static_cast<unsigned char>(l)) * 1099511628211ull;
    }
    tok.hash = h;
    const std::size_t stem_size = tok.stem().size();
    tok.stem_hash = stem_size == tok.lower.size() ? h : stem_size + 1 == tok.lower.size() ? h1 : h2;
    // ASCII upper case, or a Latin-1 capital such as "Ö" (U+00C0..U+00DE but the sign U+00D7).
    const auto c0 = static_cast<unsigned char>(t[b]);
    const auto c1 = b + 1 < end ? static_cast<unsigned char>(t[b + 1]) : 0;
    tok.capitalized = is_ascii_upper(t[b]) || (c0 == 0xC3 && c1 >= 0x80 && c1 <= 0x9E && c1 != 0x97);
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
