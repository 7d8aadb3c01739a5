// The reconciler's contract: slots partition the claims, a slot is a conflict only when two of
// its values cannot both be true, repeated text supports its value once, and the class says
// what kind of disagreement it is.
#include <catch2/catch.hpp>
#include <crosscheck/crosscheck.hpp>
#include <fmt/format.h>

#include <random>
#include <set>

#include "support/corpus.hpp"

using namespace crosscheck;

namespace {

const utc_offset kst{9 * 60};

claim make(std::string id, std::string doc, std::string source, std::string subject, value v,
           std::string sentence = {}, std::string attribution = {}) {
  claim c;
  c.id = std::move(id);
  c.kind = claim_kind::time_of_day;
  c.subject = std::move(subject);
  c.subject_text = "Putin";
  c.attribute = "time";
  c.val = std::move(v);
  c.ev.document = std::move(doc);
  c.ev.source = std::move(source);
  c.ev.text = to_string(c.val);
  c.ev.sentence = sentence.empty() ? c.id + " sentence" : std::move(sentence);
  c.ev.attribution = std::move(attribution);
  c.rule = "test";
  return c;
}

const rule_set& rules() { return crosscheck_test::rules(); }

}  // namespace

TEST_CASE("reconcile: two precise times from two outlets are a value conflict", "[reconcile]") {
  const std::vector<claim> claims{
      make("a#1", "a.txt", "Reuters", "arrival:putin@pyongyang", clock_time::at(2, 46, kst)),
      make("b#1", "b.txt", "KCNA", "arrival:putin@pyongyang", clock_time::at(2, 22, kst)),
  };
  const auto r = reconcile(claims, rules());
  REQUIRE(r.slots.size() == 1u);
  REQUIRE(r.conflicts.size() == 1u);
  const conflict& c = r.conflicts[0];
  CHECK(c.cls == conflict_class::value_mismatch);
  CHECK(to_string(c.cls) == "value");
  CHECK(c.sev == conflict_severity::high);
  REQUIRE(c.values.size() == 2u);
  // Reuters has the higher prior in data/sources.yaml than KCNA.
  CHECK(c.best.value == "02:46+09:00");
  CHECK(c.best.confidence > 0.5);
  CHECK(c.best.confidence < 1.0);
  CHECK(c.explanation.find("02:46+09:00") != std::string::npos);
  CHECK(c.explanation.find("02:22+09:00") != std::string::npos);
  CHECK(c.explanation.find("Reuters") != std::string::npos);
}

TEST_CASE("reconcile: one document giving two times under two attributions is internal", "[reconcile]") {
  const std::vector<claim> claims{
      make("a#1", "a.txt", "Daily", "arrival:putin@pyongyang", clock_time::at(2, 46, kst), "s1", "the Kremlin"),
      make("a#2", "a.txt", "Daily", "arrival:putin@pyongyang", clock_time::at(2, 22, kst), "s2", "flight trackers"),
  };
  const auto r = reconcile(claims, rules());
  REQUIRE(r.conflicts.size() == 1u);
  CHECK(r.conflicts[0].cls == conflict_class::internal);
  CHECK(r.conflicts[0].explanation.find("the Kremlin, via Daily") != std::string::npos);
  CHECK(r.conflicts[0].explanation.find("flight trackers, via Daily") != std::string::npos);
  // Equal support: no value is named best.
  CHECK(r.conflicts[0].best.confidence == 0);
}

TEST_CASE("reconcile: open and vague times do not conflict with times they contain", "[reconcile]") {
  const std::vector<claim> claims{
      make("a#1", "a.txt", "A", "arrival:putin@pyongyang", clock_time::after(2, 0, kst)),
      make("b#1", "b.txt", "B", "arrival:putin@pyongyang", clock_time::at(2, 46, kst)),
      make("c#1", "c.txt", "C", "arrival:putin@pyongyang", clock_time::span(0, 360, kst)),
  };
  const auto r = reconcile(claims, rules());
  CHECK(r.slots.size() == 1u);
  CHECK(r.conflicts.empty());
}

