// Internal: tokens and phrase matching over a normalized sentence.
//
// A token is a run of word bytes (ASCII letters and digits, any non-ASCII byte), with
// internal ' - . : , kept when a word byte follows ("Putin's", "Jong-un", "a.m", "2:46",
// "10,000", "14.20"). Offsets are into the normalized document text.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace crosscheck::detail {

struct token {
  std::size_t begin = 0;  // into the normalized text
  std::size_t end = 0;
  std::string lower;      // lower-cased text
  bool capitalized = false;
};

// Tokens of text[begin, end).
std::vector<token> tokenize(std::string_view text, std::size_t begin, std::size_t end);

// Matches multi-word phrases (lower case, words separated by single spaces) against token
// sequences; each phrase carries an integer payload.
class phrase_matcher {
 public:
  void add(std::string_view phrase, int payload);
  bool empty() const noexcept { return by_first_.empty(); }
  struct match {
    std::size_t length = 0;  // in tokens; 0 when nothing matched
    int payload = 0;
  };
  // Longest phrase starting at tokens[i].
  match longest_at(const std::vector<token>& tokens, std::size_t i) const;
  // Longest phrase ending at tokens[i - 1] (exclusive end i).
  match longest_ending_at(const std::vector<token>& tokens, std::size_t i) const;

 private:
  struct entry {
    std::vector<std::string> words;
    int payload;
  };
  std::unordered_map<std::string, std::vector<entry>> by_first_;
  std::unordered_map<std::string, std::vector<entry>> by_last_;
};

}  // namespace crosscheck::detail
