// The living spec of the duration extractor (claim_kind::duration), in the way of Duckling's corpora.
//
// What it does. In each sentence with an event trigger (data/events.yaml: "arrived", "visit",
// "state visit", "trip", "journey", "talks", "met", "welcoming ceremony", ...) the extractor
// looks for a length of time and the role it plays for one of those events. A length is
//   - a number and a unit: "two days", "90 minutes", "24 years", "2.5 hours", "an hour";
//   - a hyphenated adjective: "two-day", "2-day", "90-minute", "nine-day", "24-day";
//   - a vague number and a unit: "several hours" (2 to 9), "a few days" (2 to 5);
// after an optional hedge: "about"/"around"/"roughly"/"some", "nearly"/"just under",
// "over"/"more than", "at least", "under"/"less than" (data/duration.yaml; number words come
// from data/date.yaml). The roles, tried in this order (the id is the claim's `rule`):
//
//   duration.adjective  "a two-day visit", "90-minute talks": the adjective within three words
//                       before a trigger                                   -> attribute "length"
//   duration.delay      "an hour late", "several hours later than planned", "nearly five hours
//                       behind schedule", "delayed by two hours"           -> "delay"
//   duration.offset     "about two hours after Putin's talks with Kim began", "an hour before
//                       his talks": the trigger shortly after "after"/"before" -> "time after" /
//                       "time before" (the time from that event to the thing the sentence reports)
//   duration.gap        "his first visit to North Korea in 24 years", "the first time Putin has
//                       visited ... for over two decades", "24 years since his last visit": the
//                       time since the event's previous occasion          -> "gap"
//   duration.length     "talks lasted 90 minutes", "visit North Korea for two days", "cut short
//                       to a day", "a journey of nine days", "talks lasting 90 minutes" (a length
//                       cue before the length, the trigger before the cue) -> "length"
//
// The claim:
//   subject    "<event>:<actor>[@<place>]" of the trigger, as for times ("visit:putin@pyongyang",
//              "travel:un@vladivostok"). An event of two people ("Putin and Kim Jong Un held
//              talks") is keyed on the last name written: "talks:un".
//   value      a duration_value: an interval of seconds. A stated number of units is the values
//              that round to it, [n - 0.5, n + 0.5) units, stored closed one second short, so
//              "two days" is [129600s, 215999s] and agrees with "48 hours". "about n" takes the
//              wider of that and n * [0.85, 1.15]; "nearly n" is [n - max(1, n/10), n];
//              "over n" is (n, +inf); "at least n" is [n, +inf); "under n" is [0, n]; a vague
//              number is its range. Unit seconds: minute 60, hour 3600, day 86400, week 604800,
//              month 2629746, year 31556952, decade 315569520. The helpers below compute
//              exactly this, rounded to whole seconds.
//   modality   the trigger's ("will visit", "is due to visit", "may visit"), else a cue between
//              the trigger and a length after it ("Putin's visit ... is likely to be cut short
//              to a day": expected).
//   occasion   a gap ends at the occasion being reported: the publication year. Other claims
//              take the year of a date near the trigger ("Putin's 2000 visit", "in 2001"), else
//              the publication year.
//   attribution as for times: "according to X", "X said", "X reported that".
//   evidence   the words of the length, hedge included, cue and "late"/"after" left out:
//              [brackets] below mark them and check_corpus compares text and byte offset.
//
// A length that measures nothing the sentence names as an event gives no claim: a jail
// sentence, a term in power, "24 hours a day", an age, a length with no number ("for
// decades"), a length whose event has no actor, and numbers that are not lengths. The
// negative corpus at the end lists them. Cases the extractor gets wrong today sit in the
// hidden "[pending]" test cases at the end of the file, each with the cause in the code.
//
// Every sentence is read as a document published on Wednesday 2024-06-19.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <optional>

#include "support/corpus.hpp"

using crosscheck::claim_kind;
using crosscheck::duration_value;
using crosscheck::modality;
using crosscheck_test::attributed;
using crosscheck_test::check_corpus;
using crosscheck_test::check_negative;
using crosscheck_test::corpus_entries;
using crosscheck_test::examples;
using crosscheck_test::expect_as;
using crosscheck_test::on_occasion;
using crosscheck_test::with_modality;

