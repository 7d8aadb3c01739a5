// Clock times tied to the events they date.
//
// Rules (ids appear in each claim's `rule`):
//   time.event_clock        "<actor> <trigger> ... at 2:46 a.m." / "At 14:20 BST <actor> <trigger>";
//                           "noon" and "midnight" (one-minute vague phrases) are clock times
//   time.event_hedged_clock "... touched down after 2 am", "around 2:20 a.m.", "shortly before midnight"
//   time.event_vague        "... landed in the early hours of Wednesday", "before dawn", "around noon"
// Which event a time dates, its actor, place, modality and attribution come from
// extract/event_context (the nearest trigger before the time within 24 tokens, else one shortly
// after it; "<event>:<actor>[@<place>]"; a statement's own time gives no claim).
// The zone is the one the text names, else the event place's, else the document's, else unknown.
// A time in brackets right after another ("2:46 a.m. (17:46 GMT)") restates it and gives no
// claim; nor does a bare "3:16" after a name ("John 3:16"), nor a part of the day in a name ("The
// Evening Courier reported"). Nor does a live blog's entry stamp:
// a clock time that opens a sentence after a word of time.yaml's entry_stamp ("Updated 10:42
// a.m. ET"), or before a dash or a colon ("10:42 GMT — The plane landed", "10:42 BST: ..."), or
// alone ("10:42 GMT" on its own line): it says when the entry was posted, not when the event
// happened ("At 10:42 GMT the plane landed" is a time of the event).
// Cost: linear in the sentence's tokens, plus the evidence each claim copies.
#include <array>
#include <optional>
#include <vector>

#include "crosscheck/extract.hpp"
#include "extract/date_parse.hpp"
#include "extract/event_context.hpp"
#include "extract/event_pass.hpp"
#include "extract/lexical.hpp"
#include "extract/occasion.hpp"
#include "extract/time.hpp"
#include "extract/year_text.hpp"
#include "text/fold.hpp"

namespace crosscheck {
namespace {

using detail::is_ascii_digit;
using detail::phrase_matcher;
using detail::token;
using detail::token_span;

enum hedge_kind { hedge_after = 0, hedge_before = 1, hedge_about = 2 };
// The rule a time claim comes from: an index into time_part::rule_ids_.
enum class time_rule : std::size_t { clock = 0, vague = 1, hedged_clock = 2 };
constexpr int local_time_payload = -1;

struct time_expr {
  std::size_t first = 0;  // first token (including a hedge)
  std::size_t last = 0;   // one past the last token
  std::size_t end_offset = 0;  // normalized end offset (may take in the period of "a.m.")
  clock_time val;
  hedge hdg = hedge::none;
  time_rule rule = time_rule::clock;
  bool zone_named = false;  // a zone with an offset follows ("BST", "Moscow time")
  bool zone_words = false;  // a zone follows, named or "local time"
  bool dotted = false;  // "14.20": a time only with a zone
  bool bare = false;    // "3:16": 24-hour digits with no a.m./p.m.
};

std::string without_dots(std::string_view s) {
  std::string out;
  for (char c : s)
    if (c != '.' && c != ' ') out += c;
  return out;
}

// A meridiem as written after a clock time ("a.m.", "PM", "am"), without its dots and spaces,
// kept on the stack: parse_clock() reads one for every number it tries, and a std::string and
// a hash-set lookup each time cost more than the rest of the parse. A longer text keeps only
// its view, and is looked up the slow way.
struct meridiem_text {
  static constexpr std::size_t capacity = 16;
  std::string_view written;
  char buf[capacity];
  std::size_t size = 0;
  bool too_long = false;
  explicit meridiem_text(std::string_view s) : written(s) {
    for (char c : s)
      if (c != '.' && c != ' ') {
        if (size == capacity) {
          too_long = true;
          return;
        }
        buf[size++] = c;
      }
  }
  bool empty() const noexcept { return size == 0; }
  bool in(const detail::word_set& set) const {
    return too_long ? set.contains(without_dots(written)) : set.contains(std::string_view(buf, size));
  }
};

class time_part final : public detail::event_part {
 public:
  time_part(const rule_set& rules, const detail::event_context& events) : rules_(rules), events_(events) {
    for (std::size_t z = 0; z < rules.zones.size(); ++z) zones_.add(rules.zones[z].name, static_cast<int>(z));
    for (const auto& w : rules.local_time_words) zones_.add(w, local_time_payload);
    for (std::size_t v = 0; v < rules.vague_times.size(); ++v) vague_.add(rules.vague_times[v].phrase, static_cast<int>(v));
    for (const auto& h : rules.time_hedges.after) hedges_.add(h, hedge_after);
    for (const auto& h : rules.time_hedges.before) hedges_.add(h, hedge_before);
    for (const auto& h : rules.time_hedges.about) hedges_.add(h, hedge_about);
    for (const auto& w : rules.entry_stamp_words) stamps_.add(w, 0);
    for (const auto& m : rules.meridiem_am) am_.insert(without_dots(m));
    for (const auto& m : rules.meridiem_pm) pm_.insert(without_dots(m));
    detail::bind_roles(rules.word_ids(), zones_, vague_, hedges_, stamps_);
    start_roles_ = vague_.start_roles() | hedges_.start_roles();
    for (const auto& z : rules.zones) zone_names_.emplace_back(z.name);
    for (const auto& p : rules.places) place_names_.emplace_back(p.name);
    detail::shared_years();  // made now, so that no document pays for the table of year texts
  }

