// Lengths of time tied to the events they measure.
//
// A length is a number and a unit ("two days", "90 minutes", "24 years", "two decades"), a
// hyphenated adjective ("two-day", "24-hour", "nine-day"), or a vague number and a unit
// ("several hours", "a few days"), after an optional hedge ("about", "nearly", "over", "at
// least", "under"). Words come from data/duration.yaml; number words from date.yaml.
//
// Values are intervals of seconds. A stated number of units is the values that round to it:
// "two days" is [1.5, 2.5) days (stored closed, one second short), so that "two days" agrees
// with "48 hours" and "24 years" with "nearly 24 years". "about n" widens that by
// about_fraction; "nearly n" is [n - max(1, n/10), n]; "over n" and "at least n" are open
// above; "under n" is [0, n]; "several hours" is the vague number's range.
//
// Rules (ids in each claim's `rule`) and the attribute each gives, on the subject
// "<event>:<actor>[@<place>]" of the trigger it measures:
//   duration.adjective  "a two-day visit", "a nine-day marathon train journey", "90-minute talks":
//                       the adjective within three words before a trigger -> "length"
//   duration.length     "visit ... for two days", "talks lasted 90 minutes", "cut short to a day":
//                       after a length cue, measuring the trigger before it -> "length"
//   duration.gap        "his first visit to North Korea in 24 years", "the first ... for over two
//                       decades" (a gap marker before the trigger, a gap lead before the length);
//                       "24 years to the day since his last visit" -> "gap", the time since the
//                       event's previous occasion
//   duration.delay      "several hours later than planned", "an hour late", "delayed by two
//                       hours" -> "delay"
//   duration.offset     "about two hours after the leaders began their talks": measured from the
//                       trigger after "after"/"before" -> "time after" / "time before"
// A length with none of these roles gives no claim ("a two-year jail sentence", "for decades").
// Modality is the trigger's, or a cue between the trigger and the length ("is likely to be cut
// short to a day": expected). The occasion is that of a date the sentence gives the event
// (extract/occasion.hpp), else the publication year.
// Cost: linear in the tokens of sentences with a trigger.
#include <cmath>
#include <cstdint>

#include "crosscheck/extract.hpp"
#include "extract/date_parse.hpp"
#include "extract/event_context.hpp"
#include "extract/event_pass.hpp"
#include "extract/lexical.hpp"
#include "extract/number_parse.hpp"
#include "extract/occasion.hpp"
#include "extract/year_text.hpp"
#include "text/fold.hpp"