namespace {

// Seconds in a unit (data/duration.yaml).
constexpr double minute = 60;
constexpr double hour = 3600;
constexpr double day = 86400;
constexpr double week = 604800;
constexpr double month = 2629746;
constexpr double year = 31556952;
constexpr double decade = 315569520;
constexpr double about_fraction = 0.15;  // durations.hedges.about_fraction

duration_value seconds(double min, std::optional<double> max) {
  return {std::round(min), max ? std::optional<double>(std::round(*max)) : std::nullopt};
}
// "two days": the values that round to n units, [n - 0.5, n + 0.5), one second short.
duration_value units(double n, double unit) { return seconds((n - 0.5) * unit, (n + 0.5) * unit - 1); }
// "about two hours": the wider of the rounding interval and n * [1 - f, 1 + f].
duration_value about(double n, double unit) {
  return seconds(std::min(n - 0.5, n * (1 - about_fraction)) * unit,
                 std::max(n + 0.5, n * (1 + about_fraction)) * unit - 1);
}
// "nearly 24 years": [n - max(1, n/10), n].
duration_value nearly(double n, double unit) { return seconds((n - std::max(1.0, n / 10)) * unit, n * unit); }
// "over two decades", "more than three hours": above n, open.
duration_value over(double n, double unit) { return seconds(n * unit + 1, std::nullopt); }
// "at least a week": n or more.
duration_value at_least(double n, double unit) { return seconds(n * unit, std::nullopt); }
// "under an hour", "less than a day": [0, n].
duration_value under(double n, double unit) { return seconds(0, n * unit); }
// "several hours" (2 to 9), "a few days" (2 to 5): the vague number's range, closed.
duration_value between(double lo, double hi, double unit) { return seconds(lo * unit, hi * unit); }
duration_value several(double unit) { return between(2, 9, unit); }
duration_value a_few(double unit) { return between(2, 5, unit); }

crosscheck_test::expectation gap(std::string subject, duration_value v) {
  return on_occasion(expect_as(std::move(subject), "gap", v), "2024");
}

}  // namespace

// How long an event lasts: an adjective before the event's noun, or a length after a cue
// ("lasted", "for", "lasting", "of", "cut short to").
TEST_CASE("duration: lengths of events", "[corpus][duration]") {
  const corpus_entries corpus = {
      examples(expect_as("visit:putin@pyongyang", "length", units(2, day)),
               {
                   // wire copy
                   "Russian President Vladimir Putin arrived in Pyongyang early on Wednesday for a [two-day] visit.",
                   "Putin kicked off a [two-day] state visit to North Korea on Wednesday.",
                   // headlines, sentence case; "for" is also a length cue, but the adjective is the length
                   "Putin begins [two-day] visit to North Korea",
                   "Putin lands in Pyongyang for [two-day] visit",
                   // digits
                   "Putin is in North Korea on a [2-day] visit.",
                   // translated state media: "the DPRK" is Pyongyang; a name after the trigger is not its actor
                   "Putin is paying a [two-day] state visit to the DPRK at the invitation of Kim Jong Un.",
                   // a length after a cue
                   "Putin will visit North Korea for [two days].",
                   "Putin's trip to North Korea lasted [two days].",
               }),
      examples(expect_as("visit:putin@hanoi", "length", units(3, day)),
               {
                   "Putin will pay a [three-day] state visit to Vietnam.",
                   // the actor after the visit and its place
                   "The [3-day] visit to Hanoi is Putin's first this year.",
                   "The [three-day] trip to Vietnam was Putin's second since 2017.",
                   // after a live blog's stamp: the zone is not the actor
                   "10:42 GMT — The [3-day] visit to Hanoi is Putin's first this year.",
                   "Putin is on a [three-day] state visit to Vietnam, officials said.",
               }),
      examples(expect_as("visit:putin", "length", units(2, week)),
               {
                   "Putin's [two-week] tour of Asia ends on Friday.",
               }),
      examples(expect_as("travel:un@vladivostok", "length", units(9, day)),
               {
                   "Kim Jong Un's [nine-day] train journey to Vladivostok ended on Monday.",
                   // the place before the trigger when none follows it
                   "Kim Jong Un's armoured train reached Vladivostok after a [nine-day] journey.",
                   "Kim Jong Un travelled to Vladivostok by armoured train in a journey of [nine days].",
               }),
      examples(expect_as("travel:un", "length", units(9, day)),
               {
                   "Kim Jong Un travelled by armoured train for [nine days].",
               }),
      examples(expect_as("talks:putin@pyongyang", "length", units(90, minute)),
               {
                   "Putin held [90-minute] talks with Kim Jong Un in Pyongyang.",
               }),
      examples(expect_as("talks:putin", "length", units(90, minute)),
               {
                   "Putin's talks with Kim lasted [90 minutes].",
                   // "one-on-one" is not a number
                   "Putin's one-on-one talks with Kim Jong Un lasted [90 minutes].",
                   "Putin met Kim for [90 minutes].",
                   "Putin's talks with Kim ran for [90 minutes].",
               }),
      // Two people: the last name written is the actor.
      examples(expect_as("talks:un", "length", units(90, minute)),
               {
                   "Putin and Kim Jong Un held talks lasting [90 minutes].",
                   // live blog
                   "14:02 - Putin and Kim Jong Un wrap up talks lasting [90 minutes]",
               }),
      examples(expect_as("talks:un@pyongyang", "length", units(90, minute)),
               {
                   // a caption: "their" is the pair just named
                   "Putin and Kim Jong Un shake hands before their [90-minute] talks in Pyongyang on Wednesday. (AFP)",
                   // KCNA style
                   "The respected Comrade Kim Jong Un held [90-minute] talks with Vladimir Vladimirovich Putin in "
                   "Pyongyang.",
               }),
      examples(expect_as("talks:putin@pyongyang", "length", units(2, hour)),
               {
                   "Putin held talks with Kim in Pyongyang lasting [two hours], state media reported.",
               }),
      // "a day" is one day: [0.5, 1.5) days.
      examples(expect_as("visit:putin@hanoi", "length", units(1, day)),
               {
                   "Putin's visit to Vietnam has been cut short to [a day].",
                   "Putin's stay in Hanoi will be cut short to [a day].",
               }),
      // The occasion is the year of a date near the trigger.
      examples(on_occasion(expect_as("visit:putin@pyongyang", "length", units(2, day)), "2000"),
               {
                   "Putin's 2000 visit to Pyongyang lasted [two days].",
               }),
      examples(on_occasion(expect_as("travel:il@moscow", "length", units(24, day)), "2001"),
               {
                   "In 2001, Kim Jong Il made a [24-day] train journey to Moscow.",
                   "Kim Jong Il's train journey to Moscow in 2001 lasted [24 days].",
               }),
      examples(on_occasion(expect_as("talks:un@vladivostok", "length", units(90, minute)), "2019"),
               {
                   "Kim Jong Un held [90-minute] talks with Putin in Vladivostok in 2019.",
               }),
  };
  check_corpus(claim_kind::duration, corpus);
}

