// The date reader: sentences -> dates with their rule, offsets and resolution. The context is
// fixed, like Duckling's reference time: published Wednesday 2024-06-19, and "that day" is
// 2024-06-18 (the day the text was talking about).
// lib/ is not on the tests' include path; the reader is internal to the library.
#include "extract/date_parse.hpp"

#include <catch2/catch.hpp>
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <crosscheck/rules.hpp>
#include <optional>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

using crosscheck::date_value;
using crosscheck::rule_set;
using crosscheck::detail::date_context;
using crosscheck::detail::date_mention;
using crosscheck::detail::date_reader;

namespace {

const rule_set& shipped_rules() {
  static const rule_set r = rule_set::load(CROSSCHECK_DATA_DIR);
  return r;
}

const date_reader& shipped_reader() {
  static const date_reader d(shipped_rules());
  return d;
}

date_value day(int y, unsigned m, unsigned d) { return date_value::of_day(y, m, d); }
date_value month(int y, unsigned m) { return date_value::of_month(y, m); }
date_value year(int y) { return date_value::of_year(y); }

const date_context fixed_context{day(2024, 6, 19), day(2024, 6, 18)};

std::vector<date_mention> read(std::string_view sentence, const date_context& ctx = fixed_context,
                               const date_reader& reader = shipped_reader()) {
  const auto toks = crosscheck::detail::tokenize(sentence, 0, sentence.size());
  auto got = reader.read(sentence, toks, ctx);
  // The event pass's entry (tokens known to be in order, digits known) reads the same mentions,
  // whether its digit flag lets the prefilter be skipped or not.
  const bool digits = std::any_of(toks.tokens().begin(), toks.tokens().end(), [](const auto& t) { return t.has_digit; });
  std::vector<date_mention> fast;
  std::vector<crosscheck::detail::token> scratch;
  for (const bool flag : {digits, true}) {
    reader.read_tokenized(sentence, toks, ctx, flag, fast, scratch);
    REQUIRE(fast.size() == got.size());
    for (std::size_t k = 0; k < got.size(); ++k) {
      CHECK(fast[k].first == got[k].first);
      CHECK(fast[k].last == got[k].last);
      CHECK(fast[k].begin == got[k].begin);
      CHECK(fast[k].end == got[k].end);
      CHECK(fast[k].value == got[k].value);
      CHECK(fast[k].rule == got[k].rule);
      CHECK(fast[k].weekday == got[k].weekday);
    }
  }
  return got;
}

std::string show(const std::optional<date_value>& v) {
  return v ? crosscheck::to_string(crosscheck::value{*v}) : std::string("unresolved");
}

struct expected {
  std::string words;  // the words of the mention, as written in the sentence
  std::optional<date_value> value;
  std::string rule;
  bool relative = false;
  std::optional<unsigned> weekday = std::nullopt;
  bool mismatch = false;
};

struct date_case {
  std::string sentence;
  std::vector<expected> dates;
};

void check_case(const date_case& c, const date_context& ctx) {
  INFO("sentence: " << c.sentence);
  const auto got = read(c.sentence, ctx);
  REQUIRE(got.size() == c.dates.size());
  std::size_t from = 0;
  for (std::size_t k = 0; k < got.size(); ++k) {
    const expected& e = c.dates[k];
    const date_mention& m = got[k];
    INFO("date " << k << ": " << e.words);
    const std::size_t at = c.sentence.find(e.words, from);
    REQUIRE(at != std::string::npos);
    from = at + e.words.size();
    CHECK(c.sentence.substr(m.begin, m.end - m.begin) == e.words);
    CHECK(m.begin == at);
    CHECK(m.end == at + e.words.size());
    CHECK(m.first < m.last);
    CHECK(show(m.value) == show(e.value));
    CHECK(m.rule == e.rule);
    // The date part makes one claim text per listed rule id: a rule missing from the list
    // would cost a text per claim.
    const auto ids = crosscheck::detail::date_rule_ids();
    CHECK(std::find(ids.begin(), ids.end(), m.rule) != ids.end());
    CHECK(m.relative == e.relative);
    CHECK(m.weekday == e.weekday);
    CHECK(m.weekday_mismatch == e.mismatch);
  }
}

constexpr bool rel = true;

}  // namespace

