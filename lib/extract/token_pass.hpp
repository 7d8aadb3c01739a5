// Internal: a document's tokens, read once and shared by the passes that read its sentences.
//
// The event, person and number passes each read every sentence token by token. Run alone, a
// pass tokenizes each sentence itself, into one buffer kept from sentence to sentence. In an
// extractor_set, the set tokenizes the document once (document_tokens) and gives the tokens to
// every pass (token_extractor::extract_with), so that no sentence is tokenized twice.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "crosscheck/extract.hpp"
#include "extract/lexical.hpp"

namespace crosscheck::detail {

// The tokens of every sentence of a prepared document, one span per document::sentences entry
// into one vector of tokens for the whole document, and the one lower-cased copy of the
// document's text that their `lower` views point into. About thirteen times the document's size
// in memory (a 64-byte token for every five bytes or so). The vectors and the copy go back to a
// per-thread pool when the document is done, and the next document on the thread reuses them:
// after the first few documents, tokenizing allocates nothing, and the token vector, never
// shrunk, constructs no token before it is written (tokenize_at).
class document_tokens {
 public:
  // index: the word ids and roles the tokens get (tokenize()); nullptr: none.
  document_tokens(const document& doc, const word_index* index)
      : buffers_(std::exchange(pool(), {})), count_(doc.sentences.size()), index_(index) {
    if (buffers_.sentences.size() < count_) buffers_.sentences.resize(count_);
    if (buffers_.summaries.size() < count_) buffers_.summaries.resize(count_);
    // And room for tokenize's end mark and its reads past a sentence's end (lowered_padding).
    const std::size_t size = doc.normalized.size() + lowered_padding;
    if (size > buffers_.capacity) {
      // Zeroed: the bytes between sentences, never lowered, are read past a sentence's end (and
      // masked off), never undefined.
      buffers_.lowered = std::make_unique<char[]>(size);
      buffers_.capacity = size;
    }
    // The sentences' tokens one after another; a sentence's span is made once all are read (the
    // vector may move while it grows).
    if (buffers_.firsts.size() < count_ + 1) buffers_.firsts.resize(count_ + 1);
    std::size_t used = 0;
    for (std::size_t s = 0; s < count_; ++s) {
      const text_span span = doc.sentences[s].normalized;
      buffers_.firsts[s] = used;
      used = tokenize_at(doc.normalized, span.begin, span.end, buffers_.lowered.get() + span.begin, buffers_.tokens,
                         used, index, &buffers_.summaries[s]);
    }
    buffers_.firsts[count_] = used;
    const token* const tokens = buffers_.tokens.data();
    for (std::size_t s = 0; s < count_; ++s)
      buffers_.sentences[s] = token_span(tokens + buffers_.firsts[s], buffers_.firsts[s + 1] - buffers_.firsts[s]);
  }
  ~document_tokens() {
    // A very long document's buffers are freed rather than kept for the thread's lifetime.
    if (buffers_.tokens.size() <= max_pooled_tokens && buffers_.sentences.size() >= pool().sentences.size())
      pool() = std::move(buffers_);
  }
  document_tokens(const document_tokens&) = delete;
  document_tokens& operator=(const document_tokens&) = delete;
  token_span operator[](std::size_t sentence) const { return buffers_.sentences[sentence]; }
  // What the sentence's tokens hold, together (token_summary in lexical.hpp): found while they
  // were read, so that a pass can pass over a sentence on one test.
  const token_summary& summary(std::size_t sentence) const { return buffers_.summaries[sentence]; }
  const word_index* index() const noexcept { return index_; }

 private:
  static constexpr std::size_t max_pooled_tokens = std::size_t{1} << 16;  // about 5 MB of tokens
  struct buffers {
    std::vector<token> tokens;             // every sentence's, one after another (and stale ones past them)
    std::vector<token_span> sentences;     // one per sentence, into tokens
    std::vector<std::size_t> firsts;       // per sentence, its first token's index; and one past the last's
    std::vector<token_summary> summaries;  // one per sentence
    std::unique_ptr<char[]> lowered;  // the lower-cased text and lowered_padding bytes; capacity bytes
    std::size_t capacity = 0;
  };
  // Empty while a document_tokens of this thread holds the buffers: a second one at the same time
  // gets fresh ones.
  static buffers& pool() {
    thread_local buffers kept;
    return kept;
  }
  buffers buffers_;
  std::size_t count_ = 0;
  const word_index* index_ = nullptr;
};

// The tokens of sentence s of doc, with the ids and roles of `index` (the pass's: its word
// maps are bound to it): those in `shared` when given and read with that index, else read into
// `buffer` (valid until the next read into it); and what they hold together (token_summary),
// found while they were read: a pass passes over a sentence whose summary has none of the roles
// or flags it looks for, without walking its tokens.
struct sentence_tokens {
  token_span toks;
  const token_summary& summary;
};
inline sentence_tokens sentence_tokens_of(const document& doc, std::size_t s, const document_tokens* shared,
                                          token_list& buffer, const word_index* index) {
  if (shared && shared->index() == index) return {(*shared)[s], shared->summary(s)};
  const text_span span = doc.sentences[s].normalized;
  tokenize(doc.normalized, span.begin, span.end, buffer, index);
  return {buffer, buffer.summary()};
}
// The tokens alone.
inline token_span tokens_of(const document& doc, std::size_t s, const document_tokens* shared,
                            token_list& buffer, const word_index* index) {
  return sentence_tokens_of(doc, s, shared, buffer, index).toks;
}

// An extractor that reads a document's sentences token by token. Like every extractor
// (extract.hpp), it is immutable once built: what one document needs (its tokens, its memory of
// earlier sentences) lives in extract_with()'s locals, so one instance serves several threads at
// once (tests/unit/extractor_set_test.cpp runs one set in two threads).
class token_extractor : public extractor {
 public:
  void extract(const document& doc, std::vector<claim>& out) const final { extract_with(doc, nullptr, out); }
  // As extract(); `shared`: doc's tokens, read already, or nullptr for the pass to read them
  // (it reads them again when they were read with another index than index()).
  virtual void extract_with(const document& doc, const document_tokens* shared, std::vector<claim>& out) const = 0;
  // The word index the pass's maps are bound to (its rule_set's), which its tokens must carry.
  virtual const word_index* index() const noexcept = 0;
};

}  // namespace crosscheck::detail
