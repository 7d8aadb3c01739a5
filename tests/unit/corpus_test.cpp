// Unit tests for crosscheck/corpus.hpp: reading folders and files, manifest.yaml and front
// matter metadata, publication times, and every kind of bad input (thrown or reported).
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/corpus.hpp"
#include "crosscheck/document.hpp"
#include <yaml-cpp/yaml.h>

#include "corpus/manifest_scan.hpp"
#include "crosscheck/error.hpp"
#include "support/temp_dir.hpp"

using namespace std::string_view_literals;

namespace {

using crosscheck::corpus;
using crosscheck::date_value;
using crosscheck::diagnostic;
using crosscheck::document;
using crosscheck::input_error;
using crosscheck::load_options;
using crosscheck_test::temp_dir;
namespace fs = std::filesystem;

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

std::vector<std::string> ids(const corpus& c) {
  std::vector<std::string> out;
  for (const auto& d : c.documents) out.push_back(d.id);
  return out;
}

// The first diagnostic whose location names `file_name`.
const diagnostic* diagnostic_for(const std::vector<diagnostic>& ds, std::string_view file_name) {
  for (const auto& d : ds)
    if (contains(d.where.file, file_name)) return &d;
  return nullptr;
}

// The first diagnostic that names `file_name` in its location or its message.
const diagnostic* diagnostic_mentioning(const std::vector<diagnostic>& ds, std::string_view file_name) {
  for (const auto& d : ds)
    if (contains(d.where.file, file_name) || contains(d.message, file_name)) return &d;
  return nullptr;
}

std::string describe(const std::vector<diagnostic>& ds) {
  std::string out;
  for (const auto& d : ds) {
    out += d.where.file;
    if (d.where.line) out += ":" + std::to_string(*d.where.line);
    if (d.where.byte_offset) out += " (byte " + std::to_string(*d.where.byte_offset) + ")";
    out += ": " + d.message + "\n";
  }
  return out.empty() ? "(no diagnostics)" : out;
}

// Runs f and returns the input_error it throws, or nullopt when it throws nothing.
template <class F>
std::optional<input_error> input_error_from(F&& f) {
  try {
    f();
  } catch (const input_error& e) {
    return e;
  }
  return std::nullopt;
}

}  // namespace

// --- reading folders and files ------------------------------------------------------------

TEST_CASE("corpus: a folder is read in name order, *.txt only, not recursively", "[corpus]") {
  temp_dir dir;
  dir.write_file("b.txt", "Second by name.\n");
  dir.write_file("a.txt", "First by name.\n");
  dir.write_file("c.txt", "Third by name.\n");
  dir.write_file("README.md", "# About these articles\n");
  dir.write_file("notes.json", "{\"not\": \"an article\"}\n");
  dir.write_file("README", "Not an article either.\n");
  dir.write_file("sub/d.txt", "In a sub folder.\n");

  const corpus c = crosscheck::load_corpus({dir.path()});
  REQUIRE(ids(c) == std::vector<std::string>{"a.txt", "b.txt", "c.txt"});
  CHECK(c.documents[0].text == "First by name.\n");
  CHECK(c.documents[1].text == "Second by name.\n");
  CHECK(c.documents[2].text == "Third by name.\n");
  for (const auto& d : c.documents) {
    INFO(d.id);
    CHECK(fs::path(d.path).filename().string() == d.id);
    CHECK(d.body_begin == 0u);
  }
}

TEST_CASE("corpus: load_options::extensions chooses the files read from a folder", "[corpus]") {
  temp_dir dir;
  dir.write_file("b.txt", "Second by name.\n");
  dir.write_file("a.md", "First by name.\n");
  dir.write_file("c.html", "<p>Not chosen.</p>\n");
  load_options opts;
  opts.extensions = {".txt", ".md"};
  const corpus c = crosscheck::load_corpus({dir.path()}, opts);
  REQUIRE(ids(c) == std::vector<std::string>{"a.md", "b.txt"});
  CHECK(c.documents[0].text == "First by name.\n");
}

TEST_CASE("corpus: the text is kept byte for byte", "[corpus]") {
  temp_dir dir;
  const std::string bytes = "Putin\u2019s plane landed at\u00A0Pyongyang.\r\nKim met him.\r\n";
  dir.write_file("a.txt", bytes);
  const corpus c = crosscheck::load_corpus({dir.path()});
  REQUIRE(c.documents.size() == 1u);
  CHECK(c.documents[0].text == bytes);
}

TEST_CASE("corpus: a list of files is read in the order given", "[corpus]") {
  temp_dir dir;
  const auto a = dir.write_file("a.txt", "Article A.\n");
  const auto b = dir.write_file("b.txt", "Article B.\n");
  const corpus c = crosscheck::load_corpus({b, a});
  REQUIRE(ids(c) == std::vector<std::string>{"b.txt", "a.txt"});
  CHECK(c.documents[0].text == "Article B.\n");
  CHECK(c.documents[1].text == "Article A.\n");
}

