// Embedding crosscheck in a program: read a folder of articles one at a time (memory grows
// with the claims, not with the text), reconcile, then use the result both as data and as a
// ready-made report. Usage: embed_report DATA_DIR PATH...   (docs/embedding.md walks through it)
#include <crosscheck/crosscheck.hpp>

#include <iostream>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: embed_report DATA_DIR PATH...   (the crosscheck data/ folder, then folders or .txt files)\n";
    return 2;
  }
  try {
    const auto rules = crosscheck::rule_set::load(argv[1]);  // throws rule_error naming file:line
    const auto extractors = crosscheck::default_extractors(rules);

    crosscheck::load_options opts;
    opts.reference_date = crosscheck::date_value::of_day(2024, 6, 19);  // for articles without a date
    const std::vector<std::filesystem::path> paths(argv + 2, argv + argc);
    crosscheck::corpus_reader reader(paths, opts);                      // throws input_error

    std::vector<crosscheck::document> docs;
    std::vector<crosscheck::claim> claims;
    crosscheck::document doc;
    while (reader.next(doc)) {
      crosscheck::prepare(doc, rules);     // normalize + segment, offsets kept
      extractors.extract(doc, claims);     // never throws on text
      crosscheck::strip_text(doc);         // keep the metadata, drop the text
      docs.push_back(std::move(doc));
    }
    for (const auto& d : reader.diagnostics()) std::cerr << to_string(d) << '\n';

    const crosscheck::reconciliation result = crosscheck::reconcile(claims, rules);

    // The result as data: one line per conflict, with the best supported value.
    for (const auto& c : result.conflicts) {
      const crosscheck::slot& s = result.slots[c.slot];
      std::cout << c.id << '\t' << to_string(c.sev) << '\t' << crosscheck::describe_fact(s, claims) << '\t'
                << (c.best.value.empty() ? "(no best value)" : c.best.value) << '\n';
      for (const auto& g : c.values)
        for (std::size_t i : g.claims)
          std::cout << "\t" << g.value << " <- \"" << claims[i].ev.text << "\" (" << crosscheck::outlet(claims[i].ev)
                    << ", bytes " << claims[i].ev.begin << '-' << claims[i].ev.end << ")\n";
    }
    // The result as a report: to_markdown(), to_json() or to_text() take the same input.
    std::cout << '\n' << crosscheck::to_markdown({docs, claims, result, reader.diagnostics()});
    return result.conflicts.empty() ? 0 : 1;
  } catch (const crosscheck::error& e) {  // rule_error, input_error: what() names the file
    std::cerr << "embed_report: " << e.what() << '\n';
    return 2;
  }
}
