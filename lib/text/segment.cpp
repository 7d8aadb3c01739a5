// Paragraphs and sentences over document::normalized. See text.hpp for the rules.
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string_view>
#include <vector>

#include "crosscheck/text.hpp"
#include "text/bytes.hpp"
#include "text/fold.hpp"
#include "text/spans.hpp"

#ifdef CROSSCHECK_WIDE_SCANS
#include <immintrin.h>
#endif

namespace crosscheck {
namespace {

using detail::iequals;
using detail::is_ascii_digit;
using detail::is_ascii_lower;
using detail::is_ascii_upper;
using detail::is_space;

bool in_list(std::string_view w, const std::vector<std::string>& list) {
  if (w.empty()) return false;
  // The size and the first letter first: they rule out nearly every entry without a call.
  const char first = detail::ascii_lower(w[0]);
  for (const auto& x : list)
    if (x.size() == w.size() && detail::ascii_lower(x[0]) == first && iequals(w, x)) return true;
  return false;
}

// Where the text's line ends and terminals ('.', '!', '?') are: a bit per byte, bit k of word w
// for byte 64 w + k, made in one pass over the text. The paragraph loop and the sentence loop
// then find the next of either with a count of trailing zeros, where each call searched the
// text again from where it stood (a call per line and one per terminal cost more in set-up than
// in the search: lines are 60 to 100 bytes, and a paragraph's terminals a few dozen apart).
class text_marks {
 public:
  text_marks(std::string_view t, bool wide) {
    const std::size_t words = t.size() / 64 + 1;
    // Kept by the thread (a quarter of the longest text's size): no allocation once a document as
    // long was read.
    bits_.resize(2 * words);
    newlines_ = bits_.data();
    terminals_ = bits_.data() + words;
    const std::size_t whole = t.size() / 64;
#ifdef CROSSCHECK_WIDE_SCANS
    if (wide) mark_wide(t.data(), whole, newlines_, terminals_);
    else
#endif
      for (std::size_t w = 0; w < whole; ++w) mark(t.data() + 64 * w, newlines_[w], terminals_[w]);
    static_cast<void>(wide);
    // The last bytes, fewer than 64, through a block padded with zero bytes (which mark nothing).
    alignas(16) char last[64] = {};
    std::memcpy(last, t.data() + 64 * whole, t.size() - 64 * whole);
    mark(last, newlines_[whole], terminals_[whole]);
  }

  // The first line end at or after i, or `limit` when there is none before it.
  std::size_t next_newline(std::size_t i, std::size_t limit) const noexcept { return next(newlines_, i, limit); }
  // The first terminal at or after i, or `limit` when there is none before it.
  std::size_t next_terminal(std::size_t i, std::size_t limit) const noexcept { return next(terminals_, i, limit); }

 private:
  // Sixty-four bytes at p: sixteen at a time (text/bytes.hpp).
  static void mark(const char* p, std::uint64_t& newlines, std::uint64_t& terminals) noexcept {
    using detail::lane_bits;
    std::uint64_t n = 0, m = 0;
    for (int k = 0; k < 4; ++k) {
      const detail::bytes16 v = detail::load16(p + 16 * k);
      n |= std::uint64_t{lane_bits(v == '\n')} << (16 * k);
      m |= std::uint64_t{lane_bits((v == '.') | (v == '!') | (v == '?'))} << (16 * k);
    }
    newlines = n;
    terminals = m;
  }
#ifdef CROSSCHECK_WIDE_SCANS
  // mark() over `blocks` blocks of 64 bytes, thirty-two bytes a compare (AVX2).
  __attribute__((target("avx2"))) static void mark_wide(const char* p, std::size_t blocks, std::uint64_t* newlines,
                                                        std::uint64_t* terminals) noexcept {
    const __m256i newline = _mm256_set1_epi8('\n'), dot = _mm256_set1_epi8('.'), bang = _mm256_set1_epi8('!'),
                  question = _mm256_set1_epi8('?');
    for (std::size_t w = 0; w < blocks; ++w, p += 64) {
      const __m256i a = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
      const __m256i b = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32));
      const __m256i ends_a = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(a, dot), _mm256_cmpeq_epi8(a, bang)),
                                             _mm256_cmpeq_epi8(a, question));
      const __m256i ends_b = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(b, dot), _mm256_cmpeq_epi8(b, bang)),
                                             _mm256_cmpeq_epi8(b, question));
      newlines[w] = static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(a, newline))) |
                    std::uint64_t{static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(b, newline)))} << 32;
      terminals[w] = static_cast<std::uint32_t>(_mm256_movemask_epi8(ends_a)) |
                     std::uint64_t{static_cast<std::uint32_t>(_mm256_movemask_epi8(ends_b))} << 32;
    }
  }
