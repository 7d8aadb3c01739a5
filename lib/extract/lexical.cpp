#include "extract/lexical.hpp"

#include "text/fold.hpp"

namespace crosscheck::detail {

std::vector<token> tokenize(std::string_view t, std::size_t begin, std::size_t end) {
  std::vector<token> out;
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
    token tok;
    tok.begin = b;
    tok.end = i;
    tok.lower = lower(t.substr(b, i - b));
    // ASCII upper case, or a Latin-1 capital such as "Ö" (U+00C0..U+00DE but the sign U+00D7).
    const auto c0 = static_cast<unsigned char>(t[b]);
    const auto c1 = b + 1 < end ? static_cast<unsigned char>(t[b + 1]) : 0;
    tok.capitalized = is_ascii_upper(t[b]) || (c0 == 0xC3 && c1 >= 0x80 && c1 <= 0x9E && c1 != 0x97);
    out.push_back(std::move(tok));
  }
  return out;
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
  by_first_[words.front()].push_back({words, payload});
  by_last_[words.back()].push_back({std::move(words), payload});
}

phrase_matcher::match phrase_matcher::longest_at(const std::vector<token>& toks, std::size_t i) const {
  match best;
  if (i >= toks.size()) return best;
  auto it = by_first_.find(toks[i].lower);
  if (it == by_first_.end()) return best;
  for (const entry& e : it->second) {
    if (e.words.size() <= best.length || i + e.words.size() > toks.size()) continue;
    bool ok = true;
    for (std::size_t k = 1; k < e.words.size() && ok; ++k) ok = toks[i + k].lower == e.words[k];
    if (ok) best = {e.words.size(), e.payload};
  }
  return best;
}

phrase_matcher::match phrase_matcher::longest_ending_at(const std::vector<token>& toks, std::size_t i) const {
  match best;
  if (i == 0 || i > toks.size()) return best;
  auto it = by_last_.find(toks[i - 1].lower);
  if (it == by_last_.end()) return best;
  for (const entry& e : it->second) {
    if (e.words.size() <= best.length || e.words.size() > i) continue;
    const std::size_t s = i - e.words.size();
    bool ok = true;
    for (std::size_t k = 0; k + 1 < e.words.size() && ok; ++k) ok = toks[s + k].lower == e.words[k];
    if (ok) best = {e.words.size(), e.payload};
  }
  return best;
}

}  // namespace crosscheck::detail