TEST_CASE("corpus: several folders are read in the order given", "[corpus]") {
  temp_dir first;
  temp_dir second;
  first.write_file("z.txt", "From the first folder.\n");
  second.write_file("a.txt", "From the second folder.\n");
  const corpus c = crosscheck::load_corpus({first.path(), second.path()});
  REQUIRE(ids(c) == std::vector<std::string>{"z.txt", "a.txt"});
}

// --- metadata -----------------------------------------------------------------------------

TEST_CASE("corpus: manifest.yaml gives source, author, url and published", "[corpus]") {
  temp_dir dir;
  dir.write_file("a.txt", "Putin arrived at 2:46 a.m.\n");
  dir.write_file("b.txt", "Putin arrived at 2:22 a.m.\n");
  dir.write_file("manifest.yaml",
                 "documents:\n"
                 "  - file: a.txt\n"
                 "    source: The Guardian\n"
                 "    author: Jane Doe\n"
                 "    url: \"https://example.com/a\"\n"
                 "    published: 2024-06-19\n"
                 "  - file: b.txt\n"
                 "    source: Yonhap\n"
                 "    published: \"2024-06-19T16:24:00+09:00\"\n");

  const corpus c = crosscheck::load_corpus({dir.path()});
  INFO(describe(c.diagnostics));
  CHECK(c.diagnostics.empty());
  REQUIRE(ids(c) == std::vector<std::string>{"a.txt", "b.txt"});

  const document& a = c.documents[0];
  CHECK(a.source == "The Guardian");
  CHECK(a.author == "Jane Doe");
  CHECK(a.url == "https://example.com/a");
  REQUIRE(a.published.date.has_value());
  CHECK(*a.published.date == date_value::of_day(2024, 6, 19));
  CHECK_FALSE(a.published.minute_of_day.has_value());
  CHECK(a.published.text == "2024-06-19");

  const document& b = c.documents[1];
  CHECK(b.source == "Yonhap");
  CHECK(b.author.empty());
  REQUIRE(b.published.date.has_value());
  CHECK(*b.published.date == date_value::of_day(2024, 6, 19));
  REQUIRE(b.published.minute_of_day.has_value());
  CHECK(*b.published.minute_of_day == 984);
  REQUIRE(b.published.offset.has_value());
  CHECK(b.published.offset->minutes == 540);
}

TEST_CASE("corpus: manifest.yaml in flow style", "[corpus]") {
  temp_dir dir;
  dir.write_file("a.txt", "Article A.\n");
  dir.write_file("manifest.yaml",
                 "documents: [{file: a.txt, source: X, author: Y, published: 2024-06-19}]\n");
  const corpus c = crosscheck::load_corpus({dir.path()});
  REQUIRE(c.documents.size() == 1u);
  CHECK(c.documents[0].id == "a.txt");
  CHECK(c.documents[0].source == "X");
  CHECK(c.documents[0].author == "Y");
  REQUIRE(c.documents[0].published.date.has_value());
  CHECK(*c.documents[0].published.date == date_value::of_day(2024, 6, 19));
}

TEST_CASE("corpus: the folder's manifest applies to a file given by path", "[corpus]") {
  temp_dir dir;
  const auto a = dir.write_file("a.txt", "Article A.\n");
  dir.write_file("manifest.yaml", "documents: [{file: a.txt, source: X}]\n");
  const corpus c = crosscheck::load_corpus({a});
  REQUIRE(c.documents.size() == 1u);
  CHECK(c.documents[0].source == "X");
}

TEST_CASE("corpus: front matter gives metadata and body_begin", "[corpus]") {
  temp_dir dir;
  const std::string text =
      "---\n"
      "source: Foo\n"
      "author: Jane Doe\n"
      "published: 2024-06-19\n"
      "---\n"
      "Body text.\n";
  dir.write_file("a.txt", text);

  const corpus c = crosscheck::load_corpus({dir.path()});
  REQUIRE(c.documents.size() == 1u);
  const document& d = c.documents[0];
  CHECK(d.text == text);  // the whole file, front matter included
  CHECK(d.body_begin == text.find("Body"));
  CHECK(d.source == "Foo");
  CHECK(d.author == "Jane Doe");
  REQUIRE(d.published.date.has_value());
  CHECK(*d.published.date == date_value::of_day(2024, 6, 19));
}

TEST_CASE("corpus: front matter with a full timestamp", "[corpus]") {
  temp_dir dir;
  dir.write_file("a.txt", "---\nsource: Yonhap\npublished: 2024-06-19T16:24:00+09:00\n---\nBody.\n");
  const corpus c = crosscheck::load_corpus({dir.path()});
  REQUIRE(c.documents.size() == 1u);
  const auto& p = c.documents[0].published;
  REQUIRE(p.date.has_value());
  CHECK(*p.date == date_value::of_day(2024, 6, 19));
  REQUIRE(p.minute_of_day.has_value());
  CHECK(*p.minute_of_day == 984);
  REQUIRE(p.offset.has_value());
  CHECK(p.offset->minutes == 540);
}

