// Clock times tied to the events they date.
//
// Rules (ids appear in each claim's `rule`):
//   time.event_clock        "<actor> <trigger> ... at 2:46 a.m." / "At 14:20 BST <actor> <trigger>";
//                           "noon" and "midnight" (one-minute vague phrases) are clock times
//   time.event_hedged_clock "... touched down after 2 am", "around 2:20 a.m.", "shortly before midnight"
//   time.event_vague        "... landed in the early hours of Wednesday", "before dawn", "around noon"
// The time takes the nearest trigger before it (within 24 tokens), else the first one shortly
// after it (within 8).
// The subject is "<event>:<actor>[@<place>]": the actor is the name before the trigger (a
// possessive "Putin's plane" counts; days, places and words with digits are passed over, and
// so is an apposition between commas; a pronoun or "the president's plane" refers back to the
// last actor named in the document; a second trigger with no name of its own shares the
// actor of the one before it: "left Yakutsk ... and arrived"; after a determiner, "the Russian
// president" names whom a title named earlier in the document, "Russian President Vladimir
// Putin", and nobody when none did), the place is the first known
// place after the trigger, else the last one before it.
// The zone is the one the text names, else the place's, else the document's, else unknown.
// A time that belongs to a statement ("the Kremlin announced at 3 a.m. that he had arrived")
// is not the event's time and gives no claim; nor does a time in brackets right after another
// ("2:46 a.m. (17:46 GMT)"), which restates it, or a bare "3:16" after a name ("John 3:16").
// Cost: linear in the sentence's tokens, plus the evidence each claim copies; the places and
// source cues of a sentence are found once, and every look-around is a small window.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <limits>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "crosscheck/extract.hpp"
#include "extract/lexical.hpp"
#include "extract/time.hpp"
#include "text/fold.hpp"