namespace crosscheck {
namespace {

using detail::phrase_matcher;
using detail::token;
using detail::token_span;

enum class bound { exact, about, nearly, over, at_least, under };

constexpr std::size_t max_adjective_gap = 3;  // words between "nine-day" and "journey"
constexpr std::size_t max_offset_reach = 6;   // from "after" to the trigger it names
constexpr std::size_t max_since_reach = 5;    // from "since" to the trigger it names
constexpr std::size_t max_change_reach = 10;  // from "two-day" to "was cut short"
constexpr std::size_t max_gap_marker = 5;     // from "first" to the trigger ("first time Putin has visited")
constexpr double max_duration_seconds = 1e11; // about 3,000 years

struct length_expr {
  std::size_t first = 0, last = 0;  // tokens [first, last), hedge included
  duration_value val;
  hedge hdg = hedge::none;
  bool adjective = false;  // "two-day"
};

class duration_part final : public detail::event_part {
 public:
  explicit duration_part(const rule_set& rules) : rules_(rules), numbers_(rules.dates.numbers, nullptr) {
    detail::shared_years();  // made now, so that no document pays for the table of year texts
    const auto& d = rules.durations;
    for (const auto& u : d.units)
      for (const auto& w : u.words) units_.set(w, u.seconds);
    for (std::size_t v = 0; v < d.vague_numbers.size(); ++v) vague_.add(d.vague_numbers[v].phrase, static_cast<int>(v));
    auto hedges = [&](const std::vector<std::string>& words, bound b) {
      for (const auto& w : words) hedges_.add(w, static_cast<int>(b));
    };
    hedges(d.about, bound::about);
    hedges(d.nearly, bound::nearly);
    hedges(d.over, bound::over);
    hedges(d.at_least, bound::at_least);
    hedges(d.under, bound::under);
    for (const auto& w : d.length_cues) length_cues_.add(w, 0);
    for (const auto& w : d.half_before) half_before_.add(w, 0);
    for (const auto& w : d.change_cues) change_cues_.add(w, 0);
    for (const auto& w : d.half_after) half_after_.add(w, 0);
    fillers_.insert(d.fillers.begin(), d.fillers.end());
    for (const auto& w : d.delay_after) delay_after_.add(w, 0);
    for (const auto& w : d.delay_before) delay_before_.add(w, 0);
    for (const auto& w : d.offset_after) offset_after_.add(w, 0);
    for (const auto& w : d.gap_lead) gap_lead_.add(w, 0);
    for (const auto& w : d.gap_markers) gap_markers_.insert(w);
    clause_openers_.insert(rules.english.clause_openers.begin(), rules.english.clause_openers.end());
    for (const auto& w : rules.event_dates.since) since_.insert(w);
    for (const auto& w : rules.dates.to_the_day) to_the_day_.add(w, 0);
    // The words a length can start with but for digits and hyphens: a number word, or the first
    // word of a hedge, a vague number or "half an".
    for (const auto& [w, n] : rules.dates.numbers) starts_.insert(w);
    const auto first_words = [&](const std::vector<std::string>& phrases) {
      for (const auto& p : phrases) {
        const std::size_t b = p.find_first_not_of(' ');
        if (b != std::string::npos) starts_.insert(detail::lower(std::string_view(p).substr(b, p.find(' ', b) - b)));
      }
    };
    for (const auto& v : d.vague_numbers) first_words({v.phrase});
    for (const auto* list : {&d.about, &d.nearly, &d.over, &d.at_least, &d.under, &d.half_before}) first_words(*list);
    detail::bind_roles(rules.word_ids(), starts_, units_, half_before_, half_after_, change_cues_, fillers_, vague_,
                       hedges_, length_cues_, delay_after_, delay_before_, offset_after_, gap_lead_, to_the_day_,
                       gap_markers_, since_, clause_openers_);
  }

  claim_kind kind() const noexcept override { return claim_kind::duration; }

  void sentence(const detail::sentence_input& in, std::vector<claim>& out) const override {
    const auto& toks = in.sc.toks();
    // No unit word and no hyphen in the sentence (scan() has ORed its tokens' bits): no length.
    if (!in.sc.hyphens && !units_.may_have(in.sc.roles)) return;
    // A length ends at a unit ("days") or is a hyphenated one ("two-day"); it starts at most
    // six words before that ("just under two and a half hours"). Only those starts are tried.
    std::vector<std::size_t>& units = in.sc.scratch;
    units.clear();
    // Four words with no unit's role bits and no hyphen are passed over on one test.
    const token* const tk = toks.data();
    const std::size_t n = toks.size();
    const std::uint64_t unit_roles = units_.role_mask();
    for (std::size_t u = 0; u < n; ++u) {
      if (u + 4 <= n && !((tk[u].roles | tk[u + 1].roles | tk[u + 2].roles | tk[u + 3].roles) & unit_roles) &&
          !(tk[u].has_hyphen | tk[u + 1].has_hyphen | tk[u + 2].has_hyphen | tk[u + 3].has_hyphen)) {
        u += 3;
        continue;
      }
      if (unit_of(tk[u]) > 0 || (tk[u].has_hyphen && hyphen_unit(tk[u].lower) > 0)) units.push_back(u);
    }
    if (units.empty()) return;
    std::size_t next = 0;  // the first unit at or after i
    for (std::size_t i = 0; i < toks.size(); ++i) {
      while (next < units.size() && units[next] < i) ++next;
      if (next == units.size()) break;
      if (units[next] > i + 6) {
        i = units[next] - 7;  // the loop's ++i lands six words before the unit
        continue;
      }
      // find_length() finds nothing at a word that starts no number, hedge or vague number.
      if (!toks[i].has_digit && !toks[i].has_hyphen && !starts_.contains(toks[i])) continue;
      const auto le = find_length(toks, i);
      if (!le) continue;
      emit(in, *le, out);
      i = le->last - 1;
    }
  }