TEST_CASE("corpus: front matter wins over the manifest", "[corpus]") {
  temp_dir dir;
  dir.write_file("a.txt", "---\nsource: Foo\npublished: 2024-06-19\n---\nBody.\n");
  dir.write_file("manifest.yaml", "documents: [{file: a.txt, source: Bar, published: 2020-01-01}]\n");
  const corpus c = crosscheck::load_corpus({dir.path()});
  REQUIRE(c.documents.size() == 1u);
  CHECK(c.documents[0].source == "Foo");
  REQUIRE(c.documents[0].published.date.has_value());
  CHECK(*c.documents[0].published.date == date_value::of_day(2024, 6, 19));
}

// --- bad input that stops the run ---------------------------------------------------------

TEST_CASE("corpus: a path that does not exist throws input_error naming it", "[corpus]") {
  temp_dir dir;
  SECTION("a missing folder") {
    const fs::path missing = dir.path() / "does-not-exist";
    CHECK_THROWS_AS(crosscheck::load_corpus({missing}), input_error);
    const auto e = input_error_from([&] { crosscheck::load_corpus({missing}); });
    REQUIRE(e.has_value());
    CHECK(contains(e->where().file, "does-not-exist"));
  }
  SECTION("a missing file next to a good folder") {
    dir.write_file("a.txt", "Article A.\n");
    const fs::path missing = dir.path() / "ghost.txt";
    const auto e = input_error_from([&] { crosscheck::load_corpus({dir.path(), missing}); });
    REQUIRE(e.has_value());
    CHECK(contains(e->where().file, "ghost.txt"));
  }
}

TEST_CASE("corpus: a manifest that is not valid YAML throws input_error with a line", "[corpus]") {
  temp_dir dir;
  dir.write_file("a.txt", "Article A.\n");
  dir.write_file("manifest.yaml", "documents: [a, b");
  CHECK_THROWS_AS(crosscheck::load_corpus({dir.path()}), input_error);
  const auto e = input_error_from([&] { crosscheck::load_corpus({dir.path()}); });
  REQUIRE(e.has_value());
  CHECK(contains(e->where().file, "manifest.yaml"));
  REQUIRE(e->where().line.has_value());
  CHECK(*e->where().line >= 1u);
}

TEST_CASE("corpus: a manifest of the wrong shape throws input_error", "[corpus]") {
  temp_dir dir;
  dir.write_file("a.txt", "Article A.\n");
  SECTION("documents is a string") {
    dir.write_file("manifest.yaml", "documents: hello\n");
  }
  SECTION("the top level is a list") {
    dir.write_file("manifest.yaml", "- file: a.txt\n  source: X\n");
  }
  SECTION("an entry without a file") {
    dir.write_file("manifest.yaml", "documents: [{source: X}]\n");
  }
  const auto e = input_error_from([&] { crosscheck::load_corpus({dir.path()}); });
  REQUIRE(e.has_value());
  CHECK(contains(e->where().file, "manifest.yaml"));
}

TEST_CASE("corpus: a published value that does not parse throws input_error", "[corpus]") {
  temp_dir dir;
  dir.write_file("a.txt", "Article A.\n");
  dir.write_file("manifest.yaml", "documents: [{file: a.txt, source: X, published: yesterday}]\n");
  CHECK_THROWS_AS(crosscheck::load_corpus({dir.path()}), input_error);
  const auto e = input_error_from([&] { crosscheck::load_corpus({dir.path()}); });
  REQUIRE(e.has_value());
  CHECK(contains(e->where().file, "manifest.yaml"));
}

// --- bad input that is reported and skipped -----------------------------------------------

namespace manifest_cases {

using crosscheck::detail::manifest_reader;

// What reading a manifest's text gives, in one string: the entries, the warnings, or the error.
std::string read_as_text(const std::string& text, manifest_reader how) {
  std::vector<diagnostic> diags;
  crosscheck::detail::manifest_entries entries;
  std::string out;
  try {
    crosscheck::detail::read_manifest_text(text, "m.yaml", diags, entries, how);
  } catch (const input_error& e) {
    return "error " + to_string(e.where()) + " " + e.message();
  }
  for (const auto& [name, md] : entries)
    out += name + "|" + md.source + "|" + md.author + "|" + md.url + "|" +
           (md.published ? md.published->text : "-") + "|" + std::to_string(md.line) + "\n";
  for (const auto& d : diags) out += "warning " + to_string(d.where) + " " + d.message + "\n";
  return out;
}

// What reading front matter's YAML gives, in one string: the metadata, or the error.
std::string front_matter_as_text(const std::string& yaml, manifest_reader how) {
  try {
    const auto md = crosscheck::detail::read_front_matter_yaml(yaml, "a.txt", how);
    return md.source + "|" + md.author + "|" + md.url + "|" + (md.published ? md.published->text : "-") + "|" +
           std::to_string(md.line);
  } catch (const input_error& e) {
    return "error " + to_string(e.where()) + " " + e.message();
  } catch (const YAML::Exception& e) {
    return "yaml " + std::to_string(e.mark.line) + ":" + std::to_string(e.mark.column) + " " + e.msg;
  }
}

}  // namespace manifest_cases