namespace crosscheck {
namespace {

using detail::is_ascii_digit;
using detail::phrase_matcher;
using detail::token;

enum hedge_kind { hedge_after = 0, hedge_before = 1, hedge_about = 2 };
constexpr int local_time_payload = -1;
constexpr std::size_t max_trigger_distance = 24;  // tokens between a trigger and the time after it
constexpr std::size_t max_trigger_after = 8;      // tokens between a time and a trigger after it
constexpr std::size_t max_actor_distance = 8;     // tokens between an actor's name and its trigger
constexpr std::size_t max_apposition = 12;        // tokens in "Putin, <apposition>, arrived"
constexpr std::size_t max_name_run = 6;           // capitalized words read as one name ("Russian President Vladimir Putin")
constexpr std::size_t max_sources_tried = 16;     // reporting verbs tried for one claim's source

struct time_expr {
  std::size_t first = 0;  // first token (including a hedge)
  std::size_t last = 0;   // one past the last token
  std::size_t end_offset = 0;  // normalized end offset (may take in the period of "a.m.")
  clock_time val;
  hedge hdg = hedge::none;
  const char* rule = "time.event_clock";
  bool zone_named = false;  // a zone with an offset follows ("BST", "Moscow time")
  bool zone_words = false;  // a zone follows, named or "local time"
  bool dotted = false;  // "14.20": a time only with a zone
  bool bare = false;    // "3:16": 24-hour digits with no a.m./p.m.
};

struct trigger_hit {
  std::size_t tok;
  std::size_t len;
  int event;
};

struct actor {
  std::string key;   // "putin"
  std::string text;  // "Russian President Vladimir Putin"
};
using title_index = std::unordered_map<std::string, actor>;

// A source cue in a sentence: a preposition ("according to") or a reporting verb ("said").
// What it names is read once, when first needed.
struct source_hit {
  std::size_t tok = 0;
  std::size_t len = 0;
  bool read = false;
  std::string text;            // the source it names; empty when none
  std::size_t clause_begin = 0;  // reporting verbs: the clause before the verb, [begin, end)
  std::size_t clause_end = 0;
};

source_hit source_at(std::size_t tok, std::size_t len) {
  source_hit h;
  h.tok = tok;
  h.len = len;
  return h;
}

// What the extractor finds in one sentence, each found once: the time expressions read in
// order then only look it up, so that a long sentence costs linear time.
struct sentence_scan {
  const sentence* sen = nullptr;
  std::vector<token> toks;
  std::vector<trigger_hit> triggers;
  std::vector<std::optional<actor>> actors;       // one per trigger
  std::vector<modality> modalities;               // one per trigger
  std::vector<std::pair<std::size_t, std::size_t>> places;  // (token, index in rules.places)
  std::vector<source_hit> prepositions, reporters;
  std::size_t triggers_before = 0;  // triggers that end at or before the current time
};

std::string strip_possessive(std::string_view s) {
  if (s.size() > 2 && s.substr(s.size() - 2) == "'s") s.remove_suffix(2);
  else if (s.size() > 1 && s.back() == '\'') s.remove_suffix(1);
  return std::string(s);
}

bool is_possessive(std::string_view lower) {
  return (lower.size() > 2 && lower.substr(lower.size() - 2) == "'s") || (lower.size() > 1 && lower.back() == '\'');
}

std::string without_dots(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '.' && c != ' ') out += c;
  return out;
}

class time_extractor final : public extractor {
 public:
  explicit time_extractor(const rule_set& rules) : rules_(rules) {
    for (std::size_t e = 0; e < rules.events.size(); ++e) {
      for (const auto& t : rules.events[e].triggers) triggers_.add(t, static_cast<int>(e));
      for (const auto& t : rules.events[e].nouns) triggers_.add(t, static_cast<int>(e));
    }
    for (std::size_t p = 0; p < rules.places.size(); ++p) {
      // Each name also in the possessive: "Pyongyang's Sunan airport", "North Korea's capital".
      places_.add(rules.places[p].name, static_cast<int>(p));
      places_.add(rules.places[p].name + "'s", static_cast<int>(p));
      for (const auto& a : rules.places[p].aliases) {
        places_.add(a, static_cast<int>(p));
        places_.add(a + "'s", static_cast<int>(p));
      }
    }
    for (std::size_t z = 0; z < rules.zones.size(); ++z) zones_.add(rules.zones[z].name, static_cast<int>(z));
    for (const auto& w : rules.local_time_words) zones_.add(w, local_time_payload);
    for (std::size_t v = 0; v < rules.vague_times.size(); ++v) vague_.add(rules.vague_times[v].phrase, static_cast<int>(v));
    for (const auto& h : rules.time_hedges.after) hedges_.add(h, hedge_after);
    for (const auto& h : rules.time_hedges.before) hedges_.add(h, hedge_before);
    for (const auto& h : rules.time_hedges.about) hedges_.add(h, hedge_about);
    for (const auto& p : rules.attribution.prepositions) prepositions_.add(p, 0);
    for (const auto& v : rules.attribution.reporting_verbs) reporting_.add(v, 0);
    for (const auto& m : rules.modality_cues.scheduled) modality_.add(m, static_cast<int>(modality::scheduled));
    for (const auto& m : rules.modality_cues.planned) modality_.add(m, static_cast<int>(modality::planned));
    for (const auto& m : rules.modality_cues.expected) modality_.add(m, static_cast<int>(modality::expected));
    for (const auto& m : rules.modality_cues.denied) modality_.add(m, static_cast<int>(modality::denied));
    for (const auto& m : rules.meridiem_am) am_.insert(without_dots(m));
    for (const auto& m : rules.meridiem_pm) pm_.insert(without_dots(m));
    function_words_.insert(rules.english.function_words.begin(), rules.english.function_words.end());
    pronouns_.insert(rules.english.pronouns.begin(), rules.english.pronouns.end());
    determiners_.insert(rules.english.determiners.begin(), rules.english.determiners.end());
  }

  claim_kind kind() const noexcept override { return claim_kind::time_of_day; }

  // The first time expression in a short text ("2:07 PM EST", "after 2 am"), zone as written.
  std::optional<clock_time> parse_text(std::string_view raw) const {
    const auto toks = detail::tokenize(raw, 0, raw.size());
    for (std::size_t i = 0; i < toks.size(); ++i)
      if (auto te = find_time(raw, toks, i)) return te->val;
    return std::nullopt;
  }