  claim_kind kind() const noexcept override { return claim_kind::time_of_day; }

  // The first time expression in a short text ("2:07 PM EST", "after 2 am"), zone as written.
  std::optional<clock_time> parse_text(std::string_view raw) const {
    const auto toks = detail::tokenize(raw, 0, raw.size());
    for (std::size_t i = 0; i < toks.size(); ++i)
      if (auto te = find_time(raw, toks, i)) return te->val;
    return std::nullopt;
  }

  void sentence(const detail::sentence_input& in, std::vector<claim>& out) const override {
    const std::string_view t = in.text;
    detail::event_scan& sc = in.sc;
    // A time needs a digit or a vague phrase ("noon", "in the early hours"): a sentence with
    // neither (scan() has ORed its tokens' bits) is passed over.
    if (!sc.digits && !(sc.roles & vague_.start_roles())) return;
    std::optional<std::size_t> previous_end;  // end offset of the last time read
    const token* const tk = sc.toks().data();
    const std::size_t n = sc.toks().size();
    for (std::size_t i = 0; i < n; ++i) {
      // Most words have no digit and start no vague phrase or hedge: four of them are passed
      // over on one test, and a single one on one test.
      if (i + 4 <= n && !((tk[i].roles | tk[i + 1].roles | tk[i + 2].roles | tk[i + 3].roles) & start_roles_) &&
          !(tk[i].has_digit | tk[i + 1].has_digit | tk[i + 2].has_digit | tk[i + 3].has_digit)) {
        i += 3;
        continue;
      }
      if (!tk[i].has_digit && !(tk[i].roles & start_roles_)) continue;
      if (!may_start_time(sc.toks(), i)) continue;
      std::optional<time_expr> te = find_time(t, sc.toks(), i);
      if (!te) continue;
      const std::size_t resume = te->last;
      // A time in brackets right after another one restates it in another zone: "2:46 a.m.
      // (17:46 GMT)". It gives no claim of its own.
      const bool restated =
          previous_end && is_opening_bracket(t.substr(*previous_end, sc.toks()[te->first].begin - *previous_end));
      if (!restated && !entry_stamp(t, sc, *te)) emit(in, *te, out);
      previous_end = te->end_offset;
      i = resume - 1;
    }
  }