 private:
  // A number written as digits ("24", "1.5") or words ("two", "twenty-four", "an"); 0 if none.
  double number_of(std::string_view w) const {
    const auto n = detail::parse_word_number(w, numbers_);
    return n.ok && n.suffix.empty() && n.rest.empty() && !n.ordinal ? n.value : 0;
  }

  // A unit word ("days", "hour"): its seconds, 0 if none.
  double unit_of(std::string_view w, std::uint64_t hash) const {
    const double* seconds = units_.find(w, hash);
    return seconds ? *seconds : 0;
  }
  double unit_of(std::string_view w) const { return unit_of(w, detail::word_hash(w)); }
  double unit_of(const token& t) const {
    const double* seconds = units_.find(t);  // a token with none of the units' role bits: one test
    return seconds ? *seconds : 0;
  }
  // The unit of a hyphenated adjective's last part ("two-day"), 0 if none.
  double hyphen_unit(std::string_view w) const {
    const auto dash = w.rfind('-');
    return dash == std::string_view::npos ? 0 : unit_of(w.substr(dash + 1));
  }

  std::optional<length_expr> find_length(token_span toks, std::size_t i) const {
    length_expr le;
    le.first = i;
    std::size_t j = i;
    bound b = bound::exact;
    if (const auto h = hedges_.longest_at(toks, i); h.length) {
      b = static_cast<bound>(h.payload);
      j = i + h.length;
    }
    if (j >= toks.size()) return std::nullopt;
    // Quick reject: no unit right after this word or the next two, and no "two-day".
    bool unit_near = toks[j].has_hyphen && hyphen_unit(toks[j].lower) > 0;
    for (std::size_t u = j + 1; u < toks.size() && u <= j + 5 && !unit_near; ++u) unit_near = unit_of(toks[u]) > 0;
    if (!unit_near) return std::nullopt;
    double lo = 0, hi = 0, unit = 0;
    bool vague = false;
    if (const auto v = vague_.longest_at(toks, j); v.length && j + v.length < toks.size()) {
      const auto& e = rules_.durations.vague_numbers[static_cast<std::size_t>(v.payload)];
      unit = unit_of(toks[j + v.length]);
      if (unit == 0) return std::nullopt;
      lo = e.min;
      hi = e.max;
      vague = true;
      le.last = j + v.length + 1;
    } else {
      const std::string_view w = toks[j].lower;
      const std::size_t dash = w.rfind('-');
      // "two-day", "24-hour", "twenty-four-hour": number parts, then the unit in the singular.
      if (dash != std::string_view::npos && (unit = unit_of(w.substr(dash + 1))) > 0) {
        const std::string_view num = w.substr(0, dash);
        lo = hi = number_of(num);
        le.adjective = true;
        le.last = j + 1;
      } else {
        // "two hours", "two and a half hours", "half an hour", "an hour and a half", "a full day".
        std::size_t u = j + 1;
        double n = number_of(w);
        if (const auto h = half_before_.longest_at(toks, j); h.length) {
          n = 0.5;
          u = j + h.length;
        } else if (const auto a = half_after_.longest_at(toks, u); n > 0 && a.length) {
          n += 0.5;
          u += a.length;
        }
        while (u < toks.size() && fillers_.contains(toks[u])) ++u;
        if (u >= toks.size() || (unit = unit_of(toks[u])) <= 0) return std::nullopt;
        le.last = u + 1;
        if (const auto a = half_after_.longest_at(toks, le.last); a.length && n == std::floor(n)) {
          n += 0.5;
          le.last += a.length;
        }
        lo = hi = n;
      }
      if (lo <= 0) return std::nullopt;
    }
    // From a count of units to an interval of seconds.
    double min = 0;
    std::optional<double> max;
    const double n = lo;
    switch (b) {
      case bound::exact:
      case bound::about: {
        double from = vague ? lo : n - 0.5, to = vague ? hi : n + 0.5;
        if (b == bound::about) {
          from = std::min(from, lo * (1 - rules_.durations.about_fraction));
          to = std::max(to, hi * (1 + rules_.durations.about_fraction));
          le.hdg = hedge::about;
        }
        min = from * unit;
        max = to * unit - (vague ? 0 : 1);  // [n - 0.5, n + 0.5): one second short, stored closed
        break;
      }
      case bound::nearly:
        min = (n - std::max(1.0, n / 10)) * unit;
        max = hi * unit;
        le.hdg = hedge::at_most;
        break;
      case bound::over:
        min = n * unit + 1;
        le.hdg = hedge::at_least;
        break;
      case bound::at_least:
        min = n * unit;
        le.hdg = hedge::at_least;
        break;
      case bound::under:
        min = 0;
        max = hi * unit;
        le.hdg = hedge::at_most;
        break;
    }
    if (min < 0) min = 0;
    if (min > max_duration_seconds || (max && *max > max_duration_seconds)) return std::nullopt;
    le.val = {std::round(min), max ? std::optional<double>(std::round(*max)) : std::nullopt};
    return le;
  }