#endif
  std::size_t next(const std::uint64_t* bits, std::size_t i, std::size_t limit) const noexcept {
    // i < limit <= the text's size: the words up to limit's are all in the map.
    std::size_t w = i / 64;
    const std::size_t last = (limit - 1) / 64;
    std::uint64_t m = bits[w] & (~std::uint64_t{0} << (i % 64));
    while (m == 0) {
      if (++w > last) return limit;
      m = bits[w];
    }
    return std::min(limit, 64 * w + static_cast<std::size_t>(std::countr_zero(m)));
  }

  static thread_local std::vector<std::uint64_t> bits_;
  std::uint64_t* newlines_;
  std::uint64_t* terminals_;
};
thread_local std::vector<std::uint64_t> text_marks::bits_;

// A list of abbreviations with the (size, first letter) pairs of its entries as bits: a word
// whose pair is in no entry is ruled out by one bit test, where the list was compared entry by
// entry at every period before a capital (80 entries for a sentence's last word). The bits are
// made when the document asks a fifth time (the continuations, 90 words, are seldom asked):
// making them reads every entry, about three entry-by-entry searches' worth, and a document of a
// paragraph or two asks once or twice (made at the first question, they were 3 % of
// BM_pipeline_short's instructions).
class word_list {
 public:
  explicit word_list(const std::vector<std::string>& words) noexcept : words_(words) {}
  bool contains(std::string_view w) {
    if (w.empty()) return false;
    if (!built_) {
      if (++asked_ <= searches_before_bits) return in_list(w, words_);
      for (const auto& x : words_)
        if (!x.empty()) by_size_[bucket(x.size())] |= bit(x[0]);
      built_ = true;
    }
    return (by_size_[bucket(w.size())] & bit(w[0])) != 0 && in_list(w, words_);
  }

 private:
  static std::size_t bucket(std::size_t size) noexcept { return size < 15 ? size : 15; }
  static std::uint32_t bit(char c) noexcept {
    c = detail::ascii_lower(c);
    return c >= 'a' && c <= 'z' ? std::uint32_t{1} << (c - 'a') : std::uint32_t{1} << 26;  // 26: not a letter
  }
  static constexpr unsigned searches_before_bits = 4;
  const std::vector<std::string>& words_;
  std::array<std::uint32_t, 16> by_size_{};
  unsigned asked_ = 0;
  bool built_ = false;
};

struct splitter {
  std::string_view t;  // normalized text
  word_list never_final, maybe_final, continuations;

  // The word just before position `dot` (exclusive), without leading quotes or brackets.
  std::string_view word_before(std::size_t begin, std::size_t dot) const {
    std::size_t k = dot;
    while (k > begin && !is_space(t[k - 1])) --k;
    std::string_view w = t.substr(k, dot - k);
    while (!w.empty() && (w.front() == '"' || w.front() == '\'' || w.front() == '(' || w.front() == '['))
      w.remove_prefix(1);
    return w;
  }

  std::string_view word_at(std::size_t k, std::size_t end) const {
    std::size_t e = k;
    while (e < end && !is_space(t[e]) && t[e] != ',' && t[e] != '.' && t[e] != ';' && t[e] != ':') ++e;
    return t.substr(k, e - k);
  }

