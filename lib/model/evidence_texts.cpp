#include "model/evidence_texts.hpp"

#include <functional>

#include "text/spans.hpp"

namespace crosscheck::detail {
namespace {

// The innermost evidence_texts alive on this thread (a plain pointer: no constructor to run on
// first use). Each thread reads its own documents, so no other thread ever sees it.
thread_local evidence_texts* current = nullptr;

}  // namespace

evidence_texts::evidence_texts(const document& doc) noexcept : doc_(doc), outer_(current) { current = this; }

evidence_texts::~evidence_texts() { current = outer_; }

evidence_texts* evidence_texts::of(const document& doc) noexcept {
  // Only the innermost counts: an outer one for the same document would still be right, but
  // a document is read by one extractor_set at a time.
  return current && &current->doc_ == &doc ? current : nullptr;
}

const shared_string& evidence_texts::document_id() {
  // Cut from the pool with the sentences (a block of its own was an allocation per document).
  if (id_.empty() && !doc_.id.empty()) id_ = pool_.make(doc_.id);
  return id_;
}

const shared_string& evidence_texts::source() {
  if (source_.empty() && !doc_.source.empty()) source_ = pool_.make(doc_.source);
  return source_;
}

const shared_string& evidence_texts::sentence(std::size_t index) {
  if (sentences_.empty()) sentences_.resize(doc_.sentences.size());
  shared_string& s = sentences_[index];
  if (s.empty()) s = pool_.make(doc_.original(doc_.sentences[index].span));
  return s;
}

void fill_evidence(const document& doc, const sentence& sen, text_span words, evidence& ev,
                   const shared_string* same_text) {
  const text_span orig = detail::original_span(doc, words);
  ev.begin = orig.begin;
  ev.end = orig.end;
  const std::string_view text = doc.original(orig);
  ev.sentence_begin = sen.span.begin;
  ev.repeated = doc.paragraphs[sen.paragraph].repeat_of.has_value();
  // evidence_texts::of() and its accessors, read here without a call each (they were a fifth
  // of this function).
  evidence_texts* const texts = current && &current->doc_ == &doc ? current : nullptr;
  if (same_text && std::string_view(*same_text) == text) ev.text = *same_text;
  else if (texts) ev.text = texts->pool_.make(text);
  else ev.text = text;
  // std::less: `sen` need not point into doc.sentences (a sentence built by hand), and only
  // std::less orders pointers into different arrays.
  const sentence* const first = doc.sentences.data();
  if (texts && !std::less<>{}(&sen, first) && std::less<>{}(&sen, first + doc.sentences.size())) {
    ev.document = texts->id_.empty() ? texts->document_id() : texts->id_;
    ev.source = texts->source_.empty() ? texts->source() : texts->source_;
    const auto index = static_cast<std::size_t>(&sen - first);
    if (texts->sentences_.empty() || texts->sentences_[index].empty()) ev.sentence = texts->sentence(index);
    else ev.sentence = texts->sentences_[index];
  } else {
    ev.document = doc.id;
    ev.source = doc.source;
    ev.sentence = doc.original(sen.span);
  }
}

}  // namespace crosscheck::detail
