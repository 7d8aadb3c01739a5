// People, their roles and delegation membership. See make_person_extractor in extract.hpp.
//
// A sentence is read left to right once. At each token the longest role title of
// data/roles.yaml is tried ("deputy defense minister" before "defense minister"):
//
//   [org] TITLE NAME             "Kremlin press secretary Yuri Ushakov", "Putin's adviser Yuri Ushakov"
//   [org] TITLE of ORG NAME      "Head of the Roscosmos State Space Corporation Yuri Borisov"
//   the [org] TITLE, NAME        "the US secretary of state, Antony Blinken,"
//   NAME, [the] [org] TITLE      "Oleg Kozhemyako, Governor of ..." (an apposition)
//
// A name is a run of capitalized words that are not function words, demonyms or stop words
// (data/names.yaml); a run followed by a stop word ("Kim Il Sung Square") is a place or an
// organisation, not a person. A name of one word is the full name given earlier in the
// document with that last (or first) part, when there is exactly one. Most sentences have no
// title and no delegation cue, so they hold no claim: they are only read for the full names to
// remember (read_bare_names), and, with the document's shared tokens, only once a later sentence
// asks the memory about a one-word name (settle).
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "crosscheck/extract.hpp"
#include "crosscheck/shared_string.hpp"
#include "extract/lexical.hpp"
#include "extract/token_pass.hpp"
#include "model/evidence_texts.hpp"
#include "text/fold.hpp"

namespace crosscheck {
namespace {

using detail::phrase_matcher;
using detail::token;
using detail::token_span;
using detail::word_set;

constexpr std::size_t max_name_words = 5;
constexpr std::string_view subject_prefix = "person:";
constexpr std::size_t max_org_words = 16;

struct span {
  std::size_t first = 0, last = 0;  // tokens [first, last)
  bool empty() const { return first == last; }
};

// Whether the token (its stem) is in `set`: the role test inline, so that most tokens, of none
// of the set's roles, cost no call.
[[gnu::always_inline]] inline bool in(const word_set& set, const token& tok) {
  return set.may_have(tok.roles) && set.contains(tok);
}
[[gnu::always_inline]] inline bool stem_in(const word_set& set, const token& tok) {
  return set.may_have(tok.stem_roles) && set.contains_stem(tok);
}

// Whether a phrase of a list may start at a token, from its first two words. Some lists start
// phrases with the commonest words ("the delegation includes", "the Netherlands'", "and
// others"): the role bit of "the" lets every "the" through to the phrase matcher, which then
// walks its trie to find that the next word continues nothing. Here a phrase of one word is
// looked up as a word, and a longer one by the pair of its first two words' hashes, in a small
// open-addressed table: one probe turns "the" away before "ceremony". Never a false "no": a
// phrase that matches at the token has its first word, or its first two, there.
class opening_filter {
 public:
  void add(std::string_view phrase) {
    std::string_view words[2];
    std::size_t n = 0, i = 0;
    while (i < phrase.size() && n < 2) {  // split as phrase_matcher::add does: on spaces
      while (i < phrase.size() && phrase[i] == ' ') ++i;
      std::size_t e = i;
      while (e < phrase.size() && phrase[e] != ' ') ++e;
      if (e > i) words[n++] = phrase.substr(i, e - i);
      i = e;
    }
    if (n == 0) return;
    const std::string first = detail::lower(words[0]);
    if (n == 1) {
      singles_.insert(first);
      return;
    }
    const std::uint64_t second = detail::word_hash(detail::lower(words[1]));
    pairs_.push_back(pair_key(detail::word_hash(first), second));
    seconds_ |= second_bit(second);
    table_.clear();
  }
  // Lays the pairs out for lookups; after the last add(). The one-word phrases are bound to the
  // tokens' index (a bit test where they allow it).
  void freeze(const detail::word_index* index) {
    detail::bind_roles(index, singles_);
    std::size_t n = 8;
    while (n < 2 * pairs_.size()) n *= 2;
    table_.assign(n, 0);
    for (const std::uint64_t key : pairs_) {
      std::size_t k = key & (n - 1);
      while (table_[k] && table_[k] != key) k = (k + 1) & (n - 1);
      table_[k] = key;
    }
  }
  [[gnu::always_inline]] bool may_start(token_span toks, std::size_t i) const {
    return may_start(toks[i], i + 1 < toks.size() ? &toks[i + 1] : nullptr);
  }
  // The same for a token and the one after it (nullptr: it is the last).
  [[gnu::always_inline]] bool may_start(const token& tok, const token* next) const {
    if (in(singles_, tok)) return true;
    // Most words after "the" or "was" are the second word of no phrase: one bit says so.
    if (!next || !(seconds_ & second_bit(next->hash)) || table_.empty()) return false;
    const std::uint64_t key = pair_key(tok.hash, next->hash);
    const std::size_t mask = table_.size() - 1;
    for (std::size_t k = key & mask;; k = (k + 1) & mask) {  // never full: at most half the slots are used
      if (table_[k] == key) return true;
      if (table_[k] == 0) return false;
    }
  }

