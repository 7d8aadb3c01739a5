// Slots, conflicts, support and the best supported value.
#include <fmt/compile.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <initializer_list>
#include <optional>
#include <system_error>
#include <thread>
#include <map>
#include <set>
#include <unordered_map>

#include "crosscheck/reconcile.hpp"
#include "crosscheck/names.hpp"
#include "crosscheck/truth.hpp"
#include "reconcile/grouping.hpp"
#include "reconcile/weights.hpp"
#include "reconcile/people.hpp"
#include "reconcile/claim_prefetch.hpp"
#include "reconcile/split_for.hpp"
#include "model/timing.hpp"

namespace crosscheck {

std::string_view to_string(conflict_class c) noexcept {
  switch (c) {
    case conflict_class::value_mismatch: return "value";
    case conflict_class::internal: return "internal";
    case conflict_class::spelling: return "spelling";
    case conflict_class::role: return "role";
    case conflict_class::date: return "date";
    case conflict_class::planned_vs_actual: return "planned-vs-actual";
    case conflict_class::timezone_explained: return "timezone-explained";
    case conflict_class::unit_conversion: return "unit-conversion";
    case conflict_class::weekday_date: return "weekday-date";
  }
  return "?";
}

std::string_view to_string(conflict_severity s) noexcept {
  switch (s) {
    case conflict_severity::low: return "low";
    case conflict_severity::medium: return "medium";
    case conflict_severity::high: return "high";
  }
  return "?";
}

// Written with appends, not fmt: the text report calls it once per conflict.
std::string describe_fact(const slot& s, const std::vector<claim>& claims) {
  const auto parts = detail::split_subject(s.subject);
  const auto colon = parts.base.find(':');
  std::string_view who;
  if (!s.claims.empty()) who = claims[s.claims.front()].subject_text;
  std::string out;
  auto append = [&out](std::initializer_list<std::string_view> pieces) {
    for (const std::string_view piece : pieces) out += piece;
  };
  const std::string_view when_open = s.occasion.empty() ? "" : " (", when_close = s.occasion.empty() ? "" : ")";
  if (parts.base.substr(0, colon) == "person") {
    // "person:andrei belousov": the linked person, in the words of its key.
    append({"the ", s.attribute, " of "});
    const std::size_t name = out.size();
    out += parts.base.substr(colon + 1);
    for (std::size_t k = name; k < out.size(); ++k)
      if ((k == name || out[k - 1] == ' ') && out[k] >= 'a' && out[k] <= 'z') out[k] = static_cast<char>(out[k] - 'a' + 'A');
    append({when_open, s.occasion, when_close});
    return out;
  }
  if (colon == std::string_view::npos) {
    append({"the ", s.attribute, " of ", who.empty() ? parts.base : who, when_open, s.occasion, when_close});
    return out;
  }
  const std::string_view event = parts.base.substr(0, colon);
  if (who.empty()) who = parts.base.substr(colon + 1);
  std::string place;
  if (!parts.place.empty()) {
    place = " in ";
    place += parts.place;
    place[4] = static_cast<char>(place[4] >= 'a' && place[4] <= 'z' ? place[4] - 'a' + 'A' : place[4]);
  }
  // Attributes that do not read as "the <attribute> of the <event>".
  if (s.attribute == "gap")
    append({"the time since the previous ", event, " of ", who, place, when_open, s.occasion, when_close});
  else if (s.attribute == "time after" || s.attribute == "time before")
    append({"the time ", std::string_view(s.attribute).substr(5), " the ", event, " of ", who, place, when_open, s.occasion,
            when_close, " at which the next event came"});
  else
    append({"the ", s.attribute, " of the ", event, " of ", who, place, when_open, s.occasion, when_close});
  return out;
}

namespace {

// From this many claims, truth discovery runs on a thread of its own and the slots are made on
// two (below, a thread costs more than it saves).
constexpr std::size_t parallel_min_claims = 20000;

std::string_view weekday_name(unsigned d) {
  static constexpr std::string_view names[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  return d < 7 ? names[d] : "?";
}

// What a value stands on: a report of what happened, a plan (scheduled, planned), or a forecast
// (expected). Values on different footings are a change of plan, not a contradiction.
enum class footing_kind { report, plan, forecast, none };
footing_kind footing(modality m) {
  switch (m) {
    case modality::reported:
    case modality::delayed: return footing_kind::report;
    case modality::scheduled:
    case modality::planned: return footing_kind::plan;
    case modality::expected: return footing_kind::forecast;
    case modality::denied: return footing_kind::none;
  }
  return footing_kind::none;
}

// The zone every claim of a group is counted in, if they share one.
std::optional<utc_offset> group_zone(const std::vector<claim>& claims, const value_group& g) {
  std::optional<utc_offset> z;  // claims with no zone are passed over: they neither explain nor forbid
  for (std::size_t i : g.claims) {
    if (!claims[i].zone) continue;
    if (z && !(*z == *claims[i].zone)) return std::nullopt;
    z = claims[i].zone;
  }
  return z;
}

// Two dates a day apart, each counted in its own known zone, the later one east of the earlier:
// the same instant can fall on both ("on Tuesday evening" in Moscow is Wednesday morning in
// Pyongyang).
bool zone_explains_dates(const std::vector<claim>& claims, const value_group& a, const value_group& b) {
  const auto* da = std::get_if<date_value>(&claims[a.claims.front()].val);
  const auto* db = std::get_if<date_value>(&claims[b.claims.front()].val);
  if (!da || !db || da->g != date_value::grain::day || db->g != date_value::grain::day || !da->ok() || !db->ok())
    return false;
  const auto za = group_zone(claims, a), zb = group_zone(claims, b);
  if (!za || !zb || *za == *zb) return false;
  const auto days = std::chrono::sys_days{db->first_day()} - std::chrono::sys_days{da->first_day()};
  if (days == std::chrono::days{1}) return zb->minutes > za->minutes;
  if (days == std::chrono::days{-1}) return za->minutes > zb->minutes;
  return false;
}

// A quantity stated in one sentence in two units ("33 degrees Celsius (91.4 Fahrenheit)"): the
// quantity extractor marks the second statement with the rule "quantity.converted".
bool converted_in_one_sentence(const std::vector<claim>& claims, const slot& s) {
  for (std::size_t i : s.claims) {
    if (claims[i].rule != "quantity.converted") continue;
    for (std::size_t j : s.claims)
      if (j != i && claims[j].ev.sentence_begin == claims[i].ev.sentence_begin && claims[j].ev.document == claims[i].ev.document)
        return true;
  }
  return false;
}

// Per value group (into `wrong`): whether each of its claims is a conversion that contradicts
// the amount its own sentence states ("738 tons (2,100,000 lbs)"). A conflict between such a
// group and the rest is a unit-conversion finding, even where other outlets give right
// conversions and the wrong one thus also conflicts with theirs.
void find_wrong_conversion_groups(const std::vector<claim>& claims, const slot& s, const std::vector<value_group>& groups,
                                  std::vector<bool>& wrong) {
  wrong.assign(groups.size(), false);
  if (s.kind != claim_kind::quantity) return;
  std::vector<std::pair<std::size_t, std::size_t>> by_sentence;  // (sentence_begin, claim), stated amounts only
  bool any_converted = false;
  for (std::size_t i : s.claims) {
    if (claims[i].rule == "quantity.converted") any_converted = true;
    else by_sentence.emplace_back(claims[i].ev.sentence_begin, i);
  }
  if (!any_converted) return;
  std::sort(by_sentence.begin(), by_sentence.end());
  auto contradicts_its_sentence = [&](std::size_t i) {
    const claim& c = claims[i];
    if (c.rule != "quantity.converted") return false;
    const auto first = std::make_pair(c.ev.sentence_begin, std::size_t{0});
    for (auto it = std::lower_bound(by_sentence.begin(), by_sentence.end(), first);
         it != by_sentence.end() && it->first == c.ev.sentence_begin; ++it) {
      const claim& stated = claims[it->second];
      if (stated.ev.document == c.ev.document && compare(stated.val, c.val) == agreement::conflict) return true;
    }
    return false;
  };
  for (std::size_t g = 0; g < groups.size(); ++g)
    wrong[g] = std::all_of(groups[g].claims.begin(), groups[g].claims.end(), contradicts_its_sentence);
}

double claim_weight(const claim& c, const rule_set& rules, const reconcile_options& opts) {
  auto it = rules.source_reliability.find(c.ev.source);
  const double reliability = it != rules.source_reliability.end() ? it->second : rules.default_reliability;
  const double attribution = c.ev.attribution.empty() ? opts.unattributed_weight : opts.attributed_weight;
  return reliability * attribution * detail::precision_weight(c.val);
}

// Who says it, for an explanation: "the Kremlin's Telegram channel, via Korea JoongAng Daily".
void append_voice(std::string& out, const claim& c) {
  if (!std::string_view(c.ev.attribution).empty()) {
    out += std::string_view(c.ev.attribution);
    out += ", via ";
  }
  out += outlet(c.ev);
}

// One side of a conflict, appended to `out`: its distinct voices, the words of its first claim,
// its value and its modality. `voices` is scratch: the voices are written into it, one after
// the other, and compared as views of it (no string per claim).
void append_says_what(std::string& out, const std::vector<claim>& claims, const value_group& g, std::string& voices,
                      std::vector<std::pair<std::size_t, std::size_t>>& distinct) {
  voices.clear();
  distinct.clear();
  for (std::size_t i : g.claims) {
    const std::size_t at = voices.size();
    append_voice(voices, claims[i]);
    const std::string_view v(voices.data() + at, voices.size() - at);
    bool seen = false;
    for (const auto& [b, n] : distinct)
      if (std::string_view(voices.data() + b, n) == v) {
        seen = true;
        break;
      }
    if (seen) voices.resize(at);
    else distinct.emplace_back(at, v.size());
  }
  for (std::size_t k = 0; k < distinct.size(); ++k) {
    if (k) out += (k + 1 == distinct.size()) ? " and " : "; ";
    out.append(voices, distinct[k].first, distinct[k].second);
  }
  const claim& first = claims[g.claims.front()];
  out += distinct.size() > 1 ? " say \"" : " says \"";
  out += std::string_view(first.ev.text);
  out += "\" (";
  out += g.value;
  if (g.mod != modality::reported) {
    out += ", ";
    out += to_string(g.mod);
  }
  out += ')';
}

// A weekday stated with a date it does not fall on, in slot `si`: a finding of its own, once per
// sentence, appended to `out`.
void find_weekday_conflicts(const std::vector<claim>& claims, const std::vector<slot>& slots, std::size_t si,
                            const rule_set& rules, const reconcile_options& opts, std::vector<conflict>& out) {
  std::set<std::pair<std::string_view, std::string_view>> seen;  // (document, sentence)
  for (std::size_t i : slots[si].claims) {
    const claim& cl = claims[i];
    const auto* d = std::get_if<date_value>(&cl.val);
    if (!cl.weekday || !d || d->g != date_value::grain::day || !d->ok() || *cl.weekday > 6) continue;
    const unsigned actual = std::chrono::weekday{std::chrono::sys_days{d->first_day()}}.c_encoding();
    if (actual == *cl.weekday || !seen.emplace(cl.ev.document, cl.ev.sentence).second) continue;
    conflict c;
    c.cls = conflict_class::weekday_date;
    c.sev = conflict_severity::medium;
    c.slot = si;
    value_group g;
    g.value = to_string(cl.val);
    g.mod = cl.mod;
    g.claims = {i};
    g.support = claim_weight(cl, rules, opts);
    c.values.push_back(std::move(g));
    c.best.reason = "the calendar, not the sources, settles the weekday; check which of the two the source meant";
    c.explanation = fmt::format("{} writes \"{}\" for {}, but {} was a {}, not a {}.", outlet(cl.ev), cl.ev.text,
                                describe_fact(slots[si], claims), to_string(cl.val), weekday_name(actual),
                                weekday_name(*cl.weekday));
    out.push_back(std::move(c));
  }
}

// Truth discovery mode: the best value of each conflict is the one learned across all slots,
// when it is one of the conflicting values (otherwise the vote's stays).
truth_result learn_truth(const std::vector<claim>& claims, const std::vector<slot>& slots, const rule_set& rules,
                         const reconcile_options& opts) {
  truth_options to;
  to.mode = best_value_mode::truth_discovery;
  to.attributed_weight = opts.attributed_weight;
  to.unattributed_weight = opts.unattributed_weight;
  return discover_truth(claims, slots, rules, to);
}

void apply_truth_discovery(const truth_result& t, reconciliation& r) {
  for (conflict& c : r.conflicts) {
    if (c.cls == conflict_class::weekday_date) continue;
    const slot_truth& st = t.slots[c.slot];
    const bool among = std::any_of(c.values.begin(), c.values.end(),
                                   [&](const value_group& g) { return g.value == st.value && g.mod == st.mod; });
    if (st.value.empty() || !among) continue;
    c.best = {st.value, st.confidence, st.reason};
  }
}

}  // namespace

reconciliation reconcile(const std::vector<claim>& claims, const rule_set& rules, const reconcile_options& opts) {
  detail::phase_timer timer("reconcile");
  reconciliation r;
  // People first: spellings of one person are linked so that their claims share a slot.
  const name_matcher matcher(rules);
  const detail::people_links people = detail::link_people(claims, rules, matcher);
  timer.lap("reconcile/people");
  auto groups = detail::group_claims(claims, people.subject);
  timer.lap("reconcile/grouping");
  // The slots, numbered in the order of their first claim. This phase stands alone between the
  // grouping and the conflicts, so with many claims its second half is made on a second thread.
  r.slots.resize(groups.size());
  auto make_slots = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) {
      slot& s = r.slots[k];
      std::vector<std::size_t>& members = groups[k];
      s.id = fmt::format(FMT_COMPILE("S{}"), k + 1);
      const claim& first = claims[members.front()];
      s.kind = first.kind;
      s.attribute = first.attribute;
      // The last occasion given, and the most specific subject key (with a place) for the slot's name.
      const claim* occasion = nullptr;
      const claim* subject = &first;
      for (std::size_t i : members) {
        if (!claims[i].occasion.empty()) occasion = &claims[i];
        if (claims[i].subject.size() > subject->subject.size()) subject = &claims[i];
      }
      if (occasion) s.occasion = occasion->occasion;
      if (!people.subject.empty() && !people.subject[members.front()].empty()) s.subject = people.subject[members.front()];
      else s.subject = subject->subject;
      s.claims = std::move(members);
    }
  };
  const unsigned slot_parts = claims.size() >= parallel_min_claims && std::thread::hardware_concurrency() >= 2 ? 2 : 1;
  detail::split_for(groups.size(), groups.size() / 2, slot_parts,
                    [&](std::size_t from, std::size_t to, unsigned) { make_slots(from, to); });
  timer.lap("reconcile/slots");

