// crosscheck/report.hpp: the reports the CLI prints, and claims as JSON Lines.
//
//   crosscheck::report_input in{docs, claims, r, diagnostics};
//   std::cout << crosscheck::to_text(in);        // or to_json(in), to_markdown(in), to_html(in)
//
// The JSON shape is a contract, versioned by report_schema_version and documented in
// docs/report-format.md.
#pragma once

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "crosscheck/claim.hpp"
#include "crosscheck/document.hpp"
#include "crosscheck/error.hpp"
#include "crosscheck/reconcile.hpp"
#include "crosscheck/rules.hpp"

namespace crosscheck {

inline constexpr int report_schema_version = 1;

struct report_input {
  const std::vector<document>& documents;     // may be empty (claims read from JSON Lines)
  const std::vector<claim>& claims;
  const reconciliation& result;
  const std::vector<diagnostic>& diagnostics;
};

std::string to_text(const report_input& in);
// How to_text() lays the report out.
struct text_options {
  bool color = false;  // ANSI colour for a terminal; off, the text is plain (piped, NO_COLOR)
};
std::string to_text(const report_input& in, const text_options& opts);
// The same bytes as to_text(), written to `os` a few thousand conflicts at a time (on two
// threads when there are many), so the whole report is never held.
void write_text(std::ostream& os, const report_input& in, const text_options& opts = {});
std::string to_markdown(const report_input& in);
std::string to_json(const report_input& in);  // one JSON object, pretty-printed
// The same bytes as to_json(), written to `os` as they are made, a block of claims, slots or
// conflicts at a time. They are written straight into the output text (no JSON tree of them),
// so memory is a block, not the whole report.
void write_json(std::ostream& os, const report_input& in);

// One self-contained HTML page (UTF-8, inline CSS, no script, nothing loaded from elsewhere)
// with the text report's content, every text escaped. Each quote is shown in its paragraph
// with the claim's words in <mark class="claim" data-conflict="C1" data-claim="...">. The
// paragraph is found in the evidence's document (in documents, by id): in document::text
// (its paragraphs, or blank lines when it is not segmented), or, when text is empty and path is
// set (a metadata stub), in the file read again once per document. With no such document (claims
// from JSON Lines), or when the offsets no longer hold the claim's words (the file changed),
// the quote is shown in its evidence sentence; when that does not hold it either, alone.
// Context is cut to about 600 bytes on each side of the words. Never throws on bad offsets.
std::string to_html(const report_input& in);

// One claim as one JSON object on one line (no trailing newline).
std::string to_json_line(const claim& c);
// Appends to_json_line(c) and a newline to `out`: a loop that writes many claims reuses one
// string instead of making one per claim.
void append_json_line(std::string& out, const claim& c);

// Reads claims from JSON Lines. Each line is an object with at least "source" (or
// "document"), "subject", "attribute" and "value"; "kind" is optional (guessed from the value
// when absent), and raw values are parsed with the extractors' normalizers ("2:07 PM",
// "12/01/2011 02:07 PM EST", "02:46+09:00"). Lines that cannot be read are skipped with a
// diagnostic naming `name` and the line number; blank lines are ignored. A line over 1 MiB is
// not a claim: it is skipped with a diagnostic and never held in memory whole, except as part
// of a seekable stream of 8 MiB to 1 GiB, which is read whole to be parsed on several threads
// when the machine has more than one core (the claims and warnings are the same).
std::vector<claim> read_claims_jsonl(std::istream& in, const std::string& name, const rule_set& rules,
                                     std::vector<diagnostic>& diagnostics);
// The same for the file at `path` (named by `path` in diagnostics). A file over 8 MiB, on a
// machine with more than one core, is mapped into memory instead of copied, and its parts are
// read on one thread each; the claims and warnings are the same. Throws input_error when the
// file cannot be opened.
std::vector<claim> read_claims_jsonl_file(const std::string& path, const rule_set& rules,
                                          std::vector<diagnostic>& diagnostics);

// Parses a raw value of a kind ("2:46 a.m.", "02:46+09:00", "after 2 am"). False if it does not parse.
// Builds the time reader from `rules` on each call: for many values, read_claims_jsonl() builds
// it once.
bool parse_value(claim_kind kind, std::string_view raw, const rule_set& rules, value& out);

}  // namespace crosscheck
