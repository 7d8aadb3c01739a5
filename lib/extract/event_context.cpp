// Internal: the events a sentence speaks of. See event_context.hpp.
#include "extract/event_context.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <iterator>
#include <limits>

#include "model/evidence_texts.hpp"
#include "text/fold.hpp"

namespace crosscheck::detail {
namespace {

constexpr std::size_t max_trigger_distance = 24;  // tokens between a trigger and a value after it
constexpr std::size_t max_trigger_after = 8;      // tokens between a value and a trigger after it
constexpr std::size_t max_actor_distance = 8;     // tokens between an actor's name and its trigger
constexpr std::size_t max_apposition = 12;        // tokens in "Putin, <apposition>, arrived"
constexpr std::size_t max_name_run = 6;           // capitalized words read as one name ("Russian President Vladimir Putin")
constexpr std::size_t max_sources_tried = 16;     // reporting verbs tried for one claim's source
constexpr std::size_t max_shared_texts = 32;      // subjects and actor texts a scan keeps for claims to share

source_hit source_at(std::size_t tok, std::size_t len) {
  source_hit h;
  h.tok = tok;
  h.len = len;
  return h;
}

// Whether the lower case of `s` is a word of `set`. A word of a few dozen bytes is lowered on
// the stack: a source's clause is read word by word (openers, auxiliaries, pronouns), and a
// std::string per word cost more than the lookups.
// `longest`: the byte length of the set's longest word. Most texts asked about are whole
// sources ("the Kremlin's Telegram channel") asked whether they are one pronoun: longer than any
// word of the set, they are turned away before they are lowered and hashed.
bool contains_lower(const word_set& set, std::size_t longest, std::string_view s) {
  char buf[64];
  if (s.size() > sizeof buf) return set.contains(lower(s));  // lower() may change a length: asked
  if (s.size() > longest) return false;                      // ASCII lowering keeps it
  for (std::size_t k = 0; k < s.size(); ++k) buf[k] = ascii_lower(s[k]);
  return set.contains(std::string_view(buf, s.size()));
}

// The bytes that end a clause: 1 for , ; ( ) and ", 2 for ':' (which does unless it stands
// between digits). A source's clause is read byte by byte, back and forth: one load per byte
// instead of six compares.
constexpr std::array<unsigned char, 256> clause_marks = [] {
  std::array<unsigned char, 256> marks{};
  for (const char c : {',', ';', '(', ')', '"'}) marks[static_cast<unsigned char>(c)] = 1;
  marks[static_cast<unsigned char>(':')] = 2;
  return marks;
}();

// A clause boundary at t[i]; the ':' of a clock time ("2:46") is not one.
bool is_clause_boundary(std::string_view t, std::size_t i) {
  const unsigned char mark = clause_marks[static_cast<unsigned char>(t[i])];
  if (mark != 2) return mark != 0;
  return !(i > 0 && i + 1 < t.size() && is_ascii_digit(t[i - 1]) && is_ascii_digit(t[i + 1]));
}
// Trims spaces, commas, quotes and brackets around a source; empty when no letter is left.
std::string_view trim_source(std::string_view s) {
  auto junk = [](char c) { return detail::is_space(c) || c == ',' || c == '"' || c == '(' || c == ')'; };
  while (!s.empty() && junk(s.front())) s.remove_prefix(1);
  while (!s.empty() && (junk(s.back()) || s.back() == '.')) s.remove_suffix(1);
  const bool letters = std::any_of(s.begin(), s.end(), [](char c) { return detail::is_word_byte(c); });
  return letters ? s : std::string_view();
}


}  // namespace

std::string strip_possessive(std::string_view s) { return std::string(possessive_stem(s)); }

bool is_possessive(std::string_view lower) { return possessive_stem(lower).size() != lower.size(); }


event_context::event_context(const rule_set& rules) : rules_(rules) {
  for (std::size_t e = 0; e < rules.events.size(); ++e) {
    for (const auto& t : rules.events[e].triggers) triggers_.add(t, static_cast<int>(e));
    for (const auto& t : rules.events[e].nouns) triggers_.add(t, static_cast<int>(e));
  }
  for (std::size_t p = 0; p < rules.places.size(); ++p) {
    // Each name also in the possessive: "Pyongyang's Sunan airport", "North Korea's capital".
    places_.add(rules.places[p].name, static_cast<int>(p));
    places_.add(rules.places[p].name + "'s", static_cast<int>(p));
    for (const auto& a : rules.places[p].aliases) {
      places_.add(a, static_cast<int>(p));
      places_.add(a + "'s", static_cast<int>(p));
    }
  }
  for (std::size_t z = 0; z < rules.zones.size(); ++z) zones_.add(rules.zones[z].name, static_cast<int>(z));
  for (const auto& o : rules.origin_cues) origins_.add(o, 0);
  for (const auto& d : rules.destination_cues) destinations_.add(d, 0);
  for (const auto& p : rules.attribution.prepositions) prepositions_.add(p, 0);
  for (const auto& v : rules.attribution.reporting_verbs) reporting_.add(v, 0);
  for (const auto& m : rules.modality_cues.scheduled) modality_.add(m, static_cast<int>(modality::scheduled));
  for (const auto& m : rules.modality_cues.planned) modality_.add(m, static_cast<int>(modality::planned));
  for (const auto& m : rules.modality_cues.expected) modality_.add(m, static_cast<int>(modality::expected));
  for (const auto& m : rules.modality_cues.denied) modality_.add(m, static_cast<int>(modality::denied));
  function_words_.insert(rules.english.function_words.begin(), rules.english.function_words.end());
  pronouns_.insert(rules.english.pronouns.begin(), rules.english.pronouns.end());
  determiners_.insert(rules.english.determiners.begin(), rules.english.determiners.end());
  openers_.insert(rules.english.openers.begin(), rules.english.openers.end());
  auxiliaries_.insert(rules.english.auxiliaries.begin(), rules.english.auxiliaries.end());
  demonyms_.insert(rules.english.demonyms.begin(), rules.english.demonyms.end());
  clause_openers_.insert(rules.english.clause_openers.begin(), rules.english.clause_openers.end());
  const auto longest = [](const std::vector<std::string>& words) {
    std::size_t n = 0;
    for (const auto& w : words) n = std::max(n, w.size());
    return n;
  };
  longest_ = {longest(rules.english.pronouns), longest(rules.english.function_words), longest(rules.english.openers),
              longest(rules.english.auxiliaries)};
  for (const auto& o : rules.event_dates.offsets) offsets_.add(o, 0);
  bind_roles(rules.word_ids(), triggers_, places_, zones_, prepositions_, reporting_, modality_, origins_, destinations_,
             offsets_, function_words_, pronouns_, determiners_, openers_, auxiliaries_, demonyms_, clause_openers_);
  place_roles_ = origins_.start_roles() | destinations_.start_roles() | zones_.start_roles() | places_.start_roles();
  source_roles_ = prepositions_.start_roles() | reporting_.start_roles();
  for (const auto& p : rules.places) place_keys_.push_back(lower(p.name));
}

bool event_context::scan(std::string_view t, event_memory& mem, event_scan& sc) const {
  const token* const tk = sc.toks().data();
  const std::size_t n = sc.toks().size();
  // With the document at hand, titles are noted when a lookup needs them (read_titles()).
  if (!mem.doc_) index_titles(sc.toks(), mem);
  sc.triggers.clear();
  // What the sentence's tokens hold together (their roles and stem_roles ORed, whether any has a
  // digit or a hyphen), found while they were tokenized: most sentences (two in three of
  // data/samples) hold no word a trigger starts with, and cost this one test.
  const token_summary& sum = *sc.summary_;
  const std::uint64_t trigger_roles = triggers_.start_roles();
  if (!(sum.roles & trigger_roles)) return false;
  sc.roles = sum.roles | sum.stem_roles;  // for the parts' own tests
  sc.digits = sum.any_digit;
  sc.hyphens = sum.any_hyphen;
  // Then the triggers: four words that start none are passed over on one test.
  for (std::size_t i = 0; i < n; ++i) {
    if (i + 4 <= n && !((tk[i].roles | tk[i + 1].roles | tk[i + 2].roles | tk[i + 3].roles) & trigger_roles)) {
      i += 3;
      continue;
    }
    if (!(tk[i].roles & trigger_roles)) continue;  // longest_at()'s first test, without its call
    if (const auto m = triggers_.longest_at(sc.toks(), i); m.length) {
      sc.triggers.push_back({i, m.length, m.payload});
      i += m.length - 1;
    }
  }
  if (sc.triggers.empty()) return false;
  // Actors of each trigger, in order, so that "he" refers to the last one named. Whether a
  // trigger shares the actor of the one before it is noted for its modality (modality_of()): "is
  // due to leave Pyongyang on Wednesday and arrive in Hanoi at 10 p.m." is a plan throughout.
  sc.actors.clear();
  sc.modalities.clear();
  sc.shares_actor.clear();
  sc.modalities_read = false;  // read when a claim first asks (modality_of()): most sentences make none
  for (std::size_t k = 0; k < sc.triggers.size(); ++k) {
    const std::size_t prev_end = k ? sc.triggers[k - 1].tok + sc.triggers[k - 1].len : 0;
    bool shared = false;
    static const std::optional<actor> no_actor;
    sc.actors.push_back(find_actor(t, sc.toks(), sc.triggers[k].tok, mem, prev_end, k ? sc.actors[k - 1] : no_actor,
                                   shared));
    // "The visit, Putin's first to Pyongyang", "The trip is Putin's first", "The 4-day visit to
    // Seoul is Kim's first": a possessive name shortly after a trigger with none before it (a
    // place between them is not counted in the distance).
    if (!sc.actors.back() || shared) {
      const std::size_t from = sc.triggers[k].tok + sc.triggers[k].len;
      for (std::size_t j = from, reach = from + 3; j < sc.toks().size() && j < reach; ++j) {
        if (const auto p = places_.longest_at(sc.toks(), j); p.length) {
          reach += p.length;
          j += p.length - 1;
          continue;
        }
        if (is_name_word(sc.toks()[j]) && sc.toks()[j].possessive && !demonyms_.contains_stem(sc.toks()[j])) {
          std::size_t b = j;
          while (b > from && j - b + 1 < max_name_run && is_name_word(sc.toks()[b - 1]) &&
                 sc.toks()[b - 1].end + 1 == sc.toks()[b].begin)
            --b;
          sc.actors.back() = make_actor(t, sc.toks(), b, j, mem);
          shared = false;
          break;
        }
      }
    }
    sc.shares_actor.push_back(shared);
    if (sc.actors.back()) {
      mem.last_actor = sc.actors.back();
      if (std::find(mem.known.begin(), mem.known.end(), mem.last_actor->key) == mem.known.end())
        mem.known.push_back(mem.last_actor->key);
    }
  }
  sc.places_read = false;  // most trigger sentences hold no value: their places are never read
  sc.triggers_before = 0;
  return true;
}

modality event_context::modality_of(std::string_view t, event_scan& sc, std::size_t k) const {
  if (!sc.modalities_read) {
    sc.modalities_read = true;
    sc.modalities.clear();
    for (std::size_t q = 0; q < sc.triggers.size(); ++q) {
      const std::size_t prev_end = q ? sc.triggers[q - 1].tok + sc.triggers[q - 1].len : 0;
      const bool shared = q < sc.shares_actor.size() && sc.shares_actor[q];
      modality m = find_modality(t, sc.toks(), sc.triggers[q].tok, prev_end);
      // A trigger that shares the actor of the one before it shares its modality too ... but not
      // across a clause opener: "was scheduled to arrive on Tuesday but arrived on Wednesday"
      // reports the second arrival.
      bool opener_between = false;
      for (std::size_t j = prev_end; shared && j < sc.triggers[q].tok; ++j)
        opener_between = opener_between || clause_openers_.contains(sc.toks()[j]);
      if (m == modality::reported && shared && !opener_between) m = sc.modalities[q - 1];
      sc.modalities.push_back(m);
    }
  }
  return sc.modalities[k];
}

std::optional<std::size_t> event_context::attach(std::string_view t, event_scan& sc, std::size_t first,
                                                 std::size_t last) const {
  const auto& toks = sc.toks();
  const auto& triggers = sc.triggers;
  // The nearest trigger before the value, else the nearest one shortly after it. Values come in
  // order, so the triggers before the value are counted on from the last one.
  while (sc.triggers_before < triggers.size() &&
         triggers[sc.triggers_before].tok + triggers[sc.triggers_before].len <= first)
    ++sc.triggers_before;
  std::optional<std::size_t> pick;
  if (const std::size_t k = sc.triggers_before;
      k > 0 && first - (triggers[k - 1].tok + triggers[k - 1].len) <= max_trigger_distance &&
      !in_opening_phrase(t, toks, triggers[k - 1].tok, first))
    pick = k - 1;
  if (!pick) {
    for (std::size_t k = sc.triggers_before; k < triggers.size() && triggers[k].tok < last + max_trigger_after + 1; ++k)
      if (triggers[k].tok >= last) {
        // "On Tuesday, the day before he arrived": counted from the event, not its date.
        for (std::size_t j = last; j < triggers[k].tok; ++j)
          if (offsets_.longest_at(toks, j).length) return std::nullopt;
        pick = k;
        break;
      }
  }
  if (!pick || !sc.actors[*pick]) return std::nullopt;
  const trigger_hit& tr = triggers[*pick];
  // A reporting verb between the trigger and the value, or just before the value, means the
  // value is that of the statement, not of the event.
  const std::size_t lo = std::min(tr.tok + tr.len, last), hi = std::max(tr.tok, first);
  for (std::size_t k = lo; k < hi; ++k)
    if (reporting_.longest_at(toks, k).length) return std::nullopt;
  for (std::size_t k = first >= 2 ? first - 2 : 0; k < first; ++k)
    if (reporting_.longest_at(toks, k).length) return std::nullopt;
  // A value before its trigger, in the clause of a reporting verb ("the Kremlin said on Telegram
  // at 3:05 a.m. that Putin had landed"), dates the statement too.
  if (tr.tok >= last) {
    for (std::size_t k = first, n = 0; k > 0 && n < max_trigger_after; --k, ++n) {
      if (clause_break(t, toks[k - 1], toks[k])) break;
      if (reporting_.longest_at(toks, k - 1).length) return std::nullopt;
    }
  }
  return pick;
}

// "Before his arrival in North Korea, Putin published an article ... on Tuesday": a trigger in a
// phrase that opens the sentence ("Before", "After", "Upon" ... up to the first comma) does not
// reach a value after that comma.
bool event_context::in_opening_phrase(std::string_view t, token_span toks, std::size_t trig,
                                      std::size_t value) const {
  if (toks.empty() || !openers_.contains(toks[0])) return false;
  for (std::size_t j = 1; j < toks.size() && j <= value; ++j)
    if (boundary_between(t, toks[j - 1], toks[j], ',')) return trig < j && value >= j;
  return false;
}

std::optional<std::size_t> event_context::place_of(event_scan& sc, std::size_t k) const {
  if (!sc.places_read) scan_places_and_sources(sc);
  const std::size_t trig = sc.triggers[k].tok;
  const bool origin_ok = rules_.events[static_cast<std::size_t>(sc.triggers[k].event)].at_origin;
  const auto after = static_cast<std::size_t>(
      std::upper_bound(sc.places.begin(), sc.places.end(), trig,
                       [](std::size_t tok, const auto& p) { return tok < p.first; }) -
      sc.places.begin());
  // An arrival is not where a trip began ("from Yakutsk"); a departure is not where it goes ("for Hanoi").
  const auto fits = [&](std::size_t p) { return origin_ok ? !sc.destinations[p] : !sc.origins[p]; };
  for (std::size_t p = after; p < sc.places.size(); ++p)
    if (fits(p)) return sc.places[p].second;
  for (std::size_t p = after; p > 0; --p)
    if (fits(p - 1)) return sc.places[p - 1].second;
  return std::nullopt;
}

shared_string event_context::subject(event_scan& sc, std::size_t k, std::optional<std::size_t> place,
                                     std::string_view event) const {
  const std::string_view id = event.empty() ? std::string_view(rules_.events[static_cast<std::size_t>(sc.triggers[k].event)].id) : event;
  const std::string_view key = sc.actors[k]->key;
  const std::size_t p = place ? *place : event_scan::no_place;
  for (const auto& s : sc.subjects)
    // Keys are interned (event_memory::intern): one key, one address. Event ids are not (a
    // part's `dated_as` and the rules' id of the same event are two strings): compared last.
    if (s.place == p && s.key.data() == key.data() && s.event == id) return s.text;
  // The text is put together in a buffer on the stack (a subject is a few dozen bytes) and
  // copied once, into its shared block.
  const std::string_view at_place = place ? std::string_view(place_keys_[p]) : std::string_view();
  const std::size_t size = id.size() + 1 + key.size() + (place ? 1 + at_place.size() : 0);
  char stack[160];
  std::string heap;
  char* const buf = size <= sizeof stack ? stack : (heap.resize(size), heap.data());
  char* o = std::copy(id.begin(), id.end(), buf);
  *o++ = ':';
  o = std::copy(key.begin(), key.end(), o);
  if (place) {
    *o++ = '@';
    o = std::copy(at_place.begin(), at_place.end(), o);
  }
  // A document names a few subjects; one that names a great many keeps the last ones, so that a
  // lookup stays short.
  if (sc.subjects.size() >= max_shared_texts) sc.subjects.clear();
  sc.subjects.reserve(max_shared_texts);
  sc.subjects.push_back({id, key, p, sc.share(std::string_view(buf, size))});
  return sc.subjects.back().text;
}

shared_string event_context::actor_text(event_scan& sc, std::size_t k) {
  const std::string_view text = sc.actors[k]->text;
  for (const auto& [words, shared] : sc.actor_texts)
    if (words == text) return shared;
  if (sc.actor_texts.size() >= max_shared_texts) sc.actor_texts.clear();
  sc.actor_texts.reserve(max_shared_texts);
  sc.actor_texts.emplace_back(text, sc.share(text));
  return sc.actor_texts.back().second;
}

void event_context::fill_evidence(const document& doc, const sentence& sen, text_span words, claim& c) {
  detail::fill_evidence(doc, sen, words, c.ev);  // the document's texts shared (model/evidence_texts.hpp)
}



// Titles written before names: "Russian President Vladimir Putin", "North Korean leader Kim
// Jong-un". The title's last modifier and its noun ("russian president", "korean leader") are
// recorded for the person named after them, so that a later "the Russian president" refers
// to him and not to whoever was named last. They are noted here as offsets, and searched by
// title_named().
void event_context::index_titles(token_span toks, event_memory& mem) const {
  const token* const tk = toks.data();
  const std::size_t n = toks.size();
  auto note = [&](const token& modifier, const token& noun, std::size_t first, std::size_t last) {
    mem.title_mentions.push_back({{modifier.begin, modifier.end}, {noun.begin, noun.end}, modifier.stem_hash(),
                                  noun.stem_hash(), tk[first].begin, {tk[last].begin, tk[last].end}});
  };
  auto run_end = [&](std::size_t i) {
    std::size_t e = i + 1;
    // Adjacency first: it turns away most next words without the name test's lookup.
    while (e < n && e - i < max_name_run && tk[e - 1].end + 1 == tk[e].begin && is_name_word(tk[e])) ++e;
    return e;
  };
  std::size_t i = 0;
  while (true) {
    // A name word is capitalized, and most words are not: they are passed over on one test each.
    while (i < n && !tk[i].capitalized) ++i;
    if (i == n) break;
    if (!is_name_word(tk[i])) {
      ++i;
      continue;
    }
    const std::size_t e = run_end(i);
    // Capitalized title inside the run: modifier, title, then at least one name word.
    for (std::size_t k = i; k + 2 < e; ++k) note(tk[k], tk[k + 1], k + 2, e - 1);
    // Lower-case title between two runs: "North Korean leader Kim Jong-un".
    if (e + 1 < n && !tk[e].capitalized && !tk[e].possessive && is_name_word(tk[e + 1]) && !tk[e - 1].possessive) {
      const std::size_t e2 = run_end(e + 1);
      note(tk[e - 1], tk[e], e + 1, e2 - 1);
    }
    i = e;
  }
}

void event_context::read_titles(token_span toks, event_memory& mem) const {
  if (!mem.doc_ || mem.titles_read_ > mem.current) return;  // noted as scanned, or read already
  if (mem.titles_read_ == 0) mem.title_mentions.reserve(64);  // a document's first lookup: a few dozen titles before it
  for (std::size_t s = mem.titles_read_; s < mem.current; ++s)
    index_titles(tokens_of(*mem.doc_, s, mem.shared_, mem.earlier_, mem.index_), mem);
  index_titles(toks, mem);
  mem.titles_read_ = mem.current + 1;
}

namespace {
// Whether the normalized text `w`, lower-cased and without a possessive ending, is `stem`.
bool lower_stem_is(std::string_view w, std::string_view stem) {
  std::size_t n = w.size();
  if (n > 2 && w[n - 2] == '\'' && ascii_lower(w[n - 1]) == 's') n -= 2;
  else if (n > 1 && w[n - 1] == '\'') n -= 1;
  if (n != stem.size()) return false;
  for (std::size_t k = 0; k < n; ++k)
    if (ascii_lower(w[k]) != stem[k]) return false;
  return true;
}
}  // namespace

std::optional<actor> event_context::title_named(std::string_view t, event_memory& mem, const token& modifier,
                                                const token& noun) {
  // The latest mention of the title names whom it refers to. Few lookups are made, over a few
  // hundred mentions at most: a backward walk comparing hashes costs less than keeping an index.
  const std::string_view mod = modifier.stem(), nn = noun.stem();
  // Once, not at each mention: a possessive's stem hash is computed when asked.
  const std::uint64_t mod_hash = modifier.stem_hash(), noun_hash = noun.stem_hash();
  for (std::size_t k = mem.title_mentions.size(); k > 0; --k) {
    const title_mention& m = mem.title_mentions[k - 1];
    if (m.modifier_hash != mod_hash || m.noun_hash != noun_hash) continue;
    if (!lower_stem_is(t.substr(m.modifier.begin, m.modifier.size()), mod) ||
        !lower_stem_is(t.substr(m.noun.begin, m.noun.size()), nn))
      continue;
    return make_actor(t, m.name_begin, m.last, lower(t.substr(m.last.begin, m.last.size())), mem);
  }
  return std::nullopt;
}

actor event_context::make_actor(std::string_view t, token_span toks, std::size_t first,
                                std::size_t last, event_memory& mem) {
  return make_actor(t, toks[first].begin, {toks[last].begin, toks[last].end}, toks[last].lower, mem);
}

actor event_context::make_actor(std::string_view t, std::size_t name_begin, text_span last, std::string_view last_lower,
                                event_memory& mem) {
  actor a;
  std::string folded;
  a.key = mem.intern(actor_key(last_lower, folded));
  a.text = possessive_stem(t.substr(name_begin, last.end - name_begin));
  return a;
}

std::string_view event_context::actor_key(std::string_view last_lower, std::string& folded) {
  // The last part of the last name word: "Putin", "Kim Jong Un" and "Kim Jong-un" -> "putin", "un".
  // Telling people who share that part apart is the people linker's work (issue 4).
  const std::string_view stem = possessive_stem(last_lower);
  // Most names are plain ASCII letters, which fold_name() would copy unchanged: no separator to
  // fold, no invisible character (those are non-ASCII) to drop. Their key is the word itself.
  const bool plain =
      std::all_of(stem.begin(), stem.end(), [](char c) { return is_ascii_lower(c) || is_ascii_digit(c); });
  if (plain) return stem;
  folded = detail::fold_name(stem);
  if (const auto space = folded.rfind(' '); space != std::string::npos) folded.erase(0, space + 1);
  return folded;
}


std::optional<actor> event_context::find_actor(std::string_view t, token_span toks, std::size_t trig,
                                             event_memory& mem, std::size_t prev_end,
                                             const std::optional<actor>& prev, bool& shared) const {
  shared = false;
  std::size_t k = trig;
  // "Putin, the Russian president, arrived": an apposition between commas right before the
  // trigger is passed over; the name stands before its first comma.
  if (trig > 0 && boundary_between(t, toks[trig - 1], toks[trig], ',')) {
    for (std::size_t a = trig - 1, n = 0; a > 0 && n < max_apposition; --a, ++n)
      if (boundary_between(t, toks[a - 1], toks[a], ',')) {
        k = a;
        break;
      }
    // A trigger inside the apposition ("Putin, the first leader to visit in 24 years, landed")
    // is not one whose actor this one shares.
    if (k < prev_end) prev_end = 0;
  }
  // "Putin is greeted by Kim Jong Il after flying into Pyongyang", "... upon arriving at": a
  // participle after an opener has the sentence's subject for its actor.
  if (trig > 0 && openers_.contains(toks[trig - 1]) && toks[trig].lower.size() > 4 &&
      toks[trig].lower.compare(toks[trig].lower.size() - 3, 3, "ing") == 0)
    if (auto subject = first_name_before(t, toks, trig - 1, mem, false)) return subject;
  for (std::size_t steps = 0; k > 0 && steps < max_actor_distance; ++steps) {
    --k;
    if (k < prev_end) {
      shared = prev.has_value();
      return prev;
    }
    const token& tok = toks[k];
    if (pronouns_.contains(tok)) {
      // "Putin commenced his first visit", "Putin (right) shakes hands with Kim Jong Il upon his
      // arrival": the sentence's subject, named before the pronoun, when the document has named
      // it as an actor before; else the last actor named; else, in the first sentence to name
      // anyone, its subject.
      if (auto subject = first_name_before(t, toks, k, mem, true)) return subject;
      if (mem.last_actor) return mem.last_actor;
      return first_name_before(t, toks, k, mem, false);  // the first sentence to name anyone
    }
    // A place is never the actor ("In Pyongyang, Putin's plane ...", "Putin flew to Pyongyang and landed").
    if (const auto p = places_.longest_ending_at(toks, k + 1); p.length && toks[k + 1 - p.length].capitalized) {
      k -= p.length - 1;
      continue;
    }
    // Nor a zone ("10:42 GMT - The visit ...": a live blog's stamp, not who visits).
    if (const auto z = zones_.longest_ending_at(toks, k + 1); z.length) {
      k -= z.length - 1;
      continue;
    }
    if (!is_name_word(tok)) {
      // "the president's plane" refers back; "the Russian president's plane" to whom that title named.
      if (!tok.capitalized && tok.possessive) {
        if (k > 0 && is_name_word(toks[k - 1])) {
          read_titles(toks, mem);
          return title_named(t, mem, toks[k - 1], tok);
        }
        return mem.last_actor;
      }
      continue;
    }
    // The run of capitalized words that ends here: "Russian President Vladimir Putin"; it
    // stops at a function word, a zone ("At 14:20 BST Putin ...") or a place.
    std::size_t b = k;
    while (b > 0 && k - b + 1 < max_name_run && toks[b - 1].end + 1 == toks[b].begin && is_name_word(toks[b - 1]) &&
           !zones_.longest_ending_at(toks, b).length && !places_.longest_ending_at(toks, b).length)
      --b;
    // "the Russian president arrived", "a U.S. envoy landed": after a determiner, the
    // capitalized words modify the noun that follows; the phrase refers to whom that title
    // named earlier in the document, else to the last actor named.
    if (b > 0 && determiners_.contains(toks[b - 1]) && k + 1 < trig && !toks[k + 1].capitalized &&
        !tok.possessive) {
      read_titles(toks, mem);
      return title_named(t, mem, tok, toks[k + 1]);
    }
    // "Russian", "Koreans": a people, not a person.
    if (demonyms_.contains_stem(tok)) return std::nullopt;
    return make_actor(t, toks, b, k, mem);
  }
  shared = prev.has_value();
  return prev;
}


// The first person named in toks[0, end), skipping places and a title before the name ("North
// Korean leader Kim Jong-un" -> Kim Jong-un); nullopt when none.
std::optional<actor> event_context::first_name_before(std::string_view t, token_span toks,
                                                      std::size_t end, event_memory& mem, bool known_only) const {
  // Only a name whose key is known, when asked; never a people ("Several Russian news outlets").
  // The key is looked at before an actor is made: most names tried are turned away.
  std::string folded;
  auto accept = [&](std::size_t b, std::size_t e) -> std::optional<actor> {
    const token& last = toks[e];
    const std::string_view key = actor_key(last.lower, folded);
    const auto known = [&] { return std::find(mem.known.begin(), mem.known.end(), key) != mem.known.end(); };
    // A key that is the word's own stem (most are) is looked up by the token's stem hash and
    // role bits, with no hash of the key to compute.
    const bool own_stem = key.data() == last.lower.data() && key.size() == last.stem().size();
    if ((own_stem ? demonyms_.contains_stem(last) : demonyms_.contains(key)) || (known_only && !known()))
      return std::nullopt;
    actor a;  // make_actor(t, toks, b, e), with the key found above
    a.key = mem.intern(key);
    a.text = possessive_stem(t.substr(toks[b].begin, last.end - toks[b].begin));
    return a;
  };
  for (std::size_t i = 0; i < end; ++i) {
    if (!is_name_word(toks[i])) continue;
    if (const auto p = places_.longest_at(toks, i); p.length) {
      i += p.length - 1;
      continue;
    }
    if (zones_.longest_at(toks, i).length) continue;
    std::size_t e = i + 1;
    while (e < end && e - i < max_name_run && is_name_word(toks[e]) && toks[e - 1].end + 1 == toks[e].begin &&
           !toks[e - 1].possessive)
      ++e;
    // A lower-case title between two runs: the name is the second run.
    if (e + 1 < end && !toks[e].capitalized && !toks[e].possessive && !toks[e - 1].possessive &&
        is_name_word(toks[e + 1])) {
      const std::size_t b = e + 1;
      std::size_t e2 = b + 1;
      while (e2 < end && e2 - b < max_name_run && is_name_word(toks[e2]) && toks[e2 - 1].end + 1 == toks[e2].begin) ++e2;
      if (auto a = accept(b, e2 - 1)) return a;
      i = e2 - 1;
      continue;
    }
    if (auto a = accept(i, e - 1)) return a;
    i = e - 1;
  }
  return std::nullopt;
}

// Places and source cues of a sentence. Most tokens start none of the phrases looked for here:
// a token whose role bits show none of their first words is passed over on one test.
void event_context::scan_places_and_sources(event_scan& sc) const {
  const token* const tk = sc.toks().data();
  const std::size_t n = sc.toks().size();
  const auto& toks = sc.toks();
  sc.places_read = true;
  sc.places.clear();
  sc.origins.clear();
  sc.destinations.clear();
  sc.attributions.clear();
  constexpr std::size_t never = std::numeric_limits<std::size_t>::max();
  std::size_t last_origin_cue = never, last_destination_cue = never;
  // The cues and zones matter only next to a place: a sentence with no word a place starts with
  // is not walked.
  if (sc.roles & places_.start_roles())
    for (std::size_t i = 0; i < n; ++i) {
      // Four words that start none of the phrases are passed over on one test.
      if (i + 4 <= n && !((tk[i].roles | tk[i + 1].roles | tk[i + 2].roles | tk[i + 3].roles) & place_roles_)) {
        i += 3;
        continue;
      }
      if (!(tk[i].roles & place_roles_)) continue;
      if ((!tk[i].capitalized || i == 0) && origins_.longest_at(toks, i).length) last_origin_cue = i;
      if (!tk[i].capitalized) {
        if (const auto d = destinations_.longest_at(toks, i); d.length) last_destination_cue = i + d.length - 1;
        continue;
      }
      // "Moscow time" names a zone, not the place of the event.
      if (const auto z = zones_.longest_at(toks, i); z.length > 1) {
        i += z.length - 1;
        continue;
      }
      if (const auto m = places_.longest_at(toks, i); m.length) {
        sc.places.emplace_back(i, static_cast<std::size_t>(m.payload));
        // "from Yakutsk", "from his previous destination of Yakutsk": a few words after the cue.
        sc.origins.push_back(last_origin_cue != never && i - last_origin_cue <= 5);
        // "left for Hanoi", "bound for the DPRK": right after the cue, or after a determiner
        // ("to leave Pyongyang" is no destination).
        sc.destinations.push_back(last_destination_cue != never &&
                                  (i == last_destination_cue + 1 ||
                                   (i == last_destination_cue + 2 && determiners_.contains(tk[i - 1]))));
        i += m.length - 1;
      }
    }
  sc.prepositions.clear();
  sc.reporters.clear();
  if (sc.roles & source_roles_)
    for (std::size_t i = 0; i < n; ++i) {
      if (i + 4 <= n && !((tk[i].roles | tk[i + 1].roles | tk[i + 2].roles | tk[i + 3].roles) & source_roles_)) {
        i += 3;
        continue;
      }
      if (!(tk[i].roles & source_roles_)) continue;
      if (const auto p = prepositions_.longest_at(toks, i); p.length) {
        if (i + p.length < n) sc.prepositions.push_back(source_at(i, p.length));
        i += p.length - 1;
      } else if (const auto r = reporting_.longest_at(toks, i); r.length) {
        sc.reporters.push_back(source_at(i, r.length));
      }
    }
}


// "according to X", "citing X": X runs to the next clause boundary or the sentence's end.
void event_context::read_preposition(std::string_view t, const event_scan& sc, source_hit& h) {
  h.read = true;
  const std::size_t end = sc.sen->normalized.end;
  std::size_t b = sc.toks()[h.tok + h.len].begin, e = b;
  while (e < end && !is_clause_boundary(t, e) && !(t[e] == '.' && (e + 1 == end || t[e + 1] == ' '))) ++e;
  h.text = trim_source(t.substr(b, e - b));
}

// "X reported that ...", "..., X said": X is the clause before the verb, back to the last
// boundary; an empty clause or a lone connective ("outlets, however, reported") reaches
// one clause further back.
void event_context::read_reporter(std::string_view t, const event_scan& sc, source_hit& h) const {
  h.read = true;
  const std::size_t begin = sc.sen->normalized.begin;
  std::size_t e = sc.toks()[h.tok].begin, b = e;
  // Verb first, right after a quote or a clause: "..., said the Kremlin." / "\"...,\" said Peskov."
  // The source is what follows the verb, to the next boundary.
  while (b > begin && !is_clause_boundary(t, b - 1)) --b;
  const std::size_t clause_start = b;  // the walk below starts with the same clause
  if (trim_source(t.substr(b, e - b)).empty() && h.tok + h.len < sc.toks().size()) {
    const std::size_t from = sc.toks()[h.tok + h.len].begin, end = sc.sen->normalized.end;
    std::size_t to = from;
    while (to < end && !is_clause_boundary(t, to) && !(t[to] == '.' && (to + 1 == end || t[to + 1] == ' '))) ++to;
    const std::string_view after = trim_source(t.substr(from, to - from));
    // Only a short source that ends the sentence: "reported that his plane landed ..., citing"
    // is a clause, not a source.
    const bool ends_sentence = to == end || t.substr(to).find_first_not_of(". \"'") >= end - to;
    const bool short_source = std::count(after.begin(), after.end(), ' ') < 6;
    if (!after.empty() && ends_sentence && short_source && !contains_lower(pronouns_, longest_.pronoun, after)) {
      h.clause_begin = from;
      h.clause_end = to;
      h.text = after;
      return;
    }
  }
  b = clause_start;
  for (int clauses = 0; clauses < 3; ++clauses) {
    while (b > begin && !is_clause_boundary(t, b - 1)) --b;
    const auto clause = trim_source(t.substr(b, e - b));
    // A lone connective ("outlets, however, reported") is not the source; a lone noun
    // ("..., officials said") is.
    const bool connective = clause.find(' ') == std::string_view::npos && !clause.empty() &&
                            contains_lower(function_words_, longest_.function_word, clause);
    if (!(clause.empty() || connective) || b == begin) break;
    --b;
  }
  std::string_view s = trim_source(t.substr(b, e - b));
  // Drop a lone interjection between commas: "outlets, however," -> "outlets".
  if (const auto comma = s.find(','); comma != std::string_view::npos) s = trim_source(s.substr(0, comma));
  // "While the Kremlin had announced ..." -> "the Kremlin": no opener before it, no auxiliary after.
  if (const auto space = s.find(' '); space != std::string_view::npos && contains_lower(openers_, longest_.opener, s.substr(0, space)))
    s = trim_source(s.substr(space + 1));
  for (auto space = s.rfind(' '); space != std::string_view::npos && contains_lower(auxiliaries_, longest_.auxiliary, s.substr(space + 1));
       space = s.rfind(' '))
    s = trim_source(s.substr(0, space));
  h.clause_begin = b;
  h.clause_end = e;

  if (!contains_lower(pronouns_, longest_.pronoun, s)) h.text = s;
}

// The attribution of a time: "X, citing Y", "X" or "Y"; empty when the sentence gives none.
shared_string event_context::attribution(std::string_view t, event_scan& sc, std::size_t first, std::size_t last,
                                       std::size_t end_offset) const {
  if (!sc.places_read) scan_places_and_sources(sc);
  const auto inside_time = [&](const source_hit& h) { return h.tok >= first && h.tok < last; };
  // Distance of a cue from the time, in tokens; a cue after the time comes first ("at 2:46
  // a.m., according to the Kremlin, while Lavrov arrived at 3:10, according to TASS").
  const auto distance = [&](const source_hit& h) {
    return h.tok >= last ? h.tok - last : (first - h.tok) + sc.toks().size();
  };
  constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
  std::size_t cited = none, reporter = none;  // indices into sc.prepositions and sc.reporters
  std::size_t best = std::numeric_limits<std::size_t>::max();
  for (std::size_t p = 0; p < sc.prepositions.size(); ++p) {
    source_hit& h = sc.prepositions[p];
    if (inside_time(h) || distance(h) >= best) continue;
    if (!h.read) read_preposition(t, sc, h);
    if (!h.text.empty()) {
      cited = p;
      best = distance(h);
    }
  }
  std::size_t tried = 0;
  for (std::size_t r = 0; r < sc.reporters.size(); ++r) {
    source_hit& h = sc.reporters[r];
    if (inside_time(h)) continue;
    if (++tried > max_sources_tried) break;
    if (!h.read) read_reporter(t, sc, h);
    // The event's own clause is not a source: "Putin arrived at 2:46, the Kremlin said" keeps
    // "the Kremlin", but "he said he arrived" gives nothing.
    const bool holds_time = h.clause_begin <= sc.toks()[first].begin && h.clause_end >= end_offset;
    if (!h.text.empty() && !holds_time) {
      reporter = r;
      break;
    }
  }
  if (reporter == none) return cited == none ? shared_string() : sc.prepositions[cited].text;
  if (cited == none) return sc.reporters[reporter].text;
  for (const auto& a : sc.attributions)
    if (a.reporter == reporter && a.cited == cited) return a.text;
  std::string both(sc.reporters[reporter].text);
  both += ", citing ";
  both += sc.prepositions[cited].text;
  sc.attributions.push_back({reporter, cited, sc.share(both)});
  return sc.attributions.back().text;
}


std::optional<modality> event_context::modality_between(std::string_view t, token_span toks,
                                                        std::size_t from, std::size_t to) const {
  std::optional<modality> found;
  for (std::size_t k = from; k < to && k < toks.size(); ++k) {
    if (k > from && clause_break(t, toks[k - 1], toks[k]))
      found.reset();  // a cue in an earlier clause does not reach the value
    const auto m = modality_.longest_at(toks, k);
    if (!m.length || toks[k].capitalized) continue;
    found = static_cast<modality>(m.payload);
    k += m.length - 1;
  }
  if (found && to > from && to < toks.size() &&
      clause_break(t, toks[to - 1], toks[to]))
    found.reset();
  return found;
}

// A modality cue in the few words before the trigger, after the trigger before it (which
// ends at token `from_tok`): "was scheduled to arrive".
modality event_context::find_modality(std::string_view t, token_span toks, std::size_t trig,
                                      std::size_t from_tok) const {
  const std::size_t from = std::max(trig >= 4 ? trig - 4 : 0, from_tok);
  for (std::size_t k = from; k < trig; ++k) {
    const auto m = modality_.longest_at(toks, k);
    if (!m.length) continue;
    // A capitalized cue inside the sentence, or one before a number, is a name: "On May 5 Putin
    // arrived" (the month, not the modal).
    if ((toks[k].capitalized && k > 0) || (k + 1 < toks.size() && is_ascii_digit(toks[k + 1].lower.front()))) continue;
    // A cue in another clause does not qualify the verb: "Putin, who had not slept, arrived",
    // "Putin, likely tired, arrived".
    bool same_clause = true;
    for (std::size_t j = k + 1; j <= trig && same_clause; ++j)
      same_clause = !clause_break(t, toks[j - 1], toks[j]);
    if (!same_clause) continue;
    // A negation denies the event only right before its verb ("did not arrive", "has not yet
    // landed").
    if (static_cast<modality>(m.payload) == modality::denied && k + m.length + 1 < trig) continue;
    return static_cast<modality>(m.payload);
  }
  return modality::reported;
}


}  // namespace crosscheck::detail
