// Internal: the events a sentence speaks of, shared by the extractors that date or measure
// them (times today; dates and durations next).
//
// For each sentence, event_context::scan() finds once, in linear time: the event triggers
// (data/events.yaml), the actor of each ("Putin arrived", "Putin's plane landed", "he landed",
// "the Russian president landed" after "Russian President Vladimir Putin"), its modality
// ("was scheduled to arrive", "did not arrive"), the known places, and the source cues
// ("according to", "said"). An extractor that has found a value in the sentence then asks:
//
//   event_scan sc;  event_memory mem;             // mem lives as long as the document
//   sc.use(sentence, tokens_of(doc, s, shared, buffer));       // its tokens (token_pass.hpp)
//   if (!ctx.scan(text, mem, sc)) continue;                    // no event in this sentence
//   auto k = ctx.attach(text, sc, first_tok, last_tok);        // the trigger the value dates
//   if (!k) continue;                                          // none, or a statement's time
//   shared_string subject = ctx.subject(sc, *k, ctx.place_of(sc, *k));   // "arrival:putin@pyongyang"
//   shared_string who = ctx.attribution(text, sc, first_tok, last_tok, end_offset);
//
// Subjects are "<event>:<actor>[@<place>]"; the actor key is the last part of the last name
// word ("putin", "un" for Kim Jong Un / Kim Jong-un). Telling apart people who share it is the
// people linker's work.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crosscheck/claim.hpp"
#include "crosscheck/document.hpp"
#include "model/evidence_texts.hpp"
#include "crosscheck/rules.hpp"
#include "extract/lexical.hpp"
#include "extract/token_pass.hpp"

namespace crosscheck::detail {

struct trigger_hit {
  std::size_t tok = 0;  // first token
  std::size_t len = 0;  // in tokens
  int event = 0;        // index into rule_set::events
};

struct actor {
  std::string_view key;   // "putin": one of the document's keys (event_memory::intern())
  std::string_view text;  // "Russian President Vladimir Putin", in the document's normalized text
};

// A source cue: a preposition ("according to") or a reporting verb ("said"). What it names is
// read once, when first needed.
struct source_hit {
  std::size_t tok = 0;
  std::size_t len = 0;
  bool read = false;
  shared_string text;            // the source it names; empty when none
  std::size_t clause_begin = 0;  // reporting verbs: the clause before the verb, [begin, end)
  std::size_t clause_end = 0;
};

// What scan() finds in one sentence.
struct event_scan {
  // The sentence and its tokens (tokens_of() in token_pass.hpp), which must outlive the scan's use.
  // `summary`: what the tokens hold together (sentence_tokens_of()); scan() reads the sentence's
  // role bits and flags from it instead of from every token.
  void use(const sentence& s, token_span toks, const token_summary& summary) {
    sen = &s;
    toks_ = toks;
    summary_ = &summary;
  }
  token_span toks() const noexcept { return toks_; }

  // Empties the scan for another document, keeping what its vectors have grown to (a pass keeps
  // one scan per thread, so that a document allocates nothing for them once they have grown).
  void reset() {
    sen = nullptr;
    toks_ = {};
    summary_ = &no_summary_;
    roles = all_roles;
    digits = hyphens = true;
    triggers.clear();
    actors.clear();
    modalities.clear();
    modalities_read = false;
    shares_actor.clear();
    places.clear();
    origins.clear();
    destinations.clear();
    prepositions.clear();
    reporters.clear();
    triggers_before = 0;
    places_read = false;
    scratch.clear();
    attributions.clear();
    subjects.clear();
    actor_texts.clear();
    texts = nullptr;
  }

