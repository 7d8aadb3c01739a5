// The smallest program that embeds crosscheck: two in-memory articles that disagree on an
// arrival time, reconciled and printed. Usage: embed_minimal DATA_DIR
#include <crosscheck/crosscheck.hpp>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: embed_minimal DATA_DIR   (the crosscheck data/ folder)\n";
    return 2;
  }
  try {
    const auto rules = crosscheck::rule_set::load(argv[1]);
    std::vector<crosscheck::document> docs(2);
    docs[0].id = "a.txt";
    docs[0].source = "Outlet A";
    docs[1].id = "b.txt";
    docs[1].source = "Outlet B";
    docs[0].text = "Minister Lee arrived in Hanoi at 9:10 a.m., according to the embassy.";
    docs[1].text = "Lee's plane landed in Hanoi at 9:40 a.m. local time.";

    const auto extractors = crosscheck::default_extractors(rules);
    std::vector<crosscheck::claim> claims;
    for (auto& d : docs) {
      crosscheck::prepare(d, rules);
      extractors.extract(d, claims);
    }
    const auto result = crosscheck::reconcile(claims, rules);
    const std::vector<crosscheck::diagnostic> none;
    std::cout << crosscheck::to_text({docs, claims, result, none});
    return result.conflicts.empty() ? 0 : 1;
  } catch (const crosscheck::error& e) {
    std::cerr << "embed_minimal: " << e.what() << '\n';
    return 2;
  }
}
