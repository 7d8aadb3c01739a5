// The crosscheck CLI driven as a user would: exit codes, output formats, piping, and errors
// that name the file and the problem.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <crosscheck/crosscheck.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <fstream>
#include <set>
#include <sstream>

#include "support/temp_dir.hpp"

namespace {

struct outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Runs `crosscheck ARGS` through the shell (so ARGS may pipe or redirect).
outcome cli(const std::string& args, const std::string& prefix = "") {
  const crosscheck_test::temp_dir dir;
  const auto out = dir.path() / "out", err = dir.path() / "err";
  const std::string cmd = prefix + "'" + std::string(CROSSCHECK_CLI) + "' " + args + " >'" + out.string() + "' 2>'" +
                          err.string() + "' </dev/null";
  const int status = std::system(cmd.c_str());
  outcome o;
  o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  o.out = slurp(out);
  o.err = slurp(err);
  return o;
}

const std::string samples = std::string("'") + CROSSCHECK_SAMPLES_DIR + "'";

bool contains(const std::string& s, const std::string& what) { return s.find(what) != std::string::npos; }

}  // namespace

TEST_CASE("cli: report on the samples exits 1 and shows the conflict with its quotes", "[cli]") {
  const auto o = cli("report " + samples);
  INFO(o.err);
  CHECK(o.exit_code == 1);
  CHECK(contains(o.out, "\"2:46 a.m.\""));
  CHECK(contains(o.out, "\"2:22 a.m.\""));
  CHECK(contains(o.out, "the Kremlin's Telegram channel"));
  CHECK(contains(o.out, "5 document(s)"));
  CHECK(o.err.empty());
}

TEST_CASE("cli: report --format json follows the documented contract", "[cli]") {
  const auto o = cli("report --format json " + samples);
  REQUIRE(o.exit_code == 1);
  const auto j = nlohmann::json::parse(o.out);
  CHECK(j.at("schema_version") == 1);
  CHECK(j.at("documents").size() == 5u);
  REQUIRE(j.at("claims").is_array());
  for (const auto& c : j.at("claims")) {
    for (const char* key : {"id", "document", "kind", "subject", "attribute", "value", "text", "start", "end"})
      CHECK(c.contains(key));
    // Offsets point at the words in the file on disk.
    const std::string bytes = slurp(std::filesystem::path(CROSSCHECK_SAMPLES_DIR) / c.at("document").get<std::string>());
    const auto start = c.at("start").get<std::size_t>(), end = c.at("end").get<std::size_t>();
    CHECK(bytes.substr(start, end - start) == c.at("text").get<std::string>());
  }
  REQUIRE(j.at("conflicts").size() >= 1u);
  const auto& c = j.at("conflicts")[0];
  for (const char* key : {"id", "class", "severity", "subject", "attribute", "values", "resolution", "explanation"})
    CHECK(c.contains(key));
  for (const auto& v : c.at("values")) {
    CHECK(v.contains("value"));
    CHECK(v.at("claims").size() >= 1u);
  }
}

TEST_CASE("cli: report --format markdown gives a table to paste", "[cli]") {
  const auto o = cli("report --format markdown " + samples);
  CHECK(o.exit_code == 1);
  CHECK(contains(o.out, "# crosscheck report"));
  CHECK(contains(o.out, "| value | source | document | quote | attribution |"));
}

TEST_CASE("cli: claims prints JSON Lines that reconcile reads back from a pipe", "[cli]") {
  const auto claims = cli("claims " + samples);
  REQUIRE(claims.exit_code == 0);
  std::istringstream lines(claims.out);
  std::string line;
  std::size_t n = 0;
  while (std::getline(lines, line)) {
    const auto j = nlohmann::json::parse(line);
    CHECK(j.contains("value"));
    ++n;
  }
  CHECK(n >= 4u);
  // claims | reconcile -: the two stages of a map/reduce run, joined by a pipe.
  const crosscheck_test::temp_dir dir;
  const auto out = dir.path() / "out";
  const std::string cli_path = "'" + std::string(CROSSCHECK_CLI) + "'";
  const std::string cmd = cli_path + " claims " + samples + " | " + cli_path + " reconcile - >'" + out.string() + "'";
  const int status = std::system(cmd.c_str());
  CHECK(WEXITSTATUS(status) == 1);
  // The two halves give the conflicts of the whole: same classes, values and explanations.
  const std::string piped_json = out.string() + ".json";
  const std::string json_cmd =
      cli_path + " claims " + samples + " | " + cli_path + " reconcile --format json - >'" + piped_json + "'";
  CHECK(WEXITSTATUS(std::system(json_cmd.c_str())) == 1);
  const auto whole = nlohmann::json::parse(cli("report --format json " + samples).out);
  const auto halves = nlohmann::json::parse(slurp(piped_json));
  REQUIRE(halves.at("conflicts").size() == whole.at("conflicts").size());
  for (std::size_t k = 0; k < whole.at("conflicts").size(); ++k) {
    const auto& a = whole["conflicts"][k];
    const auto& b = halves["conflicts"][k];
    CHECK(a.at("class") == b.at("class"));
    CHECK(a.at("values") == b.at("values"));
    CHECK(a.at("compatible") == b.at("compatible"));
    CHECK(a.at("explanation") == b.at("explanation"));
  }
  CHECK(contains(slurp(out), "02:46+09:00"));
}

