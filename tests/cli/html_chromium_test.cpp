// The HTML report opened in a real browser: `crosscheck report --format html` on data/samples (and
// on ../shared/seeds when it is there) is loaded by headless Chromium, and the DOM Chromium dumps
// must hold every quote of every conflict of the JSON report of the same run inside a <mark>
// naming its conflict and claim.
//
// Its own executable, registered with CTest as html_chromium: without Chromium it prints why and
// exits 77, which CTest reports as skipped (SKIP_RETURN_CODE), never as passed. Set
// CROSSCHECK_REQUIRE_CHROMIUM=1 to make a missing Chromium a failure instead, and
// CROSSCHECK_CHROMIUM to the browser to use (default: chromium, then chromium-browser, in PATH).
// Chromium runs as root in containers, hence --no-sandbox; the sanitizer settings of an ASan run
// are not passed on to it.
#define CATCH_CONFIG_RUNNER
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

namespace fs = std::filesystem;

namespace {

constexpr int skip_exit_code = 77;
constexpr int chromium_timeout_s = 120;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

int run(const std::string& cmd) {
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The browser to use: $CROSSCHECK_CHROMIUM, else chromium or chromium-browser found in PATH.
std::optional<std::string> find_chromium() {
  if (const char* env = std::getenv("CROSSCHECK_CHROMIUM"); env && *env) return std::string(env);
  const char* path = std::getenv("PATH");
  if (!path) return std::nullopt;
  for (const char* name : {"chromium", "chromium-browser"}) {
    std::string dirs = path;
    std::size_t from = 0;
    while (from <= dirs.size()) {
      const std::size_t colon = std::min(dirs.find(':', from), dirs.size());
      const fs::path candidate = fs::path(dirs.substr(from, colon - from)) / name;
      if (colon > from && ::access(candidate.c_str(), X_OK) == 0) return candidate.string();
      from = colon + 1;
    }
  }
  return std::nullopt;
}

std::string& chromium_binary() {
  static std::string binary;
  return binary;
}

std::string file_url(const fs::path& p) {
  static const char hex[] = "0123456789ABCDEF";
  std::string url = "file://";
  for (unsigned char c : p.string()) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '-' || c == '_' ||
        c == '.' || c == '~') {
      url += static_cast<char>(c);
    } else {
      url += '%';
      url += hex[c >> 4];
      url += hex[c & 15];
    }
  }
  return url;
}

void append_utf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Text as the serialized DOM writes it, decoded: the named entities a serializer emits and
// numeric references.
std::string decode_entities(std::string_view s) {
  static const std::map<std::string_view, std::string_view> named = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", "\xC2\xA0"}};
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const std::size_t semi = s[i] == '&' ? s.find(';', i) : std::string_view::npos;
    if (semi == std::string_view::npos || semi - i > 10) {
      out += s[i];
      continue;
    }
    const std::string_view name = s.substr(i + 1, semi - i - 1);
    if (const auto it = named.find(name); it != named.end()) {
      out += it->second;
    } else if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      unsigned long cp = 0;
      for (char d : name.substr(hex ? 2 : 1)) {
        const int v = d >= '0' && d <= '9' ? d - '0' : hex && (d | 0x20) >= 'a' && (d | 0x20) <= 'f' ? (d | 0x20) - 'a' + 10 : -1;
        if (v < 0 || cp > 0x10FFFF) {
          cp = 0xFFFD;
          break;
        }
        cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(v);
      }
      append_utf8(out, cp > 0x10FFFF ? 0xFFFD : cp);
    } else {
      out += s[i];
      continue;
    }
    i = semi;
  }
  return out;
}

// The value of attribute `name` in a start tag, decoded; nullopt when absent.
std::optional<std::string> attribute(std::string_view tag, const std::string& name) {
  const std::string key = " " + name + "=\"";
  const std::size_t at = tag.find(key);
  if (at == std::string_view::npos) return std::nullopt;
  const std::size_t from = at + key.size(), to = tag.find('"', from);
  if (to == std::string_view::npos) return std::nullopt;
  return decode_entities(tag.substr(from, to - from));
}

struct mark {
  std::string conflict, claim, text;
};

// Every <mark> of the dumped DOM with its data-conflict, data-claim and text.
std::vector<mark> marks_in(const std::string& dom) {
  std::vector<mark> out;
  std::size_t at = 0;
  while ((at = dom.find("<mark", at)) != std::string::npos) {
    const std::size_t tag_end = dom.find('>', at);
    const std::size_t close = dom.find("</mark>", at);
    if (tag_end == std::string::npos || close == std::string::npos || close < tag_end) break;
    const std::string_view tag(dom.data() + at, tag_end - at);
    out.push_back({attribute(tag, "data-conflict").value_or(""), attribute(tag, "data-claim").value_or(""),
                   decode_entities(std::string_view(dom).substr(tag_end + 1, close - tag_end - 1))});
    at = close;
  }
  return out;
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + what.size())) ++n;
  return n;
}

