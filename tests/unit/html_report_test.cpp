// The HTML report (to_html): one self-contained page, every text escaped, each quote shown in
// its paragraph with the claim's words in <mark>, from the document's text, from the file of a
// metadata stub, or from the evidence sentence when there is no document or the offsets are stale.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <crosscheck/crosscheck.hpp>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/corpus.hpp"
#include "support/temp_dir.hpp"

using namespace crosscheck;

namespace {

using crosscheck_test::run_on;
using crosscheck_test::run_result;

bool contains(std::string_view s, std::string_view what) { return s.find(what) != std::string_view::npos; }

// What to_html must write for text: the five characters that matter in HTML as references.
std::string escaped(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string mark_open(const std::string& conflict_id, const claim& c) {
  return "<mark class=\"claim\" data-conflict=\"" + escaped(conflict_id) + "\" data-claim=\"" + escaped(c.id) + "\">";
}

// "context<mark ...>words</mark>context", as the page must show a quote in `surrounding`, where
// the claim's words start at byte `at`.
std::string marked(const std::string& conflict_id, const claim& c, std::string_view surrounding, std::size_t at) {
  return escaped(surrounding.substr(0, at)) + mark_open(conflict_id, c) + escaped(c.ev.text) + "</mark>" +
         escaped(surrounding.substr(at + c.ev.text.size()));
}

// Two articles that disagree on the arrival time; the first has a paragraph of three sentences
// around its claim and paragraphs before and after it.
const std::string article_a =
    "Putin lands in Pyongyang\n"
    "\n"
    "The visit was announced last week. Putin arrived in Pyongyang at 2:46 a.m., according to the Kremlin. "
    "Crowds lined the road from the airport.\n"
    "\n"
    "Nothing else happened overnight.\n";
const std::string article_b = "Putin arrived in Pyongyang at 2:22 a.m., TASS said.\n";
const std::string manifest =
    "documents:\n"
    "  - file: a.txt\n    source: Alpha Daily\n    published: 2024-06-19\n"
    "  - file: b.txt\n    source: Beta News\n    published: 2024-06-19\n";

struct two_articles {
  crosscheck_test::temp_dir dir;
  run_result run;
  const conflict* arrival = nullptr;
  const claim* from_a = nullptr;

  two_articles() {
    dir.write_file("a.txt", article_a);
    dir.write_file("b.txt", article_b);
    dir.write_file("manifest.yaml", manifest);
    run = run_on(dir.path());
    for (const auto& c : run.result.conflicts)
      for (const auto& g : c.values)
        for (std::size_t i : g.claims)
          if (run.claims[i].ev.document == "a.txt" && run.claims[i].ev.text == "2:46 a.m.") {
            arrival = &c;
            from_a = &run.claims[i];
          }
  }
};

const std::string paragraph_a =
    "The visit was announced last week. Putin arrived in Pyongyang at 2:46 a.m., according to the Kremlin. "
    "Crowds lined the road from the airport.";

}  // namespace

TEST_CASE("html: a self-contained UTF-8 page with the summary, conflicts and warnings", "[html]") {
  two_articles t;
  REQUIRE(t.arrival);
  std::vector<diagnostic> diags = t.run.docs.diagnostics;
  diags.push_back({severity::warning, {"c.txt", std::nullopt, std::nullopt, std::nullopt}, "skipped: <empty> & unreadable"});
  const std::string html = to_html({t.run.docs.documents, t.run.claims, t.run.result, diags});
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(contains(html, "<meta charset=\"utf-8\">"));
  CHECK(!find_invalid_utf8(html));
  // Nothing is loaded from elsewhere and nothing runs: no src, no links but to anchors in the page.
  CHECK(!contains(html, "src="));
  CHECK(!contains(html, "<script"));
  CHECK(!contains(html, "<link"));
  CHECK(!contains(html, "url("));
  CHECK(!contains(html, "@import"));
  for (std::size_t at = html.find("href=\""); at != std::string::npos; at = html.find("href=\"", at + 1))
    CHECK(html.compare(at + 6, 1, "#") == 0);
  // The same content as the text report.
  const std::string text = to_text({t.run.docs.documents, t.run.claims, t.run.result, diags});
  const std::string summary = text.substr(std::string("crosscheck: ").size(), text.find('\n') - 12);
  CHECK(contains(html, escaped(summary)));
  for (const auto& c : t.run.result.conflicts) {
    CHECK(contains(html, "id=\"" + c.id + "\""));
    CHECK(contains(html, escaped(c.explanation)));
    CHECK(contains(html, escaped(c.best.reason)));
    CHECK(contains(html, escaped(describe_fact(t.run.result.slots[c.slot], t.run.claims))));
    for (const auto& g : c.values) CHECK(contains(html, "<code>" + escaped(g.value) + "</code>"));
  }
  CHECK(contains(html, escaped(to_string(diags.back()))));
  // Conflicts most severe first, in report order.
  std::size_t last = 0;
  for (const auto& c : t.run.result.conflicts) {
    const std::size_t at = html.find("<section class=\"conflict " + std::string(to_string(c.sev)) + "\" id=\"" + c.id + "\"");
    REQUIRE(at != std::string::npos);
    CHECK(at > last);
    last = at;
  }
}

TEST_CASE("html: the claim's exact words are marked inside their paragraph", "[html]") {
  two_articles t;
  REQUIRE(t.arrival);
  REQUIRE(t.from_a);
  const std::string html = to_html(t.run.input());
  // The whole paragraph, with only the claim's words in <mark>.
  const std::size_t at = paragraph_a.find(t.from_a->ev.text);
  CHECK(contains(html, "<blockquote>" + marked(t.arrival->id, *t.from_a, paragraph_a, at) + "</blockquote>"));
  // Not the paragraphs around it.
  CHECK(!contains(html, "Nothing else happened overnight."));
  CHECK(!contains(html, "Putin lands in Pyongyang"));
  // The source, file and byte offsets are named, and the attribution given.
  CHECK(contains(html, "Alpha Daily"));
  CHECK(contains(html, fmt::format("a.txt, bytes {}\xE2\x80\x93{}", t.from_a->ev.begin, t.from_a->ev.end)));
  CHECK(contains(html, "attribution: " + escaped(t.from_a->ev.attribution)));
  // Every flagged claim has its mark, with its conflict's id.
  for (const auto& c : t.run.result.conflicts)
    for (const auto& g : c.values)
      for (std::size_t i : g.claims)
        CHECK(contains(html, mark_open(c.id, t.run.claims[i]) + escaped(t.run.claims[i].ev.text) + "</mark>"));
}

TEST_CASE("html: a paragraph is cut around the words when it is long", "[html]") {
  crosscheck_test::temp_dir dir;
  std::string filler;
  while (filler.size() < 20000) filler += "The motorcade moved slowly through the wide avenues of the capital. ";
  dir.write_file("a.txt", "Title\n\n" + filler + "Putin arrived in Pyongyang at 2:46 a.m., according to the Kremlin. " +
                              filler + "\n");
  dir.write_file("b.txt", article_b);
  dir.write_file("manifest.yaml", manifest);
  run_result r = run_on(dir.path());
  REQUIRE(!r.result.conflicts.empty());
  std::string note = "in its paragraph</p>";
  SECTION("from the document's paragraphs") {}
  SECTION("from the file of a metadata stub, by blank lines") {
    for (auto& d : r.docs.documents) {
      d.text.clear();
      d.paragraphs.clear();
    }
    note = "in its paragraph, read again from the file</p>";
  }
  const std::string html = to_html(r.input());
  CHECK(contains(html, note));
  CHECK(contains(html, "The motorcade moved slowly through the wide avenues of the capital. Putin arrived in Pyongyang at "));
  CHECK(contains(html, ">2:46 a.m.</mark>, according to the Kremlin. The motorcade moved"));
  CHECK(contains(html, "\xE2\x80\xA6"));  // the cut is shown
  CHECK(html.size() < filler.size() / 2);  // far less than the 40 KB paragraph
  CHECK(!contains(html, "Title"));
  CHECK(!find_invalid_utf8(html));
}

TEST_CASE("html: a metadata stub's paragraph is read again from its file", "[html]") {
  two_articles t;
  REQUIRE(t.arrival);
  REQUIRE(t.from_a);
  // Stubs as a streaming loader keeps them: metadata and path, no text.
  std::vector<document> stubs = t.run.docs.documents;
  for (auto& d : stubs) {
    REQUIRE(!d.path.empty());
    d.text.clear();
    d.normalized.clear();
    d.norm_to_orig.clear();
    d.paragraphs.clear();
    d.sentences.clear();
  }
  const std::vector<diagnostic> none;
  const std::string html = to_html({stubs, t.run.claims, t.run.result, none});
  const std::size_t at = paragraph_a.find(t.from_a->ev.text);
  CHECK(contains(html, "<blockquote>" + marked(t.arrival->id, *t.from_a, paragraph_a, at) + "</blockquote>"));
  CHECK(contains(html, "read again from the file"));
  CHECK(!contains(html, "Nothing else happened overnight."));

  SECTION("a file that changed since: the sentence, never a wrong paragraph") {
    t.dir.write_file("a.txt", "An update was inserted at the top of the page, moving every offset.\n\n" + article_a);
    const std::string stale = to_html({stubs, t.run.claims, t.run.result, none});
    const std::string sentence = t.from_a->ev.sentence.str();
    CHECK(contains(stale, "<blockquote>" +
                              marked(t.arrival->id, *t.from_a, sentence, t.from_a->ev.begin - t.from_a->ev.sentence_begin) +
                              "</blockquote>"));
    CHECK(!contains(stale, "The visit was announced last week."));
    CHECK(contains(stale, "does not hold these words at these offsets"));
  }
  SECTION("a file that is gone: the sentence") {
    std::filesystem::remove(t.dir.path() / "a.txt");
    const std::string gone = to_html({stubs, t.run.claims, t.run.result, none});
    CHECK(contains(gone, mark_open(t.arrival->id, *t.from_a) + "2:46 a.m.</mark>, according to the Kremlin."));
    CHECK(!contains(gone, "The visit was announced last week."));
    CHECK(contains(gone, "the file cannot be read"));
  }
}

TEST_CASE("html: without documents (claims from JSON Lines) each quote is marked in its sentence", "[html]") {
  two_articles t;
  REQUIRE(t.arrival);
  REQUIRE(t.from_a);
  const std::vector<document> no_documents;
  const std::string html = to_html({no_documents, t.run.claims, t.run.result, t.run.docs.diagnostics});
  const std::string sentence = t.from_a->ev.sentence.str();
  CHECK(contains(html, "<blockquote>" +
                           marked(t.arrival->id, *t.from_a, sentence, t.from_a->ev.begin - t.from_a->ev.sentence_begin) +
                           "</blockquote>"));
  CHECK(!contains(html, "The visit was announced last week."));
  CHECK(contains(html, "0 document(s)"));
}

TEST_CASE("html: stale or impossible offsets never crash and fall back to the sentence", "[html]") {
  two_articles t;
  REQUIRE(t.arrival);
  REQUIRE(t.from_a);
  const std::size_t index = static_cast<std::size_t>(t.from_a - t.run.claims.data());
  std::vector<claim> claims = t.run.claims;
  claim& c = claims[index];
  const std::string sentence = c.ev.sentence.str();
  const std::size_t rel = c.ev.begin - c.ev.sentence_begin;

  SECTION("offsets past the end of the text") {
    c.ev.begin = std::size_t{1} << 40;
    c.ev.end = c.ev.begin + 9;
    c.ev.sentence_begin = std::size_t{1} << 41;  // the words are then found by search in the sentence
  }
  SECTION("offsets shifted by a byte") {
    ++c.ev.begin;
    ++c.ev.end;
  }
  SECTION("end before begin") {
    c.ev.end = c.ev.begin - 1;
  }
  const std::string html = to_html({t.run.docs.documents, claims, t.run.result, t.run.docs.diagnostics});
  CHECK(contains(html, "<blockquote>" + marked(t.arrival->id, c, sentence, rel) + "</blockquote>"));
  CHECK(!find_invalid_utf8(html));
}

TEST_CASE("html: a quote its sentence does not hold is still shown, marked, on its own", "[html]") {
  two_articles t;
  REQUIRE(t.from_a);
  std::vector<claim> claims = t.run.claims;
  claim& c = claims[static_cast<std::size_t>(t.from_a - t.run.claims.data())];
  c.ev.sentence = "A sentence that was edited since.";
  c.ev.begin = c.ev.end = 0;
  const std::vector<document> no_documents;
  const std::string html = to_html({no_documents, claims, t.run.result, t.run.docs.diagnostics});
  CHECK(contains(html, "<blockquote>" + mark_open(t.arrival->id, c) + "2:46 a.m.</mark></blockquote>"));
  CHECK(contains(html, "A sentence that was edited since."));
}

TEST_CASE("html: every text is escaped and the page stays valid UTF-8", "[html]") {
  // A conflict built by hand, as claims from outside may carry any text.
  const std::string words = "<b>\"5 & 6\"</b> o'clock";
  const std::string sentence = "He wrote " + words + " in <script>alert(1)</script> \xFF\xFE bytes.";
  std::vector<claim> claims(2);
  for (int i = 0; i < 2; ++i) {
    claim& c = claims[static_cast<std::size_t>(i)];
    c.id = i == 0 ? "feed\"<1>#1" : "feed'2#1";
    c.kind = claim_kind::text;
    c.subject = "gate:<flight>";
    c.attribute = "gate";
    c.val = make_text_value(i == 0 ? "A&1" : "<B2>");
    c.ev.document = i == 0 ? "x\"y.txt" : "z<w>.txt";
    c.ev.source = i == 0 ? "Tom & Jerry's <Wire>" : "\"Quoted\" News";
    c.ev.attribution = "the <i>airport</i> & 'others'";
    c.ev.text = i == 0 ? words : std::string("<B2>");
    c.ev.sentence = i == 0 ? sentence : std::string("Gate <B2> \xC3\xA9t\xC3\xA9.");
    c.ev.sentence_begin = 100;
    c.ev.begin = i == 0 ? 109 : 105;
    c.ev.end = c.ev.begin + c.ev.text.size();
  }
  reconciliation r;
  r.slots.push_back({"S1", claim_kind::text, "gate:<flight>", "gate", "", {0, 1}});
  conflict cf;
  cf.id = "C<1>";
  cf.cls = conflict_class::value_mismatch;
  cf.sev = conflict_severity::high;
  cf.slot = 0;
  cf.values = {{"A&1", modality::reported, {0}, 0.8}, {"<B2>", modality::planned, {1}, 0.5}};
  cf.best = {"A&1", 0.6, "\"A&1\" has <more> support"};
  cf.explanation = "Sources disagree: </p><script>alert('x')</script>";
  r.conflicts.push_back(cf);
  const std::vector<document> no_documents;
  const std::vector<diagnostic> diags{{severity::warning, {"<in>.jsonl", 3, std::nullopt, std::nullopt}, "bad \"line\" & <more>"}};
  const std::string html = to_html({no_documents, claims, r, diags});

  CHECK(!find_invalid_utf8(html));
  CHECK(!contains(html, "<script>"));
  CHECK(!contains(html, "<b>"));
  CHECK(!contains(html, "<i>"));
  CHECK(!contains(html, "<B2>"));
  CHECK(contains(html, escaped(cf.explanation)));
  CHECK(contains(html, escaped(cf.best.reason)));
  CHECK(contains(html, escaped(claims[0].ev.source)));
  CHECK(contains(html, escaped(claims[0].ev.document)));
  CHECK(contains(html, escaped(claims[0].ev.attribution)));
  CHECK(contains(html, escaped(to_string(diags[0]))));
  // The words marked exactly, in their sentence, with the conflict and claim ids escaped.
  CHECK(contains(html, "He wrote " + mark_open(cf.id, claims[0]) + escaped(words) + "</mark> in &lt;script&gt;"));
  CHECK(contains(html, mark_open(cf.id, claims[1]) + "&lt;B2&gt;</mark> \xC3\xA9t\xC3\xA9."));
  // The invalid bytes are replaced, not passed on.
  CHECK(contains(html, "\xEF\xBF\xBD"));
  CHECK(contains(html, ">planned</span>"));
}

TEST_CASE("html: no conflicts is said in words", "[html]") {
  const std::vector<document> docs;
  const std::vector<claim> claims;
  const reconciliation r;
  const std::vector<diagnostic> diags;
  const std::string html = to_html({docs, claims, r, diags});
  CHECK(contains(html, "No conflicts found."));
  CHECK(!contains(html, "<mark"));
  CHECK(!find_invalid_utf8(html));
}

TEST_CASE("cli: report --format html writes the page; --sources with html is refused", "[cli][html]") {
  const crosscheck_test::temp_dir dir;
  const std::string out = (dir.path() / "out").string(), err = (dir.path() / "err").string();
  const std::string cli = std::string("'") + CROSSCHECK_CLI + "'";
  const std::string samples = std::string("'") + CROSSCHECK_SAMPLES_DIR + "'";
  int status = std::system((cli + " report --format html " + samples + " >'" + out + "' 2>'" + err + "'").c_str());
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 1);  // the samples disagree
  std::ifstream in(out, std::ios::binary);
  const std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(contains(html, "<mark class=\"claim\""));
  status = std::system((cli + " report --format html --sources " + samples + " >'" + out + "' 2>'" + err + "'").c_str());
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
}