TEST_CASE("reconcile: a value compatible with both sides is listed apart from the conflict", "[reconcile]") {
  const std::vector<claim> claims{
      make("a#1", "a.txt", "A", "arrival:putin@pyongyang", clock_time::at(2, 46, kst)),
      make("a#2", "a.txt", "A", "arrival:putin@pyongyang", clock_time::at(2, 22, kst)),
      make("b#1", "b.txt", "B", "arrival:putin@pyongyang", clock_time::after(2, 0, kst)),
  };
  const auto r = reconcile(claims, rules());
  REQUIRE(r.conflicts.size() == 1u);
  CHECK(r.conflicts[0].values.size() == 2u);
  REQUIRE(r.conflicts[0].compatible.size() == 1u);
  CHECK(r.conflicts[0].compatible[0].value == "after 02:00+09:00");
  // The two conflicting values come from one document: it contradicts itself.
  CHECK(r.conflicts[0].cls == conflict_class::internal);
}

TEST_CASE("reconcile: a claim from a repeated block counts once even when its sentence differs", "[reconcile]") {
  // The block is marked repeated by segmentation; the copy's sentence text may differ in
  // white space or be missing (claims from JSON Lines), so the flag itself must count.
  std::vector<claim> claims{
      make("a#1", "a.txt", "A", "arrival:putin@pyongyang", clock_time::at(2, 46, kst), "caption"),
      make("a#2", "a.txt", "A", "arrival:putin@pyongyang", clock_time::at(2, 46, kst), "caption, shown again"),
      make("b#1", "b.txt", "A", "arrival:putin@pyongyang", clock_time::at(2, 22, kst), "another sentence"),
  };
  claims[1].ev.repeated = true;
  const auto r = reconcile(claims, rules());
  REQUIRE(r.conflicts.size() == 1u);
  const auto& v = r.conflicts[0].values;
  REQUIRE(v.size() == 2u);
  CHECK(v[0].support == Approx(v[1].support));
  CHECK(r.conflicts[0].best.value.empty());  // a tie names no value
}

TEST_CASE("reconcile: a repeated caption supports its value once", "[reconcile]") {
  const std::string caption = "Putin arrived at 2:46 a.m. [AP]";
  std::vector<claim> claims{
      make("a#1", "a.txt", "A", "arrival:putin@pyongyang", clock_time::at(2, 46, kst), caption),
      make("a#2", "a.txt", "A", "arrival:putin@pyongyang", clock_time::at(2, 46, kst), caption),
      make("b#1", "b.txt", "A", "arrival:putin@pyongyang", clock_time::at(2, 22, kst), "another sentence"),
  };
  claims[1].ev.repeated = true;
  const auto r = reconcile(claims, rules());
  REQUIRE(r.conflicts.size() == 1u);
  const auto& v = r.conflicts[0].values;
  REQUIRE(v.size() == 2u);
  CHECK(v[0].support == Approx(v[1].support));  // 2 claims of the caption = 1 statement
  CHECK(r.conflicts[0].best.confidence == 0);
}

TEST_CASE("reconcile: a planned time against a reported one is planned-vs-actual", "[reconcile]") {
  std::vector<claim> claims{
      make("a#1", "a.txt", "A", "arrival:putin@pyongyang", clock_time::at(20, 0, kst)),
      make("b#1", "b.txt", "B", "arrival:putin@pyongyang", clock_time::at(2, 46, kst)),
  };
  claims[0].mod = modality::scheduled;
  const auto r = reconcile(claims, rules());
  REQUIRE(r.conflicts.size() == 1u);
  CHECK(r.conflicts[0].cls == conflict_class::planned_vs_actual);
  CHECK(r.conflicts[0].sev == conflict_severity::low);
}

