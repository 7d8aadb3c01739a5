#include <algorithm>
#include <charconv>
#include <cstring>
#include <optional>
#include <string>

#include "crosscheck/extract.hpp"
#include "extract/token_pass.hpp"
#include "model/evidence_texts.hpp"

namespace crosscheck {

void extractor_set::add(std::unique_ptr<extractor> e) {
  const auto* pass = dynamic_cast<const detail::token_extractor*>(e.get());
  extractors_.push_back({std::move(e), pass});
}

void extractor_set::extract(const document& doc, std::vector<claim>& out) const {
  const std::size_t first = out.size();
  // Room for a claim a sentence (the samples have somewhat fewer claims than sentences), so
  // that the passes' claims seldom move: a vector grown from empty (the CLI gives each document
  // a new one) moved each claim about once, and destroyed the moved-from one, eleven texts each.
  // Doubling still bounds the moves when a caller's vector gathers many documents.
  if (const std::size_t want = out.size() + doc.sentences.size(); want > out.capacity())
    out.reserve(std::max(want, 2 * out.capacity()));
  // The document id, outlet and sentences that the claims' evidence repeats, made once.
  detail::evidence_texts texts(doc);
  // The passes that read sentences token by token share one tokenization of the document.
  std::optional<detail::document_tokens> tokens;
  for (const member& m : extractors_) {
    if (const detail::token_extractor* pass = m.pass) {
      if (!tokens) tokens.emplace(doc, pass->index());  // a pass with another index reads its own
      pass->extract_with(doc, &*tokens, out);
    } else {
      m.e->extract(doc, out);
    }
  }
  // "<document id>#<n>": the prefix written once, each number appended to it with to_chars
  // (fmt::format cost 2 % of the pipeline here, and a std::to_string per claim half of that).
  // The ids are cut from one allocation sized for them all (shared_string_pool), where each
  // was a block of its own: an allocation and a free per claim, two thirds of this loop.
  if (const std::size_t made = out.size() - first; made > 0) {
    // The id is put together in a buffer on the stack (a std::string only for a document id
    // over 200 bytes): a string reserved for it was an allocation per document.
    char on_stack[224];
    std::string on_heap;
    char* id = on_stack;
    if (doc.id.size() + 22 > sizeof on_stack) {
      on_heap.resize(doc.id.size() + 22);
      id = on_heap.data();
    }
    std::memcpy(id, doc.id.data(), doc.id.size());
    id[doc.id.size()] = '#';
    char* const digits = id + doc.id.size() + 1;  // a size_t has at most 20 digits
    const std::size_t longest = static_cast<std::size_t>(std::to_chars(digits, digits + 20, made).ptr - id);
    shared_string_pool ids;
    ids.reserve(made * shared_string_pool::footprint(longest));
    for (std::size_t i = first; i < out.size(); ++i) {
      const char* const end = std::to_chars(digits, digits + 20, i - first + 1).ptr;
      out[i].id = ids.make(std::string_view(id, static_cast<std::size_t>(end - id)));
    }
  }
  // The claims' equal texts are not looked for and shared afterwards (share_repeated_texts did,
  // until round 9): the document id, the outlet and each sentence come from the evidence_texts
  // once, a pass's attributes, rules and other fixed texts are copies of its own, and every other
  // text is cut from the document's pool, where a duplicate dropped freed no memory. It found 24
  // duplicates in the samples' 154 claims, for 15 K instructions a pass.
}

extractor_set default_extractors(const rule_set& rules) {
  extractor_set s;
  s.add(make_event_extractor(rules));
  s.add(make_person_extractor(rules));
  s.add(make_number_extractor(rules));
  return s;
}

}  // namespace crosscheck
