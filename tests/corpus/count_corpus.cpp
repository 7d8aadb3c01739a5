// The living spec of the count extractor (claim_kind::count), in the way of Duckling's corpora.
//
// What it does. In each sentence with a number (digits "10,000", words "twenty-four", a scale
// "1.5 million", a vague phrase "thousands of", "a dozen"), after an optional hedge ("more than",
// "over", "at least", "nearly", "about", "some", "up to": durations.hedges), the extractor looks
// for the plural noun the number counts, with up to three modifiers between
// ("shipping containers", "North Korean missiles").
//
//   count.noun     "more than 10,000 shipping containers"  -> subject "shipping container"
//   count.vague    "thousands of North Koreans"            -> subject "north korean", [2000, 9999]
//   count.ordinal  "the third time Putin has visited"      -> subject "time:putin:visited", attribute "ordinal"
//
// The value is a count_value: exact [n, n]; "more than n"/"over n" [n + 1, +inf); "at least n"
// [n, +inf); "nearly n" [n - max(1, n/10), n - 1]; "about/some/around n" n +/- max(1, 15%);
// "up to n" [0, n]; a vague phrase its range (data/numbers.yaml). So "over 10" agrees with 11
// and 15, while 11 and 15 conflict. The evidence is the hedge, the number and the noun phrase.
//
// Not counts (the negative corpus): phone numbers, page, photo and "No." numbers, years, ages,
// scores, "one of the", headline counters ("12 comments", "3 min read", "10 things to know"),
// units and lengths of time (the quantity and duration extractors read those), "the two
// leaders" (a definite word refers back to a count given before).
//
// Every sentence is read as a document published on Wednesday 2024-06-19.
#include <catch2/catch.hpp>

#include "extract/year_text.hpp"
#include "support/corpus.hpp"

using crosscheck::claim_kind;
using crosscheck::count_value;
using crosscheck_test::check_corpus;
using crosscheck_test::check_negative;
using crosscheck_test::corpus_entries;
using crosscheck_test::examples;
using crosscheck_test::expect_as;

