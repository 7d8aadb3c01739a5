// Internal: the texts every claim of a document repeats in its evidence, made once per document.
//
// Each claim's evidence holds the document id, the outlet and the sentence around its words
// (crosscheck/claim.hpp). Made per claim, they cost four allocations a claim, three of them
// duplicates of the claim before's: a third of the pipeline's allocations, when they were so.
// An evidence_texts, alive while an extractor_set reads one document, makes each of them once and
// hands out copies (a reference count each); fill_evidence() finds it without a new parameter
// through every pass.
//
//   {
//     detail::evidence_texts texts(doc);            // this thread's texts for doc, until the scope ends
//     ... detail::fill_evidence(doc, sen, words, c.ev) ...   // shares them
//   }
//
// Without one (a pass run alone), fill_evidence() makes the texts per claim, as before.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "crosscheck/claim.hpp"
#include "crosscheck/document.hpp"

namespace crosscheck::detail {

class evidence_texts {
 public:
  // Becomes this thread's texts for `doc` (which must outlive it) until destroyed. Nests: the
  // one alive before comes back when this one ends.
  explicit evidence_texts(const document& doc) noexcept;
  ~evidence_texts();
  evidence_texts(const evidence_texts&) = delete;
  evidence_texts& operator=(const evidence_texts&) = delete;

  // This thread's texts for `doc`, or nullptr when none is alive for that document.
  static evidence_texts* of(const document& doc) noexcept;

  // Each made on first use: a document with no claim allocates nothing.
  const shared_string& document_id();
  const shared_string& source();
  // The original text of doc.sentences[index].
  const shared_string& sentence(std::size_t index);
  // A text of the document's claims (their words as written), cut with the sentences from a
  // few shared allocations rather than one each (shared_string_pool).
  shared_string text(std::string_view s) { return pool_.make(s); }

 private:
  friend void fill_evidence(const document&, const crosscheck::sentence&, text_span, evidence&, const shared_string*);
  const document& doc_;
  evidence_texts* outer_;
  shared_string id_, source_;
  std::vector<shared_string> sentences_;  // by index into doc.sentences; empty until the first
  shared_string_pool pool_;
  // Every text made on this thread while the document is read (a pass's subject, a name, a
  // unit...) is cut from pool_ too, not only those made through text(): a block of its own was
  // an allocation and a free for each of ~200 texts a pass over the samples. Declared after
  // pool_, so that it ends first.
  shared_string_pool::on_this_thread in_use_{pool_};
};

// The evidence of a claim whose words are the normalized span `words` of sentence `sen` of `doc`:
// where they are in the original file, the words and their sentence as written, the document and
// its outlet, and whether the paragraph is a repeated one. The texts are shared through the
// document's evidence_texts when one is alive on this thread. `same_text`: a text the words as
// written may equal (a name the claim holds already), shared instead of copied when they do.
void fill_evidence(const document& doc, const sentence& sen, text_span words, evidence& ev,
                   const shared_string* same_text = nullptr);

}  // namespace crosscheck::detail