TEST_CASE("cli: a long sentence passed through JSON Lines is quoted, not a crash", "[cli]") {
  // The claim sits far into a sentence of over 220 bytes, itself far into the file.
  const crosscheck_test::temp_dir dir;
  std::string text(440, 'x');
  text += "\n\nIn a long day of ceremonies, parades, banquets, speeches and talks that the two delegations had "
          "prepared for weeks, with crowds on every avenue and flags on every lamp post, Putin arrived in "
          "Pyongyang at 2:46 a.m., according to the Kremlin, and his plane landed in Pyongyang at 2:22 a.m., "
          "according to flight trackers.\n";
  dir.write_file("long.txt", text);
  const std::string cli_path = "'" + std::string(CROSSCHECK_CLI) + "'";
  const auto out = dir.path() / "out";
  const auto err = dir.path() / "err";
  const std::string cmd = cli_path + " claims '" + dir.path().string() + "' | " + cli_path + " reconcile - >'" +
                          out.string() + "' 2>'" + err.string() + "'";
  const int status = std::system(cmd.c_str());
  INFO(slurp(err));
  CHECK(WEXITSTATUS(status) == 1);
  CHECK(contains(slurp(out), "2:46 a.m."));
  CHECK(slurp(err).empty());
}

TEST_CASE("cli: reconcile exits 2 when no line could be read", "[cli]") {
  const crosscheck_test::temp_dir dir;
  const auto file = dir.write_file("bad.jsonl", "garbage\n{\"a\": 1}\n");
  const auto o = cli("reconcile '" + file.string() + "'");
  CHECK(o.exit_code == 2);
  CHECK(contains(o.err, "bad.jsonl:1"));
  CHECK(contains(o.err, "no claim could be read"));
}

TEST_CASE("cli: report on the seed articles flags the arrival time", "[cli][seeds]") {
  const std::filesystem::path seeds = CROSSCHECK_SEEDS_DIR;
  if (!std::filesystem::exists(seeds / "manifest.yaml")) {
    WARN("no seed corpus at " << seeds << "; skipped");
    return;
  }
  const auto o = cli("report --format json '" + seeds.string() + "'");
  REQUIRE(o.exit_code == 1);
  const auto j = nlohmann::json::parse(o.out);
  bool found = false;
  for (const auto& c : j.at("conflicts")) {
    std::set<std::string> values;
    for (const auto& v : c.at("values")) values.insert(v.at("value").get<std::string>());
    if (values.count("02:46+09:00") && values.count("02:22+09:00")) found = true;
    CHECK_FALSE(values.count("after 02:00+09:00"));  // must_not_flag: "after 2 am" agrees with both
  }
  CHECK(found);
}

TEST_CASE("cli: reconcile - reads standard input", "[cli]") {
  const crosscheck_test::temp_dir dir;
  const auto file = dir.write_file(
      "c.jsonl",
      "{\"source\": \"A\", \"subject\": \"arrival:lee@seoul\", \"attribute\": \"time\", \"value\": \"9:10 a.m.\"}\n"
      "{\"source\": \"B\", \"subject\": \"arrival:lee@seoul\", \"attribute\": \"time\", \"value\": \"09:40\"}\n");
  const auto out = dir.path() / "out";
  const std::string cmd = "'" + std::string(CROSSCHECK_CLI) + "' reconcile - <'" + file.string() + "' >'" + out.string() + "'";
  const int status = std::system(cmd.c_str());
  CHECK(WEXITSTATUS(status) == 1);
  CHECK(contains(slurp(out), "09:10"));
}

TEST_CASE("cli: reconcile --best truth-discovery learns which source to trust", "[cli][truth]") {
  // Three sites agree on four flights; two others are wrong on all of them, each its own way,
  // and agree with each other on a fifth flight against one of the three. Gates are text.
  const crosscheck_test::temp_dir dir;
  std::string lines;
  auto line = [&](const char* source, const std::string& flight, const std::string& attribute, const char* kind,
                  const std::string& value) {
    lines += "{\"source\": \"" + std::string(source) + "\", \"subject\": \"" + flight + "\", \"attribute\": \"" +
             attribute + "\", \"kind\": \"" + kind + "\", \"value\": \"" + value + "\"}\n";
  };
  for (int f = 1; f <= 4; ++f) {
    const std::string flight = "UA-" + std::to_string(f);
    for (const char* s : {"site1", "site2", "site3"}) line(s, flight, "departure", "time_of_day", std::to_string(f) + ":10 PM");
    line("bad1", flight, "departure", "time_of_day", std::to_string(f) + ":40 PM");
    line("bad2", flight, "departure", "time_of_day", std::to_string(f) + ":55 PM");
    for (const char* s : {"site1", "site2"}) line(s, flight, "gate", "text", " B" + std::to_string(f) + " ");
    line("site3", flight, "gate", "text", "b" + std::to_string(f));
  }
  line("site1", "UA-9", "departure", "time_of_day", "12/1/2011 9:05PM EST");
  line("bad1", "UA-9", "departure", "time_of_day", "9:50 PM");
  line("bad2", "UA-9", "departure", "time_of_day", "9:50 PM");
  const auto file = dir.write_file("flights.jsonl", lines);
  const auto vote = cli("reconcile --format json '" + file.string() + "'");
  const auto td = cli("reconcile --best truth-discovery --format json '" + file.string() + "'");
  INFO(vote.err << td.err);
  REQUIRE(vote.exit_code == 1);
  REQUIRE(td.exit_code == 1);
  auto best_of = [](const std::string& out, const std::string& subject) {
    const auto report = nlohmann::json::parse(out);
    for (const auto& c : report["conflicts"])
      if (c["subject"] == subject) return c["resolution"]["value"].get<std::string>();
    return std::string("none");
  };
  CHECK(best_of(vote.out, "UA-9") == "21:50");
  CHECK(best_of(td.out, "UA-9") == "21:05-05:00");
  CHECK(best_of(td.out, "UA-1") == "13:10");
  for (const auto& c : nlohmann::json::parse(td.out)["conflicts"].get<std::vector<nlohmann::json>>())
    CHECK(c["attribute"] == "departure");  // " B1 " and "b1" are the same gate
  CHECK(cli("reconcile --best oracle '" + file.string() + "'").exit_code == 2);
  // --sources lists what was learned about each source after the report.
  const auto listed = cli("reconcile --best truth-discovery --sources '" + file.string() + "'");
  CHECK(listed.exit_code == 1);
  CHECK(contains(listed.out, "Source reliability learned by truth discovery"));
  CHECK(contains(listed.out, "bad1: prior 0.70, learned 0.3"));
  CHECK(contains(listed.out, "gate 0.8"));
  CHECK(contains(cli("reconcile --sources '" + file.string() + "'").out, "priors from data/sources.yaml"));
  CHECK(cli("reconcile --sources --format json '" + file.string() + "'").exit_code == 2);
}