TEST_CASE("date: the calendar facts the cases rely on", "[date]") {
  using namespace std::chrono;
  CHECK(weekday{sys_days{2024y / June / 19}} == Wednesday);
  CHECK(weekday{sys_days{2000y / July / 19}} == Wednesday);  // "Wednesday, July 19, 2000" is right
  CHECK(weekday{sys_days{2024y / June / 13}} == Thursday);
}

TEST_CASE("date: explicit and resolved dates in news sentences", "[date]") {
  const std::vector<date_case> cases = {
      // Full dates, every order and punctuation.
      {"Russian President Vladimir Putin arrived in Pyongyang on June 19, 2024, state media said.",
       {{"June 19, 2024", day(2024, 6, 19), "date.month_day_year"}}},
      {"The summit took place June 19 2024 in the North Korean capital.",
       {{"June 19 2024", day(2024, 6, 19), "date.month_day_year"}}},
      {"PYONGYANG, 19 June 2024 (KCNA) -- The Supreme Leader received the Russian delegation.",
       {{"19 June 2024", day(2024, 6, 19), "date.day_month_year"}}},
      {"Updated Jun. 19, 2024 at 4:24 p.m. KST",
       {{"Jun. 19, 2024", day(2024, 6, 19), "date.month_day_year"}}},
      {"Posted on : 2024-06-19 16:24 KST Modified on : 2024-06-19 16:32 KST",
       {{"2024-06-19", day(2024, 6, 19), "date.iso"}, {"2024-06-19", day(2024, 6, 19), "date.iso"}}},
      {"The agreement takes effect on Sept. 1, 2024, the foreign ministry said.",
       {{"Sept. 1, 2024", day(2024, 9, 1), "date.month_day_year"}}},
      {"The embassy reopened on 3 Mar 2023 after a three-year closure.",
       {{"3 Mar 2023", day(2023, 3, 3), "date.day_month_year"}}},
      {"The previous treaty was signed on the 19th of June, 2000, in Pyongyang.",
       {{"19th of June, 2000", day(2000, 6, 19), "date.day_month_year"}}},
      {"THE KREMLIN CONFIRMED THE VISIT ON JUNE 19",
       {{"JUNE 19", day(2024, 6, 19), "date.month_day", rel}}},
      {"Published Sunday, 16 June 2024 | Updated Sat., June 15, 2024",
       {{"Sunday, 16 June 2024", day(2024, 6, 16), "date.day_month_year", false, 0u},
        {"Sat., June 15, 2024", day(2024, 6, 15), "date.month_day_year", false, 6u}}},
      {"Dec. 25 2023: Pyongyang marks the holiday quietly.", {{"Dec. 25 2023", day(2023, 12, 25), "date.month_day_year"}}},
      // Day and month without a year: the publication year, or the year before when that is
      // more than six months ahead.
      {"Kim greeted Putin at the airport on June 19.", {{"June 19", day(2024, 6, 19), "date.month_day", rel}}},
      {"Vladimir Putin and Kim Jong-un attend a gala concert in Pyongyang, 19 June.",
       {{"19 June", day(2024, 6, 19), "date.day_month", rel}}},
      {"The Kremlin had said Putin would arrive on the evening of June 18.",
       {{"June 18", day(2024, 6, 18), "date.month_day", rel}}},
      {"The deal was first floated on December 25, diplomats recalled.",
       {{"December 25", day(2023, 12, 25), "date.month_day", rel}}},
      {"The ministry said the shipment would arrive on December 19.",
       {{"December 19", day(2024, 12, 19), "date.month_day", rel}}},
      {"Putin met Kim on 5 May, and again on May 5th in a second round.",
       {{"5 May", day(2024, 5, 5), "date.day_month", rel}, {"May 5th", day(2024, 5, 5), "date.month_day", rel}}},
      {"The pact will be reviewed on the 3rd of March.", {{"3rd of March", day(2024, 3, 3), "date.day_month", rel}}},
      {"Officials said on Monday, June 17, that talks would follow.",
       {{"Monday, June 17", day(2024, 6, 17), "date.month_day", rel, 1u}}},
      {"The agreement is due to be ratified on the 28th, officials said.",
       {{"28th", day(2024, 6, 28), "date.ordinal_day", rel}}},
      // Months and years.
      {"Putin first visited in July 2000, weeks after taking office.",
       {{"July 2000", month(2000, 7), "date.month_year"}}},
      {"The two leaders met in Vladivostok in April 2019.", {{"April 2019", month(2019, 4), "date.month_year"}}},
      {"The west has accused North Korea of arming Russia since the invasion in February 2022.",
       {{"February 2022", month(2022, 2), "date.month_year"}}},
      {"Kim travelled to the Vostochny Cosmodrome in September last year.",
       {{"September last year", month(2023, 9), "date.month_relative", rel}}},
      {"Kim visited Russia in September of last year, Putin recalled.",
       {{"September of last year", month(2023, 9), "date.month_relative", rel}}},
      {"Last September, Kim toured a cosmodrome in the Russian Far East.",
       {{"Last September", month(2023, 9), "date.month_relative", rel}}},
      {"A follow-up visit is planned for next May.", {{"next May", month(2025, 5), "date.month_relative", rel}}},
      {"Parliament will debate the treaty in May.", {{"May", month(2024, 5), "date.month", rel}}},
      {"Russia has shipped containers since September, a US statement said in February.",
       {{"September", month(2023, 9), "date.month", rel}, {"February", month(2024, 2), "date.month", rel}}},
      {"Moscow vetoed the resolution in March.", {{"March", month(2024, 3), "date.month", rel}}},
      {"Putin gave Kim a limousine in February and returned the favour earlier this month.",
       {{"February", month(2024, 2), "date.month", rel},
        {"earlier this month", month(2024, 6), "date.relative_month", rel}}},
      {"The leaders agreed to meet again in mid-October.", {{"mid-October", month(2024, 10), "date.month", rel}}},
      {"In 2001, the elder Kim took a nine-day train journey to Moscow.", {{"2001", year(2001), "date.year"}}},
      {"The treaty was scrapped in 1996.", {{"1996", year(1996), "date.year"}}},
      {"Until 2019, the two leaders had never met.", {{"2019", year(2019), "date.year"}}},
      {"The summer of 2000 was a turning point for the two countries.", {{"2000", year(2000), "date.year"}}},
      {"Putin said the world was different in the year 2000.", {{"2000", year(2000), "date.year"}}},
      {"The sanctions regime has been in force since mid-2017.", {{"mid-2017", year(2017), "date.year"}}},
      {"The accord replaces agreements from 1961, 2000 and 2001, according to TASS.",
       {{"1961", year(1961), "date.year"}, {"2000", year(2000), "date.year"}, {"2001", year(2001), "date.year"}}},
      {"The declarations, signed in 2000 and 2001, will be replaced.",
       {{"2000", year(2000), "date.year"}, {"2001", year(2001), "date.year"}}},
      {"Attention focused on a clause of the 1961 treaty between the two countries.",
       {{"1961", year(1961), "date.year_modifier"}}},
      {"Russia's 2000 treaty with Pyongyang dropped the defense clause.",
       {{"2000", year(2000), "date.year_modifier"}}},
      {"Putin's visit in July 2000 and another on 4 August 2001 laid the groundwork.",
       {{"July 2000", month(2000, 7), "date.month_year"}, {"4 August 2001", day(2001, 8, 4), "date.day_month_year"}}},
      // Relative to publication.
      {"Kim made a rare trip to Russia last year.", {{"last year", year(2023), "date.relative_year", rel}}},
      {"Exports to Russia have doubled this year, the ministry said.",
       {{"this year", year(2024), "date.relative_year", rel}}},
      {"The treaty is expected to be ratified next year.", {{"next year", year(2025), "date.relative_year", rel}}},
      {"Analysts expect a follow-up summit later this year.",
       {{"later this year", year(2024), "date.relative_year", rel}}},
      {"Officials said yesterday that the talks had ended.",
       {{"yesterday", day(2024, 6, 18), "date.relative_day", rel}}},
      {"\"The comprehensive partnership agreement signed today includes mutual assistance,\" Putin said.",
       {{"today", day(2024, 6, 19), "date.relative_day", rel}}},
      {"The foreign minister left Moscow the day before yesterday.",
       {{"the day before yesterday", day(2024, 6, 17), "date.relative_day", rel}}},
      {"Putin will fly on to Hanoi tomorrow.", {{"tomorrow", day(2024, 6, 20), "date.relative_day", rel}}},
      {"Today's meeting lasted about two hours.", {{"Today", day(2024, 6, 19), "date.relative_day", rel}}},
      {"The flight was delayed two days ago by bad weather.", {{"two days ago", day(2024, 6, 17), "date.ago", rel}}},
      {"The talks collapsed two months ago and resumed a year ago, diplomats said.",
       {{"two months ago", month(2024, 4), "date.ago", rel}, {"a year ago", year(2023), "date.ago", rel}}},
      {"Twenty-four years ago, Putin made the same trip.",
       {{"Twenty-four years ago", year(2000), "date.ago", rel}}},
      // Weekdays alone: the nearest one up to publication.
      {"Putin's plane touched down at Sunan airport after 2 am on Wednesday.",
       {{"Wednesday", day(2024, 6, 19), "date.weekday_relative", rel}}},
      {"US Secretary of State Antony Blinken on Tuesday local time reaffirmed the warning.",
       {{"Tuesday", day(2024, 6, 18), "date.weekday_relative", rel}}},
      {"Putin arrived late Tuesday, hours behind schedule.",
       {{"Tuesday", day(2024, 6, 18), "date.weekday_relative", rel}}},
      {"The delegation landed Monday night in Pyongyang.",
       {{"Monday", day(2024, 6, 17), "date.weekday_relative", rel}}},
      {"Seoul lodged a protest Thursday, a week before the summit.",
       {{"Thursday", day(2024, 6, 13), "date.weekday_relative", rel}}},
      {"Seoul said the drills would be held next Tuesday.",
       {{"next Tuesday", day(2024, 6, 25), "date.weekday_relative", rel}}},
      {"The envoy met Kim last Wednesday, a week before the visit.",
       {{"last Wednesday", day(2024, 6, 12), "date.weekday_relative", rel}}},
      // Weekdays with an explicit date: the date wins and the weekday is checked.
      {"Kim and Putin held a summit in Pyongyang on Wednesday (June 19) under the wary eyes of the world.",
       {{"Wednesday (June 19)", day(2024, 6, 19), "date.month_day", rel, 3u}}},
      {"Putin shakes hands with Kim Jong Il upon his arrival in Pyongyang, Wednesday, July 19, 2000.",
       {{"Wednesday, July 19, 2000", day(2000, 7, 19), "date.month_day_year", false, 3u}}},
      {"Wed 19 Jun 2024 14.20 BST First published on Wed 19 Jun 2024 01.32 BST",
       {{"Wed 19 Jun 2024", day(2024, 6, 19), "date.day_month_year", false, 3u},
        {"Wed 19 Jun 2024", day(2024, 6, 19), "date.day_month_year", false, 3u}}},
      {"Yonhap first reported the launch on Thursday, June 13, 2024.",
       {{"Thursday, June 13, 2024", day(2024, 6, 13), "date.month_day_year", false, 4u}}},
      {"The report was filed on June 13 (Thursday) by the embassy.",
       {{"June 13 (Thursday)", day(2024, 6, 13), "date.month_day", rel, 4u}}},
      {"The two sides signed the pact on Wednesday the 19th.",
       {{"Wednesday the 19th", day(2024, 6, 19), "date.ordinal_day", rel, 3u}}},
      {"Putin arrived at 2:46 a.m. on Wednesday, June 19, 2024, the Kremlin said.",
       {{"Wednesday, June 19, 2024", day(2024, 6, 19), "date.month_day_year", false, 3u}}},
      // The date in context, and counts of years to the day.
      {"Putin arrived in North Korea at 2:46 a.m. that day, according to the Kremlin's Telegram channel.",
       {{"that day", day(2024, 6, 18), "date.context_day", rel}}},
      {"The talks began around noon the same day, according to Sputnik news agency.",
       {{"the same day", day(2024, 6, 18), "date.context_day", rel}}},
      {"He flew on to Hanoi the next day.", {{"the next day", day(2024, 6, 19), "date.context_day", rel}}},
      {"Putin landed in the early hours of Wednesday local time, 24 years to the day since his last visit.",
       {{"Wednesday", day(2024, 6, 19), "date.weekday_relative", rel},
        {"24 years to the day", day(2000, 6, 19), "date.years_to_the_day", rel}}},
      {"Two years to the day after the summit, the pact was signed.",
       {{"Two years to the day", day(2022, 6, 19), "date.years_to_the_day", rel}}},
      {"The envoy returned twenty-four years to the day after his first posting.",
       {{"twenty-four years to the day", day(2000, 6, 19), "date.years_to_the_day", rel}}},
      {"A month to the day after the launch, officials met again.",
       {{"A month to the day", day(2024, 5, 19), "date.months_to_the_day", rel}}},
  };
  CHECK(cases.size() >= 45);
  for (const auto& c : cases) check_case(c, fixed_context);
}

