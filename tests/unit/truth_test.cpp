// Best supported values: the weighted vote follows the priors, truth discovery learns which
// sources agree with the others and outvotes an unreliable majority, near times support each
// other, copies are recognised, and the result is deterministic.
#include <catch2/catch.hpp>
#include <crosscheck/crosscheck.hpp>

#include <fmt/format.h>

#include "support/corpus.hpp"

using namespace crosscheck;

namespace {

claim make(const std::string& source, const std::string& subject, value v) {
  claim c;
  c.id = fmt::format("{}:{}", source, subject);
  c.kind = std::holds_alternative<text_value>(v) ? claim_kind::text : claim_kind::time_of_day;
  c.subject = subject;
  c.attribute = "time";
  c.val = std::move(v);
  c.ev.document = source;
  c.ev.source = source;
  c.ev.text = to_string(c.val);
  c.ev.sentence = c.id;
  c.rule = "test";
  return c;
}

clock_time at(int minutes) { return clock_time::at(minutes / 60, minutes % 60); }

// Slots by subject, in order of first appearance (what reconcile() gives for these claims).
std::vector<slot> slots_of(const std::vector<claim>& claims) {
  std::vector<slot> out;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    auto it = std::find_if(out.begin(), out.end(), [&](const slot& s) { return s.subject == claims[i].subject; });
    if (it == out.end()) {
      slot s;
      s.id = fmt::format("S{}", out.size() + 1);
      s.kind = claims[i].kind;
      s.subject = claims[i].subject;
      s.attribute = claims[i].attribute;
      out.push_back(s);
      it = out.end() - 1;
    }
    it->claims.push_back(i);
  }
  return out;
}

std::size_t slot_named(const std::vector<slot>& slots, const std::string& subject) {
  for (std::size_t i = 0; i < slots.size(); ++i)
    if (slots[i].subject == subject) return i;
  FAIL("no slot " << subject);
  return 0;
}

const source_trust& trust_of(const truth_result& r, const std::string& source) {
  for (const auto& s : r.sources)
    if (s.source == source) return s;
  FAIL("no source " << source);
  return r.sources.front();
}

// Three sources that agree on 20 flights; two that are each wrong their own way on all of them;
// and one flight where the two unreliable ones agree against one reliable source.
std::vector<claim> unreliable_majority() {
  std::vector<claim> claims;
  for (int f = 0; f < 20; ++f) {
    const std::string subject = fmt::format("flight{}", f);
    const int truth = 600 + 7 * f;
    for (const char* s : {"good1", "good2", "good3"}) claims.push_back(make(s, subject, at(truth)));
    claims.push_back(make("bad1", subject, at(truth + 45)));
    claims.push_back(make("bad2", subject, at(truth + 90)));
  }
  claims.push_back(make("good1", "disputed", at(10 * 60)));
  claims.push_back(make("bad1", "disputed", at(11 * 60 + 30)));
  claims.push_back(make("bad2", "disputed", at(11 * 60 + 30)));
  return claims;
}

}  // namespace

TEST_CASE("truth: the weighted vote follows the majority when priors are equal", "[truth]") {
  const auto claims = unreliable_majority();
  const auto slots = slots_of(claims);
  const auto r = discover_truth(claims, slots, crosscheck_test::rules());
  CHECK(r.mode == best_value_mode::vote);
  CHECK(r.iterations == 0);
  REQUIRE(r.slots.size() == slots.size());
  const slot_truth& d = r.slots[slot_named(slots, "disputed")];
  CHECK(d.value == "11:30");
  CHECK(d.sources == 2);
  CHECK(d.all_sources == 3);
  CHECK(d.confidence == Approx(2.0 / 3.0));
  CHECK_THAT(d.reason, Catch::Contains("2 of 3 source(s)"));
}

