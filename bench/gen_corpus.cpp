// crosscheck_gen: a deterministic synthetic news corpus with planted conflicts and its truth.
//
//   build/release/bench/crosscheck_gen --seed S --articles N --events M --outlets K --out DIR
//
// Writes into DIR, which must be new or empty: DIR/a000001.txt ... (N articles), DIR/manifest.yaml
// (outlet and publication date of each) and DIR/truth.json: every event's true values, every outlet's
// reliability, what each article states about each fact (right, a planted wrong value, or a harmless
// variant), and the list of planted conflicts. docs/BENCHMARKS.md ("The synthetic corpus")
// describes the model and the file.
//
// Events are visits of fictional leaders (and their cabinets) of real countries to capitals that
// data/places.yaml knows. Each outlet has a reliability r: an article states each fact right with
// probability r, else a planted wrong value. People's names are invented here (never added to
// data/). Same seed and arguments: the same bytes. No std:: distributions (their output is not
// portable); one splitmix64 stream.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "bench_util.hpp"

namespace {

using crosscheck_bench::rng;

// ---------------------------------------------------------------------------------------------
// Vocabulary of the generator. Places are those of data/places.yaml (with their zones); countries
// are organisations of data/roles.yaml; role titles are data/roles.yaml's. People are invented.

struct capital {
  const char* name;
  int zone_min;  // UTC offset, minutes
};
const std::vector<capital> kCapitals = {
    {"Pyongyang", 540}, {"Seoul", 540}, {"Tokyo", 540}, {"Moscow", 180},
    {"Hanoi", 420},     {"Beijing", 480}, {"London", 0}, {"Kyiv", 120},
};

struct country {
  const char* adjective;
  const char* name;
};
const std::vector<country> kCountries = {
    {"Hungarian", "Hungary"},   {"Polish", "Poland"},         {"Brazilian", "Brazil"},
    {"Indian", "India"},        {"Turkish", "Turkey"},        {"Egyptian", "Egypt"},
    {"Kenyan", "Kenya"},        {"Indonesian", "Indonesia"},  {"Mexican", "Mexico"},
    {"Argentine", "Argentina"}, {"Italian", "Italy"},         {"Spanish", "Spain"},
    {"French", "France"},       {"German", "Germany"},        {"Canadian", "Canada"},
    {"Australian", "Australia"}, {"Nigerian", "Nigeria"},     {"Ethiopian", "Ethiopia"},
    {"Qatari", "Qatar"},        {"Thai", "Thailand"},         {"Malaysian", "Malaysia"},
    {"Pakistani", "Pakistan"},  {"Mongolian", "Mongolia"},    {"Kazakh", "Kazakhstan"},
    {"Armenian", "Armenia"},    {"Serbian", "Serbia"},        {"Swedish", "Sweden"},
    {"Norwegian", "Norway"},    {"Finnish", "Finland"},       {"Estonian", "Estonia"},
    {"Iranian", "Iran"},        {"Iraqi", "Iraq"},
};

// Given names: those with a second spelling that data/names.yaml reads as the same name
// (transliteration, a hyphen), and plain ones.
struct given {
  const char* name;
  const char* variant;  // nullptr: none
};
const std::vector<given> kGiven = {
    {"Sergey", "Sergei"}, {"Aleksey", "Alexei"},  {"Dmitry", "Dmitri"},   {"Yuri", "Yury"},
    {"Nikolay", "Nikolai"}, {"Yevgeny", "Evgeny"}, {"Jean-Marc", "Jean Marc"}, {"Ana-Maria", "Ana Maria"},
    {"Tomas", nullptr},   {"Laszlo", nullptr},    {"Marta", nullptr},     {"Henrik", nullptr},
    {"Lucia", nullptr},   {"Darius", nullptr},    {"Elena", nullptr},     {"Matteo", nullptr},
    {"Priya", nullptr},   {"Farid", nullptr},     {"Oskar", nullptr},     {"Ingrid", nullptr},
};
// Family names: stem + ending, distinct for every person. Endings in -sky have a -skiy variant.
const std::vector<const char*> kStems = {"Kalin", "Varen", "Dorab", "Melnar", "Tesar", "Brannig", "Holter",
                                         "Rivard", "Ostrog", "Zaleb", "Korvin", "Petrak", "Lindqv", "Mirab",
                                         "Santor", "Velik", "Grabar", "Norvak", "Tarnow", "Belvar"};
const std::vector<const char*> kEndings = {"ovsky", "enko", "ardo", "ander", "elli", "avic", "insky", "berg"};

struct role_title {
  const char* title;  // as written before a name
  const char* id;     // data/roles.yaml id
};
const std::vector<role_title> kCabinet = {
    {"Foreign Minister", "foreign_minister"},
    {"Defense Minister", "defense_minister"},
    {"Finance Minister", "finance_minister"},
};

// Count nouns: three lists whose product names a distinct thing per event.
const std::vector<const char*> kCountA = {"new", "used", "portable", "heavy", "light", "mobile", "modern", "spare"};
const std::vector<const char*> kCountB = {"diesel", "electric", "solar", "armoured", "medical", "water",
                                          "cargo",  "farm",     "rail",  "rescue",   "fire",    "patrol"};
const std::vector<const char*> kCountC = {"generators", "trucks", "pumps", "tractors", "buses", "boats",
                                          "tents",      "kits",   "cranes", "trailers", "radios", "engines"};
const std::vector<const char*> kCommodities = {"wheat", "rice", "fertilizer", "cement", "steel", "coal",
                                               "sugar", "flour", "maize", "barley", "sorghum", "cotton",
                                               "copper", "timber", "salt", "potash"};

const std::vector<const char*> kWeekdays = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                            "Saturday"};
const std::vector<const char*> kMonths = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};
const std::vector<const char*> kMonthsShort = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
const std::vector<const char*> kNumberWords = {"zero", "one", "two", "three", "four", "five", "six", "seven"};

