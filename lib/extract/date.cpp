// Calendar dates tied to the events they date.
//
// The dates of a sentence come from extract/date_parse (every form and its rule id is listed
// there: "June 19, 2024", "Wednesday (June 19)", "July 2000", "September last year", "24 years to
// the day", ...); which event each dates, its actor, place, modality and attribution come from
// extract/event_context, as for clock times: the nearest trigger before the date within 24
// tokens, else one shortly after it. Then:
//   - "24 years to the day since his last visit": a date followed by a since-word
//     (events.yaml, event_dates.since) dates the event named right after it, not the one before;
//   - an event whose vocabulary says `dated_as` gives its date to that event's slot: the day
//     Putin arrived is the day his visit began ("visit:putin@pyongyang", attribute "date");
//   - an event that spans days (a visit) has a date of its own only when the date names its
//     first day ("a visit for two days starting on Tuesday") or a past or future occasion ("his
//     last visit, in July 2000"); "Putin's visit on Thursday" says only that it was under way;
//   - a date line or time stamp ("MOSCOW, June 18 (Wire) - ...", "Updated 18 Jun 2024: ...") and a
//     date after an offset word ("a week after the June 12 celebrations") date something else;
//   - a date the context cannot resolve ("on Tuesday" in a document with no publication date)
//     gives no claim: it is never guessed;
//   - the claim's occasion is the year of the date, or the publication year when the date lies
//     within a month of publication (extract/occasion.hpp);
//   - the claim's zone is the one the date is counted in: the publication's for a date resolved
//     against it, else the event place's (claim::zone; the reconciler's timezone check);
//   - a weekday written with the date ("Wednesday, July 19, 2000") is kept in claim::weekday for
//     the reconciler's calendar check;
//   - "that day" resolves against the last day-grain date of the document read so far.
// It runs as a part of extract/event_pass, which scans and reads the dates of each sentence once
// for every event extractor. Cost: linear in the tokens of sentences with an event trigger.
#include "crosscheck/extract.hpp"
#include "extract/date_parse.hpp"
#include "extract/event_context.hpp"
#include "extract/event_pass.hpp"
#include "extract/lexical.hpp"
#include "extract/occasion.hpp"
#include "extract/year_text.hpp"

namespace crosscheck {
namespace {

constexpr std::size_t max_since_reach = 5;  // tokens from "since" to the event it names
constexpr std::size_t max_start_cue = 3;    // tokens from a start cue to the date
constexpr std::size_t max_stamp_start = 6;  // a date line's date lies within the first words
constexpr std::size_t max_stamp_bracket = 60;  // bytes of "(Agency)" after a date line's date

class date_part final : public detail::event_part {
 public:
  explicit date_part(const rule_set& rules) : rules_(rules) {
    for (const auto& w : rules.event_dates.start_cues) start_cues_.insert(w);
    for (const auto& w : rules.event_dates.since) since_.insert(w);
    for (const auto& e : rules.events) dated_as_.push_back(e.dated_as.empty() ? e.id : e.dated_as);
    for (const std::string_view id : detail::date_rule_ids()) rule_texts_.emplace_back(id, shared_string(id));
    detail::shared_years();  // made now, so that no document pays for the table of year texts
  }

  claim_kind kind() const noexcept override { return claim_kind::date; }

  void sentence(const detail::sentence_input& in, std::vector<claim>& out) const override {
    for (const auto& m : in.dates)
      if (m.value) emit(in, m, out);  // unresolved: never guessed
  }

 private:
  // "24 years to the day since his last visit": the trigger a few words after a since-word.
  std::optional<std::size_t> trigger_after_since(const detail::event_scan& sc, const detail::date_mention& m) const {
    if (m.last >= sc.toks().size() || !since_.contains(sc.toks()[m.last])) return std::nullopt;
    for (std::size_t k = 0; k < sc.triggers.size(); ++k)
      if (sc.triggers[k].tok > m.last && sc.triggers[k].tok <= m.last + max_since_reach && sc.actors[k]) return k;
    return std::nullopt;
  }

  // "for two days starting on Tuesday", or "began his state visit ... on Wednesday": a start cue
  // shortly before the date or before the trigger.
  bool after_start_cue(const detail::event_scan& sc, const detail::date_mention& m, std::size_t trig) const {
    for (std::size_t k = m.first >= max_start_cue ? m.first - max_start_cue : 0; k < m.first; ++k)
      if (start_cues_.contains(sc.toks()[k])) return true;
    for (std::size_t k = trig >= max_start_cue ? trig - max_start_cue : 0; k < trig; ++k)
      if (start_cues_.contains(sc.toks()[k])) return true;
    return false;
  }

