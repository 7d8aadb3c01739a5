// Claims as JSON Lines: what `crosscheck claims` writes, `crosscheck reconcile` reads back, and
// claims from other programs are parsed with the extractors' normalizers.
#include <catch2/catch.hpp>
#include <crosscheck/crosscheck.hpp>
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "report/json_claim.hpp"
#include "support/corpus.hpp"
#include "support/temp_dir.hpp"

using namespace crosscheck;

namespace {
std::vector<claim> read(const std::string& text, std::vector<diagnostic>& diags) {
  std::istringstream in(text);
  return read_claims_jsonl(in, "claims.jsonl", crosscheck_test::rules(), diags);
}

// A stream that cannot seek (a pipe): its size is unknown, so it is read as it comes, on one thread.
struct unseekable_buf : std::streambuf {
  explicit unseekable_buf(std::string& s) { setg(s.data(), s.data(), s.data() + s.size()); }
};
std::vector<claim> read_streamed(std::string text, std::vector<diagnostic>& diags, const std::string& name = "claims.jsonl") {
  unseekable_buf buf(text);
  std::istream in(&buf);
  return read_claims_jsonl(in, name, crosscheck_test::rules(), diags);
}

// What a reader gave, claim by claim and warning by warning, in order.
std::vector<std::string> summary(const std::vector<claim>& claims, const std::vector<diagnostic>& diags) {
  std::vector<std::string> out;
  for (const auto& c : claims)
    out.push_back(fmt::format("{}|{}|{}|{}|{}|{}", c.id, c.ev.source, c.subject, c.attribute, to_string(c.val), c.ev.text));
  for (const auto& d : diags) out.push_back(fmt::format("{}:{}: {}", d.where.file, d.where.line.value_or(0), d.message));
  return out;
}
}  // namespace

TEST_CASE("jsonl: extracted claims survive a round trip", "[jsonl]") {
  const auto claims = crosscheck_test::extract(
      claim_kind::time_of_day,
      "Putin arrived in Pyongyang at 2:46 a.m., according to the Kremlin. His plane landed after 2 am, TASS said.");
  REQUIRE(claims.size() == 2u);
  std::string lines;
  for (const auto& c : claims) lines += to_json_line(c) + "\n";
  std::vector<diagnostic> diags;
  const auto back = read(lines, diags);
  CHECK(diags.empty());
  REQUIRE(back.size() == claims.size());
  for (std::size_t i = 0; i < claims.size(); ++i) {
    CHECK(back[i].id == claims[i].id);
    CHECK(back[i].kind == claims[i].kind);
    CHECK(back[i].subject == claims[i].subject);
    CHECK(to_string(back[i].val) == to_string(claims[i].val));
    CHECK(compare(back[i].val, claims[i].val) == agreement::same);
    CHECK(back[i].ev.begin == claims[i].ev.begin);
    CHECK(back[i].ev.end == claims[i].ev.end);
    CHECK(back[i].ev.attribution == claims[i].ev.attribution);
    CHECK(back[i].ev.sentence == claims[i].ev.sentence);
    CHECK(back[i].hdg == claims[i].hdg);
  }
}

TEST_CASE("jsonl: a claim's occasion, stated weekday and zone survive a round trip", "[jsonl]") {
  const auto claims = crosscheck_test::extract(
      claim_kind::date, "Putin shook hands with Kim Jong Il upon his arrival in Pyongyang on Wednesday, July 19, 2000.");
  REQUIRE(claims.size() == 1u);
  CHECK(claims[0].occasion == "2000");
  REQUIRE(claims[0].weekday.has_value());
  std::vector<diagnostic> diags;
  const auto back = read(to_json_line(claims[0]) + "\n", diags);
  CHECK(diags.empty());
  REQUIRE(back.size() == 1u);
  CHECK(back[0].occasion == "2000");
  CHECK(back[0].weekday == claims[0].weekday);
  // An explicit date is counted in the event place's zone (Pyongyang).
  REQUIRE(claims[0].zone.has_value());
  CHECK(claims[0].zone->minutes == 9 * 60);
  CHECK(back[0].zone == claims[0].zone);
  // A weekday out of range is refused with a warning, not taken.
  const auto bad = read(R"({"source": "X", "subject": "visit:putin", "attribute": "date", "value": "2000-07-19", "weekday": 9})"
                        "\n",
                        diags);
  CHECK(bad.empty());
  REQUIRE(diags.size() == 1u);
  CHECK(diags[0].message.find("weekday") != std::string::npos);
}

