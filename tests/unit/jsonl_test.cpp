// Claims as JSON Lines: what `crosscheck claims` writes, `crosscheck reconcile` reads back, and
// claims from other programs are parsed with the extractors' normalizers.
#include <catch2/catch.hpp>
#include <crosscheck/crosscheck.hpp>

#include <sstream>

#include "support/corpus.hpp"

using namespace crosscheck;

namespace {
std::vector<claim> read(const std::string& text, std::vector<diagnostic>& diags) {
  std::istringstream in(text);
  return read_claims_jsonl(in, "claims.jsonl", crosscheck_test::rules(), diags);
}
}  // namespace

TEST_CASE("jsonl: extracted claims survive a round trip", "[jsonl]") {
  const auto claims = crosscheck_test::extract(
      claim_kind::time_of_day,
      "Putin arrived in Pyongyang at 2:46 a.m., according to the Kremlin. His plane landed after 2 am, TASS said.");
  REQUIRE(claims.size() == 2u);
  std::string lines;
  for (const auto& c : claims) lines += to_json_line(c) + "\n";
  std::vector<diagnostic> diags;
  const auto back = read(lines, diags);
  CHECK(diags.empty());
  REQUIRE(back.size() == claims.size());
  for (std::size_t i = 0; i < claims.size(); ++i) {
    CHECK(back[i].id == claims[i].id);
    CHECK(back[i].kind == claims[i].kind);
    CHECK(back[i].subject == claims[i].subject);
    CHECK(to_string(back[i].val) == to_string(claims[i].val));
    CHECK(compare(back[i].val, claims[i].val) == agreement::same);
    CHECK(back[i].ev.begin == claims[i].ev.begin);
    CHECK(back[i].ev.end == claims[i].ev.end);
    CHECK(back[i].ev.attribution == claims[i].ev.attribution);
    CHECK(back[i].ev.sentence == claims[i].ev.sentence);
    CHECK(back[i].hdg == claims[i].hdg);
  }
}

TEST_CASE("jsonl: a claim's occasion, stated weekday and zone survive a round trip", "[jsonl]") {
  const auto claims = crosscheck_test::extract(
      claim_kind::date, "Putin shook hands with Kim Jong Il upon his arrival in Pyongyang on Wednesday, July 19, 2000.");
  REQUIRE(claims.size() == 1u);
  CHECK(claims[0].occasion == "2000");
  REQUIRE(claims[0].weekday.has_value());
  std::vector<diagnostic> diags;
  const auto back = read(to_json_line(claims[0]) + "\n", diags);
  CHECK(diags.empty());
  REQUIRE(back.size() == 1u);
  CHECK(back[0].occasion == "2000");
  CHECK(back[0].weekday == claims[0].weekday);
  // An explicit date is counted in the event place's zone (Pyongyang).
  REQUIRE(claims[0].zone.has_value());
  CHECK(claims[0].zone->minutes == 9 * 60);
  CHECK(back[0].zone == claims[0].zone);
  // A weekday out of range is refused with a warning, not taken.
  const auto bad = read(R"({"source": "X", "subject": "visit:putin", "attribute": "date", "value": "2000-07-19", "weekday": 9})"
                        "\n",
                        diags);
  CHECK(bad.empty());
  REQUIRE(diags.size() == 1u);
  CHECK(diags[0].message.find("weekday") != std::string::npos);
}

TEST_CASE("jsonl: raw values from outside are normalized like extracted ones", "[jsonl]") {
  std::vector<diagnostic> diags;
  const auto claims = read(
      R"j({"source": "aa", "subject": "AA-1007-MIA-LAX", "attribute": "actual departure", "value": "12/01/2011 02:07 PM"})j"
      "\n"
      R"j({"source": "ua", "subject": "AA-1007-MIA-LAX", "attribute": "actual departure", "value": "2:07PM EST"})j"
      "\n"
      R"j({"source": "x", "subject": "visit", "attribute": "date", "value": "2000-07"})j"
      "\n"
      R"j({"source": "y", "subject": "missiles", "attribute": "count", "value": "[10, +inf)", "kind": "count"})j"
      "\n",
      diags);
  CHECK(diags.empty());
  REQUIRE(claims.size() == 4u);
  CHECK(claims[0].kind == claim_kind::time_of_day);
  CHECK(to_string(claims[0].val) == "14:07");
  CHECK(to_string(claims[1].val) == "14:07-05:00");
  CHECK(claims[2].kind == claim_kind::date);
  CHECK(to_string(claims[2].val) == "2000-07");
  CHECK(claims[3].kind == claim_kind::count);
  CHECK(compatible(claims[3].val, count_value::exactly(11)));
  CHECK_FALSE(compatible(claims[3].val, count_value::exactly(9)));
  CHECK(claims[0].id == "claims.jsonl:1");
}

