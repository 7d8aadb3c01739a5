// Replays the fuzz targets' seed corpora (tests/fuzz/corpus/<target>/) and every input a fuzzer
// ever crashed on (tests/fuzz/regressions/<target>/) through the same code as the targets, in
// every build: with g++ -Werror, and under ASan + UBSan. See docs/ROBUSTNESS.md.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

int fuzz_pipeline(const std::uint8_t* data, std::size_t size);
int fuzz_manifest(const std::uint8_t* data, std::size_t size);
int fuzz_rules(const std::uint8_t* data, std::size_t size);
int fuzz_jsonl(const std::uint8_t* data, std::size_t size);
int fuzz_values(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;
using target = int (*)(const std::uint8_t*, std::size_t);

// Runs every file of tests/fuzz/corpus/<name> and tests/fuzz/regressions/<name>; returns how many.
std::size_t replay(const std::string& name, target t) {
  std::size_t n = 0;
  for (const char* kind : {"corpus", "regressions"}) {
    const fs::path dir = fs::path(CROSSCHECK_FUZZ_DIR) / kind / name;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      INFO(f.string());
      CHECK(t(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()) == 0);
      ++n;
    }
  }
  return n;
}

}  // namespace

TEST_CASE("fuzz replay: pipeline", "[fuzz]") { CHECK(replay("fuzz_pipeline", fuzz_pipeline) > 0); }
TEST_CASE("fuzz replay: manifest and front matter", "[fuzz]") { CHECK(replay("fuzz_manifest", fuzz_manifest) > 0); }
TEST_CASE("fuzz replay: vocabulary files", "[fuzz]") { CHECK(replay("fuzz_rules", fuzz_rules) > 0); }
TEST_CASE("fuzz replay: JSON Lines", "[fuzz]") { CHECK(replay("fuzz_jsonl", fuzz_jsonl) > 0); }
TEST_CASE("fuzz replay: value normalizers and the name matcher", "[fuzz]") { CHECK(replay("fuzz_values", fuzz_values) > 0); }