TEST_CASE("cli: no conflict exits 0", "[cli]") {
  const crosscheck_test::temp_dir dir;
  dir.write_file("a.txt", "Lee arrived in Seoul at 9:10 a.m., the ministry said.\n");
  dir.write_file("b.txt", "Lee's plane landed in Seoul shortly after 9 a.m.\n");
  const auto o = cli("report '" + dir.path().string() + "'");
  INFO(o.out << o.err);
  CHECK(o.exit_code == 0);
  CHECK(contains(o.out, "No conflicts found."));
}

TEST_CASE("cli: usage errors exit 2", "[cli]") {
  CHECK(cli("").exit_code == 2);
  CHECK(cli("report").exit_code == 2);
  CHECK(cli("frobnicate x").exit_code == 2);
  CHECK(cli("report --format pdf " + samples).exit_code == 2);
}

TEST_CASE("cli: --help and --version exit 0", "[cli]") {
  const auto help = cli("--help");
  CHECK(help.exit_code == 0);
  CHECK(contains(help.out, "report"));
  CHECK(contains(help.out, "reconcile"));
  const auto version = cli("--version");
  CHECK(version.exit_code == 0);
  CHECK(contains(version.out, "0.1.0"));
}

TEST_CASE("cli: input errors exit 2 and name the file and the problem", "[cli]") {
  SECTION("a missing path") {
    const auto o = cli("report /no/such/folder");
    CHECK(o.exit_code == 2);
    CHECK(contains(o.err, "/no/such/folder"));
    CHECK(contains(o.err, "no such file or folder"));
  }
  SECTION("a broken manifest, with its line") {
    const crosscheck_test::temp_dir dir;
    dir.write_file("a.txt", "Lee arrived in Seoul at 9:10 a.m.\n");
    dir.write_file("manifest.yaml", "documents:\n  - file: a.txt\n    source: [unclosed\n");
    const auto o = cli("report '" + dir.path().string() + "'");
    CHECK(o.exit_code == 2);
    CHECK(contains(o.err, "manifest.yaml:"));
    CHECK(contains(o.err, "not valid YAML"));
  }
  SECTION("nothing readable: warnings for each file, then an error") {
    const crosscheck_test::temp_dir dir;
    dir.write_file("empty.txt", "");
    dir.write_file("latin1.txt", "caf\xe9 au lait\n");
    const auto o = cli("report '" + dir.path().string() + "'");
    CHECK(o.exit_code == 2);
    CHECK(contains(o.err, "empty.txt"));
    CHECK(contains(o.err, "latin1.txt"));
    CHECK(contains(o.err, "invalid UTF-8 at byte 3"));
    CHECK(contains(o.err, "no readable document"));
  }
  SECTION("a bad vocabulary folder") {
    const auto o = cli("report --data /no/such/data " + samples);
    CHECK(o.exit_code == 2);
    CHECK(contains(o.err, "/no/such/data"));
  }
  SECTION("a missing JSON Lines file") {
    const auto o = cli("reconcile /no/such.jsonl");
    CHECK(o.exit_code == 2);
    CHECK(contains(o.err, "/no/such.jsonl"));
  }
}

TEST_CASE("cli: a skipped file is reported, and --strict makes it an error", "[cli]") {
  const crosscheck_test::temp_dir dir;
  dir.write_file("a.txt", "Lee arrived in Seoul at 9:10 a.m., the ministry said.\n");
  dir.write_file("b.txt", std::string("binary\0data", 11));
  const auto lenient = cli("report '" + dir.path().string() + "'");
  CHECK(lenient.exit_code == 0);
  CHECK(contains(lenient.err, "b.txt"));
  CHECK(contains(lenient.err, "binary file"));
  CHECK(contains(lenient.out, "1 warning(s)"));
  const auto strict = cli("report --strict '" + dir.path().string() + "'");
  CHECK(strict.exit_code == 2);
}