 private:
  static std::uint64_t pair_key(std::uint64_t first, std::uint64_t second) noexcept {
    const std::uint64_t key = (first * 0x9E3779B97F4A7C15ull) ^ second;
    return key ? key : 1;  // 0 marks a free slot
  }
  // A bit per second word, from its hash's top six bits: a word whose bit is clear is the
  // second word of no pair.
  static std::uint64_t second_bit(std::uint64_t hash) noexcept { return std::uint64_t{1} << (hash >> 58); }
  word_set singles_;
  std::uint64_t seconds_ = 0;
  std::vector<std::uint64_t> pairs_;
  std::vector<std::uint64_t> table_;  // a power of two; 0: free
};

// The longest phrase of `m` at toks[i], asked only of a token whose role bits and first two
// words (`f`, built from the same phrases) allow one.
// roles: m.start_roles(), kept by the caller.
[[gnu::always_inline]] inline phrase_matcher::match starting_at(const phrase_matcher& m, std::uint64_t roles,
                                                                const opening_filter& f, token_span toks,
                                                                std::size_t i) {
  if (i >= toks.size() || !(toks[i].roles & roles) || !f.may_start(toks, i)) return {};
  return m.longest_at(toks, i);
}

// The tokens are one space apart.
bool single_space(std::string_view t, const token& a, const token& b) { return b.begin == a.end + 1 && t[a.end] == ' '; }

// An organisation written with a title: a listed one (its index in the rules' organisations) or
// the words that name it ("Russian Railways" -> "russian railways").
struct org_ref {
  int id = -1;
  std::string words;
  bool empty(const rule_set& rules) const { return text(rules).empty(); }
  std::string_view text(const rule_set& rules) const {
    return id >= 0 ? std::string_view(rules.people.organisations[static_cast<std::size_t>(id)].id) : words;
  }
};

class person_extractor final : public detail::token_extractor {
 public:
  explicit person_extractor(const rule_set& rules) : rules_(rules), index_(rules.shared_word_ids()) {
    for (std::size_t r = 0; r < rules.people.roles.size(); ++r) {
      for (const auto& t : rules.people.roles[r].titles) {
        titles_.add(t, static_cast<int>(r));
        title_openers_.add(t);
        if (t.find(' ') == std::string::npos) title_words_.insert(t);  // "President", "Premier": never part of a name
      }
      role_ids_.emplace_back(rules.people.roles[r].id);
      deputy_ids_.emplace_back("deputy_" + rules.people.roles[r].id);
    }
    for (std::size_t o = 0; o < rules.people.organisations.size(); ++o) {
      for (const auto& w : rules.people.organisations[o].words) {
        orgs_.add(w, static_cast<int>(o));
        org_openers_.add(w);
        if (w.size() < 2 || w.compare(w.size() - 2, 2, "'s") != 0) {  // "the EU's"
          orgs_.add(w + "'s", static_cast<int>(o));
          org_openers_.add(w + "'s");
        }
      }
      org_ids_.emplace_back(rules.people.organisations[o].id);
    }
    for (const auto& c : rules.people.delegation_cues) {
      delegation_.add(c, 0);
      cue_openers_.add(c);
    }
    for (const auto& c : rules.people.partial_cues) {
      partial_.add(c, 0);
      partial_openers_.add(c);
    }
    for (opening_filter* f : {&title_openers_, &org_openers_, &cue_openers_, &partial_openers_}) f->freeze(index_.get());
    fillers_.insert(rules.people.apposition_fillers.begin(), rules.people.apposition_fillers.end());
    deputies_.insert(rules.people.deputy_words.begin(), rules.people.deputy_words.end());
    copulas_.insert(rules.english.auxiliaries.begin(), rules.english.auxiliaries.end());
    for (const auto& c : rules.people.former_cues) {
      if (!c.empty() && c.back() == '-') former_prefixes_.push_back(c);
      else former_.insert(c);
    }
    stop_.insert(rules.names.stop_words.begin(), rules.names.stop_words.end());
    particles_.insert(rules.names.particles.begin(), rules.names.particles.end());
    function_.insert(rules.english.function_words.begin(), rules.english.function_words.end());
    function_.insert(rules.english.determiners.begin(), rules.english.determiners.end());
    function_.insert(rules.english.pronouns.begin(), rules.english.pronouns.end());
    demonyms_.insert(rules.english.demonyms.begin(), rules.english.demonyms.end());
    meridiem_.insert(rules.meridiem_am.begin(), rules.meridiem_am.end());
    meridiem_.insert(rules.meridiem_pm.begin(), rules.meridiem_pm.end());
    for (const auto& m : rules.dates.months) calendar_.insert(m.names.begin(), m.names.end());
    for (const auto& m : rules.dates.weekdays) calendar_.insert(m.names.begin(), m.names.end());
    for (const word_set* set : {&function_, &stop_, &demonyms_, &calendar_, &title_words_})
      set->for_each([&](const std::string& w, unsigned char) { not_name_.insert(w); });
    // not_name_ by word id, when the index knows every word of it that can be a token: is_name_word
    // asks it of every capitalized token, and a load is cheaper than a lookup by hash.
    if (const detail::word_index* ix = index_.get()) {
      std::vector<unsigned char> ids(ix->size() + 1, 0);
      bool known = true;
      not_name_.for_each([&](const std::string& w, unsigned char) {
        if (!detail::word_index::is_token_word(w)) return;  // never a token's stem
        const auto* e = ix->find(w, detail::word_hash(w));
        if (e) ids[e->id] = 1;
        known = known && e;
      });
      if (known) not_name_ids_ = std::move(ids);
    }
    detail::bind_roles(index_.get(), titles_, orgs_, delegation_, partial_, former_, stop_, particles_, function_, demonyms_,
                       calendar_, title_words_, fillers_, deputies_, copulas_, meridiem_, not_name_);
    title_roles_ = titles_.start_roles();
    org_roles_ = orgs_.start_roles();
    cue_roles_ = delegation_.start_roles();
    partial_roles_ = partial_.start_roles();
    mention_roles_ = title_roles_ | org_roles_;
    list_roles_ = cue_roles_ | partial_roles_;
  }

  claim_kind kind() const noexcept override { return claim_kind::person_role; }
  const detail::word_index* index() const noexcept override { return index_.get(); }