  const sentence* sen = nullptr;
  // What the sentence's tokens hold, in one walk (event_context::scan): the OR of their role
  // bits (roles and stem_roles), and whether any has a digit or a hyphen. A part that needs a
  // word of some list, or a digit, passes over a sentence with none on one test.
  std::uint64_t roles = all_roles;
  bool digits = true;
  bool hyphens = true;
  std::vector<trigger_hit> triggers;
  std::vector<std::optional<actor>> actors;                 // one per trigger
  // One per trigger, read when a claim first asks (event_context::modality_of()); until then
  // empty. shares_actor: whether the trigger's actor is the one of the trigger before it.
  std::vector<modality> modalities;
  bool modalities_read = false;
  std::vector<unsigned char> shares_actor;  // bytes, not vector<bool>: a push_back of a bit costs more
  std::vector<std::pair<std::size_t, std::size_t>> places;  // (token, index into rule_set::places)
  // Per place, bytes (not vector<bool>, as shares_actor): after an origin cue ("from Yakutsk"),
  // after a destination cue ("for Hanoi").
  std::vector<unsigned char> origins;
  std::vector<unsigned char> destinations;
  std::vector<source_hit> prepositions, reporters;
  std::size_t triggers_before = 0;  // attach(): triggers ending before the last value, counted on
  bool places_read = false;  // places and source cues are read when a claim first needs them
  std::vector<std::size_t> scratch;  // a part's per-sentence list (kept, so that no sentence allocates)

  // The texts claims share, made once and copied (a reference count) by every claim that has
  // them: a sentence's "X, citing Y" attributions (by reporter and preposition, cleared with its
  // places), and the subjects and actor texts of the document (the scan lives as long as it).
  struct attribution_text {
    std::size_t reporter = 0, cited = 0;  // indices into reporters and prepositions
    shared_string text;
  };
  struct subject_text {
    std::string_view event;  // the event id: rules' or a part's, alive as long as they are
    std::string_view key;    // the actor's (event_memory::intern(): alive for the document)
    std::size_t place = 0;   // index into rule_set::places; no_place when none
    shared_string text;
  };
  static constexpr std::size_t no_place = static_cast<std::size_t>(-1);
  std::vector<attribution_text> attributions;
  std::vector<subject_text> subjects;
  std::vector<std::pair<std::string_view, shared_string>> actor_texts;  // actor::text and its copy
  // The document's evidence_texts when one is alive (an extractor_set's): the texts above are then
  // cut from its pool (shared_string_pool) instead of one allocation each. Set per document by
  // the pass (evidence_texts::of), nullptr after reset().
  evidence_texts* texts = nullptr;
  shared_string share(std::string_view s) const { return texts ? texts->text(s) : shared_string(s); }

 private:
  token_span toks_;
  const token_summary* summary_ = &no_summary_;
  friend class event_context;  // scan() reads summary_
  static inline const token_summary no_summary_;
};

// A title written before a name ("Russian President Vladimir Putin"), as offsets into the
// normalized text: its modifier ("Russian"), its noun ("President") and the name after them,
// with the hashes of the modifier's and the noun's lower-case stems (token::stem_hash).
struct title_mention {
  text_span modifier, noun;
  std::uint64_t modifier_hash = 0, noun_hash = 0;
  std::size_t name_begin = 0;  // the name's first token's begin
  text_span last;              // the name's last token
};

// What carries from one sentence of a document to the next.
struct event_memory {
  std::optional<actor> last_actor;                  // for "he", "the president's plane"
  // Titles found so far, in text order; a lookup searches them from the latest back.
  std::vector<title_mention> title_mentions;
  std::vector<std::string_view> known;              // keys of the actors named so far ("putin"), each once

  // The document's actor keys, each once: an actor's key is a view of one of them, so that an
  // actor (the last one named, one per trigger, a subject's) is copied without its key. A
  // document names a few actors; the walk to find one is shorter than a copy of a string.
  std::string_view intern(std::string_view key) {
    for (const std::string& k : keys_)
      if (k == key) return k;
    return keys_.emplace_back(key);  // a deque: the strings already given out do not move
  }

  // Few sentences look a title up (5 in the 203 of data/samples), so titles are noted only when
  // one does: the sentences before it that were not read yet, then its own. For that, the
  // memory can read the tokens of an earlier sentence of the document: give it the document
  // (read_titles_from) and say which sentence is scanned (current). Without a document, scan()
  // notes every sentence's titles as it goes (the event pass run alone does, rather than
  // tokenize earlier sentences again).
  void read_titles_from(const document& doc, const document_tokens* shared, const word_index* index) {
    doc_ = &doc;
    shared_ = shared;
    index_ = index;
  }
  std::size_t current = 0;  // the index in doc.sentences of the sentence being scanned

