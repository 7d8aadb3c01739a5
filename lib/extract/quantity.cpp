// Quantities: amounts with units ("260,000 tons of ammunition", "33 degrees Celsius (91.4
// Fahrenheit)", "$8.5bil", "US$8.5 billion in aid", "a range of 1,000 km", "a flight of five hours").
//
// A quantity is a number (number_parse.hpp) with an optional hedge, then a unit word
// (data/units.yaml: "tons", "degrees Celsius", "km", "dollars"), or a unit glued to the digits
// ("1000km", "33°C"), or a currency symbol before it ("$", "US$", "€"). The claim:
//   subject    what is measured: the noun after "of"/"in" ("260,000 tons of ammunition" ->
//              "ammunition", "$8.5 billion in aid" -> "aid"; past a conversion in brackets: "738
//              tons (1,627,011 lbs) of wheat" -> "wheat"), else the noun before "of" ("a range
//              of 1,000 km" -> "range"), else a word of units.measures in the sentence ("the
//              temperature", "heat" -> "temperature"). With none, no claim.
//   attribute  the unit's dimension: "temperature", "mass", "money", "length", "time".
//   value      a quantity_value in the canonical unit: canonical = (n + offset) * factor, so
//              "91.4 Fahrenheit" is 33 celsius; "about n" is n +/- about_fraction; "nearly n"
//              [0.9n, n]; "up to n" [0, n]; "over n"/"at least n" [n, 1e+300] (open above).
//   rule       "quantity.unit"; the second statement of a value in another unit ("33 degrees
//              Celsius (91.4 Fahrenheit)": after "(", "/" or "or") is "quantity.converted", with
//              the same subject, its value the interval its written digits round from. Both
//              land in one slot: a wrong conversion conflicts inside one sentence, and the
//              reconciler calls that a unit-conversion finding.
// Cost: linear in the tokens of sentences with a number.
#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cmath>
#include <string>
#include <system_error>

#include <fmt/format.h>

#include "extract/number_pass.hpp"
#include "extract/year_text.hpp"
#include "text/fold.hpp"

