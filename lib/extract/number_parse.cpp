// Internal: reading numbers. See number_parse.hpp.
#include "extract/number_parse.hpp"

#include <algorithm>
#include <cmath>

#include "text/fold.hpp"

namespace crosscheck::detail {

namespace {

// Digits: "10,000", "8.5", "91.4", "24th", "8.5bil"; a hyphen ends the number ("23-article").
word_number parse_digits(std::string_view w) {
  word_number n;
  std::size_t i = 0;
  double v = 0, scale = 0;
  std::size_t group = 0;  // digits since the last comma
  bool comma = false;
  for (; i < w.size(); ++i) {
    const char c = w[i];
    if (is_ascii_digit(c)) {
      if (scale > 0) {
        scale /= 10;
        v += (c - '0') * scale;
        ++n.decimals;
      } else {
        v = v * 10 + (c - '0');
        ++group;
      }
    } else if (c == ',' && scale == 0 && i + 1 < w.size() && is_ascii_digit(w[i + 1])) {
      if (comma ? group != 3 : (group == 0 || group > 3)) return {};
      comma = true;
      group = 0;
    } else if (c == '.' && scale == 0 && i + 1 < w.size() && is_ascii_digit(w[i + 1])) {
      scale = 1;
    } else {
      break;
    }
  }
  if (comma && group != 3) return {};  // "1,2": not a thousands separator
  n.grouped = comma;
  n.digits = true;
  n.value = v;
  if (i < w.size()) {
    if (w[i] == '-') {
      n.rest = w.substr(i + 1);
      if (n.rest.empty() || is_ascii_digit(n.rest.front())) return {};  // "3-1", "02-1234": scores, phones
    } else {
      const std::string_view tail = w.substr(i);
      for (char c : tail)
        if (is_ascii_digit(c) || c == '.' || c == ',' || c == ':' || c == '\'') return {};  // "2:46", "1.2.3"
      if ((tail == "st" || tail == "nd" || tail == "rd" || tail == "th") && n.decimals == 0 && !comma) {
        n.ordinal = true;
      } else {
        n.suffix = tail;
      }
    }
  }
  n.ok = true;
  return n;
}

// A number in words, its parts looked up by find(part, ordinal): the part's value (0 when it is
// no number word), `ordinal` set when it is an ordinal.
template <class Find>
word_number parse_words(std::string_view w, Find find, bool articles) {
  word_number n;
  // "twenty-four", "twenty-fourth", "nine-day": number parts, then anything else is the rest.
  std::size_t b = 0;
  double total = 0;
  int parts = 0;
  while (b <= w.size()) {
    std::size_t e = w.find('-', b);
    if (e == std::string_view::npos) e = w.size();
    const std::string_view part = w.substr(b, e - b);
    bool ordinal = false;
    const int v = find(part, ordinal);
    const bool is_article = part == "a" || part == "an";
    if (v == 0 || (is_article && (!articles || parts > 0 || e < w.size()))) {
      if (parts == 0) return {};
      n.rest = w.substr(b);
      break;
    }
    if (parts > 0 && !(total >= 20 && static_cast<int>(total) % 10 == 0 && v < 10)) return {};  // not "two-three"
    total += v;
    ++parts;
    n.ordinal = ordinal;
    if (ordinal || e == w.size()) {
      if (e < w.size()) n.rest = w.substr(e + 1);
      break;
    }
    b = e + 1;
  }
  n.ok = true;
  n.value = total;
  return n;
}

// Words of a phrase, as phrase_matcher::add splits it (at runs of spaces).
std::size_t word_count(std::string_view phrase) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < phrase.size(); ++i)
    if (phrase[i] != ' ' && (i == 0 || phrase[i - 1] == ' ')) ++n;
  return n;
}

}  // namespace

word_number parse_word_number(std::string_view w, const std::map<std::string, int, std::less<>>& cardinals,
                              const std::map<std::string, int, std::less<>>* ordinals, bool articles) {
  if (w.empty()) return {};
  if (is_ascii_digit(w.front())) return parse_digits(w);
  return parse_words(
      w,
      [&](std::string_view part, bool& ordinal) {
        if (const auto it = cardinals.find(part); it != cardinals.end()) return it->second;
        if (ordinals)
          if (const auto ot = ordinals->find(part); ot != ordinals->end()) {
            ordinal = true;
            return ot->second;
          }
        return 0;
      },
      articles);
}

number_words::number_words(const std::map<std::string, int, std::less<>>& cardinals,
                           const std::map<std::string, int, std::less<>>* ordinals) {
  for (const auto& [w, n] : cardinals) cardinals_.set(w, n);
  if (ordinals)
    for (const auto& [w, n] : *ordinals) ordinals_.set(w, n);
}

