// Internal: doc.to_original(span) with its common case inline.
#pragma once

#include <cstdint>
#include <vector>

#include "crosscheck/document.hpp"

namespace crosscheck::detail {

// doc.to_original(s) for a span s of doc.normalized. The common case is inline: the span's last
// character is ASCII (which normalization never drops but for a CR), so its end maps through
// norm_to_orig as it is. Called for every sentence, paragraph and claim, the out-of-line call
// cost a tenth of segment() and an eighth of fill_evidence().
inline text_span original_span(const document& doc, text_span s) {
  const std::vector<std::uint32_t>& map = doc.norm_to_orig;
  if (s.end > s.begin && s.end < map.size()) {
    const std::size_t b = map[s.begin], e = map[s.end];
    if (e > b + 1 && static_cast<unsigned char>(doc.text[e - 1]) < 0x80 && doc.text[e - 1] != '\r') return {b, e};
  }
  return doc.to_original(s);
}

}  // namespace crosscheck::detail
