// Bytes as a vocabulary file (a --config YAML) merged over data/ with rule_set::merge_file().
// A bad file is a rule_error; a file that loads must never make extraction fail, so the merged
// vocabulary then reads a short article.
#include <crosscheck/crosscheck.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "fuzz_common.hpp"

namespace {
const char* const article =
    "SEOUL, June 19 (Wire) - Russian President Vladimir Putin arrived in Pyongyang at 2:46 a.m. on "
    "Wednesday, the Kremlin said, for a two-day visit, his first in 24 years. Defense Minister Andrei "
    "Belousov accompanied him. Kim Jong Un met him at Sunan Airport around 3 a.m. local time (18:00 GMT).\n"
    "Earlier reports said the plane landed after 2 a.m. KST on June 19, 2024. About 2,000 people waited.\n";
}

CROSSCHECK_FUZZ_TARGET(fuzz_rules) {
  using namespace crosscheck;
  static const crosscheck_fuzz::temp_path tmp("crosscheck_fuzz_rules", true);
  const std::filesystem::path file = tmp.path / "config.yaml";
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  rule_set rs = crosscheck_fuzz::rules();
  try {
    rs.merge_file(file);
  } catch (const rule_error&) {
    return 0;
  }
  const extractor_set extractors = default_extractors(rs);
  document d;
  d.id = "a.txt";
  d.text = article;
  publication_time p;
  if (parse_publication_time("2024-06-19", p)) d.published = p;
  prepare(d, rs);
  std::vector<claim> claims;
  extractors.extract(d, claims);
  (void)reconcile(claims, rs);
  return 0;
}