TEST_CASE("date: a stated weekday that the calendar contradicts is a finding", "[date]") {
  check_case({"The photo was taken on Tuesday, July 19, 2000, in Pyongyang.",
              {{"Tuesday, July 19, 2000", day(2000, 7, 19), "date.month_day_year", false, 2u, true}}},
             fixed_context);
  check_case({"Kim and Putin met on Monday (June 19).",
              {{"Monday (June 19)", day(2024, 6, 19), "date.month_day", rel, 1u, true}}},
             fixed_context);
  check_case({"Filed Fri 19 Jun 2024.", {{"Fri 19 Jun 2024", day(2024, 6, 19), "date.day_month_year", false, 5u, true}}},
             fixed_context);
}

TEST_CASE("date: words that are not dates", "[date]") {
  const std::vector<std::string> negatives = {
      "Putin arrived at 2:46 a.m., according to the Kremlin.",
      "Temperatures reached 33.5 degrees in the capital.",
      "He was assigned jersey No. 19 for the match.",
      "Article 4 of the treaty covers mutual assistance.",
      "Russia has received more than 10,000 shipping containers.",
      "Putin may arrive later than planned.",
      "May I ask one more question, the reporter said.",
      "The vote was 2001 to 1500 against the motion.",
      "A crowd of 2000 people gathered in the square.",
      "The army deployed 2000 troops to the border.",
      "Kim welcomed the 2000 delegates at the airport.",
      "The group covered a distance of 1500 metres on foot.",
      "The meeting was held on February 30, 2024.",
      "The deadline is June 31.",
      "She works on the 19th floor of the ministry.",
      "The 19th century treaty was revised.",
      "The Sun reported the story first.",
      "June Carter said the dispute was settled.",
      "Thousands joined the March on the capital.",
      "It was his 24th trip abroad in 24 years.",
      "In the late 1940s, Kim Il Sung came to power.",
      "The score was 2-1 after 90 minutes.",
      "Sat down with officials, Kim said nothing.",
      "Putin was on the 4th day of his tour.",
  };
  CHECK(negatives.size() >= 15);
  for (const auto& s : negatives) {
    INFO("sentence: " << s);
    const auto got = read(s);
    for (const auto& m : got) FAIL_CHECK("read " << m.rule << " at '" << s.substr(m.begin, m.end - m.begin) << "'");
    CHECK(got.empty());
  }
}