  void extract(const document& doc, std::vector<claim>& out) const override {
    std::optional<actor> last_actor;
    title_index titles;  // "russian president" -> the person a title named earlier in the document
    const std::string_view t = doc.normalized;
    sentence_scan sc;
    for (const sentence& sen : doc.sentences) {
      sc.sen = &sen;
      sc.toks = detail::tokenize(t, sen.normalized.begin, sen.normalized.end);
      index_titles(t, sc.toks, titles);
      sc.triggers.clear();
      for (std::size_t i = 0; i < sc.toks.size(); ++i) {
        const auto m = triggers_.longest_at(sc.toks, i);
        if (m.length) {
          sc.triggers.push_back({i, m.length, m.payload});
          i += m.length - 1;
        }
      }
      if (sc.triggers.empty()) continue;
      // Actors of each trigger, in order, so that "he" refers to the last one named.
      // A trigger that shares the actor of the one before it shares its modality too: "is due
      // to leave Pyongyang on Wednesday and arrive in Hanoi at 10 p.m." is a plan throughout.
      sc.actors.clear();
      sc.modalities.clear();
      for (std::size_t k = 0; k < sc.triggers.size(); ++k) {
        const std::size_t prev_end = k ? sc.triggers[k - 1].tok + sc.triggers[k - 1].len : 0;
        bool shared = false;
        sc.actors.push_back(find_actor(t, sc.toks, sc.triggers[k].tok, last_actor, titles, prev_end,
                                       k ? sc.actors[k - 1] : std::nullopt, shared));
        modality m = find_modality(sc.toks, sc.triggers[k].tok, prev_end);
        if (m == modality::reported && shared) m = sc.modalities[k - 1];
        sc.modalities.push_back(m);
        if (sc.actors.back()) last_actor = sc.actors.back();
      }
      scan_places_and_sources(sc);
      sc.triggers_before = 0;
      std::optional<std::size_t> previous_end;  // end offset of the last time read
      for (std::size_t i = 0; i < sc.toks.size(); ++i) {
        std::optional<time_expr> te = find_time(t, sc.toks, i);
        if (!te) continue;
        const std::size_t resume = te->last;
        // A time in brackets right after another one restates it in another zone: "2:46 a.m.
        // (17:46 GMT)". It gives no claim of its own.
        const bool restated =
            previous_end && is_opening_bracket(t.substr(*previous_end, sc.toks[te->first].begin - *previous_end));
        if (!restated) emit(doc, t, sc, *te, out);
        previous_end = te->end_offset;
        i = resume - 1;
      }
    }
  }

 private:
  // A time expression starting at toks[i]: a vague phrase ("in the early hours", "around noon"),
  // or an optional hedge followed by a clock time ("2:46 a.m.") or a one-minute vague phrase,
  // which is a clock time in words ("noon", "midnight"); then an optional zone.
  std::optional<time_expr> find_time(std::string_view t, const std::vector<token>& toks, std::size_t i) const {
    time_expr te;
    te.first = i;
    // A vague phrase is read whole first, so that "before dawn" and "around noon" are not
    // taken for a hedge ("before", "around") and a word after it.
    const auto whole = vague_.longest_at(toks, i);
    std::optional<int> hedge_kind_found;
    std::size_t j = i;
    if (whole.length && !is_point(whole)) {
      const auto& e = rules_.vague_times[static_cast<std::size_t>(whole.payload)];
      te.last = i + whole.length;
      te.end_offset = toks[te.last - 1].end;
      te.val = clock_time::span(e.begin, e.end);
      te.rule = "time.event_vague";
    } else {
      if (!whole.length) {
        if (const auto h = hedges_.longest_at(toks, i); h.length) {
          hedge_kind_found = h.payload;
          j = i + h.length;
        }
      }
      if (const auto v = vague_.longest_at(toks, j); v.length) {
        if (!is_point(v)) return std::nullopt;  // "after the early hours": not a value we read
        const auto& e = rules_.vague_times[static_cast<std::size_t>(v.payload)];
        te.val = clock_time::at(e.begin / 60, e.begin % 60);
        te.last = j + v.length;
        te.end_offset = toks[te.last - 1].end;
      } else if (j >= toks.size() || !parse_clock(t, toks, j, te)) {
        return std::nullopt;
      }
    }
    if (hedge_kind_found) {
      const int b = te.val.begin;
      switch (*hedge_kind_found) {
        case hedge_after:
          te.val = clock_time::after(b / 60, b % 60);
          te.hdg = hedge::after;
          break;
        case hedge_before:
          // "before midnight" ends at the day's end, not at its start.
          te.val = b == 0 ? clock_time::before(24, 0) : clock_time::before(b / 60, b % 60);
          te.hdg = hedge::before;
          break;
        default: {
          const int w = rules_.time_hedges.about_minutes;
          const int lo = b - w < 0 ? b - w + 1440 : b - w;
          te.val = clock_time::span(lo, lo + 2 * w + (te.val.end - b));
          te.hdg = hedge::about;
          break;
        }
      }
      te.rule = "time.event_hedged_clock";
    }
    // A zone right after the time: "14.20 BST", "7:09 a.m. Moscow time", "2 a.m. local time".
    if (const auto z = zones_.longest_at(toks, te.last); z.length) {
      if (z.payload == local_time_payload) {
        te.last += z.length;
        te.end_offset = toks[te.last - 1].end;
        te.zone_words = true;
      } else {
        const auto& ze = rules_.zones[static_cast<std::size_t>(z.payload)];
        // Abbreviations must be written as listed ("BST", not "bst" or "Est").
        const std::string_view written = t.substr(toks[te.last].begin, toks[te.last + z.length - 1].end - toks[te.last].begin);
        if (written == ze.name || !detail::is_ascii_upper(ze.name.back())) {
          te.val.zone = ze.offset;
          te.val.zone_name = ze.name;
          te.zone_named = true;
          te.zone_words = true;
          te.last += z.length;
          te.end_offset = toks[te.last - 1].end;
        }
      }
    }
    if (te.val.prec == clock_time::precision::minute || te.val.prec == clock_time::precision::hour) {
      // A bare 24-hour "14.20" is only a time with a zone; without one it is a decimal number.
      if (te.dotted && !te.zone_words) return std::nullopt;
      // A bare "3:16" right after a name is a label ("John 3:16", "Flight 2:46"), not a time;
      // right after a place it is one ("landed in Pyongyang 02:46").
      if (te.bare && !te.zone_words && !hedge_kind_found && j > 0 && is_name_word(toks[j - 1]) &&
          toks[j - 1].end + 1 == toks[j].begin && !places_.longest_ending_at(toks, j).length)
        return std::nullopt;
    }
    return te;
  }