  void extract_with(const document& doc, const detail::document_tokens* shared, std::vector<claim>& out) const override {
    const std::string_view t = doc.normalized;
    // The document's id, outlet and sentences, made once for its claims: an extractor_set keeps
    // them for all its passes; run alone, the pass keeps its own.
    std::optional<detail::evidence_texts> own_texts;
    if (!detail::evidence_texts::of(doc)) own_texts.emplace(doc);
    // The buffers of the thread's last document, emptied: a document allocates nothing that one
    // before it on the thread grew (the memory's index, the mentions).
    std::unique_ptr<reading> held = std::move(kept_reading());
    if (!held) held = std::make_unique<reading>();
    reading& r = *held;
    r.mem.text = t;
    r.texts = detail::evidence_texts::of(doc);
    // With the document's tokens at hand, a sentence read only for its names is read when the
    // memory is first asked about a later sentence's name (settle()), and never when it is not;
    // run alone, the pass reads its tokens sentence by sentence and reads such a sentence at once.
    if (shared && shared->index() == index_.get()) r.shared = shared;
    detail::token_list buffer;  // the sentence's tokens, when none are shared
    for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
      const sentence& sen = doc.sentences[s];
      token_span toks = detail::tokens_of(doc, s, shared, buffer, index_.get());
      if (toks.empty()) continue;
      const token* const first = toks.data();
      const token* const end = first + toks.size();
      // A first look, for whether a title or a delegation cue may start anywhere (role bits,
      // then the first two words), which ends at the first one: every claim needs one of them,
      // so a sentence with neither only has names to remember, which read_bare_names finds for
      // much less, when the memory is first asked (a sentence with no name word gives it none).
      // read_sentence reads a sentence where one may start again, all of it.
      bool titled = false;
      {
        const std::uint64_t title_roles = title_roles_, cue_roles = cue_roles_;
        const std::uint64_t roles_needed = title_roles | cue_roles;
        for (const token* tok = first;; ++tok) {
          // Two tokens at a time: few words have these roles.
          while (tok < end - 1 && !((tok[0].roles | tok[1].roles) & roles_needed)) tok += 2;
          while (tok != end && !(tok->roles & roles_needed)) ++tok;
          if (tok == end) break;
          const std::uint64_t roles = tok->roles;
          const token* const next = tok + 1 != end ? tok + 1 : nullptr;
          if (((roles & title_roles) && title_openers_.may_start(*tok, next)) ||
              ((roles & cue_roles) && cue_openers_.may_start(*tok, next))) {
            titled = true;
            break;
          }
        }
      }
      // A title-case line with no closing period is a headline: capitals tell nothing there.
      const std::string_view tail(t.data() + toks.back().end, sen.normalized.end - toks.back().end);
      if (tail.find_first_of(".!?") == std::string_view::npos && title_case(toks)) continue;
      if (titled) read_sentence(doc, sen, t, toks, r, out);
      else if (r.shared) r.pending.push_back(static_cast<std::uint32_t>(s));
      else read_bare_names(t, toks, r.mem);
    }
    r.reset();
    kept_reading() = std::move(held);
  }

 private:
  // Full names seen so far in the document, by their first and last parts ("ushakov" -> "Yuri
  // Ushakov"). The memory is one flat list of (part, full name) pairs, each pair once; parts and
  // names are spans of the document's normalized text (a part compared without case and
  // possessive, as the tokens' stems are), so that remembering allocates nothing but the list
  // and its index. Every name of a sentence is remembered or looked up, so the pairs are found
  // by the part's hash in an open-addressed index (a scan of the list cost more than the rest of
  // remembering).
  struct memory {
    struct entry {
      std::uint64_t hash = 0;  // the part's stem_hash
      std::size_t part_begin = 0, part_size = 0;
      std::string_view full;
    };
    std::string_view text;  // the normalized document
    std::vector<entry> entries;
    std::vector<std::uint32_t> slots;  // a power of two: 1 + the index of an entry; 0: free

    // Calls f(e) for each entry remembered under `hash` until f returns true; whether it did.
    template <class F>
    bool any_under(std::uint64_t hash, F f) const {
      if (slots.empty()) return false;
      const std::size_t mask = slots.size() - 1;
      for (std::size_t k = hash & mask; slots[k]; k = (k + 1) & mask) {
        const entry& e = entries[slots[k] - 1];
        if (e.hash == hash && f(e)) return true;
      }
      return false;
    }
    void add(const entry& e) {
      entries.push_back(e);
      if (2 * entries.size() > slots.size()) {  // at most half the slots used: every probe ends
        slots.assign(slots.empty() ? 64 : 2 * slots.size(), 0);
        for (std::size_t n = 0; n < entries.size(); ++n) place(n);
      } else {
        place(entries.size() - 1);
      }
    }
    void place(std::size_t n) {
      const std::size_t mask = slots.size() - 1;
      std::size_t k = entries[n].hash & mask;
      while (slots[k]) k = (k + 1) & mask;
      slots[k] = static_cast<std::uint32_t>(n + 1);
    }

    bool is_part(const entry& e, const token& word) const {
      const std::size_t n = word.stem().size();
      if (e.hash != word.stem_hash() || e.part_size != n) return false;
      for (std::size_t k = 0; k < n; ++k)
        if (detail::ascii_lower(text[e.part_begin + k]) != detail::ascii_lower(text[word.begin + k])) return false;
      return true;
    }
    // Remembers `full` under the stems of its first and last parts (the same token or word: once).
    void remember(std::string_view full, const token& first, const token& last) {
      for (const token* p : {&first, &last}) {
        const std::uint64_t hash = p->stem_hash();
        const bool known = any_under(hash, [&](const entry& e) { return e.full == full && is_part(e, *p); });
        if (!known) add({hash, p->begin, p->stem().size(), full});
      }
    }
    // The one full name the stem of `word` stands for, if there is exactly one; nullptr when none.
    const std::string_view* resolve(const token& word) const {
      const std::string_view* found = nullptr;
      bool two = false;
      any_under(word.stem_hash(), [&](const entry& e) {
        if (!is_part(e, word)) return false;
        if (found && *found != e.full) return two = true;
        found = &e.full;
        return false;
      });
      return two ? nullptr : found;
    }
  };

  struct mention {
    span name;
    span whole;     // title (with organisation) and name together: the evidence
    int role = -1;  // index into the rules' roles; -1: none
    bool deputy = false;  // "Deputy Foreign Minister": the role "deputy_foreign_minister"
    text_span title;      // the title's words as written (with the organisation), in the normalized text
    org_ref organisation;
    bool appositive = false;  // the title follows the name
  };

