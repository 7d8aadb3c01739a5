// The living spec of the quantity extractor (claim_kind::quantity), in the way of Duckling's corpora.
//
// What it does. A quantity is a number with a unit (data/units.yaml): a unit word after it
// ("260,000 tons", "33 degrees Celsius", "1,000 km", "8.5 billion dollars"), a unit glued to its
// digits ("33C", "1000km", "91.4F"; one-letter units only so), or a currency symbol before it
// ("$8.5bil", "US$8.5 billion"). The value is converted to the canonical unit of its dimension
// (tonne, celsius, km, usd, second): "91.4 Fahrenheit" is 33 celsius, "260 million kilograms"
// is 260000 tonne. Hedges: "about n" n +/- 15%, "nearly n" [0.9n, n], "up to n" [0, n],
// "more than n" [n, 1e+300] (open above).
//
// What it measures (the subject): the noun after "of" or "in" ("260,000 tons of ammunition",
// "US$8.5 billion in aid"), else the noun before "of" ("a flight of five hours"), else the
// dimension when the sentence names it ("temperature", "heat", "thermometer" -> "temperature";
// "border", "railway" -> "length"). With none, there is no claim: "five hours" alone is a
// length of time for the duration extractor. The attribute is the dimension.
//
// A value given in two units in one place ("33 degrees Celsius (91.4 Fahrenheit)") gives two
// claims in one slot; the second (rule quantity.converted) is the interval its digits round
// from. A wrong conversion conflicts, and the reconciler calls it a unit-conversion finding.
//
// Every sentence is read as a document published on Wednesday 2024-06-19.
#include <catch2/catch.hpp>

#include "support/corpus.hpp"

using crosscheck::claim_kind;
using crosscheck::quantity_value;
using crosscheck_test::check_corpus;
using crosscheck_test::check_negative;
using crosscheck_test::corpus_entries;
using crosscheck_test::examples;
using crosscheck_test::expect_as;

namespace {

quantity_value amount(double v, const char* unit) { return quantity_value{v, v, unit}; }
quantity_value amount(double lo, double hi, const char* unit) { return quantity_value{lo, hi, unit}; }

const corpus_entries quantities = {
    examples(expect_as("temperature", "temperature", amount(33, "celsius")),
             {
                 "Temperatures reached [33 degrees Celsius] in Pyongyang on Wednesday.",
                 "The heat peaked at [33C] in the afternoon, KCNA said.",
                 "The thermometer hit [33 °C] as crowds waited for Putin.",
                 "The temperature climbed to [91.4 degrees Fahrenheit] by noon.",
                 "LIVE: temperatures hit [91.4F] in Pyongyang",
             }),
    examples(expect_as("temperature", "temperature", amount(-33, "celsius")),
             {
                 "Temperatures in Yakutsk fell to [-33 degrees Celsius] overnight.",
                 "The temperature dropped to [minus 33C] in Yakutsk.",
             }),
    examples(expect_as("ammunition", "mass", amount(260000, "tonne")),
             {
                 "North Korea has sent [260,000 tons] of ammunition to Russia, a US statement said.",
                 "The containers held the equivalent of [260,000 metric tons] of ammunition.",
                 "Washington says [260 million kilograms] of ammunition crossed the border.",
                 "[260,000 tonnes] of ammunition were shipped, the ministry said.",
             }),
    examples(expect_as("ammunition", "mass", amount(221000, 299000, "tonne")),
             {
                 "North Korea has sent [about 260,000 tons] of ammunition to Russia.",
                 "[Roughly 260,000 tons] of ammunition have been delivered.",
             }),
    examples(expect_as("ammunition", "mass", amount(260000, 1e300, "tonne")),
             {
                 "North Korea has sent [more than 260,000 tons] of ammunition to Russia.",
             }),
    examples(expect_as("aid", "money", amount(8.5e9, "usd")),
             {
                 "Moscow pledged [US$8.5 billion] in aid, the ministry said.",
                 "Moscow pledged [$8.5bil] in aid.",
                 "Russia promises [8.5 billion dollars] in aid",
                 "Moscow pledged [$8,500 million] in aid over five years.",
             }),
    examples(expect_as("length", "length", amount(1000, "km")),
             {
                 "The border runs for [1,000 km] through the mountains.",
                 "The new railway will be [1,000 kilometres] long.",
                 "The pipeline would stretch [1000km] across Siberia.",
             }),
    examples(expect_as("length", "length", amount(999.403, "km")),
             {
                 "The border stretches [621 miles] along the river.",
             }),
    examples(expect_as("flight", "time", amount(18000, "second")),
             {
                 "After a flight of [five hours], the plane landed in Pyongyang.",
                 "A flight of [300 minutes] took the delegation to Pyongyang.",
             }),
};

const std::vector<std::string> not_quantities = {
    "The summit lasted five hours.",
    "Putin's plane landed at 2:46 a.m. local time.",
    "Kim, 40, met Putin, 71, at the airport.",
    "Section 5 C of the law was amended.",
    "Thousands of tons of aid arrived by train.",
    "He ran 5 km before breakfast.",
    "The 1961 treaty was scrapped in 1996.",
    "Call 1-800-555-0199 for details.",
    "Photo 3 of 12: Putin and Kim at the airport.",
    "The 24-hour visit ended on Thursday.",
    "Kim celebrated his 33rd birthday.",
    "US$ figures were not disclosed.",
    "British companies to invest US$8.5bil in Indonesia's energy sector",
    "More than 10,000 shipping containers arrived.",
    "South Korea won 2-0 in the final.",
    "Putin in Pyongyang: 12 comments",
    "Flight 5 landed at 2 p.m. in Vladivostok.",
};

}  // namespace

