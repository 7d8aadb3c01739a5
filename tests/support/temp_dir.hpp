// tests/support/temp_dir.hpp: a temporary directory for a test, removed when it goes out of scope.
//
//   crosscheck_test::temp_dir dir;
//   const auto file = dir.write_file("a.txt", "Putin arrived at 2:46 a.m.");
//   auto c = crosscheck::load_corpus({dir.path()});
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

namespace crosscheck_test {

class temp_dir {
 public:
  temp_dir() {
    namespace fs = std::filesystem;
    static std::atomic<unsigned long> counter{0};
    std::random_device entropy;
    const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
    const fs::path base = fs::temp_directory_path();
    for (int attempt = 0; attempt < 100; ++attempt) {
      const std::string name = "crosscheck-test-" + std::to_string(entropy()) + "-" +
                               std::to_string(now) + "-" + std::to_string(counter++);
      const fs::path candidate = base / name;
      std::error_code ec;
      if (fs::create_directory(candidate, ec) && !ec) {
        path_ = candidate;
        return;
      }
    }
    throw std::runtime_error("temp_dir: cannot create a directory under " + base.string());
  }

  ~temp_dir() {
    std::error_code ec;  // never throw from a destructor; a leftover folder is harmless
    std::filesystem::remove_all(path_, ec);
  }

  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;
  temp_dir(temp_dir&&) = delete;
  temp_dir& operator=(temp_dir&&) = delete;

  const std::filesystem::path& path() const noexcept { return path_; }

  // Writes `bytes` unchanged (binary mode) to path()/name, creating sub folders in `name`
  // ("sub/c.txt"). Returns the full path.
  std::filesystem::path write_file(std::string_view name, std::string_view bytes) const {
    const std::filesystem::path file = path_ / std::filesystem::path(std::string(name));
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("temp_dir: cannot open " + file.string());
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) throw std::runtime_error("temp_dir: cannot write " + file.string());
    return file;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace crosscheck_test