  // Forgets the document, keeping what the vectors have grown to (see event_scan::reset()).
  void reset() {
    last_actor.reset();
    title_mentions.clear();
    known.clear();
    keys_.clear();
    current = 0;
    doc_ = nullptr;
    shared_ = nullptr;
    index_ = nullptr;
    titles_read_ = 0;
  }

 private:
  friend class event_context;
  const document* doc_ = nullptr;
  const document_tokens* shared_ = nullptr;
  const word_index* index_ = nullptr;
  std::size_t titles_read_ = 0;  // sentences [0, titles_read_) have their titles in title_mentions
  std::deque<std::string> keys_;  // intern()'s
  token_list earlier_;           // an earlier sentence's tokens, when none are shared
};

class event_context {
 public:
  explicit event_context(const rule_set& rules);  // rules must outlive it

  // Notes the titles of the sentence whose tokens sc holds (event_scan::use) into mem; when it
  // has an event trigger, also finds their actors and returns true. Modalities, places and
  // source cues are read when a claim first asks for them.
  bool scan(std::string_view text, event_memory& mem, event_scan& sc) const;
  // Whether scan() may find a trigger in a sentence whose tokens' roles OR to `roles`
  // (token_summary::roles): false, and it finds none.
  bool may_hold_trigger(std::uint64_t roles) const noexcept { return roles & triggers_.start_roles(); }

  // The trigger (index into sc.triggers) that a value at tokens [first, last) dates: the nearest
  // one before it (within 24 tokens), else one shortly after it (within 8), if it has an actor.
  // nullopt when there is none, or when the value is the time of a statement ("the Kremlin said
  // at 3 a.m. that Putin had arrived"). Values must be asked about in sentence order.
  std::optional<std::size_t> attach(std::string_view text, event_scan& sc, std::size_t first, std::size_t last) const;

  // The modality of trigger k ("was scheduled to arrive": scheduled), that of the trigger before
  // it when both share an actor in one clause. Read for all the sentence's triggers on the first
  // call after scan().
  modality modality_of(std::string_view text, event_scan& sc, std::size_t k) const;

  // The place of the event of trigger k: the first known place after it, else the last before
  // it. For an event that is not at its origin (an arrival, not a departure), a place after an
  // origin cue ("from Yakutsk") is passed over.
  std::optional<std::size_t> place_of(event_scan& sc, std::size_t k) const;

  // "<event>:<actor>[@<place>]" for trigger k (which must have an actor); `event`, when given,
  // replaces the trigger's own event id (an arrival's date is the date of its visit). Made once
  // per document for each subject (sc.subjects); each claim copies it.
  shared_string subject(event_scan& sc, std::size_t k, std::optional<std::size_t> place,
                        std::string_view event = {}) const;
  // The words that name trigger k's actor (actor::text), shared like subjects.
  static shared_string actor_text(event_scan& sc, std::size_t k);

  // A modality cue ("likely", "scheduled") in tokens [from, to), in the same clause as token
  // `to`: "Putin's visit is most likely to be cut short to a day".
  std::optional<modality> modality_between(std::string_view text, token_span toks, std::size_t from,
                                           std::size_t to) const;

  // Who the text says a value at tokens [first, last) comes from: "X, citing Y", "X" or "Y";
  // empty when the sentence names none. end_offset: the value's normalized end. Each text is
  // made once per sentence; claims copy it.
  shared_string attribution(std::string_view text, event_scan& sc, std::size_t first, std::size_t last,
                            std::size_t end_offset) const;

  // A capitalized word that can be part of a name: not a function word, day, or word with digits.
  bool is_name_word(const token& tok) const {
    return tok.capitalized && !tok.has_digit && !function_words_.contains_stem(tok);
  }
  bool is_function_word(const token& tok) const { return function_words_.contains_stem(tok); }
  // The length in tokens of an offset word ("after", "ahead of") at toks[k]; 0 if none.
  std::size_t offset_at(token_span toks, std::size_t k) const { return offsets_.longest_at(toks, k).length; }
  // An offset word within the three tokens before token `first`.
  bool after_offset(token_span toks, std::size_t first) const {
    for (std::size_t k = first >= 3 ? first - 3 : 0; k < first; ++k)
      if (offset_at(toks, k)) return true;
    return false;
  }
  // Whether a known place ends right before token `end` ("Pyongyang 02:46": a place, not a label).
  bool ends_with_place(token_span toks, std::size_t end) const {
    return places_.longest_ending_at(toks, end).length > 0;
  }