  // A vague phrase one minute long ("noon", "midnight") is a clock time written in words.
  bool is_point(const phrase_matcher::match& m) const {
    const auto& e = rules_.vague_times[static_cast<std::size_t>(m.payload)];
    return e.end - e.begin == 1;
  }

  // A capitalized word that can be part of a name: not a function word, no digit ("Il-96").
  bool is_name_word(const token& tok) const {
    if (!tok.capitalized || function_words_.count(strip_possessive(tok.lower))) return false;
    for (char c : tok.lower)
      if (is_ascii_digit(c)) return false;
    return true;
  }

  // "2:46", "02:22", "2:46 a.m.", "2 am", "2am", "14.20" (with a zone). Fills te.val, te.last, te.end_offset.
  bool parse_clock(std::string_view t, const std::vector<token>& toks, std::size_t j, time_expr& te) const {
    const std::string& s = toks[j].lower;
    std::size_t k = 0;
    int h = 0;
    while (k < s.size() && k < 2 && is_ascii_digit(s[k])) h = h * 10 + (s[k++] - '0');
    if (k == 0 || (k < s.size() && is_ascii_digit(s[k]))) return false;
    int m = -1;
    char sep = 0;
    if (k < s.size() && (s[k] == ':' || s[k] == '.')) {
      sep = s[k];
      if (k + 3 > s.size() || !is_ascii_digit(s[k + 1]) || !is_ascii_digit(s[k + 2])) return false;
      m = (s[k + 1] - '0') * 10 + (s[k + 2] - '0');
      k += 3;
    }
    std::string suffix = without_dots(s.substr(k));  // "2:46am", "2:46a.m."
    std::size_t last = j + 1;
    std::size_t end_offset = toks[j].end;
    if (s.find('.', k) != std::string::npos && end_offset < t.size() && t[end_offset] == '.')
      ++end_offset;  // the closing period of "2:46a.m."
    if (suffix.empty() && j + 1 < toks.size()) {
      const std::string next = without_dots(toks[j + 1].lower);
      if (am_.count(next) || pm_.count(next)) {
        suffix = next;
        last = j + 2;
        end_offset = toks[j + 1].end;
        if (end_offset < t.size() && t[end_offset] == '.' && toks[j + 1].lower.find('.') != std::string::npos)
          ++end_offset;  // the closing period of "a.m."
      }
    }
    const bool am = am_.count(suffix) > 0, pm = pm_.count(suffix) > 0;
    if (!suffix.empty() && !am && !pm) return false;  // "2nd", "14km"
    te.dotted = false;
    te.bare = false;
    if (am || pm) {
      if (h < 1 || h > 12 || m > 59) return false;
      const int h24 = (h % 12) + (pm ? 12 : 0);
      te.val = m >= 0 ? clock_time::at(h24, m) : clock_time{h24 * 60, h24 * 60 + 60, clock_time::precision::hour, {}, {}};
    } else {
      if (m < 0 || h > 23 || m > 59) return false;  // a bare number is not a time
      if (toks[j].end - toks[j].begin < 4) return false;
      te.val = clock_time::at(h, m);
      te.dotted = sep == '.';
      te.bare = true;
    }
    te.last = last;
    te.end_offset = end_offset;
    return true;
  }