TEST_CASE("jsonl: raw values from outside are normalized like extracted ones", "[jsonl]") {
  std::vector<diagnostic> diags;
  const auto claims = read(
      R"j({"source": "aa", "subject": "AA-1007-MIA-LAX", "attribute": "actual departure", "value": "12/01/2011 02:07 PM"})j"
      "\n"
      R"j({"source": "ua", "subject": "AA-1007-MIA-LAX", "attribute": "actual departure", "value": "2:07PM EST"})j"
      "\n"
      R"j({"source": "x", "subject": "visit", "attribute": "date", "value": "2000-07"})j"
      "\n"
      R"j({"source": "y", "subject": "missiles", "attribute": "count", "value": "[10, +inf)", "kind": "count"})j"
      "\n",
      diags);
  CHECK(diags.empty());
  REQUIRE(claims.size() == 4u);
  CHECK(claims[0].kind == claim_kind::time_of_day);
  CHECK(to_string(claims[0].val) == "14:07");
  CHECK(to_string(claims[1].val) == "14:07-05:00");
  CHECK(claims[2].kind == claim_kind::date);
  CHECK(to_string(claims[2].val) == "2000-07");
  CHECK(claims[3].kind == claim_kind::count);
  CHECK(compatible(claims[3].val, count_value::exactly(11)));
  CHECK_FALSE(compatible(claims[3].val, count_value::exactly(9)));
  CHECK(claims[0].id == "claims.jsonl:1");
}

TEST_CASE("jsonl: bad lines are skipped with a warning naming the line", "[jsonl]") {
  std::vector<diagnostic> diags;
  const auto claims = read(
      "{\"source\": \"a\", \"subject\": \"s\", \"attribute\": \"time\", \"value\": \"02:46\"}\n"  // 1 ok
      "not json\n"                                                                          // 2
      "\n"                                                                                  // 3 blank: ignored
      "[1, 2]\n"                                                                            // 4 not an object
      "{\"subject\": \"s\", \"attribute\": \"time\", \"value\": \"02:46\"}\n"                  // 5 no source
      "{\"source\": \"a\", \"subject\": \"s\", \"attribute\": \"time\", \"value\": \"soon\"}\n"  // 6 no kind fits
      "{\"source\": \"a\", \"subject\": \"s\", \"attribute\": \"t\", \"value\": \"1\", \"kind\": \"weight\"}\n"  // 7
      "{\"source\": \"a\", \"subject\": \"s\", \"attribute\": \"t\", \"value\": \"25:61\", \"kind\": \"time_of_day\"}\n"  // 8
      "{\"source\": \"a\", \"subject\": \"s\", \"attribute\": \"time\", \"value\": \"02:22\", \"modality\": \"maybe\"}\n"  // 9
      "{\"source\": \"\xff\", \"subject\": \"s\", \"attribute\": \"time\", \"value\": \"02:22\"}\n",  // 10 bad UTF-8
      diags);
  REQUIRE(claims.size() == 1u);
  std::vector<std::size_t> lines;
  for (const auto& d : diags) {
    CHECK(d.where.file == "claims.jsonl");
    CHECK(d.message.find("line skipped") != std::string::npos);
    REQUIRE(d.where.line.has_value());
    lines.push_back(*d.where.line);
  }
  CHECK(lines == std::vector<std::size_t>{2, 4, 5, 6, 7, 8, 9, 10});
}