  // What one document's reading keeps from sentence to sentence: the memory of full names,
  // buffers that keep their capacity, and the texts its claims share (made at the first claim
  // that needs them: most sentences give none).
  struct reading {
    memory mem;
    std::vector<mention> found;  // the sentence's mentions
    std::string key;             // a subject being built: "person:" and the folded full name
    std::string folded;          // a name's key (folded), when it is not the full name
    // The document's texts (alive through extract_with): the claims' words are cut from its
    // pool, a few allocations per document instead of one per text.
    detail::evidence_texts* texts = nullptr;
    shared_string text(std::string_view s) const { return texts->text(s); }
    // Sentences whose names are still to be remembered (read_bare_names, run when the memory is
    // asked), and the tokens to read them from; none when shared is null.
    const detail::document_tokens* shared = nullptr;
    std::vector<std::uint32_t> pending;

    // Empty again, keeping the buffers for the next document, unless the memory grew large (a
    // long document): its index is cleared whole for each document.
    void reset() {
      if (mem.slots.size() > 1024) {
        mem.slots = {};
        mem.entries = {};
      }
      std::fill(mem.slots.begin(), mem.slots.end(), 0);
      mem.entries.clear();
      mem.text = {};
      found.clear();
      shared = nullptr;
      texts = nullptr;
      pending.clear();
    }
  };
  // Kept from one document to the next by each thread; a document being read holds them and
  // leaves none in their place (another one at the same time gets fresh buffers). By pointer:
  // taken and put back by value, its buffers were moved four times a document.
  static std::unique_ptr<reading>& kept_reading() {
    thread_local std::unique_ptr<reading> kept;
    return kept;
  }


  // Every longer word capitalized, as in a title-case headline ("Foreign Minister Meets Vietnamese
  // Counterpart in Hanoi"), where verbs and nouns are capitalized too.
  static bool title_case(token_span toks) {
    std::size_t words = 0, capitals = 0;
    for (const token& tok : toks) {
      if (tok.lower.size() < 4 || !detail::is_ascii_lower(tok.lower[0])) continue;
      ++words;
      capitals += tok.capitalized;
    }
    return words >= 4 && capitals == words;
  }
  static bool comma_between(std::string_view t, const token& a, const token& b) {
    if (single_space(t, a, b)) return false;  // most words are one space apart
    const auto gap = t.substr(a.end, b.begin - a.end);
    return gap.find_first_of(",;:()[]\"") != std::string_view::npos || gap.find(" - ") != std::string_view::npos;
  }
  // The stem is the word without its possessive ending, so it is shorter exactly when there is one.
  static bool has_possessive(const token& tok) { return tok.stem().size() != tok.lower.size(); }
  // Whether the token's stem is in not_name_. Tokens carry the ids of index_ (tokens_of), and
  // not_name_ids_ is empty when there is no index: then id 0 would say nothing.
  [[gnu::always_inline]] bool not_name(const token& tok) const {
    if (not_name_ids_.empty()) return not_name_.contains_stem(tok);
    return tok.stem_id < not_name_ids_.size() && not_name_ids_[tok.stem_id];
  }
  [[gnu::always_inline]] bool is_name_word(const token& tok) const {
    return tok.capitalized && !tok.has_digit && !not_name(tok);
  }
  // "al-Sisi", "el-Baradei", "bin-Laden": a particle joined to a capitalized name.
  bool particle_prefixed(std::string_view t, const token& tok) const {
    if (!tok.has_hyphen) return false;
    const auto dash = tok.lower.find('-');
    if (dash == std::string::npos || dash == 0 || dash + 1 >= tok.lower.size()) return false;
    return particles_.contains(std::string_view(tok.lower).substr(0, dash)) && detail::is_ascii_upper(t[tok.begin + dash + 1]);
  }
  [[gnu::always_inline]] phrase_matcher::match title_at(token_span toks, std::size_t i) const {
    return starting_at(titles_, title_roles_, title_openers_, toks, i);
  }
  bool is_former(const token& tok) const {
    if (in(former_, tok)) return true;
    // Every prefix ends in a hyphen ("then-", "ex-"), which is inside a word that starts with it.
    if (!tok.has_hyphen) return false;
    return std::any_of(former_prefixes_.begin(), former_prefixes_.end(),
                       [&](const std::string& p) { return tok.lower.compare(0, p.size(), p) == 0; });
  }

  // The name run starting at i: capitalized name words (particles inside: "bin", "al-"), no
  // punctuation but a period after an initial; empty when it is a place or an organisation.
  // After a title, a capitalized short word mid-sentence is a name even when it reads as a
  // function word ("Vice Premier He Lifeng", "General Secretary To Lam").
  span name_at(std::string_view t, token_span toks, std::size_t i, bool after_title = false) const {
    span s{i, i};
    if (after_title && i > 0 && i + 1 < toks.size() && toks[i].capitalized && in(function_, toks[i]) &&
        !in(stop_, toks[i]) && is_name_word(toks[i + 1]) && single_space(t, toks[i], toks[i + 1])) {
      const span rest = name_at(t, toks, i + 1);
      if (!rest.empty()) return {i, rest.last};
    }
    std::size_t k = i;
    while (k < toks.size() && k - i < max_name_words) {
      if (k > i) {
        const token& a = toks[k - 1];
        const bool initial_dot = toks[k].begin == a.end + 2 && t[a.end] == '.' && t[a.end + 1] == ' ' && a.lower.size() == 1;
        if (!single_space(t, a, toks[k]) && !initial_dot) break;
      }
      if (k > i && title_at(toks, k).length) break;  // "Hungarian Prime Minister": a title starts
      if (is_name_word(toks[k]) || particle_prefixed(t, toks[k])) {
        ++k;
        s.last = k;
        if (has_possessive(toks[k - 1])) break;  // a possessive ends the name
      } else if (k > i && in(particles_, toks[k]) && k + 1 < toks.size() && is_name_word(toks[k + 1])) {
        ++k;
      } else {
        break;
      }
    }
    // "Kim Il Sung Square", "John F. Kennedy International Airport": named after a person.
    if (!s.empty() && s.last < toks.size() && toks[s.last].capitalized && stem_in(stop_, toks[s.last]) &&
        single_space(t, toks[s.last - 1], toks[s.last]))
      return {i, i};
    return s;
  }

