// Big reports, whose lists are written in blocks (the text report's on two threads), against
// what the same items give written one at a time; and the slots of a big input, made on two
// threads.
#include <catch2/catch.hpp>
#include <crosscheck/crosscheck.hpp>
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <sstream>

#include "support/corpus.hpp"

using namespace crosscheck;

namespace {

// `flights` slots, each with two outlets that disagree on the time (a conflict), as JSON Lines
// read back: claims as a program outside would give them.
std::vector<claim> disagreeing_flights(std::size_t flights, std::vector<diagnostic>& diags) {
  std::string lines;
  for (std::size_t k = 0; k < flights; ++k) {
    lines += fmt::format(R"({{"source": "outlet a", "subject": "arrival:flight {}", "attribute": "time", "value": "0{}:46"}})",
                         k, k % 10);
    lines += '\n';
    lines += fmt::format(R"({{"source": "outlet b", "subject": "arrival:flight {}", "attribute": "time", "value": "{}:10", )"
                         R"("attribution": "the airport"}})",
                         k, 10 + k % 7);
    lines += '\n';
  }
  std::istringstream in(lines);
  return read_claims_jsonl(in, "flights.jsonl", crosscheck_test::rules(), diags);
}

}  // namespace

TEST_CASE("report: a big text report, written in blocks on two threads, is each conflict's text in order", "[report]") {
  std::vector<diagnostic> diags;
  const auto claims = disagreeing_flights(5000, diags);  // 5,000 conflicts: past the two-thread threshold
  REQUIRE(diags.empty());
  const reconciliation r = reconcile(claims, crosscheck_test::rules());
  REQUIRE(r.conflicts.size() == 5000u);
  const std::vector<document> docs;
  const std::string whole = to_text({docs, claims, r, diags});
  // Each conflict alone in a report of its own (written on one thread): the text after its
  // summary line is that conflict's part of the big report.
  std::string expected;
  reconciliation one;
  one.slots = r.slots;
  for (const conflict& c : r.conflicts) {
    one.conflicts = {c};
    const std::string alone = to_text({docs, claims, one, diags});
    expected += alone.substr(alone.find('\n') + 1);
  }
  CHECK(whole.substr(whole.find('\n') + 1) == expected);
  CHECK(whole.starts_with("crosscheck: 0 document(s), 10000 claim(s), 5000 slot(s), 5000 conflict(s) (value: 5000)\n"));
  std::ostringstream streamed;
  write_text(streamed, {docs, claims, r, diags});
  CHECK(streamed.str() == whole);
}

TEST_CASE("report: a big JSON report, written in blocks, is the pretty-printed tree", "[report]") {
  std::vector<diagnostic> diags;
  const auto claims = disagreeing_flights(9000, diags);  // 18,000 claims: several blocks of claims, slots, conflicts
  REQUIRE(claims.size() == 18000u);
  const reconciliation r = reconcile(claims, crosscheck_test::rules());
  const std::vector<document> docs;
  const std::string report = to_json({docs, claims, r, diags});
  const auto tree = nlohmann::ordered_json::parse(report);
  CHECK(report == tree.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
  REQUIRE(tree.at("claims").size() == claims.size());
  for (std::size_t k = 0; k < claims.size(); ++k) CHECK(tree.at("claims")[k].at("id") == std::string_view(claims[k].id));
  REQUIRE(tree.at("conflicts").size() == r.conflicts.size());
  for (std::size_t k = 0; k < r.conflicts.size(); ++k) CHECK(tree.at("conflicts")[k].at("id") == r.conflicts[k].id);
  std::ostringstream streamed;
  write_json(streamed, {docs, claims, r, diags});
  CHECK(streamed.str() == report);
}

TEST_CASE("reconcile: the slots of a big input, made on two threads, are numbered and named as on one", "[reconcile]") {
  // 10,001 events, each stated twice: once with its place and occasion, once with neither. Both
  // claims are one slot, named by the more specific subject, with the occasion one of them gives.
  std::string lines;
  for (std::size_t k = 0; k < 10001; ++k) {
    lines += fmt::format(R"({{"source": "a", "subject": "arrival:team {}", "attribute": "date", "value": "2024-06-19"}})", k);
    lines += '\n';
    lines += fmt::format(R"({{"source": "b", "subject": "arrival:team {}@busan", "attribute": "date", )"
                         R"("value": "2024-06-19", "occasion": "2024"}})",
                         k);
    lines += '\n';
  }
  std::vector<diagnostic> diags;
  std::istringstream in(lines);
  const auto claims = read_claims_jsonl(in, "teams.jsonl", crosscheck_test::rules(), diags);
  REQUIRE(claims.size() == 20002u);  // past the two-thread threshold
  const reconciliation r = reconcile(claims, crosscheck_test::rules());
  REQUIRE(r.slots.size() == 10001u);
  for (std::size_t k = 0; k < r.slots.size(); ++k) {
    const slot& s = r.slots[k];
    INFO("slot " << k);
    CHECK(s.id == fmt::format("S{}", k + 1));
    CHECK(s.claims == std::vector<std::size_t>{2 * k, 2 * k + 1});
    CHECK(s.subject == fmt::format("arrival:team {}@busan", k));
    CHECK(s.attribute == "date");
    CHECK(s.occasion == "2024");
  }
  CHECK(r.conflicts.empty());
}