// Hedges bound or widen the number; vague numbers give their range.
TEST_CASE("duration: hedges and vague numbers", "[corpus][duration]") {
  const corpus_entries corpus = {
      // "about 2" is no narrower than "2": [1.5, 2.5) hours.
      examples(expect_as("talks:putin", "length", about(2, hour)),
               {
                   "Putin held talks with Kim Jong Un for [about two hours].",
                   "Putin's talks with Kim lasted [around two hours].",
               }),
      examples(expect_as("talks:kim", "length", about(2, hour)),
               {
                   "Putin and Kim held talks for [roughly two hours].",
               }),
      // "some five hours": [4.25, 5.75] hours, the 15% being wider than the rounding.
      examples(expect_as("talks:putin", "length", about(5, hour)),
               {
                   "Putin's summit with Kim Jong Un lasted [some five hours].",
                   "Putin's summit with Kim Jong Un lasted [about five hours].",
               }),
      examples(expect_as("talks:putin", "length", over(3, hour)),
               {
                   "Putin met Kim Jong Un for [more than three hours].",
                   "Putin's talks with Kim lasted [over three hours].",
               }),
      examples(expect_as("travel:un@vladivostok", "length", at_least(1, week)),
               {
                   "Kim Jong Un's journey to Vladivostok is expected to last [at least a week].",
               }),
      examples(expect_as("ceremony:putin", "length", under(1, hour)),
               {
                   "Putin's welcoming ceremony lasted [under an hour].",
               }),
      examples(expect_as("visit:putin@hanoi", "length", under(1, day)),
               {
                   "Putin's visit to Hanoi will last [less than a day].",
               }),
      examples(expect_as("visit:putin@hanoi", "length", under(24, hour)),
               {
                   "Putin arrives in Vietnam on a visit expected to last [less than 24 hours]",
               }),
      // "just under 24 hours" is "nearly": [21.6, 24] hours.
      examples(expect_as("visit:putin@hanoi", "length", nearly(24, hour)),
               {
                   "Putin's visit to Vietnam, his fifth, will last [just under 24 hours].",
               }),
      examples(expect_as("talks:putin", "length", several(hour)),
               {
                   "Putin held talks with Kim Jong Un for [several hours].",
               }),
      examples(expect_as("visit:lavrov@pyongyang", "length", a_few(day)),
               {
                   "Lavrov will visit Pyongyang for [a few days] next month.",
               }),
  };
  check_corpus(claim_kind::duration, corpus);
}

