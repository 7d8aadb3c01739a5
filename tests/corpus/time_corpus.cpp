// The living spec of the time extractor (claim_kind::time_of_day), in the way of Duckling's corpora.
//
// What it does. In each sentence the extractor looks for a clock time ("2:46 a.m.", "02:22",
// "14.20 BST", "noon", "after 2 am", "in the early hours") tied to an event trigger from
// data/events.yaml ("arrived", "landed", "touched down", "Putin's arrival"; "left", "took off").
// The trigger is the nearest one before the time (within 24 words), else one shortly after it
// ("At 16:24 KST on Wednesday, Putin left ...", within 8 words). The claim it makes is:
//
//   subject    "<event>:<actor>[@<place>]", all lower case: "arrival:putin@pyongyang".
//              <event> is the event id from events.yaml; <actor> the last word of the name
//              before the trigger ("Russian President Vladimir Putin arrived" -> putin; a
//              possessive "Putin's plane landed" counts; a pronoun "He arrived" or a possessive
//              common noun "the president's plane" refers back to the last actor named;
//              "the Russian president" refers to the person a title named earlier in the
//              document, "Russian President Vladimir Putin", and gives no claim when none did);
//              <place> the canonical name of the first place from places.yaml after the
//              trigger ("North Korea" -> pyongyang), left out when the sentence names none.
//   value      a clock_time interval, printed "02:46+09:00", "02h+09:00" (hour precision),
//              "after 02:00+09:00", "00:00-06:00+09:00". The zone is the one written after the
//              time ("BST", "Moscow time") if any, else the place's, else the offset of the
//              document's publication time, else none ("02:46").
//   modality   scheduled / planned / expected when the few words before the trigger say so
//              ("was scheduled to arrive"), else reported.
//   attribution "according to X" / "citing X" -> X; "X reported that ..." / "..., X said." -> X;
//              both -> "X, citing Y".
//   evidence   the exact words of the time, with their byte offset in the file: [brackets]
//              below mark them and check_corpus compares text and offset.
//
// A time that dates a statement ("The Kremlin announced at 3 a.m. that Putin had arrived") or
// stands with no event or no actor gives no claim; the negative corpus at the end lists such
// sentences and look-alikes of clock times (decimals, scores, years, phone and page numbers).
#include <catch2/catch.hpp>

#include "support/corpus.hpp"

using crosscheck::claim_kind;
using crosscheck::clock_time;
using crosscheck::modality;
using crosscheck::utc_offset;
using crosscheck_test::attributed;
using crosscheck_test::check_corpus;
using crosscheck_test::check_negative;
using crosscheck_test::corpus_entries;
using crosscheck_test::corpus_entry;
using crosscheck_test::examples;
using crosscheck_test::expect;
using crosscheck_test::with_modality;

namespace {

const utc_offset kst{9 * 60};  // Pyongyang, Seoul, Yakutsk; KST
const utc_offset msk{3 * 60};  // Moscow
const utc_offset ict{7 * 60};  // Hanoi
const utc_offset bst{60};      // British Summer Time
const utc_offset gmt{0};

using zone = std::optional<utc_offset>;

clock_time at(int h, int m, zone z = {}) { return clock_time::at(h, m, z); }
// "2 a.m.": the hour as stated, [02:00, 03:00), printed "02h".
clock_time hour(int h, zone z = {}) { return {h * 60, h * 60 + 60, clock_time::precision::hour, z, {}}; }
clock_time after(int h, int m, zone z = {}) { return clock_time::after(h, m, z); }
clock_time span(int from_h, int from_m, int to_h, int to_m, zone z = {}) {
  return clock_time::span(from_h * 60 + from_m, to_h * 60 + to_m, z);
}
// A phrasing read in a document published at a given time ("2024-06-19T16:24:00+09:00").
corpus_entry published_at(corpus_entry e, std::string when) {
  e.published = std::move(when);
  return e;
}

}  // namespace

