// Clock times tied to the events they date.
//
// Rules (ids appear in each claim's `rule`):
//   time.event_clock        "<actor> <trigger> ... at 2:46 a.m." / "At 14:20 BST <actor> <trigger>"
//   time.event_hedged_clock "... touched down after 2 am", "around 2:20 a.m."
//   time.event_vague        "... landed in the early hours of Wednesday"
// The subject is "<event>:<actor>[@<place>]": the actor is the name before the trigger (a
// possessive "Putin's plane" counts; a pronoun or "the president's plane" refers back to the
// last actor named in the document), the place is the first known place after the trigger.
// The zone is the one the text names, else the place's, else the document's, else unknown.
// A time that belongs to a statement ("the Kremlin announced at 3 a.m. that he had arrived")
// is not the event's time and gives no claim.
#include <fmt/format.h>

#include <optional>
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

struct time_expr {
  std::size_t first = 0;  // first token (including a hedge)
  std::size_t last = 0;   // one past the last token
  std::size_t end_offset = 0;  // normalized end offset (may take in the period of "a.m.")
  clock_time val;
  hedge hdg = hedge::none;
  const char* rule = "time.event_clock";
  bool zone_named = false;
  bool dotted = false;  // "14.20": a time only with a zone
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
      places_.add(rules.places[p].name, static_cast<int>(p));
      for (const auto& a : rules.places[p].aliases) places_.add(a, static_cast<int>(p));
    }
    for (std::size_t z = 0; z < rules.zones.size(); ++z) zones_.add(rules.zones[z].name, static_cast<int>(z));
    zones_.add("local time", local_time_payload);
    for (std::size_t v = 0; v < rules.vague_times.size(); ++v) vague_.add(rules.vague_times[v].phrase, static_cast<int>(v));
    for (const auto& h : rules.time_hedges.after) hedges_.add(h, hedge_after);
    for (const auto& h : rules.time_hedges.before) hedges_.add(h, hedge_before);
    for (const auto& h : rules.time_hedges.about) hedges_.add(h, hedge_about);
    for (const auto& p : rules.attribution.prepositions) prepositions_.add(p, 0);
    for (const auto& v : rules.attribution.reporting_verbs) reporting_.add(v, 0);
    for (const auto& m : rules.modality_cues.scheduled) modality_.add(m, static_cast<int>(modality::scheduled));
    for (const auto& m : rules.modality_cues.planned) modality_.add(m, static_cast<int>(modality::planned));
    for (const auto& m : rules.modality_cues.expected) modality_.add(m, static_cast<int>(modality::expected));
    for (const auto& m : rules.meridiem_am) am_.insert(without_dots(m));
    for (const auto& m : rules.meridiem_pm) pm_.insert(without_dots(m));
    function_words_.insert(rules.english.function_words.begin(), rules.english.function_words.end());
    pronouns_.insert(rules.english.pronouns.begin(), rules.english.pronouns.end());
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
    const std::string_view t = doc.normalized;
    for (const sentence& sen : doc.sentences) {
      const auto toks = detail::tokenize(t, sen.normalized.begin, sen.normalized.end);
      if (toks.empty()) continue;
      std::vector<trigger_hit> triggers;
      for (std::size_t i = 0; i < toks.size(); ++i) {
        const auto m = triggers_.longest_at(toks, i);
        if (m.length) {
          triggers.push_back({i, m.length, m.payload});
          i += m.length - 1;
        }
      }
      if (triggers.empty()) continue;
      // Actors of each trigger, in order, so that "he" refers to the last one named.
      std::vector<std::optional<actor>> actors;
      for (const auto& tr : triggers) {
        actors.push_back(find_actor(t, toks, tr.tok, last_actor));
        if (actors.back()) last_actor = actors.back();
      }
      for (std::size_t i = 0; i < toks.size(); ++i) {
        std::optional<time_expr> te = find_time(t, toks, i);
        if (!te) continue;
        const std::size_t resume = te->last;
        emit(doc, sen, t, toks, triggers, actors, *te, out);
        i = resume - 1;
      }
    }
  }

 private:
  // A time expression starting at toks[i] (a hedge, a clock time or a vague phrase).
  std::optional<time_expr> find_time(std::string_view t, const std::vector<token>& toks, std::size_t i) const {
    time_expr te;
    std::size_t j = i;
    std::optional<int> hedge_kind_found;
    if (const auto h = hedges_.longest_at(toks, i); h.length) {
      hedge_kind_found = h.payload;
      j = i + h.length;
    }
    if (const auto v = vague_.longest_at(toks, j); v.length) {
      const auto& e = rules_.vague_times[static_cast<std::size_t>(v.payload)];
      te.first = i;
      te.last = j + v.length;
      te.end_offset = toks[te.last - 1].end;
      te.val = clock_time::span(e.begin, e.end);
      te.rule = "time.event_vague";
      te.hdg = hedge::none;
      if (hedge_kind_found) return std::nullopt;  // "after the early hours": not a value we read
      return te;
    }
    if (j >= toks.size() || !parse_clock(t, toks, j, te)) return std::nullopt;
    te.first = i;
    if (hedge_kind_found) {
      const int b = te.val.begin;
      switch (*hedge_kind_found) {
        case hedge_after:
          te.val = clock_time::after(b / 60, b % 60);
          te.hdg = hedge::after;
          break;
        case hedge_before:
          te.val = clock_time::before(b / 60, b % 60);
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
      } else {
        const auto& ze = rules_.zones[static_cast<std::size_t>(z.payload)];
        // Abbreviations must be written as listed ("BST", not "bst" or "Est").
        const std::string_view written = t.substr(toks[te.last].begin, toks[te.last + z.length - 1].end - toks[te.last].begin);
        if (written == ze.name || !detail::is_ascii_upper(ze.name.back())) {
          te.val.zone = ze.offset;
          te.val.zone_name = ze.name;
          te.zone_named = true;
          te.last += z.length;
          te.end_offset = toks[te.last - 1].end;
        }
      }
    }
    if (te.val.prec == clock_time::precision::minute || te.val.prec == clock_time::precision::hour) {
      // A bare 24-hour "14.20" is only a time with a zone; without one it is a decimal number.
      if (te.dotted && !te.zone_named) return std::nullopt;
    }
    return te;
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
    std::string suffix = s.substr(k);
    std::size_t last = j + 1;
    std::size_t end_offset = toks[j].end;
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
    if (am || pm) {
      if (h < 1 || h > 12 || m > 59) return false;
      const int h24 = (h % 12) + (pm ? 12 : 0);
      te.val = m >= 0 ? clock_time::at(h24, m) : clock_time{h24 * 60, h24 * 60 + 60, clock_time::precision::hour, {}, {}};
    } else {
      if (m < 0 || h > 23 || m > 59) return false;  // a bare number is not a time
      if (toks[j].end - toks[j].begin < 4) return false;
      te.val = clock_time::at(h, m);
      te.dotted = sep == '.';
    }
    te.last = last;
    te.end_offset = end_offset;
    return true;
  }

  std::optional<actor> find_actor(std::string_view t, const std::vector<token>& toks, std::size_t trig,
                                  const std::optional<actor>& last) const {
    std::size_t steps = 0;
    for (std::size_t k = trig; k-- > 0 && steps < 8; ++steps) {
      const token& tok = toks[k];
      if (pronouns_.count(tok.lower)) return last;
      if (!tok.capitalized) {
        if (is_possessive(tok.lower)) return last;  // "the president's plane": refers back
        continue;
      }
      if (function_words_.count(strip_possessive(tok.lower))) return std::nullopt;
      // The run of capitalized words that ends here: "Russian President Vladimir Putin".
      std::size_t b = k;
      while (b > 0 && toks[b - 1].capitalized && toks[b - 1].end + 1 == toks[b].begin &&
             !function_words_.count(toks[b - 1].lower))
        --b;
      actor a;
      a.key = detail::fold_name(strip_possessive(tok.lower));
      const std::size_t tb = toks[b].begin;
      a.text = strip_possessive(t.substr(tb, tok.end - tb));
      return a;
    }
    return std::nullopt;
  }

  std::optional<std::size_t> find_place(const std::vector<token>& toks, std::size_t trig) const {
    std::optional<std::size_t> before;
    for (std::size_t i = 0; i < toks.size(); ++i) {
      if (!toks[i].capitalized) continue;
      const auto m = places_.longest_at(toks, i);
      if (!m.length) continue;
      if (i > trig) return static_cast<std::size_t>(m.payload);
      before = static_cast<std::size_t>(m.payload);
      i += m.length - 1;
    }
    return before;
  }

  // "according to X", "citing X"; "X reported that ...", "..., X said".
  std::string find_attribution(std::string_view t, const sentence& sen, const std::vector<token>& toks,
                               const time_expr& te) const {
    auto boundary = [](char c) { return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"'; };
    auto trim = [](std::string_view s) {
      while (!s.empty() && (detail::is_space(s.front()) || s.front() == ',')) s.remove_prefix(1);
      while (!s.empty() && (detail::is_space(s.back()) || s.back() == '.' || s.back() == ',')) s.remove_suffix(1);
      return s;
    };
    std::string reporter, cited;
    for (std::size_t i = 0; i < toks.size(); ++i) {
      if (i >= te.first && i < te.last) continue;
      if (const auto p = prepositions_.longest_at(toks, i); p.length && i + p.length < toks.size()) {
        std::size_t b = toks[i + p.length].begin, e = b;
        while (e < sen.normalized.end && !boundary(t[e]) && !(t[e] == '.' && (e + 1 == sen.normalized.end || t[e + 1] == ' ')))
          ++e;
        const auto s = trim(t.substr(b, e - b));
        if (!s.empty() && cited.empty()) cited = std::string(s);
        i += p.length - 1;
        continue;
      }
      if (const auto r = reporting_.longest_at(toks, i); r.length && reporter.empty()) {
        // The clause before the verb, back to the last boundary; an empty clause or a lone
        // lower-case word ("outlets, however, reported") reaches one clause further back.
        std::size_t e = toks[i].begin, b = e;
        for (int clauses = 0; clauses < 3; ++clauses) {
          while (b > sen.normalized.begin && !boundary(t[b - 1])) --b;
          const auto clause = trim(t.substr(b, e - b));
          const bool lone_word = clause.find(' ') == std::string_view::npos && !clause.empty() &&
                                 !detail::is_ascii_upper(clause.front());
          if (!(clause.empty() || lone_word) || b == sen.normalized.begin) break;
          --b;
        }
        std::string_view s = trim(t.substr(b, e - b));
        // Drop a lone interjection between commas: "outlets, however," -> "outlets".
        if (const auto comma = s.find(','); comma != std::string_view::npos) s = trim(s.substr(0, comma));
        // The event's own clause is not a source: "Putin arrived at 2:46, the Kremlin said" keeps
        // "the Kremlin", but "he said he arrived" gives nothing.
        const bool holds_time = b <= toks[te.first].begin && e >= te.end_offset;
        if (!s.empty() && !holds_time && !pronouns_.count(detail::lower(s))) reporter = std::string(s);
      }
    }
    if (!reporter.empty() && !cited.empty()) return reporter + ", citing " + cited;
    return reporter.empty() ? cited : reporter;
  }

  modality find_modality(const std::vector<token>& toks, std::size_t trig) const {
    const std::size_t from = trig >= 4 ? trig - 4 : 0;
    for (std::size_t k = from; k < trig; ++k)
      if (const auto m = modality_.longest_at(toks, k); m.length) return static_cast<modality>(m.payload);
    return modality::reported;
  }

  void emit(const document& doc, const sentence& sen, std::string_view t, const std::vector<token>& toks,
            const std::vector<trigger_hit>& triggers, const std::vector<std::optional<actor>>& actors, time_expr te,
            std::vector<claim>& out) const {
    // The nearest trigger before the time, else the nearest one shortly after it.
    std::optional<std::size_t> pick;
    for (std::size_t k = 0; k < triggers.size(); ++k) {
      const auto& tr = triggers[k];
      if (tr.tok + tr.len <= te.first && te.first - (tr.tok + tr.len) <= max_trigger_distance) pick = k;
    }
    if (!pick) {
      for (std::size_t k = 0; k < triggers.size(); ++k)
        if (triggers[k].tok >= te.last && triggers[k].tok - te.last <= max_trigger_after) {
          pick = k;
          break;
        }
    }
    if (!pick || !actors[*pick]) return;
    const trigger_hit& tr = triggers[*pick];
    // A reporting verb between the trigger and the time, or just before the time, means the
    // time is that of the statement, not of the event.
    const std::size_t lo = std::min(tr.tok + tr.len, te.last), hi = std::max(tr.tok, te.first);
    for (std::size_t k = lo; k < hi; ++k)
      if (reporting_.longest_at(toks, k).length) return;
    for (std::size_t k = te.first >= 2 ? te.first - 2 : 0; k < te.first; ++k)
      if (reporting_.longest_at(toks, k).length) return;

    const auto place = find_place(toks, tr.tok);
    if (!te.zone_named) {
      if (place) {
        te.val.zone = rules_.places[*place].zone;
        te.val.zone_name = rules_.places[*place].name;
      } else if (doc.published.offset) {
        te.val.zone = doc.published.offset;
        te.val.zone_name = "publication zone";
      }
    }
    const actor& a = *actors[*pick];
    claim c;
    c.kind = claim_kind::time_of_day;
    c.subject = rules_.events[static_cast<std::size_t>(tr.event)].id + ":" + a.key;
    if (place) c.subject += "@" + detail::lower(rules_.places[*place].name);
    c.subject_text = a.text;
    c.attribute = "time";
    c.val = te.val;
    c.hdg = te.hdg;
    c.mod = find_modality(toks, tr.tok);
    c.rule = te.rule;
    const text_span norm{toks[te.first].begin, te.end_offset};
    const text_span orig = doc.to_original(norm);
    c.ev.document = doc.id;
    c.ev.source = doc.source;
    c.ev.begin = orig.begin;
    c.ev.end = orig.end;
    c.ev.text = std::string(doc.original(orig));
    c.ev.sentence = std::string(doc.original(sen.span));
    c.ev.sentence_begin = sen.span.begin;
    c.ev.attribution = find_attribution(t, sen, toks, te);
    c.ev.repeated = doc.paragraphs[sen.paragraph].repeat_of.has_value();
    out.push_back(std::move(c));
  }

  const rule_set& rules_;
  phrase_matcher triggers_, places_, zones_, vague_, hedges_, prepositions_, reporting_, modality_;
  std::unordered_set<std::string> am_, pm_, function_words_, pronouns_;
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
