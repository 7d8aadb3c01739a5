// Internal: tokens and phrase matching over a normalized sentence.
//
// A token is a run of word bytes (ASCII letters and digits, any non-ASCII byte), with
// internal ' - . : , kept when a word byte follows ("Putin's", "Jong-un", "a.m", "2:46",
// "10,000", "14.20"). Offsets are into the normalized document text.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck {
class rule_set;
}

namespace crosscheck::detail {

// A token's role bits (word_index below): bit r is set when the word is in the vocabulary list of
// role r. `any_role` is set in every token, so that a mask of ~0 lets every token through.
inline constexpr std::uint64_t any_role = std::uint64_t{1} << 63;
inline constexpr std::uint64_t all_roles = ~std::uint64_t{0};

// 64 bytes, one cache line, and aligned to it (a vector of tokens is allocated so): a token is
// one line, where every 72-byte token lay across two, and a document's tokens, written by
// tokenize and walked by every pass, are an eighth fewer lines.
struct alignas(64) token {
  // Offsets into the normalized text, in 32 bits (a smaller token: more of a sentence's tokens in
  // a cache line): tokenize() refuses a text of 4 GiB or more, which the corpus reader never loads.
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  // The lower-cased text: a view into one lower-cased copy of the text, made by whoever tokenized
  // it (document_tokens, token_list) and alive as long as they are. Lowering keeps every byte in
  // place, so that lower.size() == end - begin.
  std::string_view lower;
  std::uint64_t hash = 0;  // word_hash(lower), computed once: every phrase lookup reuses it
  // The word's role bits in the word_index it was read with (tokenize's `index`): any_role for a
  // word of no vocabulary list; all_roles (may be anything) when the token was read without an
  // index. stem_roles: those of stem().
  std::uint64_t roles = all_roles;
  std::uint64_t stem_roles = all_roles;
  // The word's id in that index; 0 for none. 32 bits: a newsroom's gazetteer (places.yaml) may
  // hold far more than 65,535 distinct words, and 16-bit ids would refuse it.
  std::uint32_t id = 0;
  std::uint32_t stem_id = 0;
  // Whole bytes, not one-bit fields: they fill what would be padding (the token is 64 bytes
  // either way), and a one-bit field costs a read-modify-write at each store.
  bool capitalized = false;
  bool has_digit = false;   // an ASCII digit somewhere in the word: "19", "mid-2001", "2:46"
  bool has_hyphen = false;  // "mid-May", "two-day"
  bool possessive = false;  // a possessive ending: stem() is shorter than lower (set by tokenize)
  // The word without a possessive ending: "putin's" -> "putin", "leaders'" -> "leaders".
  std::string_view stem() const noexcept;
  // word_hash(stem()): hash but for a possessive, whose stem is hashed when asked (one token in a
  // hundred or so; a stored stem hash made every token 72 bytes).
  std::uint64_t stem_hash() const noexcept;
};
static_assert(sizeof(token) == 64);

// A sentence's tokens, as the passes read them: a view of tokens kept by whoever read them (a
// document's document_tokens, one vector for all its sentences; a token_list). Its size is
// stored, where a std::vector<token>'s is its ends' difference divided by the token's size
// (a subtraction and a shift, in every loop over a sentence's tokens).
using token_span = std::span<const token>;

// A word without its possessive ending: "Putin's" -> "Putin", "leaders'" -> "leaders".
inline std::string_view possessive_stem(std::string_view w) noexcept {
  if (w.size() > 2 && w[w.size() - 2] == '\'' && w.back() == 's') return w.substr(0, w.size() - 2);
  if (w.size() > 1 && w.back() == '\'') return w.substr(0, w.size() - 1);
  return w;
}
inline std::string_view token::stem() const noexcept { return possessive ? possessive_stem(lower) : lower; }

namespace lexical_detail {
inline std::uint64_t load8(const char* p) noexcept {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
inline std::uint32_t load4(const char* p) noexcept {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
// Eight bytes as a little-endian number: p[0] in the low byte, on every target.
inline std::uint64_t load8_le(const char* p) noexcept {
  const std::uint64_t v = load8(p);
  if constexpr (std::endian::native == std::endian::little) return v;
  else return __builtin_bswap64(v);
}
inline constexpr std::uint64_t hash_seed = 0x9E3779B97F4A7C15ull;
inline constexpr std::uint64_t hash_multiplier = 0xFF51AFD7ED558CCDull;  // odd: a bijection
// One chunk of up to eight bytes into the hash (a bijection of h for a given chunk).
inline std::uint64_t hash_step(std::uint64_t h, std::uint64_t chunk) noexcept { return (h ^ chunk) * hash_multiplier; }
// The last step: a product's top bits depend on every bit of its factor, its low bits only on
// the factor's low bits (a word's first byte or two), so the top half is folded into the low one
// that table slots are taken from (the Bloom bits are the top ones). A bijection too.
inline std::uint64_t hash_finish(std::uint64_t h) noexcept { return h ^ (h >> 32); }
}  // namespace lexical_detail

// The hash of a (lower-case) word, eight bytes at a time: each 8-byte chunk (little-endian; the
// last one, of 0 to 8 bytes, zero-padded) multiplied in, the top half folded into the low one,
// and the word's length xored in last (so that "" and "\0", whose chunks agree, part: the
// steps before are a bijection, so words of one length differ before it).
// A word of up to 8 bytes, most of them, is one multiply where FNV-1a took one a byte.
// tokenize() computes the same from 8-byte loads of the lower-cased copy. No output depends on
// the values, only on equal words having equal hashes; two words of the same length that differ
// in any byte never share one (every step is a bijection), and tables compare the words anyway.
inline std::uint64_t word_hash(std::string_view w) noexcept {
  using namespace lexical_detail;
  const char* p = w.data();
  std::size_t n = w.size();
  std::uint64_t h = hash_seed;
  for (; n > 8; p += 8, n -= 8) h = hash_step(h, load8_le(p));
  std::uint64_t last = 0;  // the last 0 to 8 bytes, byte by byte: never a load past the word
  for (std::size_t k = 0; k < n; ++k) last |= std::uint64_t{static_cast<unsigned char>(p[k])} << (8 * k);
  return hash_finish(hash_step(h, last)) ^ w.size();
}
inline std::uint64_t token::stem_hash() const noexcept { return possessive ? word_hash(stem()) : hash; }

// a == b, inline: the words compared are short, and they are compared only when their hashes
// agree, so that a call to memcmp costs more than this. Whole words of 4 or more bytes are
// compared 4 or 8 bytes at a time, the last load overlapping the one before (never a byte outside
// the words); a byte loop cost 2.5 % of the pipeline's instructions.
inline bool same_word(std::string_view a, std::string_view b) noexcept {
  using lexical_detail::load4;
  using lexical_detail::load8;
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const char* const p = a.data();
  const char* const q = b.data();
  if (n >= 8) {
    for (std::size_t k = 0; k + 8 < n; k += 8)
      if (load8(p + k) != load8(q + k)) return false;
    return load8(p + n - 8) == load8(q + n - 8);
  }
  if (n >= 4) return load4(p) == load4(q) && load4(p + n - 4) == load4(q + n - 4);
  // 1 to 3 bytes: the first, the middle and the last are all of them.
  return n == 0 || (p[0] == q[0] && p[n / 2] == q[n / 2] && p[n - 1] == q[n - 1]);
}

// A set of words (lower case) looked up by word_hash, so that a token's precomputed hash
// serves every lookup; the word itself is compared only when the hash matches.
template <class T>
class word_map {
 public:
  void set(std::string_view word, T value) {
    role_mask_ = all_roles;  // a word added after word_index::bind(): the roles may no longer cover the map
    if (T* v = get(word, word_hash(word))) {
      *v = std::move(value);
      return;
    }
    if (2 * (size_ + 1) > keys_.size()) grow();
    place(word_hash(word), std::string(word), std::move(value));
  }
  // The value of `word`, a default one inserted when there is none.
  T& operator[](std::string_view word) {
    if (T* v = get(word, word_hash(word))) return *v;
    set(word, T{});
    return *get(word, word_hash(word));
  }
  const T* find(std::string_view word, std::uint64_t hash) const noexcept {
    return const_cast<word_map*>(this)->get(word, hash);
  }
  // False when no word of the map has this hash (a cheap test; true may still be a miss).
  bool may_contain(std::uint64_t hash) const noexcept { return bloom_has(hash); }
  const T* find(std::string_view word) const noexcept { return find(word, word_hash(word)); }
  // A token whose role bits (word_index::bind) say it is none of the map's words is turned away
  // on one bit test; an unbound map (mask all_roles) tests the Bloom bits.
  const T* find(const token& t) const noexcept { return (t.roles & role_mask_) ? find(t.lower, t.hash) : nullptr; }
  const T* find_stem(const token& t) const noexcept {
    return (t.stem_roles & role_mask_) ? find(t.stem(), t.stem_hash()) : nullptr;
  }
  // Whether a token with these role bits may be one of the map's words.
  bool may_have(std::uint64_t roles) const noexcept { return roles & role_mask_; }
  // The role bits of the map's words, set by word_index::bind(); all_roles when unbound.
  std::uint64_t role_mask() const noexcept { return role_mask_; }
  void set_role_mask(std::uint64_t mask) noexcept { role_mask_ = mask; }
  bool contains(std::string_view word) const noexcept { return find(word) != nullptr; }
  bool contains(const token& t) const noexcept { return find(t) != nullptr; }
  bool contains_stem(const token& t) const noexcept { return find_stem(t) != nullptr; }
  std::size_t size() const noexcept { return size_; }
  template <class F>
  void for_each(F f) const {
    for (std::size_t k = 0; k < keys_.size(); ++k)
      if (keys_[k]) f(words_[k], values_[k]);
  }

 private:
  static std::uint64_t nonzero(std::uint64_t h) noexcept { return h ? h : 1; }
  // The word's Bloom bit is set: one load and a shift, the whole cost of most misses. All bits
  // are clear in an empty map; the bit of hash 0 is that of nonzero(0).
  bool bloom_has(std::uint64_t hash) const noexcept {
    const unsigned bit = static_cast<unsigned>(hash >> 54);
    return (bloom_[bit >> 6] >> (bit & 63)) & 1u;
  }
  T* get(std::string_view word, std::uint64_t hash) noexcept {
    // keys_ is tested after the bit, for the rare hit: a moved-from map keeps its bits.
    if (!bloom_has(hash) || keys_.empty()) return nullptr;
    hash = nonzero(hash);
    const std::size_t mask = keys_.size() - 1;
    for (std::size_t k = hash & mask;; k = (k + 1) & mask) {
      if (keys_[k] == 0) return nullptr;
      if (keys_[k] == hash && same_word(words_[k], word)) return &values_[k];
    }
  }
  void place(std::uint64_t hash, std::string word, T value) {
    hash = nonzero(hash);
    const std::size_t mask = keys_.size() - 1;
    std::size_t k = hash & mask;
    while (keys_[k]) k = (k + 1) & mask;
    const unsigned bit = static_cast<unsigned>(hash >> 54);
    bloom_[bit >> 6] |= std::uint64_t{1} << (bit & 63);
    keys_[k] = hash;
    words_[k] = std::move(word);
    values_[k] = std::move(value);
    ++size_;
  }
  void grow() {
    auto keys = std::move(keys_);
    auto words = std::move(words_);
    auto values = std::move(values_);
    const std::size_t n = keys.empty() ? 16 : keys.size() * 2;
    keys_.assign(n, 0);
    words_.assign(n, std::string());
    values_.assign(n, T{});
    size_ = 0;
    for (std::size_t k = 0; k < keys.size(); ++k)
      if (keys[k]) place(keys[k], std::move(words[k]), std::move(values[k]));
  }
  std::vector<std::uint64_t> keys_;  // 0: free
  std::uint64_t bloom_[16] = {};     // one bit per word, from the hash's top bits: most misses stop here
  std::vector<std::string> words_;
  std::vector<T> values_;
  std::size_t size_ = 0;
  std::uint64_t role_mask_ = all_roles;  // a token with none of these bits is none of the words
};

class word_set : public word_map<unsigned char> {  // not bool: vector<bool> has no addresses
 public:
  void insert(std::string_view word) { set(word, 1); }
  template <class It>
  void insert(It first, It last) {
    for (; first != last; ++first) insert(*first);
  }
};

class word_index;

// What the tokens of one stretch (a sentence) hold, together, found while tokenizing it: a pass
// can pass over a sentence that holds nothing it reads on one test, instead of walking its tokens
// ("no token of this sentence can start a title or an organisation": (roles & mask) == 0 for the
// OR of the maps' role_mask()s). Tokens read without an index have roles all_roles: every test
// then says "maybe".
struct token_summary {
  std::uint64_t roles = 0;       // the OR of the tokens' roles
  std::uint64_t stem_roles = 0;  // the OR of their stem_roles
  bool any_capitalized = false;  // some token is capitalized
  bool any_digit = false;        // some token has_digit
  bool any_hyphen = false;       // some token has_hyphen
  bool any_joiner = false;       // some token holds ' - . : or , (every possessive does)
};

// The tokens of one stretch of text and the lower-cased copy of it that their `lower` views point
// into. The vector-returning tokenize() gives one; a pass that tokenizes sentence after sentence
// keeps one as its buffer (tokens_of() in token_pass.hpp), reusing its memory. Move-only: the
// copy lives on the heap, so that a move keeps every view valid, and a copy would point into the
// original. It reads as a token_span (what the passes take), but only while it is alive: a
// temporary one does not convert, so that no span of dangling tokens is made from it.
class token_list {
 public:
  token_list() = default;
  token_list(token_list&&) noexcept = default;
  token_list& operator=(token_list&&) noexcept = default;
  token_list(const token_list&) = delete;
  token_list& operator=(const token_list&) = delete;

  token_span tokens() const& noexcept { return tokens_; }
  operator token_span() const& noexcept { return tokens_; }
  operator token_span() const&& = delete;
  std::size_t size() const noexcept { return tokens_.size(); }
  bool empty() const noexcept { return tokens_.empty(); }
  const token& operator[](std::size_t k) const noexcept { return tokens_[k]; }
  const token& front() const noexcept { return tokens_.front(); }
  const token& back() const noexcept { return tokens_.back(); }
  // No begin() and end(): a token_list is no range, so that std::span's range constructor does
  // not take a temporary one (walk tokens() instead).
  // What the tokens hold, together (see token_summary).
  const token_summary& summary() const noexcept { return summary_; }

 private:
  friend void tokenize(std::string_view text, std::size_t begin, std::size_t end, token_list& out,
                       const word_index* index);
  friend token_list tokenize(std::string_view text, std::size_t begin, std::size_t end, const word_index* index);
  std::vector<token> tokens_;
  std::unique_ptr<char[]> lowered_;  // the lower-cased text and lowered_padding bytes (tokenize); capacity_ bytes
  std::size_t capacity_ = 0;
  token_summary summary_;
};

// Tokens of text[begin, end); with an index, each token gets its word id and role bits (one
// lookup per token).
token_list tokenize(std::string_view text, std::size_t begin, std::size_t end, const word_index* index = nullptr);
// The same into `out`, replacing its contents and reusing its memory: a pass reading sentence
// after sentence allocates nothing once a longer one has been read.
void tokenize(std::string_view text, std::size_t begin, std::size_t end, token_list& out,
              const word_index* index = nullptr);
// The same, lower-casing text[begin, end) into lowered[0, end - begin), which the tokens' `lower`
// views point into and which must outlive them (document_tokens lowers a whole document so).
// lowered[end - begin] must be writable too: tokenize marks the stretch's end there while it
// reads, and puts the byte back (it may be the next sentence's, lowered already); and the
// lowered_padding bytes from there must be readable: a word is read sixteen bytes at a time,
// its bytes past the end mark masked off (any value they hold is read the same). With a
// summary, what the tokens hold together is written to it. Throws std::length_error when end
// is 4 GiB or more (token offsets are 32-bit).
inline constexpr std::size_t lowered_padding = 16;
// The same, writing the tokens over out[from, ...) and keeping out's first `from`: out grows when
// they run out, and never shrinks (the tokens past the returned end are left from earlier
// reads). Returns one past the last token written. A document's tokens are read so, sentence
// after sentence, into one vector kept from document to document (document_tokens): after the
// first few documents, no token is constructed before it is written.
std::size_t tokenize_at(std::string_view text, std::size_t begin, std::size_t end, char* lowered, std::vector<token>& out,
                        std::size_t from, const word_index* index = nullptr, token_summary* summary = nullptr);
void tokenize(std::string_view text, std::size_t begin, std::size_t end, char* lowered, std::vector<token>& out,
              const word_index* index = nullptr, token_summary* summary = nullptr);

// Matches multi-word phrases (lower case, words separated by single spaces) against token
// sequences; each phrase carries an integer payload. The phrases are a trie of words (and a
// second trie of their reversed words, for matches that end at a token), so a match costs one
// table lookup per token walked, however many phrases share a first word ("minister",
// "minister of defense", "minister of the interior", ...).
class phrase_matcher {
 public:
  // A phrase added twice keeps its first payload.
  void add(std::string_view phrase, int payload);
  // The role bits of the words a phrase starts with (word_index::bind); all_roles when unbound.
  // A token with none of them starts no phrase.
  std::uint64_t start_roles() const noexcept { return forward_.front().next.role_mask(); }
  bool empty() const noexcept { return forward_.size() == 1; }
  struct match {
    std::size_t length = 0;  // in tokens; 0 when nothing matched
    int payload = 0;
  };
  // Longest phrase starting at tokens[i]. Most tokens start no phrase: the inline test on the
  // token's precomputed hash turns them away before any call.
  [[gnu::always_inline]] match longest_at(token_span tokens, std::size_t i) const {
    if (i >= tokens.size() || !forward_.front().next.may_have(tokens[i].roles) ||
        !forward_.front().next.may_contain(tokens[i].hash))
      return {};
    return longest_from(tokens, i);
  }
  // Longest phrase ending at tokens[i - 1] (exclusive end i).
  [[gnu::always_inline]] match longest_ending_at(token_span tokens, std::size_t i) const {
    if (i == 0 || i > tokens.size() || !backward_.front().next.may_have(tokens[i - 1].roles) ||
        !backward_.front().next.may_contain(tokens[i - 1].hash))
      return {};
    return longest_to(tokens, i);
  }

 private:
  struct node {
    word_map<std::uint32_t> next;  // the node after each word; index into the trie's vector
    int payload = 0;
    bool ends = false;  // a phrase ends here
  };
  using trie = std::vector<node>;  // [0]: the root
  static void insert(trie& t, const std::vector<std::string>& words, bool reversed, int payload);
  // The trie's edges by word id, once bound to a word_index that holds every word of the phrases
  // that a token can be (word_index::bind): a step is then one probe of a flat table by (node,
  // id), with no word compared, and the node's payload is in the edge. Empty: unbound, or some
  // word is not in the index; the walk then goes by each node's word_map.
  struct id_edge {
    std::uint64_t key = 0;  // (node + 1) << 32 | word id; 0: a free slot
    std::uint32_t child = 0;
    int payload = 0;
    bool ends = false;  // a phrase ends at the child
  };
  using id_table = std::vector<id_edge>;  // a power of two, at most half full
  static id_table edges_by_id(const trie& t, const word_index& index);
  // The edge from node `at` by token `tok`, or nullptr. A token read with an index and not in it
  // (id 0, roles any_role) is none of the phrases' words; one read without an index (all_roles)
  // is looked up by its hash.
  [[gnu::always_inline]] static const id_edge* edge(const id_table& ids, std::uint32_t at, const token& tok) noexcept {
    const std::uint64_t key = (static_cast<std::uint64_t>(at + 1) << 32) | tok.id;
    const std::size_t mask = ids.size() - 1;
    for (std::size_t k = (key * 0x9E3779B97F4A7C15ull) >> 40 & mask;; k = (k + 1) & mask) {
      if (ids[k].key == key) return &ids[k];
      if (ids[k].key == 0) return nullptr;
    }
  }
  // The walk by word ids from *first on, forward or (Backward) back, over `count` tokens at most.
  template <bool Backward>
  static match walk_by_id(const id_table& ids, const token* first, std::size_t count) noexcept;
  match longest_from(token_span tokens, std::size_t i) const;
  match longest_to(token_span tokens, std::size_t i) const;
  trie forward_ = trie(1), backward_ = trie(1);
  id_table forward_ids_, backward_ids_;
  friend class word_index;  // binds the two roots and makes the id tables
};

// The vocabulary's words, interned (word ids), each with the bits of the lists ("roles") it
// belongs to or starts: role titles, organisations, function words, event triggers, number
// words... Built once per rule_set (rule_set::load, merge_file, index_words) and frozen, so
// that threads share it. tokenize() looks each token up once and stores its id and bits; a
// word_map or phrase_matcher bound to the index (bind()) then turns away a token with none of
// its roles on one bit test, where it tested the token's hash against its Bloom bits, and a pass
// can test several lists at once ("may this token start a title, an organisation or a cue?").
//
// Binding is exact or nothing: bind() gives a map the roles whose words it all holds, and only
// when every word of the map that can be a token has one of them; otherwise (a list edited by
// hand after indexing, a word a pass made up) the map stays unbound and keeps its Bloom test.
// Tokens read with one index must only meet maps bound with the same one (tokens_of() in
// token_pass.hpp checks it); tokens read without an index pass every role test.
class word_index {
 public:
  struct entry {
    std::uint32_t id = 0;     // 1..size()
    std::uint64_t roles = 0;  // any_role and the bits of the word's lists
  };
  static std::shared_ptr<const word_index> build(const rule_set& rules);

 private:
  struct slot {
    entry e;
    std::uint32_t begin = 0, size = 0;  // the word, in pool_
    std::uint64_t head[2] = {0, 0};     // its first 16 bytes as short_table's chunks
  };

 public:

  // Asked once per token: a flat open-addressed table of 16-bit tags (the hash's top bits; 4 KB
  // for the shipped vocabulary), the entries and words apart, read only when a tag matches (a
  // word of the index, or one other word in 32,768). The table is small enough to stay in the L1
  // cache while a document's tokens stream through it: with the whole 64-bit hashes (16 KB), a
  // fifth of tokenize's time was waiting on the probe's load. No Bloom bits: with a thousand
  // words they would be mostly set.
  static std::uint16_t tag_of(std::uint64_t hash) noexcept { return static_cast<std::uint16_t>(hash >> 48) | 1u; }
  const entry* find(std::string_view word, std::uint64_t hash) const noexcept {
    const std::uint16_t tag = tag_of(hash);
    const std::size_t mask = tags_.size() - 1;
    for (std::size_t k = hash & mask;; k = (k + 1) & mask) {  // never full: at most half the slots are used
      const std::uint16_t t = tags_[k];
      if (t == 0) return nullptr;  // a free slot
      if (t == tag && slots_[k].size == word.size() &&
          same_word(std::string_view(pool_.data() + slots_[k].begin, slots_[k].size), word))
        return &slots_[k].e;
    }
  }
  // The table, to look up words of 1 to 16 bytes given as word_hash's chunks: their bytes as two
  // little-endian numbers, zero past the word (tokenize has them in registers), compared as those
  // two numbers and the size, with no load of the word's bytes. Taken once by a caller that looks
  // up many words (tokenize, per sentence), so that the table's base pointers and mask stay in
  // registers rather than being read from the vectors again at each word.
  class short_table {
   public:
    short_table() noexcept = default;  // a table of no word: find() gives nullptr
    const entry* find(std::uint64_t hash, std::size_t size, std::uint64_t low8, std::uint64_t high8) const noexcept {
      const std::uint16_t tag = tag_of(hash);
      for (std::size_t k = hash & mask_;; k = (k + 1) & mask_) {
        const std::uint16_t t = tags_[k];
        if (t == 0) return nullptr;  // a free slot
        const slot& sl = slots_[k];
        if (t == tag && sl.size == size && sl.head[0] == low8 && sl.head[1] == high8) return &sl.e;
      }
    }

   private:
    friend class word_index;
    short_table(const std::uint16_t* tags, const slot* slots, std::size_t mask) noexcept
        : tags_(tags), slots_(slots), mask_(mask) {}
    static constexpr std::uint16_t no_words_[1] = {0};
    const std::uint16_t* tags_ = no_words_;
    const slot* slots_ = nullptr;
    std::size_t mask_ = 0;
  };
  short_table short_words() const noexcept { return {tags_.data(), slots_.data(), tags_.size() - 1}; }
  std::size_t size() const noexcept { return size_; }
  std::size_t role_count() const noexcept { return role_words_.size(); }
  // The mask of roles that covers exactly the words of `m` (see above), or all_roles.
  template <class T>
  std::uint64_t cover(const word_map<T>& m) const {
    std::uint64_t mask = 0;
    for (std::size_t r = 0; r < role_words_.size(); ++r) {
      bool inside = !role_words_[r].empty();
      for (const auto& w : role_words_[r]) inside = inside && m.contains(w);
      if (inside) mask |= std::uint64_t{1} << r;
    }
    bool covered = true;
    m.for_each([&](const std::string& w, const T&) {
      if (!covered || !is_token_word(w)) return;
      const entry* e = find(w, word_hash(w));
      covered = e && (e->roles & mask);
    });
    return covered ? mask : all_roles;
  }
  template <class T>
  void bind(word_map<T>& m) const {
    m.set_role_mask(cover(m));
  }
  void bind(phrase_matcher& p) const {
    p.forward_.front().next.set_role_mask(cover(p.forward_.front().next));
    p.backward_.front().next.set_role_mask(cover(p.backward_.front().next));
    p.forward_ids_ = phrase_matcher::edges_by_id(p.forward_, *this);
    p.backward_ids_ = phrase_matcher::edges_by_id(p.backward_, *this);
  }
  // Whether `w` is a word that tokenize() reads as one token with that lower case: only such
  // words can equal a token's lower case.
  static bool is_token_word(std::string_view w);

 private:
  std::vector<std::uint16_t> tags_ = std::vector<std::uint16_t>(2);  // a power of two; 0: free
  std::vector<slot> slots_ = std::vector<slot>(2);
  std::string pool_;  // the words, one after another
  std::size_t size_ = 0;
  std::vector<std::vector<std::string>> role_words_;  // per role bit
};

// Binds every map to `index` when there is one (word_index::bind).
template <class... M>
void bind_roles(const word_index* index, M&... maps) {
  if (index) (index->bind(maps), ...);
}

}  // namespace crosscheck::detail