// Clock times as outlets write them: 12-hour with a.m./p.m. in all spellings, 24-hour with a
// colon, the hour alone, noon and midnight (the dotted "2.46am" and "14.20 BST" are below).
// In Pyongyang, so +09:00.
TEST_CASE("time: clock formats", "[corpus][time]") {
  const corpus_entries corpus = {
      examples(expect("arrival:putin@pyongyang", at(2, 46, kst)),
               {
                   // wire copy
                   "Putin arrived in Pyongyang at [2:46 a.m.] on Wednesday.",
                   // no space before the meridiem
                   "Putin arrived in Pyongyang at [2:46a.m.] on Wednesday.",
                   "Russian President Vladimir Putin arrived in North Korea at [2:46 a.m.], kicking off a two-day "
                   "state visit.",
                   "PYONGYANG, June 19 (Test Wire) - Russian President Vladimir Putin landed in Pyongyang at "
                   "[2:46 am] on Wednesday.",
                   // the time after the date, with the wire's GMT conversion in 4-digit form (not a second time)
                   "Putin arrived in Pyongyang on Wednesday at [2:46 a.m.] (1746 GMT Tuesday).",
                   // a time in brackets right after the time restates it in another zone: no second claim
                   "Putin landed in Pyongyang at [2:46 am] (17:46 GMT Tuesday), the Kremlin said.",
                   // 24-hour right after the place
                   "Putin landed in Pyongyang [02:46] Wednesday.",
                   // headlines, sentence case and title case
                   "Putin lands in Pyongyang at [2:46am] for first visit in 24 years",
                   "Putin Touches Down in North Korea at [2:46 AM]",
                   // 24-hour, no meridiem
                   "Putin's Il-96 touched down at Pyongyang Sunan International Airport at [02:46].",
                   // translated state media: the name, then an apposition between commas
                   "Vladimir Vladimirovich Putin, President of the Russian Federation, arrived in Pyongyang at "
                   "[2:46] on June 19, Juche 113 (2024), by his special plane.",
                   // the event as a noun with a possessive subject, and the time before the noun
                   "Putin's arrival at Sunan airport at [2:46 a.m.] was shown live on state television.",
                   "Putin's [2:46 a.m.] arrival in Pyongyang was shown live on state television.",
                   // curly apostrophe and a non-breaking space: the evidence quotes the file's own bytes
                   "Putin\u2019s plane landed in Pyongyang at [2:46\u00a0a.m.] on Wednesday.",
               }),
      examples(expect("arrival:putin@pyongyang", at(2, 22, kst)),
               {
                   "Putin's plane landed in Pyongyang at [2:22 am], flight-tracking data showed.",
                   "Putin's plane landed at Sunan Airport at [02:22] on Wednesday.",
               }),
      // The hour alone has hour precision: [02:00, 03:00), printed "02h".
      examples(expect("arrival:putin@pyongyang", hour(2, kst)),
               {
                   "Putin touched down in Pyongyang at [2 a.m.] on Wednesday, Yonhap said.",
                   "Putin landed in North Korea at [2am].",
               }),
      // Noon and midnight are clock times written in words.
      examples(expect("arrival:putin@pyongyang", at(12, 0, kst)),
               {
                   "Putin's motorcade arrived at the Kumsusan Palace of the Sun in Pyongyang at [noon].",
               }),
      examples(expect("departure:putin@yakutsk", at(0, 0, kst)),
               {
                   "Putin's plane finally took off from Yakutsk at [midnight].",
               }),
  };
  check_corpus(claim_kind::time_of_day, corpus);
}

