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