TEST_CASE("jsonl: parse_value reads canonical and free forms, and refuses nonsense", "[jsonl]") {
  const auto& r = crosscheck_test::rules();
  value v;
  CHECK(parse_value(claim_kind::time_of_day, "after 02:00+09:00", r, v));
  CHECK(to_string(v) == "after 02:00+09:00");
  CHECK(parse_value(claim_kind::time_of_day, "00:00-06:00+09:00", r, v));
  CHECK(to_string(v) == "00:00-06:00+09:00");
  CHECK(parse_value(claim_kind::time_of_day, "2 a.m.", r, v));
  CHECK(to_string(v) == "02h");
  CHECK(parse_value(claim_kind::date, "2000-07-19", r, v));
  CHECK_FALSE(parse_value(claim_kind::date, "2024-02-30", r, v));
  CHECK_FALSE(parse_value(claim_kind::time_of_day, "25:61", r, v));
  CHECK_FALSE(parse_value(claim_kind::count, "many", r, v));
  CHECK(parse_value(claim_kind::quantity, "260000 tonne", r, v));
  CHECK(to_string(v) == "260000 tonne");
  CHECK(parse_value(claim_kind::article, "2024 treaty article 4 paragraph 2", r, v));
  CHECK(to_string(v) == "2024 treaty article 4 paragraph 2");
  // "about midnight" runs past midnight; its canonical form reads back, and a malformed
  // canonical value is refused rather than misread by the free-text reader.
  CHECK(parse_value(claim_kind::time_of_day, "23:45-24:16+09:00", r, v));
  CHECK(to_string(v) == "23:45-24:16+09:00");
  CHECK_FALSE(parse_value(claim_kind::time_of_day, "25:61+09:00", r, v));
  CHECK_FALSE(parse_value(claim_kind::time_of_day, "after 25:00", r, v));
  CHECK(parse_value(claim_kind::duration, "[3600s, +inf)", r, v));
  CHECK(to_string(v) == "[3600s, +inf)");
}