// Words around a time that bound or blur it (data/time.yaml: hedges and vague phrases).
TEST_CASE("time: hedged and vague times", "[corpus][time]") {
  const corpus_entries corpus = {
      examples(expect("arrival:putin@pyongyang", after(2, 0, kst)),
               {
                   // "Pyongyang's": places are found in the possessive too
                   "Putin's plane touched down at Pyongyang's Sunan airport [after 2 am] on Wednesday.",
                   "Putin landed in North Korea [shortly after 2 a.m.], Russian news agencies reported.",
                   "Putin arrived in Pyongyang [just after 2 a.m. local time].",
               }),
      // "about" widens the time by 15 minutes on each side: [09:15, 09:46).
      examples(expect("departure:putin@pyongyang", span(9, 15, 9, 46, kst)),
               {
                   "Putin left Pyongyang at [about 9:30 a.m.] on Thursday, bound for Hanoi.",
                   "Putin departed from Pyongyang [around 9:30 am].",
               }),
      examples(expect("arrival:putin@pyongyang", span(11, 30, 12, 30, kst)),
               {
                   "Putin's motorcade arrived at Kim Il Sung Square in Pyongyang [around noon].",
               }),
      examples(expect("arrival:putin@pyongyang", span(0, 0, 6, 0, kst)),
               {
                   "Putin landed in Pyongyang [before dawn] on Wednesday.",
                   "Putin touched down in North Korea [in the early hours] of Wednesday, state media said.",
                   "Live: Putin has landed in Pyongyang [in the early hours local time]",
               }),
      examples(expect("arrival:putin@pyongyang", span(0, 0, 9, 0, kst)),
               {
                   "Russian President Vladimir Putin arrived in Pyongyang [early on] Wednesday morning.",
               }),
      // Evenings: "late on Tuesday", "late Tuesday", "in the evening" (data/time.yaml, vague).
      examples(expect("departure:putin@yakutsk", span(18, 0, 24, 0, kst)),
               {
                   "Putin left Yakutsk [late on] Tuesday.",
                   "Putin flew out of Yakutsk [late Tuesday], bound for Pyongyang.",
               }),
      examples(with_modality(expect("arrival:putin@pyongyang", span(17, 0, 24, 0, kst)), modality::planned),
               {
                   "The Kremlin had said Putin would arrive in Pyongyang on the [evening] of June 18.",
                   "Putin will land in Pyongyang [in the evening], his aide said.",
               }),
      // "before midnight" ends at the day's end.
      examples(expect("departure:putin@yakutsk", clock_time::before(24, 0, kst)),
               {
                   "Putin flew out of Yakutsk [shortly before midnight].",
               }),
  };
  check_corpus(claim_kind::time_of_day, corpus);
}

// The zone: written after the time; else the place's (data/places.yaml); else the offset of
// the document's publication time; else none.
TEST_CASE("time: zones", "[corpus][time]") {
  const corpus_entries corpus = {
      // A zone written after the time wins over the place.
      examples(expect("departure:putin@pyongyang", at(14, 20, bst)),
               {
                   "Putin took off from Pyongyang at [14.20 BST], according to the flight-tracking website "
                   "Flightradar24.",
               }),
      examples(expect("departure:putin@pyongyang", at(16, 24, kst)),
               {
                   "Putin's plane took off from Sunan airport at [16:24 KST].",
               }),
      examples(expect("departure:putin@moscow", at(7, 9, msk)),
               {
                   "Putin left Vnukovo airport at [7:09 a.m. Moscow time] on Tuesday.",
                   "Putin departed Moscow at [7:09 a.m.]",
               }),
      // as a Seoul outlet gives a time abroad
      examples(expect("departure:putin@moscow", at(13, 9, kst)),
               {
                   "Putin departed Vnukovo at [1:09 p.m. Seoul time].",
               }),
      // a zone named after a place is not the place of the event
      examples(expect("departure:putin", at(7, 9, msk)),
               {
                   "Putin's plane took off at [7:09 a.m. Moscow time]",
               }),
      // "local time" is the place's zone.
      examples(expect("departure:putin@hanoi", at(13, 35, ict)),
               {
                   "Putin departed Hanoi at [1:35 p.m. local time] on Thursday.",
                   "Putin's plane left Vietnam at [13:35 local time].",
               }),
      // A time before its trigger.
      examples(expect("departure:putin", at(16, 24, kst)),
               {
                   "At [16:24 KST] on Wednesday, Putin left the Kumsusan palace.",
               }),
      examples(expect("arrival:putin@pyongyang", at(14, 46, bst)),
               {
                   "At [14.46 BST] Putin landed in Pyongyang.",
               }),
      // No place: the zone of the publication time (the document was published at 16:24 +09:00).
      published_at(examples(expect("arrival:putin", at(2, 22, kst)),
                            {
                                "Putin's plane touched down at [2:22 a.m.], according to flight-tracking data.",
                                "Putin's plane touched down at [02:22].",
                            }),
                   "2024-06-19T16:24:00+09:00"),
      // ... unless a zone is written.
      published_at(examples(expect("arrival:putin", at(17, 46, gmt)),
                            {
                                "Putin's plane touched down at [17:46 GMT] on Tuesday.",
                            }),
                   "2024-06-19T16:24:00+09:00"),
      // No place and a date-only publication: no zone in the value.
      examples(expect("arrival:putin", at(2, 22)),
               {
                   "Putin's plane touched down at [2:22 a.m.], according to flight-tracking data.",
                   "Putin's plane touched down at [02:22].",
               }),
  };
  check_corpus(claim_kind::time_of_day, corpus);
}