TEST_CASE("date: with no publication date, relative dates stay unresolved", "[date]") {
  const date_context none{};
  const std::vector<date_case> cases = {
      {"Putin arrived on Tuesday.", {{"Tuesday", std::nullopt, "date.weekday_relative", rel}}},
      {"The summit opened on June 19.", {{"June 19", std::nullopt, "date.month_day", rel}}},
      {"Kim visited Russia last year.", {{"last year", std::nullopt, "date.relative_year", rel}}},
      {"Kim visited Russia in September last year.",
       {{"September last year", std::nullopt, "date.month_relative", rel}}},
      {"The talks began at noon that day.", {{"that day", std::nullopt, "date.context_day", rel}}},
      {"Talks were held in March.", {{"March", std::nullopt, "date.month", rel}}},
      {"He arrived 24 years to the day since his last visit.",
       {{"24 years to the day", std::nullopt, "date.years_to_the_day", rel}}},
      {"They met on Wednesday (June 19).", {{"Wednesday (June 19)", std::nullopt, "date.month_day", rel, 3u}}},
      {"They met on the 19th.", {{"19th", std::nullopt, "date.ordinal_day", rel}}},
      // Explicit dates need no context.
      {"Putin arrived on Wednesday, July 19, 2000.",
       {{"Wednesday, July 19, 2000", day(2000, 7, 19), "date.month_day_year", false, 3u}}},
      {"The treaty was signed in 2000.", {{"2000", year(2000), "date.year"}}},
  };
  for (const auto& c : cases) check_case(c, none);
}

