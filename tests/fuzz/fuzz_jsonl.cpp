// Bytes as JSON Lines claims (the input of `crosscheck reconcile`): read_claims_jsonl(),
// reconcile() and the reports. Bad lines are skipped with a diagnostic; nothing may throw.
#include <crosscheck/crosscheck.hpp>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz_common.hpp"

CROSSCHECK_FUZZ_TARGET(fuzz_jsonl) {
  using namespace crosscheck;
  const rule_set& rs = crosscheck_fuzz::rules();
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::vector<diagnostic> diags;
  const std::vector<claim> claims = read_claims_jsonl(in, "fuzz.jsonl", rs, diags);
  for (const auto& c : claims) (void)to_json_line(c);
  const reconciliation r = reconcile(claims, rs);
  const std::vector<document> docs;
  const report_input rin{docs, claims, r, diags};
  (void)to_text(rin);
  (void)to_json(rin);
  (void)to_markdown(rin);
  return 0;
}