  // An organisation or country ending right before token `end`: a listed one ("Kremlin",
  // "Russian", "Russia's"), a possessive name ("Putin's"), or capitalized words ("Russian
  // Railways"). Returns its first token (== end when none) and its key.
  std::size_t org_before(std::string_view t, token_span toks, std::size_t end, org_ref& key) const {
    if (end == 0) return end;
    if (auto m = orgs_.longest_ending_at(toks, end); m.length) {
      key.id = m.payload;
      return end - m.length;
    }
    std::size_t b = end;
    while (b > 0 && end - b < 4 && toks[b - 1].capitalized && !stem_in(function_, toks[b - 1]) &&
           !stem_in(title_words_, toks[b - 1]) && single_space(t, toks[b - 1], toks[b]))
      --b;
    if (b == end) return end;
    key.id = -1;
    key.words.clear();
    for (std::size_t k = b; k < end; ++k) {
      if (k > b) key.words += ' ';
      key.words += toks[k].stem();
    }
    return b;
  }

  // After a title ending in "of" or followed by "of [the]": the organisation's words and the name
  // closing them ("of the Roscosmos State Space Corporation Yuri Borisov"). Returns the name.
  span name_after_org(std::string_view t, token_span toks, std::size_t k, org_ref& org) const {
    const std::size_t from = k;
    span best{k, k};
    std::size_t stop = k;
    while (k < toks.size() && k - from < max_org_words) {
      if (k > from && comma_between(t, toks[k - 1], toks[k])) break;
      if (is_name_word(toks[k]) || (toks[k].capitalized && in(function_, toks[k]))) {
        const span s = name_at(t, toks, k, true);
        const std::size_t e = std::max(s.last, k + 1);
        const bool closes = e >= toks.size() || comma_between(t, toks[e - 1], toks[e]) || !toks[e].capitalized;
        // "the Russian Far Eastern region": capitals right after a demonym name a place.
        const bool after_demonym = k > from && stem_in(demonyms_, toks[k - 1]);
        if (!s.empty() && closes && e - k >= 2 && !after_demonym) {
          best = s;
          stop = k;
          break;
        }
        k = e;
      } else {
        ++k;
      }
    }
    if (best.empty()) return best;
    if (auto m = orgs_.longest_at(toks, from + (toks[from].lower == "the" ? 1 : 0)); m.length) {
      org.id = m.payload;
      return best;
    }
    org.id = -1;
    org.words.clear();
    for (std::size_t j = from; j < stop; ++j) {
      if (toks[j].lower == "the" || toks[j].lower == "of") continue;
      if (!org.words.empty()) org.words += ' ';
      org.words += toks[j].stem();
    }
    return best;
  }

  // A sentence where no title and no delegation cue can start: read_sentence would find its
  // names (a bare name is a mention of its own) and only remember them, since every claim needs
  // a title or a cue. Here the same names are found and remembered without the rest: at each
  // capitalized word (read_sentence's other starts, lower-case words, start no name), a name word
  // starts a name as read_sentence reads it, and only a name of two words or more is remembered,
  // so a name word followed by none that can go on a name is passed over.
  void read_bare_names(std::string_view t, token_span toks, memory& mem) const {
    const std::size_t n = toks.size();
    std::size_t i = 0;
    while (true) {
      while (i < n && !toks[i].capitalized) ++i;
      if (i + 1 >= n) return;  // a name word at the end goes on with nothing: it is not remembered
      const std::size_t at = i++;
      // "9:15 pm MSK": as read_sentence, "pm" after a number starts nothing.
      if (at > 0 && toks[at - 1].has_digit && in(meridiem_, toks[at])) continue;
      if (!is_name_word(toks[at])) continue;
      // A name goes on with a capitalized word, a particle ("bin") or a hyphenated one ("al-Sisi").
      const token& next = toks[at + 1];
      if (!next.capitalized && !next.has_hyphen && !in(particles_, next)) continue;
      const span name = name_at(t, toks, at);
      if (name.empty()) continue;
      remember(t, toks, name, mem);
      i = name.last;
    }
  }

  // The memory, once the names of every sentence read before are in it: the deferred sentences
  // are read now. Remembering is a set (a part and a full name, each pair once) and resolve() asks
  // whether one full name or several are under a part, so the order they are read in changes
  // nothing.
  const memory& settle(reading& r) const {
    if (!r.pending.empty()) {
      const std::string_view t = r.mem.text;
      for (const std::uint32_t sentence : r.pending) read_bare_names(t, (*r.shared)[sentence], r.mem);
      r.pending.clear();
    }
    return r.mem;
  }

