// crosscheck/rules.hpp: the vocabulary crosscheck works with, loaded from data/*.yaml.
//
// Code holds mechanisms; data holds words. Event triggers, attribution cues, time zones,
// places, abbreviations and source reliability priors are YAML files in one folder:
//
//   const auto rules = crosscheck::rule_set::load("data");   // throws rule_error
//   rules.merge_file("my-newsroom.yaml");                    // optional overrides
//
// Every file is checked at load: unknown keys, wrong types and out-of-range values raise
// rule_error with the file, line and column. Extraction never fails on vocabulary.
// A loaded rule_set is immutable in use and safe to share across threads.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/error.hpp"
#include "crosscheck/value.hpp"

namespace crosscheck {

namespace detail {
class word_index;
}

// An event and the words that signal it ("arrival": arrived, landed, touched down, ...).
struct event_vocabulary {
  std::string id;                      // "arrival"
  std::vector<std::string> triggers;   // lower case, one or more words, each inflection listed
  std::vector<std::string> nouns;      // "arrival", "landing": may take a possessive subject
  // The event lasts days (a visit): a date names its first day only after a start cue
  // ("a visit for two days starting on Tuesday"), or when it is a past occasion.
  bool spans_days = false;
  // The event's place is where it starts (a departure), so places after an origin cue ("left
  // from Yakutsk") are its own; for other events they are not ("arrived from Yakutsk").
  bool at_origin = false;
  // The event is an instant (an arrival, a signing): it has a time and a date, never a length.
  bool instant = false;
  // The event whose date this one's date is ("arrival" -> "visit": the day he arrived is the
  // day his visit began); empty: its own.
  std::string dated_as;
};

// Words that tie dates to events (events.yaml, under `event_dates`).
struct event_date_vocabulary {
  std::vector<std::string> start_cues;  // "starting", "beginning": "a visit starting on Tuesday"
  std::vector<std::string> since;       // "since": "24 years to the day since his last visit"
  // "the day before he arrived", "two hours after Putin landed": a value followed by one of
  // these and then a trigger does not date that trigger.
  std::vector<std::string> offsets;
};

// Words for lengths of time (data/duration.yaml, under `durations`): "two-day visit", "for
// nearly 24 years", "several hours later than planned".
struct duration_vocabulary {
  struct unit_entry {
    std::string id;                  // "day"
    double seconds = 0;              // 86400
    std::vector<std::string> words;  // "day", "days"; the singular also in "two-day"
  };
  struct vague_number {
    std::string phrase;  // "several", "a few"
    double min = 0, max = 0;
  };
  std::vector<unit_entry> units;
  std::vector<vague_number> vague_numbers;
  // Hedges before the number: "about two hours", "nearly 24 years", "over two decades".
  std::vector<std::string> about, nearly, over, at_least, under;
  std::vector<std::string> half_before;  // "half an": "half an hour"
  std::vector<std::string> half_after;   // "and a half": "two and a half hours", "an hour and a half"
  std::vector<std::string> fillers;      // "full", "single": "a full day", "a single day"
  std::vector<std::string> change_cues;  // "cut short": "a two-day visit was cut short to a day" (the two days were the plan)
  double about_fraction = 0.15;  // "about n": n's rounding range widened to at least n +/- 15%
  // What the length measures.
  std::vector<std::string> length_cues;   // "for", "lasted", "cut short to": the event's length
  std::vector<std::string> gap_markers;   // "first": "his first visit in 24 years" (time since the last one)
  std::vector<std::string> gap_lead;      // "in", "for", "since": the words between a gap marker's event and the length
  std::vector<std::string> delay_after;   // "late", "later than planned": "an hour late"
  std::vector<std::string> delay_before;  // "delayed by": "delayed by two hours"
  std::vector<std::string> offset_after;  // "after", "before": "two hours after the talks began"
};

// A named place and the UTC offset of its local time (for times stated without a zone).
struct place_entry {
  std::string name;                    // canonical: "Pyongyang"
  std::vector<std::string> aliases;    // "Sunan Airport", "North Korea"
  utc_offset zone;
};

struct zone_entry {
  std::string name;                    // as written: "KST", "Moscow time", "GMT"
  utc_offset offset;
};

// A vague part of the day: "in the early hours" -> [0, 360).
struct vague_time_entry {
  std::string phrase;                  // lower case
  int begin = 0;                       // minutes since midnight
  int end = 0;                         // exclusive
};

struct attribution_vocabulary {
  std::vector<std::string> prepositions;    // "according to", "citing", "quoting": followed by the source
  std::vector<std::string> reporting_verbs; // "reported", "said", "announced": preceded by the source
};

struct segmentation_vocabulary {
  // Abbreviations whose period never ends a sentence ("Mr.", "Gen.", "No." before a number).
  std::vector<std::string> never_final;
  // Abbreviations whose period may end a sentence ("a.m.", "U.S."): it does unless the next word
  // is lower case, a number, or one of `continuations` (weekdays, months, zone words).
  std::vector<std::string> maybe_final;
  std::vector<std::string> continuations;
};

// Words around a time that bound or blur it ("after 2 a.m.", "around 2:20").
struct time_hedge_vocabulary {
  std::vector<std::string> after;   // "after", "shortly after", "just after"
  std::vector<std::string> before;  // "before", "shortly before"
  std::vector<std::string> about;   // "about", "around", "approximately"
  int about_minutes = 15;           // "about 2:20" -> [2:05, 2:35]
};

// Words near an event trigger that make it a plan rather than a report ("was scheduled to arrive").
struct modality_vocabulary {
  std::vector<std::string> scheduled;
  std::vector<std::string> planned;
  std::vector<std::string> expected;
  std::vector<std::string> denied;  // "did not arrive", "never landed"
};

// Closed-class English words the extractors need to tell names from sentence openers.
struct english_vocabulary {
  std::vector<std::string> function_words;  // capitalized at a sentence start, never a name: "The", "After"
  std::vector<std::string> pronouns;        // "he", "she", "his": refer back to the last named subject
  // Words that open a noun phrase ("the", "a"): a capitalized word after one modifies a noun
  // ("the Russian president") rather than naming a person.
  std::vector<std::string> determiners;
  // Words that open a phrase before the subject ("Before his arrival in North Korea, ..."): an
  // event inside it is not dated by a value after its closing comma.
  std::vector<std::string> openers;
  // Auxiliaries and adverbs between a source and its reporting verb ("the Kremlin had
  // announced"): not part of the source's name.
  std::vector<std::string> auxiliaries;
  // Peoples and nationality adjectives ("russian", "koreans"): capitalized, but never the name
  // of the person who acts.
  std::vector<std::string> demonyms;
  // Words that open another clause ("that", "which", "where", "but"): a length after one is not
  // the length of an event named before it ("a treaty that will remain in force for 20 years").
  std::vector<std::string> clause_openers;
};

// Words for calendar dates (data/date.yaml, under the key `dates`). The date reader composes
// them: "June 19, 2024", "Wed 19 Jun 2024", "September last year", "24 years to the day".
// Every word is stored in lower case.
struct date_vocabulary {
  // A month (number 1..12) or a weekday (number 0 = Sunday .. 6 = Saturday).
  struct name_entry {
    unsigned number = 0;
    std::vector<std::string> names;          // "september": also alone after a month cue ("in September")
    std::vector<std::string> abbreviations;  // "sep", "sept": only next to a day or year number
  };
  // A phrase naming a day, month or year counted from the publication date ("yesterday",
  // "last year", "earlier this month") or from the date in context ("that day").
  struct relative_entry {
    std::string phrase;
    date_value::grain unit = date_value::grain::day;
    int offset = 0;             // in units: -1 for "yesterday" and "last year"
    bool from_context = false;  // counted from the date the text is talking about
  };
  std::vector<name_entry> months;
  std::vector<name_entry> weekdays;
  std::vector<relative_entry> relative;
  std::vector<std::string> last_words;  // "last September", "last Tuesday"
  std::vector<std::string> next_words;  // "next May", "next Tuesday"
  std::vector<std::string> this_words;  // "this September"
  std::map<std::string, int, std::less<>> numbers;  // "two" -> 2, for "two years to the day"
  std::vector<std::string> day_units, month_units, year_units;  // "day", "days", ...
  std::vector<std::string> to_the_day;  // "to the day": "24 years to the day"
  std::vector<std::string> ago;         // "ago": "two years ago"
  std::vector<std::string> year_after;      // a bare four-digit number after these is a year ("in 2001")
  std::vector<std::string> month_after;     // a month name alone after these is a month ("in February")
  std::vector<std::string> past_after;      // ... the latest such month up to publication ("since September")
  std::vector<std::string> ordinal_after;   // "on the 19th"
  std::vector<std::string> noun_year_after; // "the 1961 treaty": a year before a noun after these
  std::vector<std::string> count_nouns;     // "2000 people", "a 1500 metre race": counts, not years
  std::vector<std::string> not_plural;      // words ending in -s that are not plural nouns ("towards")
  std::vector<std::string> future_cues;     // "will", "is expected to": a weekday alone is ahead, not behind
};

// How person names are compared (data/names.yaml, under `names`). See names.hpp.
struct name_vocabulary {
  // A rewrite applied to each lower-case, diacritic-free name part, in order, to get its
  // transliteration skeleton: "sergey" and "sergei" share one, "yury" and "yuri" too.
  struct rewrite {
    std::string from, to;
    bool at_end = false;  // only at the end of a part ("iy" -> "i": "yuriy" = "yuri")
  };
  std::vector<rewrite> transliteration;
  // Given names that are one name in other languages' spellings ("mikhail", "michael").
  std::vector<std::vector<std::string>> given_name_groups;
  std::vector<std::string> particles;           // "al", "bin", "van", "de": lower case, inside a name
  std::vector<std::string> patronymic_endings;  // "ovich", "evna": a middle part that may be left out
  std::vector<std::string> suffixes;            // "jr", "sr", "ii": dropped before comparing
  // Capitalized words that are never part of a person's name: heads of organisation and place
  // names ("square", "airport", "corporation", "party", "korea"). "Kim Il Sung Square" is a place.
  std::vector<std::string> stop_words;
  // A one-letter slip or a swap of two neighbouring letters counts as a likely misspelling only
  // in a part at least this long (short Korean syllables differ by one letter between people).
  std::size_t min_typo_length = 5;
};

// A role a person holds (data/roles.yaml, under `roles`): "Defense Minister", "Minister of
// Defence" and "defence minister" are one role.
struct role_entry {
  std::string id;                       // "defense_minister"
  std::vector<std::string> titles;      // lower case, as written before or after a name
  std::string parent;                   // a more general role ("minister"): both can hold at once
  // One holder per organisation at a time (a press secretary): when the corpus gives the role to
  // another person, a claim that this person holds it contradicts the roles this person is given.
  bool unique = false;
  std::vector<std::string> exclusive_with;  // roles nobody holds together with this one
};

// A known person (data/people.yaml, under `people`): picks the canonical spelling of a name
// the rules already matched, and lets a name one slip away from it, given a role the person
// held, be read as a misspelling of it (the rules decide the slip; the list holds no typos).
struct known_person {
  // A role held, with the years it was held when known ("defense_minister" from 2024).
  struct held_role {
    std::string role;          // role id
    std::string organisation;  // organisation id; empty: any
    int from_year = 0;         // 0: unknown
    int to_year = 0;           // 0: still held, or unknown
  };
  std::string name;                  // canonical spelling
  std::vector<std::string> aliases;  // other spellings and forms seen in print
  std::vector<held_role> roles;      // a spelling one slip away, given one of these roles, is this person
};

// Words around names and roles (data/roles.yaml).
struct people_vocabulary {
  std::vector<role_entry> roles;
  // An organisation or country before or after a title ("Kremlin press secretary", "Russian
  // Defense Minister", "Secretary of State of the US"): id and the words that name it.
  struct organisation {
    std::string id;
    std::vector<std::string> words;  // lower case
  };
  std::vector<organisation> organisations;
  std::vector<std::string> former_cues;      // "former", "then-", "ex-", "late": a role held at another time
  std::vector<std::string> delegation_cues;  // "accompanied by", "the delegation includes": a list of members follows
  std::vector<std::string> partial_cues;     // "and others", "among others": the list is not complete
  // Words between a name's comma and a title in apposition: "Xi Jinping, also general secretary".
  std::vector<std::string> apposition_fillers;
  // Words before a title that make its holder a deputy ("Deputy Foreign Minister"): the role is
  // "deputy_<id>", not the role deputised for.
  std::vector<std::string> deputy_words;
  std::vector<known_person> known;
};

// Numbers beyond the cardinals of date.yaml (data/numbers.yaml, under `numbers`): scales
// ("million", "bn"), ordinals ("first", "third"; "24th" is read from its digits), vague counts
// ("dozens of", "thousands of"), the words before a number that make it a label and not a count
// ("page 3", "No. 1", "photo 2"), and the nouns that are never counted ("comments", "views").
// Cardinals ("two", "twenty") come from dates.numbers and hedges from durations.hedges.
struct number_vocabulary {
  struct vague_count {
    std::string phrase;  // "thousands of"
    double min = 0, max = 0;
  };
  std::map<std::string, double, std::less<>> scales;  // "million" -> 1e6, "bil" -> 1e9
  std::map<std::string, int, std::less<>> ordinals;   // "first" -> 1
  std::vector<vague_count> vague;
  std::vector<std::string> labels;        // "page", "no", "photo": a number after one is a label
  std::vector<std::string> not_counted;   // "comments", "views": headline counters
  std::vector<std::string> ordinal_nouns; // "time", "round": "the third time" is a count claim
  std::vector<std::string> age_words;     // "aged", "age": a number after one is an age
  std::vector<std::string> definite;      // "the", "these": "the two leaders" refers back, it is no count
  std::vector<std::string> plural_irregular;  // "people", "children", "police": plural without -s
};

// Units of measurement (data/units.yaml, under `units`): each converts to a canonical unit,
// canonical = (value + offset) * factor ("91.4 Fahrenheit" -> 33 celsius).
struct unit_entry {
  std::string id;                    // "fahrenheit"
  std::string canonical;             // "celsius"; the id itself when empty
  double factor = 1;
  double offset = 0;
  std::vector<std::string> words;    // "fahrenheit", "degrees fahrenheit", "f"
  std::vector<std::string> symbols;  // "$", "US$": written before the number
  std::string measures;              // the dimension: "temperature", "mass", "money", ...
};
struct unit_vocabulary {
  std::vector<unit_entry> units;
  // What a quantity measures when the text names no "of" phrase: words per dimension
  // ("temperature": temperature, heat) that, in the sentence, name the subject.
  std::map<std::string, std::vector<std::string>, std::less<>> measures;
  std::vector<std::string> pair_openers;  // "(": "33 degrees Celsius (91.4 Fahrenheit)"
};

// Documents and their numbered parts (data/documents.yaml, under `documents`).
struct document_vocabulary {
  struct kind_entry {
    std::string id;                  // "treaty"
    std::vector<std::string> words;  // "treaty", "pact", "agreement", ...
  };
  struct part_entry {
    std::string id;                  // "article", "clause", "paragraph"
    std::vector<std::string> words;  // "article", "art", "articles"
  };
  struct provision_entry {
    std::string id;                    // "mutual_assistance"
    std::vector<std::string> phrases;  // "mutual assistance", "assistance to each other"
  };
  struct status_entry {
    std::string id;                    // "signed", "scrapped"
    std::vector<std::string> words;    // "signed", "concluded"
  };
  std::vector<kind_entry> kinds;
  std::vector<part_entry> parts;
  std::vector<provision_entry> provisions;
  std::vector<status_entry> statuses;
  std::vector<std::string> current;  // "new", "this": the document of the news (publication year)
};

class rule_set {
 public:
  // Loads every known file from `dir` (events.yaml, places.yaml, time.yaml, attribution.yaml,
  // segmentation.yaml, english.yaml, date.yaml, duration.yaml, names.yaml, roles.yaml, people.yaml,
  // sources.yaml, numbers.yaml, units.yaml, documents.yaml). Throws rule_error naming the
  // file and the problem.
  static rule_set load(const std::filesystem::path& dir);
  // Adds or overrides entries from one more YAML file with any of the same top-level keys
  // (a user's --config). Entries with the same id/name replace the loaded ones.
  void merge_file(const std::filesystem::path& file);

