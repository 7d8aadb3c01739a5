// Bytes as an article through the whole pipeline: the loader's checks (NUL, UTF-8), prepare(),
// the default extractors, reconcile() and the three reports. Nothing here may throw on text.
#include <crosscheck/crosscheck.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_common.hpp"

CROSSCHECK_FUZZ_TARGET(fuzz_pipeline) {
  using namespace crosscheck;
  const rule_set& rs = crosscheck_fuzz::rules();
  static const extractor_set extractors = default_extractors(rs);

  std::string bytes(reinterpret_cast<const char*>(data), size);
  // What load_corpus() refuses never reaches the extractors.
  if (bytes.find('\0') != std::string::npos || find_invalid_utf8(bytes)) return 0;

  std::vector<document> docs(2);
  docs[0].id = "a.txt";
  docs[0].source = "Outlet A";
  docs[0].text = bytes;
  publication_time p;
  if (parse_publication_time("2024-06-19T16:24:00+09:00", p)) docs[0].published = p;
  // The same text without a publication date: relative dates stay unresolved.
  docs[1].id = "b.txt";
  docs[1].text = std::move(bytes);

  std::vector<claim> claims;
  for (auto& d : docs) {
    prepare(d, rs);
    extractors.extract(d, claims);
  }
  for (const auto& c : claims) {
    // Evidence offsets point into the file.
    const auto& doc = c.ev.document == "a.txt" ? docs[0] : docs[1];
    if (c.ev.begin > c.ev.end || c.ev.end > doc.text.size()) __builtin_trap();
    (void)to_json_line(c);
  }
  const reconciliation r = reconcile(claims, rs);
  const std::vector<diagnostic> diags;
  const report_input in{docs, claims, r, diags};
  (void)to_text(in);
  (void)to_json(in);
  (void)to_markdown(in);
  return 0;
}
