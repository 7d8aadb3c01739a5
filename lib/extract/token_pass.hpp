// Internal: a document's tokens, read once and shared by the passes that read its sentences.
//
// The event, person and number passes each read every sentence token by token. Run alone, a
// pass tokenizes each sentence itself, into one buffer kept from sentence to sentence. In an
// extractor_set, the set tokenizes the document once (document_tokens) and gives the tokens to
// every pass (token_extractor::extract_with), so that no sentence is tokenized twice.
#pragma once

#include <string_view>
#include <vector>

#include "crosscheck/extract.hpp"
#include "extract/lexical.hpp"

namespace crosscheck::detail {

// The tokens of every sentence of a prepared document, one vector per document::sentences entry.
// About ten times the document's size in memory, freed with it.
class document_tokens {
 public:
  explicit document_tokens(const document& doc) : sentences_(doc.sentences.size()) {
    for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
      const text_span span = doc.sentences[s].normalized;
      sentences_[s].reserve(span.size() / 5 + 1);  // about one token per five bytes: seldom a second allocation
      tokenize(doc.normalized, span.begin, span.end, sentences_[s]);
    }
  }
  const std::vector<token>& operator[](std::size_t sentence) const { return sentences_[sentence]; }

 private:
  std::vector<std::vector<token>> sentences_;
};

// The tokens of sentence s of doc: those in `shared` when given, else read into `buffer`.
inline const std::vector<token>& tokens_of(const document& doc, std::size_t s, const document_tokens* shared,
                                           std::vector<token>& buffer) {
  if (shared) return (*shared)[s];
  const text_span span = doc.sentences[s].normalized;
  // A token takes at least two bytes with its separator: with this room, tokenize() never grows
  // the buffer (moving its tokens) in the middle of a sentence.
  buffer.reserve((span.end - span.begin) / 2 + 1);
  tokenize(doc.normalized, span.begin, span.end, buffer);
  return buffer;
}

// An extractor that reads a document's sentences token by token. Like every extractor
// (extract.hpp), it is immutable once built: what one document needs (its tokens, its memory of
// earlier sentences) lives in extract_with()'s locals, so one instance serves several threads at
// once (tests/unit/extractor_set_test.cpp runs one set in two threads).
class token_extractor : public extractor {
 public:
  void extract(const document& doc, std::vector<claim>& out) const final { extract_with(doc, nullptr, out); }
  // As extract(); `shared`: doc's tokens, read already, or nullptr for the pass to read them.
  virtual void extract_with(const document& doc, const document_tokens* shared, std::vector<claim>& out) const = 0;
};

}  // namespace crosscheck::detail