// The reader scans common lines itself and hands anything unusual to nlohmann: both must read
// the same fields the same way.
TEST_CASE("jsonl: escapes, numbers, booleans, null and repeated keys read as JSON says", "[jsonl]") {
  std::vector<diagnostic> diags;
  const auto claims = read(
      // 1: simple escapes, read by the reader's own scanner
      "{\"source\": \"a\\\"b\\\\c\", \"subject\": \"s\\/t\", \"attribute\": \"time\", \"value\": \"02:46\", "
      "\"sentence\": \"one\\ttwo\\nthree\", \"start\": 12, \"end\": 17, \"repeated\": true, \"weekday\": 3}\n"
      // 2: \u escapes (a surrogate pair too), decoded
      "{\"source\": \"caf\\u00e9\", \"subject\": \"s\", \"attribute\": \"time\", \"value\": \"02:46\", "
      "\"text\": \"\\ud83d\\ude00\"}\n"
      // 3: a number where a string is expected is its text; negative and decimal offsets are 0
      "{\"source\": 5, \"subject\": \"s\", \"attribute\": \"time\", \"value\": \"02:46\", \"start\": -3, \"end\": 1.5}\n"
      // 4: a key given twice: the last one counts
      "{\"source\": \"x\", \"source\": \"y\", \"subject\": \"s\", \"attribute\": \"time\", \"value\": \"02:46\"}\n"
      // 5: null, false, an unknown nested value, CRLF
      "{\"source\": \"z\", \"subject\": \"s\", \"attribute\": \"time\", \"value\": \"02:46\", \"hedge\": null, "
      "\"repeated\": false, \"extra\": {\"k\": [1, 2.5, \"x\"]}}\r\n"
      // 6: weekday null is refused
      "{\"source\": \"a\", \"subject\": \"s\", \"attribute\": \"time\", \"value\": \"02:46\", \"weekday\": null}\n"
      // 7: weekday 7 is refused
      "{\"source\": \"a\", \"subject\": \"s\", \"attribute\": \"time\", \"value\": \"02:46\", \"weekday\": 7}\n"
      // 8: a leading zero is not JSON
      "{\"source\": \"a\", \"subject\": \"s\", \"attribute\": \"time\", \"value\": \"02:46\", \"start\": 012}\n"
      // 9: trailing garbage after the object is not JSON
      "{\"source\": \"a\", \"subject\": \"s\", \"attribute\": \"time\", \"value\": \"02:46\"} x\n"
      // 10: a raw tab inside a string is not JSON
      "{\"source\": \"a\tb\", \"subject\": \"s\", \"attribute\": \"time\", \"value\": \"02:46\"}\n"
      // 11: the last line needs no newline
      "{\"source\": \"last\", \"subject\": \"s\", \"attribute\": \"time\", \"value\": \"02:46\"}",
      diags);
  REQUIRE(claims.size() == 6u);
  CHECK(claims[0].ev.source == "a\"b\\c");
  CHECK(claims[0].subject == "s/t");
  CHECK(claims[0].ev.sentence == "one\ttwo\nthree");
  CHECK(claims[0].ev.begin == 12u);
  CHECK(claims[0].ev.end == 17u);
  CHECK(claims[0].ev.repeated);
  CHECK(claims[0].weekday == 3u);
  CHECK(claims[1].ev.source == "caf\xc3\xa9");
  CHECK(claims[1].ev.text == "\xf0\x9f\x98\x80");
  CHECK(claims[2].ev.source == "5");
  CHECK(claims[2].ev.begin == 0u);
  CHECK(claims[2].ev.end == 0u);
  CHECK(claims[3].ev.source == "y");
  CHECK(claims[4].ev.source == "z");
  CHECK_FALSE(claims[4].ev.repeated);
  CHECK(claims[4].hdg == hedge::none);
  CHECK(claims[5].ev.source == "last");
  std::vector<std::size_t> lines;
  for (const auto& d : diags) lines.push_back(d.where.line.value_or(0));
  CHECK(lines == std::vector<std::size_t>{6, 7, 8, 9, 10});
  REQUIRE(diags.size() == 5u);
  CHECK(diags[0].message.find("weekday") != std::string::npos);
  CHECK(diags[1].message.find("weekday") != std::string::npos);
  for (std::size_t k = 2; k < 5; ++k) CHECK(diags[k].message.find("not valid JSON") != std::string::npos);
  // A lone line with no newline after it is read.
  std::vector<diagnostic> more;
  const auto last = read("{\"source\": \"last\", \"subject\": \"s\", \"attribute\": \"time\", \"value\": \"02:46\"}", more);
  REQUIRE(last.size() == 1u);
  CHECK(last[0].id == "claims.jsonl:1");
}

TEST_CASE("jsonl: UTF-8 is checked wherever it stands in a line, before the JSON is", "[jsonl]") {
  // The reader's scanner looks at the strings' bytes eight at a time: a valid character and a
  // bad byte are put at every offset of a long value, of a key and of an escaped string.
  const std::string good = "\u2019";  // three bytes
  for (std::size_t at = 0; at < 20; ++at) {
    INFO("at byte " << at << " of the string");
    const std::string pad(at, 'x'), tail(19 - at, 'y');
    const std::string head = "{\"source\": \"a\", \"subject\": \"s\", \"attribute\": \"time\", \"value\": \"02:46\", ";
    const std::string lines[] = {
        head + "\"sentence\": \"" + pad + good + tail + "\"}",          // 1 valid
        head + "\"sentence\": \"" + pad + "\xC3" + tail + "\"}",       // 2 truncated character
        head + "\"" + pad + "\xFF" + tail + "\": 1}",                  // 3 in a key
        head + "\"sentence\": \"\\t" + pad + "\x80" + tail + "\"}",   // 4 after an escape
        head + "\"sentence\": \"" + pad + "\x80" + tail + "\", ]",      // 5 and not JSON
        head + "\"sentence\": \"\\t" + pad + good + tail + "\"}",     // 6 valid, after an escape
    };
    std::string text;
    for (const auto& l : lines) text += l + "\n";
    std::vector<diagnostic> diags;
    const auto claims = read(text, diags);
    REQUIRE(claims.size() == 2u);
    CHECK(claims[0].ev.sentence == pad + good + tail);
    CHECK(claims[1].ev.sentence == "\t" + pad + good + tail);
    REQUIRE(diags.size() == 4u);
    const std::size_t value_at = head.size() + std::string("\"sentence\": \"").size() + at;
    const std::size_t expected_at[] = {value_at, head.size() + 1 + at, value_at + 2, value_at};
    for (std::size_t k = 0; k < 4; ++k) {
      CHECK(diags[k].where.line == k + 2);
      CHECK(diags[k].message == fmt::format("invalid UTF-8 at byte {} of the line; line skipped", expected_at[k]));
    }
  }
}

