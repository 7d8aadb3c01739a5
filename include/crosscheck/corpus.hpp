// crosscheck/corpus.hpp: reading articles and their metadata from disk.
//
//   crosscheck::load_options opts;                 // defaults below
//   crosscheck::corpus c = crosscheck::load_corpus({"articles/"}, opts);
//   for (const auto& d : c.diagnostics) std::cerr << to_string(d) << '\n';
//
// Paths are folders (every *.txt file in it, or the extensions in load_options, sorted by name,
// not recursive; a README.md beside the articles is not read) or files.
// Metadata comes from a manifest.yaml in the file's folder (format of shared/seeds:
// `documents: [{file, source, author, url, published}]`) or from a YAML front matter block
// at the top of the file (`---` lines around `source:`, `published:` ...); front matter wins.
//
// What cannot be read is never dropped silently:
//  - throws input_error (the run cannot go on): a path that does not exist, a manifest that is
//    not valid YAML or not of the expected shape, a published date that does not parse;
//  - adds a warning diagnostic and skips the file: an empty file, a binary file (NUL bytes),
//    invalid UTF-8 (with the byte offset), a file over max_file_bytes, broken front matter, a
//    manifest entry naming a file that is not there, something that is not a regular file (a
//    folder, a FIFO: never waited on), a link to nothing;
//  - adds a warning and reads once: a file met again, under the same path or another (a link, a
//    hard link); files are told apart by device and inode.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crosscheck/document.hpp"
#include "crosscheck/error.hpp"

namespace crosscheck {

struct load_options {
  // Files larger than this are skipped with a warning (default 64 MiB).
  std::size_t max_file_bytes = std::size_t{64} << 20;
  // File name extensions read from a folder.
  std::vector<std::string> extensions = {".txt"};
  // The publication date assumed for a document whose manifest and front matter give none, so
  // that relative dates ("on Wednesday", "last year") resolve. Unset: they stay unresolved.
  // Documents that get it have published.assumed set, and one note diagnostic lists them.
  std::optional<date_value> reference_date;
  // The UTC offset assumed for a document whose metadata give no zone: a clock time with no zone
  // in the text and no known place is read in it. Unset: such times keep no zone.
  std::optional<utc_offset> default_zone;
};

struct corpus {
  std::vector<document> documents;       // in the order of the paths, files sorted by name
  std::vector<diagnostic> diagnostics;   // warnings: skipped files and why
};

// Throws input_error as described above. Keeps every document's text: for many documents, read
// them one at a time with corpus_reader.
corpus load_corpus(const std::vector<std::filesystem::path>& paths, const load_options& opts = {});

// Reads a corpus one document at a time, so that memory grows with what is kept, not with the
// text (load_corpus() is a corpus_reader loop that keeps everything):
//
//   crosscheck::corpus_reader reader({"articles/"}, opts);   // lists files, reads manifests
//   crosscheck::document doc;
//   while (reader.next(doc)) {
//     crosscheck::prepare(doc, rules);
//     extractors.extract(doc, claims);
//     crosscheck::strip_text(doc);                          // keep the metadata only
//     docs.push_back(std::move(doc));
//   }
//   // reader.diagnostics(): the same warnings load_corpus() gives, in the same order per file
//
// The constructor lists the files and reads the manifests (it throws input_error as
// load_corpus() does); next() reads the following file, skipping (with a warning) those that
// cannot be read. Documents come in load_corpus()'s order with the same ids.
class corpus_reader {
 public:
  corpus_reader(const std::vector<std::filesystem::path>& paths, const load_options& opts = {});
  ~corpus_reader();
  corpus_reader(corpus_reader&&) noexcept;
  corpus_reader& operator=(corpus_reader&&) noexcept;

  // Reads the next readable document into `out`; false when none is left.
  bool next(document& out);
  std::size_t files() const noexcept;          // files listed (some may be skipped)
  std::size_t files_done() const noexcept;     // files read or skipped so far
  std::uintmax_t total_bytes() const noexcept; // their sizes on disk, summed
  std::uintmax_t bytes_done() const noexcept;  // the sizes of the files done
  const std::vector<diagnostic>& diagnostics() const noexcept;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

// Drops a prepared document's text and its cuts (text, normalized, norm_to_orig, paragraphs,
// sentences), keeping the metadata and a text_summary in document::stripped. Claims keep their
// evidence (words and sentence), so every report still works; document::path tells where to
// read the text again.
void strip_text(document& d);

// Reads one file into a document, with metadata from front matter only. Returns false and
// adds a diagnostic when the file is skipped; throws input_error when it does not exist.
bool load_document(const std::filesystem::path& file, const load_options& opts, document& out,
                   std::vector<diagnostic>& diagnostics);

// Parses a publication time: "2024-06-19", "2024-06-19T16:24:00+09:00", "2024-06-19 16:24".
// Returns false when it does not parse.
bool parse_publication_time(std::string_view text, publication_time& out);

}  // namespace crosscheck
