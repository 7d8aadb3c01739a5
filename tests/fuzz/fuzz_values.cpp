// The value normalizers: parse_value() for each claim kind (times, dates, durations, counts,
// quantities, names, roles, article references), parse_publication_time(), and the name
// matcher on the two halves of the input. The first byte picks the kind.
#include <crosscheck/crosscheck.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_common.hpp"

CROSSCHECK_FUZZ_TARGET(fuzz_values) {
  using namespace crosscheck;
  if (size < 1) return 0;
  const rule_set& rs = crosscheck_fuzz::rules();
  static const name_matcher matcher(rs);
  const auto kind = static_cast<claim_kind>(data[0] % 8);
  const std::string_view raw(reinterpret_cast<const char*>(data + 1), size - 1);

  value v;
  if (parse_value(kind, raw, rs, v)) {
    // The normalized text reads back (the JSON Lines round trip) and compares with itself.
    const std::string text = to_string(v);
    (void)type_name(v);
    (void)compare(v, v);
    value back;
    (void)parse_value(kind, text, rs, back);
  }
  publication_time p;
  (void)parse_publication_time(raw, p);

  const std::string_view a = raw.substr(0, raw.size() / 2), b = raw.substr(raw.size() / 2);
  (void)matcher.match(a, b);
  (void)matcher.parts(a);
  (void)matcher.blocking_keys(b);
  (void)parse_role(raw, rs);
  (void)fold_latin(raw);
  (void)make_person_name(raw);
  return 0;
}