  // A sentence where a title or a delegation cue may start (extract_with's first look). It is
  // walked twice, for cues and for mentions, each walk testing only what it needs (a start list
  // made by one walk cost more than the second): a sentence without a name word gives no mention
  // and so nothing.
  void read_sentence(const document& doc, const sentence& sen, std::string_view t, token_span toks,
                     reading& r, std::vector<claim>& out) const {
    memory& mem = r.mem;
    std::vector<mention>& found = r.found;
    const std::size_t n = toks.size();
    // A delegation list: from its cue to the end of the sentence.
    std::size_t list_from = n;
    bool partial = false;
    std::string_view leader;
    // The roles a cue may start with: a delegation's or a partial one's, then, once the list is
    // found, a partial one's only.
    std::uint64_t wanted = list_roles_;
    const token* const end = toks.data() + n;
    for (const token* tok = toks.data();; ++tok) {
      // Two tokens at a time: few words have these roles.
      while (tok < end - 1 && !((tok[0].roles | tok[1].roles) & wanted)) tok += 2;
      while (tok != end && !(tok->roles & wanted)) ++tok;
      if (tok == end) break;
      const auto i = static_cast<std::size_t>(tok - toks.data());
      if (list_from == n) {
        if (auto m = starting_at(delegation_, cue_roles_, cue_openers_, toks, i); m.length) {
          list_from = i + m.length;
          leader = delegation_leader(t, toks, i, r);
          // "Traveling with Lula were ...": the name before the verb leads; the list follows it.
          if (const span who = name_at(t, toks, list_from);
              !who.empty() && who.last < toks.size() && in(copulas_, toks[who.last])) {
            leader = full_name(t, toks, who, r);
            list_from = who.last + 1;
          }
          tok += m.length - 1;
          wanted = partial_roles_;
        }
      } else if (starting_at(partial_, partial_roles_, partial_openers_, toks, i).length) {
        partial = true;
      }
    }

    found.clear();
    std::optional<std::size_t> last_app;  // the mention the last apposition went to, and where it ended
    std::size_t last_app_end = 0;
    const std::uint64_t mention_roles = mention_roles_;
    for (std::size_t i = 0;;) {
      // Neither a name word nor the start of a title or an organisation: nothing starts here.
      while (i < n && !(toks[i].capitalized || (toks[i].roles & mention_roles))) ++i;
      if (i == n) break;
      // "9:15 pm MSK", "2 PM": after a number, "pm" is the time of day, not a prime minister.
      if (i > 0 && toks[i - 1].has_digit && in(meridiem_, toks[i])) {
        ++i;
        continue;
      }
      if (auto m = title_at(toks, i); m.length) {
        mention mn;
        mn.role = m.payload;
        std::size_t e = i + m.length;
        // "Deputy Foreign Minister": a deputy does not hold the role he deputises for.
        std::size_t title_first = i;
        if (i > 0 && in(deputies_, toks[i - 1]) && single_space(t, toks[i - 1], toks[i])) {
          mn.deputy = true;
          title_first = i - 1;
        }
        org_ref org;
        std::size_t org_first = org_before(t, toks, title_first, org);
        const bool former = (org_first > 0 && is_former(toks[org_first - 1])) || (i > 0 && is_former(toks[i - 1]));
        span name{e, e};
        const bool ends_in_of = toks[e - 1].lower == "of";
        if (ends_in_of || (e < toks.size() && toks[e].lower == "of" && !comma_between(t, toks[e - 1], toks[e]))) {
          org_ref of_org;
          name = name_after_org(t, toks, ends_in_of ? e : e + 1, of_org);
          if (!name.empty() && (org.empty(rules_) || !of_org.empty(rules_))) org = std::move(of_org);
        } else if (e < toks.size() && comma_between(t, toks[e - 1], toks[e]) &&
                   t.substr(toks[e - 1].end, toks[e].begin - toks[e - 1].end).find_first_of(";:(") ==
                       std::string_view::npos &&
                   i > 0 && (toks[org_first > 0 ? org_first - 1 : 0].lower == "the" || org_first < i)) {
          // "the US secretary of state, Antony Blinken," / "Russia's foreign minister, Sergei Lavrov,"
          name = name_at(t, toks, e);
          if (!name.empty() && name.last < toks.size() && !comma_between(t, toks[name.last - 1], toks[name.last]))
            name = {e, e};
        } else if (e < toks.size() && !comma_between(t, toks[e - 1], toks[e])) {
          name = name_at(t, toks, e, true);
        }
        if (name.empty()) {
          // No name after it: maybe a title in apposition after a name ("Oleg Kozhemyako, Governor of
          // ..."), or a second one joined by "and" ("Xi Jinping, also general secretary of ... and
          // chairman of ...").
          std::optional<std::size_t> app;
          if (org_first > 0 && toks[org_first - 1].lower == "and" && last_app && last_app_end == org_first - 1)
            app = last_app;
          else
            app = apposition_name(t, toks, org_first, found, r);
          if (app && !former) {
            if (ends_in_of || (e < toks.size() && toks[e].lower == "of")) {
              org_ref of_org;
              const span of = of_span(t, toks, ends_in_of ? e : e + 1, of_org);
              if (!of_org.empty(rules_)) org = std::move(of_org);
              e = std::max(e, of.last);
            }
            // An apposition is closed by a comma, the sentence's end or "and" and another title:
            // "Ushakov, the Russian president also presented ..." makes "the Russian president"
            // the subject of a new clause, not Ushakov's title.
            const bool closed = e >= toks.size() || comma_between(t, toks[e - 1], toks[e]) ||
                                (toks[e].lower == "and" && e + 1 < toks.size() && titles_.longest_at(toks, e + 1).length);
            if (!closed) app.reset();
          }
          if (app && !former) {
            mention role_of = found[*app];  // the same name, one more role
            role_of.role = mn.role;
            role_of.deputy = mn.deputy;
            role_of.organisation = std::move(org);
            role_of.title = {toks[org_first].begin, toks[e - 1].end};
            role_of.whole = {role_of.name.first, e};
            role_of.appositive = true;
            if (found[*app].role < 0) {
              found[*app] = std::move(role_of);
            } else {
              found.push_back(std::move(role_of));
              app = found.size() - 1;
            }
            last_app = app;
            last_app_end = e;
          }
          i = e;
          continue;
        }
        mn.name = name;
        mn.organisation = std::move(org);
        mn.whole = {org_first, name.last};
        mn.title = {toks[org_first].begin, toks[e - 1].end};
        if (!former) found.push_back(std::move(mn));
        else remember(t, toks, name, mem);
        i = name.last;
        continue;
      }
      if (auto o = starting_at(orgs_, org_roles_, org_openers_, toks, i); o.length && i + o.length < toks.size() &&
                                                                title_at(toks, i + o.length).length) {
        i += o.length;  // "NATO secretary-general", "US Secretary of State": read with the title
        continue;
      }
      if (is_name_word(toks[i])) {
        const span name = name_at(t, toks, i);
        if (!name.empty()) {
          mention& mn = found.emplace_back();
          mn.name = name;
          mn.whole = name;
          i = name.last;
          continue;
        }
      }
      ++i;
    }

    bool list_open = false;        // the list of names right after the cue goes on
    bool last_member_bare = true;  // the list so far holds bare names ("Cai Qi, Wang Yi and ...")
    std::size_t last_name_first = static_cast<std::size_t>(-1);  // a name given two roles is claimed once
    shared_string subject, subject_text;  // of the last name claimed: `named`
    span named;
    shared_string delegation;             // "delegation of <leader>", made for the first member
    for (const mention& mn : found) {
      const bool again = mn.name.first == last_name_first;
      last_name_first = mn.name.first;
      // Found names are never empty. remember() keeps names of two words or more and
      // full_name() reads the memory only for a name of one word, so their order does not
      // matter: the full name is made below, only for a claim.
      if (!again) remember(t, toks, mn.name, mem);
      // Members: the titled names after the cue, and the bare names of a list of bare names that
      // opens right after it ("accompanied by Cai Qi, Wang Yi and ..."); not a name the list does
      // not hold ("Traveling with Putin were Defense Minister ...": Putin leads it; "Joined by
      // Defence Secretary John Healey and Foreign Secretary David Lammy, Starmer arrived").
      bool member = false;
      if (mn.name.first >= list_from && !again) {
        const std::size_t first = mn.whole.first;
        const bool follows = first == list_from ||
                             (list_open && first > 0 && (toks[first - 1].lower == "and" ||
                                            t.substr(toks[first - 1].end, toks[first].begin - toks[first - 1].end)
                                                    .find_first_of(",;") != std::string_view::npos));
        const bool titled = mn.role >= 0;
        const std::size_t after = mn.name.last;
        const bool in_list = after >= toks.size() || toks[after].lower == "and" || toks[after].lower == "or" ||
                             t.substr(toks[after - 1].end, toks[after].begin - toks[after - 1].end).find_first_of(",;.") !=
                                 std::string_view::npos;
        // The list ends where its structure does: "Lula, who is accompanied by Finance Minister
        // Fernando Haddad, met Premier Li Qiang": the premier is no member.
        member = follows && (titled || (last_member_bare && in_list));
        if (member) last_member_bare = !titled;
        list_open = member;
      }
      if (mn.role < 0 && !member) continue;  // a bare name: remembered, no claim
      // The claims of one name share its subject and its words (a name given a second role
      // shares those of the first).
      if (!again || mn.name.first != named.first || mn.name.last != named.last) {
        named = mn.name;
        const std::string_view as_written = written(t, toks, mn.name);
        const std::string_view full = full_name(t, toks, mn.name, r);
        r.key.assign(subject_prefix);
        detail::append_folded_name(full, r.key);
        subject = r.text(r.key);
        subject_text = r.text(as_written);
        if (!again) {
          claim& c = out.emplace_back();
          c.kind = claim_kind::person_name;
          c.subject = subject;
          c.subject_text = subject_text;
          c.attribute = name_attribute_;
          // The name's key folds the words as written: the full name's when they are the same.
          std::string_view key = std::string_view(r.key).substr(subject_prefix.size());
          if (full != as_written) {
            r.folded.clear();
            detail::append_folded_name(as_written, r.folded);
            key = r.folded;
          }
          c.val = person_name{subject_text, r.text(key)};
          c.rule = name_rule_;
          fill(doc, sen, toks, mn.name, c, &subject_text);
        }
      }
      if (mn.role >= 0) {
        claim& c = out.emplace_back();
        c.kind = claim_kind::person_role;
        c.subject = subject;
        c.subject_text = subject_text;
        c.attribute = role_attribute_;
        const auto role = static_cast<std::size_t>(mn.role);
        c.val = role_value{mn.deputy ? deputy_ids_[role] : role_ids_[role], r.text(t.substr(mn.title.begin, mn.title.size())),
                           organisation(mn.organisation, r)};
        c.rule = mn.appositive ? apposition_rule_ : title_rule_;
        fill(doc, sen, toks, mn.whole, c);
      }
      if (member) {
        if (delegation.empty()) {
          if (leader.empty()) {
            delegation = delegation_text_;
          } else {
            r.folded.assign("delegation of ").append(leader);
            delegation = r.text(r.folded);
          }
        }
        claim& c = out.emplace_back();
        c.kind = claim_kind::person_role;
        c.subject = subject;
        c.subject_text = subject_text;
        c.attribute = delegation_attribute_;
        c.val = role_value{member_, delegation_text_, delegation};
        c.rule = partial ? partial_rule_ : delegation_rule_;
        fill(doc, sen, toks, mn.whole, c);
      }
    }
  }