  // The first trigger with an actor whose first token lies in (from, to].
  static std::optional<std::size_t> trigger_in(const detail::event_scan& sc, std::size_t from, std::size_t to) {
    for (std::size_t k = 0; k < sc.triggers.size(); ++k)
      if (sc.triggers[k].tok > from && sc.triggers[k].tok <= to) return sc.actors[k] ? std::optional<std::size_t>(k) : std::nullopt;
    return std::nullopt;
  }
  // The nearest trigger ending at or before token `first`.
  static std::optional<std::size_t> trigger_before(const detail::event_scan& sc, std::size_t first) {
    std::optional<std::size_t> pick;
    for (std::size_t k = 0; k < sc.triggers.size() && sc.triggers[k].tok + sc.triggers[k].len <= first; ++k) pick = k;
    return pick;
  }
  // "his first visit ... in 24 years", "The trip is Putin's first ... in 24 years": a gap marker
  // shortly before trigger k, or between it and the length at `first`.
  bool gap_marker_near(const detail::event_scan& sc, std::size_t k, std::size_t first) const {
    const std::size_t trig = sc.triggers[k].tok;
    for (std::size_t j = trig >= max_gap_marker ? trig - max_gap_marker : 0; j < first; ++j)
      if (gap_markers_.contains(sc.toks()[j])) return true;
    return false;
  }