TEST_CASE("date: a publication date of coarser grain resolves what it can", "[date]") {
  const date_context month_only{month(2024, 6), std::nullopt};
  check_case({"Kim visited Russia last year and again in March; he arrived on Tuesday.",
              {{"last year", year(2023), "date.relative_year", rel},
               {"March", month(2024, 3), "date.month", rel},
               {"Tuesday", std::nullopt, "date.weekday_relative", rel}}},
             month_only);
}

TEST_CASE("date: odd input never throws", "[date]") {
  const std::vector<std::string> odd = {"", "June", "the 19th", "on the", "Wednesday (", "2024-13-45", "0000-00-00",
                                        "mid-", "mid-Sept", "24 years to the", "last", "February 29", "9999-99-99T",
                                        "June 19, 0999", "a a a a years ago"};
  for (const auto& s : odd) {
    INFO("input: " << s);
    CHECK_NOTHROW(read(s));
  }
}

TEST_CASE("date: February 29 only in a leap year", "[date]") {
  CHECK(read("The meeting was on February 29, 2023.").empty());
  const auto leap = read("The meeting was on February 29, 2024.");
  REQUIRE(leap.size() == 1);
  CHECK(show(leap[0].value) == "2024-02-29");
  const auto no_year = read("The meeting was on February 29.");  // 2024 has one
  REQUIRE(no_year.size() == 1);
  CHECK(show(no_year[0].value) == "2024-02-29");
  const date_context in_2023{day(2023, 6, 19), std::nullopt};
  CHECK(read("The meeting was on February 29.", in_2023).empty());
}