  // The words after "of" that name an organisation (up to a comma or the end): "of the Russian
  // Far Eastern region of Primorsky Krai".
  span of_span(std::string_view t, token_span toks, std::size_t k, org_ref& org) const {
    const std::size_t from = k;
    while (k < toks.size() && k - from < max_org_words && (k == from || !comma_between(t, toks[k - 1], toks[k]))) {
      if (k > from && toks[k].lower == "and" && k + 1 < toks.size() && titles_.longest_at(toks, k + 1).length) break;
      ++k;
    }
    for (std::size_t j = from; j < k; ++j)  // a listed organisation or country in the words names it
      if (auto m = orgs_.longest_at(toks, j); m.length) {
        org.id = m.payload;
        return {from, k};
      }
    org.id = -1;
    org.words.clear();
    for (std::size_t j = from; j < k; ++j) {
      if (!toks[j].capitalized) continue;
      if (!org.words.empty()) org.words += ' ';
      org.words += toks[j].stem();
    }
    return {from, k};
  }

  // A title in apposition: "NAME, [the|a] [org] TITLE": the mention whose name ends right before
  // the comma before `title_first`.
  std::optional<std::size_t> apposition_name(std::string_view t, token_span toks, std::size_t title_first,
                                             const std::vector<mention>& found, reading& r) const {
    std::size_t k = title_first;
    while (k > 0 && in(fillers_, toks[k - 1]) && !comma_between(t, toks[k - 1], toks[k])) --k;
    if (k == 0 || found.empty()) return std::nullopt;
    // The name that ends right before (words of the title's organisation may have been read as
    // a name of their own: "Penny Wong, Australia's foreign minister").
    std::size_t at = found.size();
    while (at > 0 && found[at - 1].name.first >= k) --at;
    if (at == 0) return std::nullopt;
    const mention& prev = found[at - 1];
    if (prev.name.last != k) return std::nullopt;
    // One capitalized word ("Earlier, the aide said") is a name only when the document gave it in full.
    if (prev.name.last - prev.name.first < 2 && !settle(r).resolve(toks[prev.name.first]))
      return std::nullopt;
    const std::string_view gap = t.substr(toks[k - 1].end, toks[k].begin - toks[k - 1].end);
    if (gap.find(',') == std::string_view::npos) return std::nullopt;
    return at - 1;
  }

