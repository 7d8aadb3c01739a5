// Unit tests for crosscheck/text.hpp: UTF-8 validation, normalization with offsets back into
// the original bytes, and segmentation into paragraphs and sentences.
#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/document.hpp"
#include "crosscheck/rules.hpp"
#include "crosscheck/text.hpp"
#include "text/bytes.hpp"

namespace Catch {
template <>
struct StringMaker<crosscheck::text_span> {
  static std::string convert(crosscheck::text_span s) {
    return "[" + std::to_string(s.begin) + ", " + std::to_string(s.end) + ")";
  }
};
}  // namespace Catch

namespace {

using crosscheck::document;
using crosscheck::text_span;
using namespace std::string_literals;

const crosscheck::rule_set& rules() {
  static const crosscheck::rule_set loaded = crosscheck::rule_set::load(CROSSCHECK_DATA_DIR);
  return loaded;
}

document make_doc(std::string text) {
  document d;
  d.id = "t";
  d.text = std::move(text);
  return d;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Each normalized byte maps into the body of the text, never going back. (The exact size of
// norm_to_orig holds one entry per normalized byte plus an end-of-text sentinel; its own test
// case below pins that down.)
void check_mapping(const document& d) {
  const std::size_t n = d.normalized.size();
  REQUIRE(d.norm_to_orig.size() == n + 1);
  CHECK(d.norm_to_orig[n] == d.text.size());
  bool in_body = true;
  bool monotonic = true;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t o = d.norm_to_orig[i];
    if (o < d.body_begin || o >= d.text.size()) in_body = false;
    if (i > 0 && o < d.norm_to_orig[i - 1]) monotonic = false;
  }
  CHECK(in_body);
  CHECK(monotonic);
  CHECK(d.to_original(d.normalized.size()) == d.text.size());
}

document normalized(std::string text) {
  document d = make_doc(std::move(text));
  crosscheck::normalize(d);
  check_mapping(d);
  return d;
}

// The span of the first occurrence of `needle` in doc.normalized.
text_span norm_span(const document& d, std::string_view needle) {
  const std::size_t pos = d.normalized.find(needle);
  INFO("looking for \"" << std::string(needle) << "\" in \"" << d.normalized << "\"");
  REQUIRE(pos != std::string::npos);
  return text_span{pos, pos + needle.size()};
}

// The original bytes behind the first occurrence of `needle` in the normalized text.
std::string original_of(const document& d, std::string_view needle) {
  return std::string(d.original(d.to_original(norm_span(d, needle))));
}

// Paragraph and sentence spans: inside the text, ordered, trimmed, sentences inside their paragraph.
void check_segments(const document& d) {
  for (std::size_t i = 0; i < d.paragraphs.size(); ++i) {
    const text_span p = d.paragraphs[i].span;
    INFO("paragraph " << i << ": \"" << std::string(d.original(p)) << "\"");
    REQUIRE(p.begin <= p.end);
    REQUIRE(p.end <= d.text.size());
    CHECK(p.begin >= d.body_begin);
    REQUIRE_FALSE(p.empty());
    CHECK_FALSE(is_space(d.text[p.begin]));
    CHECK_FALSE(is_space(d.text[p.end - 1]));
    if (i > 0) CHECK(d.paragraphs[i - 1].span.end <= p.begin);
    if (d.paragraphs[i].repeat_of) CHECK(*d.paragraphs[i].repeat_of < i);
  }
  for (std::size_t i = 0; i < d.sentences.size(); ++i) {
    const auto& s = d.sentences[i];
    INFO("sentence " << i << ": \"" << std::string(d.original(s.span)) << "\"");
    REQUIRE(s.paragraph < d.paragraphs.size());
    REQUIRE(s.span.begin <= s.span.end);
    REQUIRE(s.span.end <= d.text.size());
    REQUIRE_FALSE(s.span.empty());
    const text_span p = d.paragraphs[s.paragraph].span;
    CHECK(p.begin <= s.span.begin);
    CHECK(s.span.end <= p.end);
    CHECK_FALSE(is_space(d.text[s.span.begin]));
    CHECK_FALSE(is_space(d.text[s.span.end - 1]));
    REQUIRE(s.normalized.end <= d.normalized.size());
    CHECK(d.to_original(s.normalized) == s.span);
    if (i > 0) {
      CHECK(d.sentences[i - 1].span.end <= s.span.begin);
      CHECK(d.sentences[i - 1].paragraph <= s.paragraph);
    }
  }
}

document prepared(std::string text) {
  document d = make_doc(std::move(text));
  crosscheck::prepare(d, rules());
  check_mapping(d);
  check_segments(d);
  return d;
}

// The sentences of `text`, as original bytes.
std::vector<std::string> sentences_of(std::string text) {
  const document d = prepared(std::move(text));
  std::vector<std::string> out;
  for (const auto& s : d.sentences) out.emplace_back(d.original(s.span));
  return out;
}

std::vector<std::string> paragraphs_of(const document& d) {
  std::vector<std::string> out;
  for (const auto& p : d.paragraphs) out.emplace_back(d.original(p.span));
  return out;
}

}  // namespace

// --- find_invalid_utf8 --------------------------------------------------------------------

TEST_CASE("text: valid UTF-8 has no invalid offset", "[text]") {
  CHECK_FALSE(crosscheck::find_invalid_utf8("").has_value());
  CHECK_FALSE(crosscheck::find_invalid_utf8("Putin arrived at 2:46 a.m.").has_value());
  // 2-, 3- and 4-byte sequences: e acute, curly quote, Hangul, an emoji
  CHECK_FALSE(crosscheck::find_invalid_utf8("Caf\u00E9 \u201Cquoted\u201D \uD3C9\uC591 \U0001F600").has_value());
  // the largest code point, U+10FFFF, and the last one before the surrogates, U+D7FF
  CHECK_FALSE(crosscheck::find_invalid_utf8("ok \xF4\x8F\xBF\xBF").has_value());
  CHECK_FALSE(crosscheck::find_invalid_utf8("\xED\x9F\xBF").has_value());
}

TEST_CASE("text: a lone continuation byte is invalid", "[text]") {
  const auto bad = crosscheck::find_invalid_utf8("ab\x80" "cd");
  REQUIRE(bad.has_value());
  CHECK(*bad == 2u);
}

TEST_CASE("text: an invalid byte after multibyte characters is reported at its byte offset", "[text]") {
  // "é" is two bytes, "’" three: the stray byte is at 1 + 2 + 3 = 6
  const auto bad = crosscheck::find_invalid_utf8("a\u00E9\u2019\x80" "z");
  REQUIRE(bad.has_value());
  CHECK(*bad == 6u);
}

TEST_CASE("text: a truncated 3-byte sequence at the end is invalid", "[text]") {
  const auto bad = crosscheck::find_invalid_utf8("abc\xE2\x80");
  REQUIRE(bad.has_value());
  CHECK(*bad == 3u);
}

TEST_CASE("text: a truncated sequence followed by ASCII is invalid", "[text]") {
  const auto bad = crosscheck::find_invalid_utf8("abc\xE2\x80" "d");
  REQUIRE(bad.has_value());
  CHECK(*bad == 3u);
}

TEST_CASE("text: an overlong form is invalid", "[text]") {
  SECTION("two bytes for '/'") {
    const auto bad = crosscheck::find_invalid_utf8("a\xC0\xAF");
    REQUIRE(bad.has_value());
    CHECK(*bad == 1u);
  }
  SECTION("three bytes for '/'") {
    const auto bad = crosscheck::find_invalid_utf8("ab\xE0\x80\xAF");
    REQUIRE(bad.has_value());
    CHECK(*bad == 2u);
  }
}

TEST_CASE("text: a UTF-16 surrogate is invalid", "[text]") {
  const auto bad = crosscheck::find_invalid_utf8("xy\xED\xA0\x80");
  REQUIRE(bad.has_value());
  CHECK(*bad == 2u);
}

TEST_CASE("text: a code point above U+10FFFF is invalid", "[text]") {
  SECTION("at the start") {
    const auto bad = crosscheck::find_invalid_utf8("\xF4\x90\x80\x80");
    REQUIRE(bad.has_value());
    CHECK(*bad == 0u);
  }
  SECTION("after text") {
    const auto bad = crosscheck::find_invalid_utf8("four\xF4\x90\x80\x80");
    REQUIRE(bad.has_value());
    CHECK(*bad == 4u);
  }
}

TEST_CASE("text: a bad byte or a good character is seen at every offset of a long ASCII run", "[text]") {
  // ASCII is skipped in blocks of 32 and 8 bytes: a stray byte, a truncated sequence and a valid
  // character are put at each offset of a 100-byte run, both before and after a block's end.
  for (std::size_t at = 0; at < 100; ++at) {
    INFO("at byte " << at);
    std::string text(100, 'a');
    text[at] = '\x80';
    auto bad = crosscheck::find_invalid_utf8(text);
    REQUIRE(bad.has_value());
    CHECK(*bad == at);
    text.replace(at, 1, "\xE2\x80");  // the last byte of "\u2019" missing
    bad = crosscheck::find_invalid_utf8(text);
    REQUIRE(bad.has_value());
    CHECK(*bad == at);
    text.replace(at, 2, "\u2019");
    CHECK_FALSE(crosscheck::find_invalid_utf8(text).has_value());
    text += '\xFF';
    bad = crosscheck::find_invalid_utf8(text);
    REQUIRE(bad.has_value());
    CHECK(*bad == text.size() - 1);
  }
}

// --- normalize ----------------------------------------------------------------------------

TEST_CASE("text: norm_to_orig has one entry per normalized byte, then the end of the text", "[text]") {
  SECTION("plain text") {
    document d = make_doc("Kim met him.");
    crosscheck::normalize(d);
    CHECK(d.norm_to_orig.size() == d.normalized.size() + 1);
    CHECK(d.norm_to_orig.back() == d.text.size());
  }
  SECTION("text that shrinks") {
    document d = make_doc("Putin\u2019s plane\u00A0landed\r\n");
    crosscheck::normalize(d);
    CHECK(d.normalized == "Putin's plane landed\n");
    CHECK(d.norm_to_orig.size() == d.normalized.size() + 1);
    CHECK(d.norm_to_orig.back() == d.text.size());
  }
  SECTION("empty text") {
    document d = make_doc("");
    crosscheck::normalize(d);
    REQUIRE(d.norm_to_orig.size() == 1u);
    CHECK(d.norm_to_orig[0] == 0u);
  }
}

TEST_CASE("text: normalize leaves plain text alone, byte for byte", "[text]") {
  const std::string text = "Putin arrived at 2:46 a.m. in Pyongyang.\nKim met him.";
  const document d = normalized(text);
  CHECK(d.normalized == text);
  bool identity = true;
  for (std::size_t i = 0; i < d.normalized.size(); ++i)
    if (d.norm_to_orig[i] != i) identity = false;
  CHECK(identity);
}

TEST_CASE("text: normalize keeps ordinary non-ASCII letters", "[text]") {
  const std::string text = "Caf\u00E9 in \uD3C9\uC591";  // "Café in 평양"
  const document d = normalized(text);
  CHECK(d.normalized == text);
}

TEST_CASE("text: normalize turns curly quotes into ASCII quotes", "[text]") {
  SECTION("single and double") {
    const document d = normalized("\u2018hi\u2019 \u201Cyo\u201D");
    CHECK(d.normalized == "'hi' \"yo\"");
  }
  SECTION("an apostrophe") {
    const document d = normalized("Putin\u2019s plane");
    CHECK(d.normalized == "Putin's plane");
    CHECK(original_of(d, "plane") == "plane");
  }
  SECTION("primes") {
    const document d = normalized("5\u2032 11\u2033");
    CHECK(d.normalized == "5' 11\"");
  }
}

TEST_CASE("text: normalize turns Unicode spaces into ASCII spaces", "[text]") {
  SECTION("no-break space U+00A0") {
    CHECK(normalized("2:22\u00A0a.m.").normalized == "2:22 a.m.");
  }
  SECTION("thin space U+2009") {
    CHECK(normalized("10\u2009000 tonnes").normalized == "10 000 tonnes");
  }
  SECTION("narrow no-break space U+202F") {
    CHECK(normalized("2:22\u202Fa.m.").normalized == "2:22 a.m.");
  }
}

TEST_CASE("text: normalize drops soft hyphens, zero-width characters and a BOM", "[text]") {
  SECTION("soft hyphen U+00AD") {
    const document d = normalized("co\u00ADoperate");
    CHECK(d.normalized == "cooperate");
    // the whole normalized word maps back to the original bytes, soft hyphen included
    CHECK(d.original(d.to_original(text_span{0, d.normalized.size()})) == "co\u00ADoperate");
  }
  SECTION("zero-width space U+200B") {
    CHECK(normalized("Pyong\u200Byang").normalized == "Pyongyang");
  }
  SECTION("byte order mark at the start") {
    const document d = normalized("\uFEFFHello.");
    CHECK(d.normalized == "Hello.");
    REQUIRE_FALSE(d.norm_to_orig.empty());
    CHECK(d.norm_to_orig[0] == 3u);
    CHECK(d.to_original(0) == 3u);
  }
}

TEST_CASE("text: normalize turns dashes and minus signs into '-'", "[text]") {
  SECTION("en dash") {
    CHECK(normalized("1990\u20132000").normalized == "1990-2000");
  }
  SECTION("em dash") {
    const document d = normalized("yes\u2014no");
    CHECK(d.normalized == "yes-no");
    CHECK(original_of(d, "no") == "no");
  }
  SECTION("minus sign U+2212") {
    CHECK(normalized("\u22125 degrees").normalized == "-5 degrees");
  }
}

TEST_CASE("text: normalize expands the ellipsis", "[text]") {
  const document d = normalized("Wait\u2026 what");
  CHECK(d.normalized == "Wait... what");
  REQUIRE(d.norm_to_orig.size() >= 12u);
  for (std::size_t i = 4; i < 7; ++i) {
    INFO("normalized byte " << i);
    CHECK(d.norm_to_orig[i] >= 4u);
    CHECK(d.norm_to_orig[i] < 7u);
  }
  CHECK(d.norm_to_orig[7] == 7u);  // the space after the ellipsis
  CHECK(original_of(d, "Wait...") == "Wait\u2026");
  CHECK(original_of(d, "what") == "what");
}

TEST_CASE("text: normalize reads CR LF as LF", "[text]") {
  const document d = normalized("a\r\nb\r\nc");
  CHECK(d.normalized == "a\nb\nc");
  REQUIRE(d.norm_to_orig.size() >= 5u);
  CHECK(d.norm_to_orig[0] == 0u);
  CHECK(d.norm_to_orig[2] == 3u);  // 'b'
  CHECK(d.norm_to_orig[4] == 6u);  // 'c'
}

// normalize() skips plain ASCII eight bytes at a time: a CR, a NUL or a non-ASCII byte at any
// place in or after such a block is still seen.
TEST_CASE("text: normalize sees a CR, a NUL or a curly quote at every offset of a long run", "[text]") {
  const std::string plain = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (std::size_t at = 0; at <= plain.size(); ++at) {
    const std::string head = plain.substr(0, at), tail = plain.substr(at);
    CHECK(normalized(head + "\r" + tail).normalized == head + "\n" + tail);
    CHECK(normalized(head + "\r\n" + tail).normalized == head + "\n" + tail);
    CHECK(normalized(head + std::string(1, '\0') + tail).normalized == head + " " + tail);
    const document q = normalized(head + "\u2019" + tail);
    CHECK(q.normalized == head + "'" + tail);
    CHECK(q.norm_to_orig[at] == at);
    if (!tail.empty()) CHECK(q.norm_to_orig[at + 1] == at + 3);  // after the three bytes of U+2019
  }
}

TEST_CASE("text: a normalized span maps back to the same words in the original", "[text]") {
  const document d = normalized("Putin\u2019s plane landed at\u00A0Pyongyang at 2:22\u00A0a.m.");
  CHECK(d.normalized == "Putin's plane landed at Pyongyang at 2:22 a.m.");

  SECTION("a word after a multibyte apostrophe and a no-break space") {
    const text_span n = norm_span(d, "2:22");
    const text_span o = d.to_original(n);
    CHECK(d.original(o) == "2:22");
    CHECK(o.begin == d.text.find("2:22"));
  }
  SECTION("a phrase with a no-break space inside keeps the original bytes") {
    CHECK(original_of(d, "landed at Pyongyang") == "landed at\u00A0Pyongyang");
  }
  SECTION("the possessive maps to the curly apostrophe") {
    CHECK(original_of(d, "Putin's") == "Putin\u2019s");
  }
  SECTION("both ends of the text") {
    CHECK(d.to_original(0) == 0u);
    CHECK(d.to_original(d.normalized.size()) == d.text.size());
    CHECK(d.to_original(text_span{0, d.normalized.size()}) == text_span{0, d.text.size()});
  }
  SECTION("offsets map one by one") {
    const std::size_t n = d.normalized.find("Pyongyang");
    REQUIRE(n != std::string::npos);
    CHECK(d.to_original(n) == d.text.find("Pyongyang"));
    CHECK(d.norm_to_orig[n] == d.text.find("Pyongyang"));
  }
}

TEST_CASE("text: normalize starts at body_begin and keeps offsets into the whole text", "[text]") {
  const std::string front = "---\nsource: Foo\n---\n";
  document d = make_doc(front + "Hello \u201Cworld\u201D.");
  d.body_begin = front.size();
  crosscheck::normalize(d);
  check_mapping(d);
  CHECK(d.normalized == "Hello \"world\".");
  REQUIRE_FALSE(d.norm_to_orig.empty());
  CHECK(d.norm_to_orig[0] == front.size());
  CHECK(d.to_original(0) == front.size());
  CHECK(original_of(d, "world") == "world");
  CHECK(d.to_original(norm_span(d, "world")).begin == d.text.find("world"));
}

TEST_CASE("text: normalize of an empty text is empty", "[text]") {
  const document d = normalized("");
  CHECK(d.normalized.empty());
  CHECK(d.to_original(0) == 0u);
}

// --- segment: sentences -------------------------------------------------------------------

// segment() looks for '.', '!' and '?' eight bytes at a time: each is found at every offset.
TEST_CASE("text: a sentence ends at a period, '!' or '?' at any offset of a long run", "[text]") {
  const std::string words = "Kim arrived in the capital of the region on time";
  for (const char end : {'.', '!', '?'}) {
    for (std::size_t at = 2; at <= words.size(); ++at) {  // from 2: "K." is an initial
      if (words[at - 1] == ' ') continue;
      const std::string first = words.substr(0, at) + end;
      const auto s = sentences_of(first + " Putin left.");
      REQUIRE(s.size() == 2u);
      CHECK(s[0] == first);
      CHECK(s[1] == "Putin left.");
    }
  }
}

TEST_CASE("text: a.m. followed by a lower-case word does not end a sentence", "[text]") {
  const auto s = sentences_of("Putin arrived at 2:46 a.m. on Wednesday. Kim met him.");
  REQUIRE(s.size() == 2u);
  CHECK(s[0] == "Putin arrived at 2:46 a.m. on Wednesday.");
  CHECK(s[1] == "Kim met him.");
}

TEST_CASE("text: a.m. followed by a capitalized ordinary word ends a sentence", "[text]") {
  const auto s = sentences_of("He landed at 2:22 a.m. The talks began at noon.");
  REQUIRE(s.size() == 2u);
  CHECK(s[0] == "He landed at 2:22 a.m.");
  CHECK(s[1] == "The talks began at noon.");
}

TEST_CASE("text: p.m. followed by a zone does not end a sentence", "[text]") {
  const auto s = sentences_of("It was 2 p.m. Moscow time when he left.");
  REQUIRE(s.size() == 1u);
  CHECK(s[0] == "It was 2 p.m. Moscow time when he left.");
}

TEST_CASE("text: a.m. followed by a zone abbreviation does not end a sentence", "[text]") {
  const auto s = sentences_of("He arrived at 2:46 a.m. KST on Wednesday. Kim met him.");
  REQUIRE(s.size() == 2u);
  CHECK(s[0] == "He arrived at 2:46 a.m. KST on Wednesday.");
}

TEST_CASE("text: a.m. followed by a weekday does not end a sentence", "[text]") {
  const auto s = sentences_of("He arrived at 2:46 a.m. Wednesday and left. Kim stayed.");
  REQUIRE(s.size() == 2u);
  CHECK(s[0] == "He arrived at 2:46 a.m. Wednesday and left.");
}

TEST_CASE("text: abbreviations hold from a document's first to its last period", "[text]") {
  // The abbreviation lists are searched entry by entry for a document's first few periods and
  // by bits made from them after that (segment.cpp, word_list): the same answers either way.
  const auto s = sentences_of(
      "Mr. Lee met Dr. Choi at 9 a.m. Seoul time. Mr. Park met Gen. Kim at 10 a.m. Monday. "
      "Mr. Cho left at 11 a.m. The talks went on. Dr. Han came at 12 p.m. Moscow time. "
      "Gen. Ryu left at 1 p.m. Nobody followed.");
  REQUIRE(s.size() == 7u);
  CHECK(s[0] == "Mr. Lee met Dr. Choi at 9 a.m. Seoul time.");
  CHECK(s[1] == "Mr. Park met Gen. Kim at 10 a.m. Monday.");
  CHECK(s[2] == "Mr. Cho left at 11 a.m.");  // "The" is no continuation: the sentence ends
  CHECK(s[3] == "The talks went on.");
  CHECK(s[4] == "Dr. Han came at 12 p.m. Moscow time.");
  CHECK(s[5] == "Gen. Ryu left at 1 p.m.");
  CHECK(s[6] == "Nobody followed.");
}

TEST_CASE("text: U.S. inside a sentence does not end it", "[text]") {
  const auto s = sentences_of("The U.S. Army said so. Then it left.");
  REQUIRE(s.size() == 2u);
  CHECK(s[0] == "The U.S. Army said so.");
  CHECK(s[1] == "Then it left.");
}

TEST_CASE("text: a title abbreviation does not end a sentence", "[text]") {
  SECTION("Gen.") {
    const auto s = sentences_of("Gen. Smith spoke. He left.");
    REQUIRE(s.size() == 2u);
    CHECK(s[0] == "Gen. Smith spoke.");
    CHECK(s[1] == "He left.");
  }
  SECTION("Mr. and Dr.") {
    const auto s = sentences_of("Mr. Kim met Dr. Lee.");
    REQUIRE(s.size() == 1u);
    CHECK(s[0] == "Mr. Kim met Dr. Lee.");
  }
}

TEST_CASE("text: No. before a number does not end a sentence", "[text]") {
  const auto s = sentences_of("It is the No. 4 priority. Yes.");
  REQUIRE(s.size() == 2u);
  CHECK(s[0] == "It is the No. 4 priority.");
  CHECK(s[1] == "Yes.");
}

TEST_CASE("text: a decimal point does not end a sentence", "[text]") {
  const auto s = sentences_of("Temperatures hit 33.5 degrees. It was hot.");
  REQUIRE(s.size() == 2u);
  CHECK(s[0] == "Temperatures hit 33.5 degrees.");
  CHECK(s[1] == "It was hot.");
}

TEST_CASE("text: single initials do not end a sentence", "[text]") {
  const auto s = sentences_of("J. R. Smith arrived. He spoke.");
  REQUIRE(s.size() == 2u);
  CHECK(s[0] == "J. R. Smith arrived.");
  CHECK(s[1] == "He spoke.");
}

TEST_CASE("text: a period followed by a digit ends a sentence", "[text]") {
  const auto s = sentences_of("The talks began at noon. 11 people were there.");
  REQUIRE(s.size() == 2u);
  CHECK(s[0] == "The talks began at noon.");
  CHECK(s[1] == "11 people were there.");
}

TEST_CASE("text: a closing quote after the period belongs to the sentence", "[text]") {
  SECTION("straight quotes") {
    const auto s = sentences_of("\"We will win.\" He said it twice.");
    REQUIRE(s.size() == 2u);
    CHECK(s[0] == "\"We will win.\"");
    CHECK(s[1] == "He said it twice.");
  }
  SECTION("curly quotes, mapped back to the original bytes") {
    const auto s = sentences_of("\u201CWe will win.\u201D He said it twice.");
    REQUIRE(s.size() == 2u);
    CHECK(s[0] == "\u201CWe will win.\u201D");
    CHECK(s[1] == "He said it twice.");
  }
}

TEST_CASE("text: question and exclamation marks end sentences", "[text]") {
  const auto s = sentences_of("Is it true? Nobody knows!");
  REQUIRE(s.size() == 2u);
  CHECK(s[0] == "Is it true?");
  CHECK(s[1] == "Nobody knows!");
}

TEST_CASE("text: segment can be called after normalize with the vocabulary alone", "[text]") {
  document d = make_doc("He landed at 2:22 a.m. The talks began at noon.");
  crosscheck::normalize(d);
  crosscheck::segment(d, rules().segmentation);
  check_segments(d);
  REQUIRE(d.paragraphs.size() == 1u);
  REQUIRE(d.sentences.size() == 2u);
  CHECK(d.original(d.sentences[0].span) == "He landed at 2:22 a.m.");
  CHECK(d.norm(d.sentences[1].normalized) == "The talks began at noon.");
}

TEST_CASE("text: sentence spans point into the original text and the normalized text", "[text]") {
  const document d = prepared("Putin\u2019s plane landed at\u00A0Pyongyang. Kim met him at 2:22\u00A0a.m. on Wednesday.");
  REQUIRE(d.sentences.size() == 2u);
  CHECK(d.original(d.sentences[0].span) == "Putin\u2019s plane landed at\u00A0Pyongyang.");
  CHECK(d.norm(d.sentences[0].normalized) == "Putin's plane landed at Pyongyang.");
  CHECK(d.original(d.sentences[1].span) == "Kim met him at 2:22\u00A0a.m. on Wednesday.");
  CHECK(d.norm(d.sentences[1].normalized) == "Kim met him at 2:22 a.m. on Wednesday.");
  CHECK(d.sentences[0].paragraph == 0u);
  CHECK(d.sentences[1].paragraph == 0u);
}

TEST_CASE("text: sentence_at finds the sentence holding a normalized offset", "[text]") {
  const document d = prepared("Is it true? Nobody knows!");
  REQUIRE(d.sentences.size() == 2u);
  const std::size_t in_first = d.normalized.find("true");
  const std::size_t in_second = d.normalized.find("knows");
  REQUIRE(in_first != std::string::npos);
  REQUIRE(in_second != std::string::npos);
  CHECK(d.sentence_at(in_first) == &d.sentences[0]);
  CHECK(d.sentence_at(in_second) == &d.sentences[1]);
  CHECK(d.sentence_at(0) == &d.sentences[0]);
}

// --- segment: paragraphs ------------------------------------------------------------------

TEST_CASE("text: each line is a paragraph", "[text]") {
  const document d = prepared("A first line.\n\nSecond para here.\nThird para.");
  const auto p = paragraphs_of(d);
  REQUIRE(p.size() == 3u);
  CHECK(p[0] == "A first line.");
  CHECK(p[1] == "Second para here.");
  CHECK(p[2] == "Third para.");
  REQUIRE(d.sentences.size() == 3u);
  CHECK(d.sentences[0].paragraph == 0u);
  CHECK(d.sentences[1].paragraph == 1u);
  CHECK(d.sentences[2].paragraph == 2u);
  CHECK(d.original(d.sentences[1].span) == "Second para here.");
}

TEST_CASE("text: a line that starts in lower case continues the paragraph", "[text]") {
  const document d = prepared("The talks were\nlong and hard.");
  REQUIRE(d.paragraphs.size() == 1u);
  CHECK(d.original(d.paragraphs[0].span) == "The talks were\nlong and hard.");
  REQUIRE(d.sentences.size() == 1u);
  CHECK(d.original(d.sentences[0].span) == "The talks were\nlong and hard.");
}

TEST_CASE("text: paragraph spans are trimmed of surrounding spaces", "[text]") {
  const document d = prepared("  Indented line.  \n\n   Another one.\n");
  const auto p = paragraphs_of(d);
  REQUIRE(p.size() == 2u);
  CHECK(p[0] == "Indented line.");
  CHECK(p[1] == "Another one.");
}

TEST_CASE("text: CR LF line ends do not leak into paragraphs", "[text]") {
  const document d = prepared("First para.\r\n\r\nSecond para.\r\n");
  const auto p = paragraphs_of(d);
  REQUIRE(p.size() == 2u);
  CHECK(p[0] == "First para.");
  CHECK(p[1] == "Second para.");
}

TEST_CASE("text: a repeated caption paragraph is marked repeat_of", "[text]") {
  const std::string caption = "Kim Jong Un greets Vladimir Putin at Sunan Airport.";
  const document d = prepared(caption + "\n\nThe two leaders met for talks.\n\n" + caption + "\n");
  REQUIRE(d.paragraphs.size() == 3u);
  CHECK(d.original(d.paragraphs[0].span) == caption);
  CHECK(d.original(d.paragraphs[2].span) == caption);
  CHECK_FALSE(d.paragraphs[0].repeat_of.has_value());
  CHECK_FALSE(d.paragraphs[1].repeat_of.has_value());
  REQUIRE(d.paragraphs[2].repeat_of.has_value());
  CHECK(*d.paragraphs[2].repeat_of == 0u);
}

TEST_CASE("text: among many paragraphs, each repeat points at the first of its text", "[text]") {
  // 60 paragraphs: 40 different ones, then each of the first 10 again, then the first 10 a third time.
  std::string text;
  auto para = [](int k) { return "Paragraph number " + std::to_string(k) + " of the long report."; };
  for (int k = 0; k < 40; ++k) text += para(k) + "\n\n";
  for (int round = 0; round < 2; ++round)
    for (int k = 0; k < 10; ++k) text += para(k) + "\n\n";
  const document d = prepared(text);
  REQUIRE(d.paragraphs.size() == 60u);
  bool firsts_unmarked = true, repeats_marked = true;
  for (std::size_t k = 0; k < 40; ++k) firsts_unmarked = firsts_unmarked && !d.paragraphs[k].repeat_of;
  for (std::size_t k = 40; k < 60; ++k)
    repeats_marked = repeats_marked && d.paragraphs[k].repeat_of && *d.paragraphs[k].repeat_of == (k - 40) % 10;
  CHECK(firsts_unmarked);
  CHECK(repeats_marked);
}

// Repeats are looked up by the size and the first and last eight bytes of a paragraph: paragraphs
// that share all three but differ in the middle meet in the table and must be told apart by
// their whole text.
TEST_CASE("text: paragraphs alike at both ends and in size are repeats only when equal", "[text]") {
  auto para = [](char middle) { return std::string("The caption reads: photo ") + middle + " by the press service."; };
  const document d = prepared(para('A') + "\n" + para('B') + "\n" + para('C') + "\n" + para('B') + "\n" + para('A') + "\n");
  REQUIRE(d.paragraphs.size() == 5u);
  CHECK_FALSE(d.paragraphs[0].repeat_of.has_value());
  CHECK_FALSE(d.paragraphs[1].repeat_of.has_value());
  CHECK_FALSE(d.paragraphs[2].repeat_of.has_value());
  REQUIRE(d.paragraphs[3].repeat_of.has_value());
  CHECK(*d.paragraphs[3].repeat_of == 1u);
  REQUIRE(d.paragraphs[4].repeat_of.has_value());
  CHECK(*d.paragraphs[4].repeat_of == 0u);
}

TEST_CASE("text: a paragraph that is only similar is not a repeat", "[text]") {
  const document d = prepared(
      "Kim Jong Un greets Vladimir Putin at Sunan Airport.\n"
      "Kim Jong Un greets Vladimir Putin at the Kremlin.\n");
  REQUIRE(d.paragraphs.size() == 2u);
  CHECK_FALSE(d.paragraphs[1].repeat_of.has_value());
}

TEST_CASE("text: segmentation skips front matter before body_begin", "[text]") {
  const std::string front = "---\nsource: Foo\n---\n";
  document d = make_doc(front + "Body text here. Second sentence.");
  d.body_begin = front.size();
  crosscheck::prepare(d, rules());
  check_mapping(d);
  check_segments(d);
  REQUIRE(d.paragraphs.size() == 1u);
  CHECK(d.paragraphs[0].span.begin == front.size());
  REQUIRE(d.sentences.size() == 2u);
  CHECK(d.original(d.sentences[0].span) == "Body text here.");
  CHECK(d.original(d.sentences[1].span) == "Second sentence.");
}

TEST_CASE("text: an empty document has no paragraphs and no sentences", "[text]") {
  SECTION("empty") {
    const document d = prepared("");
    CHECK(d.paragraphs.empty());
    CHECK(d.sentences.empty());
  }
  SECTION("blank lines only") {
    const document d = prepared("\n\n  \n");
    CHECK(d.paragraphs.empty());
    CHECK(d.sentences.empty());
  }
}

// --- limits and brackets after abbreviations ----------------------------------------------

TEST_CASE("text: a zone in brackets after a.m. does not end the sentence", "[text]") {
  const auto s = sentences_of("Putin arrived in Pyongyang at 2:46 a.m. (17:46 GMT) on Wednesday. Kim met him.");
  REQUIRE(s.size() == 2u);
  CHECK(s[0] == "Putin arrived in Pyongyang at 2:46 a.m. (17:46 GMT) on Wednesday.");
}

TEST_CASE("text: a run of text with no sentence end is cut at a space before the limit", "[text]") {
  std::string text;
  while (text.size() < 3 * crosscheck::max_sentence_bytes) text += "Putin arrived at 2:46 a.m. and ";
  const document d = prepared(text);
  REQUIRE(d.sentences.size() >= 3u);
  for (const auto& s : d.sentences) {
    CHECK(s.span.size() <= crosscheck::max_sentence_bytes);
    CHECK(d.original(s.span).front() != ' ');
  }
  // Nothing is lost: the pieces cover the text but for the spaces at the cuts.
  std::size_t covered = 0;
  for (const auto& s : d.sentences) covered += s.span.size();
  CHECK(covered + d.sentences.size() >= text.size() - 1);
}

// normalize() copies runs of plain bytes by blocks of sixteen and thirty-two and writes their
// offsets by blocks of 256: a character that stops a run, at every position around those edges,
// still gets its replacement, and every byte its own offset (computed here by hand).
TEST_CASE("text: normalization is exact wherever a run of plain bytes is cut", "[text]") {
  for (const std::size_t before : {0u, 1u, 15u, 16u, 17u, 31u, 32u, 33u, 47u, 255u, 256u, 257u, 600u}) {
    for (const std::size_t after : {0u, 1u, 14u, 16u, 30u, 33u, 256u, 513u}) {
      // before x 'a', a right single quote (3 bytes), after x 'b', CR LF, "c", a soft hyphen
      // (2 bytes, dropped), "d".
      const std::string text = std::string(before, 'a') + "\xE2\x80\x99" + std::string(after, 'b') + "\r\nc\xC2\xAD" + "d";
      document d = make_doc(text);
      crosscheck::normalize(d);
      const std::string expected = std::string(before, 'a') + "'" + std::string(after, 'b') + "\ncd";
      REQUIRE(d.normalized == expected);
      std::vector<std::uint32_t> offsets;
      for (std::size_t i = 0; i < before; ++i) offsets.push_back(static_cast<std::uint32_t>(i));
      offsets.push_back(static_cast<std::uint32_t>(before));  // the quote: its first byte
      for (std::size_t i = 0; i < after; ++i) offsets.push_back(static_cast<std::uint32_t>(before + 3 + i));
      const std::size_t cr = before + 3 + after;
      offsets.push_back(static_cast<std::uint32_t>(cr + 1));  // the LF of CR LF
      offsets.push_back(static_cast<std::uint32_t>(cr + 2));  // 'c'
      offsets.push_back(static_cast<std::uint32_t>(cr + 5));  // 'd', after the soft hyphen
      offsets.push_back(static_cast<std::uint32_t>(text.size()));
      CHECK(d.norm_to_orig == offsets);
    }
  }
}

// The splitter looks for terminals sixteen and thirty-two bytes at a time, and reads a
// paragraph's last bytes as one more block with the lanes past its end masked off: a period at
// every distance from a paragraph's end ends its sentence, and one in the next paragraph never
// ends a sentence of this one.
TEST_CASE("text: sentences end at a period at any distance from the paragraph's end", "[text]") {
  for (std::size_t pad = 0; pad < 70; ++pad) {
    const std::string first = "Word" + std::string(pad, 'x') + ".";
    const std::string text = first + " Second one\nThird line. Fourth one is here, long enough to read.\n";
    document d = make_doc(text);
    crosscheck::prepare(d, rules());
    REQUIRE(d.sentences.size() == 4u);
    CHECK(d.norm(d.sentences[0].normalized) == first);
    CHECK(d.norm(d.sentences[1].normalized) == "Second one");
    CHECK(d.norm(d.sentences[2].normalized) == "Third line.");
    CHECK(d.sentences[1].paragraph == 0u);
    CHECK(d.sentences[2].paragraph == 1u);
    CHECK(d.original(d.sentences[1].span) == "Second one");
  }
}

// normalize() and segment() scan with AVX2 when the CPU has it (text/bytes.hpp) and with 16-byte
// vectors otherwise. Both must prepare a document alike: the texts of the two tests above (a
// stop at every position around the 16- and 32-byte blocks, a period at every distance from a
// paragraph's end) and the samples, prepared each way, give the same normalized text, offsets,
// paragraphs and sentences. (On a CPU without AVX2 both runs take the portable scans.)
TEST_CASE("text: the AVX2 and the portable scans prepare a document alike", "[text]") {
  std::vector<std::string> texts;
  for (const std::size_t before : {0u, 1u, 15u, 16u, 17u, 31u, 32u, 33u, 47u, 63u, 64u, 65u, 255u, 256u, 257u, 600u})
    for (const std::size_t after : {0u, 1u, 14u, 16u, 30u, 31u, 32u, 33u, 256u, 513u})
      texts.push_back(std::string(before, 'a') + "\xE2\x80\x99" + std::string(after, 'b') + "\r\nc\xC2\xAD" + "d. " +
                      std::string(after, 'e') + "! F" + std::string(before % 40, 'g') + "? H\0i"s + "\n");
  for (std::size_t pad = 0; pad < 70; ++pad)
    texts.push_back("Word" + std::string(pad, 'x') + ". Second one\nThird line. Fourth one is here, long enough to read.\n");
  for (const auto& entry : std::filesystem::directory_iterator(std::string(CROSSCHECK_DATA_DIR) + "/samples")) {
    std::ifstream in(entry.path(), std::ios::binary);
    texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  bool& wide = crosscheck::detail::wide_scans();
  const bool had = wide;
  for (const std::string& text : texts) {
    document a = make_doc(text), b = make_doc(text);
    wide = had;
    crosscheck::prepare(a, rules());
    wide = false;
    crosscheck::prepare(b, rules());
    wide = had;
    REQUIRE(a.normalized == b.normalized);
    CHECK(a.norm_to_orig == b.norm_to_orig);
    REQUIRE(a.paragraphs.size() == b.paragraphs.size());
    for (std::size_t k = 0; k < a.paragraphs.size(); ++k) {
      CHECK(a.paragraphs[k].span == b.paragraphs[k].span);
      CHECK(a.paragraphs[k].repeat_of == b.paragraphs[k].repeat_of);
    }
    REQUIRE(a.sentences.size() == b.sentences.size());
    for (std::size_t k = 0; k < a.sentences.size(); ++k) {
      CHECK(a.sentences[k].span == b.sentences[k].span);
      CHECK(a.sentences[k].normalized == b.sentences[k].normalized);
      CHECK(a.sentences[k].paragraph == b.sentences[k].paragraph);
    }
  }
}

// normalize() writes a text's offsets one way under 1 MB (copied from a table of 0, 1, 2, ...)
// and another way above it (counted up into blocks of the map): a text made of one piece repeated
// past 1 MB normalizes, piece by piece, as the piece alone does, with the piece's offsets moved
// by where each copy starts.
TEST_CASE("text: a text over a megabyte maps its offsets as a short one does", "[text]") {
  const std::string piece = "Plain words \xE2\x80\x9Cquoted\xE2\x80\x9D \xC2\xA0then\r\na dash \xE2\x80\x94 and "
                            "caf\xC3\xA9\xC2\xAD, an ellipsis\xE2\x80\xA6 ok.\n" + std::string(70, 'x') + "\n";
  document one = make_doc(piece);
  crosscheck::normalize(one);
  const std::size_t copies = (std::size_t{1} << 20) / piece.size() + 2;
  std::string text;
  for (std::size_t k = 0; k < copies; ++k) text += piece;
  REQUIRE(text.size() > (std::size_t{1} << 20));
  document many = make_doc(text);
  crosscheck::normalize(many);
  const std::size_t n = one.normalized.size();
  REQUIRE(many.normalized.size() == copies * n);
  REQUIRE(many.norm_to_orig.size() == copies * n + 1);
  CHECK(many.norm_to_orig.back() == text.size());
  for (const std::size_t k : {std::size_t{0}, std::size_t{1}, copies / 2, copies - 1}) {
    CHECK(std::string_view(many.normalized).substr(k * n, n) == one.normalized);
    for (std::size_t i = 0; i < n; ++i)
      if (many.norm_to_orig[k * n + i] != one.norm_to_orig[i] + k * piece.size()) FAIL("offset " << i << " of copy " << k);
  }
}