TEST_CASE("jsonl: bad lines are skipped with a warning naming the line", "[jsonl]") {
  std::vector<diagnostic> diags;
  const auto claims = read(
      "{\"source\": \"a\", \"subject\": \"s\", \"attribute\": \"time\", \"value\": \"02:46\"}\n"  // 1 ok
      "not json\n"                                                                          // 2
      "\n"                                                                                  // 3 blank: ignored
      "[1, 2]\n"                                                                            // 4 not an object
      "{\"subject\": \"s\", \"attribute\": \"time\", \"value\": \"02:46\"}\n"                  // 5 no source
      "{\"source\": \"a\", \"subject\": \"s\", \"attribute\": \"time\", \"value\": \"soon\"}\n"  // 6 no kind fits
      "{\"source\": \"a\", \"subject\": \"s\", \"attribute\": \"t\", \"value\": \"1\", \"kind\": \"weight\"}\n"  // 7
      "{\"source\": \"a\", \"subject\": \"s\", \"attribute\": \"t\", \"value\": \"25:61\", \"kind\": \"time_of_day\"}\n"  // 8
      "{\"source\": \"a\", \"subject\": \"s\", \"attribute\": \"time\", \"value\": \"02:22\", \"modality\": \"maybe\"}\n"  // 9
      "{\"source\": \"\xff\", \"subject\": \"s\", \"attribute\": \"time\", \"value\": \"02:22\"}\n",  // 10 bad UTF-8
      diags);
  REQUIRE(claims.size() == 1u);
  std::vector<std::size_t> lines;
  for (const auto& d : diags) {
    CHECK(d.where.file == "claims.jsonl");
    CHECK(d.message.find("line skipped") != std::string::npos);
    REQUIRE(d.where.line.has_value());
    lines.push_back(*d.where.line);
  }
  CHECK(lines == std::vector<std::size_t>{2, 4, 5, 6, 7, 8, 9, 10});
}

TEST_CASE("jsonl: parse_value reads canonical and free forms, and refuses nonsense", "[jsonl]") {
  const auto& r = crosscheck_test::rules();
  value v;
  CHECK(parse_value(claim_kind::time_of_day, "after 02:00+09:00", r, v));
  CHECK(to_string(v) == "after 02:00+09:00");
  CHECK(parse_value(claim_kind::time_of_day, "00:00-06:00+09:00", r, v));
  CHECK(to_string(v) == "00:00-06:00+09:00");
  CHECK(parse_value(claim_kind::time_of_day, "2 a.m.", r, v));
  CHECK(to_string(v) == "02h");
  CHECK(parse_value(claim_kind::date, "2000-07-19", r, v));
  CHECK_FALSE(parse_value(claim_kind::date, "2024-02-30", r, v));
  CHECK_FALSE(parse_value(claim_kind::time_of_day, "25:61", r, v));
  CHECK_FALSE(parse_value(claim_kind::count, "many", r, v));
  CHECK(parse_value(claim_kind::quantity, "260000 tonne", r, v));
  CHECK(to_string(v) == "260000 tonne");
  CHECK(parse_value(claim_kind::article, "2024 treaty article 4 paragraph 2", r, v));
  CHECK(to_string(v) == "2024 treaty article 4 paragraph 2");
  // "about midnight" runs past midnight; its canonical form reads back, and a malformed
  // canonical value is refused rather than misread by the free-text reader.
  CHECK(parse_value(claim_kind::time_of_day, "23:45-24:16+09:00", r, v));
  CHECK(to_string(v) == "23:45-24:16+09:00");
  CHECK_FALSE(parse_value(claim_kind::time_of_day, "25:61+09:00", r, v));
  CHECK_FALSE(parse_value(claim_kind::time_of_day, "after 25:00", r, v));
  CHECK(parse_value(claim_kind::duration, "[3600s, +inf)", r, v));
  CHECK(to_string(v) == "[3600s, +inf)");
}