TEST_CASE("cli: claims into one stream with the warnings: every claim line first, then the warnings", "[cli]") {
  // Standard output is written in large blocks when it is not a terminal; it is flushed before
  // the warnings, so a file that takes both (2>&1) keeps the order of the run.
  const crosscheck_test::temp_dir dir;
  dir.write_file("a.txt", "Lee arrived in Seoul at 9:10 a.m., the ministry said.\n");
  dir.write_file("b.txt", std::string("binary\0data", 11));
  dir.write_file("c.txt", "Kim left Pyongyang at 6 p.m. on Tuesday, state media said.\n");
  const auto both = dir.path() / "both.log";
  const std::string cmd = "'" + std::string(CROSSCHECK_CLI) + "' claims '" + dir.path().string() + "' >'" + both.string() +
                          "' 2>&1 </dev/null";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::istringstream lines(slurp(both));
  std::vector<std::string> kinds;  // "claim" or "warning", line by line
  for (std::string line; std::getline(lines, line);)
    kinds.push_back(!line.empty() && line[0] == '{' ? "claim" : contains(line, "warning") ? "warning" : line);
  REQUIRE(kinds.size() >= 3u);
  CHECK(std::count(kinds.begin(), kinds.end(), "warning") == 1);
  CHECK(std::count(kinds.begin(), kinds.end(), "claim") == static_cast<std::ptrdiff_t>(kinds.size()) - 1);
  CHECK(kinds.back() == "warning");
}

TEST_CASE("cli: --config adds vocabulary", "[cli]") {
  const crosscheck_test::temp_dir dir;
  dir.write_file("a.txt", "Lee reached Busan at 9:10 a.m.\n");
  dir.write_file("b.txt", "Lee reached Busan at 9:50 a.m.\n");
  const auto without = cli("report '" + dir.path().string() + "'");
  const auto cfg = dir.write_file("cfg.yaml", "places:\n  - {name: Busan, zone: \"+09:00\", aliases: []}\n");
  const auto with = cli("report --config '" + cfg.string() + "' '" + dir.path().string() + "'");
  CHECK(contains(with.out, "09:10+09:00"));
  CHECK_FALSE(contains(without.out, "09:10+09:00"));
}

TEST_CASE("cli: skipped JSON Lines lines are reported with their line, and --strict makes them an error", "[cli]") {
  const crosscheck_test::temp_dir dir;
  const auto jsonl = dir.write_file(
      "in.jsonl",
      "{\"source\":\"A\",\"subject\":\"arrival:putin\",\"attribute\":\"time\",\"value\":\"02:46+09:00\"}\n"
      "not json\n"
      "{\"source\":\"B\",\"subject\":\"arrival:putin\",\"attribute\":\"time\",\"value\":\"25:61\"}\n"
      "{\"source\":\"C\",\"subject\":\"arrival:putin\",\"attribute\":\"time\",\"value\":\"02:46+09:00\"}\n");
  const auto lenient = cli("reconcile '" + jsonl.string() + "'");
  INFO(lenient.err);
  CHECK(lenient.exit_code == 0);
  CHECK(contains(lenient.err, "in.jsonl:2"));
  CHECK(contains(lenient.err, "in.jsonl:3"));
  CHECK(contains(lenient.out, "2 warning(s)"));
  const auto strict = cli("reconcile --strict '" + jsonl.string() + "'");
  CHECK(strict.exit_code == 2);
  CHECK(contains(strict.err, "--strict"));
}

TEST_CASE("cli: claims --strict fails on a skipped file, and says why", "[cli]") {
  const crosscheck_test::temp_dir dir;
  dir.write_file("a.txt", "Lee arrived in Seoul at 9:10 a.m., the ministry said.\n");
  dir.write_file("b.txt", "Lee arrived in Seoul at 9:10 a.m.\xC0\xAF\n");
  const auto lenient = cli("claims '" + dir.path().string() + "'");
  CHECK(lenient.exit_code == 0);
  CHECK(contains(lenient.err, "b.txt (byte 33)"));
  const auto strict = cli("claims --strict '" + dir.path().string() + "'");
  CHECK(strict.exit_code == 2);
  CHECK(contains(strict.err, "--strict"));
  CHECK(contains(strict.out, "9:10 a.m."));  // the claims that were read are still written
}

// ---- issue 7: filters, explain, options, colour, progress, streaming, errors -------------------

namespace {

std::vector<nlohmann::json> json_lines(const std::string& out) {
  std::vector<nlohmann::json> v;
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) v.push_back(nlohmann::json::parse(line));
  return v;
}

std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// Runs a shell command line, with stdout and stderr captured.
outcome shell(const std::string& command) {
  const crosscheck_test::temp_dir dir;
  const auto out = dir.path() / "out", err = dir.path() / "err";
  const std::string cmd = command + " >'" + out.string() + "' 2>'" + err.string() + "' </dev/null";
  const int status = std::system(cmd.c_str());
  outcome o;
  o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  o.out = slurp(out);
  o.err = slurp(err);
  return o;
}

std::string byte_range(const nlohmann::json& c) {
  return "bytes " + std::to_string(c["start"].get<std::size_t>()) + "-" + std::to_string(c["end"].get<std::size_t>());
}

