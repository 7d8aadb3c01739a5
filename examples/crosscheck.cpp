// crosscheck: the command-line front end. Argument parsing and I/O only; every step is a
// library call (the same ones the tests make).
//
//   crosscheck report [--format text|json|markdown|html] PATH...   conflicts across the articles
//   crosscheck claims PATH...                                 extracted claims, JSON Lines
//   crosscheck reconcile FILE.jsonl|-                         reconcile claims from JSON Lines
//   --best vote|truth-discovery (report, reconcile): how the best supported value is chosen
//   --sources (report, reconcile; text or markdown): the reliability of each source after the report
//
// Exit codes: 0 ran and found no conflict, 1 ran and found conflicts, 2 usage or input error.
#include <CLI/CLI.hpp>
#include <crosscheck/crosscheck.hpp>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace fs = std::filesystem;

namespace {

constexpr int exit_clean = 0;
constexpr int exit_conflicts = 1;
constexpr int exit_error = 2;

struct common_options {
  std::string data_dir;
  std::vector<std::string> configs;
  bool strict = false;
  std::size_t max_file_bytes = crosscheck::load_options{}.max_file_bytes;
  std::string best = "vote";
  bool sources = false;
};

void add_common(CLI::App& cmd, common_options& o) {
  cmd.add_option("--data", o.data_dir,
                 "Folder of vocabulary files (events.yaml, places.yaml, ...); default: $CROSSCHECK_DATA, "
                 "then the installed or source data/");
  cmd.add_option("--config", o.configs, "Extra YAML vocabulary merged over data/ (repeatable)");
  cmd.add_flag("--strict", o.strict, "Treat warnings (skipped files or lines) as errors: exit 2");
  cmd.add_option("--max-file-size", o.max_file_bytes, "Skip files larger than this many bytes (default 64 MiB)");
}

void add_best(CLI::App& cmd, common_options& o) {
  cmd.add_option("--best", o.best,
                 "How a conflict's best supported value is chosen: vote (source priors from data/sources.yaml, "
                 "attribution, precision; the default) or truth-discovery (source reliability learned from agreement "
                 "across all slots)")
      ->check(CLI::IsMember({"vote", "truth-discovery"}));
  cmd.add_flag("--sources", o.sources,
               "After a text or Markdown report, list each source's reliability: its prior, and with "
               "--best truth-discovery what was learned (overall and per attribute)");
}

// The reliability table printed by --sources.
std::string sources_table(const crosscheck::truth_result& t, bool markdown) {
  std::string out = t.mode == crosscheck::best_value_mode::truth_discovery
                        ? "\nSource reliability learned by truth discovery (" + std::to_string(t.iterations) + " round(s))\n"
                        : std::string("\nSource reliability (priors from data/sources.yaml and --config)\n");
  if (markdown) out += "\n| source | prior | learned | claims | per attribute | likely copies |\n|---|---|---|---|---|---|\n";
  for (const auto& s : t.sources) {
    std::string per;
    for (const auto& [attribute, r] : s.by_attribute) per += fmt::format("{}{} {:.2f}", per.empty() ? "" : ", ", attribute, r);
    if (markdown)
      out += fmt::format("| {} | {:.2f} | {:.3f} | {} | {} | {} |\n", s.source, s.prior, s.reliability, s.claims, per, s.copies);
    else
      out += fmt::format("  {}: prior {:.2f}, learned {:.3f}, {} claim(s){}{}\n", s.source, s.prior, s.reliability, s.claims,
                         per.empty() ? "" : "; " + per, s.copies.empty() ? "" : "; likely copies " + s.copies);
  }
  return out;
}

// Where data/ is: --data, $CROSSCHECK_DATA, the installed copy, the source tree's.
fs::path find_data_dir(const common_options& o) {
  if (!o.data_dir.empty()) return o.data_dir;
  if (const char* env = std::getenv("CROSSCHECK_DATA"); env && *env) return env;
  for (const char* candidate : {CROSSCHECK_INSTALLED_DATA_DIR, CROSSCHECK_SOURCE_DATA_DIR}) {
    std::error_code ec;
    if (fs::is_regular_file(fs::path(candidate) / "events.yaml", ec)) return candidate;
  }
  return CROSSCHECK_SOURCE_DATA_DIR;
}

crosscheck::rule_set load_rules(const common_options& o) {
  crosscheck::rule_set rules = crosscheck::rule_set::load(find_data_dir(o));
  for (const auto& c : o.configs) rules.merge_file(c);
  return rules;
}

void print_diagnostics(const std::vector<crosscheck::diagnostic>& diags) {
  for (const auto& d : diags) std::cerr << "crosscheck: " << to_string(d) << '\n';
}

// Loads and prepares the documents, and extracts their claims. Returns false when nothing
// could be read (after printing why).
bool extract_all(const std::vector<std::string>& paths, const common_options& o, const crosscheck::rule_set& rules,
                 crosscheck::corpus& corpus, std::vector<crosscheck::claim>& claims) {
  crosscheck::load_options lo;
  lo.max_file_bytes = o.max_file_bytes;
  std::vector<fs::path> ps(paths.begin(), paths.end());
  corpus = crosscheck::load_corpus(ps, lo);
  print_diagnostics(corpus.diagnostics);
  if (corpus.documents.empty()) {
    std::cerr << "crosscheck: error: no readable document in the given paths (see the warnings above)\n";
    return false;
  }
  const auto extractors = crosscheck::default_extractors(rules);
  for (auto& doc : corpus.documents) {
    crosscheck::prepare(doc, rules);
    extractors.extract(doc, claims);
  }
  return true;
}

std::string render(const std::string& format, const crosscheck::report_input& in) {
  if (format == "json") return crosscheck::to_json(in);
  if (format == "markdown") return crosscheck::to_markdown(in);
  if (format == "html") return crosscheck::to_html(in);
  return crosscheck::to_text(in);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"crosscheck: find where news sources disagree, with the evidence quoted.\n"
               "Exit codes: 0 no conflict, 1 conflicts found, 2 usage or input error."};
  app.set_version_flag("--version", std::string(crosscheck::version_string));
  app.require_subcommand(1);