word_number parse_word_number(std::string_view w, const number_words& words, bool articles) {
  if (w.empty()) return {};
  if (is_ascii_digit(w.front())) return parse_digits(w);
  return parse_words(
      w,
      [&](std::string_view part, bool& ordinal) {
        if (const int* v = words.cardinal(part)) return *v;
        if (const int* v = words.ordinal(part)) {
          ordinal = true;
          return *v;
        }
        return 0;
      },
      articles);
}

number_reader::number_reader(const rule_set& rules)
    : rules_(rules), words_(rules.dates.numbers, &rules.numbers.ordinals) {
  const auto& d = rules.durations;
  auto hedges = [&](const std::vector<std::string>& words, number_bound b) {
    for (const auto& w : words) {
      hedges_.add(w, static_cast<int>(b));
      starters_.insert(w.substr(0, w.find(' ')));
      hedge_words_ = std::max(hedge_words_, word_count(w));
    }
  };
  hedges(d.about, number_bound::about);
  hedges(d.nearly, number_bound::nearly);
  hedges(d.over, number_bound::over);
  hedges(d.at_least, number_bound::at_least);
  hedges(d.under, number_bound::under);
  for (std::size_t v = 0; v < rules.numbers.vague.size(); ++v) {
    const auto& p = rules.numbers.vague[v].phrase;
    vague_.add(p, static_cast<int>(v));
    starters_.insert(p.substr(0, p.find(' ')));
    // The second word, as phrase_matcher::add splits the phrase (at runs of spaces).
    const auto first = p.find_first_not_of(' ');
    const auto gap = first == std::string::npos ? first : p.find(' ', first);
    const auto second = gap == std::string::npos ? gap : p.find_first_not_of(' ', gap);
    if (second == std::string::npos) {
      if (first != std::string::npos) vague_singles_.insert(std::string_view(p).substr(first, gap - first));
    } else {
      vague_seconds_.insert(std::string_view(p).substr(second, p.find(' ', second) - second));
    }
  }
  for (const auto& [w, n] : rules.dates.numbers)
    if (w != "a" && w != "an") {
      starters_.insert(w);
      cores_.insert(w);
    }
  for (const auto& [w, n] : rules.numbers.ordinals) {
    starters_.insert(w);
    cores_.insert(w);
  }
  for (const auto& [w, n] : rules.numbers.scales) scales_.set(w, n);
  bind_roles(rules.word_ids(), starters_, cores_, scales_, hedges_, vague_, vague_seconds_, vague_singles_);
  core_roles_ = cores_.role_mask() | vague_.start_roles();
  hedge_roles_ = hedges_.start_roles();
  for (const auto& v : rules.numbers.vague) {
    const auto first = v.phrase.find_first_not_of(' ');
    vague_digits_ = vague_digits_ || (first != std::string::npos && is_ascii_digit(v.phrase[first]));
  }
}

bool number_reader::hyphenated_core(const token& t) const noexcept {
  const std::string_view w = t.lower;
  const auto dash = w.find('-');
  return dash != std::string_view::npos && cores_.contains(w.substr(0, dash));
}

bool number_reader::hyphenated_starts(const token& t) const noexcept {
  const auto dash = t.lower.find('-');
  return dash != std::string::npos && starters_.contains(std::string_view(t.lower).substr(0, dash));
}

std::optional<number_reading> number_reader::read(token_span toks, std::size_t i) const {
  number_reading r;
  if (!read_into(toks, i, hedges_.longest_at(toks, i), r)) return std::nullopt;
  return r;
}

