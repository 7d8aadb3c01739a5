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
//    manifest entry naming a file that is not there.
#pragma once

#include <cstddef>
#include <filesystem>
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
};

struct corpus {
  std::vector<document> documents;       // in the order of the paths, files sorted by name
  std::vector<diagnostic> diagnostics;   // warnings: skipped files and why
};

// Throws input_error as described above.
corpus load_corpus(const std::vector<std::filesystem::path>& paths, const load_options& opts = {});

// Reads one file into a document, with metadata from front matter only. Returns false and
// adds a diagnostic when the file is skipped; throws input_error when it does not exist.
bool load_document(const std::filesystem::path& file, const load_options& opts, document& out,
                   std::vector<diagnostic>& diagnostics);

// Parses a publication time: "2024-06-19", "2024-06-19T16:24:00+09:00", "2024-06-19 16:24".
// Returns false when it does not parse.
bool parse_publication_time(std::string_view text, publication_time& out);

}  // namespace crosscheck
