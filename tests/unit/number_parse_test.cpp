// The number reader shared by the count, quantity, article and duration extractors
// (lib/extract/number_parse.hpp): digits, words, scales, ordinals, vague counts and hedges.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

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

TEST_CASE("number_parse: may_hold marks the tokens a number can be read at, not its hedge", "[number_parse][numbers]") {
  const auto& rules = crosscheck_test::rules();
  const number_reader reader(rules);
  const std::string text = "At least 2 of about twenty-four and a dozen, in the first of thousands of cases a day";
  // With the rules' word index (role bits) and without (every bit set): the same answers.
  for (const auto* index : {rules.word_ids(), static_cast<const crosscheck::detail::word_index*>(nullptr)}) {
    const auto toks = crosscheck::detail::tokenize(text, 0, text.size(), index);
    REQUIRE(toks.size() == 18u);
    std::vector<std::size_t> held;
    for (std::size_t k = 0; k < toks.size(); ++k)
      if (reader.may_hold(toks, k)) held.push_back(k);
    // "2", "twenty-four", "a" of "a dozen", "first", "thousands" of "thousands of"; not the hedges
    // "At least" and "about", nor "in", nor the "a" of "a day".
    CHECK(held == std::vector<std::size_t>{2, 5, 7, 11, 13});
    CHECK(reader.may_start(toks[0]));  // "At" starts a hedge, but no number is read at it
    CHECK(reader.next_core(toks, 0) == 2u);
    CHECK(reader.next_core(toks, 8) == 11u);
    CHECK(reader.next_core(toks, 14) == toks.size());
  }
}

// read_all and read_around try a read only in the few tokens before each token that may hold a
// number; they must find what trying at every token that may start one finds.
TEST_CASE("number_parse: read_all finds what a read at every token finds", "[number_parse][numbers]") {
  const auto& rules = crosscheck_test::rules();
  const number_reader reader(rules);
  const auto all_reads = [&](crosscheck::detail::token_span toks) {
    std::vector<crosscheck::detail::number_reading> out;
    for (std::size_t i = 0; i < toks.size(); ++i) {
      if (!reader.may_start(toks[i])) continue;
      if (auto r = reader.read(toks, i)) {
        i = r->last - 1;
        out.push_back(*r);
      }
    }
    return out;
  };
  std::vector<std::string> texts = {
      "more than 10 people and up to 3,000 guests in excess of 5 tons",
      "in excess of twenty-four, no more than a dozen, close to half a dozen, well over 1.5 million",
      "at the summit about the treaty some of them said at least",
      "several hundreds of thousands of people, a few, a handful of 3"};
  std::size_t sentences = 0;
  const auto folder = std::filesystem::path(CROSSCHECK_SAMPLES_DIR);
  for (auto d : crosscheck::load_corpus({folder.string()}).documents) {
    crosscheck::prepare(d, rules);
    for (const auto& s : d.sentences) texts.push_back(d.normalized.substr(s.normalized.begin, s.normalized.size()));
  }
  std::vector<crosscheck::detail::number_reading> buffer, around;
  std::vector<std::size_t> cores;
  for (const auto& text : texts) {
    const auto toks = crosscheck::detail::tokenize(text, 0, text.size(), rules.word_ids());
    const auto expected = all_reads(toks);
    reader.read_all(toks, 0, buffer);
    cores.clear();
    for (std::size_t k = 0; k < toks.size(); ++k)
      if (reader.may_hold(toks, k)) cores.push_back(k);
    reader.read_around(toks, cores, around);
    REQUIRE(buffer.size() == expected.size());
    REQUIRE(around.size() == expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k) {
      CHECK(buffer[k].first == expected[k].first);
      CHECK(buffer[k].number == expected[k].number);
      CHECK(buffer[k].last == expected[k].last);
      CHECK(buffer[k].value == expected[k].value);
      CHECK(around[k].first == expected[k].first);
      CHECK(around[k].last == expected[k].last);
      CHECK(around[k].bound == expected[k].bound);
    }
    if (!expected.empty()) ++sentences;
  }
  CHECK(sentences > 20u);  // the samples' sentences with numbers were among them
}

