// Uses the installed library and its installed vocabulary: one conflict must come out.
#include <crosscheck/crosscheck.hpp>

#include <iostream>

int main() {
  const auto rules = crosscheck::rule_set::load(CROSSCHECK_DATA);
  std::vector<crosscheck::document> docs(2);
  docs[0].id = "a.txt";
  docs[0].text = "Lee arrived in Seoul at 9:10 a.m., the ministry said.";
  docs[1].id = "b.txt";
  docs[1].text = "Lee landed in Seoul at 9:55 a.m.";
  const auto extractors = crosscheck::default_extractors(rules);
  std::vector<crosscheck::claim> claims;
  for (auto& d : docs) {
    crosscheck::prepare(d, rules);
    extractors.extract(d, claims);
  }
  const auto r = crosscheck::reconcile(claims, rules);
  std::cout << "consumer: " << claims.size() << " claims, " << r.conflicts.size() << " conflict(s), version "
            << crosscheck::version_string << '\n';
  return (claims.size() == 2 && r.conflicts.size() == 1) ? 0 : 1;
}