TEST_CASE("truth: an unreliable majority is outvoted once reliability is learned", "[truth]") {
  const auto claims = unreliable_majority();
  const auto slots = slots_of(claims);
  truth_options o;
  o.mode = best_value_mode::truth_discovery;
  const auto r = discover_truth(claims, slots, crosscheck_test::rules(), o);
  CHECK(r.converged);
  CHECK(r.iterations > 1);
  const slot_truth& d = r.slots[slot_named(slots, "disputed")];
  CHECK(d.value == "10:00");
  CHECK(d.confidence > 0.5);
  CHECK_THAT(d.reason, Catch::Contains("led by good1") && Catch::Contains("truth discovery"));
  // Reliability is learned and reported, most reliable first.
  CHECK(trust_of(r, "good1").reliability > 0.9);
  CHECK(trust_of(r, "bad1").reliability < 0.3);
  CHECK(r.sources.front().source.rfind("good", 0) == 0);
  CHECK(trust_of(r, "bad1").prior == Approx(crosscheck_test::rules().default_reliability));
  REQUIRE(trust_of(r, "good2").by_attribute.size() == 1);
  CHECK(trust_of(r, "good2").by_attribute[0].first == "time");
  // The same with one accuracy per (source, attribute) weighing the votes.
  o.per_attribute = true;
  CHECK(discover_truth(claims, slots, crosscheck_test::rules(), o).slots[slot_named(slots, "disputed")].value == "10:00");
  // Every other flight goes to the three that agree.
  for (int f = 0; f < 20; ++f) CHECK(r.slots[slot_named(slots, fmt::format("flight{}", f))].value == to_string(value{at(600 + 7 * f)}));
}

TEST_CASE("truth: priors decide when there is no other evidence", "[truth]") {
  rule_set rules = crosscheck_test::rules();
  rules.source_reliability["Wire"] = 0.9;
  rules.source_reliability["Blog"] = 0.3;
  const std::vector<claim> claims = {make("Blog", "arrival", at(120)), make("Wire", "arrival", at(150))};
  const auto slots = slots_of(claims);
  for (best_value_mode m : {best_value_mode::vote, best_value_mode::truth_discovery}) {
    truth_options o;
    o.mode = m;
    const auto r = discover_truth(claims, slots, rules, o);
    CHECK(r.slots[0].value == "02:30");
    CHECK_FALSE(r.slots[0].tie);
  }
  rules.source_reliability["Wire"] = 0.3;
  rules.source_reliability["Blog"] = 0.9;
  truth_options o;
  o.mode = best_value_mode::truth_discovery;
  CHECK(discover_truth(claims, slots, rules, o).slots[0].value == "02:00");
  CHECK(discover_truth(claims, slots, rules).slots[0].value == "02:00");
  CHECK(prior_reliability(rules, "Blog") == Approx(0.9));
  CHECK(prior_reliability(rules, "Unknown outlet") == Approx(rules.default_reliability));
}

TEST_CASE("truth: a tie under equal priors is flagged", "[truth]") {
  const std::vector<claim> claims = {make("A", "arrival", at(120)), make("B", "arrival", at(150))};
  const auto r = discover_truth(claims, slots_of(claims), crosscheck_test::rules());
  CHECK(r.slots[0].tie);
  CHECK(r.slots[0].value == "02:00");  // the first stated
  CHECK_THAT(r.slots[0].reason, Catch::Contains("no value has more"));
}

TEST_CASE("truth: near times support each other", "[truth]") {
  // 10:00 and 10:02 are two sources a couple of minutes apart; 15:00 is one source alone.
  const std::vector<claim> claims = {make("A", "departure", at(15 * 60)), make("B", "departure", at(10 * 60)),
                                     make("C", "departure", at(10 * 60 + 2))};
  truth_options o;
  o.mode = best_value_mode::truth_discovery;
  const auto r = discover_truth(claims, slots_of(claims), crosscheck_test::rules(), o);
  CHECK((r.slots[0].value == "10:00" || r.slots[0].value == "10:02"));
  o.similarity_weight = 0;
  const auto plain = discover_truth(claims, slots_of(claims), crosscheck_test::rules(), o);
  CHECK(plain.slots[0].tie);
}