TEST_CASE("corpus: a plain manifest read without yaml-cpp means what yaml-cpp reads in it", "[corpus]") {
  // The fast reader (corpus/manifest_scan.hpp) takes the shapes nearly every manifest has; for
  // each, the entries, warnings and errors (with their lines and columns) must be yaml-cpp's.
  using crosscheck::detail::manifest_reader;
  using manifest_cases::read_as_text;
  const std::vector<std::string> plain = {
      // block style, comments after values and between entries, ':' inside a value
      "# a comment\ndocuments:   # the list\n  - file: a.txt\n    source: Seoul Ledger\n    author: Han Ji-soo\n"
      "    published: 2024-06-19        # same day\n\n  # between entries\n  - file: b.txt\n"
      "    source: Han River Times\n    published: 2024-06-19T16:24:00+09:00   # posted\n    url: https://x.example/a\n"
      "    title: Something\n",
      // flow style, one entry a line, a comment after one
      "documents:\n  - {file: a000001.txt, source: The Harbour Wire, published: 2024-10-25}\n"
      "  - {file: a000002.txt, source: The Eastern Bulletin, published: 2024-08-20}   # copied\n"
      "  -   {file: a000003.txt,   source:   Spaced  Out  , author: A. B. O'Brien-Smith}\n",
      // the list at column 0, the last line without a newline, Windows line ends
      "documents:\n- file: a.txt\n  source: AT&T (Wire) / Desk+1\n- {file: b.txt}",
      "documents:\r\n  - file: a.txt\r\n    source: Wire\r\n  - {file: b.txt, source: Other}\r\n",
      // non-ASCII values, and a bad date after them: the column counts bytes as yaml-cpp's does
      "documents:\n  - {file: a.txt, source: Agência Brasil, published: Terça}\n",
      "documents:\n  - file: a.txt\n    source: ТАСС\n    published: вчера\n",
      // the same file twice: a warning where the later entry stands
      "documents:\n  - file: a.txt\n    source: X\n  - file: a.txt\n    source: Y\n",
      "documents:\n  - {file: a.txt, source: X}\n  - {file: a.txt, source: Y}\n",
      // errors: no file key, an unknown key, a bad date, in both styles
      "documents:\n  - source: X\n    author: Y\n",
      "documents:\n  - {source: X}\n",
      "documents:\n  - file: a.txt\n    sauce: X\n",
      "documents:\n  - {file: a.txt, sauce: X}\n",
      "documents:\n  - file: a.txt\n    published: 2024-02-30\n",
      "documents:\n  - {file: a.txt, published: yesterday}\n",
      "documents:\n  - file: a.txt\n    published: 2024-06-19T25:00:00+09:00\n",
      // more spaces after the dash: the keys line up under the first one
      "documents:\n  -   file: a.txt\n      source: X\n",
  };
  for (const auto& text : plain) {
    INFO(text);
    CHECK(crosscheck::detail::scan_plain_manifest(text).has_value());
    CHECK(read_as_text(text, manifest_reader::fastest) == read_as_text(text, manifest_reader::yaml_only));
  }
  // Shapes the fast reader leaves to yaml-cpp; what they give is yaml-cpp's either way.
  const std::vector<std::string> other = {
      "documents: [{file: a.txt, source: X}]\n",                     // a flow list
      "documents:\n  - file: \"a.txt\"\n    source: 'X'\n",          // quotes
      "documents:\n  - {file: a.txt, published: 2024-06-19T16:24:00+09:00}\n",  // ':' in a flow value
      "documents:\n  - file: a.txt\n    source: ~\n",                // null: not a single value
      "documents:\n  - file: a.txt\n    author:\n",                  // empty: null too
      "documents:\n  - file: a.txt\n    source: null\n",
      "documents:\n  - file: a.txt\n    source: X\n    source: Y\n",  // a key twice
      "documents:\n  - file: a.txt\n    source: C#\n",               // '#' inside a value
      "documents:\n  - file: a.txt\n    source: A, B\n",             // ',' in a block value
      "documents:\n  - file: a.txt\n\tsource: X\n",                  // a tab
      "documents:\n  - file: a.txt\n   source: X\n",                 // a key out of line
      "documents:\n  - file: a.txt\n    source: Long\n      name\n",  // a value on two lines
      "documents:\n  - {file: a.txt, source: X\n",                   // not YAML
      "documents:\n",                                                // no entries
      "other: 1\ndocuments:\n  - file: a.txt\n",                      // another key
      "---\ndocuments:\n  - file: a.txt\n",                          // a document marker
      "documents:\n  - file: a.txt\n    source: &a X\n",             // an anchor
      "documents:\n  - file: a.txt\n  - file: b.txt\n   - file: c.txt\n",  // entries out of line
      "documents:\n  - file: a.txt\n    source: X\xC2\x85Y\n",       // NEL, a line break to YAML 1.1
  };
  for (const auto& text : other) {
    INFO(text);
    CHECK_FALSE(crosscheck::detail::scan_plain_manifest(text).has_value());
    CHECK(read_as_text(text, manifest_reader::fastest) == read_as_text(text, manifest_reader::yaml_only));
  }
  // Not all fail: the reading does give entries (a guard against comparing two empty results).
  CHECK(contains(read_as_text(plain[0], manifest_reader::fastest), "b.txt|Han River Times||https://x.example/a|"));
  CHECK(contains(read_as_text(plain[6], manifest_reader::fastest), "warning m.yaml:4:"));
  CHECK(contains(read_as_text(plain[10], manifest_reader::fastest), "error m.yaml:3:5 unknown key 'sauce'"));
}