// What an HTML parser makes of a quote's line breaks: CR LF and a lone CR become LF.
std::string as_parsed(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Builds the JSON and HTML reports of `corpus`, loads the HTML in headless Chromium and checks
// the dumped DOM against the JSON report.
void check_in_chromium(const fs::path& corpus) {
  const crosscheck_test::temp_dir dir;
  const fs::path json_file = dir.path() / "report.json", html_file = dir.path() / "report.html",
                 dom_file = dir.path() / "dom.html", log_file = dir.path() / "chromium.log";
  const std::string cli = shell_quote(CROSSCHECK_CLI);
  const int json_rc = run(cli + " report --format json " + shell_quote(corpus.string()) + " >" +
                          shell_quote(json_file.string()) + " 2>/dev/null");
  const int html_rc = run(cli + " report --format html " + shell_quote(corpus.string()) + " >" +
                          shell_quote(html_file.string()) + " 2>/dev/null");
  INFO("corpus: " << corpus);
  REQUIRE((json_rc == 0 || json_rc == 1));
  REQUIRE(html_rc == json_rc);
  const auto report = nlohmann::json::parse(slurp(json_file));

  // A profile and HOME of its own: parallel runs do not share a profile lock, and nothing is
  // written to the user's home.
  const std::string browser = "env -u ASAN_OPTIONS -u UBSAN_OPTIONS -u LSAN_OPTIONS HOME=" +
                              shell_quote(dir.path().string()) + " timeout -k 10 " +
                              std::to_string(chromium_timeout_s) + " " + shell_quote(chromium_binary()) +
                              " --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
                              " --disable-extensions --user-data-dir=" +
                              shell_quote((dir.path() / "profile").string()) + " --dump-dom " +
                              shell_quote(file_url(html_file)) + " >" + shell_quote(dom_file.string()) + " 2>" +
                              shell_quote(log_file.string());
  const auto start = std::chrono::steady_clock::now();
  const int browser_rc = run(browser);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::string dom = slurp(dom_file);
  std::cout << "html_chromium: " << corpus.string() << ": report " << fs::file_size(html_file) << " bytes, Chromium "
            << seconds << " s, DOM " << dom.size() << " bytes\n";
  const std::string log = slurp(log_file);
  INFO("chromium exit code " << browser_rc << "; its log ends with:\n" << log.substr(log.size() > 2000 ? log.size() - 2000 : 0));
  REQUIRE(browser_rc == 0);

  // The page loaded: Chromium dumped a document with a title and one section per conflict.
  REQUIRE(dom.find("<title>") != std::string::npos);
  const auto& conflicts = report.at("conflicts");
  CHECK(count(dom, "<section class=\"conflict ") == conflicts.size());

  std::map<std::string, std::string> quotes;  // claim id -> its words
  for (const auto& c : report.at("claims")) quotes[c.at("id").get<std::string>()] = c.at("text").get<std::string>();
  const std::vector<mark> marks = marks_in(dom);
  std::size_t expected = 0;
  for (const auto& c : conflicts) {
    const std::string cid = c.at("id").get<std::string>();
    for (const char* part : {"values", "compatible"})
      for (const auto& g : c.at(part))
        for (const auto& id : g.at("claims")) {
          ++expected;
          const std::string claim_id = id.get<std::string>();
          const std::string quote = as_parsed(quotes.at(claim_id));
          bool found = false;
          for (const auto& m : marks) found = found || (m.conflict == cid && m.claim == claim_id && m.text == quote);
          INFO(cid << " " << claim_id << ": \"" << quote << "\"");
          CHECK(found);
        }
  }
  // Every mark is a flagged quote: nothing else is highlighted.
  CHECK(marks.size() == expected);
  if (!conflicts.empty()) CHECK(expected > 0u);
}

}  // namespace

TEST_CASE("html in chromium: every quote of the samples' conflicts is marked in the loaded page", "[chromium]") {
  check_in_chromium(CROSSCHECK_SAMPLES_DIR);
}

TEST_CASE("html in chromium: every quote of the seed corpus's conflicts is marked in the loaded page", "[chromium]") {
  const fs::path seeds = CROSSCHECK_SEEDS_DIR;
  std::error_code ec;
  if (!fs::is_directory(seeds, ec)) {
    WARN("no seed corpus at " << seeds << ": only data/samples was checked");
    return;
  }
  check_in_chromium(seeds);
}

int main(int argc, char** argv) {
  const auto browser = find_chromium();
  if (!browser) {
    const char* require = std::getenv("CROSSCHECK_REQUIRE_CHROMIUM");
    const bool required = require && *require && std::string(require) != "0";
    std::cerr << "html_chromium: " << (required ? "FAILED" : "SKIPPED")
              << ": no Chromium found (looked for chromium and chromium-browser in PATH; set CROSSCHECK_CHROMIUM, "
                 "or install Debian's chromium package: scripts/setup.sh does)\n";
    return required ? 1 : skip_exit_code;
  }
  chromium_binary() = *browser;
  return Catch::Session().run(argc, argv);
}
