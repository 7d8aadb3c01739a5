// crosscheck/claim.hpp: what one document states about one fact.
//
// A claim is a typed value about a subject's attribute ("the arrival of Putin" / "time" /
// 02:46+09:00), qualified (reported or planned; "about", "after"), with the evidence that
// lets a fact-checker find the exact words, and the id of the rule that produced it.
//
//   for (const crosscheck::claim& c : claims)
//     std::cout << c.subject << ' ' << c.attribute << ' ' << to_string(c.val)
//               << " <- \"" << c.ev.text << "\" (" << c.ev.document << ")\n";
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "crosscheck/shared_string.hpp"
#include "crosscheck/value.hpp"

namespace crosscheck {

// The kinds of claims, one extractor each.
// text: a short label compared as folded text (a gate, a terminal), for claims from outside.
enum class claim_kind { time_of_day, date, duration, count, quantity, person_name, person_role, article, text };
std::string_view to_string(claim_kind k) noexcept;
// Parses "time_of_day", "date", ...; false when unknown.
bool parse_claim_kind(std::string_view s, claim_kind& out) noexcept;

// How the text presents the fact.
enum class modality { reported, scheduled, planned, expected, delayed, denied };
std::string_view to_string(modality m) noexcept;
bool parse_modality(std::string_view s, modality& out) noexcept;

// A hedge on the value as written ("about two hours", "after 2 a.m.", "at least 10").
// The value's interval already reflects it; the hedge is kept for the report.
enum class hedge { none, about, after, before, at_least, at_most };
std::string_view to_string(hedge h) noexcept;
bool parse_hedge(std::string_view s, hedge& out) noexcept;

// Where a claim comes from.
struct evidence {
  shared_string document;       // document id
  shared_string source;         // the outlet that published the document
  std::size_t begin = 0;      // byte offsets of the claim's words in the original file
  std::size_t end = 0;
  shared_string text;           // those words, exactly as in the file
  shared_string sentence;       // the sentence around them, as in the file
  std::size_t sentence_begin = 0;
  shared_string attribution;    // "the Kremlin's Telegram channel"; empty when the text gives none
  bool repeated = false;      // the words stand in a block the page repeats (not independent)
};

// The outlet a claim comes from, or its document id when the outlet is unknown.
inline std::string_view outlet(const evidence& ev) noexcept {
  return ev.source.empty() ? std::string_view(ev.document) : std::string_view(ev.source);
}

struct claim {
  shared_string id;         // unique in a run: "<document>#<n>"
  claim_kind kind = claim_kind::time_of_day;
  shared_string subject;    // normalized key of what it is about: "arrival:putin"
  shared_string subject_text;  // the words naming the subject: "Putin's private plane"
  shared_string attribute;  // "time", "date", "length", "spelling", "role", ...
  // Which occurrence of the event: the year it happened in ("2024" for the visit being reported,
  // "2000" for the previous one), from the date the text gives it or, for a claim with no date
  // of its own, from the publication date; empty when neither is known. Claims about different
  // occasions are never compared ("he first arrived on July 19, 2000" vs "arrived on Wednesday").
  shared_string occasion;
  value val;
  modality mod = modality::reported;
  hedge hdg = hedge::none;
  // A weekday the text states with a date ("Wednesday, July 19, 2000"): 0 = Sunday .. 6 =
  // Saturday. The reconciler checks it against the calendar; a wrong one is a finding.
  std::optional<unsigned> weekday;
  // The zone a date is counted in: the publication's for a date resolved against it ("on
  // Tuesday" in a London live blog), else the event place's. Two dates a day apart counted in
  // zones that explain the day are not a conflict (an evening in Moscow is the next morning in
  // Pyongyang). Unset for other values, and when unknown.
  std::optional<utc_offset> zone;
  evidence ev;
  shared_string rule;       // id of the rule that produced it, e.g. "time.event_clock"
};

}  // namespace crosscheck