// Who the event is about: a name before the trigger, or a word that refers back to one.
TEST_CASE("time: subjects", "[corpus][time]") {
  const corpus_entries corpus = {
      examples(expect("arrival:putin@pyongyang", at(2, 46, kst)),
               {
                   // a pronoun refers to the actor of the event named in the sentence before
                   "Putin left Yakutsk on Tuesday. He arrived in Pyongyang at [2:46 a.m.] on Wednesday.",
                   "Putin departed from Yakutsk, in Russia's far east, on Tuesday night. His plane touched down "
                   "in Pyongyang at [2:46 a.m.]",
                   // a possessive common noun refers back too
                   "Russian President Vladimir Putin left Yakutsk on Tuesday. The president's plane "
                   "landed in Pyongyang at [2:46 a.m.]",
                   // AP style: the day between the name and the verb
                   "Putin on Wednesday arrived in Pyongyang at [2:46 a.m.] for talks with Kim Jong Un.",
                   // an apposition between commas; a place before the trigger is never the actor
                   "Putin, the first Russian leader to visit in 24 years, landed in Pyongyang at [2:46 a.m.]",
                   "Putin flew to North Korea and landed at [2:46 a.m.]",
                   "Putin flew into Pyongyang at [2:46 a.m.] on Wednesday.",
                   // a second verb with no name of its own shares the actor of the one before it
                   "Putin left Yakutsk on Tuesday and touched down in Pyongyang at [2:46 a.m.]",
                   // "the Russian president" refers to whom the title named earlier, not to the
                   // last name written ("Kim Jong Un" here)
                   "Russian President Vladimir Putin left Yakutsk on Tuesday. North Korean leader Kim Jong Un "
                   "waited at the airport. The Russian president's plane landed in Pyongyang at [2:46 a.m.]",
                   "Russian President Vladimir Putin was delayed. Kim Jong Un waited on the tarmac. The Russian "
                   "president arrived in Pyongyang at [2:46 a.m.]",
               }),
      examples(expect("arrival:un@pyongyang", at(2, 10, kst)),
               {
                   // a lower-case title before a name works the same way
                   "North Korean leader Kim Jong Un left Wonsan on Tuesday. Putin stayed in Yakutsk. The North "
                   "Korean leader arrived in Pyongyang at [2:10 a.m.]",
               }),
      examples(expect("arrival:lavrov@pyongyang", at(3, 10, kst)),
               {
                   "Foreign Minister Sergei Lavrov, who travelled separately, arrived in Pyongyang at [3:10 a.m.]",
               }),
  };
  check_corpus(claim_kind::time_of_day, corpus);
}

