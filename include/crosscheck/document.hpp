// crosscheck/document.hpp: an article, its metadata, and its text cut into paragraphs
// and sentences with byte offsets that point into the original file.
//
//   crosscheck::document doc = ...;              // from load_corpus() or built by hand
//   crosscheck::prepare(doc, rules);             // normalize + segment, once
//   for (const auto& s : doc.sentences) std::cout << doc.original(s.span) << '\n';
//
// Offsets: every text_span is a half-open byte range [begin, end) into document::text,
// which holds the file's bytes unchanged. The normalized view (curly quotes -> ASCII,
// Unicode spaces -> ' ', soft hyphens dropped, dashes -> '-') lives in
// document::normalized, and document::to_original() maps a normalized offset back.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/value.hpp"

namespace crosscheck {

struct text_span {
  std::size_t begin = 0;
  std::size_t end = 0;  // exclusive
  std::size_t size() const noexcept { return end - begin; }
  bool empty() const noexcept { return begin == end; }
  friend bool operator==(text_span, text_span) = default;
};

// When a document was published. The date is unset when the source gives none: relative
// expressions ("Wednesday", "last year") then stay unresolved; they are never guessed.
struct publication_time {
  std::optional<date_value> date;
  std::optional<int> minute_of_day;  // local time of publication, when known
  std::optional<utc_offset> offset;  // offset of that local time, when known
  std::string text;                  // as written in the manifest or front matter
  bool assumed = false;              // the date or zone came from load_options (--reference-date,
                                     // --timezone), not from the source
};

// What strip_text() (corpus.hpp) keeps of a document's text once its claims are extracted.
struct text_summary {
  std::size_t bytes = 0;             // text.size()
  std::size_t sentences = 0;
  std::size_t repeated_blocks = 0;   // paragraphs with repeat_of set
};

struct paragraph {
  text_span span;                 // into the original text, trimmed of surrounding spaces
  std::optional<std::size_t> repeat_of;  // index of an earlier identical paragraph (a caption shown twice)
};

struct sentence {
  text_span span;                // into the original text
  text_span normalized;          // the same sentence in document::normalized
  std::size_t paragraph = 0;     // index into document::paragraphs
};

struct document {
  // Metadata.
  std::string id;      // the file name (as given in the manifest), unique in a corpus
  std::string path;    // where it was read from; empty when built in memory
  std::string source;  // the outlet, e.g. "The Guardian"; empty when unknown
  std::string author;
  std::string url;
  publication_time published;

  // Text. body_begin skips a YAML front matter block; offsets are still into `text`.
  std::string text;
  std::size_t body_begin = 0;

  // Filled by prepare().
  std::string normalized;               // same length or shorter than text
  // normalized byte i came from text byte norm_to_orig[i]; one more entry at the end holds
  // text.size(), so that an end offset maps too (normalized.size() + 1 entries in all).
  std::vector<std::uint32_t> norm_to_orig;
  std::vector<paragraph> paragraphs;
  std::vector<sentence> sentences;
  // Set by strip_text(): the text and its cuts were dropped to save memory (streaming), and
  // this is what a report still needs of them. `path` tells where to read the text again.
  std::optional<text_summary> stripped;

  std::string_view original(text_span s) const { return std::string_view(text).substr(s.begin, s.size()); }
  std::string_view norm(text_span s) const { return std::string_view(normalized).substr(s.begin, s.size()); }
  // Maps a normalized offset (0..normalized.size()) to an offset into text.
  std::size_t to_original(std::size_t normalized_offset) const;
  text_span to_original(text_span normalized_span) const;
  // The sentence that contains a normalized offset, or nullptr.
  const sentence* sentence_at(std::size_t normalized_offset) const;
};

}  // namespace crosscheck