TEST_CASE("corpus: plain front matter read without yaml-cpp means what yaml-cpp reads in it", "[corpus]") {
  using crosscheck::detail::manifest_reader;
  using manifest_cases::front_matter_as_text;
  const std::vector<std::string> plain = {
      "source: Asia Pacific Herald\nauthor: Kim So-yeon\npublished: 2024-06-19T09:15:00+09:00\n",
      "# metadata\n\nsource: Wire   # the desk\nurl: https://x.example/a\ntitle: Something (long)\n",
      "source: Wire\r\npublished: 2024-06-19\r\n",
      "source: Agência Brasil\npublished: Terça\n",  // a bad date after non-ASCII: its column
      "source: Wire\nsauce: X\n",                    // an unknown key
      "file: a.txt\n",                                // no "file" key in front matter
  };
  for (const auto& yaml : plain) {
    INFO(yaml);
    CHECK(crosscheck::detail::scan_plain_mapping(yaml).has_value());
    CHECK(front_matter_as_text(yaml, manifest_reader::fastest) == front_matter_as_text(yaml, manifest_reader::yaml_only));
  }
  const std::vector<std::string> other = {
      "",                                       // empty: null, no metadata
      "# only a comment\n",
      "source: \"Wire\"\n",                      // quotes
      "source: ~\n",                             // null
      "source: Wire\n  author: X\n",             // indented
      "source: [a, b]\n",                        // a list
      "source: Wire\nsource: Other\n",           // a key twice
      "source: {a\n",                            // not YAML
      "- a\n- b\n",                              // a list, not a mapping
  };
  for (const auto& yaml : other) {
    INFO(yaml);
    CHECK_FALSE(crosscheck::detail::scan_plain_mapping(yaml).has_value());
    CHECK(front_matter_as_text(yaml, manifest_reader::fastest) == front_matter_as_text(yaml, manifest_reader::yaml_only));
  }
  CHECK(front_matter_as_text(plain[0], manifest_reader::fastest) ==
        "Asia Pacific Herald|Kim So-yeon||2024-06-19T09:15:00+09:00|1");
  CHECK(contains(front_matter_as_text(plain[4], manifest_reader::fastest), "error a.txt:2:1 unknown key 'sauce'"));
}

TEST_CASE("corpus: a manifest entry naming a missing file is a warning", "[corpus]") {
  temp_dir dir;
  dir.write_file("a.txt", "Article A.\n");
  dir.write_file("manifest.yaml",
                 "documents:\n"
                 "  - {file: a.txt, source: X}\n"
                 "  - {file: ghost.txt, source: Y}\n");
  const corpus c = crosscheck::load_corpus({dir.path()});
  REQUIRE(ids(c) == std::vector<std::string>{"a.txt"});
  CHECK(c.documents[0].source == "X");
  INFO(describe(c.diagnostics));
  const diagnostic* w = diagnostic_mentioning(c.diagnostics, "ghost.txt");
  REQUIRE(w != nullptr);
  CHECK(w->level == crosscheck::severity::warning);
}

TEST_CASE("corpus: an empty file is skipped with a warning", "[corpus]") {
  temp_dir dir;
  dir.write_file("a.txt", "Article A.\n");
  dir.write_file("empty.txt", "");
  const corpus c = crosscheck::load_corpus({dir.path()});
  CHECK(ids(c) == std::vector<std::string>{"a.txt"});
  INFO(describe(c.diagnostics));
  const diagnostic* w = diagnostic_for(c.diagnostics, "empty.txt");
  REQUIRE(w != nullptr);
  CHECK(w->level == crosscheck::severity::warning);
  CHECK_FALSE(w->message.empty());
}