const std::string seeds_dir = CROSSCHECK_SEEDS_DIR;
bool have_seeds() { return std::filesystem::exists(std::filesystem::path(seeds_dir) / "manifest.yaml"); }

}  // namespace

TEST_CASE("cli: claims --kind, --document and --subject keep only the matching claims", "[cli]") {
  const auto all = json_lines(cli("claims " + samples).out);
  REQUIRE(all.size() >= 4u);
  SECTION("--kind: the kind's name") {
    const auto o = cli("claims --kind date " + samples);
    REQUIRE(o.exit_code == 0);
    const auto dates = json_lines(o.out);
    const auto expected = std::count_if(all.begin(), all.end(), [](const auto& c) { return c["kind"] == "date"; });
    CHECK(expected > 0);
    CHECK(static_cast<long>(dates.size()) == expected);
    for (const auto& c : dates) CHECK(c["kind"] == "date");
  }
  SECTION("--document: the document id") {
    const std::string doc = all.front()["document"];
    const auto o = cli("claims --document " + doc + " " + samples);
    REQUIRE(o.exit_code == 0);
    const auto mine = json_lines(o.out);
    CHECK(static_cast<long>(mine.size()) ==
          std::count_if(all.begin(), all.end(), [&](const auto& c) { return c["document"] == doc; }));
    CHECK(mine.size() < all.size());
    for (const auto& c : mine) CHECK(c["document"] == doc);
  }
  SECTION("--subject: a prefix of the subject key") {
    const std::string full = all.front()["subject"];
    const std::string prefix = full.substr(0, full.find(':') + 1);
    REQUIRE(prefix.size() > 1);
    const auto mine = json_lines(cli("claims --subject '" + prefix + "' " + samples).out);
    CHECK(static_cast<long>(mine.size()) == std::count_if(all.begin(), all.end(), [&](const auto& c) {
            return c["subject"].template get<std::string>().rfind(prefix, 0) == 0;
          }));
    for (const auto& c : mine) CHECK(c["subject"].get<std::string>().rfind(prefix, 0) == 0);
    CHECK(json_lines(cli("claims --subject '" + full + "' " + samples).out).size() >= 1u);
  }
  SECTION("a kind or a document that does not exist is a usage error") {
    const auto bad_kind = cli("claims --kind weather " + samples);
    CHECK(bad_kind.exit_code == 2);
    CHECK(contains(bad_kind.err, "time_of_day"));
    const auto bad_doc = cli("claims --document nothing.txt " + samples);
    CHECK(bad_doc.exit_code == 2);
    CHECK(contains(bad_doc.err, "nothing.txt"));
  }
}

TEST_CASE("cli: explain shows a conflict or a slot with every claim and its evidence", "[cli]") {
  const auto report = nlohmann::json::parse(cli("report --format json " + samples).out);
  REQUIRE(report["conflicts"].size() >= 1u);
  std::map<std::string, nlohmann::json> claims, slots;
  for (const auto& c : report["claims"]) claims[c["id"]] = c;
  for (const auto& s : report["slots"]) slots[s["id"]] = s;
  const auto& conflict = report["conflicts"][0];
  const std::string cid = conflict["id"];
  const auto& slot = slots.at(conflict["slot"].get<std::string>());

  SECTION("a conflict: its explanation, its best value, and every claim of its slot with the words marked") {
    const auto o = cli("explain " + cid + " " + samples);
    INFO(o.err);
    REQUIRE(o.exit_code == 0);
    CHECK(contains(o.out, conflict["explanation"].get<std::string>()));
    if (!conflict["resolution"]["value"].is_null())
      CHECK(contains(o.out, "best supported: " + conflict["resolution"]["value"].get<std::string>()));
    for (const auto& id : slot["claims"]) {
      const auto& c = claims.at(id.get<std::string>());
      CHECK(contains(o.out, id.get<std::string>()));
      CHECK(contains(o.out, "**" + c["text"].get<std::string>() + "**"));
      CHECK(contains(o.out, byte_range(c)));
    }
  }
  SECTION("a slot with no conflict") {
    std::set<std::string> conflicted;
    for (const auto& c : report["conflicts"]) conflicted.insert(c["slot"].get<std::string>());
    const nlohmann::json* quiet = nullptr;
    for (const auto& s : report["slots"])
      if (!conflicted.count(s["id"].get<std::string>())) quiet = &s;
    REQUIRE(quiet);
    const auto o = cli("explain " + (*quiet)["id"].get<std::string>() + " " + samples);
    REQUIRE(o.exit_code == 0);
    CHECK(contains(o.out, "no conflict"));
    for (const auto& id : (*quiet)["claims"]) CHECK(contains(o.out, id.get<std::string>()));
  }
  SECTION("the same conflict from JSON Lines") {
    const crosscheck_test::temp_dir dir;
    const auto jsonl = dir.write_file("claims.jsonl", cli("claims " + samples).out);
    const auto o = cli("explain " + cid + " --jsonl " + quoted(jsonl));
    REQUIRE(o.exit_code == 0);
    CHECK(contains(o.out, conflict["explanation"].get<std::string>()));
  }
  SECTION("an unknown id exits 2 and says how to list the ids") {
    const auto o = cli("explain C9999 " + samples);
    CHECK(o.exit_code == 2);
    CHECK(contains(o.err, "C9999"));
    CHECK(contains(o.err, "crosscheck report"));
    CHECK(cli("explain C1").exit_code == 2);  // neither articles nor --jsonl
  }
}

