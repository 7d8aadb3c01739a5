// The number reader shared by the count, quantity, article and duration extractors
// (lib/extract/number_parse.hpp): digits, words, scales, ordinals, vague counts and hedges.
#include <catch2/catch.hpp>

#include "extract/lexical.hpp"
#include "extract/number_parse.hpp"
#include "support/corpus.hpp"

using crosscheck::detail::number_bound;
using crosscheck::detail::number_reader;
using crosscheck::detail::parse_word_number;

namespace {

const auto& cardinals() { return crosscheck_test::rules().dates.numbers; }
const auto& ordinals() { return crosscheck_test::rules().numbers.ordinals; }

std::optional<crosscheck::detail::number_reading> read(const std::string& text) {
  static const number_reader reader(crosscheck_test::rules());
  const auto toks = crosscheck::detail::tokenize(text, 0, text.size());
  return reader.read(toks, 0);
}

}  // namespace

TEST_CASE("number_parse: one token", "[number_parse][numbers]") {
  SECTION("digits with thousands separators and decimals") {
    CHECK(parse_word_number("10,000", cardinals()).value == 10000);
    CHECK(parse_word_number("1,500,000", cardinals()).value == 1500000);
    CHECK(parse_word_number("91.4", cardinals()).value == Approx(91.4));
    CHECK(parse_word_number("91.4", cardinals()).decimals == 1);
    CHECK_FALSE(parse_word_number("1,2345", cardinals()).ok);  // not a thousands separator
    CHECK_FALSE(parse_word_number("2:46", cardinals()).ok);
  }
  SECTION("scores and phone numbers are no numbers") {
    CHECK_FALSE(parse_word_number("3-1", cardinals()).ok);
    CHECK_FALSE(parse_word_number("02-1234-5678", cardinals()).ok);
  }
  SECTION("letters glued on, and hyphenated adjectives") {
    const auto bil = parse_word_number("8.5bil", cardinals());
    CHECK(bil.value == Approx(8.5));
    CHECK(bil.suffix == "bil");
    const auto th = parse_word_number("24th", cardinals(), &ordinals());
    CHECK(th.ordinal);
    CHECK(th.value == 24);
    const auto art = parse_word_number("23-article", cardinals());
    CHECK(art.value == 23);
    CHECK(art.rest == "article");
    const auto nine = parse_word_number("nine-day", cardinals());
    CHECK(nine.value == 9);
    CHECK(nine.rest == "day");
  }
  SECTION("words and ordinals") {
    CHECK(parse_word_number("two", cardinals()).value == 2);
    CHECK(parse_word_number("twenty-four", cardinals()).value == 24);
    CHECK_FALSE(parse_word_number("two-three", cardinals()).ok);
    CHECK(parse_word_number("third", cardinals(), &ordinals()).ordinal);
    CHECK(parse_word_number("third", cardinals(), &ordinals()).value == 3);
    CHECK_FALSE(parse_word_number("a", cardinals(), nullptr, false).ok);
    CHECK(parse_word_number("an", cardinals()).value == 1);
  }
}

TEST_CASE("number_parse: numbers over tokens", "[number_parse][numbers]") {
  auto r = read("more than 10,000 containers");
  REQUIRE(r);
  CHECK(r->bound == number_bound::over);
  CHECK(r->value == 10000);
  CHECK(r->last == 3u);
  r = read("1.5 million people");
  REQUIRE(r);
  CHECK(r->value == 1500000);
  r = read("US 8.5bil");
  CHECK_FALSE(r);
  r = read("8.5bil");
  REQUIRE(r);
  CHECK(r->value == Approx(8.5e9));
  r = read("thousands of North Koreans");
  REQUIRE(r);
  CHECK(r->vague);
  CHECK(r->value == 2000);
  CHECK(r->vague_max == 9999);
  r = read("a dozen agreements");
  REQUIRE(r);
  CHECK(r->value == 12);
  CHECK(r->vague_max == 12);
  r = read("at least 10 missiles");
  REQUIRE(r);
  CHECK(r->bound == number_bound::at_least);
  r = read("some 200 people");
  REQUIRE(r);
  CHECK(r->bound == number_bound::about);
  CHECK_FALSE(read("over the border"));
}

TEST_CASE("number_parse: number words found by hash read as through the maps", "[number_parse][numbers]") {
  const crosscheck::detail::number_words by_hash(cardinals(), &ordinals());
  const crosscheck::detail::number_words cardinals_only(cardinals(), nullptr);
  for (const char* w : {"two", "twenty-four", "twenty-fourth", "third", "nine-day", "two-three", "a", "an", "an-hour",
                        "first-ever", "the", "at", "24th", "8.5bil", "10,000", "3-1", "", "seventy-two-hour"}) {
    INFO(w);
    for (const bool articles : {true, false}) {
      const auto a = parse_word_number(w, cardinals(), &ordinals(), articles);
      const auto b = parse_word_number(w, by_hash, articles);
      CHECK(a.ok == b.ok);
      CHECK(a.value == b.value);
      CHECK(a.ordinal == b.ordinal);
      CHECK(a.rest == b.rest);
      CHECK(a.suffix == b.suffix);
      const auto c = parse_word_number(w, cardinals(), nullptr, articles);
      const auto d = parse_word_number(w, cardinals_only, articles);
      CHECK(c.ok == d.ok);
      CHECK(c.value == d.value);
      CHECK(c.ordinal == d.ordinal);
    }
  }
  // Through the reader: a hedge before a word that is no number gives nothing; before one, it is read.
  CHECK_FALSE(read("at the summit"));
  const auto r = read("nearly twenty-four hours");
  REQUIRE(r);
  CHECK(r->value == 24);
  CHECK(r->bound == number_bound::nearly);
}

TEST_CASE("number_parse: may_start and reading from a token on", "[number_parse][numbers]") {
  const number_reader reader(crosscheck_test::rules());
  const std::string text = "The 2 leaders met at noon with twenty-four aides and 3,000 guests";
  const auto toks = crosscheck::detail::tokenize(text, 0, text.size());
  REQUIRE(toks.size() == 12u);
  CHECK_FALSE(reader.may_start(toks[0]));  // "The"
  CHECK(reader.may_start(toks[1]));        // "2"
  CHECK_FALSE(reader.may_start(toks[2]));  // "leaders"
  CHECK(reader.may_start(toks[4]));        // "at": "at least" starts with it
  CHECK(reader.may_start(toks[7]));        // "twenty-four"
  const auto all = reader.read_all(toks);
  REQUIRE(all.size() == 3u);
  CHECK(all[0].value == 2);
  CHECK(all[1].value == 24);
  CHECK(all[2].value == 3000);
  const auto later = reader.read_all(toks, 2);  // the "2" is not read from token 2 on
  REQUIRE(later.size() == 2u);
  CHECK(later[0].number == 7u);
}