  // The actor of the trigger at toks[trig]: the nearest name before it, within a few words.
  // Lower-case words ("plane", "reportedly"), function words, weekdays and places are passed
  // over; a possessive common noun ("the president's plane") or a pronoun refers back to `last`.
  // With no name between it and the previous trigger of the sentence (which ends at token
  // prev_end), or none within reach, it shares that trigger's actor: "Putin left Yakutsk at
  // 8 p.m. and arrived in Pyongyang at 2:46 a.m.".
  // Titles written before names: "Russian President Vladimir Putin", "North Korean leader Kim
  // Jong-un". The title's last modifier and its noun ("russian president", "korean leader") are
  // recorded for the person named after them, so that a later "the Russian president" refers
  // to him and not to whoever was named last.
  void index_titles(std::string_view t, const std::vector<token>& toks, title_index& titles) const {
    auto key = [](const token& modifier, const token& noun) {
      return strip_possessive(modifier.lower) + " " + strip_possessive(noun.lower);
    };
    auto run_end = [&](std::size_t i) {
      std::size_t e = i + 1;
      while (e < toks.size() && e - i < max_name_run && is_name_word(toks[e]) && toks[e - 1].end + 1 == toks[e].begin) ++e;
      return e;
    };
    std::size_t i = 0;
    while (i < toks.size()) {
      if (!is_name_word(toks[i])) {
        ++i;
        continue;
      }
      const std::size_t e = run_end(i);
      // Capitalized title inside the run: modifier, title, then at least one name word.
      for (std::size_t k = i; k + 2 < e; ++k) titles[key(toks[k], toks[k + 1])] = make_actor(t, toks, k + 2, e - 1);
      // Lower-case title between two runs: "North Korean leader Kim Jong-un".
      if (e + 1 < toks.size() && !toks[e].capitalized && !is_possessive(toks[e].lower) && is_name_word(toks[e + 1]) &&
          !is_possessive(toks[e - 1].lower)) {
        const std::size_t e2 = run_end(e + 1);
        titles[key(toks[e - 1], toks[e])] = make_actor(t, toks, e + 1, e2 - 1);
      }
      i = e;
    }
  }

  actor make_actor(std::string_view t, const std::vector<token>& toks, std::size_t first, std::size_t last) const {
    actor a;
    // The last part of the last name word: "Putin", "Kim Jong Un" and "Kim Jong-un" -> "putin", "un".
    // Telling people who share that part apart is the people linker's work (issue 4).
    a.key = detail::fold_name(strip_possessive(toks[last].lower));
    if (const auto space = a.key.rfind(' '); space != std::string::npos) a.key.erase(0, space + 1);
    a.text = strip_possessive(t.substr(toks[first].begin, toks[last].end - toks[first].begin));
    return a;
  }

