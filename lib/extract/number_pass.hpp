// Internal: one pass over a document's sentences for the extractors of numbers (counts,
// quantities, numbered parts of documents and agreement years).
//
// Each sentence is tokenized once. One look at each token (one role-bit and flag test for four
// tokens at a time) ORs the sentence's role bits and lists the tokens a number may be read at
// (number_reader::may_hold: a digit, a cardinal or ordinal, a vague phrase's start; a hedge alone
// is none). A sentence with none (most of them) is dropped, unless the article part must note a
// document it names for the next sentences (decided from the role bits). Otherwise its numbers
// are read once, around those tokens (read_around), and
// each part looks for its own claims in it, skipping what the sentence's role bits rule out. A
// part is one kind of claim and lives in its own file (count.cpp, quantity.cpp, article.cpp,
// agreement.cpp), in the way of event_pass.hpp.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/extract.hpp"
#include "extract/event_context.hpp"
#include "extract/lexical.hpp"
#include "extract/number_parse.hpp"
#include "extract/token_pass.hpp"

namespace crosscheck::detail {

// What carries from one sentence to the next: the document ("the 1961 treaty") the text spoke of
// last, so that "That treaty was scrapped in 1996" and "article four of the treaty" know it.
struct number_memory {
  // Read them only after document_words::settle(): the documents remembered since may be pending.
  std::string document;       // "treaty:1961"; empty when none
  std::string document_kind;  // "treaty"
  std::string document_text;  // "the 1961 treaty"
  std::size_t sentence = 0;   // index of the sentence that named it
  std::size_t current = 0;    // index of the sentence being read
  // Documents a sentence named only for the next ones (document_words::remember_at), kept as
  // their kind words and not read yet: most are replaced before any sentence asks for them, and
  // reading one (its modifiers, its key) cost more than the rest of such a sentence. Oldest first;
  // each one after the first is of the kind of the one before it and named at most
  // memory_sentences after it (the only case where its key may be the one before it), so that
  // the newest is read first and the ones before only as far as its key needs them.
  struct pending_document {
    token_span toks;  // its sentence's tokens (kept for the document)
    std::size_t k = 0;                          // its kind word
    std::size_t sentence = 0;
    std::size_t kind = 0;  // index into documents.kinds
  };
  std::array<pending_document, 8> pending{};
  std::size_t pendings = 0;
  // By kind (documents.kinds): "<kind>:<publication year>", the key of a document named with
  // no year and none remembered; made on first use.
  std::vector<std::string> published_keys;
};

struct document_ref;

struct number_input {
  const document& doc;
  std::string_view text;  // doc.normalized
  const event_context& events;
  // The sentence's tokens (sc.toks()); attribution through events.attribution(). Its role bits
  // are only those of the source cues: its places are never looked for.
  event_scan& sc;
  const std::vector<number_reading>& numbers;
  // The tokens at which a number may be read (number_reader::may_hold), in order: every number's
  // (and so every year's) token is among them.
  std::span<const std::size_t> cores;
  const number_reader& reader;
  number_memory& memory;
  // A year the sentence places itself in ("in 2000", "since 2011": dates.year_after before a
  // four-digit year); empty when none. Counts and quantities take it as their occasion, so that
  // "signed 3 agreements in 2000" is never compared with this week's 12.
  std::string_view year;  // a token's text
  // The role bits of the sentence's tokens, ORed: a part whose words' roles miss them has none
  // of its words in the sentence.
  std::uint64_t roles = all_roles;
  // A buffer a part may fill and clear within one sentence() (the article part's documents
  // named): one for the document, so that a sentence allocates none.
  std::vector<document_ref>& named;
  // Whether the sentence's tokens stay valid for the whole document (the document's shared
  // tokens), so that a document named may be remembered by its kind word and read later.
  bool tokens_stay = false;
};

class number_part {
 public:
  virtual ~number_part() = default;
  virtual claim_kind kind() const noexcept = 0;
  virtual void sentence(const number_input& in, std::vector<claim>& out) const = 0;
  // Whether sentence() reads a sentence in which no number was read (the article part notes the
  // documents it names); the others are not called for one.
  virtual bool reads_numberless() const noexcept { return false; }
};

std::unique_ptr<number_part> make_count_part(const rule_set& rules);
std::unique_ptr<number_part> make_quantity_part(const rule_set& rules);
std::unique_ptr<number_part> make_article_part(const rule_set& rules);
std::unique_ptr<number_part> make_agreement_part(const rule_set& rules);

// Fills a claim's evidence (tokens [first, last) of the sentence, widened to the normalized
// offsets [begin, end) when given) and its attribution.
void fill_number_evidence(const number_input& in, std::size_t first, std::size_t last, claim& c,
                          std::size_t begin = std::string::npos);

// A plural noun's singular: "containers" -> "container", "missiles" -> "missile", "countries"
// -> "country"; irregular plurals ("people") are kept.
std::string singular(std::string_view lower);
// The same, appended to `out`.
void append_singular(std::string& out, std::string_view lower);

// A four-digit year in [1800, 2100] written alone ("1961"); 0 if the token is not one.
// Asked of most tokens: the inline test turns away those with no digit or not four bytes long.
int year_of_digits(const token& t);
inline int year_of(const token& t) { return t.has_digit && t.lower.size() == 4 ? year_of_digits(t) : 0; }

// Documents named in a sentence (data/documents.yaml): "the 1961 treaty", "the new pact", "the
// treaty of 1961", "UN Security Council resolution 2270", "the treaty" (the one named last).
struct document_ref {
  std::string key;          // "treaty:1961", "treaty:2024" (the news: a `current` word or no year), "resolution:2270"
  std::string_view kind;    // "treaty": the rules' id (or the memory's), never a copy made per document named
  std::size_t first = 0;    // tokens [first, last): the words naming it
  std::size_t last = 0;
  bool explicit_year = false;  // the year (or number) is written
};

class document_words {
 public:
  explicit document_words(const rule_set& rules);
  // The document named by a kind word at toks[k] (the words before it that modify it included);
  // nullopt when toks[k] is no kind word.
  std::optional<document_ref> at(const number_input& in, std::size_t k) const;
  bool is_kind(const token& t) const noexcept { return kinds_.contains(t); }
  // False when tokens whose roles, ORed, are `roles` hold no kind word.
  bool may_name(std::uint64_t roles) const noexcept { return kinds_.may_have(roles); }
  // Whether may_name() is exact: the kind words are bound to an index, so that a role of theirs
  // among `roles` means a kind word among the tokens.
  bool names_exactly() const noexcept { return kinds_.role_mask() != all_roles; }
  // Remembers a document the sentence named, for "that treaty" in the next sentences.
  static void remember(const number_input& in, const document_ref& d);
  // As at(in, k) and then remember() of what it names, for a sentence that only names documents
  // for the next ones: with tokens that stay (number_input::tokens_stay), the kind word is kept
  // and read only when the memory is asked for (settle()); else the key is written into the
  // memory in place. False when toks[k] is no kind word.
  bool remember_at(const number_input& in, std::size_t k) const;
  // Reads the documents remembered by their kind words, so that the memory's fields hold the
  // last one: every reader of number_memory calls it first (at() does).
  void settle(const number_input& in) const;

