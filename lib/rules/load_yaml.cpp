// Loading data/*.yaml into a rule_set. Every key is checked: a typo fails loudly, with the
// file, line and column, at load time and never during extraction.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <type_traits>

#include "crosscheck/error.hpp"
#include "crosscheck/rules.hpp"
#include "extract/lexical.hpp"
#include "rules/yaml_util.hpp"
#include "text/fold.hpp"

namespace crosscheck {
namespace detail {

location where(const std::string& file, const YAML::Mark& m) {
  location l{file, {}, {}, {}};
  if (m.line >= 0) {
    l.line = static_cast<std::size_t>(m.line) + 1;
    l.column = static_cast<std::size_t>(m.column) + 1;
  }
  return l;
}

YAML::Node parse_yaml(const std::string& text, const std::string& file, bool rule_file) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    const std::string msg = "not valid YAML: " + e.msg;
    if (rule_file) throw rule_error(where(file, e.mark), msg);
    throw input_error(where(file, e.mark), msg);
  }
}

bool parse_hhmm(std::string_view s, int& minutes) {
  if (s.size() != 5 || s[2] != ':' || !is_ascii_digit(s[0]) || !is_ascii_digit(s[1]) || !is_ascii_digit(s[3]) ||
      !is_ascii_digit(s[4]))
    return false;
  const int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
  if (m > 59) return false;
  minutes = h * 60 + m;
  return true;
}

bool parse_offset(std::string_view s, utc_offset& out) {
  // "+09:00", "-05:00", "+0530", "+09"
  if (s.size() < 3 || (s[0] != '+' && s[0] != '-')) return false;
  int h = 0, m = 0;
  std::size_t i = 1;
  auto two = [&](int& v) {
    if (i + 2 > s.size() || !is_ascii_digit(s[i]) || !is_ascii_digit(s[i + 1])) return false;
    v = (s[i] - '0') * 10 + (s[i + 1] - '0');
    i += 2;
    return true;
  };
  if (!two(h)) return false;
  if (i < s.size() && s[i] == ':') ++i;
  if (i < s.size() && !two(m)) return false;
  if (i != s.size() || h > 14 || m > 59) return false;
  out.minutes = (s[0] == '-' ? -1 : 1) * (h * 60 + m);
  return true;
}

}  // namespace detail

namespace {

using detail::where;

struct reader {
  std::string file;

  [[noreturn]] void fail(const YAML::Node& n, const std::string& msg) const { throw rule_error(where(file, n.Mark()), msg); }

  void keys(const YAML::Node& map, std::initializer_list<std::string_view> allowed) const {
    if (!map.IsMap()) fail(map, "expected a mapping");
    for (const auto& kv : map) {
      const auto k = kv.first.as<std::string>();
      if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) {
        std::string list;
        for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
        fail(kv.first, "unknown key '" + k + "' (expected one of: " + list + ")");
      }
    }
  }
  std::string str(const YAML::Node& n, std::string_view what) const {
    if (!n || !n.IsScalar()) fail(n, std::string(what) + ": expected a string");
    auto s = n.as<std::string>();
    if (s.empty()) fail(n, std::string(what) + ": must not be empty");
    return s;
  }
  std::vector<std::string> strings(const YAML::Node& n, std::string_view what) const {
    if (!n || !n.IsSequence()) fail(n, std::string(what) + ": expected a list of strings");
    std::vector<std::string> out;
    for (const auto& x : n) out.push_back(str(x, what));
    return out;
  }
  double number(const YAML::Node& n, std::string_view what) const {
    if (!n || !n.IsScalar()) fail(n, std::string(what) + ": expected a number");
    try {
      return n.as<double>();
    } catch (const YAML::Exception&) {
      fail(n, std::string(what) + ": expected a number, got '" + n.as<std::string>() + "'");
    }
  }
  bool flag(const YAML::Node& n, std::string_view what) const {
    const std::string v = str(n, what);
    if (v != "true" && v != "false") fail(n, std::string(what) + ": expected true or false");
    return v == "true";
  }
  utc_offset offset(const YAML::Node& n, std::string_view what) const {
    utc_offset z;
    if (!detail::parse_offset(str(n, what), z)) fail(n, std::string(what) + ": expected a UTC offset like \"+09:00\"");
    return z;
  }
  int clock(const YAML::Node& n, std::string_view what) const {
    int minutes = 0;
    if (detail::parse_hhmm(str(n, what), minutes) && minutes <= 24 * 60) return minutes;
    fail(n, std::string(what) + ": expected a time \"HH:MM\" (00:00 to 24:00)");
  }
};