  std::optional<actor> find_actor(std::string_view t, const std::vector<token>& toks, std::size_t trig,
                                  const std::optional<actor>& last, const title_index& titles, std::size_t prev_end,
                                  const std::optional<actor>& prev, bool& shared) const {
    shared = false;
    std::size_t k = trig;
    // "Putin, the Russian president, arrived": an apposition between commas right before the
    // trigger is passed over; the name stands before its first comma.
    if (trig > 0 && boundary_between(t, toks[trig - 1], toks[trig], ',')) {
      for (std::size_t a = trig - 1, n = 0; a > 0 && n < max_apposition; --a, ++n)
        if (boundary_between(t, toks[a - 1], toks[a], ',')) {
          k = a;
          break;
        }
    }
    for (std::size_t steps = 0; k > 0 && steps < max_actor_distance; ++steps) {
      --k;
      if (k < prev_end) {
        shared = prev.has_value();
        return prev;
      }
      const token& tok = toks[k];
      if (pronouns_.count(tok.lower)) return last;
      // A place is never the actor ("In Pyongyang, Putin's plane ...", "Putin flew to Pyongyang and landed").
      if (const auto p = places_.longest_ending_at(toks, k + 1); p.length && toks[k + 1 - p.length].capitalized) {
        k -= p.length - 1;
        continue;
      }
      if (!is_name_word(tok)) {
        // "the president's plane" refers back; "the Russian president's plane" to whom that title named.
        if (!tok.capitalized && is_possessive(tok.lower)) {
          if (k > 0 && is_name_word(toks[k - 1])) {
            const auto it = titles.find(strip_possessive(toks[k - 1].lower) + " " + strip_possessive(tok.lower));
            return it != titles.end() ? std::optional<actor>(it->second) : std::nullopt;
          }
          return last;
        }
        continue;
      }
      // The run of capitalized words that ends here: "Russian President Vladimir Putin"; it
      // stops at a function word, a zone ("At 14:20 BST Putin ...") or a place.
      std::size_t b = k;
      while (b > 0 && k - b + 1 < max_name_run && toks[b - 1].end + 1 == toks[b].begin && is_name_word(toks[b - 1]) &&
             !zones_.longest_ending_at(toks, b).length && !places_.longest_ending_at(toks, b).length)
        --b;
      // "the Russian president arrived", "a U.S. envoy landed": after a determiner, the
      // capitalized words modify the noun that follows; the phrase refers to whom that title
      // named earlier in the document, else to the last actor named.
      if (b > 0 && determiners_.count(toks[b - 1].lower) && k + 1 < trig && !toks[k + 1].capitalized &&
          !is_possessive(tok.lower)) {
        const auto it = titles.find(strip_possessive(tok.lower) + " " + strip_possessive(toks[k + 1].lower));
        return it != titles.end() ? std::optional<actor>(it->second) : std::nullopt;
      }
      return make_actor(t, toks, b, k);
    }
    shared = prev.has_value();
    return prev;
  }

  // Whether `gap` is an opening bracket with spaces around it: " (", " [".
  static bool is_opening_bracket(std::string_view gap) {
    bool bracket = false;
    for (char c : gap) {
      if ((c == '(' || c == '[') && !bracket) bracket = true;
      else if (!detail::is_space(c)) return false;
    }
    return bracket;
  }

  // Whether the text between two neighbouring tokens holds the punctuation mark `c`.
  static bool boundary_between(std::string_view t, const token& before, const token& after, char c) {
    return t.substr(before.end, after.begin - before.end).find(c) != std::string_view::npos;
  }

  // Places and source cues of a sentence, in one pass.
  void scan_places_and_sources(sentence_scan& sc) const {
    const auto& toks = sc.toks;
    sc.places.clear();
    for (std::size_t i = 0; i < toks.size(); ++i) {
      if (!toks[i].capitalized) continue;
      // "Moscow time" names a zone, not the place of the event.
      if (const auto z = zones_.longest_at(toks, i); z.length > 1) {
        i += z.length - 1;
        continue;
      }
      if (const auto m = places_.longest_at(toks, i); m.length) {
        sc.places.emplace_back(i, static_cast<std::size_t>(m.payload));
        i += m.length - 1;
      }
    }
    sc.prepositions.clear();
    sc.reporters.clear();
    for (std::size_t i = 0; i < toks.size(); ++i) {
      if (const auto p = prepositions_.longest_at(toks, i); p.length) {
        if (i + p.length < toks.size()) sc.prepositions.push_back(source_at(i, p.length));
        i += p.length - 1;
      } else if (const auto r = reporting_.longest_at(toks, i); r.length) {
        sc.reporters.push_back(source_at(i, r.length));
      }
    }
  }

  // The place of the event: the first place after the trigger, else the last one before it.
  static std::optional<std::size_t> find_place(const sentence_scan& sc, std::size_t trig) {
    const auto after = std::upper_bound(sc.places.begin(), sc.places.end(), trig,
                                        [](std::size_t tok, const auto& p) { return tok < p.first; });
    if (after != sc.places.end()) return after->second;
    if (after != sc.places.begin()) return std::prev(after)->second;
    return std::nullopt;
  }

  // A clause boundary at t[i]; the ':' of a clock time ("2:46") is not one.
  static bool is_clause_boundary(std::string_view t, std::size_t i) {
    const char c = t[i];
    if (c == ':') return !(i > 0 && i + 1 < t.size() && is_ascii_digit(t[i - 1]) && is_ascii_digit(t[i + 1]));
    return c == ',' || c == ';' || c == '(' || c == ')' || c == '"';
  }
  static std::string_view trim_source(std::string_view s) {
    while (!s.empty() && (detail::is_space(s.front()) || s.front() == ',')) s.remove_prefix(1);
    while (!s.empty() && (detail::is_space(s.back()) || s.back() == '.' || s.back() == ',')) s.remove_suffix(1);
    return s;
  }