TEST_CASE("reconcile: a plan does not hide a conflict between two reports", "[reconcile]") {
  SECTION("two reports disagree, a plan differs from both") {
    std::vector<claim> claims{
        make("a#1", "a.txt", "A", "arrival:putin@pyongyang", clock_time::at(2, 46, kst)),
        make("b#1", "b.txt", "B", "arrival:putin@pyongyang", clock_time::at(2, 22, kst)),
        make("c#1", "c.txt", "C", "arrival:putin@pyongyang", clock_time::at(20, 0, kst)),
    };
    claims[2].mod = modality::scheduled;
    const auto r = reconcile(claims, rules());
    REQUIRE(r.conflicts.size() == 1u);
    CHECK(r.conflicts[0].cls == conflict_class::value_mismatch);
    CHECK(r.conflicts[0].sev == conflict_severity::high);
    CHECK(r.conflicts[0].explanation.find("scheduled") != std::string::npos);
  }
  SECTION("the same value planned by one source and reported by another are kept apart") {
    std::vector<claim> claims{
        make("a#1", "a.txt", "A", "arrival:putin@pyongyang", clock_time::at(2, 46, kst)),
        make("b#1", "b.txt", "B", "arrival:putin@pyongyang", clock_time::at(2, 22, kst)),
        make("c#1", "c.txt", "C", "arrival:putin@pyongyang", clock_time::at(2, 22, kst)),
    };
    claims[1].mod = modality::scheduled;  // listed first among the 02:22 claims
    const auto r = reconcile(claims, rules());
    REQUIRE(r.conflicts.size() == 1u);
    CHECK(r.conflicts[0].cls == conflict_class::value_mismatch);  // C's report contradicts A's
    CHECK(r.conflicts[0].values.size() == 3u);
  }
  SECTION("a denial asserts no value") {
    std::vector<claim> claims{
        make("a#1", "a.txt", "A", "arrival:putin@pyongyang", clock_time::at(2, 46, kst)),
        make("b#1", "b.txt", "B", "arrival:putin@pyongyang", clock_time::at(20, 0, kst)),
    };
    claims[1].mod = modality::denied;  // "did not arrive at 8 p.m."
    CHECK(reconcile(claims, rules()).conflicts.empty());
  }
}

TEST_CASE("reconcile: the same instant in two zones is timezone-explained, not a conflict of values", "[reconcile]") {
  const std::vector<claim> claims{
      make("a#1", "a.txt", "A", "arrival:putin@pyongyang", clock_time::at(18, 20, utc_offset{60})),
      make("b#1", "b.txt", "B", "arrival:putin@pyongyang", clock_time::at(2, 20, kst)),
  };
  const auto r = reconcile(claims, rules());
  REQUIRE(r.conflicts.size() == 1u);
  CHECK(r.conflicts[0].cls == conflict_class::timezone_explained);
  CHECK(r.conflicts[0].sev == conflict_severity::low);
}

TEST_CASE("reconcile: places keep events apart; a claim without place joins the only place", "[reconcile]") {
  SECTION("two places, two slots") {
    const std::vector<claim> claims{
        make("a#1", "a.txt", "A", "arrival:putin@pyongyang", clock_time::at(2, 46, kst)),
        make("b#1", "b.txt", "B", "arrival:putin@hanoi", clock_time::at(22, 0, utc_offset{420})),
    };
    const auto r = reconcile(claims, rules());
    CHECK(r.slots.size() == 2u);
    CHECK(r.conflicts.empty());
  }
  SECTION("no place, one known place: one slot") {
    const std::vector<claim> claims{
        make("a#1", "a.txt", "A", "arrival:putin@pyongyang", clock_time::at(2, 46, kst)),
        make("b#1", "b.txt", "B", "arrival:putin", clock_time::at(2, 22, kst)),
    };
    const auto r = reconcile(claims, rules());
    REQUIRE(r.slots.size() == 1u);
    CHECK(r.slots[0].subject == "arrival:putin@pyongyang");
    CHECK(r.conflicts.size() == 1u);
  }
  SECTION("no place, two known places: kept apart") {
    const std::vector<claim> claims{
        make("a#1", "a.txt", "A", "arrival:putin@pyongyang", clock_time::at(2, 46, kst)),
        make("b#1", "b.txt", "B", "arrival:putin@yakutsk", clock_time::at(10, 0, kst)),
        make("c#1", "c.txt", "C", "arrival:putin", clock_time::at(2, 22, kst)),
    };
    const auto r = reconcile(claims, rules());
    CHECK(r.slots.size() == 3u);
    CHECK(r.conflicts.empty());
  }
  SECTION("different actors never share a slot") {
    const std::vector<claim> claims{
        make("a#1", "a.txt", "A", "arrival:putin@pyongyang", clock_time::at(2, 46, kst)),
        make("b#1", "b.txt", "B", "arrival:lavrov@pyongyang", clock_time::at(2, 22, kst)),
    };
    CHECK(reconcile(claims, rules()).conflicts.empty());
  }
}

