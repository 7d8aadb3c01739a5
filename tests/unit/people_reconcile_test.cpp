// The reconciler on people: spellings of one person are linked into one slot (a likely
// misspelling only when both spellings hold a common role), names compare by the name
// matcher's verdict, roles by the role vocabulary (hierarchy, unique holders, exclusions).
#include <catch2/catch.hpp>
#include <crosscheck/crosscheck.hpp>

#include <algorithm>

#include "support/corpus.hpp"

using namespace crosscheck;

namespace {

// A name claim and a role claim for one titled mention, as the person extractor gives them.
void mention(std::vector<claim>& out, const std::string& doc, const std::string& name, const std::string& role,
             const std::string& org = {}) {
  claim n;
  n.id = doc + "#" + std::to_string(out.size() + 1);
  n.kind = claim_kind::person_name;
  n.subject = "person:" + make_person_name(name).key;
  n.subject_text = name;
  n.attribute = "name";
  n.val = make_person_name(name);
  n.ev.document = doc;
  n.ev.source = doc + " outlet";
  n.ev.text = name;
  n.ev.sentence = role + " " + name + " spoke in " + doc;
  n.rule = "test";
  out.push_back(n);
  claim r = n;
  r.id = doc + "#" + std::to_string(out.size() + 1);
  r.kind = claim_kind::person_role;
  r.attribute = "role";
  r.val = role_value{role, role, org};
  r.ev.text = role + " " + name;
  out.push_back(r);
}

const rule_set& rules() { return crosscheck_test::rules(); }

std::vector<const conflict*> conflicts_on(const reconciliation& r, std::string_view attribute) {
  std::vector<const conflict*> out;
  for (const auto& c : r.conflicts)
    if (r.slots[c.slot].attribute == attribute) out.push_back(&c);
  return out;
}

std::size_t slots_of(const reconciliation& r, std::string_view attribute) {
  return static_cast<std::size_t>(std::count_if(r.slots.begin(), r.slots.end(),
                                                [&](const slot& s) { return s.attribute == attribute; }));
}

}  // namespace

TEST_CASE("people: a slip in a name given the same role by two outlets is a spelling conflict", "[reconcile][people]") {
  std::vector<claim> claims;
  mention(claims, "a.txt", "Marta Kowalczyk", "health_minister", "poland");
  mention(claims, "b.txt", "Marta Kowalcyzk", "health_minister", "poland");
  const auto r = reconcile(claims, rules());
  CHECK(slots_of(r, "name") == 1u);
  const auto found = conflicts_on(r, "name");
  REQUIRE(found.size() == 1u);
  CHECK(found[0]->cls == conflict_class::spelling);
  CHECK(found[0]->explanation.find("typo") != std::string::npos);
  CHECK(conflicts_on(r, "role").empty());
}

TEST_CASE("people: the same slip with two different roles is two people, not a conflict", "[reconcile][people]") {
  std::vector<claim> claims;
  mention(claims, "a.txt", "Marta Kowalczyk", "health_minister");
  mention(claims, "b.txt", "Marta Kowalcyzk", "mayor");
  const auto r = reconcile(claims, rules());
  CHECK(slots_of(r, "name") == 2u);
  CHECK(r.conflicts.empty());
}

TEST_CASE("people: transliteration and hyphenation variants share a slot and never conflict", "[reconcile][people]") {
  std::vector<claim> claims;
  mention(claims, "a.txt", "Sergey Lavrov", "foreign_minister");
  mention(claims, "b.txt", "Sergei Lavrov", "foreign_minister");
  mention(claims, "c.txt", "Kim Jong-un", "leader");
  mention(claims, "d.txt", "Kim Jong Un", "leader");
  mention(claims, "e.txt", "Kim Jong-il", "leader");  // his father: another person
  const auto r = reconcile(claims, rules());
  CHECK(slots_of(r, "name") == 3u);
  CHECK(r.conflicts.empty());
}

TEST_CASE("people: a known person's spelling is the best value", "[reconcile][people]") {
  std::vector<claim> claims;
  mention(claims, "a.txt", "Andrei Beluosov", "defense_minister", "russia");
  mention(claims, "b.txt", "Andrei Beluosov", "defense_minister", "russia");
  mention(claims, "c.txt", "Andrei Belousov", "defense_minister", "russia");
  const auto r = reconcile(claims, rules());
  const auto found = conflicts_on(r, "name");
  REQUIRE(found.size() == 1u);
  // Two outlets against one, but data/people.yaml knows the man.
  CHECK(found[0]->best.value == "Andrei Belousov");
  CHECK(found[0]->best.reason.find("people.yaml") != std::string::npos);
  CHECK(r.slots[found[0]->slot].subject == "person:andrei belousov");
}

TEST_CASE("people: a general role and a specific one agree; two roles one person can hold agree", "[reconcile][people]") {
  std::vector<claim> claims;
  mention(claims, "a.txt", "Nadia Okafor", "minister");
  mention(claims, "b.txt", "Nadia Okafor", "finance_minister");
  mention(claims, "c.txt", "Nadia Okafor", "lawmaker");
  const auto r = reconcile(claims, rules());
  CHECK(r.conflicts.empty());
}