TEST_CASE("date: reading is linear in the tokens", "[date]") {
  std::string text;
  const std::string unit = "June 19, 2024 and ";  // four tokens
  text.reserve(unit.size() * 25000);
  for (int k = 0; k < 25000; ++k) text += unit;
  const auto toks = crosscheck::detail::tokenize(text, 0, text.size());
  REQUIRE(toks.size() == 100000);
  const auto got = shipped_reader().read(text, toks, fixed_context);
  REQUIRE(got.size() == 25000);
  CHECK(show(got.back().value) == "2024-06-19");
  CHECK(got.back().begin == text.size() - unit.size());
}

TEST_CASE("date: date.yaml is loaded and strictly checked", "[date]") {
  const rule_set& r = shipped_rules();
  CHECK(r.dates.months.size() == 12);
  CHECK(r.dates.weekdays.size() == 7);
  CHECK_FALSE(r.dates.relative.empty());

  const crosscheck_test::temp_dir dir;
  SECTION("an unknown key under dates") {
    const auto f = dir.write_file("bad.yaml", "dates:\n  monthz: []\n");
    rule_set copy = r;
    CHECK_THROWS_WITH(copy.merge_file(f), Catch::Contains("unknown key 'monthz'"));
  }
  SECTION("a month number out of range") {
    const auto f = dir.write_file("bad.yaml", "dates:\n  months:\n    - {number: 13, names: [Smarch]}\n");
    rule_set copy = r;
    CHECK_THROWS_WITH(copy.merge_file(f), Catch::Contains("dates.months.number"));
  }
  SECTION("a relative unit that is not day, month or year") {
    const auto f = dir.write_file("bad.yaml", "dates:\n  relative:\n    - {phrase: last week, unit: week, offset: -1}\n");
    rule_set copy = r;
    CHECK_THROWS_WITH(copy.merge_file(f), Catch::Contains("day, month or year"));
  }
  SECTION("a newsroom file adds a phrase and an abbreviation") {
    const auto f = dir.write_file("newsroom.yaml",
                                  "dates:\n  relative:\n    - {phrase: overmorrow, unit: day, offset: 2}\n"
                                  "  months:\n    - {number: 9, names: [September], abbreviations: [Sep, Sept, Setp]}\n");
    rule_set copy = r;
    copy.merge_file(f);
    CHECK(copy.dates.months.size() == 12);
    const date_reader reader(copy);
    const auto got = read("Talks begin overmorrow and end on Setp 2, 2024.", fixed_context, reader);
    REQUIRE(got.size() == 2);
    CHECK(show(got[0].value) == "2024-06-21");
    CHECK(show(got[1].value) == "2024-09-02");
  }
}