TEST_CASE("corpus: a binary file is skipped with a warning", "[corpus]") {
  temp_dir dir;
  dir.write_file("a.txt", "Article A.\n");
  dir.write_file("binary.txt", "PK\x03\x04\0\0\0\0binary\0data"sv);
  const corpus c = crosscheck::load_corpus({dir.path()});
  CHECK(ids(c) == std::vector<std::string>{"a.txt"});
  INFO(describe(c.diagnostics));
  const diagnostic* w = diagnostic_for(c.diagnostics, "binary.txt");
  REQUIRE(w != nullptr);
  CHECK(w->level == crosscheck::severity::warning);
}

TEST_CASE("corpus: a text with a NUL byte among valid UTF-8 counts as binary", "[corpus]") {
  temp_dir dir;
  dir.write_file("nul.txt", "Putin arrived.\0Kim met him.\n"sv);
  const corpus c = crosscheck::load_corpus({dir.path()});
  CHECK(c.documents.empty());
  INFO(describe(c.diagnostics));
  CHECK(diagnostic_for(c.diagnostics, "nul.txt") != nullptr);
}

TEST_CASE("corpus: invalid UTF-8 is skipped with a warning giving the byte offset", "[corpus]") {
  temp_dir dir;
  dir.write_file("a.txt", "Article A.\n");
  dir.write_file("latin1.txt", "Hello\x80" "world\n");
  const corpus c = crosscheck::load_corpus({dir.path()});
  CHECK(ids(c) == std::vector<std::string>{"a.txt"});
  INFO(describe(c.diagnostics));
  const diagnostic* w = diagnostic_for(c.diagnostics, "latin1.txt");
  REQUIRE(w != nullptr);
  CHECK(w->level == crosscheck::severity::warning);
  REQUIRE(w->where.byte_offset.has_value());
  CHECK(*w->where.byte_offset == 5u);
}

TEST_CASE("corpus: a file over max_file_bytes is skipped with a warning", "[corpus]") {
  temp_dir dir;
  dir.write_file("big.txt", std::string(200, 'a'));
  dir.write_file("edge.txt", std::string(100, 'b'));
  dir.write_file("small.txt", "Small.\n");
  load_options opts;
  opts.max_file_bytes = 100;
  const corpus c = crosscheck::load_corpus({dir.path()}, opts);
  CHECK(ids(c) == std::vector<std::string>{"edge.txt", "small.txt"});
  INFO(describe(c.diagnostics));
  const diagnostic* w = diagnostic_for(c.diagnostics, "big.txt");
  REQUIRE(w != nullptr);
  CHECK(w->level == crosscheck::severity::warning);
  CHECK(diagnostic_for(c.diagnostics, "edge.txt") == nullptr);
}

TEST_CASE("corpus: broken front matter is skipped with a warning", "[corpus]") {
  temp_dir dir;
  dir.write_file("a.txt", "Article A.\n");
  SECTION("no closing line") {
    dir.write_file("broken.txt", "---\nsource: Foo\npublished: 2024-06-19\nBody text without a closing line.\n");
  }
  SECTION("invalid YAML inside") {
    dir.write_file("broken.txt", "---\nsource: [Foo\n---\nBody text.\n");
  }
  const corpus c = crosscheck::load_corpus({dir.path()});
  CHECK(ids(c) == std::vector<std::string>{"a.txt"});
  INFO(describe(c.diagnostics));
  const diagnostic* w = diagnostic_for(c.diagnostics, "broken.txt");
  REQUIRE(w != nullptr);
  CHECK(w->level == crosscheck::severity::warning);
}

// --- load_document ------------------------------------------------------------------------

TEST_CASE("corpus: load_document reads one file with its front matter", "[corpus]") {
  temp_dir dir;
  const std::string text = "---\nsource: Foo\n---\nBody.\n";
  const auto file = dir.write_file("a.txt", text);
  document d;
  std::vector<diagnostic> diags;
  REQUIRE(crosscheck::load_document(file, load_options{}, d, diags));
  INFO(describe(diags));
  CHECK(diags.empty());
  CHECK(d.id == "a.txt");
  CHECK(d.text == text);
  CHECK(d.source == "Foo");
  CHECK(d.body_begin == text.find("Body"));
}

TEST_CASE("corpus: load_document ignores the manifest", "[corpus]") {
  temp_dir dir;
  const auto file = dir.write_file("a.txt", "Body.\n");
  dir.write_file("manifest.yaml", "documents: [{file: a.txt, source: Bar}]\n");
  document d;
  std::vector<diagnostic> diags;
  REQUIRE(crosscheck::load_document(file, load_options{}, d, diags));
  CHECK(d.id == "a.txt");
  CHECK(d.source.empty());
}