TEST_CASE("people: a unique role the corpus gives to someone else is a role conflict", "[reconcile][people]") {
  std::vector<claim> claims;
  mention(claims, "a.txt", "Pavel Orlov", "press_secretary", "kremlin");
  mention(claims, "b.txt", "Pavel Orlov", "presidential_aide", "russia");
  mention(claims, "c.txt", "Irina Sokolova", "press_secretary", "kremlin");
  const auto r = reconcile(claims, rules());
  const auto found = conflicts_on(r, "role");
  REQUIRE(found.size() == 1u);
  CHECK(found[0]->cls == conflict_class::role);
  CHECK(r.slots[found[0]->slot].subject == "person:pavel orlov");
  CHECK(found[0]->explanation.find("Irina Sokolova") != std::string::npos);

  // Without another holder, press secretary and presidential aide are two roles he may hold.
  claims.resize(4);
  CHECK(reconcile(claims, rules()).conflicts.empty());
  // The same unique role in another organisation is not the same job.
  std::vector<claim> other;
  mention(other, "a.txt", "Pavel Orlov", "press_secretary", "kremlin");
  mention(other, "b.txt", "Pavel Orlov", "presidential_aide", "russia");
  mention(other, "c.txt", "Irina Sokolova", "press_secretary", "white_house");
  CHECK(reconcile(other, rules()).conflicts.empty());
  // With no organisation named, two holders may hold two different jobs (two countries' ministers).
  std::vector<claim> unnamed;
  mention(unnamed, "a.txt", "Pavel Orlov", "defense_minister");
  mention(unnamed, "b.txt", "Pavel Orlov", "general");
  mention(unnamed, "c.txt", "Irina Sokolova", "defense_minister");
  CHECK(reconcile(unnamed, rules()).conflicts.empty());
}

TEST_CASE("people: roles a vocabulary declares exclusive conflict on their own", "[reconcile][people]") {
  rule_set rs = rules();
  for (auto& role : rs.people.roles)
    if (role.id == "head_of_state") role.exclusive_with.push_back("mayor");
  std::vector<claim> claims;
  mention(claims, "a.txt", "Lena Varga", "head_of_state");
  mention(claims, "b.txt", "Lena Varga", "mayor");
  const auto r = reconcile(claims, rs);
  REQUIRE(r.conflicts.size() == 1u);
  CHECK(r.conflicts[0].cls == conflict_class::role);
  CHECK(r.conflicts[0].explanation.find("at once") != std::string::npos);
  CHECK(reconcile(claims, rules()).conflicts.empty());
}

TEST_CASE("people: delegation membership never conflicts, whatever the lists leave out", "[reconcile][people]") {
  std::vector<claim> claims;
  for (const auto& [doc, name] : std::vector<std::pair<std::string, std::string>>{
           {"a.txt", "Ana Ruiz"}, {"a.txt", "Luis Moreno"}, {"b.txt", "Ana Ruiz"}}) {
    claim c;
    c.id = doc + "#" + std::to_string(claims.size() + 1);
    c.kind = claim_kind::person_role;
    c.subject = "person:" + make_person_name(name).key;
    c.subject_text = name;
    c.attribute = "delegation";
    c.val = role_value{"member", "delegation", doc == "a.txt" ? "delegation of the president" : "delegation"};
    c.ev.document = doc;
    c.ev.sentence = doc + " list";
    claims.push_back(c);
  }
  CHECK(reconcile(claims, rules()).conflicts.empty());
}

TEST_CASE("people: roles round-trip through JSON Lines with their organisation", "[reconcile][people][jsonl]") {
  value v;
  REQUIRE(parse_value(claim_kind::person_role, "press_secretary@kremlin", rules(), v));
  CHECK(std::get<role_value>(v).role == "press_secretary");
  CHECK(std::get<role_value>(v).organisation == "kremlin");
  CHECK(to_string(v) == "press_secretary@kremlin");
  // Words from another program go through the title vocabulary.
  REQUIRE(parse_value(claim_kind::person_role, "Kremlin spokesperson", rules(), v));
  CHECK(std::get<role_value>(v).role == "press_secretary");
  CHECK(std::get<role_value>(v).organisation == "kremlin");
  REQUIRE(parse_value(claim_kind::person_role, "Minister of Natural Resources and Environment", rules(), v));
  CHECK(std::get<role_value>(v).role == "natural_resources_minister");
  REQUIRE(parse_value(claim_kind::person_role, "chief whisperer", rules(), v));
  CHECK(std::get<role_value>(v).role == "chief whisperer");
}

TEST_CASE("people: a known person's name one slip away, in a role he held, is a spelling finding", "[reconcile][people]") {
  std::vector<claim> claims;
  mention(claims, "a.txt", "Andrei Belousv", "defense_minister", "russia");
  const auto r = reconcile(claims, rules());
  const auto found = conflicts_on(r, "name");
  REQUIRE(found.size() == 1u);
  CHECK(found[0]->cls == conflict_class::spelling);
  CHECK(found[0]->best.value == "Andrei Belousov");
  CHECK(r.slots[found[0]->slot].subject == "person:andrei belousov");
  CHECK(found[0]->explanation.find("Andrei Belousv") != std::string::npos);

  // In a role the known man never held, the same slip names someone else: no finding.
  std::vector<claim> other;
  mention(other, "a.txt", "Andrei Belousv", "mayor");
  CHECK(reconcile(other, rules()).conflicts.empty());
  // Spelled right, nothing to say.
  std::vector<claim> right;
  mention(right, "a.txt", "Andrei Belousov", "defense_minister", "russia");
  CHECK(reconcile(right, rules()).conflicts.empty());
}
