// Bytes as a folder of articles: the input up to a line "%%" is manifest.yaml, the rest is the
// article a.txt (with or without a front matter block). Written to a temporary folder and read
// with load_corpus(). Errors the loader documents are input_error; anything else is a bug.
#include <crosscheck/crosscheck.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.hpp"

namespace fs = std::filesystem;

namespace {
void write(const fs::path& p, std::string_view bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}
}  // namespace

CROSSCHECK_FUZZ_TARGET(fuzz_manifest) {
  using namespace crosscheck;
  static const crosscheck_fuzz::temp_path dir("crosscheck_fuzz_manifest", true);
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const auto cut = in.find("\n%%\n");
  const std::string_view manifest = cut == std::string_view::npos ? in : in.substr(0, cut);
  const std::string_view article = cut == std::string_view::npos ? std::string_view() : in.substr(cut + 4);
  write(dir.path / "manifest.yaml", manifest);
  write(dir.path / "a.txt", article);
  load_options opts;
  opts.max_file_bytes = 1 << 20;
  try {
    const corpus c = load_corpus({dir.path}, opts);
    for (const auto& d : c.diagnostics) (void)to_string(d);
    for (const auto& d : c.documents)
      if (d.body_begin > d.text.size()) __builtin_trap();
  } catch (const input_error& e) {
    (void)to_string(e.where());
  }
  // The article alone, its front matter the only metadata.
  try {
    document d;
    std::vector<diagnostic> diags;
    (void)load_document(dir.path / "a.txt", opts, d, diags);
  } catch (const input_error&) {
  }
  return 0;
}