  std::vector<event_vocabulary> events;
  event_date_vocabulary event_dates;
  std::vector<place_entry> places;
  std::vector<std::string> origin_cues;  // "from": a place after one is where a trip began
  std::vector<std::string> destination_cues;  // "for", "bound for": a place right after one is where it goes
  std::vector<zone_entry> zones;
  std::vector<vague_time_entry> vague_times;
  std::vector<std::string> meridiem_am;   // "a.m.", "am", "a.m"
  std::vector<std::string> meridiem_pm;
  std::vector<std::string> local_time_words;  // "local time": the zone of the event's place
  std::vector<std::string> entry_stamp_words;  // "updated": a time after one opening a line stamps a live-blog entry
  time_hedge_vocabulary time_hedges;
  modality_vocabulary modality_cues;
  english_vocabulary english;
  attribution_vocabulary attribution;
  segmentation_vocabulary segmentation;
  date_vocabulary dates;
  duration_vocabulary durations;
  name_vocabulary names;
  people_vocabulary people;
  number_vocabulary numbers;
  unit_vocabulary units;
  document_vocabulary documents;
  std::map<std::string, double, std::less<>> source_reliability;  // outlet -> prior in (0, 1)
  double default_reliability = 0.7;

  // The vocabulary's words, interned with the lists each belongs to (internal: the extractors'
  // tokens carry their ids and list bits, so that a pass tests a bit where it looked a word up).
  // load() and merge_file() build it; after editing the lists above by hand, call index_words()
  // for the extractors built afterwards to be fast again (they are correct either way: a list
  // the index does not match exactly is looked up word by word).
  void index_words();
  const detail::word_index* word_ids() const noexcept { return word_ids_.get(); }
  // The same index, shared: an extractor keeps it alive even if these rules are indexed again.
  std::shared_ptr<const detail::word_index> shared_word_ids() const noexcept { return word_ids_; }

 private:
  std::shared_ptr<const detail::word_index> word_ids_;  // shared by copies; never changed once built
};

}  // namespace crosscheck