// The time since the event's previous occasion: "first ... in/for <length>", "<length> since".
// Its occasion is the one being reported (2024), whatever year the previous one had.
TEST_CASE("duration: gaps", "[corpus][duration]") {
  const corpus_entries corpus = {
      examples(gap("visit:putin@pyongyang", units(24, year)),
               {
                   "Putin arrived in Pyongyang on his first visit to North Korea in [24 years].",
                   // headlines
                   "BREAKING: Putin lands in North Korea for first visit in [24 years]",
                   "Putin visited North Korea for the first time in [24 years] on Wednesday.",
                   // the actor after the trigger, as a possessive
                   "The visit is Putin's first to North Korea in [24 years].",
                   "Putin's trip to North Korea is the first by a Russian leader in [24 years].",
                   // "since" and the previous occasion
                   "Putin returned to Pyongyang on Wednesday, [24 years] since his last visit.",
                   "It has been [24 years] since Putin last visited North Korea.",
                   "Putin arrived in Pyongyang on Wednesday, [24 years] since he first visited the country.",
               }),
      examples(gap("visit:putin", units(24, year)),
               {
                   "Putin's visit, the first in [24 years], began on Wednesday.",
               }),
      examples(gap("visit:putin@pyongyang", nearly(24, year)),
               {
                   "Putin's first visit to North Korea in [nearly 24 years]",
               }),
      examples(gap("visit:putin@pyongyang", over(2, decade)),
               {
                   "It was Putin's first trip to North Korea in [over two decades].",
                   "This is the first time Putin has visited North Korea for [over two decades].",
                   "It has been [more than two decades] since Putin last visited North Korea.",
               }),
  };
  check_corpus(claim_kind::duration, corpus);
}

// How late an event came: "late", "later than planned", "behind schedule", "delayed by".
TEST_CASE("duration: delays", "[corpus][duration]") {
  const corpus_entries corpus = {
      examples(expect_as("arrival:putin@pyongyang", "delay", several(hour)),
               {
                   "Putin arrived in Pyongyang [several hours] later than planned.",
                   "Putin's plane landed in Pyongyang [several hours] later than expected.",
                   // live blog: the clock time heading the entry is not a length
                   "03:15 KST: Putin's plane has landed in Pyongyang, [several hours] later than planned.",
               }),
      examples(expect_as("arrival:putin", "delay", units(1, hour)),
               {
                   "Putin arrived [an hour] late.",
               }),
      examples(expect_as("arrival:putin", "delay", over(8, hour)),
               {
                   "Putin arrived [more than eight hours] late.",
               }),
      examples(expect_as("arrival:putin@pyongyang", "delay", about(8, hour)),
               {
                   "Putin landed in Pyongyang at 2:46 a.m., [about eight hours] later than planned.",
                   "Putin arrived in North Korea [some eight hours] late.",
               }),
      examples(expect_as("arrival:putin@pyongyang", "delay", nearly(5, hour)),
               {
                   "Putin's plane landed in Pyongyang [nearly five hours] behind schedule.",
               }),
      examples(expect_as("arrival:putin", "delay", several(hour)),
               {
                   "Putin's arrival was pushed back by [several hours].",
               }),
      // a departure is at its origin ("from Yakutsk")
      examples(expect_as("departure:putin@yakutsk", "delay", units(2, hour)),
               {
                   "Putin's departure from Yakutsk was delayed by [two hours].",
               }),
      examples(expect_as("departure:putin@yakutsk", "delay", several(hour)),
               {
                   "Putin's plane left Yakutsk [several hours] behind schedule.",
               }),
      examples(expect_as("ceremony:putin", "delay", units(1, hour)),
               {
                   "Putin's welcoming ceremony began [an hour] late.",
               }),
  };
  check_corpus(claim_kind::duration, corpus);
}

// From an event to what the sentence reports: "<length> after <event>" / "<length> before <event>".
TEST_CASE("duration: offsets", "[corpus][duration]") {
  const corpus_entries corpus = {
      examples(expect_as("talks:kim", "time after", about(2, hour)),
               {
                   "The agreement was signed [about two hours] after Putin and Kim began their talks.",
               }),
      examples(expect_as("talks:putin", "time after", about(2, hour)),
               {
                   "The treaty was signed [about two hours] after Putin's talks with Kim began.",
               }),
      // about 20 minutes: [17, 23] minutes, the 15% being wider than the rounding
      examples(expect_as("arrival:lavrov@pyongyang", "time after", about(20, minute)),
               {
                   "Putin's plane touched down in Pyongyang [about 20 minutes] after Lavrov's plane landed.",
               }),
      examples(expect_as("departure:putin@yakutsk", "time after", units(1, day)),
               {
                   "Putin arrived in Pyongyang on Wednesday, [a day] after he left Yakutsk.",
               }),
      examples(expect_as("arrival:putin", "time after", units(24, hour)),
               {
                   "Putin and Kim signed the treaty [24 hours] after Putin arrived.",
               }),
      examples(expect_as("visit:un@vladivostok", "time after", units(9, month)),
               {
                   "Putin's visit came [nine months] after Kim Jong Un's trip to the Vostochny Cosmodrome.",
               }),
      examples(expect_as("talks:putin", "time before", units(1, hour)),
               {
                   "Putin toured the exhibition [an hour] before his talks with Kim.",
               }),
      examples(expect_as("ceremony:putin@pyongyang", "time before", units(3, hour)),
               {
                   "Putin landed in Pyongyang [three hours] before the welcoming ceremony.",
               }),
  };
  check_corpus(claim_kind::duration, corpus);
}

