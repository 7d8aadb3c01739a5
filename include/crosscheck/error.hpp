// crosscheck/error.hpp: errors and diagnostics.
//
// Two ways of reporting a problem, chosen by whether the run can go on:
//  - a thrown crosscheck::error (input_error, rule_error) when it cannot: a missing path,
//    a broken manifest, a bad vocabulary file. what() names the file, and the line and
//    column where known, and says what to do.
//  - a crosscheck::diagnostic (a warning) collected in a list when it can: an empty file,
//    invalid UTF-8, a file over the size limit. The file is skipped and the skip is reported;
//    nothing is dropped silently.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck {

// Where a problem is: a file, and optionally a line/column (1-based, for YAML) or a byte offset.
struct location {
  std::string file;
  std::optional<std::size_t> line;
  std::optional<std::size_t> column;
  std::optional<std::size_t> byte_offset;
};
// "file:12:3" or "file (byte 1042)" or "file".
std::string to_string(const location& where);

class error : public std::runtime_error {
 public:
  error(location where, const std::string& message);
  const location& where() const noexcept { return where_; }
  const std::string& message() const noexcept { return message_; }

 private:
  location where_;
  std::string message_;
};

// Bad input the run cannot go on without: a missing path, a broken manifest.
class input_error : public error {
 public:
  using error::error;
};

// Bad vocabulary data under data/ (or a --config file): unknown keys, wrong types, broken YAML.
class rule_error : public error {
 public:
  using error::error;
};

// note: information that changes nothing about what was read ("--reference-date was assumed
// for 3 documents"); --strict does not count it.
enum class severity { warning, error, note };

struct diagnostic {
  severity level = severity::warning;
  location where;
  std::string message;  // what is wrong and what happened: "invalid UTF-8 ...; file skipped"
};
// "file:12:3: warning: message"
std::string to_string(const diagnostic& d);
// "warning", "error" or "note".
std::string_view to_string(severity s) noexcept;

}  // namespace crosscheck
