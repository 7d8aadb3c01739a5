// The name matcher. See crosscheck/names.hpp.
#include "crosscheck/names.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "text/fold.hpp"

namespace crosscheck {

std::string_view to_string(name_verdict v) noexcept {
  switch (v) {
    case name_verdict::same: return "same";
    case name_verdict::variant: return "variant";
    case name_verdict::partial: return "partial";
    case name_verdict::likely_misspelling: return "likely-misspelling";
    case name_verdict::different: return "different";
  }
  return "?";
}

namespace {

// Latin letters with diacritics (U+00C0..U+024F, U+1E00..U+1EFF) and their base letters, from
// Unicode's compatibility decomposition with the marks removed.
struct latin_entry {
  char32_t cp;
  const char* base;
};
constexpr latin_entry latin_table[] = {
    {0x00C0, "a"}, {0x00C1, "a"}, {0x00C2, "a"}, {0x00C3, "a"}, {0x00C4, "a"}, {0x00C5, "a"},
    {0x00C6, "ae"}, {0x00C7, "c"}, {0x00C8, "e"}, {0x00C9, "e"}, {0x00CA, "e"}, {0x00CB, "e"},
    {0x00CC, "i"}, {0x00CD, "i"}, {0x00CE, "i"}, {0x00CF, "i"}, {0x00D0, "d"}, {0x00D1, "n"},
    {0x00D2, "o"}, {0x00D3, "o"}, {0x00D4, "o"}, {0x00D5, "o"}, {0x00D6, "o"}, {0x00D8, "o"},
    {0x00D9, "u"}, {0x00DA, "u"}, {0x00DB, "u"}, {0x00DC, "u"}, {0x00DD, "y"}, {0x00DE, "th"},
    {0x00DF, "ss"}, {0x00E0, "a"}, {0x00E1, "a"}, {0x00E2, "a"}, {0x00E3, "a"}, {0x00E4, "a"},
    {0x00E5, "a"}, {0x00E6, "ae"}, {0x00E7, "c"}, {0x00E8, "e"}, {0x00E9, "e"}, {0x00EA, "e"},
    {0x00EB, "e"}, {0x00EC, "i"}, {0x00ED, "i"}, {0x00EE, "i"}, {0x00EF, "i"}, {0x00F0, "d"},
    {0x00F1, "n"}, {0x00F2, "o"}, {0x00F3, "o"}, {0x00F4, "o"}, {0x00F5, "o"}, {0x00F6, "o"},
    {0x00F8, "o"}, {0x00F9, "u"}, {0x00FA, "u"}, {0x00FB, "u"}, {0x00FC, "u"}, {0x00FD, "y"},
    {0x00FE, "th"}, {0x00FF, "y"}, {0x0100, "a"}, {0x0101, "a"}, {0x0102, "a"}, {0x0103, "a"},
    {0x0104, "a"}, {0x0105, "a"}, {0x0106, "c"}, {0x0107, "c"}, {0x0108, "c"}, {0x0109, "c"},
    {0x010A, "c"}, {0x010B, "c"}, {0x010C, "c"}, {0x010D, "c"}, {0x010E, "d"}, {0x010F, "d"},
    {0x0110, "d"}, {0x0111, "d"}, {0x0112, "e"}, {0x0113, "e"}, {0x0114, "e"}, {0x0115, "e"},
    {0x0116, "e"}, {0x0117, "e"}, {0x0118, "e"}, {0x0119, "e"}, {0x011A, "e"}, {0x011B, "e"},
    {0x011C, "g"}, {0x011D, "g"}, {0x011E, "g"}, {0x011F, "g"}, {0x0120, "g"}, {0x0121, "g"},
    {0x0122, "g"}, {0x0123, "g"}, {0x0124, "h"}, {0x0125, "h"}, {0x0128, "i"}, {0x0129, "i"},
    {0x012A, "i"}, {0x012B, "i"}, {0x012C, "i"}, {0x012D, "i"}, {0x012E, "i"}, {0x012F, "i"},
    {0x0130, "i"}, {0x0131, "i"}, {0x0132, "ij"}, {0x0133, "ij"}, {0x0134, "j"}, {0x0135, "j"},
    {0x0136, "k"}, {0x0137, "k"}, {0x0139, "l"}, {0x013A, "l"}, {0x013B, "l"}, {0x013C, "l"},
    {0x013D, "l"}, {0x013E, "l"}, {0x0141, "l"}, {0x0142, "l"}, {0x0143, "n"}, {0x0144, "n"},
    {0x0145, "n"}, {0x0146, "n"}, {0x0147, "n"}, {0x0148, "n"}, {0x014A, "ng"}, {0x014B, "ng"},
    {0x014C, "o"}, {0x014D, "o"}, {0x014E, "o"}, {0x014F, "o"}, {0x0150, "o"}, {0x0151, "o"},
    {0x0152, "oe"}, {0x0153, "oe"}, {0x0154, "r"}, {0x0155, "r"}, {0x0156, "r"}, {0x0157, "r"},
    {0x0158, "r"}, {0x0159, "r"}, {0x015A, "s"}, {0x015B, "s"}, {0x015C, "s"}, {0x015D, "s"},
    {0x015E, "s"}, {0x015F, "s"}, {0x0160, "s"}, {0x0161, "s"}, {0x0162, "t"}, {0x0163, "t"},
    {0x0164, "t"}, {0x0165, "t"}, {0x0168, "u"}, {0x0169, "u"}, {0x016A, "u"}, {0x016B, "u"},
    {0x016C, "u"}, {0x016D, "u"}, {0x016E, "u"}, {0x016F, "u"}, {0x0170, "u"}, {0x0171, "u"},
    {0x0172, "u"}, {0x0173, "u"}, {0x0174, "w"}, {0x0175, "w"}, {0x0176, "y"}, {0x0177, "y"},
    {0x0178, "y"}, {0x0179, "z"}, {0x017A, "z"}, {0x017B, "z"}, {0x017C, "z"}, {0x017D, "z"},
    {0x017E, "z"}, {0x017F, "s"}, {0x01A0, "o"}, {0x01A1, "o"}, {0x01AF, "u"}, {0x01B0, "u"},
    {0x01C4, "dz"}, {0x01C5, "dz"}, {0x01C6, "dz"}, {0x01C7, "lj"}, {0x01C8, "lj"}, {0x01C9, "lj"},
    {0x01CA, "nj"}, {0x01CB, "nj"}, {0x01CC, "nj"}, {0x01CD, "a"}, {0x01CE, "a"}, {0x01CF, "i"},
    {0x01D0, "i"}, {0x01D1, "o"}, {0x01D2, "o"}, {0x01D3, "u"}, {0x01D4, "u"}, {0x01D5, "u"},
    {0x01D6, "u"}, {0x01D7, "u"}, {0x01D8, "u"}, {0x01D9, "u"}, {0x01DA, "u"}, {0x01DB, "u"},
    {0x01DC, "u"}, {0x01DE, "a"}, {0x01DF, "a"}, {0x01E0, "a"}, {0x01E1, "a"}, {0x01E6, "g"},
    {0x01E7, "g"}, {0x01E8, "k"}, {0x01E9, "k"}, {0x01EA, "o"}, {0x01EB, "o"}, {0x01EC, "o"},
    {0x01ED, "o"}, {0x01F0, "j"}, {0x01F1, "dz"}, {0x01F2, "dz"}, {0x01F3, "dz"}, {0x01F4, "g"},
    {0x01F5, "g"}, {0x01F8, "n"}, {0x01F9, "n"}, {0x01FA, "a"}, {0x01FB, "a"}, {0x0200, "a"},
    {0x0201, "a"}, {0x0202, "a"}, {0x0203, "a"}, {0x0204, "e"}, {0x0205, "e"}, {0x0206, "e"},
    {0x0207, "e"}, {0x0208, "i"}, {0x0209, "i"}, {0x020A, "i"}, {0x020B, "i"}, {0x020C, "o"},
    {0x020D, "o"}, {0x020E, "o"}, {0x020F, "o"}, {0x0210, "r"}, {0x0211, "r"}, {0x0212, "r"},
    {0x0213, "r"}, {0x0214, "u"}, {0x0215, "u"}, {0x0216, "u"}, {0x0217, "u"}, {0x0218, "s"},
    {0x0219, "s"}, {0x021A, "t"}, {0x021B, "t"}, {0x021E, "h"}, {0x021F, "h"}, {0x0226, "a"},
    {0x0227, "a"}, {0x0228, "e"}, {0x0229, "e"}, {0x022A, "o"}, {0x022B, "o"}, {0x022C, "o"},
    {0x022D, "o"}, {0x022E, "o"}, {0x022F, "o"}, {0x0230, "o"}, {0x0231, "o"}, {0x0232, "y"},
    {0x0233, "y"}, {0x1E00, "a"}, {0x1E01, "a"}, {0x1E02, "b"}, {0x1E03, "b"}, {0x1E04, "b"},
    {0x1E05, "b"}, {0x1E06, "b"}, {0x1E07, "b"}, {0x1E08, "c"}, {0x1E09, "c"}, {0x1E0A, "d"},
    {0x1E0B, "d"}, {0x1E0C, "d"}, {0x1E0D, "d"}, {0x1E0E, "d"}, {0x1E0F, "d"}, {0x1E10, "d"},
    {0x1E11, "d"}, {0x1E12, "d"}, {0x1E13, "d"}, {0x1E14, "e"}, {0x1E15, "e"}, {0x1E16, "e"},
    {0x1E17, "e"}, {0x1E18, "e"}, {0x1E19, "e"}, {0x1E1A, "e"}, {0x1E1B, "e"}, {0x1E1C, "e"},
    {0x1E1D, "e"}, {0x1E1E, "f"}, {0x1E1F, "f"}, {0x1E20, "g"}, {0x1E21, "g"}, {0x1E22, "h"},
    {0x1E23, "h"}, {0x1E24, "h"}, {0x1E25, "h"}, {0x1E26, "h"}, {0x1E27, "h"}, {0x1E28, "h"},
    {0x1E29, "h"}, {0x1E2A, "h"}, {0x1E2B, "h"}, {0x1E2C, "i"}, {0x1E2D, "i"}, {0x1E2E, "i"},
    {0x1E2F, "i"}, {0x1E30, "k"}, {0x1E31, "k"}, {0x1E32, "k"}, {0x1E33, "k"}, {0x1E34, "k"},
    {0x1E35, "k"}, {0x1E36, "l"}, {0x1E37, "l"}, {0x1E38, "l"}, {0x1E39, "l"}, {0x1E3A, "l"},
    {0x1E3B, "l"}, {0x1E3C, "l"}, {0x1E3D, "l"}, {0x1E3E, "m"}, {0x1E3F, "m"}, {0x1E40, "m"},
    {0x1E41, "m"}, {0x1E42, "m"}, {0x1E43, "m"}, {0x1E44, "n"}, {0x1E45, "n"}, {0x1E46, "n"},
    {0x1E47, "n"}, {0x1E48, "n"}, {0x1E49, "n"}, {0x1E4A, "n"}, {0x1E4B, "n"}, {0x1E4C, "o"},
    {0x1E4D, "o"}, {0x1E4E, "o"}, {0x1E4F, "o"}, {0x1E50, "o"}, {0x1E51, "o"}, {0x1E52, "o"},
    {0x1E53, "o"}, {0x1E54, "p"}, {0x1E55, "p"}, {0x1E56, "p"}, {0x1E57, "p"}, {0x1E58, "r"},
    {0x1E59, "r"}, {0x1E5A, "r"}, {0x1E5B, "r"}, {0x1E5C, "r"}, {0x1E5D, "r"}, {0x1E5E, "r"},
    {0x1E5F, "r"}, {0x1E60, "s"}, {0x1E61, "s"}, {0x1E62, "s"}, {0x1E63, "s"}, {0x1E64, "s"},
    {0x1E65, "s"}, {0x1E66, "s"}, {0x1E67, "s"}, {0x1E68, "s"}, {0x1E69, "s"}, {0x1E6A, "t"},
    {0x1E6B, "t"}, {0x1E6C, "t"}, {0x1E6D, "t"}, {0x1E6E, "t"}, {0x1E6F, "t"}, {0x1E70, "t"},
    {0x1E71, "t"}, {0x1E72, "u"}, {0x1E73, "u"}, {0x1E74, "u"}, {0x1E75, "u"}, {0x1E76, "u"},
    {0x1E77, "u"}, {0x1E78, "u"}, {0x1E79, "u"}, {0x1E7A, "u"}, {0x1E7B, "u"}, {0x1E7C, "v"},
    {0x1E7D, "v"}, {0x1E7E, "v"}, {0x1E7F, "v"}, {0x1E80, "w"}, {0x1E81, "w"}, {0x1E82, "w"},
    {0x1E83, "w"}, {0x1E84, "w"}, {0x1E85, "w"}, {0x1E86, "w"}, {0x1E87, "w"}, {0x1E88, "w"},
    {0x1E89, "w"}, {0x1E8A, "x"}, {0x1E8B, "x"}, {0x1E8C, "x"}, {0x1E8D, "x"}, {0x1E8E, "y"},
    {0x1E8F, "y"}, {0x1E90, "z"}, {0x1E91, "z"}, {0x1E92, "z"}, {0x1E93, "z"}, {0x1E94, "z"},
    {0x1E95, "z"}, {0x1E96, "h"}, {0x1E97, "t"}, {0x1E98, "w"}, {0x1E99, "y"}, {0x1E9B, "s"},
    {0x1EA0, "a"}, {0x1EA1, "a"}, {0x1EA2, "a"}, {0x1EA3, "a"}, {0x1EA4, "a"}, {0x1EA5, "a"},
    {0x1EA6, "a"}, {0x1EA7, "a"}, {0x1EA8, "a"}, {0x1EA9, "a"}, {0x1EAA, "a"}, {0x1EAB, "a"},
    {0x1EAC, "a"}, {0x1EAD, "a"}, {0x1EAE, "a"}, {0x1EAF, "a"}, {0x1EB0, "a"}, {0x1EB1, "a"},
    {0x1EB2, "a"}, {0x1EB3, "a"}, {0x1EB4, "a"}, {0x1EB5, "a"}, {0x1EB6, "a"}, {0x1EB7, "a"},
    {0x1EB8, "e"}, {0x1EB9, "e"}, {0x1EBA, "e"}, {0x1EBB, "e"}, {0x1EBC, "e"}, {0x1EBD, "e"},
    {0x1EBE, "e"}, {0x1EBF, "e"}, {0x1EC0, "e"}, {0x1EC1, "e"}, {0x1EC2, "e"}, {0x1EC3, "e"},
    {0x1EC4, "e"}, {0x1EC5, "e"}, {0x1EC6, "e"}, {0x1EC7, "e"}, {0x1EC8, "i"}, {0x1EC9, "i"},
    {0x1ECA, "i"}, {0x1ECB, "i"}, {0x1ECC, "o"}, {0x1ECD, "o"}, {0x1ECE, "o"}, {0x1ECF, "o"},
    {0x1ED0, "o"}, {0x1ED1, "o"}, {0x1ED2, "o"}, {0x1ED3, "o"}, {0x1ED4, "o"}, {0x1ED5, "o"},
    {0x1ED6, "o"}, {0x1ED7, "o"}, {0x1ED8, "o"}, {0x1ED9, "o"}, {0x1EDA, "o"}, {0x1EDB, "o"},
    {0x1EDC, "o"}, {0x1EDD, "o"}, {0x1EDE, "o"}, {0x1EDF, "o"}, {0x1EE0, "o"}, {0x1EE1, "o"},
    {0x1EE2, "o"}, {0x1EE3, "o"}, {0x1EE4, "u"}, {0x1EE5, "u"}, {0x1EE6, "u"}, {0x1EE7, "u"},
    {0x1EE8, "u"}, {0x1EE9, "u"}, {0x1EEA, "u"}, {0x1EEB, "u"}, {0x1EEC, "u"}, {0x1EED, "u"},
    {0x1EEE, "u"}, {0x1EEF, "u"}, {0x1EF0, "u"}, {0x1EF1, "u"}, {0x1EF2, "y"}, {0x1EF3, "y"},
    {0x1EF4, "y"}, {0x1EF5, "y"}, {0x1EF6, "y"}, {0x1EF7, "y"}, {0x1EF8, "y"}, {0x1EF9, "y"}
};

const char* latin_base(char32_t cp) {
  auto it = std::lower_bound(std::begin(latin_table), std::end(latin_table), cp,
                             [](const latin_entry& e, char32_t c) { return e.cp < c; });
  return it != std::end(latin_table) && it->cp == cp ? it->base : nullptr;
}

// Optimal string alignment distance of at most one: one letter changed, added or dropped, or
// two neighbours swapped. `what` says which.
bool within_one_edit(std::string_view a, std::string_view b, std::string& what) {
  if (a == b) return false;
  const std::size_t n = a.size(), m = b.size();
  if (n + 1 < m || m + 1 < n) return false;
  std::size_t i = 0;
  while (i < n && i < m && a[i] == b[i]) ++i;
  if (n == m) {
    if (a.substr(i + 1) == b.substr(i + 1)) {
      what = fmt::format("one letter changed ({}/{})", a[i], b[i]);
      return true;
    }
    if (i + 1 < n && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2)) {
      what = fmt::format("two letters swapped ({}/{})", a.substr(i, 2), b.substr(i, 2));
      return true;
    }
    return false;
  }
  if (n > m ? a.substr(i + 1) == b.substr(i) : a.substr(i) == b.substr(i + 1)) {
    what = fmt::format("one letter {} ({})", n > m ? "added" : "dropped", n > m ? a[i] : b[i]);
    return true;
  }
  return false;
}

bool contains(const std::vector<std::string>& v, std::string_view w) {
  return std::find(v.begin(), v.end(), w) != v.end();
}

std::string joined(const std::vector<std::string>& v, std::string_view sep = "") {
  std::string s;
  for (std::size_t k = 0; k < v.size(); ++k) {
    if (k) s += sep;
    s += v[k];
  }
  return s;
}

bool is_initial(std::string_view p) { return p.size() == 1; }

}  // namespace

