// The vocabulary loader: data/*.yaml is checked key by key, and every problem names the file,
// line and column. A user's --config file merges over the shipped vocabulary.
#include <catch2/catch.hpp>
#include <crosscheck/rules.hpp>

#include <algorithm>

#include "support/temp_dir.hpp"

using crosscheck::rule_error;
using crosscheck::rule_set;

namespace {

// A copy of data/ in a temporary folder, with one file replaced.
void copy_data_with(const crosscheck_test::temp_dir& dir, const std::string& file, const std::string& text) {
  for (const auto& e : std::filesystem::directory_iterator(CROSSCHECK_DATA_DIR))
    if (e.path().extension() == ".yaml") std::filesystem::copy_file(e.path(), dir.path() / e.path().filename());
  dir.write_file(file, text);
}

}  // namespace

TEST_CASE("rules: the shipped vocabulary loads", "[rules]") {
  const rule_set r = rule_set::load(CROSSCHECK_DATA_DIR);
  CHECK_FALSE(r.events.empty());
  CHECK_FALSE(r.places.empty());
  CHECK_FALSE(r.zones.empty());
  CHECK_FALSE(r.segmentation.maybe_final.empty());
  CHECK_FALSE(r.english.function_words.empty());
  CHECK(r.default_reliability > 0);
  CHECK(r.default_reliability < 1);
  const auto arrival = std::find_if(r.events.begin(), r.events.end(), [](const auto& e) { return e.id == "arrival"; });
  REQUIRE(arrival != r.events.end());
  CHECK(std::find(arrival->triggers.begin(), arrival->triggers.end(), "touched down") != arrival->triggers.end());
}

TEST_CASE("rules: a missing folder or file is a rule_error naming it", "[rules]") {
  CHECK_THROWS_AS(rule_set::load("/no/such/folder"), rule_error);
  try {
    rule_set::load("/no/such/folder");
  } catch (const rule_error& e) {
    CHECK(e.where().file == "/no/such/folder");
  }
  crosscheck_test::temp_dir empty;
  try {
    rule_set::load(empty.path());
    FAIL("expected rule_error");
  } catch (const rule_error& e) {
    CHECK(e.where().file.find("events.yaml") != std::string::npos);
  }
}

TEST_CASE("rules: broken YAML gives file, line and column", "[rules]") {
  const crosscheck_test::temp_dir dir;
  copy_data_with(dir, "places.yaml", "places:\n  - {name: Pyongyang, zone: \"+09:00\"\n");
  try {
    rule_set::load(dir.path());
    FAIL("expected rule_error");
  } catch (const rule_error& e) {
    CHECK(e.where().file.find("places.yaml") != std::string::npos);
    REQUIRE(e.where().line.has_value());
    CHECK(*e.where().line >= 2u);
    CHECK(std::string(e.what()).find("not valid YAML") != std::string::npos);
  }
}

TEST_CASE("rules: an unknown key is rejected with its line", "[rules]") {
  const crosscheck_test::temp_dir dir;
  copy_data_with(dir, "places.yaml", "places:\n  - name: Pyongyang\n    zone: \"+09:00\"\n    alias: [Sunan]\n");
  try {
    rule_set::load(dir.path());
    FAIL("expected rule_error");
  } catch (const rule_error& e) {
    CHECK(std::string(e.what()).find("unknown key 'alias'") != std::string::npos);
    REQUIRE(e.where().line.has_value());
    CHECK(*e.where().line == 4u);
  }
}

TEST_CASE("rules: values of the wrong type or range are rejected", "[rules]") {
  SECTION("a zone that is not an offset") {
    const crosscheck_test::temp_dir dir;
  copy_data_with(dir, "time.yaml", "zones:\n  - {name: KST, offset: nine}\n");
    CHECK_THROWS_WITH(rule_set::load(dir.path()), Catch::Contains("UTC offset"));
  }
  SECTION("a reliability outside (0, 1)") {
    const crosscheck_test::temp_dir dir;
  copy_data_with(dir, "sources.yaml", "sources:\n  Reuters: 1.5\n");
    CHECK_THROWS_WITH(rule_set::load(dir.path()), Catch::Contains("between 0 and 1"));
  }
  SECTION("a list where a string was expected") {
    const crosscheck_test::temp_dir dir;
  copy_data_with(dir, "events.yaml", "events:\n  - id: [arrival]\n    triggers: [arrived]\n");
    CHECK_THROWS_WITH(rule_set::load(dir.path()), Catch::Contains("events.id"));
  }
  SECTION("a vague span that ends before it begins") {
    const crosscheck_test::temp_dir dir;
  copy_data_with(dir, "time.yaml", "vague:\n  - {phrase: late night, begin: \"23:00\", end: \"01:00\"}\n");
    CHECK_THROWS_WITH(rule_set::load(dir.path()), Catch::Contains("end must come after begin"));
  }
}