TEST_CASE("date: mentions are ordered, non-overlapping and within the text on any word salad", "[date]") {
  const std::vector<std::string> words = {
      "June", "19", "19th", "2024", "2000", ",", "(", ")", ".", "the", "on", "in", "since", "of", "last", "next",
      "this", "year", "years", "to", "day", "ago", "Wednesday", "Wed", "Sept", "May", "may", "that", "same",
      "two", "twenty-four", "mid-2001", "2024-06-19", "February", "30", "31", "people", "treaty", "a", "and"};
  std::uint32_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const auto count = 1 + next() % 14;
    for (std::uint32_t k = 0; k < count; ++k) {
      text += words[next() % words.size()];
      text += (next() % 4 == 0) ? "" : " ";
    }
    INFO("text: " << text);
    const auto toks = crosscheck::detail::tokenize(text, 0, text.size());
    for (const date_context& ctx : {fixed_context, date_context{}}) {
      std::vector<date_mention> got;
      REQUIRE_NOTHROW(got = shipped_reader().read(text, toks, ctx));
      std::size_t previous_last = 0, previous_end = 0;
      for (const auto& m : got) {
        REQUIRE(m.first >= previous_last);
        REQUIRE(m.first < m.last);
        REQUIRE(m.last <= toks.size());
        REQUIRE(m.begin >= previous_end);
        REQUIRE(m.begin < m.end);
        REQUIRE(m.end <= text.size());
        if (m.value) REQUIRE(m.value->ok());
        previous_last = m.last;
        previous_end = m.end;
      }
    }
  }
}

TEST_CASE("date: fixes from review", "[date]") {
  // A plural after a year cue is not a count unless date.yaml lists it.
  check_case({"In 2019 protesters filled the streets.", {{"2019", year(2019), "date.year"}}}, fixed_context);
  check_case({"Since 2014 rebels have held the city.", {{"2014", year(2014), "date.year"}}}, fixed_context);
  CHECK(read("The road was lined by 2000 people.").empty());
  CHECK(read("The column stretched for 1500 metres.").empty());
  // "on the 28th" after the publication day: the month before, unless the sentence is a plan.
  const date_context july2{day(2024, 7, 2), std::nullopt};
  check_case({"He died on the 28th, police said.", {{"28th", day(2024, 6, 28), "date.ordinal_day", true}}}, july2);
  check_case({"The pact is due to be ratified on the 28th.", {{"28th", day(2024, 7, 28), "date.ordinal_day", true}}},
             july2);
  const date_context january3{day(2024, 1, 3), std::nullopt};
  check_case({"He died on the 28th.", {{"28th", day(2023, 12, 28), "date.ordinal_day", true}}}, january3);
  // A value outside the calendar's range is no date.
  const date_context far{day(9999, 6, 19), std::nullopt};
  CHECK(read("The treaty expires next year.", far).empty());
}

TEST_CASE("date: a month and day without a year near New Year lie on the near side", "[date]") {
  const date_context december{date_value::of_day(2024, 12, 30), std::nullopt};
  const auto ahead = read("Putin will arrive in Pyongyang on January 2.", december);
  REQUIRE(ahead.size() == 1u);
  REQUIRE(ahead[0].value.has_value());
  CHECK(*ahead[0].value == date_value::of_day(2025, 1, 2));
  const date_context january{date_value::of_day(2025, 1, 3), std::nullopt};
  const auto behind = read("Putin arrived in Pyongyang on December 30.", january);
  REQUIRE(behind.size() == 1u);
  REQUIRE(behind[0].value.has_value());
  CHECK(*behind[0].value == date_value::of_day(2024, 12, 30));
  // Within half a year, the publication year: "January 2" read on June 19.
  const auto june = read("Putin arrived in Pyongyang on January 2.");
  REQUIRE(june.size() == 1u);
  CHECK(*june[0].value == date_value::of_day(2024, 1, 2));
}

TEST_CASE("tokenize: digit and hyphen flags, from the bytes kept in the word", "[date_parse][tokenize]") {
  const std::string text = "mid-May, 2:46 p.m. pre- war 10,000 Year's";
  const auto toks = crosscheck::detail::tokenize(text, 0, text.size());
  REQUIRE(toks.size() == 7);
  CHECK(toks[0].lower == "mid-may");
  CHECK((toks[0].has_hyphen && !toks[0].has_digit));
  CHECK(toks[1].lower == "2:46");
  CHECK((toks[1].has_digit && !toks[1].has_hyphen));
  CHECK(toks[2].lower == "p.m");
  CHECK((!toks[2].has_digit && !toks[2].has_hyphen));
  // A hyphen that no word byte follows is not part of the word.
  CHECK(toks[3].lower == "pre");
  CHECK(!toks[3].has_hyphen);
  CHECK((!toks[4].has_digit && !toks[4].has_hyphen));
  CHECK(toks[5].lower == "10,000");
  CHECK(toks[5].has_digit);
  CHECK((!toks[6].has_digit && !toks[6].has_hyphen));
}