  // The person leading a delegation: the last name before the cue ("Putin was accompanied
  // by"), else an organisation ("The Russian delegation includes"); empty when neither.
  std::string_view delegation_leader(std::string_view t, token_span toks, std::size_t cue,
                                     reading& r) const {
    for (std::size_t k = cue; k > 0; --k) {
      if (is_name_word(toks[k - 1])) {
        std::size_t b = k - 1;
        while (b > 0 && is_name_word(toks[b - 1])) --b;
        const span s{b, k};
        const std::string_view full = full_name(t, toks, s, r);
        // One capitalized word is a leader only when the document gave his full name
        // ("Additionally, the delegation features ...": no one leads it).
        if (!full.empty() && (k - b >= 2 || full.find(' ') != std::string_view::npos)) return full;
      }
      if (auto m = orgs_.longest_ending_at(toks, k); m.length)
        return rules_.people.organisations[static_cast<std::size_t>(m.payload)].id;
    }
    return {};
  }

  // The name's words as written (in the normalized text), without a possessive ending.
  static std::string_view written(std::string_view t, token_span toks, span s) {
    const std::string_view w = t.substr(toks[s.first].begin, toks[s.last - 1].end - toks[s.first].begin);
    return has_possessive(toks[s.last - 1]) ? detail::possessive_stem(w) : w;
  }

  // The name's words as written, or for one word the full name given earlier in the document (a
  // view of the document's text).
  std::string_view full_name(std::string_view t, token_span toks, span s, reading& r) const {
    if (s.empty()) return {};
    if (s.last - s.first == 1)
      if (const std::string_view* full = settle(r).resolve(toks[s.first]); full && !full->empty()) return *full;
    return written(t, toks, s);
  }

  // Remembers a name of two words or more under its first and last words, particles ("bin")
  // left out; a name with fewer than two words but particles is not remembered.
  void remember(std::string_view t, token_span toks, span s, memory& mem) const {
    if (s.last - s.first < 2) return;
    std::size_t first = s.last, last = s.last, parts = 0;
    for (std::size_t k = s.first; k < s.last; ++k)
      if (!in(particles_, toks[k])) {
        if (first == s.last) first = k;
        last = k;
        ++parts;
      }
    if (parts < 2) return;
    mem.remember(t.substr(toks[s.first].begin, toks[s.last - 1].end - toks[s.first].begin), toks[first], toks[last]);
  }

  shared_string organisation(const org_ref& o, const reading& r) const {
    return o.id >= 0 ? org_ids_[static_cast<std::size_t>(o.id)] : r.text(o.words);
  }

  // The evidence of the claim about tokens s (detail::fill_evidence). `words`: a text the
  // evidence's words may equal (a name as written, as the file writes it), shared when they do.
  static void fill(const document& doc, const sentence& sen, token_span toks, span s, claim& c,
                   const shared_string* words = nullptr) {
    detail::fill_evidence(doc, sen, text_span{toks[s.first].begin, toks[s.last - 1].end}, c.ev, words);
  }

  const rule_set& rules_;
  std::shared_ptr<const detail::word_index> index_;  // rules_'s (kept: they may be indexed again); the maps below are bound to it
  // The roles of the words a title or an organisation starts with, and a delegation or partial
  // cue: a lower-case token with none of the first is passed over on one test (all_roles when
  // the maps are unbound: no token is).
  std::uint64_t title_roles_ = detail::all_roles, org_roles_ = detail::all_roles, cue_roles_ = detail::all_roles;
  std::uint64_t partial_roles_ = detail::all_roles;
  std::uint64_t mention_roles_ = detail::all_roles, list_roles_ = detail::all_roles;
  phrase_matcher titles_, orgs_, delegation_, partial_;
  word_set former_, stop_, particles_, function_, demonyms_, calendar_, title_words_, fillers_, deputies_, copulas_;
  word_set meridiem_;  // "a.m.", "pm": after a number, a time of day
  word_set not_name_;  // function_, stop_, demonyms_, calendar_ and title_words_ together: one lookup in is_name_word
  std::vector<unsigned char> not_name_ids_;  // by word id of index_: 1 for a word of not_name_; empty: unknown
  std::vector<std::string> former_prefixes_;
  // The first words of the phrases of titles_, orgs_, delegation_ and partial_ (starting_at).
  opening_filter title_openers_, org_openers_, cue_openers_, partial_openers_;
  // The texts every claim of a kind shares, made once: a copy only counts a reference.
  std::vector<shared_string> role_ids_, deputy_ids_, org_ids_;  // by role and organisation index
  shared_string name_attribute_{"name"}, role_attribute_{"role"}, delegation_attribute_{"delegation"};
  shared_string name_rule_{"person.name"}, title_rule_{"person.title"}, apposition_rule_{"person.apposition"};
  shared_string delegation_rule_{"person.delegation"}, partial_rule_{"person.delegation.partial"};
  shared_string member_{"member"}, delegation_text_{"delegation"};
};

}  // namespace

std::unique_ptr<extractor> make_person_extractor(const rule_set& rules) {
  return std::make_unique<person_extractor>(rules);
}

}  // namespace crosscheck