 private:
  // A time expression starting at toks[i]: a vague phrase ("in the early hours", "around noon"),
  // or an optional hedge followed by a clock time ("2:46 a.m.") or a one-minute vague phrase,
  // which is a clock time in words ("noon", "midnight"); then an optional zone.
  std::optional<time_expr> find_time(std::string_view t, token_span toks, std::size_t i) const {
    time_expr te;
    te.first = i;
    // A vague phrase is read whole first, so that "before dawn" and "around noon" are not
    // taken for a hedge ("before", "around") and a word after it.
    const auto whole = vague_.longest_at(toks, i);
    // "(The Evening Courier)", "the Morning Star": a capitalized part of the day inside a
    // sentence, with a capitalized word right after it, is part of a name.
    if (whole.length && i > 0 && toks[i].capitalized && i + whole.length < toks.size() &&
        toks[i + whole.length].capitalized && toks[i + whole.length].begin == toks[i + whole.length - 1].end + 1)
      return std::nullopt;
    std::optional<int> hedge_kind_found;
    std::size_t j = i;
    if (whole.length && !is_point(whole)) {
      const auto& e = rules_.vague_times[static_cast<std::size_t>(whole.payload)];
      te.last = i + whole.length;
      te.end_offset = toks[te.last - 1].end;
      te.val = clock_time::span(e.begin, e.end);
      te.rule = time_rule::vague;
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
      te.rule = time_rule::hedged_clock;
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
          te.val.zone_name = zone_names_[static_cast<std::size_t>(z.payload)];
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
      if (te.bare && !te.zone_words && !hedge_kind_found && j > 0 && events_.is_name_word(toks[j - 1]) &&
          toks[j - 1].end + 1 == toks[j].begin && !events_.ends_with_place(toks, j))
        return std::nullopt;
    }
    return te;
  }

  // Whether find_time() can find anything at toks[i]: every form starts with a vague phrase, a
  // hedge or a word with a digit. Most words start none: one flag test and two phrase lookups
  // (stopped by their Bloom bits) instead of a call.
  bool may_start_time(token_span toks, std::size_t i) const {
    return toks[i].has_digit || vague_.longest_at(toks, i).length || hedges_.longest_at(toks, i).length;
  }

  // A vague phrase one minute long ("noon", "midnight") is a clock time written in words.
  bool is_point(const phrase_matcher::match& m) const {
    const auto& e = rules_.vague_times[static_cast<std::size_t>(m.payload)];
    return e.end - e.begin == 1;
  }