TEST_CASE("corpus: load_document reports a skipped file", "[corpus]") {
  temp_dir dir;
  document d;
  std::vector<diagnostic> diags;
  SECTION("empty") {
    const auto file = dir.write_file("empty.txt", "");
    CHECK_FALSE(crosscheck::load_document(file, load_options{}, d, diags));
    REQUIRE(diags.size() == 1u);
    CHECK(contains(diags[0].where.file, "empty.txt"));
    CHECK(diags[0].level == crosscheck::severity::warning);
  }
  SECTION("invalid UTF-8") {
    const auto file = dir.write_file("bad.txt", "abc\xC0\xAF");
    CHECK_FALSE(crosscheck::load_document(file, load_options{}, d, diags));
    REQUIRE(diags.size() == 1u);
    CHECK(contains(diags[0].where.file, "bad.txt"));
    REQUIRE(diags[0].where.byte_offset.has_value());
    CHECK(*diags[0].where.byte_offset == 3u);
  }
  SECTION("too large") {
    const auto file = dir.write_file("big.txt", std::string(50, 'x'));
    load_options opts;
    opts.max_file_bytes = 10;
    CHECK_FALSE(crosscheck::load_document(file, opts, d, diags));
    REQUIRE(diags.size() == 1u);
    CHECK(contains(diags[0].where.file, "big.txt"));
  }
}

TEST_CASE("corpus: load_document throws input_error for a missing file", "[corpus]") {
  temp_dir dir;
  document d;
  std::vector<diagnostic> diags;
  const fs::path missing = dir.path() / "ghost.txt";
  const auto e = input_error_from([&] { crosscheck::load_document(missing, load_options{}, d, diags); });
  REQUIRE(e.has_value());
  CHECK(contains(e->where().file, "ghost.txt"));
}

// --- parse_publication_time ---------------------------------------------------------------

TEST_CASE("corpus: parse_publication_time reads a date", "[corpus]") {
  crosscheck::publication_time p;
  REQUIRE(crosscheck::parse_publication_time("2024-06-19", p));
  REQUIRE(p.date.has_value());
  CHECK(*p.date == date_value::of_day(2024, 6, 19));
  CHECK(p.date->g == date_value::grain::day);
  CHECK_FALSE(p.minute_of_day.has_value());
  CHECK_FALSE(p.offset.has_value());
  CHECK(p.text == "2024-06-19");
}

TEST_CASE("corpus: parse_publication_time reads a timestamp with an offset", "[corpus]") {
  crosscheck::publication_time p;
  REQUIRE(crosscheck::parse_publication_time("2024-06-19T16:24:00+09:00", p));
  REQUIRE(p.date.has_value());
  CHECK(*p.date == date_value::of_day(2024, 6, 19));
  REQUIRE(p.minute_of_day.has_value());
  CHECK(*p.minute_of_day == 984);
  REQUIRE(p.offset.has_value());
  CHECK(p.offset->minutes == 540);
}

TEST_CASE("corpus: parse_publication_time reads a negative offset", "[corpus]") {
  crosscheck::publication_time p;
  REQUIRE(crosscheck::parse_publication_time("2024-06-19T08:05:00-05:00", p));
  REQUIRE(p.minute_of_day.has_value());
  CHECK(*p.minute_of_day == 8 * 60 + 5);
  REQUIRE(p.offset.has_value());
  CHECK(p.offset->minutes == -300);
}

TEST_CASE("corpus: parse_publication_time reads a local time without an offset", "[corpus]") {
  crosscheck::publication_time p;
  REQUIRE(crosscheck::parse_publication_time("2024-06-19 16:24", p));
  REQUIRE(p.date.has_value());
  CHECK(*p.date == date_value::of_day(2024, 6, 19));
  REQUIRE(p.minute_of_day.has_value());
  CHECK(*p.minute_of_day == 984);
  CHECK_FALSE(p.offset.has_value());
}

TEST_CASE("corpus: parse_publication_time rejects what is not a date", "[corpus]") {
  crosscheck::publication_time p;
  CHECK_FALSE(crosscheck::parse_publication_time("June 19", p));
  CHECK_FALSE(crosscheck::parse_publication_time("yesterday", p));
  CHECK_FALSE(crosscheck::parse_publication_time("", p));
  CHECK_FALSE(crosscheck::parse_publication_time("2024-13-01", p));
  CHECK_FALSE(crosscheck::parse_publication_time("2024-02-30", p));
  CHECK_FALSE(crosscheck::parse_publication_time("2024-06-19T25:00:00+09:00", p));
}

// --- the same file twice, links to nothing, manifests with sub-folders --------------------