  common_options common;
  std::string format = "text";
  std::vector<std::string> paths;
  std::string jsonl;

  auto* report = app.add_subcommand("report", "Print the conflicts found across articles (folders or files)");
  report->add_option("--format", format, "text, json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown", "html"}));
  report->add_option("paths", paths, "Folders (with an optional manifest.yaml) or .txt files")->required();
  add_common(*report, common);
  add_best(*report, common);

  auto* claims_cmd = app.add_subcommand("claims", "Print the extracted claims as JSON Lines, one claim a line");
  claims_cmd->add_option("paths", paths, "Folders or .txt files")->required();
  add_common(*claims_cmd, common);

  auto* reconcile_cmd = app.add_subcommand("reconcile", "Reconcile claims read from JSON Lines ('-' reads stdin)");
  reconcile_cmd->add_option("--format", format, "text, json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown", "html"}));
  reconcile_cmd->add_option("file", jsonl, "A .jsonl file of claims, or - for standard input")->required();
  add_common(*reconcile_cmd, common);
  add_best(*reconcile_cmd, common);

  try {
    app.parse(argc, argv);
    if (common.sources && (format == "json" || format == "html"))
      throw CLI::ValidationError("--sources", "needs --format text or markdown (the JSON and HTML reports are one document)");
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return exit_error;
  }

  try {
    const crosscheck::rule_set rules = load_rules(common);
    crosscheck::corpus corpus;
    std::vector<crosscheck::claim> claims;

    if (*claims_cmd) {
      if (!extract_all(paths, common, rules, corpus, claims)) return exit_error;
      for (const auto& c : claims) std::cout << crosscheck::to_json_line(c) << '\n';
      if (common.strict && !corpus.diagnostics.empty()) {
        std::cerr << "crosscheck: error: " << corpus.diagnostics.size() << " warning(s) and --strict is set\n";
        return exit_error;
      }
      return exit_clean;
    }

    if (*reconcile_cmd) {
      if (jsonl == "-") {
        claims = crosscheck::read_claims_jsonl(std::cin, "<stdin>", rules, corpus.diagnostics);
      } else {
        std::error_code ec;
        if (!fs::is_regular_file(jsonl, ec)) {
          std::cerr << "crosscheck: error: " << jsonl << ": no such file (give a .jsonl file, or - for stdin)\n";
          return exit_error;
        }
        std::ifstream in(jsonl, std::ios::binary);
        if (!in) {
          std::cerr << "crosscheck: error: " << jsonl << ": cannot open the file for reading\n";
          return exit_error;
        }
        claims = crosscheck::read_claims_jsonl(in, jsonl, rules, corpus.diagnostics);
      }
      print_diagnostics(corpus.diagnostics);
      if (claims.empty() && !corpus.diagnostics.empty()) {
        std::cerr << "crosscheck: error: no claim could be read from " << (jsonl == "-" ? "<stdin>" : jsonl)
                  << " (see the warnings above)\n";
        return exit_error;
      }
    } else if (!extract_all(paths, common, rules, corpus, claims)) {
      return exit_error;
    }

    crosscheck::reconcile_options ro;
    crosscheck::parse_best_value_mode(common.best, ro.best);  // checked by CLI11 above
    const crosscheck::reconciliation result = crosscheck::reconcile(claims, rules, ro);
    std::cout << render(format, {corpus.documents, claims, result, corpus.diagnostics});
    if (common.sources) {
      crosscheck::truth_options to;
      to.mode = ro.best;
      std::cout << sources_table(crosscheck::discover_truth(claims, result.slots, rules, to), format == "markdown");
    }
    if (common.strict && !corpus.diagnostics.empty()) {
      std::cerr << "crosscheck: error: " << corpus.diagnostics.size() << " warning(s) and --strict is set\n";
      return exit_error;
    }
    return result.conflicts.empty() ? exit_clean : exit_conflicts;
  } catch (const crosscheck::error& e) {
    std::cerr << "crosscheck: error: " << e.what() << '\n';
    return exit_error;
  } catch (const std::exception& e) {
    std::cerr << "crosscheck: error: " << e.what() << '\n';
    return exit_error;
  }
}
