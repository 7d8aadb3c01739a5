// The crosscheck CLI driven as a user would: exit codes, output formats, piping, and errors
// that name the file and the problem.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdlib>
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