  // "according to X", "citing X": X runs to the next clause boundary or the sentence's end.
  static void read_preposition(std::string_view t, const sentence_scan& sc, source_hit& h) {
    h.read = true;
    const std::size_t end = sc.sen->normalized.end;
    std::size_t b = sc.toks[h.tok + h.len].begin, e = b;
    while (e < end && !is_clause_boundary(t, e) && !(t[e] == '.' && (e + 1 == end || t[e + 1] == ' '))) ++e;
    h.text = std::string(trim_source(t.substr(b, e - b)));
  }

  // "X reported that ...", "..., X said": X is the clause before the verb, back to the last
  // boundary; an empty clause or a lone connective ("outlets, however, reported") reaches
  // one clause further back.
  void read_reporter(std::string_view t, const sentence_scan& sc, source_hit& h) const {
    h.read = true;
    const std::size_t begin = sc.sen->normalized.begin;
    std::size_t e = sc.toks[h.tok].begin, b = e;
    for (int clauses = 0; clauses < 3; ++clauses) {
      while (b > begin && !is_clause_boundary(t, b - 1)) --b;
      const auto clause = trim_source(t.substr(b, e - b));
      // A lone connective ("outlets, however, reported") is not the source; a lone noun
      // ("..., officials said") is.
      const bool connective = clause.find(' ') == std::string_view::npos && !clause.empty() &&
                              function_words_.count(detail::lower(clause));
      if (!(clause.empty() || connective) || b == begin) break;
      --b;
    }
    std::string_view s = trim_source(t.substr(b, e - b));
    // Drop a lone interjection between commas: "outlets, however," -> "outlets".
    if (const auto comma = s.find(','); comma != std::string_view::npos) s = trim_source(s.substr(0, comma));
    h.clause_begin = b;
    h.clause_end = e;
    if (!pronouns_.count(detail::lower(s))) h.text = std::string(s);
  }

  // The attribution of a time: "X, citing Y", "X" or "Y"; empty when the sentence gives none.
  std::string find_attribution(std::string_view t, sentence_scan& sc, const time_expr& te) const {
    const auto inside_time = [&](const source_hit& h) { return h.tok >= te.first && h.tok < te.last; };
    // Distance of a cue from the time, in tokens; a cue after the time comes first ("at 2:46
    // a.m., according to the Kremlin, while Lavrov arrived at 3:10, according to TASS").
    const auto distance = [&](const source_hit& h) {
      return h.tok >= te.last ? h.tok - te.last : (te.first - h.tok) + sc.toks.size();
    };
    std::string_view cited, reporter;
    std::size_t best = std::numeric_limits<std::size_t>::max();
    for (auto& h : sc.prepositions) {
      if (inside_time(h) || distance(h) >= best) continue;
      if (!h.read) read_preposition(t, sc, h);
      if (!h.text.empty()) {
        cited = h.text;
        best = distance(h);
      }
    }
    std::size_t tried = 0;
    for (auto& h : sc.reporters) {
      if (inside_time(h)) continue;
      if (++tried > max_sources_tried) break;
      if (!h.read) read_reporter(t, sc, h);
      // The event's own clause is not a source: "Putin arrived at 2:46, the Kremlin said" keeps
      // "the Kremlin", but "he said he arrived" gives nothing.
      const bool holds_time = h.clause_begin <= sc.toks[te.first].begin && h.clause_end >= te.end_offset;
      if (!h.text.empty() && !holds_time) {
        reporter = h.text;
        break;
      }
    }
    if (!reporter.empty() && !cited.empty()) return std::string(reporter) + ", citing " + std::string(cited);
    return std::string(reporter.empty() ? cited : reporter);
  }

  // A modality cue in the few words before the trigger, after the trigger before it (which
  // ends at token `from_tok`): "was scheduled to arrive".
  modality find_modality(const std::vector<token>& toks, std::size_t trig, std::size_t from_tok) const {
    const std::size_t from = std::max(trig >= 4 ? trig - 4 : 0, from_tok);
    for (std::size_t k = from; k < trig; ++k) {
      const auto m = modality_.longest_at(toks, k);
      if (!m.length) continue;
      // A negation denies the event only right before its verb ("did not arrive", "has not yet
      // landed"), not in a clause before it ("Putin, who had not slept, arrived").
      if (static_cast<modality>(m.payload) == modality::denied && k + m.length + 1 < trig) continue;
      return static_cast<modality>(m.payload);
    }
    return modality::reported;
  }

