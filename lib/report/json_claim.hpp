// Internal: one claim as a JSON object (the report's "claims" entries and JSON Lines).
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/claim.hpp"
#include "crosscheck/error.hpp"
#include "crosscheck/reconcile.hpp"
#include "crosscheck/rules.hpp"

namespace crosscheck::detail {
nlohmann::ordered_json claim_to_json(const claim& c);
// Appends `s` as a JSON string exactly as nlohmann's dump() writes it (UTF-8 kept, control
// characters escaped, invalid UTF-8 replaced).
void append_json_string(std::string& out, std::string_view s);
// Appends claim_to_json(c) exactly as dump(2) writes it when the object's own lines are indented
// by `indent` spaces, without building the DOM (a report of a million claims).
void append_claim_json(std::string& out, const claim& c, std::size_t indent);
// Appends claim_to_json(c) exactly as dump() (no indent: one line) writes it.
void append_claim_json_line(std::string& out, const claim& c);
// The same for one of the report's slots (its claims given by id).
void append_slot_json(std::string& out, const slot& s, const std::vector<claim>& claims, std::size_t indent);
// The ids of `claims[ids[k]]` as the JSON array dump(2) writes when the array's own line is
// indented by `indent` spaces ("[]" when there are none).
void append_claim_ids(std::string& out, const std::vector<std::size_t>& ids, const std::vector<claim>& claims,
                      std::size_t indent);
// read_claims_jsonl() on JSON Lines held in memory, cut into `parts` runs of whole lines read on
// one thread each: the same claims in the same order, and the same warnings with the same line
// numbers, as one thread reading it all (read_claims_jsonl() uses it for big files). `release`,
// when given, is called once the text is no longer needed.
std::vector<claim> read_claims_jsonl_text(std::string_view text, const std::string& name, const rule_set& rules,
                                          std::vector<diagnostic>& diagnostics, unsigned parts,
                                          const std::function<void()>& release = {});
}