  // Fills a claim's evidence: document, outlet, the words at the normalized span `words` (as in
  // the file, with their byte offsets), the sentence, and whether its paragraph is a repeat.
  static void fill_evidence(const document& doc, const event_scan& sc, text_span words, claim& c) {
    fill_evidence(doc, *sc.sen, words, c);
  }
  static void fill_evidence(const document& doc, const sentence& sen, text_span words, claim& c);

 private:
  void index_titles(token_span toks, event_memory& mem) const;
  // Notes the titles of the sentences not read yet, up to the current one (whose tokens are
  // `toks`), so that a title lookup sees every title before it.
  void read_titles(token_span toks, event_memory& mem) const;
  // Whom the title "<modifier> <noun>" (possessives stripped, lower case) last named; nullopt when none.
  static std::optional<actor> title_named(std::string_view t, event_memory& mem, const token& modifier,
                                          const token& noun);
  static actor make_actor(std::string_view t, token_span toks, std::size_t first, std::size_t last,
                          event_memory& mem);
  static actor make_actor(std::string_view t, std::size_t name_begin, text_span last, std::string_view last_lower,
                          event_memory& mem);
  // The key of an actor whose last name word's lower case is `last_lower` ("putin"): a view of it,
  // or of `folded`, where a name that needs folding is put.
  static std::string_view actor_key(std::string_view last_lower, std::string& folded);
  std::optional<actor> find_actor(std::string_view t, token_span toks, std::size_t trig,
                                  event_memory& mem, std::size_t prev_end, const std::optional<actor>& prev,
                                  bool& shared) const;
  void scan_places_and_sources(event_scan& sc) const;
  // known_only: only a name whose key mem.known holds.
  std::optional<actor> first_name_before(std::string_view t, token_span toks, std::size_t end,
                                         event_memory& mem, bool known_only) const;
  bool in_opening_phrase(std::string_view t, token_span toks, std::size_t trig, std::size_t value) const;
  static void read_preposition(std::string_view t, const event_scan& sc, source_hit& h);
  void read_reporter(std::string_view t, const event_scan& sc, source_hit& h) const;
  modality find_modality(std::string_view t, token_span toks, std::size_t trig,
                         std::size_t from_tok) const;

  const rule_set& rules_;
  phrase_matcher triggers_, places_, zones_, prepositions_, reporting_, modality_, origins_, destinations_, offsets_;
  word_set function_words_, pronouns_, determiners_, openers_, auxiliaries_, demonyms_, clause_openers_;
  // The byte length of the longest word of the sets read_reporter() asks about whole texts.
  struct {
    std::size_t pronoun = 0, function_word = 0, opener = 0, auxiliary = 0;
  } longest_;
  // The role bits of the words the place cues, zones and places start with, and those of the
  // source cues: scan_places_and_sources() passes over a token with none (all_roles when unbound).
  std::uint64_t place_roles_ = all_roles, source_roles_ = all_roles;
  std::vector<std::string> place_keys_;  // by place index: the name in lower case, as subjects hold it
};

// "Putin's" -> "Putin"; "leaders'" -> "leaders".
std::string strip_possessive(std::string_view s);
bool is_possessive(std::string_view lower);
// Whether the text between two neighbouring tokens holds the punctuation mark `c`. The gap is a
// byte or two, most often one space: a loop over it costs less than a call to memchr.
inline bool boundary_between(std::string_view t, const token& before, const token& after, char c) {
  const std::size_t end = std::min<std::size_t>(after.begin, t.size());
  for (std::size_t i = before.end; i < end; ++i)
    if (t[i] == c) return true;
  return false;
}
// Whether a comma or a semicolon stands between two neighbouring tokens: a clause break.
inline bool clause_break(std::string_view t, const token& before, const token& after) {
  return boundary_between(t, before, after, ',') || boundary_between(t, before, after, ';');
}

}  // namespace crosscheck::detail