  // Does the terminal punctuation run [p, q) (then a closing quote or bracket when `closed`, then a
  // space) end a sentence, given that the next sentence would start at `next`?
  bool ends_sentence(std::size_t begin, std::size_t p, std::size_t q, bool closed, std::size_t next,
                     std::size_t end) {
    const char n = t[next];
    const bool opener = is_ascii_upper(n) || is_ascii_digit(n) || n == '"' || n == '\'' || n == '(' || n == '[' ||
                        (static_cast<unsigned char>(n) & 0x80) != 0;
    if (!opener) return false;
    // Only a lone period can belong to an abbreviation; "?", "!", "..." and ".\"" end sentences.
    if (closed || q - p != 1 || t[p] != '.') return true;
    const std::string_view w = word_before(begin, p);
    if (w.empty()) return true;
    if (w.size() == 1 && is_ascii_upper(w[0])) return false;  // an initial: "J. R. Smith"
    if (never_final.contains(w)) return false;
    if (maybe_final.contains(w) || maybe_final.contains(glued_to_digits(w))) {
      if (is_ascii_digit(n) || n == '(') return false;  // "Jan. 5", "2:46 a.m. (17:46 GMT)"
      return !continuations.contains(word_at(next, end));
    }
    return true;
  }

  // What follows the digits of a word that starts with some: "2:40a.m" -> "a.m"; else "".
  static std::string_view glued_to_digits(std::string_view w) {
    std::size_t k = 0;
    while (k < w.size() && (is_ascii_digit(w[k]) || w[k] == ':' || w[k] == '.')) ++k;
    return k > 0 && k < w.size() && is_ascii_digit(w[0]) ? w.substr(k) : std::string_view();
  }
};

}  // namespace

