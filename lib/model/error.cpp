#include "crosscheck/error.hpp"

#include <fmt/format.h>

namespace crosscheck {

std::string to_string(const location& w) {
  std::string s = w.file.empty() ? std::string("<input>") : w.file;
  if (w.line) {
    s += fmt::format(":{}", *w.line);
    if (w.column) s += fmt::format(":{}", *w.column);
  } else if (w.byte_offset) {
    s += fmt::format(" (byte {})", *w.byte_offset);
  }
  return s;
}

error::error(location where, const std::string& message)
    : std::runtime_error(to_string(where) + ": " + message), where_(std::move(where)), message_(message) {}

std::string_view to_string(severity s) noexcept {
  switch (s) {
    case severity::error: return "error";
    case severity::note: return "note";
    case severity::warning: break;
  }
  return "warning";
}

std::string to_string(const diagnostic& d) {
  return fmt::format("{}: {}: {}", to_string(d.where), to_string(d.level), d.message);
}

}  // namespace crosscheck