namespace {

count_value exactly(std::int64_t n) { return count_value::exactly(n); }
count_value at_least(std::int64_t n) { return count_value::at_least(n); }
count_value between(std::int64_t a, std::int64_t b) { return count_value{a, b}; }

const corpus_entries counts = {
    examples(expect_as("shipping container", "count", at_least(10001)),
             {
                 // wire copy
                 "Russia has received [more than 10,000 shipping containers] from North Korea since September, a US statement said.",
                 // headline
                 "[Over 10,000 shipping containers] crossed the border, US says",
                 // live blog
                 "14.20 BST: Satellite images show [more than 10,000 shipping containers] at the port of Rajin.",
             }),
    examples(expect_as("north korean missile", "count", at_least(10)),
             {
                 "Russian forces have also fired [at least 10 North Korean missiles] at Ukraine, a US official said in March.",
                 "UKRAINE SAYS [AT LEAST 10 NORTH KOREAN MISSILES] HIT KHARKIV",
             }),
    examples(expect_as("north korean", "count", between(2000, 9999)),
             {
                 "[Thousands of North Koreans] lined the city's wide boulevards, chanting and waving flags.",
                 "Live: [thousands of North Koreans] wave flags as Putin's motorcade passes",
             }),
    examples(expect_as("pyongyang citizen", "count", between(20000, 99999)),
             {
                 // translated state media
                 "[Tens of thousands of Pyongyang citizens] warmly welcomed the esteemed guest from Russia.",
             }),
    // A plural before the counted noun modifies it: the last plural of the run is the head.
    examples(expect_as("new police generator", "count", exactly(12)),
             {
                 "The package includes [12 new police generators], officials said.",
                 "Under the deal, [12 new police generators] will be delivered by the end of the year.",
             }),
    examples(expect_as("police officer", "count", exactly(40)),
             {
                 "[40 police officers] guarded the route from the airport.",
             }),
    examples(expect_as("sports car", "count", exactly(3)),
             {
                 "Kim gave Putin [3 sports cars], state media said.",
             }),
    examples(expect_as("police", "count", exactly(200)),
             {
                 // the plural alone is still the head; a verb after it is no noun
                 "[200 police] lined the route, KCNA said.",
                 "Officials said [200 police] guard the embassy.",
             }),
    examples(expect_as("people", "count", between(170, 230)),
             {
                 "[Some 200 people] attended the banquet, state media said.",
                 "The state banquet drew [about 200 people], according to KCNA.",
                 "[Around 200 people] attended the state banquet in Pyongyang.",
             }),
    examples(expect_as("journalist", "count", between(180, 199)),
             {
                 "[Nearly 200 journalists] covered the summit from a press centre in Seoul.",
                 "The summit was covered by [almost 200 journalists], organisers said.",
             }),
    examples(expect_as("agreement", "count", exactly(12)),
             {
                 "Putin and Kim signed [a dozen agreements] on Wednesday.",
                 "Officials from both sides inked [12 agreements] in Pyongyang.",
                 "Russia, North Korea sign [twelve agreements]",
             }),
    examples(expect_as("document", "count", exactly(11)),
             {
                 "The delegations exchanged [11 documents] after the talks, the Kremlin said.",
                 "Officials signed [eleven documents], TASS reported.",
             }),
    examples(expect_as("protester", "count", at_least(11)),
             {
                 "[More than 10 protesters] were detained outside the embassy in Seoul.",
                 "Police said [over 10 protesters] had gathered by noon.",
             }),
    examples(expect_as("soldier", "count", between(24, 99)),
             {
                 "[Dozens of soldiers] lined the runway at Sunan airport.",
             }),
    examples(expect_as("soldier", "count", exactly(24)),
             {
                 "[Twenty-four soldiers] formed the honour guard.",
                 "An honour guard of [24 soldiers] saluted as the plane landed.",
             }),
    examples(expect_as("people", "count", exactly(1500000)),
             {
                 "Officials said [1.5 million people] turned out along the route.",
                 "Officials said [1,500,000 people] turned out along the route.",
             }),
    examples(expect_as("worker", "count", between(0, 500)),
             {
                 "The new plant will employ [up to 500 workers], KCNA said.",
             }),
    examples(expect_as("diplomat", "count", between(2, 6)),
             {
                 "Only [a handful of diplomats] were invited to the ceremony.",
             }),
    examples(expect_as("time:putin:visited", "ordinal", exactly(3)),
             {
                 "This marks the [third time] that Putin has visited the region.",
                 "It is the [third time] Putin has visited the Far East this year.",
             }),
    examples(expect_as("time:kim:met", "ordinal", exactly(24)),
             {
                 "It was the [24th time] Kim had met a foreign leader, state media said.",
             }),
};

const std::vector<std::string> not_counts = {
    // phone numbers
    "For accreditation call +82 2 1234 5678 before Friday.",
    "For tickets call 02-1234-5678 today.",
    // page and photo numbers, labels
    "See page 12 for more photos.",
    "Photo 3 of 12: Putin and Kim at the airport.",
    "Reunification is the No. 1 priority, Kim said.",
    "Room 101 was prepared for the guests.",
    "Article 4 of the treaty was read aloud.",
    // years that are not counts
    "The 1961 treaty was scrapped in 1996.",
    "Kim Jong-un has ruled since 2011 and Putin since 2000.",
    "By 2025 both countries hope to double trade.",
    // "one of the"
    "Putin is one of the longest-serving leaders in Europe.",
    "Two of the missiles were shot down over Kharkiv.",
    // ages
    "Kim, 40, greeted Putin, 71, at the airport.",
    "Putin, aged 71, arrived on Wednesday.",
    "The 71-year-old leader landed in Pyongyang.",
    // scores
    "South Korea won 3-1 against Japan on Tuesday.",
    "The final score was 2-0 to North Korea.",
    // headline counters and page furniture
    "Putin in Pyongyang: 12 comments",
    "3 min read",
    "10 things to know about Putin's visit",
    "Posted on : 2024-06-19 16:24 KST",
    "Updated 14.20 BST",
    // lengths, units and references back
    "Putin's first visit to North Korea in 24 years began on Wednesday.",
    "The temperature reached 33 degrees on Wednesday.",
    "North Korea has shipped 260,000 tons of ammunition.",
    "The two leaders signed the treaty.",
    "These 11 documents were signed later.",
    "Putin arrived at 2:46 a.m. local time.",
};

}  // namespace

