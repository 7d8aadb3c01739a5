// Internal: YAML helpers shared by the vocabulary loader and the corpus loader.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>

#include "crosscheck/error.hpp"
#include "crosscheck/value.hpp"

namespace crosscheck::detail {

// The location of a YAML mark (0-based in yaml-cpp) as 1-based line and column.
location where(const std::string& file, const YAML::Mark& m);
// Parses YAML text; on a syntax error throws rule_error (rule_file) or input_error naming file:line:col.
YAML::Node parse_yaml(const std::string& text, const std::string& file, bool rule_file);
// "HH:MM" -> minutes since midnight, for any two-digit hour ("24:00", "24:16" past midnight).
// False when malformed or the minutes exceed 59.
bool parse_hhmm(std::string_view s, int& minutes);
// "+09:00", "-0500", "+09" -> minutes. False when malformed.
bool parse_offset(std::string_view s, utc_offset& out);

}  // namespace crosscheck::detail