void segment(document& doc, const segmentation_vocabulary& vocab) {
  doc.paragraphs.clear();
  doc.sentences.clear();
  const std::string_view t = doc.normalized;
  splitter sp{t, word_list(vocab.never_final), word_list(vocab.maybe_final), word_list(vocab.continuations)};
  const text_marks marks(t, detail::wide_scans());

  // 1. Paragraphs: one per line; a line starting in lower case continues the line before it.
  // Their spans are normalized ones until step 4 maps them to the original text.
  std::vector<paragraph>& paras = doc.paragraphs;
  // News text has a line every 60 to 100 bytes: reserved once for one every 64, where growing
  // from one reallocated and moved them six or seven times a document.
  paras.reserve(t.size() / 64 + 1);
  std::size_t i = 0;
  bool previous_line_open = false;  // the line just before was non-empty
  while (i < t.size()) {
    const std::size_t e = marks.next_newline(i, t.size());
    std::size_t b = i, f = e;
    while (b < f && is_space(t[b])) ++b;
    while (f > b && is_space(t[f - 1])) --f;
    if (b == f) {
      previous_line_open = false;
    } else {
      if (previous_line_open && is_ascii_lower(t[b]) && !paras.empty()) {
        paras.back().span.end = f;
      } else {
        paras.push_back({{b, f}, std::nullopt});
      }
      previous_line_open = true;
    }
    i = e + 1;
  }

  // 2. Repeated paragraphs (a caption shown twice): same normalized text, 20 bytes or more.
  // The first paragraph of each text, by a key made of the text's size and its first and last
  // eight bytes (two paragraphs of the same text have the same key; the texts are compared when
  // two keys meet): an open-addressing table in one vector. Hashing every paragraph's whole text
  // read the document once more.
  constexpr std::size_t min_repeat = 20, none = static_cast<std::size_t>(-1);
  static_assert(min_repeat >= 8);
  std::size_t slots = 16;
  while (slots < 2 * paras.size()) slots *= 2;
  // On the stack for up to 128 paragraphs (news pages have 20 to 80), where a vector made an
  // allocation and a free per document.
  constexpr std::size_t stack_slots = 256;
  std::array<std::size_t, stack_slots> on_stack;
  std::vector<std::size_t> on_heap;
  std::size_t* const first_with = slots <= stack_slots ? on_stack.data() : (on_heap.resize(slots), on_heap.data());
  std::fill_n(first_with, slots, none);
  for (std::size_t k = 0; k < paras.size(); ++k) {
    const std::string_view body = t.substr(paras[k].span.begin, paras[k].span.size());
    if (body.size() < min_repeat) continue;
    std::uint64_t head, tail;
    std::memcpy(&head, body.data(), 8);
    std::memcpy(&tail, body.data() + body.size() - 8, 8);
    std::uint64_t key = (head ^ (tail * 0x9E3779B97F4A7C15ull) ^ body.size()) * 0xFF51AFD7ED558CCDull;
    key ^= key >> 29;
    for (std::size_t at = static_cast<std::size_t>(key) & (slots - 1);; at = (at + 1) & (slots - 1)) {
      if (first_with[at] == none) {
        first_with[at] = k;
        break;
      }
      const text_span earlier = paras[first_with[at]].span;
      if (t.substr(earlier.begin, earlier.size()) == body) {
        paras[k].repeat_of = first_with[at];
        break;
      }
    }
  }

  // 3. Sentences inside each paragraph. Most documents have fewer than one a line plus one per
  // hundred bytes: reserved once, where growing from one reallocated and moved them seven times.
  doc.sentences.reserve(paras.size() + t.size() / 100);
  for (std::size_t k = 0; k < paras.size(); ++k) {
    const std::size_t pb = paras[k].span.begin, pe = paras[k].span.end;
    std::size_t s = pb;
    auto emit = [&](std::size_t from, std::size_t to) {
      while (from < to && is_space(t[from])) ++from;
      while (to > from && is_space(t[to - 1])) --to;
      while (from < to) {
        // A sentence longer than max_sentence_bytes (a page with no punctuation) is cut at the
        // last space before the limit, so evidence stays bounded.
        std::size_t cut = to;
        if (to - from > max_sentence_bytes) {
          cut = from + max_sentence_bytes;
          // Only [from, cut] is searched: a search back to the start of the text made a long run
          // with no space quadratic (10 MB: 6.5 s; found by the adversarial tests).
          const std::size_t space = t.substr(from, cut - from + 1).rfind(' ');
          if (space != std::string_view::npos && space > 0) cut = from + space;
          else
            while (cut > from + 1 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
        }
        sentence sen;
        sen.normalized = {from, cut};
        sen.span = detail::original_span(doc, sen.normalized);
        sen.paragraph = k;
        doc.sentences.push_back(sen);
        from = cut;
        while (from < to && is_space(t[from])) ++from;
      }
    };
    std::size_t j = pb;
    while (j < pe) {
      j = marks.next_terminal(j, pe);
      if (j == pe) break;
      std::size_t q = j;
      while (q < pe && (t[q] == '.' || t[q] == '!' || t[q] == '?')) ++q;
      const std::size_t punct_end = q;
      while (q < pe && (t[q] == '"' || t[q] == '\'' || t[q] == ')' || t[q] == ']')) ++q;
      if (q >= pe) break;
      if (!is_space(t[q])) {  // "91.4", "U.S.-backed", "a.m.,"
        j = q;
        continue;
      }
      std::size_t next = q;
      while (next < pe && is_space(t[next])) ++next;
      if (next < pe && sp.ends_sentence(s, j, punct_end, q > punct_end, next, pe)) {
        emit(s, q);
        s = next;
      }
      j = next;
    }
    emit(s, pe);
  }

  // 4. The paragraphs' spans into the original text.
  for (paragraph& p : paras) p.span = detail::original_span(doc, p.span);
}

void prepare(document& doc, const rule_set& rules) {
  normalize(doc);
  segment(doc, rules.segmentation);
}

}  // namespace crosscheck