// The event pass reads tokens carrying the word index's role bits, and passes over a sentence
// that date_reader::may_hold() says holds no date. Both shortcuts must find what a reading of
// tokens without bits (every lookup made) finds.
TEST_CASE("date: tokens with role bits read the same dates, and may_hold never passes over one", "[date]") {
  const rule_set& rules = shipped_rules();
  REQUIRE(rules.word_ids() != nullptr);
  const std::vector<std::string> sentences = {
      "Russian President Vladimir Putin arrived in Pyongyang on June 19, 2024, state media said.",
      "Putin's plane landed on Tuesday's early hours, a day after Kim's speech.",
      "Yesterday's talks ran late; the day before, Lavrov's aides met on the 18th.",
      "The leaders' meeting, 24 years to the day since Putin's last visit, began last Tuesday.",
      "Kim's mid-May trip and the 2000 treaty were discussed two days ago, officials said.",
      "That day's ceremony was held in the summer of 2000 and again in February.",
      "He said the visit would last September last year, not next May or this September.",
      "The delegation's members arrived in the capital and spoke with reporters.",
      "No date here: the leaders shook hands and smiled for the cameras.",
  };
  std::vector<date_mention> reused;
  std::vector<crosscheck::detail::token> scratch;
  for (const auto& s : sentences) {
    INFO("sentence: " << s);
    const auto plain = crosscheck::detail::tokenize(s, 0, s.size());
    const auto indexed = crosscheck::detail::tokenize(s, 0, s.size(), rules.word_ids());
    const auto expected = shipped_reader().read(s, plain, fixed_context);
    shipped_reader().read(s, indexed, fixed_context, reused, scratch);
    REQUIRE(reused.size() == expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k) {
      CHECK(reused[k].rule == expected[k].rule);
      CHECK(reused[k].begin == expected[k].begin);
      CHECK(reused[k].end == expected[k].end);
      CHECK(show(reused[k].value) == show(expected[k].value));
    }
    std::uint64_t roles = 0;
    bool digits = false, hyphens = false;
    for (const auto& t : indexed.tokens()) {
      roles |= t.roles | t.stem_roles;
      digits = digits || t.has_digit;
      hyphens = hyphens || t.has_hyphen;
    }
    if (!expected.empty()) CHECK(shipped_reader().may_hold(roles, digits, hyphens));
  }
  // A sentence with no digit, hyphen or date word is passed over.
  const std::string none = "The leaders shook hands and smiled for the cameras.";
  std::uint64_t roles = 0;
  const auto none_toks = crosscheck::detail::tokenize(none, 0, none.size(), rules.word_ids());
  for (const auto& t : none_toks.tokens())
    roles |= t.roles | t.stem_roles;
  CHECK_FALSE(shipped_reader().may_hold(roles, false, false));
}

// A date context with a source asks it for the date in context, and only when a phrase needs
// that date: the event pass reads the dates of sentences it passed over only then.
TEST_CASE("date: a context's source is asked only for the date in context", "[date]") {
  struct counting_source final : crosscheck::detail::context_source {
    mutable int asked = 0;
    std::optional<date_value> settle() const override {
      ++asked;
      return day(2024, 6, 10);
    }
  };
  const counting_source source;
  // in_context is stale here: the source's date wins.
  const date_context ctx{day(2024, 6, 19), day(2024, 6, 18), &source};
  const auto none = read("Putin arrived on Tuesday and left yesterday.", ctx);
  CHECK(source.asked == 0);
  REQUIRE(none.size() == 2);
  const auto that = read("Putin signed the treaty the next day.", ctx);
  CHECK(source.asked > 0);
  REQUIRE(that.size() == 1);
  CHECK(that[0].value == day(2024, 6, 11));
  CHECK(that[0].rule == "date.context_day");
}
