// Internal: the time extractor's expression reader, for raw values from JSON Lines.
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "crosscheck/extract.hpp"

namespace crosscheck::detail {

class time_text_parser {
 public:
  explicit time_text_parser(const rule_set& rules);  // rules must outlive the parser
  ~time_text_parser();
  // The first time expression in `raw`: "2:46 a.m.", "2:07PM EST", "after 2 am". Zone only as written.
  std::optional<clock_time> parse(std::string_view raw) const;

 private:
  std::unique_ptr<extractor> impl_;
};

}  // namespace crosscheck::detail