TEST_CASE("rules: merge_file adds and overrides entries", "[rules]") {
  rule_set r = rule_set::load(CROSSCHECK_DATA_DIR);
  const std::size_t zones_before = r.zones.size();
  crosscheck_test::temp_dir dir;
  const auto file = dir.write_file("newsroom.yaml",
                                   "zones:\n  - {name: IST, offset: \"+05:30\"}\nsources:\n  Reuters: 0.95\n"
                                   "places:\n  - {name: Pyongyang, zone: \"+08:30\", aliases: [Sunan]}\n");
  r.merge_file(file);
  CHECK(r.zones.size() == zones_before + 1);
  CHECK(r.zones.back().offset.minutes == 330);
  CHECK(r.source_reliability.at("Reuters") == Approx(0.95));
  const auto p = std::find_if(r.places.begin(), r.places.end(), [](const auto& x) { return x.name == "Pyongyang"; });
  REQUIRE(p != r.places.end());
  CHECK(p->zone.minutes == 510);  // replaced, not duplicated
  CHECK(std::count_if(r.places.begin(), r.places.end(), [](const auto& x) { return x.name == "Pyongyang"; }) == 1);
}

TEST_CASE("rules: the number, unit and document vocabularies load and are checked", "[rules][numbers]") {
  const rule_set r = rule_set::load(CROSSCHECK_DATA_DIR);
  CHECK(r.numbers.scales.at("billion") == 1e9);
  CHECK(r.numbers.ordinals.at("fourth") == 4);
  const auto f = std::find_if(r.units.units.begin(), r.units.units.end(), [](const auto& u) { return u.id == "fahrenheit"; });
  REQUIRE(f != r.units.units.end());
  CHECK(f->canonical == "celsius");
  CHECK((91.4 + f->offset) * f->factor == Approx(33.0));
  CHECK_FALSE(r.documents.provisions.empty());
  struct bad_case {
    const char* file;
    const char* text;
    const char* what;
  };
  for (const bad_case& b : {bad_case{"units.yaml", "units:\n  units:\n    - {id: furlong, measures: length}\n", "needs words"},
                            bad_case{"units.yaml", "units:\n  units:\n    - {id: x, factor: -1, words: [x], measures: m}\n", "factor"},
                            bad_case{"numbers.yaml", "numbers:\n  scale: {million: 1000000}\n", "unknown key 'scale'"},
                            bad_case{"documents.yaml", "documents:\n  parts:\n    - {id: article, word: [art]}\n", "unknown key 'word'"}}) {
    const crosscheck_test::temp_dir dir;
    copy_data_with(dir, b.file, b.text);
    try {
      rule_set::load(dir.path());
      FAIL("expected rule_error for " << b.text);
    } catch (const rule_error& e) {
      INFO(e.what());
      CHECK(e.where().file.find(b.file) != std::string::npos);
      CHECK(e.where().line.has_value());
      CHECK(std::string(e.what()).find(b.what) != std::string::npos);
    }
  }
}

TEST_CASE("rules: the name, role and people vocabularies load and are checked", "[rules][people]") {
  const rule_set r = rule_set::load(CROSSCHECK_DATA_DIR);
  const auto belousov = std::find_if(r.people.known.begin(), r.people.known.end(),
                                     [](const auto& p) { return p.name == "Andrei Belousov"; });
  REQUIRE(belousov != r.people.known.end());
  REQUIRE_FALSE(belousov->roles.empty());
  CHECK(belousov->roles.front().role == "defense_minister");
  CHECK(belousov->roles.front().from_year == 2024);
  CHECK(r.names.min_typo_length >= 4u);
  SECTION("a role's parent must be a role") {
    const crosscheck_test::temp_dir dir;
    copy_data_with(dir, "roles.yaml", "roles:\n  - {id: envoy, titles: [envoy], parent: diplomat}\n");
    CHECK_THROWS_WITH(rule_set::load(dir.path()), Catch::Contains("roles.yaml") && Catch::Contains("diplomat"));
  }
  SECTION("a known person's role must be a role, held from before it ended") {
    const crosscheck_test::temp_dir dir;
    copy_data_with(dir, "people.yaml", "people:\n  - {name: A B, roles: [{role: defense_minister, from: 2020, to: 2019}]}\n");
    CHECK_THROWS_WITH(rule_set::load(dir.path()), Catch::Contains("people.yaml:2") && Catch::Contains("before"));
    const crosscheck_test::temp_dir other;
    copy_data_with(other, "people.yaml", "people:\n  - {name: A B, roles: [astronaut]}\n");
    CHECK_THROWS_WITH(rule_set::load(other.path()), Catch::Contains("astronaut"));
  }
  SECTION("a name group needs two spellings") {
    const crosscheck_test::temp_dir dir;
    copy_data_with(dir, "names.yaml", "names:\n  given_name_groups:\n    - [olga]\n");
    CHECK_THROWS_WITH(rule_set::load(dir.path()), Catch::Contains("names.yaml:3") && Catch::Contains("two spellings"));
  }
}