  // Truth discovery needs only the slots: with a second core and many claims, it runs on its own
  // thread while the conflicts are found (the same result: it is the same computation).
  std::optional<truth_result> truth;
  std::exception_ptr truth_failure;
  std::thread truth_thread;
  struct joiner {
    std::thread& t;
    ~joiner() {
      if (t.joinable()) t.join();
    }
  } join_truth{truth_thread};
  if (opts.best == best_value_mode::truth_discovery && claims.size() >= parallel_min_claims &&
      std::thread::hardware_concurrency() >= 2) {
    try {
      truth_thread = std::thread([&] {
        try {
          truth = learn_truth(claims, r.slots, rules, opts);
        } catch (...) {
          truth_failure = std::current_exception();
        }
      });
    } catch (const std::system_error&) {
      // no thread: it runs below, after the conflicts
    }
  }

  struct value_key_hash {
    std::size_t operator()(const std::pair<std::string, modality>& k) const noexcept {
      return std::hash<std::string>()(k.first) ^ static_cast<std::size_t>(k.second);
    }
  };
  // Keys are copies: groups_by_value grows, and moving a short string moves its bytes, so a
  // view into a group's value would dangle.
  std::unordered_map<std::pair<std::string, modality>, std::size_t, value_key_hash> index;
  std::vector<std::pair<std::string_view, double>> by_sentence;
  std::string text;                                            // a claim's value, as to_string writes it
  std::string voices;                                          // scratch of append_says_what
  std::vector<std::pair<std::size_t, std::size_t>> distinct_voices;
  std::vector<value_group> groups_by_value;                    // a slot's distinct values
  std::vector<conflict> weekday_conflicts;
  std::vector<bool> conflicting, wrong_conversion, in_same_footing_conflict;  // per value group of a slot
  for (std::size_t si = 0; si < r.slots.size(); ++si) {
    const slot& s = r.slots[si];
    if (si + 1 < r.slots.size())
      for (std::size_t i : r.slots[si + 1].claims) detail::prefetch_claim(claims[i]);
    // Distinct values, in order of first appearance; a value reported and the same value planned
    // are two groups, so that a plan never hides or joins a report. (The list is used again from
    // slot to slot: its groups are moved into the conflict, or dropped.)
    groups_by_value.clear();
    // A slot has a few distinct values: they are looked up in a list, and in a hash map only
    // when there are many.
    index.clear();
    bool any_weekday = false;
    for (std::size_t i : s.claims) {
      const modality m = claims[i].mod;
      any_weekday = any_weekday || claims[i].weekday.has_value();
      text.clear();
      append_to_string(text, claims[i].val);
      std::size_t at = groups_by_value.size();
      if (groups_by_value.size() <= 16) {
        for (std::size_t k = 0; k < groups_by_value.size(); ++k)
          if (groups_by_value[k].mod == m && groups_by_value[k].value == text) {
            at = k;
            break;
          }
      } else {
        if (index.empty())
          for (std::size_t k = 0; k < groups_by_value.size(); ++k)
            index.emplace(std::pair<std::string, modality>(groups_by_value[k].value, groups_by_value[k].mod), k);
        if (const auto it = index.find({text, m}); it != index.end()) at = it->second;
      }
      if (at == groups_by_value.size()) {
        value_group g;
        g.value = text;
        g.mod = m;
        groups_by_value.push_back(std::move(g));
        if (!index.empty()) index.emplace(std::pair<std::string, modality>(groups_by_value[at].value, m), at);
      }
      groups_by_value[at].claims.push_back(i);
    }
    // Weekday findings are listed after all the others, as if found in a pass of their own.
    if (any_weekday) find_weekday_conflicts(claims, r.slots, si, rules, opts, weekday_conflicts);
    if (groups_by_value.size() < 2) continue;
    // Independent support: the same sentence (a repeated caption, a copied wire story) counts
    // once, and so does a claim from a repeated block whose document also states it elsewhere.
    for (auto& g : groups_by_value) {
      bool any_repeated = false;
      for (std::size_t i : g.claims) any_repeated = any_repeated || claims[i].ev.repeated;
      std::set<std::string_view> stated_unrepeated;
      if (any_repeated)
        for (std::size_t i : g.claims)
          if (!claims[i].ev.repeated) stated_unrepeated.insert(claims[i].ev.document);
      // The heaviest claim of each sentence, summed in the order of the sentences' text.
      by_sentence.clear();
      for (std::size_t i : g.claims) {
        const claim& c = claims[i];
        if (c.ev.repeated && stated_unrepeated.count(c.ev.document)) continue;
        by_sentence.emplace_back(c.ev.sentence.empty() ? std::string_view(c.id) : std::string_view(c.ev.sentence),
                                 claim_weight(c, rules, opts));
      }
      std::sort(by_sentence.begin(), by_sentence.end());
      for (std::size_t k = 0; k < by_sentence.size(); ++k)
        if (k + 1 == by_sentence.size() || by_sentence[k + 1].first != by_sentence[k].first) g.support += by_sentence[k].second;
    }
    // Which values conflict with another one.
    const std::size_t n = groups_by_value.size();
    conflicting.assign(n, false);
    bool same_footing_conflict = false;  // report against report, or plan against plan
    find_wrong_conversion_groups(claims, s, groups_by_value, wrong_conversion);
    bool conversion_conflict = false, other_conflict = false;  // among same-footing conflicts
    std::size_t conversion_claim = s.claims.front();  // whose conversion the explanation names
    for (std::size_t k = 0; k < groups_by_value.size(); ++k)
      if (wrong_conversion[k]) {
        conversion_claim = groups_by_value[k].claims.front();
        break;
      }
    bool zone_explained = false;
    std::string role_note;  // why two roles conflict
    const bool about_people = s.kind == claim_kind::person_name || s.kind == claim_kind::person_role;
    // Which groups the conflicts of one footing involve (to tell internal from cross-source).
    in_same_footing_conflict.assign(n, false);
    for (std::size_t a = 0; a < n; ++a)
      for (std::size_t b = a + 1; b < n; ++b) {
        const modality ma = groups_by_value[a].mod, mb = groups_by_value[b].mod;
        // A denial ("did not arrive at 8 p.m.") asserts no value to disagree with.
        if (ma == modality::denied || mb == modality::denied) continue;
        const value& va = claims[groups_by_value[a].claims.front()].val;
        const value& vb = claims[groups_by_value[b].claims.front()].val;
        const agreement g = about_people
                                ? detail::compare_people(va, vb, s.subject, people, rules, matcher, &role_note)
                                : compare(va, vb);
        if (g == agreement::conflict && zone_explains_dates(claims, groups_by_value[a], groups_by_value[b])) {
          zone_explained = true;
        } else if (g == agreement::conflict) {
          conflicting[a] = conflicting[b] = true;
          if (footing(ma) == footing(mb)) {
            same_footing_conflict = true;
            in_same_footing_conflict[a] = in_same_footing_conflict[b] = true;
            (wrong_conversion[a] || wrong_conversion[b] ? conversion_conflict : other_conflict) = true;
          }
        } else if (g == agreement::compatible) {
          // Agreement that holds only once zones are applied: worth a note, not an alarm.
          const auto* ta = std::get_if<clock_time>(&va);
          const auto* tb = std::get_if<clock_time>(&vb);
          if (ta && tb && ta->zone && tb->zone && !(ta->zone == tb->zone) &&
              (ta->end <= tb->begin || tb->end <= ta->begin))
            zone_explained = true;
        }
      }
    const bool any_conflict = std::find(conflicting.begin(), conflicting.end(), true) != conflicting.end();
    if (!any_conflict && !zone_explained) continue;

    conflict c;
    c.slot = si;
    // Internal when the conflicting values all come from one document (others may only agree).
    std::string_view one_document;
    bool several_documents = false;
    for (std::size_t k = 0; k < n && !several_documents; ++k)
      if (same_footing_conflict ? in_same_footing_conflict[k] : conflicting[k])
        for (std::size_t i : groups_by_value[k].claims) {
          if (one_document.data() == nullptr) one_document = claims[i].ev.document;
          else if (claims[i].ev.document != one_document) several_documents = true;
        }
    const bool one_document_only = one_document.data() != nullptr && !several_documents;
    // When reports contradict each other, a report that disagrees only with a plan ("in the early
    // hours" against a planned evening) is not a side: it agrees with every other report.
    for (std::size_t k = 0; k < n; ++k) {
      const bool side = !any_conflict || (same_footing_conflict
                                              ? in_same_footing_conflict[k] ||
                                                    (conflicting[k] && footing(groups_by_value[k].mod) != footing_kind::report)
                                              : conflicting[k]);
      (side ? c.values : c.compatible).push_back(std::move(groups_by_value[k]));
    }
    auto by_support = [](const value_group& x, const value_group& y) { return x.support > y.support; };
    std::stable_sort(c.values.begin(), c.values.end(), by_support);
    std::stable_sort(c.compatible.begin(), c.compatible.end(), by_support);

    const std::string fact = describe_fact(s, claims);
    if (!any_conflict) {
      c.cls = conflict_class::timezone_explained;
      c.sev = conflict_severity::low;
    } else if (!same_footing_conflict) {  // every conflict sets a plan against a report
      c.cls = conflict_class::planned_vs_actual;
      c.sev = conflict_severity::low;
    } else if ((one_document_only && converted_in_one_sentence(claims, s)) ||
               (conversion_conflict && !other_conflict)) {
      c.cls = conflict_class::unit_conversion;  // "33 degrees Celsius (95 Fahrenheit)"
      c.sev = conflict_severity::medium;
    } else if (one_document_only) {
      c.cls = conflict_class::internal;
      c.sev = conflict_severity::high;
    } else {
      switch (s.kind) {
        case claim_kind::date: c.cls = conflict_class::date; break;
        case claim_kind::person_name: c.cls = conflict_class::spelling; break;
        case claim_kind::person_role: c.cls = conflict_class::role; break;
        default: c.cls = conflict_class::value_mismatch; break;
      }
      c.sev = conflict_severity::high;
    }

    // Best supported value: the conflicting value with the most independent, weighted support.
    double total = 0;
    for (const auto& g : c.values) total += g.support;
    const value_group& best = c.values.front();
    c.best.value = best.value;
    c.best.confidence = total > 0 ? best.support / total : 0;
    const bool tie = c.values.size() > 1 && c.values[1].support >= best.support - 1e-9;
    if (tie) {
      c.best.reason = fmt::format(FMT_COMPILE("no value has more support than another ({:.2f} each); check the primary sources"),
                                  best.support);
      c.best.value.clear();
      c.best.confidence = 0;
    } else {
      c.best.reason = fmt::format(
          FMT_COMPILE("{} of {} statement(s) support it, weighted {:.2f} against {:.2f} for the rest (source reliability, "
                      "attribution and precision)"),
          best.claims.size(), s.claims.size(), best.support, total - best.support);
    }

    // A known person's name: the gazetteer's spelling is the best value whatever the counts.
    if (s.kind == claim_kind::person_name && people.known.count(s.subject)) {
      const std::string& spelling = people.canonical.find(s.subject)->second;
      for (const auto& g : c.values) {
        const auto v = matcher.match(g.value, spelling).verdict;
        if (v != name_verdict::same && v != name_verdict::variant) continue;
        c.best.value = g.value;
        c.best.confidence = total > 0 ? std::max(g.support / total, 0.5) : 0.5;
        c.best.reason = fmt::format("the known-people list (data/people.yaml) spells it {}; {} of {} statement(s) use it",
                                    spelling, g.claims.size(), s.claims.size());
        break;
      }
    }

    // The explanation: its opening words, then each side written straight into it.
    std::string& e = c.explanation;
    if (c.cls == conflict_class::timezone_explained) {
      e = fmt::format(FMT_COMPILE("Sources state {} in different zones, and the values agree once converted: "), fact);
    } else if (c.cls == conflict_class::unit_conversion) {
      e = fmt::format(FMT_COMPILE("{} gives {} in two units that do not convert into each other: "),
                      outlet(claims[conversion_claim].ev), fact);
    } else if (c.cls == conflict_class::internal) {
      const claim& any = claims[s.claims.front()];
      e = fmt::format(FMT_COMPILE("{} contradicts itself on {}: "), outlet(any.ev), fact);
    } else if (c.cls == conflict_class::planned_vs_actual) {
      e = fmt::format(FMT_COMPILE("What was planned or expected and what was reported differ for {}: "), fact);
    } else {
      e = fmt::format(FMT_COMPILE("Sources disagree on {}: "), fact);
    }
    for (std::size_t k = 0; k < c.values.size(); ++k) {
      if (k) e += "; ";
      append_says_what(e, claims, c.values[k], voices, distinct_voices);
    }
    e += '.';
    if (c.cls == conflict_class::planned_vs_actual) {
      e += " That reads as a change of plan, not a contradiction.";
    } else if (c.cls != conflict_class::timezone_explained && c.cls != conflict_class::unit_conversion &&
               c.cls != conflict_class::internal) {
      if (c.cls == conflict_class::spelling)
        e += " The spellings differ by one slip in a name given the same role: likely a typo, not two people.";
      if (!role_note.empty()) e += fmt::format(" Why these roles cannot both hold: {}.", role_note);
    }
    r.conflicts.push_back(std::move(c));
  }