// read_around passes over a word before a number whose hedge ends before the number, and checks
// a vague phrase's second word before walking it; with other lists than the shipped ones (a hedge
// that holds a number word, a vague phrase of one word), it must still find what a read at every
// token finds.
TEST_CASE("number_parse: read_around with hedges over a number word and a one-word vague phrase",
          "[number_parse][numbers]") {
  crosscheck::rule_set rules = crosscheck_test::rules();
  rules.durations.about.push_back("a third of");  // "third" may hold a number itself
  rules.numbers.vague.push_back({"umpteen", 50, 99});
  rules.index_words();
  const number_reader reader(rules);
  const std::string text = "a third of 300 people and umpteen guests, at a dozen sites over a day";
  for (const auto* index : {rules.word_ids(), static_cast<const crosscheck::detail::word_index*>(nullptr)}) {
    const auto toks = crosscheck::detail::tokenize(text, 0, text.size(), index);
    std::vector<std::size_t> cores;
    for (std::size_t k = 0; k < toks.size(); ++k)
      if (reader.may_hold(toks, k)) cores.push_back(k);
    std::vector<crosscheck::detail::number_reading> around;
    reader.read_around(toks, cores, around);
    REQUIRE(around.size() == 3u);
    // "a third of 300": the hedge reaches past the ordinal to the number.
    CHECK(around[0].first == 0u);
    CHECK(around[0].number == 3u);
    CHECK(around[0].bound == number_bound::about);
    CHECK(around[0].value == 300);
    // "umpteen": a vague phrase of one word.
    CHECK(around[1].vague);
    CHECK(around[1].number == 6u);
    CHECK(around[1].vague_max == 99);
    // "a dozen", not "a day".
    CHECK(around[2].vague);
    CHECK(around[2].number == 9u);
    CHECK(around[2].value == 12);
  }
}

// The reader reads a token of digits alone without parse_digits(): its reading must be the one
// parse_word_number() gives, up to the longest such token it takes (fifteen digits) and past it.
TEST_CASE("number_parse: digits alone read as parse_word_number reads them", "[number_parse][numbers]") {
  for (const std::string w : {"7", "19", "019", "2024", "260000", "123456789012345", "1234567890123456",
                              "99999999999999999999"}) {
    INFO("digits: " << w);
    const auto r = read(w + " people");
    const auto n = parse_word_number(w, cardinals(), &ordinals(), false);
    REQUIRE(r.has_value() == n.ok);
    if (!r) continue;
    CHECK(r->value == n.value);
    CHECK(r->word.value == n.value);
    CHECK(r->word.digits == n.digits);
    CHECK(r->word.decimals == n.decimals);
    CHECK(r->word.grouped == n.grouped);
    CHECK(r->word.suffix == n.suffix);
    CHECK(r->word.rest == n.rest);
    CHECK(r->words == false);
    CHECK(r->last == 1u);
  }
}

// holds() answers from a bound set's role bits what contains() answers from its table, for
// tokens read with the index and for tokens read without one (which have every role bit).
TEST_CASE("number_parse: a bound word set holds a token exactly when it contains it", "[number_parse][numbers]") {
  const auto& rules = crosscheck_test::rules();
  crosscheck::detail::word_set function_words, mixed;
  function_words.insert(rules.english.function_words.begin(), rules.english.function_words.end());
  mixed.insert(rules.english.function_words.begin(), rules.english.function_words.end());
  mixed.insert("treaty-ish");  // a word of no list: the set stays unbound
  crosscheck::detail::bind_roles(rules.word_ids(), function_words, mixed);
  CHECK(function_words.role_mask() != crosscheck::detail::all_roles);
  std::vector<std::string> texts = {"The leaders of the two countries met in the capital for talks on Wednesday."};
  const auto folder = std::filesystem::path(CROSSCHECK_SAMPLES_DIR);
  for (auto d : crosscheck::load_corpus({folder.string()}).documents) {
    crosscheck::prepare(d, rules);
    texts.push_back(d.normalized);
  }
  std::size_t held = 0;
  for (const auto& text : texts)
    for (const auto* index : {rules.word_ids(), static_cast<const crosscheck::detail::word_index*>(nullptr)}) {
      const auto toks = crosscheck::detail::tokenize(text, 0, text.size(), index);
      for (const auto& t : toks.tokens()) {
        INFO("word: " << t.lower);
        CHECK(crosscheck::detail::holds(function_words, t) == function_words.contains(t));
        CHECK(crosscheck::detail::holds(mixed, t) == mixed.contains(t));
        held += crosscheck::detail::holds(function_words, t);
      }
    }
  CHECK(held > 100u);
}