std::string fold_latin(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += detail::ascii_lower(static_cast<char>(c));
      ++i;
      continue;
    }
    if (const std::size_t n = detail::invisible_at(s, i)) {  // a zero-width or bidi mark inside a name
      i += n;
      continue;
    }
    std::size_t len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    if (i + len > s.size()) len = 1;
    char32_t cp = 0;
    if (len == 2) cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
    if (len == 3)
      cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
    if (const char* base = cp ? latin_base(cp) : nullptr) {
      out += base;
    } else if (cp >= 0x300 && cp <= 0x36F) {
      // a combining mark (a diacritic typed after its letter): dropped
    } else if (cp == 0x2019 || cp == 0x2018 || cp == 0x2010 || cp == 0x2011) {
      out += cp == 0x2019 || cp == 0x2018 ? '\'' : '-';  // typographic apostrophes and hyphens
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

name_matcher::name_matcher(const rule_set& rules) : rules_(rules) {}

std::vector<std::string> name_matcher::parts(std::string_view name) const {
  // Split the name as written, so that a particle's case is still known: "al-Sisi", "bin Salman"
  // and "von der Leyen" drop theirs, but "Al Gore" and "Le Hoai Trung" keep a first part that
  // is a name of its own.
  std::vector<std::string> raw;
  std::vector<bool> hyphen_after;  // "Al-Sisi": a particle joined to the name by a hyphen
  std::string cur;
  for (char c : name) {
    if (c == ' ' || c == '-' || c == '.' || c == ',' || c == '\t' || c == '\n') {
      if (!cur.empty()) {
        raw.push_back(std::move(cur));
        hyphen_after.push_back(c == '-');
      }
      cur.clear();
    } else if (c != '\'') {
      cur += c;
    }
  }
  if (!cur.empty()) {
    raw.push_back(std::move(cur));
    hyphen_after.push_back(false);
  }
  std::vector<std::string> out;
  for (std::size_t k = 0; k < raw.size(); ++k) {
    std::string p = fold_latin(raw[k]);
    // Typographic apostrophes fold to '\''; they join, they do not split ("O’Brien").
    p.erase(std::remove(p.begin(), p.end(), '\''), p.end());
    if (p.empty() || contains(rules_.names.suffixes, p)) continue;
    const bool written_lower = !raw[k].empty() && detail::is_ascii_lower(raw[k][0]);
    if (contains(rules_.names.particles, p) && raw.size() > 1 && (k > 0 || written_lower || hyphen_after[k])) continue;
    out.push_back(std::move(p));
  }
  return out;
}

std::string name_matcher::skeleton(std::string_view part) const {
  std::string s(part);
  if (s.size() < 2) return s;  // an initial stays the letter written
  for (const auto& group : rules_.names.given_name_groups)
    if (contains(group, s)) return group.front();
  for (const auto& r : rules_.names.transliteration) {
    if (r.from.empty()) continue;
    if (r.at_end) {
      if (s.size() >= r.from.size() && s.compare(s.size() - r.from.size(), r.from.size(), r.from) == 0)
        s.replace(s.size() - r.from.size(), r.from.size(), r.to);
      continue;
    }
    for (std::size_t at = s.find(r.from); at != std::string::npos; at = s.find(r.from, at + r.to.size()))
      s.replace(at, r.from.size(), r.to);
  }
  for (const auto& group : rules_.names.given_name_groups)
    if (contains(group, s)) return group.front();
  return s;
}

name_match name_matcher::match(std::string_view a, std::string_view b) const {
  auto squeeze = [](std::string_view s) {
    std::string out;
    for (char c : s) {
      if (detail::is_space(c)) {
        if (!out.empty() && out.back() != ' ') out += ' ';
      } else {
        out += detail::ascii_lower(c);
      }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
  };
  if (squeeze(a) == squeeze(b)) return {name_verdict::same, "the same spelling"};
  const auto pa = parts(a), pb = parts(b);
  if (pa.empty() || pb.empty()) return {name_verdict::different, "no name to compare"};
  if (pa == pb) return {name_verdict::variant, "case, diacritics, hyphenation or particles"};
  if (joined(pa) == joined(pb)) return {name_verdict::variant, "hyphenation or spacing"};

  std::vector<std::string> sa, sb;
  for (const auto& p : pa) sa.push_back(skeleton(p));
  for (const auto& p : pb) sb.push_back(skeleton(p));
  auto differing = [&] {
    for (std::size_t k = 0; k < pa.size() && k < pb.size(); ++k)
      if (pa[k] != pb[k]) return fmt::format("{}/{}", pa[k], pb[k]);
    return std::string();
  };
  if (sa == sb || joined(sa) == joined(sb)) return {name_verdict::variant, fmt::format("transliteration ({})", differing())};
  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  if (sa.size() > 1 && sorted(sa) == sorted(sb)) return {name_verdict::variant, "name order"};

  // One name a shorter form of the other: its parts appear in the other, in order, an initial
  // standing for a part with that first letter ("V. Putin"); a family name must be kept.
  const auto& shorter = sa.size() <= sb.size() ? sa : sb;
  const auto& longer = sa.size() <= sb.size() ? sb : sa;
  if (shorter.size() < longer.size()) {
    std::size_t k = 0;
    std::vector<std::size_t> used;
    for (std::size_t j = 0; j < longer.size() && k < shorter.size(); ++j) {
      const bool initial = is_initial(shorter[k]) && !longer[j].empty() && longer[j][0] == shorter[k][0];
      if (shorter[k] == longer[j] || initial) {
        used.push_back(j);
        ++k;
      }
    }
    const bool surname_kept = !used.empty() && !is_initial(shorter.back()) &&
                              (used.back() == longer.size() - 1 || used.front() == 0);
    if (k == shorter.size() && surname_kept) {
      // Only patronymics left out: the full form of the same name ("Vladimir Vladimirovich Putin").
      bool only_patronymics = shorter.size() >= 2;
      for (std::size_t j = 0; j < longer.size(); ++j) {
        if (std::find(used.begin(), used.end(), j) != used.end()) continue;
        const std::string& p = longer[j];
        const bool patronymic = std::any_of(
            rules_.names.patronymic_endings.begin(), rules_.names.patronymic_endings.end(), [&](const std::string& e) {
              return p.size() > e.size() + 2 && p.compare(p.size() - e.size(), e.size(), e) == 0;
            });
        if (!patronymic) only_patronymics = false;
      }
      if (only_patronymics) return {name_verdict::variant, "patronymic left out"};
      return {name_verdict::partial, "a shorter form of the name"};
    }
  }

  // Initials in place of parts, as many parts on both sides ("V. Putin", "J. F. Kennedy" /
  // "John Fitzgerald Kennedy"): a shorter form, when a full part is shared.
  if (sa.size() == sb.size()) {
    bool all = true, shared_full = false;
    for (std::size_t k = 0; k < sa.size() && all; ++k) {
      if (sa[k] == sb[k]) {
        shared_full = shared_full || !is_initial(pa[k]);
        continue;
      }
      all = (is_initial(pa[k]) && !pb[k].empty() && pb[k][0] == pa[k][0]) ||
            (is_initial(pb[k]) && !pa[k].empty() && pa[k][0] == pb[k][0]);
    }
    if (all && shared_full) return {name_verdict::partial, "initials for some parts"};
  }

  // One slip in one long part, every other part equal.
  if (sa.size() == sb.size()) {
    std::size_t diff = 0, at = 0;
    for (std::size_t k = 0; k < sa.size(); ++k)
      if (sa[k] != sb[k]) {
        ++diff;
        at = k;
      }
    std::string what;
    if (diff == 1 && std::max(pa[at].size(), pb[at].size()) >= rules_.names.min_typo_length &&
        (within_one_edit(pa[at], pb[at], what) || within_one_edit(sa[at], sb[at], what)))
      return {name_verdict::likely_misspelling, fmt::format("{} in {}/{}", what, pa[at], pb[at])};
    // A doubled letter moved or added ("Gutteres" / "Guterres"): equal once doubles are single.
    auto single = [](std::string x) {
      x.erase(std::unique(x.begin(), x.end()), x.end());
      return x;
    };
    if (diff == 1 && std::max(pa[at].size(), pb[at].size()) >= rules_.names.min_typo_length &&
        single(sa[at]) == single(sb[at]))
      return {name_verdict::likely_misspelling, fmt::format("a doubled letter moved in {}/{}", pa[at], pb[at])};
  }
  const bool shared = std::any_of(sa.begin(), sa.end(), [&](const std::string& p) { return contains(sb, p); });
  return {name_verdict::different, shared ? "only part of the name is shared" : "no part of the name is shared"};
}

std::vector<std::string> name_matcher::blocking_keys(std::string_view name) const {
  const std::vector<std::string> raw = parts(name);
  std::vector<std::string> s;
  for (const auto& p : raw) s.push_back(skeleton(p));
  std::vector<std::string> keys;
  if (s.empty()) return keys;
  keys.push_back("J:" + joined(s));  // spacing and hyphenation
  auto sorted = s;
  std::sort(sorted.begin(), sorted.end());
  keys.push_back("O:" + joined(sorted, " "));  // order
  // Without patronymics: "Vladimir Vladimirovich Putin" meets "Vladimir Putin".
  std::vector<std::string> no_patronymic;
  std::vector<bool> is_patronymic(s.size(), false);
  for (std::size_t k = 0; k < s.size(); ++k) {
    const std::string& p = raw[k];
    const bool patronymic = k > 0 && k + 1 < s.size() &&
                            std::any_of(rules_.names.patronymic_endings.begin(), rules_.names.patronymic_endings.end(),
                                        [&](const std::string& e) {
                                          return p.size() > e.size() + 2 && p.compare(p.size() - e.size(), e.size(), e) == 0;
                                        });
    is_patronymic[k] = patronymic;
    if (!patronymic) no_patronymic.push_back(s[k]);
  }
  if (no_patronymic.size() != s.size()) keys.push_back("J:" + joined(no_patronymic));
  // A slip in one part: the name with that part missing one letter (either side's deletion
  // meets the other's for a changed, added, dropped or swapped letter). Both on the skeletons
  // and on the letters as written, since a slip can break a transliteration rewrite
  // ("Zelenksy": the swapped "ks" reads as an "x").
  auto slips = [&](const std::vector<std::string>& v0, char tag) {
    for (std::size_t k = 0; k < v0.size(); ++k) {
      // A patronymic may be left out altogether; a slip in one is not filed.
      if (v0[k].size() + 1 < rules_.names.min_typo_length || is_patronymic[k]) continue;
      std::vector<std::string> v = v0;
      keys.push_back(fmt::format("{}{}:{}", tag, k, joined(v, " ")));
      for (std::size_t d = 0; d < v0[k].size(); ++d) {
        v[k] = v0[k].substr(0, d) + v0[k].substr(d + 1);
        keys.push_back(fmt::format("{}{}:{}", tag, k, joined(v, " ")));
      }
    }
  };
  slips(s, 'D');
  slips(raw, 'D');  // the same tag: where the letters are their skeleton, the keys are one
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

role_value parse_role(std::string_view raw, const rule_set& rules) {
  const std::string text(raw);
  std::string low = detail::lower(raw);
  auto is_id = [&](std::string_view id) {
    return std::any_of(rules.people.roles.begin(), rules.people.roles.end(), [&](const role_entry& r) { return r.id == id; });
  };
  if (const auto at = low.find('@'); at != std::string::npos && is_id(std::string_view(low).substr(0, at)))
    return role_value{low.substr(0, at), text, low.substr(at + 1)};
  if (is_id(low)) return role_value{low, text, {}};
  // The longest title the words hold, on word boundaries; the words before it name the organisation.
  auto word_at = [&](std::size_t at, std::size_t len) {
    const bool left = at == 0 || low[at - 1] == ' ';
    const bool right = at + len == low.size() || low[at + len] == ' ' || low[at + len] == ',';
    return left && right;
  };
  const role_entry* best = nullptr;
  std::size_t best_at = 0, best_len = 0;
  for (const auto& r : rules.people.roles)
    for (const auto& t : r.titles)
      for (std::size_t at = low.find(t); at != std::string::npos; at = low.find(t, at + 1))
        if (t.size() > best_len && word_at(at, t.size())) {
          best = &r;
          best_at = at;
          best_len = t.size();
        }
  if (!best) return role_value{low, text, {}};
  std::string org = low.substr(0, best_at);
  while (!org.empty() && (org.back() == ' ' || org.back() == ',')) org.pop_back();
  for (const auto& o : rules.people.organisations)
    if (std::find(o.words.begin(), o.words.end(), org) != o.words.end()) org = o.id;
  return role_value{best->id, text, org};
}

}  // namespace crosscheck