  // "MOSCOW, June 18 (Test Wire) - ...", "Updated 18 Jun 2024: ...": a date line or a time
  // stamp near the sentence's start, followed by a colon or a dash (after an optional bracket).
  static bool is_stamp(std::string_view t, const detail::event_scan& sc, const detail::date_mention& m) {
    if (m.first > max_stamp_start) return false;
    const std::size_t end = sc.sen->normalized.end;
    std::size_t p = m.end;
    auto skip_spaces = [&] {
      while (p < end && (t[p] == ' ' || t[p] == '\t')) ++p;
    };
    skip_spaces();
    if (p < end && t[p] == '(') {
      const std::size_t close = t.substr(p, max_stamp_bracket).find(')');
      if (close == std::string_view::npos) return false;
      p += close + 1;
      skip_spaces();
    }
    if (p >= end) return false;
    if (t[p] == ':') return true;
    return p > m.end && t[p] == '-' && p + 1 < end && t[p + 1] == ' ';  // " - ", not "June 18-20"
  }

  // "arrived a week after the June 12 celebrations", "landed before June 20": a date after an
  // offset word dates something else ("since July 2000", right before the date, is the event's).
  bool offset_between(const detail::sentence_input& in, std::size_t from, const detail::date_mention& m) const {
    for (std::size_t k = from; k < m.first; ++k)
      if (const auto len = in.events.offset_at(in.sc.toks(), k); len && !(k + len == m.first && since_.contains(in.sc.toks()[k])))
        return true;
    return false;
  }

  void emit(const detail::sentence_input& in, const detail::date_mention& m, std::vector<claim>& out) const {
    const document& doc = in.doc;
    const std::string_view t = in.text;
    detail::event_scan& sc = in.sc;
    const detail::event_context& events_ = in.events;
    if (is_stamp(t, sc, m)) return;
    std::optional<std::size_t> k = trigger_after_since(sc, m);
    if (!k) {
      k = events_.attach(t, sc, m.first, m.last);
      if (k && sc.triggers[*k].tok < m.first && offset_between(in, sc.triggers[*k].tok + sc.triggers[*k].len, m)) return;
    }
    if (!k) return;
    const auto event = static_cast<std::size_t>(sc.triggers[*k].event);
    const date_value& v = *m.value;
    const bool current = detail::is_current(v, doc.published.date);
    if (rules_.events[event].spans_days && current && !after_start_cue(sc, m, sc.triggers[*k].tok)) return;
    // Built where it stays, with nothing left to fail: no move into `out`, no moved-from claim to destroy.
    claim& c = out.emplace_back();
    c.kind = claim_kind::date;
    const auto place = events_.place_of(sc, *k);
    c.subject = events_.subject(sc, *k, place, dated_as_[event]);
    if (m.relative && doc.published.offset) c.zone = doc.published.offset;
    else if (place) c.zone = rules_.places[*place].zone;
    else c.zone = doc.published.offset;
    c.subject_text = detail::event_context::actor_text(sc, *k);
    c.attribute = attribute_;
    c.occasion = detail::occasion_of(v, doc.published.date);
    c.val = v;
    c.mod = events_.modality_of(t, sc, *k);
    c.weekday = m.weekday;
    c.rule = rule_text(m.rule);
    detail::event_context::fill_evidence(doc, sc, {m.begin, m.end}, c);
    c.ev.attribution = events_.attribution(t, sc, m.first, m.last, m.end);
  }

  // The claim text of a rule id, made once (a copy only counts a reference); the ids are static
  // strings of date_parse.cpp, most often the very ones listed.
  shared_string rule_text(std::string_view rule) const {
    for (const auto& [id, text] : rule_texts_)
      if (id.data() == rule.data()) return text;
    for (const auto& [id, text] : rule_texts_)
      if (id == rule) return text;
    return shared_string(rule);
  }

  const rule_set& rules_;
  std::vector<std::pair<std::string_view, shared_string>> rule_texts_;  // by date_rule_ids()
  detail::word_set start_cues_, since_;
  std::vector<std::string> dated_as_;  // by event index
  shared_string attribute_{"date"};  // every claim's, made once: a copy only counts a reference
};

}  // namespace

std::unique_ptr<detail::event_part> detail::make_date_part(const rule_set& rules) {
  return std::make_unique<date_part>(rules);
}

}  // namespace crosscheck