// Where the words come from: the attribution of the claim.
TEST_CASE("time: attribution", "[corpus][time]") {
  const corpus_entries corpus = {
      examples(attributed(expect("arrival:putin@pyongyang", at(2, 46, kst)), "a Kremlin statement posted on Telegram"),
               {
                   "Putin arrived in North Korea at [2:46 a.m.], according to a Kremlin statement posted on Telegram.",
               }),
      examples(attributed(expect("arrival:putin@pyongyang", at(2, 46, kst)), "TASS"),
               {
                   "TASS reported that Putin's plane touched down in Pyongyang at [2:46 a.m.]",
               }),
      examples(attributed(expect("arrival:putin@pyongyang", at(2, 46, kst)), "the Kremlin"),
               {
                   "Putin landed in Pyongyang at [2:46 a.m.], the Kremlin said.",
               }),
      // the verb before its source, after a quote or a clause
      examples(attributed(expect("arrival:putin@pyongyang", hour(3, kst)), "Peskov"),
               {
                   "\"Putin arrived in Pyongyang at [3 a.m.],\" said Peskov.",
               }),
      examples(attributed(expect("arrival:putin@pyongyang", at(2, 46, kst)), "the Kremlin"),
               {
                   "Putin landed in Pyongyang at [2:46 a.m.], said the Kremlin.",
               }),
      // a lone lower-case source: the colon of the clock time is not a clause boundary
      examples(attributed(expect("arrival:putin@pyongyang", at(2, 46, kst)), "officials"),
               {
                   "Putin arrived in Pyongyang at [2:46 a.m.], officials said.",
               }),
      examples(attributed(expect("arrival:putin@pyongyang", at(2, 31, kst)),
                          "South Korea's Yonhap news agency, citing a government source"),
               {
                   "South Korea's Yonhap news agency reported that Putin's aircraft landed in Pyongyang at "
                   "[2:31 a.m.], citing a government source.",
               }),
      examples(attributed(expect("arrival:putin@pyongyang", at(2, 31, kst)), "Interfax, citing flight-tracking data"),
               {
                   "Putin's plane landed in Pyongyang at [2:31 a.m.], Interfax said, citing flight-tracking data.",
               }),
      examples(attributed(expect("arrival:putin@pyongyang", at(2, 46, kst)), "Russian state media"),
               {
                   "Putin has landed in Pyongyang \u2013 at [2.46am local time], according to Russian state media.",
               }),
      // A plain report has no attribution.
      examples(attributed(expect("arrival:putin@pyongyang", at(2, 46, kst)), ""),
               {
                   "Putin arrived in Pyongyang at [2:46 a.m.] on Wednesday.",
               }),
  };
  check_corpus(claim_kind::time_of_day, corpus);
}

// Plans and expectations are claims too, marked as such (data/events.yaml: modality, in the
// few words before the trigger): the reconciler does not set a schedule against what happened.
TEST_CASE("time: modality", "[corpus][time]") {
  const corpus_entries corpus = {
      // a negation right before the verb denies the event; one in an earlier clause does not
      examples(with_modality(expect("arrival:putin@pyongyang", hour(20, kst)), modality::denied),
               {
                   "Putin did not arrive in Pyongyang at [8 p.m.] on Tuesday as the Kremlin had announced.",
                   "Putin's plane had not yet landed in Pyongyang at [8 p.m.] on Tuesday.",
               }),
      examples(with_modality(expect("arrival:putin@pyongyang", at(2, 46, kst)), modality::reported),
               {
                   "Putin, who had not slept since Yakutsk, arrived in Pyongyang at [2:46 a.m.]",
                   // a cue in another clause, or the month May, does not qualify the verb
                   "Putin, likely tired after the flight, arrived in Pyongyang at [2:46 a.m.]",
                   "Putin, not Lavrov, arrived in Pyongyang at [2:46 a.m.]",
                   "On May 5 Putin arrived in Pyongyang at [2:46 a.m.]",
               }),
      examples(with_modality(expect("arrival:putin@pyongyang", hour(20, kst)), modality::scheduled),
               {
                   "Putin was scheduled to arrive in Pyongyang at [8 p.m.] on Tuesday, but his departure from "
                   "Yakutsk was delayed.",
                   "Putin's plane was due to land in North Korea at [8 pm] on Tuesday.",
               }),
      // A second verb sharing the actor of a planned one is planned too.
      examples(with_modality(expect("arrival:putin@hanoi", hour(22, ict)), modality::scheduled),
               {
                   "Putin is due to leave Pyongyang on Wednesday and arrive in Hanoi at [10 p.m.]",
               }),
      examples(with_modality(expect("arrival:lavrov@hanoi", at(12, 0, ict)), modality::expected),
               {
                   "Lavrov is expected to arrive in Vietnam at [noon] on Thursday.",
               }),
      examples(with_modality(expect("departure:putin@pyongyang", hour(18, kst)), modality::planned),
               {
                   "Putin had planned to leave Pyongyang at [6 p.m.], a Kremlin aide said.",
               }),
      examples(with_modality(expect("arrival:putin@pyongyang", at(2, 46, kst)), modality::reported),
               {
                   "Putin arrived in Pyongyang at [2:46 a.m.] on Wednesday.",
               }),
  };
  check_corpus(claim_kind::time_of_day, corpus);
}