// Plans and expectations are claims too, marked as such.
TEST_CASE("duration: modality", "[corpus][duration]") {
  const corpus_entries corpus = {
      examples(with_modality(expect_as("visit:putin@pyongyang", "length", units(2, day)), modality::scheduled),
               {
                   "Putin is due to visit North Korea for [two days].",
                   "Putin was scheduled to pay a state visit to North Korea for [two days].",
                   // the cue between the trigger and the length
                   "Putin's visit to Pyongyang was scheduled to last [two days].",
               }),
      examples(with_modality(expect_as("visit:putin@pyongyang", "length", units(2, day)), modality::expected),
               {
                   "Putin's visit to North Korea was expected to last [two days].",
               }),
      examples(with_modality(expect_as("visit:putin@pyongyang", "length", a_few(day)), modality::expected),
               {
                   "Putin may visit North Korea for [a few days] later this year.",
               }),
      examples(with_modality(expect_as("visit:putin@hanoi", "length", units(1, day)), modality::expected),
               {
                   "Putin's visit to Vietnam is likely to be cut short to [a day].",
               }),
      examples(with_modality(expect_as("visit:putin@pyongyang", "length", units(48, hour)), modality::expected),
               {
                   "Putin arrived in Pyongyang on a visit expected to last [48 hours].",
               }),
      examples(with_modality(expect_as("visit:putin@pyongyang", "length", units(48, hour)), modality::planned),
               {
                   "Putin arrived in Pyongyang on a visit that would last [48 hours].",
               }),
      examples(with_modality(expect_as("visit:putin@pyongyang", "length", units(2, day)), modality::planned),
               {
                   "Putin will visit North Korea for [two days].",
               }),
      examples(with_modality(expect_as("visit:putin@hanoi", "length", units(3, day)), modality::planned),
               {
                   "Putin will pay a [three-day] state visit to Vietnam.",
               }),
      examples(with_modality(expect_as("talks:putin", "length", at_least(2, hour)), modality::expected),
               {
                   "Putin is expected to hold talks with Kim for [at least two hours].",
               }),
      // "set off" is no "set to": a report
      examples(with_modality(expect_as("travel:un@vladivostok", "length", units(9, day)), modality::reported),
               {
                   "Kim Jong Un set off on a [nine-day] train journey to Vladivostok.",
               }),
  };
  check_corpus(claim_kind::duration, corpus);
}

// Where the words come from.
TEST_CASE("duration: attribution", "[corpus][duration]") {
  const corpus_entries corpus = {
      examples(attributed(expect_as("visit:putin@pyongyang", "length", units(2, day)), "state media"),
               {
                   "Putin kicked off a [two-day] state visit to North Korea on Wednesday, state media reported.",
               }),
      examples(attributed(expect_as("talks:putin", "length", units(90, minute)), "the Kremlin"),
               {
                   "Putin's one-on-one talks with Kim Jong Un lasted [90 minutes], the Kremlin said.",
               }),
      examples(attributed(expect_as("talks:putin", "length", about(2, hour)), "Yonhap"),
               {
                   "Yonhap reported that Putin's talks with Kim lasted [about two hours].",
               }),
      examples(attributed(expect_as("talks:putin", "length", over(3, hour)), "TASS"),
               {
                   "According to TASS, Putin's talks with Kim lasted [more than three hours].",
               }),
      examples(attributed(expect_as("talks:putin", "length", about(5, hour)), "KCNA"),
               {
                   "Putin's summit with Kim Jong Un lasted [some five hours], KCNA said.",
               }),
      examples(attributed(expect_as("talks:kim", "length", about(2, hour)), "the Kremlin"),
               {
                   "Putin and Kim held talks for [roughly two hours], according to the Kremlin.",
               }),
      examples(attributed(expect_as("visit:putin@hanoi", "length", under(1, day)), "Kremlin aide Yuri Ushakov"),
               {
                   "Putin's visit to Hanoi will last [less than a day], Kremlin aide Yuri Ushakov told reporters.",
                   "Putin's visit to Hanoi will last [less than a day], according to Kremlin aide Yuri Ushakov.",
               }),
      examples(with_modality(attributed(expect_as("visit:putin@hanoi", "length", units(1, day)), "a Kremlin official"),
                             modality::expected),
               {
                   "Putin's visit to Vietnam is likely to be cut short to [a day], a Kremlin official said.",
               }),
      examples(with_modality(attributed(expect_as("visit:putin@pyongyang", "length", units(2, day)), "The Kremlin"),
                             modality::planned),
               {
                   "The Kremlin announced on Tuesday that Putin's visit to North Korea would last [two days].",
               }),
      examples(attributed(expect_as("arrival:putin@pyongyang", "delay", nearly(5, hour)), "Russian news agencies"),
               {
                   "Putin's plane landed in Pyongyang [nearly five hours] behind schedule, Russian news agencies "
                   "reported.",
               }),
      examples(attributed(gap("visit:putin@pyongyang", over(2, decade)), "Russian state media"),
               {
                   "Putin's visit to North Korea was his first for [over two decades], Russian state media said.",
               }),
      // A plain report has no attribution.
      examples(attributed(expect_as("visit:putin@pyongyang", "length", units(2, day)), ""),
               {
                   "Putin's trip to North Korea lasted [two days].",
               }),
  };
  check_corpus(claim_kind::duration, corpus);
}

