// Internal: one pass for the number extractors. See number_pass.hpp.
#include "extract/number_pass.hpp"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstring>
#include <memory>
#include <utility>

#include "text/fold.hpp"

namespace crosscheck::detail {

void fill_number_evidence(const number_input& in, std::size_t first, std::size_t last, claim& c, std::size_t begin) {
  const auto& toks = in.sc.toks();
  text_span words{toks[first].begin, toks[last - 1].end};
  if (begin != std::string::npos && begin < words.begin) words.begin = begin;
  event_context::fill_evidence(in.doc, in.sc, words, c);
  c.ev.attribution = in.events.attribution(in.text, in.sc, first, last, words.end);
}

void append_singular(std::string& out, std::string_view w) {
  const auto ends = [&](std::string_view s) { return w.size() > s.size() + 1 && w.substr(w.size() - s.size()) == s; };
  if (ends("ies")) out.append(w.substr(0, w.size() - 3)).append(1, 'y');
  else if (ends("sses") || ends("xes") || ends("ches") || ends("shes")) out.append(w.substr(0, w.size() - 2));
  else if (ends("s") && !ends("ss")) out.append(w.substr(0, w.size() - 1));
  else out.append(w);
}

std::string singular(std::string_view w) {
  std::string out;
  append_singular(out, w);
  return out;
}

namespace {
bool only_letters_and_hyphens(std::string_view w) {
  for (char c : w)
    if (!is_ascii_alpha(c) && c != '-') return false;
  return true;
}
}  // namespace

int year_of_digits(const token& t) {
  const auto& w = t.lower;
  if (w.size() != 4) return 0;
  int y = 0;
  for (char c : w) {
    if (!is_ascii_digit(c)) return 0;
    y = y * 10 + (c - '0');
  }
  return y >= 1800 && y <= 2100 ? y : 0;
}

namespace {
// "<kind>:<year>" ("treaty:1961") into key, with no string made on the way.
void set_key(std::string& key, std::string_view kind, int year) {
  char digits[16];
  const auto end = std::to_chars(digits, digits + sizeof digits, year).ptr;
  key.reserve(kind.size() + 1 + static_cast<std::size_t>(end - digits));
  key.assign(kind).append(1, ':').append(digits, end);
}
}  // namespace

constexpr std::size_t memory_sentences = 3;  // "That treaty" refers to one named this many sentences back

document_words::document_words(const rule_set& rules) : rules_(rules) {
  for (std::size_t k = 0; k < rules.documents.kinds.size(); ++k)
    for (const auto& w : rules.documents.kinds[k].words) kinds_.set(w, k);
  current_.insert(rules.documents.current.begin(), rules.documents.current.end());
  function_words_.insert(rules.english.function_words.begin(), rules.english.function_words.end());
  function_words_.insert(rules.english.determiners.begin(), rules.english.determiners.end());
  bind_roles(rules.word_ids(), kinds_, current_, function_words_);
}

bool document_words::read(token_span toks, std::string_view text, std::size_t k, named_at& r) const {
  const std::size_t* kind = kinds_.find(toks[k]);
  if (!kind) return false;
  r.kind = *kind;
  r.first = k;
  r.last = k + 1;
  const std::string_view kind_id = rules_.documents.kinds[*kind].id;
  // Modifiers before: "the 1961 treaty", "the new comprehensive strategic partnership treaty".
  for (std::size_t j = k; j > 0 && j + 5 > k; --j) {
    const token& t = toks[j - 1];
    if (const int y = year_of(t); y && t.end + 1 == toks[j].begin) {
      r.year = y;
      r.first = j - 1;
      break;
    }
    if (holds(current_, t)) {
      r.current = true;
      r.first = j - 1;
      continue;
    }
    // Only plain words right before it, with nothing but a space between: "the 1961 treaty", not
    // "1997 and. Agreements" or "in 2000, the agreement". The cheapest test first.
    bool spaced = true;
    for (std::size_t i = t.end; i < toks[j].begin; ++i) spaced = spaced && text[i] == ' ';
    if (!spaced || holds(function_words_, t) || !only_letters_and_hyphens(t.lower)) break;
  }
  // After: "resolution 2270", "the treaty of 1961".
  if (k + 1 < toks.size()) {
    const auto& next = toks[k + 1];
    if (kind_id != "treaty" && !next.lower.empty() && is_ascii_digit(next.lower.front()) && next.lower.size() <= 6) {
      bool digits = true;
      for (char c : next.lower) digits = digits && is_ascii_digit(c);
      if (digits) {
        r.number = next.lower;
        r.last = k + 2;
        return true;
      }
    }
    if (!r.year && next.lower == "of" && k + 2 < toks.size())
      if (const int y = year_of(toks[k + 2])) {
        r.year = y;
        r.last = k + 3;
      }
  }
  return true;
}

bool document_words::from_memory(const number_input& in, const named_at& r) const {
  const auto& mem = in.memory;
  return !r.current && !mem.document.empty() && mem.document_kind == rules_.documents.kinds[r.kind].id &&
         mem.current - mem.sentence <= memory_sentences;
}

const std::string& document_words::published_key(const number_input& in, std::size_t kind) const {
  // The same key for every such word of the document: made once per kind.
  auto& keys = in.memory.published_keys;
  if (keys.size() <= kind) keys.resize(kind + 1);
  if (keys[kind].empty()) set_key(keys[kind], rules_.documents.kinds[kind].id, in.doc.published.date->year);
  return keys[kind];
}

std::optional<document_ref> document_words::at(const number_input& in, std::size_t k) const {
  named_at r;
  if (!read(in.sc.toks(), in.text, k, r)) return std::nullopt;
  document_ref d;
  d.kind = rules_.documents.kinds[r.kind].id;
  d.first = r.first;
  d.last = r.last;
  if (!r.number.empty()) {
    d.key.reserve(d.kind.size() + 1 + r.number.size());
    d.key.assign(d.kind).append(1, ':').append(r.number);
    d.explicit_year = true;
  } else if (r.year) {
    set_key(d.key, d.kind, r.year);
    d.explicit_year = true;
  } else if ((r.current || (settle(in), true)) && from_memory(in, r)) {  // the memory is read: settled first
    d.key = in.memory.document;
  } else if (in.doc.published.date) {
    d.key = published_key(in, r.kind);
  } else {
    d.key = d.kind;
  }
  return d;
}

bool document_words::remember_at(const number_input& in, std::size_t k) const {
  auto& mem = in.memory;
  if (in.tokens_stay) {
    const std::size_t* kind = kinds_.find(in.sc.toks()[k]);
    if (!kind) return false;
    if (mem.pendings > 0) {
      const auto& last = mem.pending[mem.pendings - 1];
      const auto& kinds = rules_.documents.kinds;
      if ((last.kind != *kind && kinds[last.kind].id != kinds[*kind].id) || mem.current - last.sentence > memory_sentences) {
        // Its key can only be its own: at() would not take the one before it (of another kind,
        // or too far back), nor anything older. The ones kept are dropped, and the memory's
        // fields too, so that settle() reads this one alone.
        mem.pendings = 0;
        mem.document.clear();
      } else if (mem.pendings == mem.pending.size()) {
        settle(in);
      }
    }
    mem.pending[mem.pendings++] = {in.sc.toks(), k, mem.current, *kind};
    return true;
  }
  named_at r;
  if (!read(in.sc.toks(), in.text, k, r)) return false;
  const std::string_view kind = rules_.documents.kinds[r.kind].id;
  // The key as at() makes it, written into the memory in place: at() would read a remembered
  // key from the memory, and remember() would write it back.
  if (!r.number.empty()) {
    mem.document.assign(kind).append(1, ':').append(r.number);
  } else if (r.year) {
    set_key(mem.document, kind, r.year);
  } else if (from_memory(in, r)) {
    // the memory holds the key already
  } else if (in.doc.published.date) {
    mem.document = published_key(in, r.kind);
  } else {
    mem.document.assign(kind);
  }
  mem.document_kind = kind;
  mem.sentence = mem.current;
  return true;
}

void document_words::pending_key(const number_input& in, std::size_t i, std::string& key) const {
  const auto& mem = in.memory;
  const auto& p = mem.pending[i];
  named_at r;
  read(p.toks, in.text, p.k, r);
  const std::string_view kind = rules_.documents.kinds[p.kind].id;
  if (!r.number.empty()) {
    key.assign(kind).append(1, ':').append(r.number);
    return;
  }
  if (r.year) {
    set_key(key, kind, r.year);
    return;
  }
  // As from_memory(), with the memory as it was when p's sentence was read: the pending document
  // before p (of p's kind, at most memory_sentences back), or the memory's fields before the first.
  if (!r.current) {
    if (i > 0) {
      pending_key(in, i - 1, key);
      if (!key.empty()) return;
    } else if (!mem.document.empty() && mem.document_kind == kind && p.sentence - mem.sentence <= memory_sentences) {
      key = mem.document;
      return;
    }
  }
  if (in.doc.published.date) key = published_key(in, p.kind);
  else key.assign(kind);
}

void document_words::settle(const number_input& in) const {
  auto& mem = in.memory;
  if (mem.pendings == 0) return;
  std::string key;
  pending_key(in, mem.pendings - 1, key);
  const auto& last = mem.pending[mem.pendings - 1];
  mem.document = std::move(key);
  mem.document_kind = rules_.documents.kinds[last.kind].id;
  mem.sentence = last.sentence;
  mem.pendings = 0;
}

void document_words::remember(const number_input& in, const document_ref& d) {
  in.memory.pendings = 0;  // replaced, read or not
  in.memory.document = d.key;
  in.memory.document_kind = d.kind;
  in.memory.sentence = in.memory.current;
}

number_pass::number_pass(const rule_set& rules, unsigned parts)
    : index_(rules.shared_word_ids()), events_(rules), reader_(rules), documents_(rules) {
  if (parts & articles) parts_.push_back(make_article_part(rules));
  if (parts & agreements) parts_.push_back(make_agreement_part(rules));
  if (parts & counts) parts_.push_back(make_count_part(rules));
  if (parts & quantities) parts_.push_back(make_quantity_part(rules));
  notes_documents_ = parts & articles;
  for (const auto& p : parts_)
    if (p->reads_numberless()) numberless_parts_.push_back(p.get());
  year_after_.insert(rules.dates.year_after.begin(), rules.dates.year_after.end());
  bind_roles(index_.get(), year_after_);
  // The role bits of the words that start a source cue, as event_context finds them (the same
  // phrases bound to the same index): all_roles when they are not bound.
  phrase_matcher prepositions, reporting;
  for (const auto& p : rules.attribution.prepositions) prepositions.add(p, 0);
  for (const auto& v : rules.attribution.reporting_verbs) reporting.add(v, 0);
  bind_roles(index_.get(), prepositions, reporting);
  source_roles_ = prepositions.start_roles() | reporting.start_roles();
}

claim_kind number_pass::kind() const noexcept {
  return parts_.empty() ? claim_kind::count : parts_.front()->kind();
}

namespace {

// has_digit and has_hyphen, side by side in a token, read as one 16-bit load: nonzero when
// either is set.
static_assert(offsetof(token, has_hyphen) == offsetof(token, has_digit) + 1);
inline std::uint16_t digit_or_hyphen(const token& t) noexcept {
  std::uint16_t v;
  std::memcpy(&v, reinterpret_cast<const char*>(&t) + offsetof(token, has_digit), sizeof v);
  return v;
}

// The first token from p on that may hold a number at a glance (number_reader::may_hold_quick:
// a role of `core_roles`, a digit or a hyphen). A loop of its own, with nothing but the walk in
// it, so that every value it needs stays in a register; four tokens at a time, one test for the
// four: about five instructions a token, where the loop that also listed the cores reloaded its
// locals at each token (fifteen). Most tokens are passed here. The sentence's OR of roles is its
// summary's: the walk does not OR them again.
inline const token* next_candidate(const token* p, const token* end, std::uint64_t core_roles) noexcept {
  for (auto blocks = (end - p) / 4; blocks > 0; --blocks, p += 4) {
    const std::uint64_t r = p[0].roles | p[1].roles | p[2].roles | p[3].roles;
    if ((r & core_roles) |
        (digit_or_hyphen(p[0]) | digit_or_hyphen(p[1]) | digit_or_hyphen(p[2]) | digit_or_hyphen(p[3])))
      break;  // one of these four: the loop below finds which
  }
  for (; p != end; ++p)
    if ((p->roles & core_roles) | digit_or_hyphen(*p)) break;
  return p;
}

}  // namespace

bool number_pass::notes_documents(token_span toks, const token_summary& summary) const noexcept {
  // The article part notes the documents of a sentence with no number for the next ones, as it
  // always has, only when some token may start a number (a hedge word, often: "at", "in").
  // With the lists bound to the index, the sentence's role bits say so for words (may_name() was
  // true: a kind word is there); only a hyphenated start ("over-the-counter") needs the walk, and
  // a sentence with no hyphen has none. (No token starts with a digit: it would be a core.)
  const std::uint64_t starts = reader_.start_roles();
  if (documents_.names_exactly() && starts != all_roles) {
    if (summary.roles & starts) return true;
    if (!summary.any_hyphen) return false;
  }
  bool kind = false, start = false;
  for (std::size_t k = 0, n = toks.size(); k < n && !(kind && start); ++k) {
    kind = kind || documents_.is_kind(toks[k]);
    start = start || reader_.may_start(toks[k]);
  }
  return kind && start;
}

namespace {
// The buffers a document's pass fills, kept by the thread for its next document: after the
// first few documents, a document allocates none of them (they were about a third of the
// pass's allocations, with the sentence scan's places and source cues). Taken out of the pool
// while in use, so that a pass run inside another would get fresh ones. Kept by pointer: taken
// and put back by value, the scan's twenty vectors were moved four times a document (5 % of the
// instructions on documents of a paragraph, BM_pipeline_short).
struct number_buffers {
  event_scan sc;
  std::vector<number_reading> numbers;  // the sentence's numbers
  std::vector<std::size_t> cores;       // the tokens a number may be read at (may_hold)
  std::vector<document_ref> named;      // number_input::named
};
std::unique_ptr<number_buffers>& pooled_buffers() {
  thread_local std::unique_ptr<number_buffers> kept;
  return kept;
}
}  // namespace

void number_pass::extract_with(const document& doc, const document_tokens* shared, std::vector<claim>& out) const {
  const std::string_view t = doc.normalized;
  number_memory memory;
  std::unique_ptr<number_buffers> held = std::move(pooled_buffers());
  if (!held) held = std::make_unique<number_buffers>();
  number_buffers& buffers = *held;
  event_scan& sc = buffers.sc;
  sc.subjects.clear();  // the event pass's per-document texts: never made here, cleared all the same
  sc.actor_texts.clear();
  sc.texts = evidence_texts::of(doc);  // in an extractor_set: attributions from the document's pool
  auto& numbers = buffers.numbers;
  auto& cores = buffers.cores;
  auto& named = buffers.named;
  token_list buffer;            // the sentence's tokens, when none are shared
  const std::uint64_t core_roles = reader_.core_roles();
  // The shared tokens stay for the whole document (sentence_tokens_of() gives them); tokens read
  // here go at the next sentence.
  const bool tokens_stay = shared && shared->index() == index_.get();
  // The scan's triggers, actors and modalities stay empty: no number claim has an event.
  for (std::size_t s = 0, sentences = doc.sentences.size(); s < sentences; ++s) {
    memory.current = s;
    const sentence_tokens st = sentence_tokens_of(doc, s, shared, buffer, index_.get());
    const auto& toks = st.toks;
    // The sentence's role bits, ORed (the parts look for their words only where these say they
    // may be), from the tokens' summary; and the tokens a number can be read at (one role test
    // for most tokens), looked for only when the summary says some token may be one: most
    // sentences have no digit, no hyphen and no number word.
    const std::uint64_t roles = st.summary.roles;
    cores.clear();
    if ((roles & core_roles) || st.summary.any_digit || st.summary.any_hyphen) {
      const token* const first = toks.data();
      const token* const end = first + toks.size();
      for (const token* p = first; (p = next_candidate(p, end, core_roles)) != end; ++p)
        if (reader_.may_hold(toks, static_cast<std::size_t>(p - first)))
          cores.push_back(static_cast<std::size_t>(p - first));
    }
    // Every claim of the parts needs a number but for one thing: the article part notes the
    // documents a sentence names for the next ones. With no number, most sentences are done.
    if (cores.empty()) {
      if (!notes_documents_ || !documents_.may_name(roles) || !notes_documents(toks, st.summary)) continue;
      numbers.clear();
    } else {
      reader_.read_around(toks, cores, numbers);
    }
    sc.use(doc.sentences[s], toks, st.summary);
    sc.places_read = false;
    // The sentence's role bits, for the claims' attributions: scan_places_and_sources() passes
    // over a sentence with no source cue on one test (it tests each token's roles, which `roles`
    // ORs exactly). Only the source cues' bits are given: a number's claim reads the sentence's
    // sources, never its places, so that the places are not looked for at all (about a thousand
    // instructions a sentence with a claim, for places nothing reads).
    sc.roles = roles & source_roles_;
    std::string_view year;  // a year is a number: none when none was read
    if (!numbers.empty())
      for (const std::size_t k : cores)
        if (k > 0 && year_of(toks[k]) && holds(year_after_, toks[k - 1])) {
          year = toks[k].lower;
          break;
        }
    const number_input in{doc, t, events_, sc, numbers, cores, reader_, memory, year, roles, named, tokens_stay};
    if (numbers.empty()) {
      for (const number_part* p : numberless_parts_) p->sentence(in, out);
    } else {
      for (const auto& p : parts_) p->sentence(in, out);
    }
  }
  buffers.sc.texts = nullptr;
  pooled_buffers() = std::move(held);  // its pointers into this document are set anew before any use
}

}  // namespace crosscheck::detail

namespace crosscheck {

std::unique_ptr<extractor> make_count_extractor(const rule_set& rules) {
  return std::make_unique<detail::number_pass>(rules, detail::number_pass::counts);
}
std::unique_ptr<extractor> make_quantity_extractor(const rule_set& rules) {
  return std::make_unique<detail::number_pass>(rules, detail::number_pass::quantities);
}
std::unique_ptr<extractor> make_article_extractor(const rule_set& rules) {
  return std::make_unique<detail::number_pass>(rules, detail::number_pass::articles);
}
std::unique_ptr<extractor> make_agreement_extractor(const rule_set& rules) {
  return std::make_unique<detail::number_pass>(rules, detail::number_pass::agreements);
}
std::unique_ptr<extractor> make_number_extractor(const rule_set& rules) {
  return std::make_unique<detail::number_pass>(rules, detail::number_pass::articles | detail::number_pass::agreements |
                                                          detail::number_pass::counts | detail::number_pass::quantities);
}

}  // namespace crosscheck