TEST_CASE("truth: sources that share false values are found to copy each other", "[truth]") {
  std::vector<claim> claims;
  for (int f = 0; f < 40; ++f) {
    const std::string subject = fmt::format("flight{}", f);
    const int truth = 300 + 11 * f;
    for (const char* s : {"g1", "g2", "g3", "g4"}) claims.push_back(make(s, subject, at(truth)));
    const int copied = f % 8 < 3 ? truth + 30 : truth;  // the copied feed is wrong on 15 of 40
    claims.push_back(make("c1", subject, at(copied)));
    claims.push_back(make("c2", subject, at(copied)));
  }
  truth_options o;
  o.mode = best_value_mode::truth_discovery;
  const auto r = discover_truth(claims, slots_of(claims), crosscheck_test::rules(), o);
  CHECK((trust_of(r, "c1").copies == "c2" || trust_of(r, "c2").copies == "c1"));
  for (const char* s : {"g1", "g2", "g3", "g4"}) CHECK(trust_of(r, s).copies.empty());
  o.copy_dampening = false;
  const auto no_copy = discover_truth(claims, slots_of(claims), crosscheck_test::rules(), o);
  CHECK(trust_of(no_copy, "c1").copies.empty());
}

TEST_CASE("truth: the same claims give the same result, and denials assert nothing", "[truth]") {
  auto claims = unreliable_majority();
  claims.push_back(make("good2", "denied", at(8 * 60)));
  claims.back().mod = modality::denied;
  const auto slots = slots_of(claims);
  truth_options o;
  o.mode = best_value_mode::truth_discovery;
  const auto a = discover_truth(claims, slots, crosscheck_test::rules(), o);
  const auto b = discover_truth(claims, slots, crosscheck_test::rules(), o);
  REQUIRE(a.slots.size() == b.slots.size());
  for (std::size_t i = 0; i < a.slots.size(); ++i) {
    CHECK(a.slots[i].value == b.slots[i].value);
    CHECK(a.slots[i].confidence == b.slots[i].confidence);
    CHECK(a.slots[i].reason == b.slots[i].reason);
  }
  REQUIRE(a.sources.size() == b.sources.size());
  for (std::size_t i = 0; i < a.sources.size(); ++i) {
    CHECK(a.sources[i].source == b.sources[i].source);
    CHECK(a.sources[i].reliability == b.sources[i].reliability);
  }
  const slot_truth& d = a.slots[slot_named(slots, "denied")];
  CHECK(d.value.empty());
  CHECK(d.confidence == 0);
}

TEST_CASE("truth: reconcile() names the learned best value in truth-discovery mode", "[truth]") {
  const auto claims = unreliable_majority();
  auto best_of_disputed = [&](best_value_mode m) {
    reconcile_options o;
    o.best = m;
    const auto r = reconcile(claims, crosscheck_test::rules(), o);
    for (const auto& c : r.conflicts)
      if (r.slots[c.slot].subject == "disputed") return c.best.value;
    return std::string("no conflict");
  };
  CHECK(best_of_disputed(best_value_mode::vote) == "11:30");
  CHECK(best_of_disputed(best_value_mode::truth_discovery) == "10:00");
}

TEST_CASE("truth: mode names", "[truth]") {
  best_value_mode m = best_value_mode::vote;
  CHECK(parse_best_value_mode("truth-discovery", m));
  CHECK(m == best_value_mode::truth_discovery);
  CHECK(to_string(m) == "truth-discovery");
  CHECK(parse_best_value_mode("vote", m));
  CHECK(m == best_value_mode::vote);
  CHECK_FALSE(parse_best_value_mode("magic", m));
}