TEST_CASE("cli: --min-severity hides lower conflicts and the exit code follows what is shown", "[cli]") {
  const auto all = nlohmann::json::parse(cli("report --format json " + samples).out);
  for (const char* level : {"medium", "high"}) {
    const int floor = std::string(level) == "high" ? 2 : 1;
    auto rank = [](const std::string& s) { return s == "high" ? 2 : s == "medium" ? 1 : 0; };
    std::size_t kept = 0;
    for (const auto& c : all["conflicts"]) kept += rank(c["severity"].get<std::string>()) >= floor;
    const auto o = cli("report --format json --min-severity " + std::string(level) + " " + samples);
    const auto shown = nlohmann::json::parse(o.out);
    CHECK(shown["conflicts"].size() == kept);
    for (const auto& c : shown["conflicts"]) CHECK(rank(c["severity"].get<std::string>()) >= floor);
    CHECK(o.exit_code == (kept ? 1 : 0));
    if (kept < all["conflicts"].size()) {
      bool noted = false;
      for (const auto& d : shown["diagnostics"])
        noted = noted || (d["severity"] == "note" && contains(d["message"].get<std::string>(), "not shown"));
      CHECK(noted);
    }
  }
  // Only low conflicts: hidden with --min-severity medium, and the run is clean.
  const crosscheck_test::temp_dir dir;
  dir.write_file("a.txt", "Lee arrived in Seoul at 9:10 a.m., the ministry said.\n");
  dir.write_file("b.txt", "Lee's plane landed in Seoul at 9:40 a.m.\n");
  const auto base = nlohmann::json::parse(cli("report --format json " + quoted(dir.path())).out);
  REQUIRE(base["conflicts"].size() >= 1u);
  bool all_below_high = true;
  for (const auto& c : base["conflicts"]) all_below_high = all_below_high && c["severity"] != "high";
  if (all_below_high) CHECK(cli("report --min-severity high " + quoted(dir.path())).exit_code == 0);
  CHECK(cli("report --min-severity urgent " + samples).exit_code == 2);
}

TEST_CASE("cli: --reference-date resolves relative dates of undated documents, and says so", "[cli]") {
  const crosscheck_test::temp_dir dir;
  dir.write_file("a.txt", "Lee arrived in Seoul on Wednesday for a two-day visit, the ministry said.\n");
  auto dated = [](const std::string& out) {
    std::size_t n = 0;
    for (const auto& c : json_lines(out)) n += c["kind"] == "date" && c["value"].get<std::string>().rfind("2024-06", 0) == 0;
    return n;
  };
  const auto without = cli("claims " + quoted(dir.path()));
  const auto with = cli("claims --reference-date 2024-06-21 " + quoted(dir.path()));
  INFO(without.out << with.out << with.err);
  REQUIRE(with.exit_code == 0);
  CHECK(dated(without.out) == 0u);
  CHECK(dated(with.out) >= 1u);
  CHECK(contains(with.err, "note"));
  CHECK(contains(with.err, "2024-06-21"));
  const auto report = nlohmann::json::parse(cli("report --format json --reference-date 2024-06-21 " + quoted(dir.path())).out);
  CHECK(report["documents"][0]["published_assumed"] == true);
  CHECK(report["documents"][0]["published"] == "2024-06-21");
  // A dated document keeps its own date.
  const auto samples_json = nlohmann::json::parse(cli("report --format json --reference-date 1999-01-01 " + samples).out);
  for (const auto& d : samples_json["documents"]) CHECK_FALSE(d.contains("published_assumed"));
  const auto bad = cli("claims --reference-date 21/06/2024 " + quoted(dir.path()));
  CHECK(bad.exit_code == 2);
  CHECK(contains(bad.err, "YYYY-MM-DD"));
}

TEST_CASE("cli: --timezone gives a zone to clock times that have none", "[cli]") {
  const crosscheck_test::temp_dir dir;
  dir.write_file("a.txt", "Lee arrived in Springfield at 9:10 a.m., the ministry said.\n");
  auto times = [](const std::string& out) {
    std::set<std::string> v;
    for (const auto& c : json_lines(out))
      if (c["kind"] == "time_of_day") v.insert(c["value"].get<std::string>());
    return v;
  };
  const auto plain = times(cli("claims " + quoted(dir.path())).out);
  REQUIRE(plain.count("09:10"));
  CHECK(times(cli("claims --timezone +02:00 " + quoted(dir.path())).out).count("09:10+02:00"));
  CHECK(times(cli("claims --timezone -0500 " + quoted(dir.path())).out).count("09:10-05:00"));
  CHECK(times(cli("claims --timezone KST " + quoted(dir.path())).out).count("09:10+09:00"));  // data/time.yaml zones
  // A place with a known zone still wins.
  dir.write_file("b.txt", "Putin arrived in Pyongyang at 2:46 a.m., the Kremlin said.\n");
  CHECK(times(cli("claims --timezone +02:00 " + quoted(dir.path())).out).count("02:46+09:00"));
  const auto bad = cli("claims --timezone Mars/Olympus " + quoted(dir.path()));
  CHECK(bad.exit_code == 2);
  CHECK(contains(bad.err, "+09:00"));
}