// One text, several claims: each time takes the nearest trigger before it, and each claim
// keeps its own attribution (two values for one arrival, as two outlets gave them).
TEST_CASE("time: several claims in one text", "[corpus][time]") {
  using crosscheck::to_string;
  SECTION("a departure and an arrival in one sentence") {
    const auto claims = crosscheck_test::extract(
        claim_kind::time_of_day, "Putin left Yakutsk at 8 p.m. on Tuesday and arrived in Pyongyang at 2:46 a.m.");
    REQUIRE(claims.size() == 2u);
    CHECK(claims[0].subject == "departure:putin@yakutsk");
    CHECK(to_string(claims[0].val) == "20h+09:00");
    CHECK(claims[1].subject == "arrival:putin@pyongyang");
    CHECK(to_string(claims[1].val) == "02:46+09:00");
  }
  SECTION("two values for one arrival, under two attributions") {
    const auto claims = crosscheck_test::extract(
        claim_kind::time_of_day,
        "Putin arrived in North Korea at 2:46 a.m., according to the Kremlin. Russian outlets reported that "
        "his plane had landed in Pyongyang at 2:22 a.m., citing flight trackers.");
    REQUIRE(claims.size() == 2u);
    CHECK(claims[0].subject == "arrival:putin@pyongyang");
    CHECK(claims[1].subject == "arrival:putin@pyongyang");
    CHECK(to_string(claims[0].val) == "02:46+09:00");
    CHECK(to_string(claims[1].val) == "02:22+09:00");
    CHECK(claims[0].ev.attribution == "the Kremlin");
    CHECK(claims[1].ev.attribution == "Russian outlets, citing flight trackers");
    CHECK(claims[0].rule == "time.event_clock");
  }
  SECTION("each time takes the attribution nearest after it") {
    const auto claims = crosscheck_test::extract(
        claim_kind::time_of_day,
        "Putin landed in Pyongyang at 2:46 a.m., according to the Kremlin, while Lavrov arrived in Pyongyang at "
        "3:10 a.m., according to TASS.");
    REQUIRE(claims.size() == 2u);
    CHECK(claims[0].ev.attribution == "the Kremlin");
    CHECK(claims[1].subject == "arrival:lavrov@pyongyang");
    CHECK(claims[1].ev.attribution == "TASS");
  }
  SECTION("hyphenated and spaced Korean names give one actor key") {
    const auto a = crosscheck_test::extract(claim_kind::time_of_day, "Kim Jong-un arrived in Hanoi at 8:15 a.m.");
    const auto b = crosscheck_test::extract(claim_kind::time_of_day, "Kim Jong Un arrived in Hanoi at 8:15 a.m.");
    REQUIRE(a.size() == 1u);
    REQUIRE(b.size() == 1u);
    CHECK(a[0].subject == "arrival:un@hanoi");
    CHECK(a[0].subject == b[0].subject);
  }
  SECTION("'the Russian president' with no title named before names nobody, not the last actor") {
    const auto claims = crosscheck_test::extract(
        claim_kind::time_of_day,
        "Lavrov arrived in Pyongyang at 1 a.m. on Wednesday. The Russian president arrived in Pyongyang at 2:46 a.m.");
    REQUIRE(claims.size() == 1u);
    CHECK(claims[0].subject == "arrival:lavrov@pyongyang");
  }
}

// In an extractor_set, titles are noted only when a sentence looks one up (the sentences before
// it are read then, from the document's shared tokens); the pass run alone notes them sentence
// by sentence. Both must find the title several sentences back, and the latest one of two.
TEST_CASE("time: a title looked up after several sentences, alone and in an extractor set", "[corpus][time]") {
  const auto doc = crosscheck_test::reference_document(
      "North Korean leader Kim Jong Un left Wonsan on Tuesday. Russian President Vladimir Putin left Yakutsk "
      "on Tuesday. Lavrov stayed in Moscow. Kim Jong Un waited at the airport. The Russian president's plane "
      "landed in Pyongyang at 2:46 a.m. Russian President Boris Yeltsin was not there. The Russian president "
      "arrived in Pyongyang at 3:10 a.m. The North Korean leader arrived in Pyongyang at 2:10 a.m.");
  const auto times = [](const std::vector<crosscheck::claim>& all) {
    std::vector<std::string> subjects;
    for (const auto& c : all)
      if (c.kind == claim_kind::time_of_day) subjects.push_back(std::string(c.subject));
    return subjects;
  };
  std::vector<crosscheck::claim> alone, in_set;
  crosscheck::make_event_extractor(crosscheck_test::rules())->extract(doc, alone);
  crosscheck::default_extractors(crosscheck_test::rules()).extract(doc, in_set);
  const std::vector<std::string> expected = {"arrival:putin@pyongyang", "arrival:yeltsin@pyongyang",
                                             "arrival:un@pyongyang"};
  CHECK(times(alone) == expected);
  CHECK(times(in_set) == expected);
}