// One sentence, several lengths: each takes its own role.
TEST_CASE("duration: several claims in one text", "[corpus][duration]") {
  using crosscheck::to_string;
  const auto claims = crosscheck_test::extract(
      claim_kind::duration, "Kim Jong Un's nine-day train journey to Vladivostok, his first in four years, ended on Monday.");
  REQUIRE(claims.size() == 2u);
  CHECK(claims[0].subject == "travel:un@vladivostok");
  CHECK(claims[0].attribute == "length");
  CHECK(to_string(claims[0].val) == to_string(crosscheck::value{units(9, day)}));
  CHECK(claims[0].rule == "duration.adjective");
  CHECK(claims[1].subject == "travel:un@vladivostok");
  CHECK(claims[1].attribute == "gap");
  CHECK(to_string(claims[1].val) == to_string(crosscheck::value{units(4, year)}));
  CHECK(claims[1].rule == "duration.gap");
}

// No duration claim: lengths of things that are not the events, lengths with no number or no
// actor, and numbers that are not lengths.
TEST_CASE("duration: negatives", "[corpus][duration]") {
  check_negative(claim_kind::duration,
                 {
                     // a length with no event: a sentence, a term in power, a watch, planning
                     "Putin arrived in Pyongyang a day after a Moscow court handed a journalist a two-year jail "
                     "sentence.",
                     "Putin has ruled Russia for 24 years and arrived in Pyongyang on Wednesday.",
                     "Putin, who has been in power for nearly 25 years, arrived in Pyongyang.",
                     "Security forces guarded the route for 24 hours a day while Putin visited Pyongyang.",
                     "Putin visited the Kumsusan palace, where guards stand watch 24 hours a day.",
                     "Kim waited for two hours at the airport before Putin landed.",
                     "Putin's visit followed two years of planning.",
                     // a visit whose actor is named too far after it, or not at all, or only a zone
                     "The 3-day visit to Hanoi was announced in Putin's statement.",
                     "The 3-day visit to Hanoi is the first this year.",
                     "10:42 GMT — The 3-day visit to Hanoi is the first this year.",
                     "The 4-day festival in Seoul is Kim's favourite.",
                     // no number
                     "Putin, who has led Russia for decades, arrived in Pyongyang.",
                     "Putin's visit was his first in decades.",
                     "Putin held talks with Kim for hours.",
                     "Putin's plane, which had been delayed for hours, landed in Pyongyang.",
                     // an event with nobody to attach it to
                     "The talks lasted about two hours.",
                     // a length far from any trigger (over 24 words)
                     "Putin arrived in Pyongyang on Wednesday for discussions that officials in Seoul, Tokyo and "
                     "Washington had watched closely for weeks because of fears over arms transfers, and an "
                     "exhibition of Russian art in the capital will run for three weeks.",
                     // a date, not a length
                     "Putin visited North Korea 24 years ago.",
                     "Putin and Kim first met five years ago, in Vladivostok.",
                     "Putin arrived in Pyongyang at 2:46 a.m. on Wednesday.",
                     // ages
                     "The 71-year-old Putin arrived in Pyongyang on Wednesday.",
                     "Kim Jong Un, 40, met Putin at the airport.",
                     "Kim Jong Un was 16 years old when Putin last visited Pyongyang.",
                     "Putin arrived in Pyongyang for talks on a 20-year-old dispute.",
                     // numbers that are not lengths
                     "Putin's delegation brought two days' worth of food when it arrived.",
                     "Putin arrived with a delegation of 24 people.",
                     "Article 24 of the treaty that Putin and Kim signed on Wednesday covers trade.",
                     "Putin arrived in Pyongyang with a 100-strong delegation.",
                     "Putin's visit was described in a 12-page article in Rodong Sinmun.",
                     "Live: Putin's visit to North Korea, day two",
                     "Putin's visit dominated the Rossiya 1 talk show 60 Minutes on Wednesday.",
                     // a length that measures something else near a trigger
                     "The Kremlin said a 24-hour hotline would open after Putin's visit.",
                 });
}