  // "2:46", "02:22", "2:46 a.m.", "2 am", "2am", "14.20" (with a zone). Fills te.val, te.last, te.end_offset.
  bool parse_clock(std::string_view t, token_span toks, std::size_t j, time_expr& te) const {
    const std::string_view s = toks[j].lower;
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
    meridiem_text suffix(s.substr(k));  // "2:46am", "2:46a.m."
    std::size_t last = j + 1;
    std::size_t end_offset = toks[j].end;
    if (s.find('.', k) != std::string::npos && end_offset < t.size() && t[end_offset] == '.')
      ++end_offset;  // the closing period of "2:46a.m."
    if (suffix.empty() && j + 1 < toks.size()) {
      const meridiem_text next(toks[j + 1].lower);
      if (next.in(am_) || next.in(pm_)) {
        suffix = next;
        last = j + 2;
        end_offset = toks[j + 1].end;
        if (end_offset < t.size() && t[end_offset] == '.' && toks[j + 1].lower.find('.') != std::string::npos)
          ++end_offset;  // the closing period of "a.m."
      }
    }
    const bool am = suffix.in(am_), pm = suffix.in(pm_);
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

  // A live blog's entry stamp: the time opens the sentence, after a stamp word ("Updated 10:42
  // a.m. ET"), or with nothing after it but a dash or a colon ("10:42 GMT - The plane ...",
  // dashes are normalized to "-") or the sentence's end.
  bool entry_stamp(std::string_view t, const detail::event_scan& sc, const time_expr& te) const {
    if (te.hdg != hedge::none) return false;
    if (te.first > 0) return stamps_.longest_at(sc.toks(), 0).length == te.first;
    const std::size_t end = sc.sen->normalized.end;
    std::size_t i = te.end_offset;
    while (i < end && detail::is_space(t[i])) ++i;
    // A zone abbreviation time.yaml does not list ("10:42 a.m. ET - ..."): two to four capitals.
    std::size_t caps = i;
    while (caps < end && caps - i < 5 && detail::is_ascii_upper(t[caps])) ++caps;
    if (caps - i >= 2 && caps - i <= 4 && (caps == end || detail::is_space(t[caps])))
      for (i = caps; i < end && detail::is_space(t[i]);) ++i;
    if (i == end) return true;
    return (t[i] == '-' || t[i] == ':') && (i + 1 == end || detail::is_space(t[i + 1]));
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

  void emit(const detail::sentence_input& in, time_expr te, std::vector<claim>& out) const {
    const document& doc = in.doc;
    const std::string_view t = in.text;
    detail::event_scan& sc = in.sc;
    const auto k = events_.attach(t, sc, te.first, te.last);
    if (!k) return;
    const auto place = events_.place_of(sc, *k);
    if (!te.zone_named) {
      if (place) {
        te.val.zone = rules_.places[*place].zone;
        te.val.zone_name = place_names_[*place];
      } else if (doc.published.offset) {
        te.val.zone = doc.published.offset;
        te.val.zone_name = publication_zone_;
      }
    }
    // Built where it stays, with nothing left to fail: no move into `out`, no moved-from claim to destroy.
    claim& c = out.emplace_back();
    c.kind = claim_kind::time_of_day;
    c.subject = events_.subject(sc, *k, place);
    c.subject_text = detail::event_context::actor_text(sc, *k);
    c.attribute = attribute_;
    c.occasion = detail::occasion_near(t, sc, *k, in.dates, doc.published.date);
    c.val = te.val;
    c.hdg = te.hdg;
    c.mod = events_.modality_of(t, sc, *k);
    c.rule = rule_ids_[static_cast<std::size_t>(te.rule)];
    detail::event_context::fill_evidence(doc, sc, {sc.toks()[te.first].begin, te.end_offset}, c);
    c.ev.attribution = events_.attribution(t, sc, te.first, te.last, te.end_offset);
  }

  const rule_set& rules_;
  const detail::event_context& events_;
  phrase_matcher zones_, vague_, hedges_, stamps_;
  std::uint64_t start_roles_ = detail::all_roles;  // the first words of vague phrases and hedges
  detail::word_set am_, pm_;  // meridiems without dots: "am", "pm"
  // The texts every claim of a kind shares, made once: a copy only counts a reference.
  std::vector<shared_string> zone_names_, place_names_;  // by zone and place index
  shared_string publication_zone_{"publication zone"}, attribute_{"time"};
  std::array<shared_string, 3> rule_ids_{"time.event_clock", "time.event_vague", "time.event_hedged_clock"};  // by time_rule
};

}  // namespace

namespace detail {
std::unique_ptr<event_part> make_time_part(const rule_set& rules, const event_context& events) {
  return std::make_unique<time_part>(rules, events);
}
std::optional<clock_time> parse_time_text(const event_part& time, std::string_view raw) {
  return static_cast<const time_part&>(time).parse_text(raw);
}

time_text_parser::time_text_parser(const rule_set& rules) : impl_(make_time_extractor(rules)) {}
time_text_parser::~time_text_parser() = default;
std::optional<clock_time> time_text_parser::parse(std::string_view raw) const {
  return parse_time_text(*static_cast<const event_pass&>(*impl_).part(claim_kind::time_of_day), raw);
}
}  // namespace detail

}  // namespace crosscheck