// An actor's key is kept once per document and the actors copied per trigger only point at it,
// whether it is the word as written ("putin") or a folded one ("Kim Jong-un" -> "un"). Run alone,
// the pass reads each sentence into one buffer, overwritten by the next: a key made in the first
// sentence must still name its actor when "he" refers back to it four sentences later, and two
// actors' keys must not be mixed up, alone or in an extractor set.
TEST_CASE("time: actors' keys outlive their sentences, alone and in an extractor set", "[corpus][time]") {
  const auto doc = crosscheck_test::reference_document(
      "Kim Jong-un arrived in Pyongyang at 1:10 a.m. Russian President Vladimir Putin landed in Pyongyang at "
      "2:46 a.m. Lavrov stayed in Moscow. Kim Jong-un's convoy left Pyongyang at 4 a.m. Officials waited. He "
      "arrived in Seoul at 9 a.m. Putin left Pyongyang at 10 p.m.");
  const auto times = [](const std::vector<crosscheck::claim>& all) {
    std::vector<std::string> subjects;
    for (const auto& c : all)
      if (c.kind == claim_kind::time_of_day) subjects.push_back(std::string(c.subject) + " " + std::string(c.subject_text));
    return subjects;
  };
  std::vector<crosscheck::claim> alone, in_set;
  crosscheck::make_time_extractor(crosscheck_test::rules())->extract(doc, alone);
  crosscheck::default_extractors(crosscheck_test::rules()).extract(doc, in_set);
  // "He" is the last actor named, Kim Jong-un: the subject's text stays the words of the sentence
  // that named him.
  const std::vector<std::string> expected = {
      "arrival:un@pyongyang Kim Jong-un", "arrival:putin@pyongyang Russian President Vladimir Putin",
      "departure:un@pyongyang Kim Jong-un", "arrival:un@seoul Kim Jong-un", "departure:putin@pyongyang Putin"};
  CHECK(times(alone) == expected);
  CHECK(times(in_set) == expected);
}

// No time_of_day claim: times that date something else, and numbers that only look like times.
TEST_CASE("time: a past date in another clause does not make the time a past occasion", "[corpus][time]") {
  const auto claims = crosscheck_test::extract(
      claim_kind::time_of_day, "Putin, who first visited Pyongyang in July 2000, arrived at 2:46 a.m. on Wednesday.");
  REQUIRE(claims.size() == 1u);
  CHECK(claims[0].occasion == "2024");
}

