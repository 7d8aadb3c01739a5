// Shared by the fuzz targets: the entry point, and the vocabulary loaded once from data/.
//
// CROSSCHECK_FUZZ_TARGET(name) { ... } is libFuzzer's LLVMFuzzerTestOneInput(data, size) in a
// fuzz build; in the test suite (CROSSCHECK_FUZZ_REPLAY) it is a function `name(data, size)`, so
// that tests/unit/fuzz_replay_test.cpp replays the seeds and the regressions with g++ and under
// the sanitizer build too.
#pragma once

#include <crosscheck/rules.hpp>

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <system_error>

#ifdef CROSSCHECK_FUZZ_REPLAY
#define CROSSCHECK_FUZZ_TARGET(name) int name(const std::uint8_t* data, std::size_t size)
#else
#define CROSSCHECK_FUZZ_TARGET(name) extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
#endif

namespace crosscheck_fuzz {

// A folder of this process's under the temporary directory, removed at exit.
struct temp_path {
  std::filesystem::path path;
  temp_path(const std::string& stem, bool create)
      : path(std::filesystem::temp_directory_path() / (stem + "_" + std::to_string(::getpid()))) {
    if (create) std::filesystem::create_directories(path);
  }
  ~temp_path() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  temp_path(const temp_path&) = delete;
  temp_path& operator=(const temp_path&) = delete;
};

inline const crosscheck::rule_set& rules() {
  static const crosscheck::rule_set rs = crosscheck::rule_set::load(CROSSCHECK_DATA_DIR);
  return rs;
}

}  // namespace crosscheck_fuzz