// ---------------------------------------------------------------------------------------------
// Pending: what a demanding fact-checker expects and the extractor does not do yet. Hidden from
// the default run and from CTest ([.]); run them with `crosscheck_tests "[pending]"`. Catch2 2
// runs hidden cases that a tag filter names, so the passing corpus alone is
// `crosscheck_tests "[duration]~[pending]"`. Each group names the cause in the code. Move a case
// up when it passes.

// Halves and fillers (data/duration.yaml: half_before, half_after, fillers): a half counts as
// the number it makes ("1.5 hours"), and "full", "single" change nothing.
TEST_CASE("duration: halves and fillers", "[corpus][duration]") {
  const corpus_entries corpus = {
      examples(expect_as("talks:putin", "length", units(1.5, hour)),
               {
                   "Putin held talks with Kim for [an hour and a half].",
                   "Putin held talks with Kim for [one and a half hours].",
               }),
      examples(expect_as("talks:putin", "length", units(2.5, hour)),
               {
                   "Putin held talks with Kim for [two and a half hours].",
               }),
      examples(expect_as("talks:putin", "length", units(0.5, hour)),
               {
                   "Putin held talks with Kim for [half an hour].",
               }),
      examples(expect_as("arrival:putin@pyongyang", "delay", units(1.5, hour)),
               {
                   "Putin's plane touched down in Pyongyang [an hour and a half] late.",
               }),
      examples(expect_as("visit:putin", "length", units(1, day)),
               {
                   "Putin's state visit was cut to [a single day].",
                   "Putin's state visit was cut to [one full day].",
               }),
  };
  check_corpus(claim_kind::duration, corpus);
}

TEST_CASE("duration: a length that was cut short was the plan", "[corpus][duration]") {
  // change_cues (data/duration.yaml): the adjective is what was planned, the cut what happened.
  const auto claims =
      crosscheck_test::extract(claim_kind::duration, "Putin's two-day visit to Pyongyang was cut short to a day.");
  REQUIRE(claims.size() == 2u);
  CHECK(claims[0].rule == "duration.adjective");
  CHECK(claims[0].mod == modality::planned);
  CHECK(claims[1].rule == "duration.length");
  CHECK(claims[1].mod == modality::reported);
}

TEST_CASE("duration: pending lengths", "[.][duration][pending]") {
  const corpus_entries corpus = {
      // find_actor: an apposition is passed over only when it ends right before the trigger; here
      // "is paying a two-day" stands between, and the walk back stops at "the Russian Federation".
      examples(expect_as("visit:putin@pyongyang", "length", units(2, day)),
               {
                   "Vladimir Vladimirovich Putin, President of the Russian Federation, is paying a [two-day] state "
                   "visit to the DPRK at the invitation of Kim Jong Un.",
               }),
      // find_actor in title case: "Begins Two-Day" and "For First" join the name run, giving the
      // actors "day" and "first".
      examples(expect_as("visit:putin@pyongyang", "length", units(2, day)),
               {
                   "Putin Begins [Two-Day] State Visit To North Korea",
               }),
      examples(gap("visit:putin@pyongyang", units(24, year)),
               {
                   "Putin Lands In Pyongyang For First Visit In [24 Years]",
               }),
      // occasion_near takes the nearest date, "since 2000", which dates the previous visit, not
      // this one: the occasion comes out "2000".
      examples(on_occasion(expect_as("visit:putin@pyongyang", "length", units(2, day)), "2024"),
               {
                   "Putin's [two-day] visit to North Korea is his first since 2000.",
                   "Putin's trip to North Korea, the first since 2000, lasted [two days].",
               }),
      // events.yaml: "stayed" and "talked" are no triggers ("stay" is only a noun).
      examples(expect_as("visit:putin@pyongyang", "length", under(24, hour)),
               {
                   "Putin stayed in Pyongyang for [less than 24 hours].",
               }),
      examples(expect_as("talks:kim", "length", units(90, minute)),
               {
                   "Putin and Kim talked for [90 minutes] behind closed doors.",
               }),
      // attach(): a value after a reporting verb ("said") is taken for the time of a statement
      // and dropped, even inside a relative clause about the event.
      examples(with_modality(attributed(expect_as("visit:putin@pyongyang", "length", units(48, hour)), "Russian media"),
                             modality::planned),
               {
                   "Putin arrived in Pyongyang on a visit that Russian media said would last [48 hours].",
               }),
  };
  check_corpus(claim_kind::duration, corpus);
}