TEST_CASE("reconcile: every claim lands in exactly one slot, in a deterministic order", "[reconcile]") {
  std::mt19937 rng(42);
  const std::vector<std::string> actors{"putin", "kim", "lavrov", "lee"};
  const std::vector<std::string> places{"", "@pyongyang", "@hanoi"};
  std::vector<claim> claims;
  for (int i = 0; i < 2000; ++i) {
    const std::string subject = "arrival:" + actors[rng() % actors.size()] + places[rng() % places.size()];
    claims.push_back(make("d" + std::to_string(i % 50) + "#" + std::to_string(i), "d" + std::to_string(i % 50),
                          "S", subject, clock_time::at(static_cast<int>(rng() % 24), static_cast<int>(rng() % 60), kst)));
  }
  const auto r1 = reconcile(claims, rules());
  std::vector<int> seen(claims.size(), 0);
  for (const auto& s : r1.slots) {
    REQUIRE_FALSE(s.claims.empty());
    for (std::size_t i : s.claims) {
      ++seen[i];
      // Every member shares the slot's actor.
      CHECK(claims[i].subject.substr(0, claims[i].subject.find('@')) == s.subject.substr(0, s.subject.find('@')));
    }
  }
  CHECK(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
  const auto r2 = reconcile(claims, rules());
  REQUIRE(r1.slots.size() == r2.slots.size());
  for (std::size_t k = 0; k < r1.slots.size(); ++k) CHECK(r1.slots[k].claims == r2.slots[k].claims);
  REQUIRE(r1.conflicts.size() == r2.conflicts.size());
  for (std::size_t k = 0; k < r1.conflicts.size(); ++k) CHECK(r1.conflicts[k].explanation == r2.conflicts[k].explanation);
}

TEST_CASE("reconcile: no claims, no slots", "[reconcile]") {
  const auto r = reconcile({}, rules());
  CHECK(r.slots.empty());
  CHECK(r.conflicts.empty());
}

namespace {

claim dated(std::string id, std::string doc, std::string subject, date_value d, std::string occasion,
            modality m = modality::reported) {
  claim c = make(std::move(id), std::move(doc), "Reuters", std::move(subject), d);
  c.kind = claim_kind::date;
  c.attribute = "date";
  c.occasion = std::move(occasion);
  c.mod = m;
  return c;
}

}  // namespace

TEST_CASE("reconcile: claims about two occasions of an event are never compared", "[reconcile]") {
  // The 2024 visit on June 19 and the 2000 one on July 19: two facts, no conflict.
  const std::vector<claim> claims{
      dated("a#1", "a.txt", "visit:putin@pyongyang", date_value::of_day(2024, 6, 19), "2024"),
      dated("b#1", "b.txt", "visit:putin@pyongyang", date_value::of_day(2000, 7, 19), "2000"),
      dated("c#1", "c.txt", "visit:putin@pyongyang", date_value::of_day(2000, 6, 19), "2000"),
  };
  const auto r = reconcile(claims, rules());
  REQUIRE(r.slots.size() == 2u);
  CHECK(r.slots[0].occasion == "2024");
  CHECK(r.slots[1].occasion == "2000");
  CHECK(r.slots[1].claims == std::vector<std::size_t>{1, 2});
  REQUIRE(r.conflicts.size() == 1u);  // only inside the 2000 occasion
  CHECK(r.conflicts[0].slot == 1u);
  CHECK(r.conflicts[0].cls == conflict_class::date);
  CHECK(r.conflicts[0].explanation.find("(2000)") != std::string::npos);
}

TEST_CASE("reconcile: a claim with no occasion joins the only one known, and no other", "[reconcile]") {
  SECTION("one occasion known") {
    const std::vector<claim> claims{
        dated("a#1", "a.txt", "visit:putin", date_value::of_day(2024, 6, 19), "2024"),
        dated("b#1", "b.txt", "visit:putin", date_value::of_day(2024, 6, 20), ""),
    };
    const auto r = reconcile(claims, rules());
    CHECK(r.slots.size() == 1u);
    CHECK(r.conflicts.size() == 1u);
  }
  SECTION("two occasions known: it could be either") {
    const std::vector<claim> claims{
        dated("a#1", "a.txt", "visit:putin", date_value::of_day(2024, 6, 19), "2024"),
        dated("b#1", "b.txt", "visit:putin", date_value::of_day(2000, 7, 19), "2000"),
        dated("c#1", "c.txt", "visit:putin", date_value::of_day(2000, 6, 19), ""),
    };
    const auto r = reconcile(claims, rules());
    CHECK(r.slots.size() == 3u);
    CHECK(r.conflicts.empty());
  }
}

TEST_CASE("reconcile: a weekday the calendar contradicts is a finding of its own", "[reconcile]") {
  claim wrong = dated("a#1", "a.txt", "visit:putin@pyongyang", date_value::of_day(2000, 7, 19), "2000");
  wrong.weekday = 2;  // "Tuesday, July 19, 2000": it was a Wednesday
  wrong.ev.text = "Tuesday, July 19, 2000";
  claim right = dated("b#1", "b.txt", "visit:putin@pyongyang", date_value::of_day(2000, 7, 19), "2000");
  right.weekday = 3;
  const auto r = reconcile({wrong, right}, rules());
  REQUIRE(r.conflicts.size() == 1u);
  const conflict& c = r.conflicts[0];
  CHECK(c.cls == conflict_class::weekday_date);
  CHECK(to_string(c.cls) == "weekday-date");
  REQUIRE(c.values.size() == 1u);
  CHECK(c.values[0].claims == std::vector<std::size_t>{0});
  CHECK(c.explanation.find("Tuesday, July 19, 2000") != std::string::npos);
  CHECK(c.explanation.find("was a Wednesday, not a Tuesday") != std::string::npos);
  // A right weekday, or one stated with a coarser date, is no finding.
  CHECK(reconcile({right}, rules()).conflicts.empty());
  claim month = dated("c#1", "c.txt", "visit:putin", date_value::of_month(2000, 7), "2000");
  month.weekday = 2;
  CHECK(reconcile({month}, rules()).conflicts.empty());
}

TEST_CASE("reconcile: a schedule, a forecast and a report that differ are a change of plan", "[reconcile]") {
  // "scheduled for two days" / "likely to be cut short to a day" / "his two-day trip"
  auto length = [](std::string id, std::string doc, double days, modality m) {
    claim c = make(std::move(id), std::move(doc), "Reuters", "visit:putin@pyongyang",
                   duration_value{(days - 0.5) * 86400, (days + 0.5) * 86400 - 1});
    c.kind = claim_kind::duration;
    c.attribute = "length";
    c.mod = m;
    return c;
  };
  SECTION("plan against forecast, one document") {
    const auto r = reconcile({length("a#1", "a.txt", 2, modality::scheduled), length("a#2", "a.txt", 1, modality::expected)},
                             rules());
    REQUIRE(r.conflicts.size() == 1u);
    CHECK(r.conflicts[0].cls == conflict_class::planned_vs_actual);
    CHECK(r.conflicts[0].sev == conflict_severity::low);
  }
  SECTION("two forecasts that disagree are a conflict") {
    const auto r = reconcile({length("a#1", "a.txt", 2, modality::expected), length("b#1", "b.txt", 1, modality::expected)},
                             rules());
    REQUIRE(r.conflicts.size() == 1u);
    CHECK(r.conflicts[0].cls == conflict_class::value_mismatch);
  }
}

TEST_CASE("reconcile: dates a day apart that their zones explain are timezone-explained", "[reconcile]") {
  const utc_offset msk{3 * 60};
  // A London live blog's "on Tuesday" (late evening, UTC+01:00) and Pyongyang's Wednesday.
  claim london = dated("a#1", "a.txt", "visit:putin@pyongyang", date_value::of_day(2024, 6, 18), "2024");
  london.zone = utc_offset{60};
  claim pyongyang = dated("b#1", "b.txt", "visit:putin@pyongyang", date_value::of_day(2024, 6, 19), "2024");
  pyongyang.zone = kst;
  SECTION("the later date counted further east: explained") {
    const auto r = reconcile({london, pyongyang}, rules());
    REQUIRE(r.conflicts.size() == 1u);
    CHECK(r.conflicts[0].cls == conflict_class::timezone_explained);
    CHECK(r.conflicts[0].sev == conflict_severity::low);
  }
  SECTION("the later date counted further west: a conflict") {
    london.val = date_value::of_day(2024, 6, 20);
    const auto r = reconcile({london, pyongyang}, rules());
    REQUIRE(r.conflicts.size() == 1u);
    CHECK(r.conflicts[0].cls == conflict_class::date);
  }
  SECTION("two days apart, or one zone unknown, or the same zone: a conflict") {
    claim far = pyongyang;
    far.val = date_value::of_day(2024, 6, 20);
    CHECK(reconcile({london, far}, rules()).conflicts[0].cls == conflict_class::date);
    claim unknown = pyongyang;
    unknown.zone.reset();
    CHECK(reconcile({london, unknown}, rules()).conflicts[0].cls == conflict_class::date);
    claim moscow_a = london, moscow_b = pyongyang;
    moscow_a.zone = moscow_b.zone = msk;
    CHECK(reconcile({moscow_a, moscow_b}, rules()).conflicts[0].cls == conflict_class::date);
  }
}

TEST_CASE("reconcile: a report that disagrees only with a plan is not a side of a report conflict", "[reconcile]") {
  // 02:46 and 02:22 reported; a planned evening; "in the early hours" agrees with both reports.
  std::vector<claim> claims{
      make("a#1", "a.txt", "A", "arrival:putin@pyongyang", clock_time::at(2, 46, kst)),
      make("b#1", "b.txt", "B", "arrival:putin@pyongyang", clock_time::at(2, 22, kst)),
      make("c#1", "c.txt", "C", "arrival:putin@pyongyang", clock_time::span(17 * 60, 24 * 60, kst)),
      make("d#1", "d.txt", "D", "arrival:putin@pyongyang", clock_time::span(0, 6 * 60, kst)),
  };
  claims[2].mod = modality::planned;
  const auto r = reconcile(claims, rules());
  REQUIRE(r.conflicts.size() == 1u);
  const conflict& c = r.conflicts[0];
  CHECK(c.cls == conflict_class::value_mismatch);
  std::set<std::string> sides, others;
  for (const auto& g : c.values) sides.insert(g.value);
  for (const auto& g : c.compatible) others.insert(g.value);
  CHECK(sides == std::set<std::string>{"02:46+09:00", "02:22+09:00", "17:00-24:00+09:00"});
  CHECK(others == std::set<std::string>{"00:00-06:00+09:00"});
}

TEST_CASE("reconcile: an undated claim never joins a past occasion", "[reconcile]") {
  // "Putin arrived at 2:46 a.m." (no publication date) and "first arrived on July 19, 2000, at 9 p.m."
  claim undated = make("a#1", "a.txt", "A", "arrival:putin@pyongyang", clock_time::at(2, 46, kst));
  claim past = make("b#1", "b.txt", "B", "arrival:putin@pyongyang", clock_time::at(21, 0, kst));
  past.occasion = "2000";
  claim news = make("c#1", "c.txt", "C", "visit:putin@pyongyang", date_value::of_day(2024, 6, 19));
  news.kind = claim_kind::date;
  news.attribute = "date";
  news.occasion = "2024";
  const auto r = reconcile({undated, past, news}, rules());
  CHECK(r.conflicts.empty());
  // With only the past occasion in the run, it is the latest one, and the undated claim joins it.
  CHECK(reconcile({undated, past}, rules()).conflicts.size() == 1u);
}

TEST_CASE("reconcile: a claim with no zone neither explains nor forbids a timezone explanation", "[reconcile]") {
  claim london = dated("a#1", "a.txt", "visit:putin@pyongyang", date_value::of_day(2024, 6, 18), "2024");
  london.zone = utc_offset{60};
  claim seoul = dated("b#1", "b.txt", "visit:putin@pyongyang", date_value::of_day(2024, 6, 19), "2024");
  seoul.zone = kst;
  claim unknown = dated("c#1", "c.txt", "visit:putin@pyongyang", date_value::of_day(2024, 6, 19), "2024");
  const auto r = reconcile({london, seoul, unknown}, rules());
  REQUIRE(r.conflicts.size() == 1u);
  CHECK(r.conflicts[0].cls == conflict_class::timezone_explained);
}

// The reconciler appends values' text with append_to_string(), which writes the common values
// without fmt; it must be to_string()'s text, byte for byte, and a clock time to the minute must
// read as fmt writes it ("{:02}:{:02}" and the zone's "+HH:MM"), or groups and reports would change.

TEST_CASE("the reconciler's value text is to_string's", "[reconcile]") {
  std::vector<value> values;
  for (int begin : {0, 1, 59, 60, 61, 599, 600, 754, 1439, 1440, 5999, 6000, 6001, 99999, -1, -61, -6000})
    for (std::optional<utc_offset> zone :
         {std::optional<utc_offset>{}, std::optional<utc_offset>{utc_offset{0}}, std::optional<utc_offset>{utc_offset{-300}},
          std::optional<utc_offset>{utc_offset{570}}, std::optional<utc_offset>{utc_offset{-5999}},
          std::optional<utc_offset>{utc_offset{5999}}, std::optional<utc_offset>{utc_offset{6000}},
          std::optional<utc_offset>{utc_offset{-6000}}, std::optional<utc_offset>{utc_offset{-45}}}) {
      clock_time t{begin, begin + 1, clock_time::precision::minute, zone, {}};
      values.emplace_back(t);
      t.prec = clock_time::precision::hour;
      values.emplace_back(t);
      values.emplace_back(clock_time::span(begin, begin + 90, zone));
    }
  values.emplace_back(clock_time::after(14, 5));
  values.emplace_back(clock_time::before(9, 30, kst));
  values.emplace_back(make_text_value("  Gate  F78 "));
  values.emplace_back(make_text_value(""));
  values.emplace_back(make_person_name("Andrei Belousov"));
  values.emplace_back(date_value{2024, 6, 19, date_value::grain::day});
  values.emplace_back(count_value{3, 3});
  for (const value& v : values) {
    std::string text = "prefix ";
    append_to_string(text, v);
    CHECK(text == "prefix " + to_string(v));
    if (const auto* t = std::get_if<clock_time>(&v); t && t->prec == clock_time::precision::minute)
      CHECK(to_string(v) == fmt::format("{:02}:{:02}", t->begin / 60, t->begin % 60) + (t->zone ? to_string(*t->zone) : ""));
  }
}