TEST_CASE("truth: text values (gates) compare trimmed and case-folded", "[truth][value]") {
  const value a = make_text_value("  b12 "), b = make_text_value("B12"), c = make_text_value("C3");
  CHECK(to_string(a) == "b12");
  CHECK(type_name(a) == "text");
  CHECK(compare(a, b) == agreement::compatible);
  CHECK(compare(b, b) == agreement::same);
  CHECK(compare(a, c) == agreement::conflict);
  CHECK(compare(a, value{clock_time::at(2, 0)}) == agreement::incomparable);
  value v;
  CHECK(parse_value(claim_kind::text, " F78 ", crosscheck_test::rules(), v));
  CHECK(v == value{make_text_value("F78")});
  // In truth discovery, " b12 " and "B12" are one candidate; the first stated names it.
  const std::vector<claim> gates = {make("A", "gate", make_text_value("B12")), make("B", "gate", make_text_value(" b12 ")),
                                    make("C", "gate", make_text_value("C3"))};
  for (best_value_mode m : {best_value_mode::vote, best_value_mode::truth_discovery}) {
    truth_options o;
    o.mode = m;
    const auto r = discover_truth(gates, slots_of(gates), crosscheck_test::rules(), o);
    CHECK(r.slots[0].value == "B12");
    CHECK(r.slots[0].sources == 2);
    CHECK_FALSE(r.slots[0].tie);
  }
  claim_kind k = claim_kind::time_of_day;
  CHECK(parse_claim_kind("text", k));
  CHECK(k == claim_kind::text);
}

TEST_CASE("truth: with over 100,000 values (rounds and results on two threads) the same findings, the same bits twice", "[truth]") {
  // 32,000 flights, three or four values each (108,000 in all): three sources agree; two are
  // wrong their own way; two copy one feed that is wrong on three flights in eight. One flight
  // where the two wrong sources agree against a reliable one. Slots built directly, one per
  // subject, in order.
  std::vector<claim> claims;
  std::vector<slot> slots;
  auto add = [&](const std::string& source, const std::string& subject, int minutes) {
    if (slots.empty() || slots.back().subject != subject) {
      slot s;
      s.id = fmt::format("S{}", slots.size() + 1);
      s.kind = claim_kind::time_of_day;
      s.subject = subject;
      s.attribute = "time";
      slots.push_back(s);
    }
    slots.back().claims.push_back(claims.size());
    claims.push_back(make(source, subject, at(minutes)));
  };
  const int flights = 32000;
  for (int f = 0; f < flights; ++f) {
    const std::string subject = fmt::format("flight{}", f);
    const int truth = 300 + f % 600;
    for (const char* s : {"good1", "good2", "good3"}) add(s, subject, truth);
    add("bad1", subject, truth + 45);
    add("bad2", subject, truth + 90);
    const int copied = f % 8 < 3 ? truth + 30 : truth;
    add("copy1", subject, copied);
    add("copy2", subject, copied);
  }
  add("good1", "disputed", 10 * 60);
  add("bad1", "disputed", 11 * 60 + 30);
  add("bad2", "disputed", 11 * 60 + 30);
  truth_options o;
  o.mode = best_value_mode::truth_discovery;
  const auto r = discover_truth(claims, slots, crosscheck_test::rules(), o);
  REQUIRE(r.slots.size() == slots.size());
  std::size_t right = 0;
  for (int f = 0; f < flights; ++f) right += r.slots[static_cast<std::size_t>(f)].value == to_string(value{at(300 + f % 600)});
  CHECK(right == static_cast<std::size_t>(flights));
  CHECK(r.slots.back().value == "10:00");
  CHECK_THAT(r.slots.back().reason, Catch::Contains("led by good1"));
  CHECK((trust_of(r, "copy1").copies == "copy2" || trust_of(r, "copy2").copies == "copy1"));
  CHECK(trust_of(r, "bad1").reliability < 0.3);
  // Again: every probability and reliability to the last bit.
  const auto again = discover_truth(claims, slots, crosscheck_test::rules(), o);
  CHECK(again.iterations == r.iterations);
  std::size_t same = 0;
  for (std::size_t i = 0; i < r.slots.size(); ++i)
    same += again.slots[i].value == r.slots[i].value && again.slots[i].confidence == r.slots[i].confidence &&
            again.slots[i].reason == r.slots[i].reason && again.slots[i].tie == r.slots[i].tie;
  CHECK(same == r.slots.size());
  REQUIRE(again.sources.size() == r.sources.size());
  for (std::size_t i = 0; i < r.sources.size(); ++i) {
    CHECK(again.sources[i].source == r.sources[i].source);
    CHECK(again.sources[i].reliability == r.sources[i].reliability);
  }
}
