// Internal: a fast reader for manifest.yaml files of the plain shape that nearly every manifest
// has, in front of yaml-cpp.
//
// yaml-cpp reads a manifest at about 2,300 instructions per byte (its scanner tries a regular
// expression at every character): a 10,000-article manifest cost more than extracting the
// claims of those articles. scan_plain_manifest() reads the common shape directly, and gives up
// (std::nullopt) on anything else, which then goes to yaml-cpp: so a manifest means what YAML
// says it means whichever reader took it, and every error still comes from yaml-cpp or from
// the same checks, at the same line and column. tests/unit/corpus_test.cpp reads many
// manifests both ways and compares. Front matter, a mapping of the same plain values, is read so
// too (scan_plain_mapping).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/document.hpp"
#include "crosscheck/error.hpp"

namespace crosscheck::detail {

// A place in the text as yaml-cpp's Mark gives it: 0-based line and column (bytes).
struct yaml_position {
  std::size_t line = 0;
  std::size_t column = 0;
};

struct manifest_field {
  std::string_view key;    // the key as written
  std::string_view value;  // the plain scalar's text, as yaml-cpp's as<std::string>() gives it
  yaml_position key_at;    // where the key starts
  yaml_position value_at;  // where the value starts
};

struct manifest_entry {
  yaml_position at;  // the entry's mapping: its '{', or its first key in block style
  std::vector<manifest_field> fields;  // in the order written; no key twice
};

// The entries of `text` when it is, line by line:
//   blank lines and comment lines anywhere;
//   "documents:" at column 0, once, before any entry;
//   entries "- " at one indentation, each either a flow mapping on one line
//   ("- {file: a.txt, source: Wire}") or a block mapping ("- file: a.txt" and "key: value" lines
//   under its first key);
// keys made of letters and '_'; values plain scalars of letters, digits, non-ASCII characters,
// spaces and . - _ / + ( ) & ' (and ':' inside a block value, followed by one of those), not
// "null" or "~"; a comment after a block value or after a flow entry's '}'; '\n' or "\r\n"
// line ends. Anything else (quotes, anchors, tags, multi-line values, a second document, a
// key twice, an empty value...): std::nullopt, and the caller reads the text with yaml-cpp.
std::optional<std::vector<manifest_entry>> scan_plain_manifest(std::string_view text);

// The keys of `text` when it is a block mapping at column 0 of plain values as above ("source:
// Wire" lines), with blank and comment lines: a file's front matter. `at` is the first key's
// place. std::nullopt for anything else, and for no key at all (yaml-cpp reads that as null).
std::optional<manifest_entry> scan_plain_mapping(std::string_view text);

// What a manifest entry (or a file's front matter) says of a document.
struct document_metadata {
  std::string source, author, url;
  std::optional<publication_time> published;
  std::size_t line = 0;  // where the entry stands in the manifest (1-based)
};
using manifest_entries = std::map<std::string, document_metadata, std::less<>>;  // by file name

enum class manifest_reader {
  fastest,    // scan_plain_manifest() where it reads the text, else yaml-cpp
  yaml_only,  // yaml-cpp always (tests compare the two)
};

// Reads the text of manifest `file` into `entries`. Throws input_error naming the file (and the
// line and column where there is one) when the text is not valid UTF-8, not YAML, or not a
// manifest; adds a warning to diags for each file listed twice (the later entry is kept).
void read_manifest_text(const std::string& text, const std::string& file, std::vector<diagnostic>& diags,
                        manifest_entries& entries, manifest_reader how = manifest_reader::fastest);

// Reads a file's front matter: `yaml` is the text between its "---" lines, and the lines and
// columns of errors count from its first line. Throws input_error on a bad key or value, and
// yaml-cpp's exception when the text is not YAML.
document_metadata read_front_matter_yaml(const std::string& yaml, const std::string& file,
                                         manifest_reader how = manifest_reader::fastest);

}  // namespace crosscheck::detail