template <class T, class Key>
void upsert(std::vector<T>& v, T item, Key key) {
  auto it = std::find_if(v.begin(), v.end(), [&](const T& x) { return key(x) == key(item); });
  if (it != v.end()) *it = std::move(item);
  else v.push_back(std::move(item));
}

void add_unique(std::vector<std::string>& v, const std::vector<std::string>& more) {
  for (const auto& s : more)
    if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

std::vector<std::string> lowered(std::vector<std::string> v) {
  for (auto& s : v) s = detail::lower(s);
  return v;
}

// Word lists under a mapping: words_under(r, n, "dates.", {{"ago", &dv.ago}, ...}) adds the
// lower-cased words of each key present to its list.
void words_under(const reader& r, const YAML::Node& n, const std::string& prefix,
                 std::initializer_list<std::pair<const char*, std::vector<std::string>*>> lists) {
  for (const auto& [key, out] : lists)
    if (const auto m = n[key]) add_unique(*out, lowered(r.strings(m, prefix + key)));
}

// A whole number in [lo, hi].
int whole_number(const reader& r, const YAML::Node& n, std::string_view what, int lo, int hi) {
  const double d = r.number(n, what);
  if (!(d >= lo && d <= hi) || d != static_cast<double>(static_cast<int>(d)))
    r.fail(n, std::string(what) + ": expected a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
  return static_cast<int>(d);
}

// data/date.yaml: everything sits under `dates`, so that its short keys cannot clash.
void apply_dates(const YAML::Node& n, const reader& r, date_vocabulary& dv) {
  r.keys(n, {"months", "weekdays", "relative", "modifiers", "numbers", "units", "to_the_day", "ago", "year_after",
             "month_after", "past_after", "ordinal_after", "noun_year_after", "count_nouns", "not_plural", "future_cues"});
  auto names = [&](const char* key, int lo, int hi, std::vector<date_vocabulary::name_entry>& out) {
    const auto list = n[key];
    if (!list) return;
    const std::string what = std::string("dates.") + key;
    if (!list.IsSequence()) r.fail(list, what + ": expected a list");
    for (const auto& e : list) {
      r.keys(e, {"number", "names", "abbreviations"});
      date_vocabulary::name_entry ne;
      ne.number = static_cast<unsigned>(whole_number(r, e["number"], what + ".number", lo, hi));
      ne.names = lowered(r.strings(e["names"], what + ".names"));
      if (e["abbreviations"]) ne.abbreviations = lowered(r.strings(e["abbreviations"], what + ".abbreviations"));
      upsert(out, std::move(ne), [](const date_vocabulary::name_entry& x) { return x.number; });
    }
  };
  names("months", 1, 12, dv.months);
  names("weekdays", 0, 6, dv.weekdays);
  if (const auto list = n["relative"]) {
    if (!list.IsSequence()) r.fail(list, "dates.relative: expected a list");
    for (const auto& e : list) {
      r.keys(e, {"phrase", "unit", "offset", "anchor"});
      date_vocabulary::relative_entry re;
      re.phrase = detail::lower(r.str(e["phrase"], "dates.relative.phrase"));
      const std::string unit = r.str(e["unit"], "dates.relative.unit");
      if (unit == "day") re.unit = date_value::grain::day;
      else if (unit == "month") re.unit = date_value::grain::month;
      else if (unit == "year") re.unit = date_value::grain::year;
      else r.fail(e["unit"], "dates.relative.unit: expected day, month or year");
      re.offset = whole_number(r, e["offset"], "dates.relative.offset", -1000, 1000);
      if (e["anchor"]) {
        const std::string anchor = r.str(e["anchor"], "dates.relative.anchor");
        if (anchor == "context") re.from_context = true;
        else if (anchor != "publication") r.fail(e["anchor"], "dates.relative.anchor: expected publication or context");
      }
      upsert(dv.relative, std::move(re), [](const date_vocabulary::relative_entry& x) { return x.phrase; });
    }
  }
  if (const auto m = n["modifiers"]) {
    r.keys(m, {"last", "next", "this"});
    if (m["last"]) add_unique(dv.last_words, lowered(r.strings(m["last"], "dates.modifiers.last")));
    if (m["next"]) add_unique(dv.next_words, lowered(r.strings(m["next"], "dates.modifiers.next")));
    if (m["this"]) add_unique(dv.this_words, lowered(r.strings(m["this"], "dates.modifiers.this")));
  }
  if (const auto m = n["numbers"]) {
    if (!m.IsMap()) r.fail(m, "dates.numbers: expected a mapping of word to number");
    for (const auto& kv : m)
      dv.numbers[detail::lower(r.str(kv.first, "dates.numbers"))] =
          whole_number(r, kv.second, "dates.numbers", 1, 1000);
  }
  if (const auto m = n["units"]) {
    r.keys(m, {"day", "month", "year"});
    if (m["day"]) add_unique(dv.day_units, lowered(r.strings(m["day"], "dates.units.day")));
    if (m["month"]) add_unique(dv.month_units, lowered(r.strings(m["month"], "dates.units.month")));
    if (m["year"]) add_unique(dv.year_units, lowered(r.strings(m["year"], "dates.units.year")));
  }
  words_under(r, n, "dates.",
              {{"to_the_day", &dv.to_the_day}, {"ago", &dv.ago}, {"year_after", &dv.year_after},
               {"month_after", &dv.month_after}, {"past_after", &dv.past_after}, {"ordinal_after", &dv.ordinal_after},
               {"noun_year_after", &dv.noun_year_after}, {"count_nouns", &dv.count_nouns},
               {"not_plural", &dv.not_plural}, {"future_cues", &dv.future_cues}});
}

// data/duration.yaml: everything sits under `durations`.
void apply_durations(const YAML::Node& n, const reader& r, duration_vocabulary& dv) {
  r.keys(n, {"units", "vague_numbers", "hedges", "length_cues", "gap_markers", "gap_lead", "delay_after",
             "delay_before", "offset_after", "half_before", "half_after", "fillers", "change_cues"});
  if (const auto list = n["units"]) {
    if (!list.IsSequence()) r.fail(list, "durations.units: expected a list");
    for (const auto& e : list) {
      r.keys(e, {"id", "seconds", "words"});
      duration_vocabulary::unit_entry u;
      u.id = r.str(e["id"], "durations.units.id");
      u.seconds = r.number(e["seconds"], "durations.units.seconds");
      if (!(u.seconds > 0 && u.seconds < 1e12)) r.fail(e["seconds"], "durations.units.seconds: expected a positive number");
      u.words = lowered(r.strings(e["words"], "durations.units.words"));
      upsert(dv.units, std::move(u), [](const duration_vocabulary::unit_entry& x) { return x.id; });
    }
  }
  if (const auto list = n["vague_numbers"]) {
    if (!list.IsSequence()) r.fail(list, "durations.vague_numbers: expected a list");
    for (const auto& e : list) {
      r.keys(e, {"phrase", "min", "max"});
      duration_vocabulary::vague_number v;
      v.phrase = detail::lower(r.str(e["phrase"], "durations.vague_numbers.phrase"));
      v.min = r.number(e["min"], "durations.vague_numbers.min");
      v.max = r.number(e["max"], "durations.vague_numbers.max");
      if (!(v.min > 0 && v.max >= v.min && v.max < 1e6)) r.fail(e, "durations.vague_numbers: expected 0 < min <= max");
      upsert(dv.vague_numbers, std::move(v), [](const duration_vocabulary::vague_number& x) { return x.phrase; });
    }
  }
  if (const auto h = n["hedges"]) {
    r.keys(h, {"about", "nearly", "over", "at_least", "under", "about_fraction"});
    words_under(r, h, "durations.hedges.",
                {{"about", &dv.about}, {"nearly", &dv.nearly}, {"over", &dv.over}, {"at_least", &dv.at_least},
                 {"under", &dv.under}});
    if (h["about_fraction"]) {
      const double f = r.number(h["about_fraction"], "durations.hedges.about_fraction");
      if (!(f >= 0 && f < 1)) r.fail(h["about_fraction"], "durations.hedges.about_fraction: expected 0 to 1");
      dv.about_fraction = f;
    }
  }
  words_under(r, n, "durations.",
              {{"length_cues", &dv.length_cues}, {"gap_markers", &dv.gap_markers}, {"gap_lead", &dv.gap_lead},
               {"delay_after", &dv.delay_after}, {"delay_before", &dv.delay_before},
               {"offset_after", &dv.offset_after}, {"half_before", &dv.half_before},
               {"half_after", &dv.half_after}, {"fillers", &dv.fillers}, {"change_cues", &dv.change_cues}});
}

// data/names.yaml: everything sits under `names`.
void apply_names(const YAML::Node& n, const reader& r, name_vocabulary& nv) {
  r.keys(n, {"transliteration", "given_name_groups", "particles", "patronymic_endings", "suffixes", "stop_words",
             "min_typo_length"});
  if (const auto list = n["transliteration"]) {
    if (!list.IsSequence()) r.fail(list, "names.transliteration: expected a list");
    for (const auto& e : list) {
      r.keys(e, {"from", "to", "at_end"});
      name_vocabulary::rewrite rw;
      rw.from = detail::lower(r.str(e["from"], "names.transliteration.from"));
      if (!e["to"] || !e["to"].IsScalar()) r.fail(e, "names.transliteration.to: expected a string");
      rw.to = detail::lower(e["to"].as<std::string>());
      if (e["at_end"]) rw.at_end = r.flag(e["at_end"], "names.transliteration.at_end");
      nv.transliteration.push_back(std::move(rw));
    }
  }
  if (const auto list = n["given_name_groups"]) {
    if (!list.IsSequence()) r.fail(list, "names.given_name_groups: expected a list of lists");
    for (const auto& g : list) {
      auto group = lowered(r.strings(g, "names.given_name_groups"));
      if (group.size() < 2) r.fail(g, "names.given_name_groups: a group needs at least two spellings");
      nv.given_name_groups.push_back(std::move(group));
    }
  }
  if (const auto m = n["min_typo_length"])
    nv.min_typo_length = static_cast<std::size_t>(whole_number(r, m, "names.min_typo_length", 2, 40));
  words_under(r, n, "names.",
              {{"particles", &nv.particles}, {"patronymic_endings", &nv.patronymic_endings},
               {"suffixes", &nv.suffixes}, {"stop_words", &nv.stop_words}});
}

// data/roles.yaml: roles, organisations and the cues around them.
void apply_roles(const YAML::Node& root, const reader& r, people_vocabulary& pv) {
  if (const auto list = root["roles"]) {
    if (!list.IsSequence()) r.fail(list, "roles: expected a list");
    for (const auto& e : list) {
      r.keys(e, {"id", "titles", "parent", "unique", "exclusive_with"});
      role_entry re;
      re.id = r.str(e["id"], "roles.id");
      re.titles = lowered(r.strings(e["titles"], "roles.titles"));
      if (e["parent"]) re.parent = r.str(e["parent"], "roles.parent");
      if (e["unique"]) re.unique = r.flag(e["unique"], "roles.unique");
      if (e["exclusive_with"]) re.exclusive_with = r.strings(e["exclusive_with"], "roles.exclusive_with");
      upsert(pv.roles, std::move(re), [](const role_entry& x) { return x.id; });
    }
  }
  if (const auto list = root["organisations"]) {
    if (!list.IsSequence()) r.fail(list, "organisations: expected a list");
    for (const auto& e : list) {
      r.keys(e, {"id", "words"});
      people_vocabulary::organisation o{r.str(e["id"], "organisations.id"), lowered(r.strings(e["words"], "organisations.words"))};
      upsert(pv.organisations, std::move(o), [](const people_vocabulary::organisation& x) { return x.id; });
    }
  }
  if (const auto n = root["former_cues"]) add_unique(pv.former_cues, lowered(r.strings(n, "former_cues")));
  if (const auto n = root["delegation_cues"]) add_unique(pv.delegation_cues, lowered(r.strings(n, "delegation_cues")));
  if (const auto n = root["partial_cues"]) add_unique(pv.partial_cues, lowered(r.strings(n, "partial_cues")));
  if (const auto n = root["apposition_fillers"])
    add_unique(pv.apposition_fillers, lowered(r.strings(n, "apposition_fillers")));
  if (const auto n = root["deputy_words"]) add_unique(pv.deputy_words, lowered(r.strings(n, "deputy_words")));
  if (const auto list = root["people"]) {
    if (!list.IsSequence()) r.fail(list, "people: expected a list");
    for (const auto& e : list) {
      r.keys(e, {"name", "aliases", "roles"});
      known_person kp;
      kp.name = r.str(e["name"], "people.name");
      if (e["aliases"]) kp.aliases = r.strings(e["aliases"], "people.aliases");
      if (const auto roles = e["roles"]) {
        if (!roles.IsSequence()) r.fail(roles, "people.roles: expected a list of role ids or {role, organisation, from, to}");
        for (const auto& h : roles) {
          known_person::held_role held;
          if (h.IsScalar()) {
            held.role = r.str(h, "people.roles");
          } else {
            r.keys(h, {"role", "organisation", "from", "to"});
            held.role = r.str(h["role"], "people.roles.role");
            if (h["organisation"]) held.organisation = r.str(h["organisation"], "people.roles.organisation");
            if (h["from"]) held.from_year = whole_number(r, h["from"], "people.roles.from (a year)", 1, 9999);
            if (h["to"]) held.to_year = whole_number(r, h["to"], "people.roles.to (a year)", 1, 9999);
            if (held.from_year && held.to_year && held.to_year < held.from_year) r.fail(h, "people.roles: 'to' is before 'from'");
          }
          kp.roles.push_back(std::move(held));
        }
      }
      upsert(pv.known, std::move(kp), [](const known_person& x) { return x.name; });
    }
  }
}

// data/numbers.yaml: everything sits under `numbers`.
void apply_numbers(const YAML::Node& n, const reader& r, number_vocabulary& nv) {
  r.keys(n, {"scales", "ordinals", "vague", "labels", "not_counted", "ordinal_nouns", "age_words", "plural_irregular",
             "definite"});
  if (const auto m = n["scales"]) {
    if (!m.IsMap()) r.fail(m, "numbers.scales: expected a mapping of word to number");
    for (const auto& kv : m) {
      const double d = r.number(kv.second, "numbers.scales");
      if (!(d >= 10 && d <= 1e15)) r.fail(kv.second, "numbers.scales: expected 10 to 1e15");
      nv.scales[detail::lower(r.str(kv.first, "numbers.scales"))] = d;
    }
  }
  if (const auto m = n["ordinals"]) {
    if (!m.IsMap()) r.fail(m, "numbers.ordinals: expected a mapping of word to number");
    for (const auto& kv : m)
      nv.ordinals[detail::lower(r.str(kv.first, "numbers.ordinals"))] = whole_number(r, kv.second, "numbers.ordinals", 1, 1000);
  }
  if (const auto list = n["vague"]) {
    if (!list.IsSequence()) r.fail(list, "numbers.vague: expected a list");
    for (const auto& e : list) {
      r.keys(e, {"phrase", "min", "max"});
      number_vocabulary::vague_count v;
      v.phrase = detail::lower(r.str(e["phrase"], "numbers.vague.phrase"));
      v.min = r.number(e["min"], "numbers.vague.min");
      v.max = r.number(e["max"], "numbers.vague.max");
      if (!(v.min > 0 && v.max >= v.min && v.max < 1e15)) r.fail(e, "numbers.vague: expected 0 < min <= max");
      upsert(nv.vague, std::move(v), [](const number_vocabulary::vague_count& x) { return x.phrase; });
    }
  }
  words_under(r, n, "numbers.",
              {{"labels", &nv.labels}, {"not_counted", &nv.not_counted}, {"ordinal_nouns", &nv.ordinal_nouns},
               {"age_words", &nv.age_words}, {"plural_irregular", &nv.plural_irregular}, {"definite", &nv.definite}});
}

// data/units.yaml: everything sits under `units`.
void apply_units(const YAML::Node& n, const reader& r, unit_vocabulary& uv) {
  r.keys(n, {"units", "measures", "pair_openers"});
  if (const auto list = n["units"]) {
    if (!list.IsSequence()) r.fail(list, "units.units: expected a list");
    for (const auto& e : list) {
      r.keys(e, {"id", "canonical", "factor", "offset", "words", "symbols", "measures"});
      unit_entry u;
      u.id = r.str(e["id"], "units.units.id");
      u.canonical = e["canonical"] ? r.str(e["canonical"], "units.units.canonical") : u.id;
      if (e["factor"]) u.factor = r.number(e["factor"], "units.units.factor");
      if (!(u.factor > 0 && u.factor < 1e15)) r.fail(e["factor"], "units.units.factor: expected a positive number");
      if (e["offset"]) u.offset = r.number(e["offset"], "units.units.offset");
      if (e["words"]) u.words = lowered(r.strings(e["words"], "units.units.words"));
      if (e["symbols"]) u.symbols = r.strings(e["symbols"], "units.units.symbols");
      if (u.words.empty() && u.symbols.empty()) r.fail(e, "units.units: a unit needs words or symbols");
      u.measures = r.str(e["measures"], "units.units.measures");
      upsert(uv.units, std::move(u), [](const unit_entry& x) { return x.id; });
    }
  }
  if (const auto m = n["measures"]) {
    if (!m.IsMap()) r.fail(m, "units.measures: expected a mapping of dimension to words");
    for (const auto& kv : m) add_unique(uv.measures[r.str(kv.first, "units.measures")], lowered(r.strings(kv.second, "units.measures")));
  }
  if (const auto m = n["pair_openers"]) add_unique(uv.pair_openers, r.strings(m, "units.pair_openers"));
}

// data/documents.yaml: everything sits under `documents`.
void apply_documents(const YAML::Node& n, const reader& r, document_vocabulary& dv) {
  r.keys(n, {"kinds", "parts", "provisions", "statuses", "current"});
  auto entries = [&](const char* key, const char* list_key, auto& out) {
    const auto list = n[key];
    if (!list) return;
    const std::string what = std::string("documents.") + key;
    if (!list.IsSequence()) r.fail(list, what + ": expected a list");
    for (const auto& e : list) {
      r.keys(e, {"id", list_key});
      typename std::decay_t<decltype(out)>::value_type x;
      x.id = r.str(e["id"], what + ".id");
      auto& words = [&]() -> std::vector<std::string>& {
        if constexpr (requires { x.phrases; }) return x.phrases;
        else return x.words;
      }();
      words = lowered(r.strings(e[list_key], what + "." + list_key));
      upsert(out, std::move(x), [](const auto& y) { return y.id; });
    }
  };
  entries("kinds", "words", dv.kinds);
  entries("parts", "words", dv.parts);
  entries("provisions", "phrases", dv.provisions);
  entries("statuses", "words", dv.statuses);
  if (const auto m = n["current"]) add_unique(dv.current, lowered(r.strings(m, "documents.current")));
}

void apply(const YAML::Node& root, const std::string& file, rule_set& rs) {
  const reader r{file};
  if (!root || root.IsNull()) return;  // an empty file adds nothing
  r.keys(root, {"events", "places", "meridiem", "local_time", "entry_stamp", "zones", "vague", "hedges", "modality",
                "prepositions", "reporting_verbs", "never_final", "maybe_final", "continuations", "function_words", "pronouns",
                "determiners", "openers", "auxiliaries", "demonyms", "clause_openers",
                "default", "sources", "dates", "durations", "event_dates", "origins", "destinations", "names", "roles",
                "organisations", "former_cues", "delegation_cues", "partial_cues", "apposition_fillers", "deputy_words", "people",
                "numbers", "units", "documents"});
  if (const auto n = root["events"]) {
    if (!n.IsSequence()) r.fail(n, "events: expected a list");
    for (const auto& e : n) {
      r.keys(e, {"id", "triggers", "nouns", "spans_days", "at_origin", "instant", "dated_as"});
      event_vocabulary ev;
      ev.id = r.str(e["id"], "events.id");
      ev.triggers = lowered(r.strings(e["triggers"], "events.triggers"));
      if (e["nouns"]) ev.nouns = lowered(r.strings(e["nouns"], "events.nouns"));
      if (e["spans_days"]) ev.spans_days = r.flag(e["spans_days"], "events.spans_days");
      if (e["at_origin"]) ev.at_origin = r.flag(e["at_origin"], "events.at_origin");
      if (e["instant"]) ev.instant = r.flag(e["instant"], "events.instant");
      if (e["dated_as"]) ev.dated_as = r.str(e["dated_as"], "events.dated_as");
      upsert(rs.events, std::move(ev), [](const event_vocabulary& x) { return x.id; });
    }
  }
  if (const auto n = root["places"]) {
    if (!n.IsSequence()) r.fail(n, "places: expected a list");
    for (const auto& p : n) {
      r.keys(p, {"name", "zone", "aliases"});
      place_entry pe{r.str(p["name"], "places.name"), {}, r.offset(p["zone"], "places.zone")};
      if (p["aliases"]) pe.aliases = r.strings(p["aliases"], "places.aliases");
      upsert(rs.places, std::move(pe), [](const place_entry& x) { return x.name; });
    }
  }
  if (const auto n = root["origins"]) add_unique(rs.origin_cues, lowered(r.strings(n, "origins")));
  if (const auto n = root["destinations"]) add_unique(rs.destination_cues, lowered(r.strings(n, "destinations")));
  if (const auto n = root["meridiem"]) {
    r.keys(n, {"am", "pm"});
    if (n["am"]) add_unique(rs.meridiem_am, lowered(r.strings(n["am"], "meridiem.am")));
    if (n["pm"]) add_unique(rs.meridiem_pm, lowered(r.strings(n["pm"], "meridiem.pm")));
  }
  if (const auto n = root["local_time"]) add_unique(rs.local_time_words, lowered(r.strings(n, "local_time")));
  if (const auto n = root["entry_stamp"]) add_unique(rs.entry_stamp_words, lowered(r.strings(n, "entry_stamp")));
  if (const auto n = root["zones"]) {
    if (!n.IsSequence()) r.fail(n, "zones: expected a list");
    for (const auto& z : n) {
      r.keys(z, {"name", "offset"});
      upsert(rs.zones, zone_entry{r.str(z["name"], "zones.name"), r.offset(z["offset"], "zones.offset")},
             [](const zone_entry& x) { return x.name; });
    }
  }
  if (const auto n = root["vague"]) {
    if (!n.IsSequence()) r.fail(n, "vague: expected a list");
    for (const auto& v : n) {
      r.keys(v, {"phrase", "begin", "end"});
      vague_time_entry e{detail::lower(r.str(v["phrase"], "vague.phrase")), r.clock(v["begin"], "vague.begin"),
                         r.clock(v["end"], "vague.end")};
      if (e.end <= e.begin) r.fail(v, "vague: end must come after begin");
      upsert(rs.vague_times, std::move(e), [](const vague_time_entry& x) { return x.phrase; });
    }
  }
  if (const auto n = root["hedges"]) {
    r.keys(n, {"after", "before", "about", "about_minutes"});
    if (n["after"]) add_unique(rs.time_hedges.after, lowered(r.strings(n["after"], "hedges.after")));
    if (n["before"]) add_unique(rs.time_hedges.before, lowered(r.strings(n["before"], "hedges.before")));
    if (n["about"]) add_unique(rs.time_hedges.about, lowered(r.strings(n["about"], "hedges.about")));
    if (n["about_minutes"]) {
      const double m = r.number(n["about_minutes"], "hedges.about_minutes");
      if (!(m >= 0 && m <= 180)) r.fail(n["about_minutes"], "hedges.about_minutes: expected 0 to 180");
      rs.time_hedges.about_minutes = static_cast<int>(m);
    }
  }
  if (const auto n = root["modality"]) {
    r.keys(n, {"scheduled", "planned", "expected", "denied"});
    if (n["scheduled"]) add_unique(rs.modality_cues.scheduled, lowered(r.strings(n["scheduled"], "modality.scheduled")));
    if (n["planned"]) add_unique(rs.modality_cues.planned, lowered(r.strings(n["planned"], "modality.planned")));
    if (n["expected"]) add_unique(rs.modality_cues.expected, lowered(r.strings(n["expected"], "modality.expected")));
    if (n["denied"]) add_unique(rs.modality_cues.denied, lowered(r.strings(n["denied"], "modality.denied")));
  }
  if (const auto n = root["function_words"]) add_unique(rs.english.function_words, lowered(r.strings(n, "function_words")));
  if (const auto n = root["pronouns"]) add_unique(rs.english.pronouns, lowered(r.strings(n, "pronouns")));
  if (const auto n = root["determiners"]) add_unique(rs.english.determiners, lowered(r.strings(n, "determiners")));
  if (const auto n = root["openers"]) add_unique(rs.english.openers, lowered(r.strings(n, "openers")));
  if (const auto n = root["auxiliaries"]) add_unique(rs.english.auxiliaries, lowered(r.strings(n, "auxiliaries")));
  if (const auto n = root["demonyms"]) add_unique(rs.english.demonyms, lowered(r.strings(n, "demonyms")));
  if (const auto n = root["clause_openers"])
    add_unique(rs.english.clause_openers, lowered(r.strings(n, "clause_openers")));
  if (const auto n = root["prepositions"]) add_unique(rs.attribution.prepositions, lowered(r.strings(n, "prepositions")));
  if (const auto n = root["reporting_verbs"])
    add_unique(rs.attribution.reporting_verbs, lowered(r.strings(n, "reporting_verbs")));
  if (const auto n = root["never_final"]) add_unique(rs.segmentation.never_final, r.strings(n, "never_final"));
  if (const auto n = root["maybe_final"]) add_unique(rs.segmentation.maybe_final, r.strings(n, "maybe_final"));
  if (const auto n = root["continuations"]) add_unique(rs.segmentation.continuations, r.strings(n, "continuations"));
  if (const auto n = root["default"]) {
    const double d = r.number(n, "default");
    if (!(d > 0 && d < 1)) r.fail(n, "default: a reliability must lie strictly between 0 and 1");
    rs.default_reliability = d;
  }
  if (const auto n = root["sources"]) {
    if (!n.IsMap()) r.fail(n, "sources: expected a mapping of outlet name to reliability");
    for (const auto& kv : n) {
      const double d = r.number(kv.second, "sources");
      if (!(d > 0 && d < 1)) r.fail(kv.second, "sources: a reliability must lie strictly between 0 and 1");
      rs.source_reliability[kv.first.as<std::string>()] = d;
    }
  }
  if (const auto n = root["dates"]) apply_dates(n, r, rs.dates);
  if (const auto n = root["durations"]) apply_durations(n, r, rs.durations);
  if (const auto n = root["names"]) apply_names(n, r, rs.names);
  apply_roles(root, r, rs.people);
  if (const auto n = root["numbers"]) apply_numbers(n, r, rs.numbers);
  if (const auto n = root["units"]) apply_units(n, r, rs.units);
  if (const auto n = root["documents"]) apply_documents(n, r, rs.documents);
  if (const auto n = root["event_dates"]) {
    r.keys(n, {"start_cues", "since", "offsets"});
    if (n["offsets"]) add_unique(rs.event_dates.offsets, lowered(r.strings(n["offsets"], "event_dates.offsets")));
    if (n["start_cues"]) add_unique(rs.event_dates.start_cues, lowered(r.strings(n["start_cues"], "event_dates.start_cues")));
    if (n["since"]) add_unique(rs.event_dates.since, lowered(r.strings(n["since"], "event_dates.since")));
  }
}

std::string read_file(const std::filesystem::path& p) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(p, ec))
    throw rule_error({p.string(), {}, {}, {}}, "vocabulary file not found (pass the data/ folder with --data)");
  std::ifstream in(p, std::ios::binary);
  if (!in) throw rule_error({p.string(), {}, {}, {}}, "cannot open vocabulary file");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void apply_file(const std::filesystem::path& p, rule_set& rs) {
  const std::string file = p.string();
  const YAML::Node root = detail::parse_yaml(read_file(p), file, true);
  try {
    apply(root, file, rs);
  } catch (const YAML::Exception& e) {  // a conversion yaml-cpp refused
    throw rule_error(where(file, e.mark), e.msg);
  }
}

// A role's parent and exclusions, and a known person's roles, must name roles that exist.
void check_role_references(const rule_set& rs, const std::string& file) {
  auto role_exists = [&](const std::string& id) {
    return std::any_of(rs.people.roles.begin(), rs.people.roles.end(), [&](const role_entry& x) { return x.id == id; });
  };
  for (const auto& ro : rs.people.roles) {
    if (!ro.parent.empty() && !role_exists(ro.parent))
      throw rule_error({file, {}, {}, {}}, fmt::format("role '{}' has parent '{}', which is not a role", ro.id, ro.parent));
    for (const auto& x : ro.exclusive_with)
      if (!role_exists(x))
        throw rule_error({file, {}, {}, {}}, fmt::format("role '{}' is exclusive_with '{}', which is not a role", ro.id, x));
  }
  for (const auto& kp : rs.people.known)
    for (const auto& x : kp.roles)
      if (!role_exists(x.role))
        throw rule_error({file, {}, {}, {}}, fmt::format("person '{}' holds role '{}', which is not a role", kp.name, x.role));
}

// An event dated as another must name one that exists.
void check_references(const rule_set& rs, const std::string& file) {
  for (const auto& e : rs.events)
    if (!e.dated_as.empty() &&
        std::none_of(rs.events.begin(), rs.events.end(), [&](const event_vocabulary& x) { return x.id == e.dated_as; }))
      throw rule_error({file, {}, {}, {}}, fmt::format("event '{}' is dated_as '{}', which is not an event", e.id, e.dated_as));
}

}  // namespace

rule_set rule_set::load(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw rule_error({dir.string(), {}, {}, {}}, "vocabulary folder not found (pass the data/ folder with --data)");
  rule_set rs;
  for (const char* name : {"events.yaml", "places.yaml", "time.yaml", "attribution.yaml", "segmentation.yaml",
                           "english.yaml", "sources.yaml", "date.yaml", "duration.yaml", "names.yaml", "roles.yaml",
                           "people.yaml", "numbers.yaml", "units.yaml", "documents.yaml"})
    apply_file(dir / name, rs);
  check_references(rs, (dir / "events.yaml").string());
  check_role_references(rs, (dir / "roles.yaml").string());
  rs.index_words();
  return rs;
}

void rule_set::merge_file(const std::filesystem::path& file) {
  apply_file(file, *this);
  check_references(*this, file.string());
  check_role_references(*this, file.string());
  index_words();
}

void rule_set::index_words() { word_ids_ = detail::word_index::build(*this); }

}  // namespace crosscheck