namespace crosscheck {
namespace {

using detail::number_bound;
using detail::number_reading;
using detail::token;

constexpr double open_above = 1e300;  // quantity_value has no open bound: "over n" is [n, 1e300]

// Six significant digits, so that conversions print and read back cleanly. Written into a
// buffer and read back with from_chars: no string, and a value below a double's normal range
// ("0.000...1 tons", 320 zeros) is kept as it is, where std::stod threw out_of_range and ended
// the whole run.
double tidy(double v) {
  if (v == 0 || !std::isfinite(v) || std::abs(v) >= 1e290) return v;
  // A whole number of six significant digits or fewer ("260000", "8.5e+09") prints exactly and
  // reads back as itself: most amounts in a canonical unit with no factor. No printing then.
  if (std::abs(v) < 1e15 && v == std::trunc(v)) {
    auto n = static_cast<std::int64_t>(std::abs(v));
    while (n % 10 == 0) n /= 10;
    if (n < 1000000) return v;
  }
  char buf[32];
  const auto end = fmt::format_to_n(buf, sizeof buf, "{:.6g}", v).out;
  double r = v;
  const auto [rest, ec] = std::from_chars(buf, end, r);
  return ec == std::errc() && rest == end ? r : v;
}

class quantity_part final : public detail::number_part {
 public:
  explicit quantity_part(const rule_set& rules) : rules_(rules) {
    detail::shared_years();  // made now, so that no document pays for the table of year texts
    const auto& units = rules.units.units;
    for (std::size_t u = 0; u < units.size(); ++u) {
      measures_of_.emplace_back(units[u].measures);
      canonical_of_.emplace_back(units[u].canonical);
      for (const auto& w : units[u].words) {
        words_.add(w, static_cast<int>(u));
        if (w.find(' ') == std::string::npos) glued_.set(w, u);
      }
      for (const auto& s : units[u].symbols) symbols_.emplace_back(s, u);
    }
    for (const auto& [sym, u] : symbols_)
      if (!sym.empty()) symbol_ends_[static_cast<unsigned char>(detail::ascii_lower(sym.back()))] = true;
    // Longest symbols first: "US$" before "$".
    std::stable_sort(symbols_.begin(), symbols_.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    for (const auto& [dim, ws] : rules.units.measures)
      for (const auto& w : ws) measures_[w].push_back(dim);
    const auto& e = rules.english;
    for (const auto* list : {&e.function_words, &e.pronouns, &e.determiners, &e.clause_openers, &e.auxiliaries})
      stops_.insert(list->begin(), list->end());
    for (const auto& p : rules.units.pair_openers) {
      if (p.size() == 1 && !detail::is_ascii_alpha(p[0])) pair_marks_ += p;
      else pair_words_.insert(detail::lower(p));
    }
    // Those whose words have role bits in the rules' index turn a token away on one bit test.
    detail::bind_roles(rules.word_ids(), words_, measures_, stops_, pair_words_);
  }

  claim_kind kind() const noexcept override { return claim_kind::quantity; }

  void sentence(const detail::number_input& in, std::vector<claim>& out) const override {
    for (std::size_t k = 0; k < in.numbers.size(); ++k) {
      const auto& r = in.numbers[k];
      const auto q = read_quantity(in, r);
      if (!q) continue;
      // "33 degrees Celsius (91.4 Fahrenheit)": the same value in another unit.
      std::optional<reading> q2;
      if (k + 1 < in.numbers.size() && paired(in, q->end, in.numbers[k + 1].first)) {
        q2 = read_quantity(in, in.numbers[k + 1]);
        if (q2 && !(canonical(q2->unit) == canonical(q->unit) && q2->unit != q->unit)) q2.reset();
      }
      // "738 tons (1,627,011 lbs) of wheat": the conversion stands between the amount and its noun.
      auto subject = q2 ? noun_after(in, q2->end, rules_.units.units[q->unit].measures) : std::nullopt;
      if (!subject) subject = subject_of(in, r, *q);
      if (!subject) continue;
      out.push_back(make(in, r, *q, *subject, false));
      if (q2) {
        out.push_back(make(in, in.numbers[k + 1], *q2, *subject, true));
        ++k;
      }
    }
  }

 private:
  struct reading {
    std::size_t unit = 0;          // index into rules.units.units
    std::size_t end = 0;           // one past the last token, unit included
    std::size_t begin_offset = 0;  // normalized offset of the first character (a symbol before the number)
  };

  const std::string& canonical(std::size_t u) const { return rules_.units.units[u].canonical; }

  std::optional<reading> read_quantity(const detail::number_input& in, const number_reading& r) const {
    const auto& toks = in.sc.toks();
    if (r.vague || r.ordinal || !r.word.rest.empty() || r.value < 0) return std::nullopt;
    reading q;
    q.begin_offset = toks[r.first].begin;
    // A currency symbol right before the number (after a hedge: "about $8.5 billion"); none
    // when the byte before the number ends no symbol (most often a space).
    const std::size_t nb = toks[r.number].begin;
    if (nb > 0 && symbol_ends_[static_cast<unsigned char>(detail::ascii_lower(in.text[nb - 1]))]) {
      for (const auto& [sym, u] : symbols_) {
        if (nb < sym.size()) continue;
        const std::size_t sb = nb - sym.size();
        if (!detail::iequals(in.text.substr(sb, sym.size()), sym)) continue;
        if (r.first == r.number) q.begin_offset = sb;  // "US$8.5": the evidence starts at the symbol
        q.unit = u;
        q.end = r.last;
        if (r.word.suffix.empty()) {
          // "$8.5 billion dollars" reads the word too.
          if (const auto m = words_.longest_at(toks, r.last); m.length && static_cast<std::size_t>(m.payload) == u)
            q.end = r.last + m.length;
          return q;
        }
        return std::nullopt;
      }
    }
    if (!r.word.suffix.empty()) {  // "1000km", "33°c"
      const std::size_t* u = glued_.find(r.word.suffix);
      if (!u) return std::nullopt;
      q.unit = *u;
      q.end = r.last;
      return q;
    }
    if (r.last >= toks.size()) return std::nullopt;
    const auto m = words_.longest_at(toks, r.last);
    if (!m.length) return std::nullopt;
    // A one-letter unit ("c", "t", "f") only glued to the digits ("33C"): "Section 5 C" is no unit.
    if (toks[r.last].lower.size() == 1 && m.length == 1) return std::nullopt;
    q.unit = static_cast<std::size_t>(m.payload);
    q.end = r.last + m.length;
    return q;
  }

  bool paired(const detail::number_input& in, std::size_t end, std::size_t next_first) const {
    const auto& toks = in.sc.toks();
    if (next_first < end || next_first > end + 1) return false;
    if (next_first == end + 1) return detail::holds(pair_words_, toks[end]);
    const std::string_view between = in.text.substr(toks[end - 1].end, toks[next_first].begin - toks[end - 1].end);
    for (char c : between)
      if (pair_marks_.find(c) != std::string::npos) return true;
    return false;
  }

  struct subject_found {
    std::string key, text;
  };

  // "260,000 tons of ammunition", "$8.5 billion in aid" (money only: "33C in the afternoon" is
  // no subject), "738 tons (1,627,011 lbs) of wheat": the plain words after "of"/"in" (past
  // determiners) at token `end`, up to a stop word or punctuation; the last of them.
  std::optional<subject_found> noun_after(const detail::number_input& in, std::size_t end,
                                          const std::string& dim) const {
    const auto& toks = in.sc.toks();
    if (end + 1 < toks.size() && (toks[end].lower == "of" || (toks[end].lower == "in" && dim == "money")) &&
        spaced(in.text.substr(toks[end - 1].end, toks[end].begin - toks[end - 1].end))) {
      std::size_t k = end + 1;
      while (k < toks.size() && detail::holds(stops_, toks[k]) && k < end + 3) ++k;
      std::size_t head = toks.size();
      for (std::size_t j = k; j < toks.size() && j < k + 2; ++j) {
        const std::string_view w = toks[j].lower;
        const bool verb_like = w.size() > 4 && (w.ends_with("ed") || w.ends_with("ing"));
        if (detail::holds(stops_, toks[j]) || in.reader.may_start(toks[j]) || (j > k && verb_like)) break;
        head = j;
        if (j + 1 < toks.size() && toks[j + 1].begin != toks[j].end + 1) break;  // punctuation ends the phrase
      }
      if (head != toks.size() && !(toks[end].lower == "in" && in.events.is_name_word(toks[k])))
        return subject_found{detail::singular(detail::possessive_stem(toks[head].lower)),
                             std::string(in.text.substr(toks[k].begin, toks[head].end - toks[k].begin))};
    }
    return std::nullopt;
  }

  // One space, or a closing bracket and a space ("lbs) of"), between two words.
  static bool spaced(std::string_view gap) { return gap == " " || gap == ") " || gap == "] "; }

  std::optional<subject_found> subject_of(const detail::number_input& in, const number_reading& r,
                                          const reading& q) const {
    const auto& toks = in.sc.toks();
    const std::string& dim = rules_.units.units[q.unit].measures;
    if (auto s = noun_after(in, q.end, dim)) return s;
    // "a range of 1,000 km": the noun before "of".
    if (r.first >= 2 && toks[r.first - 1].lower == "of" && !detail::holds(stops_, toks[r.first - 2]) &&
        detail::is_ascii_alpha(toks[r.first - 2].lower.front()))
      return subject_found{detail::singular(toks[r.first - 2].lower), std::string(toks[r.first - 2].lower)};
    // "the temperature rose to 33 degrees", "a heat wave": a word naming the dimension.
    for (const auto& t : toks)
      if (const auto* dims = measures_.find(t))
        for (const auto& d : *dims)
          if (d == dim) return subject_found{dim, std::string(t.lower)};
    return std::nullopt;
  }

  claim make(const detail::number_input& in, const number_reading& r, const reading& q, const subject_found& s,
             bool converted) const {
    const auto& u = rules_.units.units[q.unit];
    // "-33 degrees", "minus 5C": a sign right before the digits, or the word before them.
    const auto& toks = in.sc.toks();
    const std::size_t nb = toks[r.number].begin;
    std::size_t sign_at = std::string::npos;  // where the sign starts
    if (nb > 0 && in.text[nb - 1] == '-' && (nb == 1 || !detail::is_word_byte(in.text[nb - 2]))) sign_at = nb - 1;
    else if (r.number > 0 && toks[r.number - 1].lower == "minus") sign_at = toks[r.number - 1].begin;
    const bool negative = sign_at != std::string::npos;
    double lo = negative ? -r.value : r.value, hi = lo;
    if (converted) {  // the values its digits round from: 91.4 is [91.35, 91.45]
      const double half = 0.5 * std::pow(10.0, -r.decimals);
      lo -= half;
      hi += half;
    }
    claim c;
    switch (r.bound) {
      case number_bound::exact: break;
      case number_bound::about:
        lo *= 1 - in.reader.about_fraction();
        hi *= 1 + in.reader.about_fraction();
        c.hdg = hedge::about;
        break;
      case number_bound::nearly: lo *= 0.9; c.hdg = hedge::at_most; break;
      case number_bound::over:
      case number_bound::at_least: hi = open_above; c.hdg = hedge::at_least; break;
      case number_bound::under: lo = 0; c.hdg = hedge::at_most; break;
    }
    if (lo > hi) std::swap(lo, hi);  // "about -30": the hedge widened a negative value
    auto canon = [&](double v) { return v >= open_above ? open_above : tidy((v + u.offset) * u.factor); };
    c.kind = claim_kind::quantity;
    c.subject = s.key;
    c.subject_text = s.text;
    c.attribute = measures_of_[q.unit];
    c.val = quantity_value{canon(lo), canon(hi), canonical_of_[q.unit]};
    c.rule = converted ? converted_rule_ : unit_rule_;
    c.occasion = detail::shared_year(in.year);  // "in 2000": never compared with this year's amounts
    detail::fill_number_evidence(in, r.first, q.end, c, negative && r.first == r.number ? std::min(q.begin_offset, sign_at) : q.begin_offset);
    return c;
  }

  const rule_set& rules_;
  detail::phrase_matcher words_;
  detail::word_map<std::size_t> glued_;
  std::vector<std::pair<std::string, std::size_t>> symbols_;
  std::array<bool, 256> symbol_ends_{};  // the last bytes of symbols_, in ASCII lower case (iequals)
  detail::word_map<std::vector<std::string>> measures_;
  detail::word_set stops_, pair_words_;
  std::string pair_marks_;
  // The texts every claim of a kind shares, made once: a copy only counts a reference.
  std::vector<shared_string> measures_of_, canonical_of_;  // by unit index
  shared_string unit_rule_{"quantity.unit"}, converted_rule_{"quantity.converted"};
};

}  // namespace

namespace detail {
std::unique_ptr<number_part> make_quantity_part(const rule_set& rules) { return std::make_unique<quantity_part>(rules); }
}  // namespace detail

}  // namespace crosscheck