 private:
  // What at() reads around a kind word, before the key is made.
  struct named_at {
    std::size_t kind = 0;  // index into documents.kinds
    std::size_t first = 0, last = 0;
    int year = 0;             // written before ("the 1961 treaty") or after ("the treaty of 1961")
    bool current = false;     // a `current` word before it ("the new treaty")
    std::string_view number;  // digits after it ("resolution 2270"); empty when none
  };
  bool read(token_span toks, std::string_view text, std::size_t k, named_at& r) const;
  // The key of in.memory.pending[i], reading the ones before it only when its key is theirs.
  void pending_key(const number_input& in, std::size_t i, std::string& key) const;
  // Whether a document named with no year is the one the memory holds.
  bool from_memory(const number_input& in, const named_at& r) const;
  // "<kind>:<publication year>", made once per document and kind.
  const std::string& published_key(const number_input& in, std::size_t kind) const;

  const rule_set& rules_;
  word_map<std::size_t> kinds_;
  word_set current_, function_words_;
};

class number_pass final : public token_extractor {
 public:
  enum part_kind : unsigned { counts = 1u, quantities = 2u, articles = 4u, agreements = 8u };
  number_pass(const rule_set& rules, unsigned parts);  // rules must outlive it
  claim_kind kind() const noexcept override;
  void extract_with(const document& doc, const document_tokens* shared, std::vector<claim>& out) const override;
  const word_index* index() const noexcept override { return index_.get(); }

 private:
  // Whether the article part reads a sentence with no number: see extract_with.
  bool notes_documents(token_span toks, const token_summary& summary) const noexcept;

  std::shared_ptr<const word_index> index_;  // the rules' (kept: they may be indexed again)
  event_context events_;
  number_reader reader_;
  document_words documents_;
  word_set year_after_;
  std::vector<std::unique_ptr<number_part>> parts_;
  std::vector<const number_part*> numberless_parts_;  // those of parts_ that reads_numberless()
  bool notes_documents_ = false;  // an article part is among parts_
  std::uint64_t source_roles_ = all_roles;  // of the words that start a source cue (attribution)
};

}  // namespace crosscheck::detail
