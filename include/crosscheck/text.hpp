// crosscheck/text.hpp: UTF-8 validation, normalization that keeps offsets, and
// segmentation into paragraphs and sentences.
//
//   if (auto bad = crosscheck::find_invalid_utf8(bytes)) { /* *bad is the byte offset */ }
//   crosscheck::prepare(doc, rules);   // fills doc.normalized, paragraphs, sentences
//
// Normalization maps, byte for byte where it can: curly quotes and primes to ' and ",
// non-breaking, thin and other Unicode spaces to ' ', en/em dashes and minus signs to '-',
// the ellipsis to "...", and drops soft hyphens, zero-width characters and BOMs; CR LF is
// read as LF. Every normalized byte remembers the original byte it came from.
//
// Segmentation: a paragraph is a line (a blank line or a newline ends it; a line that starts
// in lower case continues the one before, for hard-wrapped text). Sentences end at . ! ?
// (and a closing quote or bracket after them) followed by a space and an upper-case letter,
// a digit, a quote, an opening bracket or a non-ASCII letter, except after an abbreviation
// from segmentation.yaml ("a.m." goes on before a continuation word, a digit or a bracket:
// "2:46 a.m. (17:46 GMT)"; so does one glued to the digits, "2:40a.m. MSK"), a single initial ("J. R. Smith"), or inside a decimal ("91.4").
// A sentence longer than max_sentence_bytes is cut at a space, so that evidence stays bounded
// on text with no punctuation. A paragraph repeated verbatim later in the page (a photo
// caption shown twice) is marked repeat_of.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "crosscheck/document.hpp"
#include "crosscheck/rules.hpp"

namespace crosscheck {

// The longest sentence segment() makes; longer runs of text are cut at a space.
inline constexpr std::size_t max_sentence_bytes = 4096;

// The byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates and code
// points above U+10FFFF count as invalid), or nullopt when the text is valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view bytes) noexcept;

// Fills doc.normalized / doc.norm_to_orig from doc.text (from body_begin on).
void normalize(document& doc);
// Fills doc.paragraphs and doc.sentences from doc.normalized.
void segment(document& doc, const segmentation_vocabulary& vocab);
// normalize() then segment().
void prepare(document& doc, const rule_set& rules);

}  // namespace crosscheck