TEST_CASE("jsonl: a raw value read as two kinds is two values, each quoted as written", "[jsonl]") {
  // The reader reads each distinct raw value once: the same text read as a count and as a date,
  // on lines far apart and close together, and a value that does not read, asked for twice.
  std::string text;
  for (std::size_t k = 0; k < 12; ++k) {
    const char* kind = k % 3 == 0 ? "count" : k % 3 == 1 ? "date" : "time_of_day";
    text += fmt::format("{{\"source\": \"s{}\", \"subject\": \"x\", \"attribute\": \"a\", \"kind\": \"{}\", \"value\": \"2024\"{}}}\n",
                        k, kind, k == 4 ? ", \"text\": \"in 2024\"" : "");
  }
  std::vector<diagnostic> diags;
  const auto claims = read(text, diags);
  REQUIRE(claims.size() == 8u);
  REQUIRE(diags.size() == 4u);
  for (std::size_t k = 0; k < 4; ++k) {
    CHECK(diags[k].where.line == 3 * k + 3);
    CHECK(diags[k].message == "cannot read \"2024\" as a time_of_day; line skipped");
  }
  for (std::size_t k = 0; k < claims.size(); ++k) {
    INFO("claim " << k);
    const std::size_t line = k / 2 * 3 + k % 2 + 1;
    CHECK(claims[k].id == fmt::format("claims.jsonl:{}", line));
    CHECK(claims[k].ev.text == (line == 5 ? "in 2024" : "2024"));
    if (k % 2 == 0) {
      REQUIRE(claims[k].kind == claim_kind::count);
      CHECK(std::get<count_value>(claims[k].val) == count_value::exactly(2024));
    } else {
      REQUIRE(claims[k].kind == claim_kind::date);
      CHECK(std::get<date_value>(claims[k].val) == date_value::of_year(2024));
    }
  }
}

TEST_CASE("jsonl: lines that cross the reader's blocks are read whole, with their line numbers", "[jsonl]") {
  // 100,000 lines of about 100 bytes: several of the reader's 4 MiB blocks.
  std::string text;
  const std::size_t n = 100000;
  for (std::size_t k = 0; k < n; ++k)
    text += "{\"source\": \"src" + std::to_string(k % 7) + "\", \"subject\": \"flight " + std::to_string(k) +
            "\", \"attribute\": \"time\", \"value\": \"" + std::to_string(k % 24) + ":0" + std::to_string(k % 10) + "\"}\n";
  std::vector<diagnostic> diags;
  const auto claims = read(text, diags);
  CHECK(diags.empty());
  REQUIRE(claims.size() == n);
  for (std::size_t k : {std::size_t{0}, std::size_t{41943}, std::size_t{41944}, n / 2, n - 1}) {
    CHECK(claims[k].subject == "flight " + std::to_string(k));
    CHECK(claims[k].id == "claims.jsonl:" + std::to_string(k + 1));
    CHECK(to_string(claims[k].val) == fmt::format("{:02}:0{}", k % 24, k % 10));
  }
}