  void emit(const document& doc, std::string_view t, sentence_scan& sc, time_expr te, std::vector<claim>& out) const {
    const auto& toks = sc.toks;
    const auto& triggers = sc.triggers;
    // The nearest trigger before the time, else the nearest one shortly after it. Times come
    // in order, so the triggers before the time are counted on from the last one.
    while (sc.triggers_before < triggers.size() &&
           triggers[sc.triggers_before].tok + triggers[sc.triggers_before].len <= te.first)
      ++sc.triggers_before;
    std::optional<std::size_t> pick;
    if (const std::size_t k = sc.triggers_before; k > 0 && te.first - (triggers[k - 1].tok + triggers[k - 1].len) <= max_trigger_distance)
      pick = k - 1;
    if (!pick) {
      for (std::size_t k = sc.triggers_before; k < triggers.size() && triggers[k].tok < te.last + max_trigger_after + 1; ++k)
        if (triggers[k].tok >= te.last) {
          pick = k;
          break;
        }
    }
    if (!pick || !sc.actors[*pick]) return;
    const trigger_hit& tr = triggers[*pick];
    // A reporting verb between the trigger and the time, or just before the time, means the
    // time is that of the statement, not of the event.
    const std::size_t lo = std::min(tr.tok + tr.len, te.last), hi = std::max(tr.tok, te.first);
    for (std::size_t k = lo; k < hi; ++k)
      if (reporting_.longest_at(toks, k).length) return;
    for (std::size_t k = te.first >= 2 ? te.first - 2 : 0; k < te.first; ++k)
      if (reporting_.longest_at(toks, k).length) return;
    // A time before its trigger, in the clause of a reporting verb ("the Kremlin said on Telegram
    // at 3:05 a.m. that Putin had landed"), dates the statement too.
    if (tr.tok >= te.last) {
      for (std::size_t k = te.first, n = 0; k > 0 && n < max_trigger_after; --k, ++n) {
        if (boundary_between(t, toks[k - 1], toks[k], ',') || boundary_between(t, toks[k - 1], toks[k], ';')) break;
        if (reporting_.longest_at(toks, k - 1).length) return;
      }
    }

    const auto place = find_place(sc, tr.tok);
    if (!te.zone_named) {
      if (place) {
        te.val.zone = rules_.places[*place].zone;
        te.val.zone_name = rules_.places[*place].name;
      } else if (doc.published.offset) {
        te.val.zone = doc.published.offset;
        te.val.zone_name = "publication zone";
      }
    }
    const actor& a = *sc.actors[*pick];
    claim c;
    c.kind = claim_kind::time_of_day;
    c.subject = rules_.events[static_cast<std::size_t>(tr.event)].id + ":" + a.key;
    if (place) {
      c.subject += '@';
      c.subject += detail::lower(rules_.places[*place].name);
    }
    c.subject_text = a.text;
    c.attribute = "time";
    c.val = te.val;
    c.hdg = te.hdg;
    c.mod = sc.modalities[*pick];
    c.rule = te.rule;
    const text_span norm{toks[te.first].begin, te.end_offset};
    const text_span orig = doc.to_original(norm);
    c.ev.document = doc.id;
    c.ev.source = doc.source;
    c.ev.begin = orig.begin;
    c.ev.end = orig.end;
    c.ev.text = std::string(doc.original(orig));
    c.ev.sentence = std::string(doc.original(sc.sen->span));
    c.ev.sentence_begin = sc.sen->span.begin;
    c.ev.attribution = find_attribution(t, sc, te);
    c.ev.repeated = doc.paragraphs[sc.sen->paragraph].repeat_of.has_value();
    out.push_back(std::move(c));
  }

  const rule_set& rules_;
  phrase_matcher triggers_, places_, zones_, vague_, hedges_, prepositions_, reporting_, modality_;
  std::unordered_set<std::string> am_, pm_, function_words_, pronouns_, determiners_;
};

}  // namespace

std::unique_ptr<extractor> make_time_extractor(const rule_set& rules) { return std::make_unique<time_extractor>(rules); }

namespace detail {
time_text_parser::time_text_parser(const rule_set& rules) : impl_(make_time_extractor(rules)) {}
time_text_parser::~time_text_parser() = default;
std::optional<clock_time> time_text_parser::parse(std::string_view raw) const {
  return static_cast<const time_extractor&>(*impl_).parse_text(raw);
}
}  // namespace detail

}  // namespace crosscheck