// A live blog stamps each entry with the time it was posted: "10:42 GMT — ...", "10:42 BST: ...",
// "Updated 10:42 a.m. ET", or the time alone on its line. The stamp is not the time of the
// event the entry reports, and its zone is nobody's name; a time inside the entry still is.
TEST_CASE("time: a live blog's entry stamps", "[corpus][time]") {
  const corpus_entries corpus = {
      examples(expect("arrival:putin@pyongyang", at(2, 46, kst)),
               {
                   "10:42 GMT — Putin's plane landed in Pyongyang at [2:46 a.m.], state media said.",
                   "05:51 BST: Putin arrived in Pyongyang at [2:46 a.m.] on Wednesday.",
                   "Updated 2:15 p.m. ET — Putin touched down in Pyongyang at [2:46 a.m.].",
               }),
      // the meridiem glued to the digits, then a zone: one sentence, not two at "a.m."
      examples(expect("arrival:putin@pyongyang", at(2, 40, msk)),
               {
                   "At [2:40a.m. MSK], Putin arrived in Pyongyang, according to the foreign ministry.",
                   "10:42 GMT — At [2:40a.m. MSK], Putin arrived in Pyongyang.",
               }),
      // A time that opens a sentence but is no stamp: "At ...", or a comma after it.
      examples(expect("arrival:putin@pyongyang", at(10, 42, gmt)),
               {
                   "At [10:42 GMT] Putin's plane landed in Pyongyang.",
                   "[10:42 GMT] is when Putin's plane landed in Pyongyang, officials said.",
               }),
  };
  check_corpus(claim_kind::time_of_day, corpus);
  check_negative(claim_kind::time_of_day,
                 {
                     "10:42 GMT — Putin's plane landed in Pyongyang, state media said.",
                     "10:42 GMT - Putin's plane landed in Pyongyang.",
                     "14.20 BST: Putin arrived in Pyongyang, TASS reported.",
                     "Updated 10:42 a.m. ET Putin has arrived in Pyongyang.",
                     "10:42 a.m. ET — Putin's plane landed in Pyongyang.",
                     "10:42 ET — Putin's plane landed in Pyongyang.",
                     "Updated at 09.12 GMT: Indonesian President Prabowo Subianto has landed in Moscow.",
                     "Posted 23:05 KST — Kim greeted Putin as he arrived at the airport.",
                     "10:42 GMT\nPutin's plane landed in Pyongyang.",
                     // the stamp's zone is not the actor of the entry's event
                     "10:42 MSK — The visit to Pyongyang is the first in 24 years. The plane landed at 2:46 a.m.",
                 });
}

TEST_CASE("time: negatives", "[corpus][time]") {
  check_negative(claim_kind::time_of_day,
                 {
                     // the time of a statement, not of the event it reports
                     "The Kremlin announced at 3 a.m. that Putin had arrived.",
                     "The Kremlin said on its Telegram channel at 3:05 a.m. that Putin had landed in Pyongyang.",
                     "Peskov told reporters at 4 p.m. that Putin had arrived in good spirits.",
                     "Putin arrived in Pyongyang, the Kremlin said at 3 a.m.",
                     // a part of the day in an outlet's name
                     "MOSCOW, June 19 (The Evening Courier) - Putin began a state visit to Pyongyang.",
                     "Putin's plane landed in Pyongyang, the Evening Courier reported.",
                     // a time with no event
                     "The market in Pyongyang opened at 9:30 a.m.",
                     "Talks between the two leaders began around noon and lasted two hours.",
                     // an event with nobody to attach it to
                     "The plane landed at 2:22 a.m.",
                     // "the Russian president" with no title named before it: no actor, rather than
                     // the last name written
                     "Kim Jong Un waited on the tarmac. The Russian president landed in Pyongyang at 2:22 a.m.",
                     // decimals
                     "Temperatures in Hanoi reached 33.5 degrees on Wednesday.",
                     "The Russian rouble reached 14.20 against the yuan after Putin arrived.",
                     // scores, years, phone numbers, numbered parts, page numbers
                     "Spartak won 2:1 after the team arrived late in Moscow.",
                     "Putin arrived in Pyongyang in 2024 for the first time since 2000.",
                     "Putin last arrived in Pyongyang in 2000.",
                     "Travellers arriving in Pyongyang can call the embassy on +7 495 223 45 67.",
                     "Visitors who arrived in Seoul were told to call 02-2345-6789.",
                     "Article 4 of the treaty took effect when the delegations left Pyongyang.",
                     "Putin arrived in New York days after the 9/11 attacks.",
                     "Putin's arrival in Pyongyang is described on pages 12-13.",
                     // labels after a name: a flight number, a verse
                     "Flight 2:46 landed at Incheon on Wednesday.",
                     "Putin left the cathedral after a reading from John 3:16.",
                     // impossible clock times
                     "Putin's plane landed at 25:61, the flight log showed.",
                     "Putin arrived in Pyongyang at 13 p.m.",
                     // a bare number is not a time
                     "Putin arrived two hours late, at gate 12.",
                     "Some 2,000 people lined the road as Putin arrived.",
                     // a trigger too far before the time (over 24 words)
                     "Putin arrived in Pyongyang on Wednesday for discussions that officials in Seoul, Tokyo and Washington "
                     "had watched closely for weeks because of fears over arms transfers, and the main session "
                     "began at 10:30 a.m.",
                 });
}