TEST_CASE("corpus: a file given twice is read once, with a warning", "[corpus]") {
  temp_dir dir;
  const auto a = dir.write_file("a.txt", "Lee arrived in Seoul at 9:10 a.m.\n");
  const corpus c = crosscheck::load_corpus({a, a, dir.path()});
  CHECK(ids(c) == std::vector<std::string>{"a.txt"});
  REQUIRE(c.diagnostics.size() == 2u);
  for (const auto& d : c.diagnostics) CHECK(contains(d.message, "given more than once"));
}

TEST_CASE("corpus: a file reached by a link or a hard link as well as by its name is read once", "[corpus]") {
  // Files are told apart by what they are on disk (device and inode), not by the paths given.
  temp_dir dir;
  dir.write_file("a.txt", "Lee arrived in Seoul at 9:10 a.m.\n");
  dir.write_file("c.txt", "Kim left Pyongyang at 6 p.m.\n");
  fs::create_symlink(dir.path() / "a.txt", dir.path() / "b.txt");
  fs::create_hard_link(dir.path() / "c.txt", dir.path() / "d.txt");
  const corpus c = crosscheck::load_corpus({dir.path()});
  CHECK(ids(c) == std::vector<std::string>{"a.txt", "c.txt"});
  REQUIRE(c.diagnostics.size() == 2u);
  CHECK(contains(c.diagnostics[0].where.file, "b.txt"));
  CHECK(contains(c.diagnostics[1].where.file, "d.txt"));
  for (const auto& d : c.diagnostics) CHECK(contains(d.message, "given more than once"));
}

TEST_CASE("corpus: a FIFO given by name is skipped with a warning, without waiting for a writer", "[corpus]") {
  temp_dir dir;
  const auto a = dir.write_file("a.txt", "Lee arrived in Seoul at 9:10 a.m.\n");
  const fs::path fifo = dir.path() / "pipe.txt";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const corpus c = crosscheck::load_corpus({fifo, a});  // would block forever if the FIFO were opened to wait
  CHECK(ids(c) == std::vector<std::string>{"a.txt"});
  REQUIRE(c.diagnostics.size() == 1u);
  CHECK(contains(c.diagnostics[0].where.file, "pipe.txt"));
  CHECK(contains(c.diagnostics[0].message, "not a regular file"));
}

TEST_CASE("corpus: files a manifest adds from a sub-folder take their place in path order", "[corpus]") {
  // Paths sort component by component: "a/x.txt" (component "a") comes before "a-b.txt", though
  // '-' sorts before '/' as a character.
  temp_dir dir;
  dir.write_file("a-b.txt", "Lee arrived in Seoul at 9:10 a.m.\n");
  dir.write_file("c.txt", "Kim left Pyongyang at 6 p.m.\n");
  dir.write_file("a/x.txt", "Park landed in Tokyo at 7:15 a.m.\n");
  dir.write_file("manifest.yaml",
                 "documents:\n  - file: c.txt\n    source: C\n  - file: a/x.txt\n    source: X\n"
                 "  - file: a-b.txt\n    source: AB\n");
  const corpus c = crosscheck::load_corpus({dir.path()});
  CHECK(ids(c) == std::vector<std::string>{"a/x.txt", "a-b.txt", "c.txt"});
  REQUIRE(c.documents.size() == 3u);
  CHECK(c.documents[0].source == "X");
  CHECK(c.documents[1].source == "AB");
  CHECK(c.documents[2].source == "C");
  CHECK(c.diagnostics.empty());
}

TEST_CASE("corpus: a link to nothing is reported, and the rest is read", "[corpus]") {
  temp_dir dir;
  dir.write_file("a.txt", "Lee arrived in Seoul at 9:10 a.m.\n");
  fs::create_symlink(dir.path() / "missing.txt", dir.path() / "b.txt");
  fs::create_symlink(dir.path() / "missing.txt", dir.path() / "z.txt");  // last in listing order, whatever it is
  const corpus c = crosscheck::load_corpus({dir.path()});
  CHECK(ids(c) == std::vector<std::string>{"a.txt"});
  REQUIRE(c.diagnostics.size() == 2u);
  for (const auto& d : c.diagnostics) CHECK(contains(d.message, "a link to nothing"));
}

TEST_CASE("corpus: a manifest may list files in a sub-folder", "[corpus]") {
  temp_dir dir;
  dir.write_file("sub/x.txt", "Lee arrived in Seoul at 9:10 a.m.\n");
  dir.write_file("manifest.yaml", "documents:\n  - file: sub/x.txt\n    source: Sub Outlet\n    published: 2024-06-19\n");
  const corpus c = crosscheck::load_corpus({dir.path()});
  REQUIRE(c.documents.size() == 1u);
  CHECK(c.documents[0].id == "sub/x.txt");
  CHECK(c.documents[0].source == "Sub Outlet");
  CHECK(c.diagnostics.empty());
}