  void emit(const detail::sentence_input& in, const length_expr& le, std::vector<claim>& out) const {
    const document& doc = in.doc;
    const std::string_view t = in.text;
    detail::event_scan& sc = in.sc;
    const detail::event_context& events_ = in.events;
    const auto& dates = in.dates;
    const auto& toks = sc.toks();
    std::optional<std::size_t> k;
    // The attribute and rule of the claim, of the members below: a claim copies them.
    const shared_string* attribute = nullptr;
    const shared_string* rule = nullptr;
    bool before_value = false;  // the trigger comes before the length
    auto ends_at_first = [&](const phrase_matcher& pm) {
      return pm.longest_ending_at(toks, le.first).length > 0;
    };
    // The roles are tried in turn; the first that finds its trigger wins.
    // "a nine-day marathon train journey", not "a two-hour documentary about Putin's visit".
    if (const auto a = le.adjective ? trigger_in(sc, le.last - 1, le.last + max_adjective_gap) : std::nullopt) {
      const std::size_t trig = *a;
      bool same_noun = true;
      for (std::size_t j = le.last; j < sc.triggers[trig].tok; ++j)
        if (events_.is_function_word(toks[j]) || toks[j].possessive) same_noun = false;
      if (same_noun) {
        k = trig;
        attribute = &length_;
        rule = &adjective_rule_;
      }
    }
    if (!k && ((le.last < toks.size() && delay_after_.longest_at(toks, le.last).length) || ends_at_first(delay_before_))) {
      k = events_.attach(t, sc, le.first, le.last);
      attribute = &delay_;
      rule = &delay_rule_;
      before_value = true;
    }
    if (const auto o = offset_after_.longest_at(toks, le.last); !k && o.length &&
        (k = trigger_in(sc, le.last, le.last + o.length + max_offset_reach))) {
      attribute = toks[le.last].lower == "before" ? &time_before_ : &time_after_;
      rule = &offset_rule_;
    }
    if (const auto s = le.last + to_the_day_.longest_at(toks, le.last).length;
        !k && s < toks.size() && since_.contains(toks[s]) && (k = trigger_in(sc, s, s + max_since_reach))) {
      attribute = &gap_;
      rule = &gap_rule_;
    }
    if (const auto before = trigger_before(sc, le.first);
        !k && before && sc.actors[*before] && ends_at_first(gap_lead_) && gap_marker_near(sc, *before, le.first)) {
      k = before;
      attribute = &gap_;
      rule = &gap_rule_;
      before_value = true;
    }
    if (!k && ends_at_first(length_cues_)) {
      const auto a = events_.attach(t, sc, le.first, le.last);
      if (!a) return;
      const detail::trigger_hit& tr = sc.triggers[*a];
      if (tr.tok > le.first) return;  // "for two days ... before Putin arrived": not its length
      // "a treaty that will remain in force for 20 years", "lasted two days, but Lavrov stayed
      // for a week": another clause's length. A clause right after the trigger is about the
      // event itself ("a visit that would last 48 hours").
      for (std::size_t j = tr.tok + tr.len + 1; j < le.first; ++j)
        if (clause_openers_.contains(toks[j])) return;
      k = a;
      attribute = &length_;
      rule = &length_rule_;
      before_value = true;
    }
    if (!k) return;
    const std::size_t trig = *k;
    if (!sc.actors[trig]) return;
    // An arrival or a signing is an instant: it has no length ("arrived with food for two days").
    if (attribute == &length_ && rules_.events[static_cast<std::size_t>(sc.triggers[trig].event)].instant) return;

    // Built where it stays, with nothing left to fail: no move into `out`, no moved-from claim to destroy.
    claim& c = out.emplace_back();
    c.kind = claim_kind::duration;
    c.subject = events_.subject(sc, trig, events_.place_of(sc, trig));
    c.subject_text = detail::event_context::actor_text(sc, trig);
    c.attribute = *attribute;
    // A gap ends at the occasion being reported, whatever date its previous one has.
    c.occasion = attribute == &gap_ ? detail::current_occasion(doc.published.date)
                                    : detail::occasion_near(t, sc, trig, dates, doc.published.date);
    c.val = le.val;
    c.hdg = le.hdg;
    c.mod = events_.modality_of(t, sc, trig);
    if (c.mod == modality::reported && before_value) {
      const auto& tr = sc.triggers[trig];
      if (const auto m = events_.modality_between(t, toks, tr.tok + tr.len, le.first); m && *m != modality::denied)
        c.mod = *m;
    }
    // "Putin's two-day visit was cut short to a day": the adjective is what was planned.
    if (c.mod == modality::reported && rule == &adjective_rule_)
      for (std::size_t j = le.last; j < toks.size() && j < le.last + max_change_reach; ++j)
        if (change_cues_.longest_at(toks, j).length) c.mod = modality::planned;
    c.rule = *rule;
    detail::event_context::fill_evidence(doc, sc, {toks[le.first].begin, toks[le.last - 1].end}, c);
    c.ev.attribution = events_.attribution(t, sc, le.first, le.last, toks[le.last - 1].end);
  }

  const rule_set& rules_;
  // date.yaml's number words by hash: a length's number is parsed at every start tried, and the
  // std::map the rules keep them in costs a string compare per tree level.
  detail::number_words numbers_;
  detail::word_map<double> units_;  // "days" -> 86400
  phrase_matcher half_before_, half_after_, change_cues_;
  detail::word_set fillers_;
  phrase_matcher vague_, hedges_, length_cues_, delay_after_, delay_before_, offset_after_, gap_lead_, to_the_day_;
  detail::word_set gap_markers_, since_, clause_openers_;
  detail::word_set starts_;  // see the constructor
  // The texts every claim of a kind shares, made once: a copy only counts a reference.
  shared_string length_{"length"}, delay_{"delay"}, time_before_{"time before"}, time_after_{"time after"}, gap_{"gap"};
  shared_string adjective_rule_{"duration.adjective"}, delay_rule_{"duration.delay"}, offset_rule_{"duration.offset"};
  shared_string gap_rule_{"duration.gap"}, length_rule_{"duration.length"};
};

}  // namespace

std::unique_ptr<detail::event_part> detail::make_duration_part(const rule_set& rules) {
  return std::make_unique<duration_part>(rules);
}

}  // namespace crosscheck