TEST_CASE("count: numbers and what they count", "[corpus][count]") { check_corpus(claim_kind::count, counts); }

TEST_CASE("count: numbers that are not counts", "[corpus][count]") { check_negative(claim_kind::count, not_counts); }

TEST_CASE("count: bounds keep hedges, so that over 10 agrees with 11 and 15 while 11 and 15 conflict",
          "[corpus][count]") {
  using crosscheck::agreement;
  using crosscheck::compare;
  const auto over = crosscheck_test::extract(claim_kind::count, "Police said over 10 protesters had gathered.");
  const auto eleven = crosscheck_test::extract(claim_kind::count, "Police said 11 protesters had gathered.");
  const auto fifteen = crosscheck_test::extract(claim_kind::count, "Police said 15 protesters had gathered.");
  REQUIRE(over.size() == 1u);
  REQUIRE(eleven.size() == 1u);
  REQUIRE(fifteen.size() == 1u);
  CHECK(over[0].subject == eleven[0].subject);
  CHECK(compare(over[0].val, eleven[0].val) == agreement::compatible);
  CHECK(compare(over[0].val, fifteen[0].val) == agreement::compatible);
  CHECK(compare(eleven[0].val, fifteen[0].val) == agreement::conflict);
  // Counts of different things land in different slots.
  const auto missiles = crosscheck_test::extract(claim_kind::count, "Police said 15 missiles had landed.");
  REQUIRE(missiles.size() == 1u);
  CHECK(missiles[0].subject != fifteen[0].subject);
}

TEST_CASE("count: a year the sentence gives is the count's occasion", "[corpus][count]") {
  const auto then = crosscheck_test::extract(claim_kind::count, "In 2000, the sides signed 3 agreements in Pyongyang.");
  const auto now = crosscheck_test::extract(claim_kind::count, "The sides signed 12 agreements in Pyongyang on Wednesday.");
  REQUIRE(then.size() == 1u);
  REQUIRE(now.size() == 1u);
  CHECK(then[0].occasion == "2000");
  CHECK(now[0].occasion.empty());
  CHECK(then[0].subject == now[0].subject);
}

TEST_CASE("count: claims share their occasion's text, whatever year it is", "[corpus][count]") {
  // Two documents, read apart: the year's text is one block, not one per claim.
  const auto a = crosscheck_test::extract(claim_kind::count, "In 2000, the sides signed 3 agreements in Pyongyang.");
  const auto b = crosscheck_test::extract(claim_kind::count, "In 2000, Russia sent 40 tanks to the border.");
  REQUIRE(a.size() == 1u);
  REQUIRE(b.size() == 1u);
  CHECK(a[0].occasion == "2000");
  CHECK(a[0].occasion.shares_with(b[0].occasion));
  // Texts that are no year of the table keep their own block and their text.
  using crosscheck::detail::shared_year;
  CHECK(shared_year("1799") == "1799");
  CHECK(shared_year("2101") == "2101");
  CHECK(shared_year("20a0") == "20a0");
  CHECK(shared_year("300") == "300");
  CHECK(shared_year("").empty());
  CHECK(shared_year("1800") == "1800");
  CHECK(shared_year("2100").shares_with(shared_year("2100")));
  CHECK_FALSE(shared_year("2101").shares_with(shared_year("2101")));
}

// The number pass looks for a sentence's source cues only when a claim needs its attribution,
// and never for its places (no number claim has one): a sentence that names places, and one
// that names none, both give the count the source they cite.
TEST_CASE("count: the attribution is found in sentences with and without places", "[corpus][count]") {
  const std::vector<std::pair<std::string, std::string>> cited = {
      {"About 200 people waited in Pyongyang for Putin, according to KCNA.", "KCNA"},
      {"Nearly 200 journalists flew from Moscow to Pyongyang, Russian media reported.", "Russian media"},
      {"About 200 people waited for hours, according to KCNA.", "KCNA"},
      {"About 200 people waited in Pyongyang for Putin.", ""},
  };
  for (const auto& [sentence, source] : cited) {
    INFO("sentence: " << sentence);
    const auto claims = crosscheck_test::extract(claim_kind::count, sentence);
    REQUIRE(claims.size() == 1u);
    CHECK(std::string(claims[0].ev.attribution) == source);
  }
}
