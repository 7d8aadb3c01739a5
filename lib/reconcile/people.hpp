// Internal: linking person claims across documents, and comparing names and roles with the
// rules (the name matcher, role hierarchy, unique roles).
//
// Person claims (kinds person_name and person_role, subjects "person:<folded name>") are
// linked before slots are formed: two names are one person when the matcher calls them the
// same or a harmless variant, or a likely misspelling of one another *and* they are given a
// common role (the same role in the same story). Names are filed under the matcher's blocking
// keys, so only names sharing a key are compared: never all pairs. A linked person's subject
// is "person:<folded canonical spelling>": the gazetteer's (data/people.yaml) when one of the
// names is a known person's, else the spelling most claims use.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "crosscheck/claim.hpp"
#include "crosscheck/names.hpp"
#include "crosscheck/reconcile.hpp"
#include "crosscheck/rules.hpp"

namespace crosscheck::detail {

struct people_links {
  std::vector<std::string> subject;  // per claim: its linked subject; empty when not a person claim
  // Linked subject -> the canonical spelling (gazetteer or most used).
  std::map<std::string, std::string, std::less<>> canonical;
  // Linked subject -> whether the canonical spelling is the gazetteer's.
  std::set<std::string, std::less<>> known;
  // (unique role id, organisation) -> linked subjects the corpus gives it to.
  std::map<std::pair<std::string, std::string>, std::set<std::string>> holders;
};

people_links link_people(const std::vector<claim>& claims, const rule_set& rules, const name_matcher& m);

// How two values of a person slot relate: names by the matcher's verdict, roles by the role
// vocabulary (one role more general than the other: compatible; roles that exclude each other,
// or a unique role the corpus gives to someone else: conflict; two other roles: compatible, a
// person holds several). `note` receives why a role conflicts ("the corpus gives the role to
// Dmitry Peskov").
agreement compare_people(const value& a, const value& b, const std::string& subject, const people_links& links,
                         const rule_set& rules, const name_matcher& m, std::string* note);

}  // namespace crosscheck::detail
