#include "extract/lexical.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <limits>
#include <stdexcept>

#include "crosscheck/rules.hpp"
#include "text/bytes.hpp"
#include "text/fold.hpp"

namespace crosscheck::detail {

namespace {

// What a byte of the lower-cased copy can be in a token, looked up once per byte.
enum byte_class : unsigned char {
  word_byte = 1,     // a letter, a digit or a byte of a multi-byte UTF-8 sequence
  joiner = 2,        // ' - . inside a word: "Putin's", "Jong-un", "a.m", "14.20"
  digit_joiner = 4,  // : , between digits only: "2:46", "10,000"
  digit = 8,         // with word_byte: an ASCII digit
  hyphen = 16,       // with joiner: '-'
  plain = 32,        // with word_byte: a (lower-cased) letter or a non-ASCII byte: hashed, and nothing else
};

constexpr std::array<unsigned char, 256> byte_classes = [] {
  std::array<unsigned char, 256> classes{};
  for (int b = 0; b < 256; ++b)
    if (is_word_byte(static_cast<char>(b))) classes[static_cast<std::size_t>(b)] = word_byte | plain;
  for (char d = '0'; d <= '9'; ++d) classes[static_cast<std::size_t>(d)] = word_byte | digit;
  // Never met in the lower-cased copy, which the tokens are read from.
  for (char u = 'A'; u <= 'Z'; ++u) classes[static_cast<std::size_t>(u)] = 0;
  classes['\''] = classes['.'] = joiner;
  classes['-'] = joiner | hyphen;
  classes[':'] = classes[','] = digit_joiner;
  return classes;
}();
static_assert(byte_classes[0] == 0, "the byte after a stretch (tokenize's end mark) ends a word");

// Token offsets are 32-bit, and a token's end + 1 must not wrap.
void check_offsets(std::size_t end) {
  if (end >= std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("crosscheck: a text of 4 GiB or more cannot be tokenized (token offsets are 32-bit)");
}

// ASCII capitals to lower case, every other byte as it is: src[0, n) into dst[0, n). Sixteen
// bytes at a time (a compare, a mask and an add per block), the last block overlapping the one
// before instead of a byte loop for the rest: the compiler's own vectorized loop ended each
// sentence with up to fifteen bytes one by one.
void lower_ascii(const char* src, std::size_t n, char* dst) noexcept {
  if (n < 16) {
    for (std::size_t k = 0; k < n; ++k) dst[k] = ascii_lower(src[k]);
    return;
  }
  auto block = [&](std::size_t k) {
    bytes16 v = load16(src + k);
    // Signed lanes: bytes 0x80 and up are negative, never between 'A' and 'Z'.
    v += ((v >= 'A') & (v <= 'Z')) & ('a' - 'A');
    std::memcpy(dst + k, &v, sizeof v);
  };
  std::size_t k = 0;
  for (; k + 16 <= n; k += 16) block(k);
  if (k < n) block(n - 16);  // rewrites a few bytes with the same values
}

// How many of the 16 bytes at p, from the first, are plain (byte_classes): lower-case ASCII
// letters and bytes 0x80 and up, compared sixteen at a time.
[[gnu::always_inline]] inline unsigned plain_run(const unsigned char* p) noexcept {
  const bytes16 v = load16(reinterpret_cast<const char*>(p));
  // Signed lanes: bytes 0x80 and up are the negative ones.
  const bytes16 is_plain = ((v >= 'a') & (v <= 'z')) | (v < 0);
  return static_cast<unsigned>(std::countr_one(lane_bits(is_plain)));
}

// Puts a 0 byte (class 0: no word byte, no joiner) at p for as long as it lives, and the byte
// that was there back afterwards: tokenize's loops then stop at the stretch's end without testing
// the offset at every byte. The byte put back may be another sentence's, lowered already.
class end_mark {
 public:
  explicit end_mark(char* p) noexcept : p_(p), kept_(*p) { *p = '\0'; }
  ~end_mark() { *p_ = kept_; }
  end_mark(const end_mark&) = delete;
  end_mark& operator=(const end_mark&) = delete;

 private:
  char* p_;
  char kept_;
};

}  // namespace

namespace {

// What tokenize() ORs over a stretch's tokens, for its summary.
struct seen_in_stretch {
  std::uint64_t roles = 0;                  // of tokens without a possessive ending (stem_roles == roles)
  std::uint64_t possessive_roles = 0;       // of those with one
  std::uint64_t possessive_stem_roles = 0;  // their stem_roles
  unsigned classes = 0;                     // the byte classes of words read byte by byte
};

// A word that is not a plain run ending the word (it holds a digit or a joiner, or runs for more
// than 16 bytes): read byte by byte from b, its token written whole. Returns where it ends. Out of
// line, so that tokenize()'s loop over plain words keeps its values in registers.
[[gnu::noinline]] std::size_t read_word(const unsigned char* low, std::size_t b, bool capital, token* tok,
                                        const word_index* index, seen_in_stretch& seen_all) {
  std::size_t i = b;
  unsigned seen = 0;  // the classes of the word's bytes that are not plain, together
  for (;;) {
    unsigned c = byte_classes[low[i]];
    while (c & plain) c = byte_classes[low[++i]];  // the end mark (class 0) stops it at the stretch's end
    if (c & word_byte) {  // a digit
      seen |= c;
      ++i;
      continue;
    }
    // A joiner stays inside the word when a word byte follows it (the end mark does not);
    // ',' and ':' only between digits.
    if (!c || !(byte_classes[low[i + 1]] & word_byte)) break;
    if ((c & digit_joiner) && !(byte_classes[low[i - 1]] & byte_classes[low[i + 1]] & digit)) break;
    seen |= c;
    ++i;
  }
  const std::size_t e = i;  // the word's end
  const std::string_view lower(reinterpret_cast<const char*>(low) + b, e - b);
  const std::uint64_t h = word_hash(lower);
  tok->begin = static_cast<std::uint32_t>(b);
  tok->end = static_cast<std::uint32_t>(e);
  tok->lower = lower;
  tok->hash = h;
  tok->has_digit = seen & digit;
  tok->has_hyphen = seen & hyphen;
  tok->capitalized = capital;
  seen_all.classes |= seen;
  // Only a word with a joiner can end in "'s" and have a stem of its own to hash.
  bool possessive = false;
  std::uint64_t stem_hash = h;
  if (seen & joiner) {
    const std::string_view stem = possessive_stem(lower);
    if (stem.size() != lower.size()) {
      possessive = true;
      stem_hash = word_hash(stem);
    }
  }
  tok->possessive = possessive;
  // The word's id and roles: one lookup (two for a possessive, whose stem has roles of its own).
  if (index) {
    const word_index::entry* entry = index->find(lower, h);
    const std::uint32_t id = entry ? entry->id : 0u;
    const std::uint64_t roles = entry ? entry->roles : any_role;
    tok->id = id;
    tok->roles = roles;
    if (possessive) {
      const word_index::entry* se = index->find(tok->stem(), stem_hash);
      tok->stem_id = se ? se->id : 0u;
      tok->stem_roles = se ? se->roles : any_role;
      seen_all.possessive_roles |= roles;
      seen_all.possessive_stem_roles |= tok->stem_roles;
    } else {
      tok->stem_id = id;
      tok->stem_roles = roles;
      seen_all.roles |= roles;
    }
  } else {
    tok->id = tok->stem_id = 0;
    tok->roles = tok->stem_roles = all_roles;
    seen_all.roles = all_roles;
  }
  return e;
}

// Makes room for more tokens in `out` after its first n (which are kept): about as many as the
// bytes left hold (a token and its gap are six bytes on average), 16 at most. Out of line, for
// the same reason as read_word; met in steady state too, since a document's pooled vectors
// change size from document to document.
[[gnu::noinline]] token* grow_tokens(std::vector<token>& out, std::size_t n, std::size_t bytes_left) {
  out.resize(n + std::min<std::size_t>(16, bytes_left / 6 + 1));
  return out.data() + n;
}

}  // namespace

std::size_t tokenize_at(std::string_view t, std::size_t begin, std::size_t end, char* lowered, std::vector<token>& out,
                        std::size_t from, const word_index* index, token_summary* summary) {
  check_offsets(end);
  if (begin >= end) {
    if (summary) *summary = {};
    return from;
  }
  // The whole stretch lower-cased first; the tokens point into the copy, and it is what is read
  // and hashed below (a capital and its lower case are one word byte).
  lower_ascii(t.data() + begin, end - begin, lowered);
  const end_mark mark(lowered + (end - begin));
  const auto* const low = reinterpret_cast<const unsigned char*>(lowered) - begin;  // low[k]: text[k] lowered
  const auto* const text = reinterpret_cast<const unsigned char*>(t.data());
  // The word index's table for plain words, taken once for the stretch (short_table).
  const word_index::short_table table = index ? index->short_words() : word_index::short_table();
  seen_in_stretch seen;
  std::uint64_t roles_seen = 0;  // of the plain words: in a register, added to seen's at the end
  bool capital_seen = false;
  // Tokens are written over out's from `from` on, left from an earlier sentence or document; when
  // they run out, out grows (grow_tokens).
  if (from > out.size()) throw std::invalid_argument("crosscheck: tokenize_at: tokens start past the vector's end");
  token* tok = out.data() + from;
  token* room = out.data() + out.size();
  const unsigned char* p = low + begin;  // a byte known to be no word byte (where the last word stopped), or any
  const unsigned char* const stop = low + end;
  for (;; ++tok) {
    while (!(byte_classes[*p] & word_byte))
      if (++p >= stop) goto done;  // (the end mark is no word byte: a word stops at stop)
    if (p >= stop) goto done;  // a word ended at stop: p is past the end mark
    if (tok == room) {
      const auto n = static_cast<std::size_t>(tok - out.data());
      tok = grow_tokens(out, n, static_cast<std::size_t>(stop - p));
      room = out.data() + out.size();
    }
    // ASCII upper case (the one byte lowering changes), or a Latin-1 capital such as "Ö"
    // (U+00C0..U+00DE but the sign U+00D7). The byte after the lead is read from the copy,
    // where the end mark reads as no capital.
    const unsigned char c0 = *p;
    bool capital = text[p - low] != c0;
    if (c0 == 0xC3) [[unlikely]] {
      const unsigned c1 = p[1];
      capital = c1 >= 0x80 && c1 <= 0x9E && c1 != 0x97;
    }
    capital_seen |= capital;
    // Most words are a run of at most 16 plain bytes that ends the word: found with one compare
    // of the 16 bytes from the word's first (the caller gives lowered_padding readable bytes past
    // the stretch: no word is too near its end for it), and hashed from two 8-byte loads of the
    // same bytes, the bytes past the word masked off (word_hash's chunks, little-endian). Such a
    // word has no digit, hyphen or possessive ending, so that its stem is itself: its token is
    // written here, whole.
    const unsigned run = plain_run(p);
    const unsigned char* const e = p + run;
    const unsigned c = byte_classes[*e];
    // The word goes on past e when a digit, or a joiner with a word byte after it, follows (the
    // end mark at stop is class 0; a run of 16 may be followed by a plain byte, a word byte).
    if (c && ((c & word_byte) || (byte_classes[e[1]] & word_byte))) [[unlikely]] {
      p = low + read_word(low, static_cast<std::size_t>(p - low), capital, tok, index, seen);
      continue;
    }
    using namespace lexical_detail;
    const char* const w = reinterpret_cast<const char*>(p);
    std::uint64_t low8 = load8_le(w), high8 = 0, h;
    if (run <= 8) {
      low8 &= ~std::uint64_t{0} >> (64 - 8 * run);
      h = hash_step(hash_seed, low8);
    } else {
      high8 = load8_le(w + 8) & (~std::uint64_t{0} >> (128 - 8 * run));
      h = hash_step(hash_step(hash_seed, low8), high8);
    }
    h = hash_finish(h) ^ run;
    std::uint32_t id = 0;
    std::uint64_t roles = all_roles;
    if (index) {
      const word_index::entry* entry = table.find(h, run, low8, high8);
      id = entry ? entry->id : 0u;
      roles = entry ? entry->roles : any_role;
    }
    roles_seen |= roles;
    tok->begin = static_cast<std::uint32_t>(p - low);
    tok->end = static_cast<std::uint32_t>(e - low);
    tok->lower = std::string_view(w, run);
    tok->hash = h;
    tok->roles = roles;
    tok->stem_roles = roles;
    tok->id = id;
    tok->stem_id = id;
    tok->capitalized = capital;
    tok->has_digit = false;
    tok->has_hyphen = false;
    tok->possessive = false;
    // Byte e, no word byte, is the gap's first: the next word is looked for after it.
    p = e + 1;
  }
done:
  if (summary) {
    seen.roles |= roles_seen;
    summary->roles = seen.roles | seen.possessive_roles;
    summary->stem_roles = seen.roles | seen.possessive_stem_roles;
    summary->any_capitalized = capital_seen;
    summary->any_digit = seen.classes & digit;
    summary->any_hyphen = seen.classes & hyphen;
    summary->any_joiner = seen.classes & (joiner | digit_joiner);
  }
  return static_cast<std::size_t>(tok - out.data());
}

void tokenize(std::string_view t, std::size_t begin, std::size_t end, char* lowered, std::vector<token>& out,
              const word_index* index, token_summary* summary) {
  out.resize(tokenize_at(t, begin, end, lowered, out, 0, index, summary));
}

void tokenize(std::string_view t, std::size_t begin, std::size_t end, token_list& out, const word_index* index) {
  check_offsets(end);  // before the copy is sized
  const std::size_t size = end > begin ? end - begin : 0;
  if (size + lowered_padding > out.capacity_) {  // room for tokenize's end mark and its reads past it
    out.tokens_.clear();  // no view into the old copy outlives it
    out.lowered_ = std::make_unique<char[]>(size + lowered_padding);  // zeroed: no read of an undefined byte
    out.capacity_ = size + lowered_padding;
  }
  tokenize(t, begin, end, out.lowered_.get(), out.tokens_, index, &out.summary_);
}

token_list tokenize(std::string_view t, std::size_t begin, std::size_t end, const word_index* index) {
  check_offsets(end);  // before the vector is sized
  token_list out;
  out.tokens_.reserve(end > begin ? (end - begin) / 5 + 1 : 0);
  tokenize(t, begin, end, out, index);
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
  forward_ids_.clear();  // a phrase added after word_index::bind(): the walk goes by words again
  backward_ids_.clear();
  insert(forward_, words, false, payload);
  insert(backward_, words, true, payload);
}

phrase_matcher::id_table phrase_matcher::edges_by_id(const trie& t, const word_index& index) {
  std::vector<id_edge> edges;
  bool known = true;
  for (std::size_t at = 0; at < t.size() && known; ++at)
    t[at].next.for_each([&](const std::string& w, std::uint32_t child) {
      if (!known || !word_index::is_token_word(w)) return;  // a word no token can be: no edge
      const word_index::entry* e = index.find(w, word_hash(w));
      if (!e) {
        known = false;
        return;
      }
      edges.push_back({(static_cast<std::uint64_t>(at + 1) << 32) | e->id, child, t[child].payload, t[child].ends});
    });
  if (!known) return {};
  std::size_t n = 2;
  while (n < 2 * edges.size()) n *= 2;
  id_table table(n);
  for (const id_edge& e : edges) {
    std::size_t k = (e.key * 0x9E3779B97F4A7C15ull) >> 40 & (n - 1);
    while (table[k].key) k = (k + 1) & (n - 1);
    table[k] = e;
  }
  return table;
}

// The walk by word ids (see id_edge). Inlined into longest_from and longest_to, one copy per
// direction (no test of the direction per step, no call: the walk is two or three probes, and the
// call and the direction's selects cost as much again).
template <bool Backward>
[[gnu::always_inline]] inline phrase_matcher::match phrase_matcher::walk_by_id(const id_table& ids, const token* tok,
                                                                               std::size_t count) noexcept {
  match best;
  std::uint32_t at = 0;
  for (std::size_t walked = 0; walked < count; ++walked) {
    if (!tok->id) break;  // see edge()
    const id_edge* e = edge(ids, at, *tok);
    if (!e) break;
    at = e->child;
    if (e->ends) best = {walked + 1, e->payload};
    if constexpr (Backward) --tok;
    else ++tok;
  }
  return best;
}

namespace {

// The walk by words, for a matcher not bound to the tokens' index: each node's word_map. Out of
// line, so that longest_from and longest_to, which mostly walk by id, save no registers for it.
template <class Trie>
[[gnu::noinline]] phrase_matcher::match walk_by_words(const Trie& t, token_span toks, std::size_t i,
                                                      bool backward) {
  phrase_matcher::match best;
  std::uint32_t at = 0;
  const std::size_t count = backward ? i : toks.size() - i;
  for (std::size_t walked = 0; walked < count; ++walked) {
    const std::uint32_t* n = t[at].next.find(backward ? toks[i - 1 - walked] : toks[i + walked]);
    if (!n) break;
    at = *n;
    if (t[at].ends) best = {walked + 1, t[at].payload};
  }
  return best;
}

}  // namespace

phrase_matcher::match phrase_matcher::longest_from(token_span toks, std::size_t i) const {
  // Tokens read with the index the matcher is bound to go by word id; the first token tells.
  if (!forward_ids_.empty() && toks[i].roles != all_roles)
    return walk_by_id<false>(forward_ids_, toks.data() + i, toks.size() - i);
  return walk_by_words(forward_, toks, i, false);
}

phrase_matcher::match phrase_matcher::longest_to(token_span toks, std::size_t i) const {
  if (!backward_ids_.empty() && toks[i - 1].roles != all_roles)
    return walk_by_id<true>(backward_ids_, toks.data() + (i - 1), i);
  return walk_by_words(backward_, toks, i, true);
}

bool word_index::is_token_word(std::string_view w) {
  if (w.empty() || w != lower(w)) return false;
  const auto toks = tokenize(w, 0, w.size());
  return toks.size() == 1 && toks[0].begin == 0 && toks[0].end == w.size();
}

namespace {

// How a role takes its words from a list of (possibly several-word) entries.
enum class role_words : unsigned char {
  first,   // each entry's first word: the words a phrase of the list starts with
  last,    // each entry's last word: the words a phrase of the list ends with
  single,  // the entries of one word, whole
  every,   // every word of every entry
};

struct role_def {
  role_words how;
  std::vector<std::string> (*entries)(const rule_set&);
};

template <class Range>
void append(std::vector<std::string>& out, const Range& words) {
  out.insert(out.end(), words.begin(), words.end());
}

std::vector<std::string> titles(const rule_set& r) {
  std::vector<std::string> out;
  for (const auto& role : r.people.roles) append(out, role.titles);
  return out;
}
// Organisation words, and their possessives ("the EU's"), as the person extractor lists them.
std::vector<std::string> organisations(const rule_set& r) {
  std::vector<std::string> out;
  for (const auto& o : r.people.organisations)
    for (const auto& w : o.words) {
      out.push_back(w);
      if (w.size() < 2 || w.compare(w.size() - 2, 2, "'s") != 0) out.push_back(w + "'s");
    }
  return out;
}
std::vector<std::string> meridiems(const rule_set& r) {
  std::vector<std::string> out = r.meridiem_am;
  append(out, r.meridiem_pm);
  return out;
}
std::vector<std::string> month_names(const rule_set& r) {
  std::vector<std::string> out;
  for (const auto& m : r.dates.months) append(out, m.names);
  return out;
}
std::vector<std::string> weekday_names(const rule_set& r) {
  std::vector<std::string> out;
  for (const auto& m : r.dates.weekdays) append(out, m.names);
  return out;
}
std::vector<std::string> month_abbreviations(const rule_set& r) {
  std::vector<std::string> out;
  for (const auto& m : r.dates.months) append(out, m.abbreviations);
  return out;
}
std::vector<std::string> weekday_abbreviations(const rule_set& r) {
  std::vector<std::string> out;
  for (const auto& m : r.dates.weekdays) append(out, m.abbreviations);
  return out;
}
std::vector<std::string> event_words(const rule_set& r) {  // triggers and nouns
  std::vector<std::string> out;
  for (const auto& e : r.events) {
    append(out, e.triggers);
    append(out, e.nouns);
  }
  return out;
}
// Place names and aliases, and their possessives ("Pyongyang's"), as the event scan lists them.
std::vector<std::string> places(const rule_set& r) {
  std::vector<std::string> out;
  for (const auto& p : r.places) {
    out.push_back(p.name);
    out.push_back(p.name + "'s");
    for (const auto& a : p.aliases) {
      out.push_back(a);
      out.push_back(a + "'s");
    }
  }
  return out;
}
std::vector<std::string> zones(const rule_set& r) {
  std::vector<std::string> out;
  for (const auto& z : r.zones) out.push_back(z.name);
  return out;
}
std::vector<std::string> modality_cues(const rule_set& r) {
  const auto& m = r.modality_cues;
  std::vector<std::string> out = m.scheduled;
  for (const auto* l : {&m.planned, &m.expected, &m.denied}) append(out, *l);
  return out;
}
std::vector<std::string> plan_cues(const rule_set& r) {  // the date reader's plan words: not "denied"
  const auto& m = r.modality_cues;
  std::vector<std::string> out = m.scheduled;
  for (const auto* l : {&m.planned, &m.expected}) append(out, *l);
  return out;
}
std::vector<std::string> date_units(const rule_set& r) {
  const auto& d = r.dates;
  std::vector<std::string> out = d.day_units;
  for (const auto* l : {&d.month_units, &d.year_units}) append(out, *l);
  return out;
}
std::vector<std::string> relative_dates(const rule_set& r) {
  std::vector<std::string> out;
  for (const auto& e : r.dates.relative) out.push_back(e.phrase);
  return out;
}
std::vector<std::string> date_anchors(const rule_set& r) {  // "last", "next", "this"
  const auto& d = r.dates;
  std::vector<std::string> out = d.last_words;
  for (const auto* l : {&d.next_words, &d.this_words}) append(out, *l);
  return out;
}
// The date reader's other cue words ("in", "since", "ago", "people"...).
std::vector<std::string> date_cues(const rule_set& r) {
  const auto& d = r.dates;
  std::vector<std::string> out = d.year_after;
  for (const auto* l : {&d.month_after, &d.past_after, &d.ordinal_after, &d.noun_year_after, &d.count_nouns,
                        &d.not_plural, &d.ago})
    append(out, *l);
  return out;
}
std::vector<std::string> cardinals(const rule_set& r) {
  std::vector<std::string> out;
  for (const auto& [w, n] : r.dates.numbers) out.push_back(w);
  return out;
}
std::vector<std::string> cardinals_but_articles(const rule_set& r) {  // the number reader's: not "a", "an"
  std::vector<std::string> out;
  for (const auto& [w, n] : r.dates.numbers)
    if (w != "a" && w != "an") out.push_back(w);
  return out;
}
std::vector<std::string> ordinals(const rule_set& r) {
  std::vector<std::string> out;
  for (const auto& [w, n] : r.numbers.ordinals) out.push_back(w);
  return out;
}
std::vector<std::string> number_hedges(const rule_set& r) {  // "about", "nearly", "over", "at least", "under"
  const auto& d = r.durations;
  std::vector<std::string> out = d.about;
  for (const auto* l : {&d.nearly, &d.over, &d.at_least, &d.under}) append(out, *l);
  return out;
}
std::vector<std::string> vague_counts(const rule_set& r) {
  std::vector<std::string> out;
  for (const auto& v : r.numbers.vague) out.push_back(v.phrase);
  return out;
}
std::vector<std::string> vague_lengths(const rule_set& r) {
  std::vector<std::string> out;
  for (const auto& v : r.durations.vague_numbers) out.push_back(v.phrase);
  return out;
}
std::vector<std::string> duration_units(const rule_set& r) {
  std::vector<std::string> out;
  for (const auto& u : r.durations.units) append(out, u.words);
  return out;
}
std::vector<std::string> vague_times(const rule_set& r) {
  std::vector<std::string> out;
  for (const auto& v : r.vague_times) out.push_back(v.phrase);
  return out;
}
std::vector<std::string> time_hedges(const rule_set& r) {
  const auto& h = r.time_hedges;
  std::vector<std::string> out = h.after;
  for (const auto* l : {&h.before, &h.about}) append(out, *l);
  return out;
}
std::vector<std::string> document_kinds(const rule_set& r) {
  std::vector<std::string> out;
  for (const auto& k : r.documents.kinds) append(out, k.words);
  return out;
}
std::vector<std::string> provisions(const rule_set& r) {
  std::vector<std::string> out;
  for (const auto& p : r.documents.provisions) append(out, p.phrases);
  return out;
}

// The roles, one bit each (at most 63: bit 63 is any_role). A list used by a word_map or phrase
// matcher that no role covers still works; it only keeps its Bloom test.
const role_def role_defs[] = {
    {role_words::first, titles},
    {role_words::single, titles},
    {role_words::first, organisations},
    {role_words::last, organisations},
    {role_words::first, [](const rule_set& r) { return r.people.delegation_cues; }},
    {role_words::first, [](const rule_set& r) { return r.people.partial_cues; }},
    {role_words::single, [](const rule_set& r) { return r.people.apposition_fillers; }},
    {role_words::single, [](const rule_set& r) { return r.people.deputy_words; }},
    {role_words::single, [](const rule_set& r) {  // "former", "late"; not the prefixes ("ex-")
       std::vector<std::string> out;
       for (const auto& c : r.people.former_cues)
         if (c.empty() || c.back() != '-') out.push_back(c);
       return out;
     }},
    {role_words::single, [](const rule_set& r) { return r.english.auxiliaries; }},
    {role_words::single, [](const rule_set& r) { return r.names.stop_words; }},
    {role_words::single, [](const rule_set& r) { return r.names.particles; }},
    {role_words::single, [](const rule_set& r) { return r.english.function_words; }},
    {role_words::single, [](const rule_set& r) { return r.english.determiners; }},
    {role_words::single, [](const rule_set& r) { return r.english.pronouns; }},
    {role_words::single, [](const rule_set& r) { return r.english.demonyms; }},
    {role_words::single, meridiems},
    {role_words::single, month_names},
    {role_words::single, weekday_names},
    // The event scan (event_context).
    {role_words::first, event_words},
    {role_words::first, places},
    {role_words::last, places},
    {role_words::first, zones},
    {role_words::first, [](const rule_set& r) { return r.origin_cues; }},
    {role_words::first, [](const rule_set& r) { return r.destination_cues; }},
    {role_words::first, [](const rule_set& r) { return r.attribution.prepositions; }},
    {role_words::first, [](const rule_set& r) { return r.attribution.reporting_verbs; }},
    {role_words::first, modality_cues},
    {role_words::single, [](const rule_set& r) { return r.english.openers; }},
    {role_words::single, [](const rule_set& r) { return r.english.clause_openers; }},
    {role_words::first, [](const rule_set& r) { return r.event_dates.offsets; }},
    // The date reader.
    {role_words::single, month_abbreviations},
    {role_words::single, weekday_abbreviations},
    {role_words::single, date_units},
    {role_words::every, relative_dates},
    {role_words::first, relative_dates},
    {role_words::last, relative_dates},  // the date reader's prefilter: a phrase's last word
    {role_words::single, date_anchors},
    {role_words::single, date_cues},
    {role_words::single, cardinals},
    {role_words::single, plan_cues},
    {role_words::first, [](const rule_set& r) { return r.dates.to_the_day; }},
    {role_words::first, [](const rule_set& r) { return r.dates.future_cues; }},
    // Times and lengths.
    {role_words::first, [](const rule_set& r) { return r.local_time_words; }},
    {role_words::first, vague_times},
    {role_words::first, time_hedges},
    {role_words::first, [](const rule_set& r) { return r.entry_stamp_words; }},
    {role_words::single, duration_units},
    {role_words::first, vague_lengths},
    // Numbers and documents.
    {role_words::first, number_hedges},
    {role_words::first, vague_counts},
    {role_words::single, cardinals_but_articles},
    {role_words::single, ordinals},
    {role_words::single, document_kinds},
    {role_words::first, provisions},
};
static_assert(std::size(role_defs) <= 63, "bit 63 is any_role");

}  // namespace

std::shared_ptr<const word_index> word_index::build(const rule_set& rules) {
  auto ix = std::make_shared<word_index>();
  word_map<entry> words;  // gathered here, then laid out flat
  for (std::size_t r = 0; r < std::size(role_defs); ++r) {
    std::vector<std::string> list;
    for (const std::string& e : role_defs[r].entries(rules)) {
      const auto parts = split_words(e);
      if (parts.empty()) continue;
      switch (role_defs[r].how) {
        case role_words::first: list.push_back(parts.front()); break;
        case role_words::last: list.push_back(parts.back()); break;
        case role_words::single:
          if (parts.size() == 1) list.push_back(parts.front());
          break;
        case role_words::every: list.insert(list.end(), parts.begin(), parts.end()); break;
      }
    }
    for (const std::string& w : list) {
      entry& e = words[w];
      if (e.id == 0) e = {static_cast<std::uint32_t>(words.size()), any_role};  // ids from 1
      e.roles |= std::uint64_t{1} << r;
    }
    ix->role_words_.push_back(std::move(list));
  }
  // Every word of every entry, a phrase's inner words too ("of" in "minister of defense"), with
  // no role of its own (ids after the role words'): a phrase_matcher bound to the index then
  // walks its phrases by word id (phrase_matcher::edges_by_id).
  for (const role_def& def : role_defs)
    for (const std::string& e : def.entries(rules))
      for (const std::string& w : split_words(e)) {
        entry& x = words[w];
        if (x.id == 0) x = {static_cast<std::uint32_t>(words.size()), any_role};
      }
  std::size_t n = 2;
  while (n < 2 * words.size()) n *= 2;
  ix->tags_.assign(n, 0);
  ix->slots_.assign(n, slot{});
  ix->size_ = words.size();
  words.for_each([&](const std::string& w, const entry& e) {
    const std::uint64_t h = word_hash(w);
    std::size_t k = h & (n - 1);
    while (ix->tags_[k]) k = (k + 1) & (n - 1);
    ix->tags_[k] = tag_of(h);
    slot& sl = ix->slots_[k];
    sl = {e, static_cast<std::uint32_t>(ix->pool_.size()), static_cast<std::uint32_t>(w.size()), {0, 0}};
    for (std::size_t b = 0; b < w.size() && b < 16; ++b)
      sl.head[b / 8] |= std::uint64_t{static_cast<unsigned char>(w[b])} << (8 * (b % 8));
    ix->pool_ += w;
  });
  return ix;
}

}  // namespace crosscheck::detail
