// Internal: one claim as a JSON object (the report's "claims" entries and JSON Lines).
#pragma once

#include <nlohmann/json.hpp>

#include "crosscheck/claim.hpp"

namespace crosscheck::detail {
nlohmann::ordered_json claim_to_json(const claim& c);
}
