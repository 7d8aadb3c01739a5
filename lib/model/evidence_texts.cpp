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
  if (id_.empty() && !doc_.id.empty()) id_ = doc_.id;
  return id_;
}

const shared_string& evidence_texts::source() {
  if (source_.empty() && !doc_.source.empty()) source_ = doc_.source;
  return source_;
}

const shared_string& evidence_texts::sentence(std::size_t index) {
  if (sentences_.empty()) sentences_.resize(doc_.sentences.size());
  shared_string& s = sentences_[index];
  if (s.empty()) s = doc_.original(doc_.sentences[index].span);
  return s;
}

void fill_evidence(const document& doc, const sentence& sen, text_span words, evidence& ev,
                   const shared_string* same_text) {
  const text_span orig = detail::original_span(doc, words);
  ev.begin = orig.begin;
  ev.end = orig.end;
  const std::string_view text = doc.original(orig);
  if (same_text && std::string_view(*same_text) == text) ev.text = *same_text;
  else ev.text = text;
  ev.sentence_begin = sen.span.begin;
  ev.repeated = doc.paragraphs[sen.paragraph].repeat_of.has_value();
  // std::less: `sen` need not point into doc.sentences (a sentence built by hand), and only
  // std::less orders pointers into different arrays.
  const sentence* const first = doc.sentences.data();
  evidence_texts* const texts = evidence_texts::of(doc);
  if (texts && !std::less<>{}(&sen, first) && std::less<>{}(&sen, first + doc.sentences.size())) {
    ev.document = texts->document_id();
    ev.source = texts->source();
    ev.sentence = texts->sentence(static_cast<std::size_t>(&sen - first));
  } else {
    ev.document = doc.id;
    ev.source = doc.source;
    ev.sentence = doc.original(sen.span);
  }
}

}  // namespace crosscheck::detail