TEST_CASE("jsonl: the JSON report writes each claim as its JSON line says, in dump(2)'s layout", "[jsonl][report]") {
  std::vector<diagnostic> diags;
  auto claims = read(
      "{\"source\": \"a\", \"subject\": \"s\", \"attribute\": \"time\", \"value\": \"02:46\", \"kind\": \"time_of_day\", "
      "\"sentence\": \"quote \\\" back\\\\ tab\\t nl\\n bell\\u0007 del\\u007f caf\\u00e9\", \"weekday\": 2, \"zone\": \"+09:00\", "
      "\"repeated\": true, \"hedge\": \"about\", \"attribution\": \"the ministry\", \"occasion\": \"2024\", "
      "\"subject_text\": \"the flight\", \"start\": 3, \"end\": 9, \"sentence_start\": 1}\n"
      "{\"source\": \"b\", \"subject\": \"s\", \"attribute\": \"time\", \"value\": \"03:10\"}\n"
      // A tie (no best value: null), a value compatible with both sides, an occasion.
      "{\"source\": \"c\", \"subject\": \"s2\", \"attribute\": \"time\", \"value\": \"05:00\", \"occasion\": \"2024\"}\n"
      "{\"source\": \"d\", \"subject\": \"s2\", \"attribute\": \"time\", \"value\": \"06:00\", \"occasion\": \"2024\"}\n"
      "{\"source\": \"e\", \"subject\": \"s2\", \"attribute\": \"time\", \"value\": \"after 04:00\", \"occasion\": \"2024\"}\n",
      diags);
  REQUIRE(claims.size() == 5u);
  claims[1].ev.text = "bad \xff byte";  // invalid UTF-8 from a program: replaced, as nlohmann does
  const reconciliation r = reconcile(claims, crosscheck_test::rules());
  const std::vector<document> docs;
  const std::string report = to_json({docs, claims, r, diags});
  const auto j = nlohmann::ordered_json::parse(report);
  // The same text as nlohmann writes for the same document: layout and escapes included.
  CHECK(j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n" == report);
  REQUIRE(j.at("claims").size() == claims.size());
  for (std::size_t k = 0; k < claims.size(); ++k)
    CHECK(j.at("claims")[k] == nlohmann::ordered_json::parse(to_json_line(claims[k])));
  CHECK(j.at("claims")[0].at("sentence") == "quote \" back\\ tab\t nl\n bell\x07 del\x7f caf\xc3\xa9");
  CHECK(j.at("claims")[1].at("text") == "bad \xef\xbf\xbd byte");
  CHECK(j.at("slots").size() == r.slots.size());
  CHECK(j.at("conflicts").size() == r.conflicts.size());
  // The conflicts, written without a tree, hold what the reconciliation says.
  REQUIRE(r.conflicts.size() == 2u);
  bool tie = false, compatible = false;
  for (std::size_t k = 0; k < r.conflicts.size(); ++k) {
    const auto& jc = j.at("conflicts")[k];
    const conflict& c = r.conflicts[k];
    CHECK(jc.at("id") == c.id);
    CHECK(jc.at("slot") == r.slots[c.slot].id);
    // (invalid UTF-8 from the claim replaced, as nlohmann does)
    CHECK(jc.at("explanation").dump() ==
          nlohmann::json(c.explanation).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    CHECK(jc.at("resolution").at("confidence").get<double>() == c.best.confidence);
    REQUIRE(jc.at("values").size() == c.values.size());
    CHECK(jc.at("values")[0].at("support").get<double>() == c.values[0].support);
    CHECK(jc.at("values")[0].at("claims").size() == c.values[0].claims.size());
    CHECK(jc.contains("occasion") == !r.slots[c.slot].occasion.empty());
    tie = tie || jc.at("resolution").at("value").is_null();
    compatible = compatible || !jc.at("compatible").empty();
  }
  CHECK(tie);
  CHECK(compatible);
}

TEST_CASE("jsonl: a claim's JSON line is the text nlohmann's dump() writes for it, byte for byte", "[jsonl]") {
  // to_json_line writes the line without building a JSON tree; nlohmann's compact dump of the
  // same object is the reference, for every optional field and every kind of byte.
  std::vector<diagnostic> diags;
  auto claims = read(
      "{\"source\": \"a\", \"subject\": \"s\", \"attribute\": \"time\", \"value\": \"02:46\", \"kind\": \"time_of_day\", "
      "\"sentence\": \"quote \\\" back\\\\ tab\\t nl\\n cr\\r ff\\f bs\\b bell\\u0007 nul\\u0000 us\\u001f del\\u007f "
      "caf\\u00e9 \u4e2d\", \"weekday\": 6, \"zone\": \"-03:30\", \"repeated\": true, \"hedge\": \"about\", "
      "\"attribution\": \"the ministry\", \"occasion\": \"2024\", \"subject_text\": \"the flight\", "
      "\"start\": 4294967295, \"end\": 18446744073709551615, \"sentence_start\": 0}\n"
      "{\"document\": \"d\", \"subject\": \"s\", \"attribute\": \"count\", \"kind\": \"count\", \"value\": \"300\", \"hedge\": \"about\"}\n",
      diags);
  REQUIRE(claims.size() == 2u);
  CHECK(claims[0].ev.end == 18446744073709551615ull);
  claims[1].ev.text = "bad \xff byte \xc3";  // invalid UTF-8 from a program: replaced, as nlohmann does
  claims[1].rule = std::string("nul\0inside", 11);
  std::string lines;
  for (const auto& c : claims) {
    const std::string expected =
        detail::claim_to_json(c).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    CHECK(to_json_line(c) == expected);
    append_json_line(lines, c);
  }
  CHECK(lines == to_json_line(claims[0]) + "\n" + to_json_line(claims[1]) + "\n");
  // The line holds what was read: the optional fields are there, and the bad bytes replaced.
  const auto j0 = nlohmann::ordered_json::parse(to_json_line(claims[0]));
  CHECK(j0.at("weekday") == 6);
  CHECK(j0.at("repeated") == true);
  CHECK(j0.at("end") == 18446744073709551615ull);
  CHECK(nlohmann::ordered_json::parse(to_json_line(claims[1])).at("text") == "bad \xef\xbf\xbd byte \xef\xbf\xbd");
}

TEST_CASE("jsonl: strings are escaped as nlohmann escapes them, wherever the byte stands", "[jsonl]") {
  // The writer skips eight bytes at a time while none needs an escape: put each byte that does
  // (and some that do not) at every offset of a string longer than three such blocks.
  const std::string specials = std::string("\x01\x1f\"\\\x7f \x20\t\n", 9) + std::string(1, '\0') + "\xc3\xa9";
  for (std::size_t k = 0; k < specials.size(); ++k) {
    const std::size_t width = specials[k] == '\xc3' ? 2 : 1;  // "\xc3\xa9" is one character
    if (k > 0 && specials[k - 1] == '\xc3') continue;
    for (std::size_t at = 0; at <= 26; ++at) {
      std::string s(26, 'a');
      s.insert(at, specials.substr(k, width));
      std::string out;
      detail::append_json_string(out, s);
      INFO("byte " << k << " at " << at);
      CHECK(out == nlohmann::json(s).dump());
    }
  }
}

TEST_CASE("jsonl: read in parts on several threads, claims and warnings are those of one thread", "[jsonl]") {
  // Good lines of varying length, with bad ones of every sort put at each position in turn, so
  // that some fall on the first and the last line of every part whatever the cuts.
  const std::vector<std::string> bad = {
      "not json",
      "",
      "{\"source\": \"a\", \"subject\": \"s\", \"attribute\": \"time\", \"value\": \"soon\"}",
      "{\"source\": \"\xff\", \"subject\": \"s\", \"attribute\": \"time\", \"value\": \"02:22\"}",
      "{\"source\": \"a\", \"subject\": \"s\", \"attribute\": \"t\", \"value\": \"1\", \"kind\": \"weight\"}",
      "[1, 2]",
      "   ",  // not bad: skipped without a word
  };
  const std::size_t n = 24;
  for (std::size_t at = 0; at < n; ++at) {
    std::string text;
    for (std::size_t k = 0; k < n; ++k) {
      if (k == at || k == (at + 1) % n) text += bad[(at + k) % bad.size()];
      else  // every fifth good line is read by nlohmann, not the reader's own scanner (a \u escape)
        text += fmt::format("{{\"source\": \"src{}\", \"subject\": \"flight {}{}\", \"attribute\": \"time\", \"value\": \"{}:{:02}\"}}",
                            k % 5 == 4 ? "\\u00e9" : std::to_string(k % 3), k, std::string(k * 7 % 40, 'x'), k % 24, k);
      if (k + 1 < n || at % 2) text += '\n';  // the last line, half the time, has no newline
    }
    std::vector<diagnostic> one_diags;
    const auto one = read_streamed(text, one_diags);
    REQUIRE(!one_diags.empty());
    const auto expected = summary(one, one_diags);
    for (unsigned parts : {1u, 2u, 3u, 4u, 7u, 30u}) {
      INFO("bad lines at " << at + 1 << ", " << parts << " part(s)");
      std::vector<diagnostic> diags;
      const auto claims = detail::read_claims_jsonl_text(text, "claims.jsonl", crosscheck_test::rules(), diags, parts);
      CHECK(summary(claims, diags) == expected);
    }
  }
  // Warnings already given stay first.
  std::vector<diagnostic> diags(1);
  const auto claims = detail::read_claims_jsonl_text("not json\n{\"source\": \"a\", \"subject\": \"s\", \"attribute\": \"t\", \"value\": \"02:46\"}\nnot json",
                                                     "claims.jsonl", crosscheck_test::rules(), diags, 2);
  REQUIRE(claims.size() == 1u);
  CHECK(claims[0].id == "claims.jsonl:2");
  REQUIRE(diags.size() == 3u);
  CHECK(diags[1].where.line == 1u);
  CHECK(diags[2].where.line == 3u);
}

TEST_CASE("jsonl: a big file read on several threads gives what a stream read on one gives", "[jsonl]") {
  // About 12 MiB: past the size from which a file is read whole and in parts, with bad lines
  // and a line over the 1 MiB limit in the middle.
  std::string text;
  const std::size_t n = 120000;
  for (std::size_t k = 0; k < n; ++k) {
    if (k % 9973 == 0) text += "not json\n";
    if (k == n / 2) text += std::string((std::size_t{1} << 20) + 5, 'y') + "\n";
    text += "{\"source\": \"src" + std::to_string(k % 7) + "\", \"subject\": \"flight " + std::to_string(k) +
            "\", \"attribute\": \"time\", \"value\": \"" + std::to_string(k % 24) + ":0" + std::to_string(k % 10) + "\"}\n";
  }
  std::vector<diagnostic> streamed_diags, diags;
  const auto streamed = read_streamed(text, streamed_diags);
  const auto claims = read(text, diags);
  REQUIRE(streamed.size() == n);
  CHECK(streamed_diags.size() == 14u);
  CHECK(summary(claims, diags) == summary(streamed, streamed_diags));
  // The same file by its path (mapped into memory where the system allows).
  // In a folder of its own: two test runs at once (two build trees) must not write one file while
  // the other has it mapped, which ends the reader with SIGBUS.
  const crosscheck_test::temp_dir dir;
  const auto path = dir.write_file("big.jsonl", text).string();
  std::vector<diagnostic> file_diags, named_diags;
  const auto from_file = read_claims_jsonl_file(path, crosscheck_test::rules(), file_diags);
  const auto named = read_streamed(text, named_diags, path);
  std::filesystem::remove(path);
  CHECK(summary(from_file, file_diags) == summary(named, named_diags));
  CHECK(from_file.size() == n);
  std::vector<diagnostic> none;
  CHECK_THROWS_AS(read_claims_jsonl_file(path, crosscheck_test::rules(), none), input_error);
}