TEST_CASE("cli: --jobs 2 prints exactly what --jobs 1 prints", "[cli]") {
  std::vector<std::string> corpora = {samples};
  if (have_seeds()) corpora.push_back("'" + seeds_dir + "'");
  for (const auto& corpus : corpora) {
    const auto one = cli("report --format json --jobs 1 " + corpus);
    const auto two = cli("report --format json --jobs 2 " + corpus);
    CHECK(one.exit_code == two.exit_code);
    CHECK(one.out == two.out);
    CHECK(cli("claims -j 2 " + corpus).out == cli("claims " + corpus).out);
  }
}

TEST_CASE("cli: --jobs N prints what --jobs 1 prints over many batches, with skipped and filtered files", "[cli]") {
  // With --jobs N the documents go by batches of 16 N: the reader fills one batch while the
  // workers extract the one before. 150 documents make several batches for every N below; empty
  // files (skipped, with a warning) and a --document filter fall in the middle of them.
  const crosscheck_test::temp_dir dir;
  const char* cities[] = {"Seoul", "Tokyo", "Hanoi", "Manila", "Jakarta"};
  const char* names[] = {"Lee", "Kim", "Park", "Choi", "Jung", "Kang"};
  for (int i = 0; i < 150; ++i) {
    const std::string file = fmt::format("a{:03}.txt", i);
    if (i % 37 == 5) {
      dir.write_file(file, "");
      continue;
    }
    dir.write_file(file, fmt::format("{} arrived in {} at {}:{:02} a.m. on Tuesday, officials said. The visit will last {} days, "
                                     "and {} delegates came with {}.\n",
                                     names[i % 6], cities[i % 5], 1 + i % 11, (i * 7) % 60, 2 + i % 4, 10 + i, names[(i + 1) % 6]));
  }
  const std::string folder = "'" + dir.path().string() + "'";
  const auto one = cli("claims --jobs 1 " + folder);
  REQUIRE(one.exit_code == 0);
  REQUIRE(std::count(one.out.begin(), one.out.end(), '\n') > 146);  // more than one claim per document read
  CHECK(contains(one.err, "empty file"));
  for (const char* jobs : {"2", "3", "0"}) {
    INFO("--jobs " << jobs);
    const auto n = cli(std::string("claims --jobs ") + jobs + " " + folder);
    CHECK(n.exit_code == one.exit_code);
    CHECK(n.out == one.out);
    CHECK(n.err == one.err);
    CHECK(cli(std::string("claims --document a101.txt --jobs ") + jobs + " " + folder).out ==
          cli("claims --document a101.txt --jobs 1 " + folder).out);
    CHECK(cli(std::string("report --format json --jobs ") + jobs + " " + folder).out ==
          cli("report --format json --jobs 1 " + folder).out);
  }
}

TEST_CASE("cli: colour only on a terminal, never when piped or with NO_COLOR", "[cli]") {
  const std::string esc = "\x1b[";
  const auto piped = cli("report " + samples);
  CHECK_FALSE(contains(piped.out, esc));
  CHECK(cli("report --color never " + samples).out == piped.out);
  const auto always = cli("report --color always " + samples);
  CHECK(contains(always.out, esc));
  CHECK(contains(cli("report --color always " + samples, "NO_COLOR=1 ").out, esc));  // asked for explicitly
  CHECK_FALSE(contains(cli("report --format markdown --color always " + samples).out, esc));
  // On a terminal (script(1) gives one): colour unless NO_COLOR is set.
  if (std::system("command -v script >/dev/null 2>&1") == 0) {
    const std::string run = "script -qec \"'" + std::string(CROSSCHECK_CLI) + "' report " + samples + "\" /dev/null";
    const auto tty = shell(run);
    CHECK(contains(tty.out, "2:46 a.m."));
    CHECK(contains(tty.out, esc));
    const auto no_color = shell("NO_COLOR=1 " + run);
    CHECK(contains(no_color.out, "2:46 a.m."));
    CHECK_FALSE(contains(no_color.out, esc));
  } else {
    WARN("no script(1): the terminal case is not tested");
  }
}

TEST_CASE("cli: progress goes to stderr only on a terminal or when asked", "[cli]") {
  const auto piped = cli("report " + samples);
  CHECK_FALSE(contains(piped.err, "documents"));
  const auto asked = cli("report --progress " + samples);
  CHECK(contains(asked.err, "5/5 documents"));
  CHECK(contains(asked.err, "MB/s"));
  CHECK(asked.out == piped.out);
  CHECK(cli("report --progress --no-progress " + samples).exit_code == 2);
  // stderr on a terminal (script(1) gives one), stdout to a file: progress by default.
  if (std::system("command -v script >/dev/null 2>&1") == 0) {
    const std::string run = "'" + std::string(CROSSCHECK_CLI) + "' report " + samples + " >/dev/null";
    CHECK(contains(shell("script -qec \"" + run + "\" /dev/null").out, "5/5 documents"));
    CHECK_FALSE(contains(shell("script -qec \"" + run + " --no-progress\" /dev/null").out, "documents"));
  }
}

