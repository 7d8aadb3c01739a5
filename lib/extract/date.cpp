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
//   - a date the context cannot resolve ("on Tuesday" in a document with no publication date)
//     gives no claim: it is never guessed;
//   - the claim's occasion is the year of the date, or the publication year when the date lies
//     within a month of publication (extract/occasion.hpp);
//   - a weekday written with the date ("Wednesday, July 19, 2000") is kept in claim::weekday for
//     the reconciler's calendar check;
//   - "that day" resolves against the last day-grain date of the document read so far.
// It runs as a part of extract/event_pass, which scans and reads the dates of each sentence once
// for every event extractor. Cost: linear in the tokens of sentences with an event trigger.
#include <unordered_set>

#include "crosscheck/extract.hpp"
#include "extract/date_parse.hpp"
#include "extract/event_context.hpp"
#include "extract/event_pass.hpp"
#include "extract/lexical.hpp"
#include "extract/occasion.hpp"

namespace crosscheck {
namespace {

constexpr std::size_t max_since_reach = 5;  // tokens from "since" to the event it names
constexpr std::size_t max_start_cue = 3;    // tokens from a start cue to the date

class date_part final : public detail::event_part {
 public:
  explicit date_part(const rule_set& rules) : rules_(rules) {
    for (const auto& w : rules.event_dates.start_cues) start_cues_.insert(w);
    for (const auto& w : rules.event_dates.since) since_.insert(w);
    for (const auto& e : rules.events) dated_as_.push_back(e.dated_as.empty() ? e.id : e.dated_as);
  }

  claim_kind kind() const noexcept override { return claim_kind::date; }

  void sentence(const detail::sentence_input& in, std::vector<claim>& out) const override {
    for (const auto& m : in.dates)
      if (m.value) emit(in, m, out);  // unresolved: never guessed
  }

 private:
  // "24 years to the day since his last visit": the trigger a few words after a since-word.
  std::optional<std::size_t> trigger_after_since(const detail::event_scan& sc, const detail::date_mention& m) const {
    if (m.last >= sc.toks.size() || !since_.contains(sc.toks[m.last])) return std::nullopt;
    for (std::size_t k = 0; k < sc.triggers.size(); ++k)
      if (sc.triggers[k].tok > m.last && sc.triggers[k].tok <= m.last + max_since_reach && sc.actors[k]) return k;
    return std::nullopt;
  }

  bool after_start_cue(const detail::event_scan& sc, const detail::date_mention& m) const {
    for (std::size_t k = m.first >= max_start_cue ? m.first - max_start_cue : 0; k < m.first; ++k)
      if (start_cues_.contains(sc.toks[k])) return true;
    return false;
  }

  void emit(const detail::sentence_input& in, const detail::date_mention& m, std::vector<claim>& out) const {
    const document& doc = in.doc;
    const std::string_view t = in.text;
    detail::event_scan& sc = in.sc;
    const detail::event_context& events_ = in.events;
    std::optional<std::size_t> k = trigger_after_since(sc, m);
    if (!k) k = events_.attach(t, sc, m.first, m.last);
    if (!k) return;
    const auto event = static_cast<std::size_t>(sc.triggers[*k].event);
    const date_value& v = *m.value;
    const bool current = detail::is_current(v, doc.published.date);
    if (rules_.events[event].spans_days && current && !after_start_cue(sc, m)) return;
    claim c;
    c.kind = claim_kind::date;
    c.subject = events_.subject(sc, *k, events_.place_of(sc, *k), dated_as_[event]);
    c.subject_text = sc.actors[*k]->text;
    c.attribute = "date";
    c.occasion = detail::occasion_of(v, doc.published.date);
    c.val = v;
    c.mod = sc.modalities[*k];
    c.weekday = m.weekday;
    c.rule = m.rule;
    detail::event_context::fill_evidence(doc, sc, {m.begin, m.end}, c);
    c.ev.attribution = events_.attribution(t, sc, m.first, m.last, m.end);
    out.push_back(std::move(c));
  }

  const rule_set& rules_;
  detail::word_set start_cues_, since_;
  std::vector<std::string> dated_as_;  // by event index
};

}  // namespace

std::unique_ptr<detail::event_part> detail::make_date_part(const rule_set& rules) {
  return std::make_unique<date_part>(rules);
}

}  // namespace crosscheck