// Outlets' home zones, written after a clock time (data/time.yaml).
struct home_zone {
  const char* name;
  int zone_min;
};
const std::vector<home_zone> kHomeZones = {{"GMT", 0}, {"CET", 60}, {"MSK", 180}, {"Beijing time", 480}, {"EST", -300}};

const std::vector<const char*> kOutletA = {"Northern", "Global", "Baltic", "Eastern", "Capital", "Daily",
                                           "Evening", "Harbour", "Continental", "Meridian", "Pacific", "Central"};
const std::vector<const char*> kOutletB = {"Wire", "Courier", "Ledger", "Observer", "Dispatch", "Gazette",
                                           "Bulletin", "Review", "Tribune", "Monitor"};

// ---------------------------------------------------------------------------------------------
// Calendar.

int days_from_civil(int y, int m, int d) {  // days since 1970-01-01 (Howard Hinnant)
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
struct ymd {
  int y, m, d;
};
ymd civil_from_days(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = yoe + era * 400;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp + (mp < 10 ? 3 : -9);
  return {y + (m <= 2), m, d};
}
int weekday_of(int days) { return ((days % 7) + 11) % 7; }  // 1970-01-01 was a Thursday (4)

std::string iso_date(int days) {
  const ymd t = civil_from_days(days);
  char b[48];
  std::snprintf(b, sizeof b, "%04d-%02d-%02d", t.y, t.m, t.d);
  return b;
}
std::string zone_text(int zone_min) {
  char b[24];
  const int a = zone_min < 0 ? -zone_min : zone_min;
  std::snprintf(b, sizeof b, "%c%02d:%02d", zone_min < 0 ? '-' : '+', a / 60, a % 60);
  return b;
}
std::string clock_value(int minute, int zone_min) {  // "09:15+07:00", crosscheck's printed form
  char b[32];
  std::snprintf(b, sizeof b, "%02d:%02d", minute / 60, minute % 60);
  return b + zone_text(zone_min);
}

// ---------------------------------------------------------------------------------------------
// The model.

struct person {
  std::string given, family, variant_given;  // variant_given empty: none
  std::string full() const { return given + " " + family; }
  bool family_has_variant() const { return family.size() > 3 && family.compare(family.size() - 3, 3, "sky") == 0; }
  bool has_variant() const { return !variant_given.empty() || family_has_variant(); }
  std::string variant() const {  // a harmless second spelling (names.yaml)
    std::string g = variant_given.empty() ? given : variant_given;
    std::string f = family_has_variant() ? family.substr(0, family.size() - 1) + "iy" : family;
    return g + " " + f;
  }
};

struct nation {
  std::size_t country = 0;
  person leader;
  std::vector<person> cabinet;  // one per kCabinet role
};

// What an event's facts are; the index into event::facts.
enum fact_id : int { f_time, f_date, f_length, f_count, f_quantity, f_member0 };

struct fact {
  std::string kind;       // crosscheck claim kind
  std::string subject;    // the slot subject crosscheck gives it
  std::string attribute;  // crosscheck attribute
  std::string truth;      // the right value, in crosscheck's printed form (or the name)
};

struct event {
  std::size_t nation = 0, capital = 0;
  int day = 0;             // days since 1970 of the arrival (local)
  int arrival_min = 0;     // local minutes
  int planned_min = 0;     // the announced arrival (earlier)
  int length_days = 0;
  long count = 0;
  std::string count_noun;  // plural
  long tons = 0;           // 0: no quantity fact
  std::string commodity;
  std::vector<fact> facts;
};

struct outlet {
  std::string name;
  double reliability = 0;
  std::size_t home = 0;  // kHomeZones
  int style = 0;         // 0 wire, 1 live blog, 2 translated state media
};

// What one article states about one fact.
struct statement {
  int fact = 0;
  std::string status;   // right, wrong, variant (harmless), planned, weekday
  std::string written;  // the value or name as written
  std::string plant;    // plant class when one was planted here
};

struct plant {
  std::string cls;
  std::size_t ev = 0;
  int fact = 0;
  std::size_t doc = 0, doc2 = 0;  // doc2: the copy (copy plants) or the other holder (role)
  std::string truth, planted;
  bool harmless = false;
};

struct article {
  std::size_t ev = 0, outlet = 0;
  int pub_day = 0;
  long copy_of = -1;
  std::vector<statement> says;
  std::string text;
};

struct options {
  std::uint64_t seed = 1;
  std::size_t articles = 1000, events = 0, outlets = 12;
  std::string out;
  // Plant rates (per article and fact, among statements that are otherwise right).
  double p_spelling = 0.06, p_variant = 0.25, p_role = 0.05, p_timezone = 0.12, p_planned = 0.10,
         p_copy = 0.04, p_weekday = 0.04, p_unit = 0.3;
};

std::string lower(std::string s) {
  for (auto& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// One slip in a long family name: two inner letters swapped, or one dropped (never the ending,
// which is where transliteration variants live).
std::string slip(const std::string& name, rng& r) {
  const std::size_t sp = name.find(' ');
  std::string fam = name.substr(sp + 1);
  const std::size_t hi = fam.size() - 3;  // inner letters 1 .. size-4
  std::size_t i = 1 + r.below(hi - 1);
  if (r.chance(0.5) && fam[i] != fam[i + 1]) std::swap(fam[i], fam[i + 1]);
  else fam.erase(i, 1);
  return name.substr(0, sp + 1) + fam;
}

std::string with_commas(long n) {
  std::string s = std::to_string(n), out;
  const std::size_t lead = s.size() % 3 == 0 ? 3 : s.size() % 3;
  out = s.substr(0, lead);
  for (std::size_t i = lead; i < s.size(); i += 3) out += "," + s.substr(i, 3);
  return out;
}

std::string clock_written(int minute, rng& r) {
  const int h = minute / 60, m = minute % 60;
  char b[32];
  switch (r.below(4)) {
    case 0: std::snprintf(b, sizeof b, "%02d:%02d", h, m); break;
    case 1: std::snprintf(b, sizeof b, "%d:%02d %s", h % 12 == 0 ? 12 : h % 12, m, h < 12 ? "a.m." : "p.m."); break;
    case 2: std::snprintf(b, sizeof b, "%d:%02d %s", h % 12 == 0 ? 12 : h % 12, m, h < 12 ? "am" : "pm"); break;
    default: std::snprintf(b, sizeof b, "%d:%02d%s", h % 12 == 0 ? 12 : h % 12, m, h < 12 ? "a.m." : "p.m."); break;
  }
  return b;
}

std::string date_written(int days, int weekday, rng& r) {  // weekday: the one to write
  const ymd t = civil_from_days(days);
  char b[64];
  switch (r.below(3)) {
    case 0:
      std::snprintf(b, sizeof b, "%s, %s %d, %d", kWeekdays[weekday], kMonths[t.m - 1], t.d, t.y);
      break;
    case 1: std::snprintf(b, sizeof b, "%s %d, %d", kMonths[t.m - 1], t.d, t.y); break;
    default: std::snprintf(b, sizeof b, "%d %s %d", t.d, kMonthsShort[t.m - 1], t.y); break;
  }
  return b;
}

std::string json_str(std::string_view s) {
  std::string o = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') o += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      o += ' ';
      continue;
    }
    o += c;
  }
  return o + "\"";
}

// Non-claim words with typos; navigation junk.
const std::vector<const char*> kFiller = {
    "Officials from both sides described the atmosphere as warm and constructive.",
    "The talks covered trade, energy and regional security, according to a statement.",
    "Analysts said the visit was closely watched by neighbouring governments.",
    "Security was tight across the city centre, with several streets closed to traffic.",
    "Opposition lawmakers critcised the trip as a distraction from problems at home.",
    "The two goverments have sought closer ties since the end of the pandemic.",
    "Details of the agreements were not immediately made public.",
    "Diplomats said the visit had been in preparation for several months.",
    "State television showed crowds waving flags along the route from the airport.",
    "Teh statement did not say when the next round of talks would take place.",
    "Critics accused the host of using the visit to burnish its image abroad.",
    "Neither side commented on reports of a separate deal on defence cooperation.",
};
const std::vector<const char*> kJunk = {"Share this article", "Read more", "Advertisement", "Sign up for our newsletter",
                                        "Most read", "Print | Text size | Share", "Skip to main content"};

// ---------------------------------------------------------------------------------------------

struct generator {
  options opt;
  rng r;
  std::vector<nation> nations;
  std::vector<event> events;
  std::vector<outlet> outlets;
  std::vector<article> articles;
  std::vector<plant> plants;

  explicit generator(options o) : opt(std::move(o)), r{opt.seed * 0x2545f4914f6cdd1dull + 7} {}

  void make_nations() {
    std::size_t k = 0;
    for (std::size_t c = 0; c < kCountries.size(); ++c) {
      nation n;
      n.country = c;
      auto make = [&]() {
        person p;
        const given& g = kGiven[r.below(kGiven.size())];
        p.given = g.name;
        if (g.variant) p.variant_given = g.variant;
        // (k % S, (k / S + k) % E) differs for every k < S * E = 160, so every family name is distinct.
        p.family = std::string(kStems[k % kStems.size()]) + kEndings[(k / kStems.size() + k) % kEndings.size()];
        ++k;
        return p;
      };
      n.leader = make();
      for (std::size_t i = 0; i < kCabinet.size(); ++i) n.cabinet.push_back(make());
      nations.push_back(std::move(n));
    }
  }

  void make_outlets() {
    for (std::size_t i = 0; i < opt.outlets; ++i) {
      outlet o;
      o.name = std::string("The ") + kOutletA[i % kOutletA.size()] + " " +
               kOutletB[(i / kOutletA.size() + i) % kOutletB.size()];
      if (i >= kOutletA.size() * kOutletB.size()) o.name += " " + std::to_string(i);
      // Reliability spread over [0.55, 0.97], in steps so that every run has weak and strong outlets.
      o.reliability = 0.55 + 0.42 * (opt.outlets == 1 ? 1.0 : static_cast<double>(i) / static_cast<double>(opt.outlets - 1));
      o.reliability = static_cast<double>(static_cast<long>(o.reliability * 1000 + 0.5)) / 1000;
      o.home = r.below(kHomeZones.size());
      o.style = static_cast<int>(i % 3);
      outlets.push_back(std::move(o));
    }
  }

  void make_events() {
    const std::size_t per_year = kCountries.size() * kCapitals.size();
    for (std::size_t e = 0; e < opt.events; ++e) {
      event ev;
      ev.nation = e % kCountries.size();
      ev.capital = (e / kCountries.size() + e) % kCapitals.size();
      const int year = 2024 - static_cast<int>(e / per_year);
      ev.day = days_from_civil(year, 1, 1) + static_cast<int>(r.below(300)) + 20;
      ev.arrival_min = r.between(6 * 60 + 5, 21 * 60 + 50);
      if (ev.arrival_min % 60 == 0) ev.arrival_min += 7;
      ev.planned_min = ev.arrival_min - r.between(35, 150);
      if (ev.planned_min % 60 == 0) ev.planned_min += 5;
      ev.length_days = r.between(2, 5);
      // A count only where its noun is the event's own (kCountA x kCountB x kCountC of them).
      const std::size_t ci = e;
      ev.count = ci < kCountA.size() * kCountB.size() * kCountC.size() ? r.between(12, 4000) : 0;
      ev.count_noun = std::string(kCountA[ci % kCountA.size()]) + " " + kCountB[(ci / kCountA.size()) % kCountB.size()] +
                      " " + kCountC[(ci / (kCountA.size() * kCountB.size())) % kCountC.size()];
      if (e < kCommodities.size()) {
        ev.tons = static_cast<long>(r.between(2, 900)) * 1000;
        ev.commodity = kCommodities[e];
      }
      const nation& n = nations[ev.nation];
      const capital& cap = kCapitals[ev.capital];
      const std::string actor = lower(n.leader.family), place = lower(cap.name);
      ev.facts.resize(f_member0 + kCabinet.size());
      ev.facts[f_time] = {"time_of_day", "arrival:" + actor + "@" + place, "time", clock_value(ev.arrival_min, cap.zone_min)};
      ev.facts[f_date] = {"date", "visit:" + actor + "@" + place, "date", iso_date(ev.day)};
      ev.facts[f_length] = {"duration", "visit:" + actor + "@" + place, "length", std::to_string(ev.length_days) + " days"};
      // The count's subject is the singular of what it counts.
      std::string singular = ev.count_noun.substr(0, ev.count_noun.size() - 1);
      ev.facts[f_count] = {"count", singular, "count", ev.count ? std::to_string(ev.count) : ""};
      ev.facts[f_quantity] = {"quantity", ev.commodity, "mass", ev.tons ? std::to_string(ev.tons) + " tonne" : ""};
      for (std::size_t i = 0; i < kCabinet.size(); ++i)
        ev.facts[f_member0 + static_cast<int>(i)] = {"person_role", "person:" + lower(n.cabinet[i].full()), "role",
                                                     std::string(kCabinet[i].id) + "@" + lower(kCountries[ev.nation].name)};
      events.push_back(std::move(ev));
    }
  }

  void add_plant(std::string cls, std::size_t ev, int f, std::size_t doc, std::string truth, std::string planted,
                 bool harmless = false, std::size_t doc2 = 0) {
    plants.push_back({std::move(cls), ev, f, doc, doc2, std::move(truth), std::move(planted), harmless});
  }

  // Decides what article `a` states, and plants.
  void decide(std::size_t ai) {
    article& a = articles[ai];
    const event& ev = events[a.ev];
    const outlet& o = outlets[a.outlet];
    const nation& n = nations[ev.nation];
    const capital& cap = kCapitals[ev.capital];
    auto right = [&]() { return r.chance(o.reliability); };

    {  // arrival time
      statement s{f_time, "right", "", ""};
      int minute = ev.arrival_min, zone = cap.zone_min;
      if (!right()) {
        const int delta = r.between(2, 12) * 10 + r.between(1, 9);
        minute = (ev.arrival_min + (r.chance(0.5) ? delta : 24 * 60 - delta)) % (24 * 60);
        s.status = "wrong";
        s.plant = "value";
      } else if (r.chance(opt.p_planned)) {
        minute = ev.planned_min;
        s.status = "planned";
        s.plant = "planned_vs_actual";
      } else if (kHomeZones[o.home].zone_min != cap.zone_min && r.chance(opt.p_timezone)) {
        zone = kHomeZones[o.home].zone_min;
        minute = ((ev.arrival_min - cap.zone_min + zone) % 1440 + 1440) % 1440;
        s.status = "variant";
        s.plant = "timezone";
      }
      s.written = clock_value(minute, zone);
      if (!s.plant.empty())
        add_plant(s.plant, a.ev, f_time, ai, ev.facts[f_time].truth, s.written, s.plant == "timezone");
      a.says.push_back(std::move(s));
    }
    if (r.chance(0.8)) {  // arrival date
      statement s{f_date, "right", iso_date(ev.day), ""};
      if (!right()) {
        const int delta = r.between(2, 5) * (r.chance(0.5) ? 1 : -1);
        s.written = iso_date(ev.day + delta);
        s.status = "wrong";
        s.plant = "value";
      } else if (r.chance(opt.p_weekday)) {
        s.status = "weekday";
        s.plant = "weekday_date";
      }
      if (!s.plant.empty()) add_plant(s.plant, a.ev, f_date, ai, ev.facts[f_date].truth, s.written);
      a.says.push_back(std::move(s));
    }
    if (r.chance(0.7)) {  // length of the visit
      statement s{f_length, "right", std::to_string(ev.length_days) + " days", ""};
      if (!right()) {
        const int d = ev.length_days + (ev.length_days == 2 || r.chance(0.5) ? 1 : -1) * r.between(1, 2);
        s.written = std::to_string(d) + " days";
        s.status = "wrong";
        s.plant = "value";
        add_plant("value", a.ev, f_length, ai, ev.facts[f_length].truth, s.written);
      }
      a.says.push_back(std::move(s));
    }
    if (ev.count > 0 && r.chance(0.6)) {  // count
      statement s{f_count, "right", std::to_string(ev.count), ""};
      if (!right()) {
        long v = ev.count + (r.chance(0.5) ? 1 : -1) * std::max(2L, ev.count * r.between(10, 45) / 100);
        s.written = std::to_string(v);
        s.status = "wrong";
        s.plant = "value";
        add_plant("value", a.ev, f_count, ai, ev.facts[f_count].truth, s.written);
      }
      a.says.push_back(std::move(s));
    }
    if (ev.tons && r.chance(0.6)) {  // quantity, sometimes with a conversion to pounds
      statement s{f_quantity, "right", std::to_string(ev.tons) + " tonne", ""};
      if (!right()) {
        long v = ev.tons + (r.chance(0.5) ? 1 : -1) * ev.tons * r.between(15, 40) / 100;
        s.written = std::to_string(v) + " tonne";
        s.status = "wrong";
        s.plant = "value";
        add_plant("value", a.ev, f_quantity, ai, ev.facts[f_quantity].truth, s.written);
      } else if (a.ev == 0 && r.chance(opt.p_unit)) {
        s.status = "unit";  // the tonnes are right, the pounds beside them are not
        s.plant = "unit_conversion";
        add_plant("unit_conversion", a.ev, f_quantity, ai, ev.facts[f_quantity].truth, s.written);
      }
      a.says.push_back(std::move(s));
    }
    if (r.chance(0.75)) {  // the delegation: names and roles
      bool role_done = false;
      for (std::size_t i = 0; i < kCabinet.size(); ++i) {
        const int f = f_member0 + static_cast<int>(i);
        const person& p = n.cabinet[i];
        statement s{f, "right", p.full(), ""};
        if (!role_done && r.chance(opt.p_role * (2 - 2 * o.reliability + 0.5))) {
          // This member is given the next member's (unique) title.
          s.status = "wrong";
          s.plant = "role";
          role_done = true;
          const std::size_t j = (i + 1) % kCabinet.size();
          s.written = p.full() + "|" + std::to_string(j);
          add_plant("role", a.ev, f, ai, ev.facts[f].truth,
                    std::string(kCabinet[j].id) + "@" + lower(kCountries[ev.nation].name));
        } else if (r.chance(opt.p_spelling)) {
          s.written = slip(p.full(), r);
          s.status = "wrong";
          s.plant = "spelling";
          add_plant("spelling", a.ev, f, ai, p.full(), s.written);
        } else if (p.has_variant() && r.chance(opt.p_variant)) {
          s.written = p.variant();
          s.status = "variant";
          s.plant = "transliteration";
          add_plant("transliteration", a.ev, f, ai, p.full(), s.written, true);
        }
        a.says.push_back(std::move(s));
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Writing.

  std::string time_sentence(const article& a, const statement& s, const std::string& who_full,
                            const std::string& who, const std::string& title) {
    const event& ev = events[a.ev];
    const capital& cap = kCapitals[ev.capital];
    const int minute = std::stoi(s.written.substr(0, 2)) * 60 + std::stoi(s.written.substr(3, 2));
    std::string t = clock_written(minute, r);
    if (s.plant == "timezone") {
      t += std::string(" ") + kHomeZones[outlets[a.outlet].home].name;
    }
    const std::string c = cap.name;
    if (s.status == "planned") {
      switch (r.below(3)) {
        case 0: return who + " was scheduled to arrive in " + c + " at " + t + ", officials said.";
        case 1: return "The foreign ministry said " + who + " was expected to arrive in " + c + " at " + t + ".";
        default: return who + " is scheduled to land in " + c + " at " + t + ", according to the programme.";
      }
    }
    const std::string attrib[] = {", officials said", ", according to the foreign ministry", ", state media reported",
                                  "", ", flight-tracking data showed"};
    const std::string& at = attrib[r.below(5)];
    switch (outlets[a.outlet].style == 2 ? 5 + r.below(2) : r.below(6)) {
      case 0: return title + " " + who_full + " arrived in " + c + " at " + t + at + ".";
      case 1: return who + "'s plane landed in " + c + " at " + t + at + ".";
      case 2: return who + " touched down in " + c + " at " + t + " on a visit closely watched by the region" + at + ".";
      case 3: return who + " flew into " + c + " at " + t + at + ".";
      case 4: return "At " + t + ", " + who + " arrived in " + c + at + ".";
      case 5:
        return who_full + ", " + title.substr(title.find(' ') + 1) + " of " +
               kCountries[ev.nation].name + ", arrived in " + c + " at " + t + " by special plane.";
      default: return who + " arrived in " + c + " at " + t + ", to a warm welcome from the host.";
    }
  }

  std::string date_sentence(const article& a, const statement& s, const std::string& who) {
    const event& ev = events[a.ev];
    const int day = days_from_civil(std::stoi(s.written.substr(0, 4)), std::stoi(s.written.substr(5, 2)),
                                    std::stoi(s.written.substr(8, 2)));
    int wd = weekday_of(day);
    std::string w;
    if (s.status == "weekday") {
      wd = (wd + r.between(1, 6)) % 7;
      const ymd t = civil_from_days(day);
      w = std::string(kWeekdays[wd]) + ", " + kMonths[t.m - 1] + " " + std::to_string(t.d) + ", " + std::to_string(t.y);
    } else {
      w = date_written(day, wd, r);
    }
    const std::string c = kCapitals[ev.capital].name;
    switch (r.below(4)) {
      case 0: return who + " arrived in " + c + " on " + w + ".";
      case 1: return "On " + w + ", " + who + " arrived in " + c + " for talks with the host government.";
      case 2: return who + " landed in " + c + " on " + w + ", the first stop of a regional tour.";
      default: return who + " began the visit to " + c + " on " + w + ".";
    }
  }

  std::string length_sentence(const article& a, const statement& s, const std::string& who) {
    const event& ev = events[a.ev];
    const int d = std::stoi(s.written);
    const std::string c = kCapitals[ev.capital].name;
    const std::string word = d < static_cast<int>(kNumberWords.size()) ? kNumberWords[d] : std::to_string(d);
    switch (r.below(4)) {
      case 0: return who + " is on a " + word + "-day state visit to " + c + ".";
      case 1: return "The " + std::to_string(d) + "-day visit to " + c + " is " + who + "'s first this year.";
      case 2: return who + "'s " + word + "-day visit to " + c + " was announced last week.";
      default: return who + " will visit " + c + " for " + word + " days, officials said.";
    }
  }

  std::string count_sentence(const article& a, const statement& s) {
    const event& ev = events[a.ev];
    const std::string n = with_commas(std::stol(s.written));
    switch (r.below(3)) {
      case 0: return "The package includes " + n + " " + ev.count_noun + ", officials said.";
      case 1: return std::string(kCountries[ev.nation].name) + " pledged " + n + " " + ev.count_noun + " as part of the deal.";
      default: return "Under the agreement, " + n + " " + ev.count_noun + " will be delivered by the end of the year.";
    }
  }

  // A conversion to pounds is read only with no noun after it ("The shipment weighs N tons (M lbs)."):
  // the slot is then named by the dimension ("mass"), not the commodity, so conversions are written
  // for event 0 only, whose quantities alone fill that slot (truth.json: alt_subject).
  std::string quantity_sentence(const article& a, const statement& s) {
    const event& ev = events[a.ev];
    const long t = std::stol(s.written);
    const std::string q = with_commas(t) + " tons of " + ev.commodity;
    std::string out = r.chance(0.5) ? "The aid package consists of " + q + ", to be shipped within weeks."
                                    : "Officials said " + q + " would be sent under the agreement.";
    const long lbs = (t * 220462262L + 50000L) / 100000L;  // 2204.62262 lb a tonne
    if (s.status == "unit")  // a wrong conversion
      out += " The shipment weighs " + with_commas(t) + " tons (" + with_commas(lbs * (100 + r.between(15, 40)) / 100) + " lbs).";
    else if (a.ev == 0 && s.status == "right" && r.chance(0.3))
      out += " The shipment weighs " + with_commas(t) + " tons (" + with_commas(lbs) + " lbs).";
    return out;
  }

  std::string member_phrase(const article& a, const statement& s, std::size_t i) {
    const event& ev = events[a.ev];
    std::string name = s.written;
    std::size_t role = i;
    if (const auto bar = name.find('|'); bar != std::string::npos) {
      role = static_cast<std::size_t>(std::stoul(name.substr(bar + 1)));
      name = name.substr(0, bar);
    }
    return std::string(kCountries[ev.nation].adjective) + " " + kCabinet[role].title + " " + name;
  }

  void write(std::size_t ai) {
    article& a = articles[ai];
    if (a.copy_of >= 0) {
      a.text = articles[static_cast<std::size_t>(a.copy_of)].text;
      return;
    }
    const event& ev = events[a.ev];
    const outlet& o = outlets[a.outlet];
    const nation& n = nations[ev.nation];
    const capital& cap = kCapitals[ev.capital];
    const std::string adj = kCountries[ev.nation].adjective;
    const std::string title = adj + " President";
    const std::string who_full = n.leader.full(), who = n.leader.family;
    std::string& t = a.text;
    t.reserve(2048);
    for (std::size_t j = 0, nj = r.below(3); j < nj; ++j) t += std::string(r.pick(kJunk)) + "\n\n";
    // Headline, no values.
    t += who + " visits " + cap.name + " as " + kCountries[ev.nation].name + " seeks new partners\n\n";
    std::vector<std::string> paras;
    std::string lead = title + " " + who_full + " began a state visit to " + cap.name + ", " +
                       (o.style == 2 ? "the official news agency reported." : "where he was met by senior officials.");
    if (o.style == 0) {
      const ymd d = civil_from_days(a.pub_day);
      std::string city = cap.name;
      for (auto& c : city) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
      lead = city + ", " + kMonths[d.m - 1] + " " + std::to_string(d.d) + " (" + o.name + ") - " + lead;
    }
    paras.push_back(lead);
    std::string members;
    std::size_t member_count = 0;
    for (const statement& s : a.says) {
      switch (s.fact) {
        case f_time: paras.push_back(time_sentence(a, s, who_full, who, title)); break;
        case f_date: paras.push_back(date_sentence(a, s, who)); break;
        case f_length: paras.push_back(length_sentence(a, s, who)); break;
        case f_count: paras.push_back(count_sentence(a, s)); break;
        case f_quantity: paras.push_back(quantity_sentence(a, s)); break;
        default: {
          const std::size_t i = static_cast<std::size_t>(s.fact - f_member0);
          if (member_count > 0) members += i + 1 == kCabinet.size() ? " and " : ", ";
          members += member_phrase(a, s, i);
          ++member_count;
        }
      }
    }
    if (member_count > 0) {
      switch (r.below(3)) {
        case 0: paras.push_back(who + " was accompanied by " + members + "."); break;
        case 1: paras.push_back("The delegation includes " + members + "."); break;
        default: paras.push_back(who + " was joined by " + members + "."); break;
      }
    }
    // Shuffle the middle paragraphs, add filler, a caption printed twice.
    for (std::size_t i = paras.size() - 1; i > 1; --i) std::swap(paras[i], paras[1 + r.below(i)]);
    for (std::size_t j = 0, nj = 1 + r.below(3); j < nj; ++j)
      paras.insert(paras.begin() + static_cast<long>(1 + r.below(paras.size())), r.pick(kFiller));
    const std::string caption = who_full + " waves on arrival in " + cap.name + ". [Photo: " + o.name + "]";
    const bool with_caption = r.chance(0.5);
    if (with_caption) paras.insert(paras.begin() + 1, caption);
    int stamp = (ev.arrival_min - cap.zone_min + kHomeZones[o.home].zone_min + 1440 + 30) % 1440;
    for (std::size_t i = 0; i < paras.size(); ++i) {
      if (o.style == 1 && i > 0) {  // live blog: "10:42 GMT — " before each entry
        char b[48];
        std::snprintf(b, sizeof b, "%02d:%02d %s \xE2\x80\x94 ", stamp / 60, stamp % 60, kHomeZones[o.home].name);
        t += b;
        stamp = (stamp + r.between(3, 25)) % 1440;
      }
      t += paras[i];
      t += "\n\n";
      if (with_caption && i == 1) t += caption + "\n\n";  // the repeated caption
    }
    t += r.chance(0.5) ? "Read more\n" : "Share this article\n";
  }

  void run() {
    make_nations();
    make_outlets();
    make_events();
    articles.resize(opt.articles);
    for (std::size_t i = 0; i < opt.articles; ++i) {
      article& a = articles[i];
      a.ev = i % opt.events;
      a.outlet = r.below(opt.outlets);
      a.pub_day = events[a.ev].day + (r.chance(0.3) ? 1 : 0);
      // A wire story republished verbatim by another outlet: the copy says what the original says.
      if (i >= opt.events && opt.outlets > 1 && r.chance(opt.p_copy)) {
        const std::size_t orig = i - opt.events * (1 + r.below(std::min<std::size_t>(3, i / opt.events)));
        const article& src = articles[orig];
        if (src.copy_of < 0) {
          a.copy_of = static_cast<long>(orig);
          a.says = src.says;
          a.pub_day = src.pub_day;
          if (a.outlet == src.outlet) a.outlet = (a.outlet + 1) % opt.outlets;
          add_plant("copy", a.ev, -1, orig, "", "", true, i);
          continue;
        }
      }
      decide(i);
    }
    for (std::size_t i = 0; i < opt.articles; ++i) write(i);
  }

  // ------------------------------------------------------------------------------------------

  static std::string file_name(std::size_t i) {
    char b[40];
    std::snprintf(b, sizeof b, "a%06zu.txt", i + 1);
    return b;
  }

  void save() const {
    namespace fs = std::filesystem;
    // Into an empty or new folder only: a stale article left there would be read with the new ones.
    if (fs::exists(opt.out) && (!fs::is_directory(opt.out) || !fs::is_empty(opt.out)))
      throw std::runtime_error(opt.out + ": exists and is not an empty folder (remove it first)");
    fs::create_directories(opt.out);
    for (std::size_t i = 0; i < articles.size(); ++i) {
      const std::string path = opt.out + "/" + file_name(i);
      std::FILE* f = std::fopen(path.c_str(), "wb");
      if (!f) throw std::runtime_error("cannot write " + path);
      std::fwrite(articles[i].text.data(), 1, articles[i].text.size(), f);
      std::fclose(f);
    }
    std::string m = "# Written by crosscheck_gen (bench/gen_corpus.cpp); the truth is in truth.json.\ndocuments:\n";
    for (std::size_t i = 0; i < articles.size(); ++i)
      m += "  - {file: " + file_name(i) + ", source: " + outlets[articles[i].outlet].name +
           ", published: " + iso_date(articles[i].pub_day) + "}\n";
    write_file(opt.out + "/manifest.yaml", m);
    write_file(opt.out + "/truth.json", truth_json());
  }

  static void write_file(const std::string& path, const std::string& s) {
    std::ofstream f(path, std::ios::binary);
    if (!f) throw std::runtime_error("cannot write " + path);
    f.write(s.data(), static_cast<std::streamsize>(s.size()));
  }

  std::string truth_json() const {
    std::string j;
    j.reserve(articles.size() * 400);
    char b[160];
    std::snprintf(b, sizeof b, "{\"format\": \"crosscheck-gen-truth/1\", \"seed\": %llu, \"articles\": %zu, \"events\": %zu, \"outlets\": %zu,\n",
                  static_cast<unsigned long long>(opt.seed), opt.articles, opt.events, opt.outlets);
    j += b;
    j += "\"sources\": [\n";
    for (std::size_t i = 0; i < outlets.size(); ++i) {
      const outlet& o = outlets[i];
      std::snprintf(b, sizeof b, ", \"reliability\": %.3f, \"home_zone\": ", o.reliability);
      j += "  {\"name\": " + json_str(o.name) + b + json_str(kHomeZones[o.home].name) + ", \"style\": " +
           json_str(o.style == 0 ? "wire" : o.style == 1 ? "live blog" : "state media") + "}" +
           (i + 1 < outlets.size() ? ",\n" : "\n");
    }
    j += "],\n\"event_list\": [\n";
    for (std::size_t e = 0; e < events.size(); ++e) {
      const event& ev = events[e];
      const nation& n = nations[ev.nation];
      j += "  {\"id\": " + std::to_string(e) + ", \"leader\": " + json_str(n.leader.full()) +
           ", \"country\": " + json_str(kCountries[ev.nation].name) + ", \"capital\": " +
           json_str(kCapitals[ev.capital].name) + ", \"zone\": " + json_str(zone_text(kCapitals[ev.capital].zone_min)) +
           ", \"planned_arrival\": " + json_str(clock_value(ev.planned_min, kCapitals[ev.capital].zone_min)) +
           ", \"facts\": [";
      for (std::size_t f = 0; f < ev.facts.size(); ++f) {
        const fact& x = ev.facts[f];
        if (f) j += ", ";
        j += "{\"kind\": " + json_str(x.kind) + ", \"subject\": " + json_str(x.subject) + ", \"attribute\": " +
             json_str(x.attribute) + ", \"truth\": " + json_str(x.truth);
        if (f >= f_member0) j += ", \"name\": " + json_str(n.cabinet[f - f_member0].full());
        if (f == f_quantity && e == 0) j += ", \"alt_subject\": \"mass\"";
        j += "}";
      }
      j += "]}";
      j += e + 1 < events.size() ? ",\n" : "\n";
    }
    j += "],\n\"documents\": [\n";
    for (std::size_t i = 0; i < articles.size(); ++i) {
      const article& a = articles[i];
      j += "  {\"file\": " + json_str(file_name(i)) + ", \"source\": " + json_str(outlets[a.outlet].name) +
           ", \"event\": " + std::to_string(a.ev);
      if (a.copy_of >= 0) j += ", \"copy_of\": " + json_str(file_name(static_cast<std::size_t>(a.copy_of)));
      j += ", \"says\": [";
      for (std::size_t k = 0; k < a.says.size(); ++k) {
        const statement& s = a.says[k];
        std::string w = s.written;
        if (auto bar = w.find('|'); bar != std::string::npos) w.resize(bar);
        if (k) j += ", ";
        j += "[" + std::to_string(s.fact) + ", " + json_str(s.status) + ", " + json_str(w) + "]";
      }
      j += i + 1 < articles.size() ? "]},\n" : "]}\n";
    }
    j += "],\n\"plants\": [\n";
    for (std::size_t p = 0; p < plants.size(); ++p) {
      const plant& x = plants[p];
      j += "  {\"class\": " + json_str(x.cls) + ", \"event\": " + std::to_string(x.ev) + ", \"fact\": " +
           std::to_string(x.fact) + ", \"document\": " + json_str(file_name(x.doc));
      if (x.cls == "copy") j += ", \"copy\": " + json_str(file_name(x.doc2));
      j += ", \"truth\": " + json_str(x.truth) + ", \"planted\": " + json_str(x.planted) +
           ", \"harmless\": " + (x.harmless ? "true" : "false") + "}" + (p + 1 < plants.size() ? ",\n" : "\n");
    }
    j += "]}\n";
    return j;
  }
};

[[noreturn]] void usage(const std::string& why) {
  std::cerr << "crosscheck_gen: " << why
            << "\nusage: crosscheck_gen --out DIR [--seed S] [--articles N] [--events M] [--outlets K]\n";
  std::exit(2);
}

std::size_t count_arg(const std::string& flag, const char* v) {
  char* end = nullptr;
  const unsigned long long n = std::strtoull(v, &end, 10);
  if (!*v || *end || v[0] == '-') usage(flag + " needs a non-negative whole number, not '" + v + "'");
  return static_cast<std::size_t>(n);
}

}  // namespace

int main(int argc, char** argv) {
  options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (i + 1 >= argc) usage("missing value after " + a);
    const char* v = argv[++i];
    if (a == "--seed") o.seed = count_arg(a, v);
    else if (a == "--articles") o.articles = count_arg(a, v);
    else if (a == "--events") o.events = count_arg(a, v);
    else if (a == "--outlets") o.outlets = count_arg(a, v);
    else if (a == "--out") o.out = v;
    else usage("unknown option " + a);
  }
  if (o.out.empty()) usage("--out DIR is required");
  if (o.articles == 0) usage("--articles must be at least 1");
  if (o.outlets == 0) usage("--outlets must be at least 1");
  if (o.events == 0) o.events = std::max<std::size_t>(1, o.articles / 50);
  if (o.events > o.articles) usage("--events must not exceed --articles");
  const std::size_t max_events = kCountries.size() * kCapitals.size() * 40;
  if (o.events > max_events) usage("--events must be at most " + std::to_string(max_events));
  try {
    generator g(o);
    g.run();
    g.save();
    std::cout << "crosscheck_gen: " << o.articles << " articles, " << o.events << " events, " << o.outlets
              << " outlets, " << g.plants.size() << " plants -> " << o.out << "\n";
  } catch (const std::exception& e) {
    std::cerr << "crosscheck_gen: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