bool number_reader::read_into(token_span toks, std::size_t i, phrase_matcher::match h,
                              number_reading& r) const {
  r.first = i;
  std::size_t j = i;
  if (h.length) {
    r.bound = static_cast<number_bound>(h.payload);
    j = i + h.length;
  }
  if (j >= toks.size()) return false;
  r.number = j;
  const token& t = toks[j];
  // A vague phrase starts with a word: no digits' token starts one (unless one of them does).
  if (const auto v = t.has_digit && is_digit(t.lower.front()) && !vague_digits_ ? phrase_matcher::match{} : vague_at(toks, j);
      v.length) {
    const auto& e = rules_.numbers.vague[static_cast<std::size_t>(v.payload)];
    r.vague = true;
    r.words = true;
    r.value = e.min;
    r.vague_max = e.max;
    r.last = j + v.length;
    return true;
  }
  // A word that starts no number ("at the", "over the"): parse_word_number would find no
  // number in it either (its first part is no number word), only slower.
  if (j != i && !may_start(t)) return false;
  if (!t.has_hyphen && !is_digit(t.lower.front())) {
    // A word with no hyphen is one part, as parse_word_number reads it: a cardinal (not "a" or
    // "an") or an ordinal, found by the token's hash instead of hashing the word again.
    int v = 0;
    bool ordinal = false;
    if (const int* c = words_.cardinal(t)) {
      v = *c;
    } else if (const int* o = words_.ordinal(t)) {
      v = *o;
      ordinal = true;
    }
    if (v == 0 || t.lower == "a" || t.lower == "an") return false;
    r.word.ok = true;
    r.word.value = v;
    r.word.ordinal = ordinal;
  } else if (!t.has_hyphen && t.lower.size() <= 15 &&
             std::all_of(t.lower.begin(), t.lower.end(), [](char c) { return is_digit(c); })) {
    // Digits alone ("2024", "19", "200"), most numbers: what parse_digits() reads of them, an
    // exact whole number (fifteen digits or fewer), with nothing else to look at.
    std::uint64_t v = 0;
    for (const char c : t.lower) v = v * 10 + static_cast<std::uint64_t>(c - '0');
    r.word.ok = true;
    r.word.digits = true;
    r.word.value = static_cast<double>(v);
  } else {
    r.word = parse_word_number(t.lower, words_, false);
    if (!r.word.ok) return false;
  }
  r.words = !r.word.digits;
  r.ordinal = r.word.ordinal;
  r.decimals = r.word.decimals;
  r.value = r.word.value;
  r.last = j + 1;
  if (r.ordinal) return true;
  // "8.5bil", "1.5m": a scale glued to the digits.
  if (!r.word.suffix.empty()) {
    if (const double* s = scales_.find(r.word.suffix)) {
      r.value *= *s;
      r.word.suffix = {};
    }
  } else if (r.word.rest.empty() && j + 1 < toks.size()) {
    // "1.5 million", "three billion", "two hundred".
    if (const double* s = scales_.find(toks[j + 1]); s && toks[j + 1].lower.size() > 1) {
      r.value *= *s;
      r.last = j + 2;
    }
  }
  return true;
}

void number_reader::read_around(token_span toks, std::span<const std::size_t> cores,
                                std::vector<number_reading>& out) const {
  // As read_all: reads are tried left to right from the hedge-length window before each core
  // on, and a read takes its tokens from the next tries.
  out.clear();
  std::size_t i = 0;  // the first token not read yet
  for (const std::size_t c : cores) {
    if (c < i) continue;  // inside the number read before
    // A read from j before c has its number at the token after its hedge (at j with none), and
    // no token in [i, c) may hold one: only a hedge that reaches c can give a number. Most
    // words before a number start no hedge, or a shorter one ("at" in "at 3 p.m." is no hedge,
    // "over" in "over the 3 days" ends before the number), and are passed over without a read.
    bool read_c = false;
    for (std::size_t j = std::max(i, c > hedge_words_ ? c - hedge_words_ : 0); j < c; ++j) {
      // Only a hedge reaches c: a word that starts none (its role bits say so, bound) is passed
      // over on one test, where may_start() looked it up (a number word, "a": no hedge).
      if (!(toks[j].roles & hedge_roles_) || !may_start(toks[j])) continue;
      const auto h = hedges_.longest_at(toks, j);
      if (j + h.length < c) continue;
      // Read in place, at the end of `out`: no copy of the reading, which a read that fails
      // takes back.
      if (read_into(toks, j, h, out.emplace_back())) {
        i = out.back().last;  // past c: its number is at a core, c or after
        read_c = true;
        break;
      }
      out.pop_back();
    }
    // may_start(toks[c]): a token that may hold a number may start one.
    if (!read_c) {
      if (read_into(toks, c, hedges_.longest_at(toks, c), out.emplace_back())) i = out.back().last;
      else out.pop_back();
    }
    i = std::max(i, c + 1);
  }
}

std::vector<number_reading> number_reader::read_all(token_span toks, std::size_t from) const {
  std::vector<number_reading> out;
  read_all(toks, from, out);
  return out;
}

void number_reader::read_all(token_span toks, std::size_t from, std::vector<number_reading>& out) const {
  out.clear();
  // A read from token i succeeds only with its number at a token that may_hold(), at most
  // hedge_words_ tokens after i. So reads are tried only in the few tokens before each such
  // token, left to right as before: the numbers are those of a read tried at every token.
  const std::size_t n = toks.size();
  std::size_t core = next_core(toks, from);
  for (std::size_t i = from; i < n; ++i) {
    if (i > core) core = next_core(toks, i);
    if (core == n) return;
    if (i + hedge_words_ < core) i = core - hedge_words_;
    if (!may_start(toks[i])) continue;
    if (auto r = read(toks, i)) {
      i = r->last - 1;
      out.push_back(*r);
    }
  }
}

}  // namespace crosscheck::detail