TEST_CASE("duration: pending gaps, modality and actors", "[.][duration][pending]") {
  const corpus_entries corpus = {
      // The offset rule runs before the gap rule: "after his last trip" names the previous
      // occasion of the same event, so this is the gap, not a "time after" of the 2000 trip.
      examples(gap("visit:putin@pyongyang", units(24, year)),
               {
                   "Putin's visit came [24 years] after his last trip to Pyongyang.",
               }),
      // A gap needs the marker "first": "had not visited ... for" reads as a denied length, "a gap
      // of" as a length (with the occasion of "in 2000").
      examples(gap("visit:putin@pyongyang", units(24, year)),
               {
                   "Putin had not visited North Korea for [24 years].",
                   "Putin, who last visited Pyongyang in 2000, returned after a gap of [24 years].",
               }),
      // find_modality looks 4 tokens back from the trigger; "make a two-day" pushes "scheduled"
      // / "set" out of reach, and the adjective rule does not consult modality_between.
      examples(with_modality(expect_as("visit:putin@pyongyang", "length", units(2, day)), modality::scheduled),
               {
                   "Putin was scheduled to make a [two-day] visit to North Korea.",
                   "Putin was set to make a [two-day] visit to North Korea.",
               }),
      // A capitalized number word opening the sentence is read as a name: actor "two".
      examples(expect_as("arrival:putin", "time after", units(2, hour)),
               {
                   "[Two hours] after landing, Putin was greeted by Kim.",
               }),
  };
  check_corpus(claim_kind::duration, corpus);
}

TEST_CASE("duration: pending several claims", "[.][duration][pending]") {
  SECTION("'later than planned' does not make the next event a plan") {
    // find_modality: "planned" of "later than planned" lies within 4 tokens before "visit".
    const auto claims = crosscheck_test::extract(
        claim_kind::duration, "Putin arrived in Pyongyang several hours later than planned for a two-day visit.");
    REQUIRE(claims.size() == 2u);
    CHECK(claims[0].attribute == "delay");
    CHECK(claims[1].subject == "visit:putin@pyongyang");
    CHECK(claims[1].attribute == "length");
    CHECK(claims[1].mod == modality::reported);
  }
}

TEST_CASE("duration: a length in a clause about someone else is not the length of the event before it",
          "[corpus][duration]") {
  // "but" opens another clause (english.yaml, clause_openers): "a week" is Lavrov's stay.
  const auto claims =
      crosscheck_test::extract(claim_kind::duration, "Putin's visit lasted two days, but Lavrov stayed for a week.");
  REQUIRE(claims.size() == 1u);
  CHECK(claims[0].subject == "visit:putin");
  CHECK(crosscheck::to_string(claims[0].val) == crosscheck::to_string(crosscheck::value{units(2, day)}));
}

TEST_CASE("duration: a length in another clause, of an instant, or of another noun", "[corpus][duration]") {
  check_negative(claim_kind::duration,
                 {
                     // a clause opener ("where", "that") after the trigger's phrase: the length is
                     // of something the clause speaks of (english.yaml, clause_openers)
                     "Putin's visit to Pyongyang, where guards stand watch for 24 hours a day, ended on Thursday.",
                     "Putin arrived in Pyongyang, a city that has been under sanctions for 18 years.",
                     "Putin and Kim signed a treaty that will remain in force for 20 years.",
                     // an arrival is an instant (events.yaml, instant): the length is of the
                     // supplies or the flight, not of the landing
                     "Putin arrived in Pyongyang with food for two days.",
                     "Putin landed in Pyongyang after a flight of eight hours.",
                     // the adjective modifies another noun: a function word or a possessive lies
                     // between it and the trigger
                     "The two-hour documentary about Putin's visit aired on Wednesday.",
                     "State TV ran 24-hour coverage of Putin's visit.",
                 });
}

TEST_CASE("duration: pending negatives", "[.][duration][pending]") {
  check_negative(claim_kind::duration,
                 {
                     // duration.length: "of" after "the result" attaches to the visit before it.
                     "Putin said his visit to Pyongyang was the result of 24 years of friendship.",
                 });
}
