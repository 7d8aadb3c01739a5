#include <algorithm>
#include <charconv>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "crosscheck/extract.hpp"
#include "extract/token_pass.hpp"
#include "model/evidence_texts.hpp"
#include "model/share_texts.hpp"

namespace crosscheck {

void extractor_set::extract(const document& doc, std::vector<claim>& out) const {
  const std::size_t first = out.size();
  // The document id, outlet and sentences that the claims' evidence repeats, made once.
  detail::evidence_texts texts(doc);
  // The passes that read sentences token by token share one tokenization of the document.
  std::optional<detail::document_tokens> tokens;
  for (const auto& e : extractors_) {
    if (const auto* pass = dynamic_cast<const detail::token_extractor*>(e.get())) {
      if (!tokens) tokens.emplace(doc, pass->index());  // a pass with another index reads its own
      pass->extract_with(doc, &*tokens, out);
    } else {
      e->extract(doc, out);
    }
  }
  // "<document id>#<n>", put together in a buffer on the stack and copied into each claim's
  // block: fmt::format cost 2 % of the pipeline here, and a std::string assigned, appended to
  // and given a std::to_string per claim, half of that.
  std::string long_id;  // for an id too long for the buffer
  for (std::size_t i = first; i < out.size(); ++i) {
    char buffer[160];
    char* const digits = buffer + std::min(doc.id.size(), sizeof buffer - 32) + 1;
    const auto written = std::to_chars(digits, buffer + sizeof buffer, i - first + 1).ptr;  // 20 digits at most
    const std::string_view number(digits, static_cast<std::size_t>(written - digits));
    if (doc.id.size() + 32 <= sizeof buffer) {
      std::memcpy(buffer, doc.id.data(), doc.id.size());
      buffer[doc.id.size()] = '#';
      out[i].id = std::string_view(buffer, static_cast<std::size_t>(written - buffer));
    } else {
      long_id.assign(doc.id).append(1, '#').append(number);
      out[i].id = long_id;
    }
  }
  detail::share_repeated_texts(out, first);  // one copy of the document id, the source, each sentence...
}

extractor_set default_extractors(const rule_set& rules) {
  extractor_set s;
  s.add(make_event_extractor(rules));
  s.add(make_person_extractor(rules));
  s.add(make_number_extractor(rules));
  return s;
}

}  // namespace crosscheck