TEST_CASE("quantity: amounts with units", "[corpus][quantity]") { check_corpus(claim_kind::quantity, quantities); }

TEST_CASE("quantity: numbers that are not quantities", "[corpus][quantity]") {
  check_negative(claim_kind::quantity, not_quantities);
}

TEST_CASE("quantity: a value in two units is checked for consistency", "[corpus][quantity]") {
  const auto& rules = crosscheck_test::rules();
  SECTION("33 degrees Celsius (91.4 Fahrenheit) is consistent") {
    const auto claims = crosscheck_test::extract(
        claim_kind::quantity, "Crowds endured heat that peaked at 33 degrees Celsius (91.4 Fahrenheit), according to TASS.");
    REQUIRE(claims.size() == 2u);
    CHECK(claims[0].subject == claims[1].subject);
    CHECK(claims[0].attribute == claims[1].attribute);
    CHECK(claims[0].ev.text == "33 degrees Celsius");
    CHECK(claims[1].ev.text == "91.4 Fahrenheit");
    CHECK(claims[1].rule == "quantity.converted");
    CHECK(crosscheck::compatible(claims[0].val, claims[1].val));
    const auto r = crosscheck::reconcile(claims, rules);
    CHECK(r.conflicts.empty());
  }
  SECTION("33 degrees Celsius (95 Fahrenheit) is a unit-conversion finding") {
    const auto claims =
        crosscheck_test::extract(claim_kind::quantity, "Crowds endured heat that peaked at 33 degrees Celsius (95 Fahrenheit).");
    REQUIRE(claims.size() == 2u);
    const auto r = crosscheck::reconcile(claims, rules);
    REQUIRE(r.conflicts.size() == 1u);
    CHECK(r.conflicts[0].cls == crosscheck::conflict_class::unit_conversion);
  }
  SECTION("-33 degrees Celsius (-27.4 Fahrenheit) is consistent") {
    const auto claims = crosscheck_test::extract(claim_kind::quantity,
                                                 "The temperature in Yakutsk fell to -33 degrees Celsius (-27.4 Fahrenheit).");
    REQUIRE(claims.size() == 2u);
    CHECK(claims[0].ev.text == "-33 degrees Celsius");
    CHECK(crosscheck::reconcile(claims, rules).conflicts.empty());
  }
  SECTION("a conversion between the amount and its noun: 738 tons (1,627,011 lbs) of wheat") {
    const auto claims = crosscheck_test::extract(
        claim_kind::quantity, "The aid package consists of 738 tons (1,627,011 lbs) of wheat, to be shipped within weeks.");
    REQUIRE(claims.size() == 2u);
    CHECK(claims[0].subject == "wheat");
    CHECK(claims[1].subject == "wheat");
    CHECK(claims[0].ev.text == "738 tons");
    CHECK(claims[1].rule == "quantity.converted");
    CHECK(crosscheck::reconcile(claims, rules).conflicts.empty());
    const auto wrong = crosscheck_test::extract(claim_kind::quantity, "Russia sent 738 tons (2,100,000 lbs) of wheat.");
    REQUIRE(wrong.size() == 2u);
    CHECK(wrong[0].subject == "wheat");
    const auto r = crosscheck::reconcile(wrong, rules);
    REQUIRE(r.conflicts.size() == 1u);
    CHECK(r.conflicts[0].cls == crosscheck::conflict_class::unit_conversion);
  }
  SECTION("a wrong conversion among right ones from other outlets is still a unit-conversion finding") {
    std::vector<crosscheck::claim> claims;
    const char* texts[] = {"Russia sent 738 tons (1,627,011 lbs) of wheat.", "Russia sent 738 tons (1,627,011 lbs) of wheat.",
                           "Russia sent 738 tons (2,100,000 lbs) of wheat."};
    for (int d = 0; d < 3; ++d)
      for (auto c : crosscheck_test::extract(claim_kind::quantity, texts[d])) {
        c.ev.document = "outlet" + std::to_string(d) + ".txt";
        c.ev.source = "Outlet " + std::to_string(d);
        claims.push_back(std::move(c));
      }
    REQUIRE(claims.size() == 6u);
    const auto r = crosscheck::reconcile(claims, rules);
    REQUIRE(r.conflicts.size() == 1u);
    CHECK(r.conflicts[0].cls == crosscheck::conflict_class::unit_conversion);
    CHECK(r.conflicts[0].explanation.find("Outlet 2") != std::string::npos);
  }
  SECTION("a wrong amount beside a wrong conversion is a value conflict") {
    std::vector<crosscheck::claim> claims;
    const char* texts[] = {"Russia sent 738 tons (1,627,011 lbs) of wheat.", "Russia sent 738 tons (2,100,000 lbs) of wheat.",
                           "Russia sent 900 tons of wheat.", "Russia sent 738 tons of wheat."};
    for (int d = 0; d < 4; ++d)
      for (auto c : crosscheck_test::extract(claim_kind::quantity, texts[d])) {
        c.ev.document = "outlet" + std::to_string(d) + ".txt";
        c.ev.source = "Outlet " + std::to_string(d);
        claims.push_back(std::move(c));
      }
    const auto r = crosscheck::reconcile(claims, rules);
    REQUIRE(r.conflicts.size() == 1u);
    CHECK(r.conflicts[0].cls == crosscheck::conflict_class::value_mismatch);
  }
  SECTION("1,000 km (621 miles) is consistent") {
    const auto claims = crosscheck_test::extract(claim_kind::quantity, "The border runs for 1,000 km (621 miles).");
    REQUIRE(claims.size() == 2u);
    CHECK(crosscheck::reconcile(claims, rules).conflicts.empty());
  }
}

// A value too small for a double's normal range is read, not an error: it used to end the whole
// run (std::stod threw out_of_range when the value was rounded to six digits).
TEST_CASE("quantity: a vanishingly small amount is read without an error", "[corpus][quantity]") {
  const std::string text = "They shipped 0." + std::string(320, '0') + "1 tons of wheat.";
  std::vector<crosscheck::claim> claims;
  REQUIRE_NOTHROW(claims = crosscheck_test::extract(claim_kind::quantity, text));
  REQUIRE(claims.size() == 1u);
  CHECK(claims[0].subject == "wheat");
  CHECK(claims[0].attribute == "mass");
}