  r.conflicts.insert(r.conflicts.end(), std::make_move_iterator(weekday_conflicts.begin()),
                     std::make_move_iterator(weekday_conflicts.end()));
  timer.lap("reconcile/conflicts");
  if (opts.best == best_value_mode::truth_discovery) {
    if (truth_thread.joinable()) {
      truth_thread.join();
      if (truth_failure) std::rethrow_exception(truth_failure);
    }
    if (!truth) truth = learn_truth(claims, r.slots, rules, opts);
    apply_truth_discovery(*truth, r);
  }
  timer.lap("reconcile/truth discovery");

  // A known person's name written one slip away, by every source that names him: no second
  // spelling to set it against, but the known-people list has the right one.
  std::vector<bool> has_conflict(r.slots.size(), false);
  for (const auto& c : r.conflicts) has_conflict[c.slot] = true;
  for (std::size_t si = 0; si < r.slots.size(); ++si) {
    const slot& s = r.slots[si];
    if (s.kind != claim_kind::person_name || has_conflict[si] || !people.known.count(s.subject)) continue;
    const std::string& spelling = people.canonical.find(s.subject)->second;
    value_group slip;
    for (std::size_t i : s.claims) {
      const auto* n = std::get_if<person_name>(&claims[i].val);
      if (!n || matcher.match(n->text, spelling).verdict != name_verdict::likely_misspelling) continue;
      if (slip.claims.empty()) slip.value = to_string(claims[i].val);
      if (to_string(claims[i].val) == slip.value) slip.claims.push_back(i);
    }
    if (slip.claims.empty()) continue;
    const claim& first = claims[slip.claims.front()];
    for (std::size_t i : slip.claims) slip.support += claim_weight(claims[i], rules, opts);
    conflict c;
    c.cls = conflict_class::spelling;
    c.sev = conflict_severity::medium;
    c.slot = si;
    c.values.push_back(std::move(slip));
    c.best.value = spelling;
    c.best.confidence = 0.5;
    c.best.reason = fmt::format("the known-people list (data/people.yaml) spells it {}, and the role the text gives "
                                "is one that person held; the rules find one slip between the two spellings",
                                spelling);
    c.explanation = fmt::format("{} writes \"{}\" for {}, a known person in that role: one slip from the known "
                                "spelling, likely a typo.",
                                outlet(first.ev), first.ev.text, spelling);
    r.conflicts.push_back(std::move(c));
  }

  // By severity, high first, in order of finding within one severity (a stable counting sort:
  // a million conflicts are moved once, not log n times).
  {
    std::vector<conflict> sorted;
    sorted.reserve(r.conflicts.size());
    for (const conflict_severity sev : {conflict_severity::high, conflict_severity::medium, conflict_severity::low})
      for (conflict& c : r.conflicts)
        if (c.sev == sev) sorted.push_back(std::move(c));
    r.conflicts = std::move(sorted);
  }
  for (std::size_t k = 0; k < r.conflicts.size(); ++k) r.conflicts[k].id = fmt::format(FMT_COMPILE("C{}"), k + 1);
  return r;
}

}  // namespace crosscheck