TEST_CASE("cli: the streamed report is the report of the whole corpus in memory", "[cli][streaming]") {
  std::vector<std::string> corpora = {CROSSCHECK_SAMPLES_DIR};
  if (have_seeds()) corpora.push_back(seeds_dir);
  const auto rules = crosscheck::rule_set::load(CROSSCHECK_DATA_DIR);
  for (const auto& path : corpora) {
    auto corpus = crosscheck::load_corpus({path});
    const auto extractors = crosscheck::default_extractors(rules);
    std::vector<crosscheck::claim> claims;
    for (auto& d : corpus.documents) {
      crosscheck::prepare(d, rules);
      extractors.extract(d, claims);
    }
    const auto result = crosscheck::reconcile(claims, rules);
    const std::string in_memory = crosscheck::to_json({corpus.documents, claims, result, corpus.diagnostics});
    CHECK(cli("report --format json '" + path + "'").out == in_memory);
    CHECK(cli("report '" + path + "'").out == crosscheck::to_text({corpus.documents, claims, result, corpus.diagnostics}));
  }
}

TEST_CASE("cli: errors name the file and the line or byte, and say what to do", "[cli]") {
  const crosscheck_test::temp_dir dir;
  dir.write_file("a.txt", "Lee arrived in Seoul at 9:10 a.m.\n");
  SECTION("a --config file that is not valid YAML: file and line") {
    const auto cfg = dir.write_file("cfg.yaml", "places:\n  - {name: Busan, zone: \"+09:00\"\n");
    const auto o = cli("report --config " + quoted(cfg) + " " + quoted(dir.path()));
    CHECK(o.exit_code == 2);
    CHECK(contains(o.err, "cfg.yaml:"));
  }
  SECTION("a --config file with an unknown key: file, line and the key") {
    const auto cfg = dir.write_file("cfg.yaml", "# newsroom\nplacez:\n  - {name: Busan}\n");
    const auto o = cli("report --config " + quoted(cfg) + " " + quoted(dir.path()));
    CHECK(o.exit_code == 2);
    CHECK(contains(o.err, "cfg.yaml:2"));
    CHECK(contains(o.err, "placez"));
  }
  SECTION("a --config file that is not there") {
    const auto o = cli("report --config " + quoted(dir.path() / "none.yaml") + " " + quoted(dir.path()));
    CHECK(o.exit_code == 2);
    CHECK(contains(o.err, "none.yaml"));
  }
  SECTION("broken front matter: the file's line, and the file is skipped") {
    dir.write_file("b.txt", "---\nsource: Outlet B\npublished: [2024\n---\nLee arrived in Seoul at 9:40 a.m.\n");
    const auto o = cli("report " + quoted(dir.path()));
    CHECK(contains(o.err, "b.txt:"));
    CHECK(contains(o.err, "skipped"));
  }
  SECTION("a bad date in a manifest: its line, and how to write it") {
    dir.write_file("manifest.yaml", "documents:\n  - file: a.txt\n    published: June 19\n");
    const auto o = cli("report " + quoted(dir.path()));
    CHECK(o.exit_code == 2);
    CHECK(contains(o.err, "manifest.yaml:3"));
    CHECK(contains(o.err, "2024-06-19"));
  }
  SECTION("invalid UTF-8: the byte offset and what to do") {
    dir.write_file("c.txt", "Lee arrived in Seoul at 9:10 a.m.\xff\n");
    const auto o = cli("report " + quoted(dir.path()));
    CHECK(contains(o.err, "c.txt (byte 33)"));
    CHECK(contains(o.err, "iconv"));
  }
}

TEST_CASE("cli: the embedding example streams a folder and prints the conflicts", "[cli][embed]") {
  const auto o = shell("'" + std::string(CROSSCHECK_EMBED_REPORT) + "' '" + CROSSCHECK_DATA_DIR + "' " + samples);
  INFO(o.err);
  CHECK(o.exit_code == 1);
  CHECK(contains(o.out, "# crosscheck report"));
  CHECK(contains(o.out, "\"2:46 a.m.\""));
}

TEST_CASE("cli: a path after --config is a path, not a second config file", "[cli]") {
  const crosscheck_test::temp_dir dir;
  dir.write_file("a.txt", "Lee reached Busan at 9:10 a.m.\n");
  dir.write_file("b.txt", "Lee reached Busan at 9:50 a.m.\n");
  const auto cfg = dir.write_file("cfg.yaml", "places:\n  - {name: Busan, zone: \"+09:00\", aliases: []}\n");
  const auto o = cli("explain C1 --config " + quoted(cfg) + " " + quoted(dir.path()));
  INFO(o.err);
  CHECK(o.exit_code == 0);
  CHECK(contains(o.out, "09:10+09:00"));
  CHECK(contains(o.out, "**9:50 a.m.**"));
}

TEST_CASE("cli: the JSON report written claim by claim is the pretty-printed tree, byte for byte", "[cli][streaming]") {
  std::vector<std::string> corpora = {samples};
  if (have_seeds()) corpora.push_back("'" + seeds_dir + "'");
  for (const auto& corpus : corpora) {
    const auto o = cli("report --format json " + corpus);
    REQUIRE(o.exit_code == 1);
    // What dumping the whole tree at once gives (how the report was written before).
    const auto tree = nlohmann::ordered_json::parse(o.out);
    REQUIRE(tree.at("claims").size() >= 2u);
    CHECK(o.out == tree.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n");
  }
}
