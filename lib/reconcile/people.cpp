// Linking person claims and comparing names and roles. See reconcile/people.hpp.
#include "reconcile/people.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include "text/fold.hpp"

namespace crosscheck::detail {
namespace {

bool is_person_claim(const claim& c) {
  return (c.kind == claim_kind::person_name || c.kind == claim_kind::person_role) && c.subject.rfind("person:", 0) == 0;
}

// The full name a person claim is about: its subject key ("person:andrii sybiha"; the
// extractor resolves "Foreign Minister Sybiha" to the full name given earlier).
std::string_view full_name_key(const claim& c) { return std::string_view(c.subject).substr(7); }

// A key in words, for a person no claim writes in full: "andrii sybiha" -> "Andrii Sybiha".
std::string title_case(std::string s) {
  for (std::size_t k = 0; k < s.size(); ++k)
    if ((k == 0 || s[k - 1] == ' ') && s[k] >= 'a' && s[k] <= 'z') s[k] = static_cast<char>(s[k] - 'a' + 'A');
  return s;
}

struct union_find {
  std::vector<std::size_t> parent;
  explicit union_find(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), std::size_t{0}); }
  std::size_t find(std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void join(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

const role_entry* find_role(const rule_set& rules, std::string_view id) {
  for (const auto& r : rules.people.roles)
    if (r.id == id) return &r;
  return nullptr;
}

// Whether `general` is `specific` or one of its ancestors.
bool is_ancestor(const rule_set& rules, std::string_view general, std::string_view specific) {
  std::string_view id = specific;
  for (int depth = 0; depth < 16 && !id.empty(); ++depth) {
    if (id == general) return true;
    const role_entry* r = find_role(rules, id);
    if (!r) return false;
    id = r->parent;
  }
  return false;
}

std::string role_words(std::string_view id) {
  std::string s(id);
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

}  // namespace

people_links link_people(const std::vector<claim>& claims, const rule_set& rules, const name_matcher& m) {
  people_links out;
  // Distinct names, with how many claims use each and the roles they are given.
  std::vector<std::string> names;
  std::unordered_map<std::string, std::size_t> index;
  std::vector<std::size_t> uses;
  std::vector<std::set<std::string>> roles;
  std::vector<std::string> shown;  // the name as written in full by some claim; empty when none
  // (claim, its name) for the person claims, in claim order: most claims are of no person, and a
  // table with a place for every claim cost a page-faulted 8 bytes each on big inputs.
  std::vector<std::pair<std::size_t, std::size_t>> name_of;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const claim& c = claims[i];
    if (!is_person_claim(c)) continue;
    const std::string name(full_name_key(c));
    auto [it, inserted] = index.emplace(name, names.size());
    if (inserted) {
      names.push_back(name);
      uses.push_back(0);
      roles.emplace_back();
      shown.emplace_back();
    }
    // The name as a claim writes it in full, for reports.
    if (const auto* pn = std::get_if<person_name>(&c.val); pn && shown[it->second].empty() && pn->key == name)
      shown[it->second] = pn->text;
    name_of.emplace_back(i, it->second);
    ++uses[it->second];
    if (c.kind == claim_kind::person_role && c.attribute == "role")
      if (const auto* r = std::get_if<role_value>(&c.val)) roles[it->second].insert(r->role.str());
  }
  if (names.empty()) return out;
  out.subject.resize(claims.size());

  // Known people, filed under the same keys.
  std::unordered_map<std::string, std::vector<std::size_t>> known_buckets;
  for (std::size_t k = 0; k < rules.people.known.size(); ++k) {
    std::vector<std::string> forms = rules.people.known[k].aliases;
    forms.push_back(rules.people.known[k].name);
    for (const auto& f : forms)
      for (auto& key : m.blocking_keys(f)) known_buckets[std::move(key)].push_back(k);
  }

  // File every name under its blocking keys; compare only the names that share one.
  std::unordered_map<std::string, std::vector<std::size_t>> buckets;
  for (std::size_t n = 0; n < names.size(); ++n)
    for (auto& k : m.blocking_keys(names[n])) buckets[std::move(k)].push_back(n);
  union_find uf(names.size());
  std::set<std::pair<std::size_t, std::size_t>> compared;
  for (const auto& [key, members] : buckets)
    for (std::size_t x = 0; x < members.size(); ++x)
      for (std::size_t y = x + 1; y < members.size(); ++y) {
        const std::size_t a = members[x], b = members[y];
        if (uf.find(a) == uf.find(b) || !compared.emplace(std::min(a, b), std::max(a, b)).second) continue;
        const name_match v = m.match(names[a], names[b]);
        bool same_role = false;
        for (const auto& r : roles[a]) same_role = same_role || roles[b].count(r) > 0;
        if (v.verdict == name_verdict::same || v.verdict == name_verdict::variant ||
            (v.verdict == name_verdict::likely_misspelling && same_role))
          uf.join(a, b);
      }

  // The canonical spelling of each person: a known person's name when one of the names is it
  // (or a variant of it), else the most used spelling.
  // A name one slip from a known person's, given a role that person held, is that person (the
  // rules find the slip; the list only says who held the role).
  std::vector<std::size_t> slip_of(names.size(), static_cast<std::size_t>(-1));
  for (std::size_t n = 0; n < names.size(); ++n) {
    if (roles[n].empty()) continue;
    for (const auto& key : m.blocking_keys(names[n])) {
      auto it = known_buckets.find(key);
      if (it == known_buckets.end()) continue;
      for (std::size_t k : it->second) {
        const known_person& kp = rules.people.known[k];
        const bool held = std::any_of(kp.roles.begin(), kp.roles.end(),
                                      [&](const known_person::held_role& h) { return roles[n].count(h.role) > 0; });
        if (held && m.match(names[n], kp.name).verdict == name_verdict::likely_misspelling) {
          slip_of[n] = k;
          break;
        }
      }
      if (slip_of[n] != static_cast<std::size_t>(-1)) break;
    }
  }

  std::vector<std::string> canonical(names.size());
  std::vector<bool> from_gazetteer(names.size(), false);
  std::vector<std::size_t> best_of(names.size(), static_cast<std::size_t>(-1));  // by root: the most used name
  for (std::size_t n = 0; n < names.size(); ++n) {
    const std::size_t root = uf.find(n);
    if (from_gazetteer[root]) continue;
    for (const auto& key : m.blocking_keys(names[n])) {
      auto it = known_buckets.find(key);
      if (it == known_buckets.end()) continue;
      for (std::size_t k : it->second) {
        const known_person& kp = rules.people.known[k];
        auto is_form = [&](const std::string& form) {
          const auto v = m.match(names[n], form).verdict;
          return v == name_verdict::same || v == name_verdict::variant;
        };
        const bool hit = is_form(kp.name) || std::any_of(kp.aliases.begin(), kp.aliases.end(), is_form);
        if (hit) {
          canonical[root] = kp.name;
          from_gazetteer[root] = true;
          break;
        }
      }
      if (from_gazetteer[root]) break;
    }
    if (!from_gazetteer[root] && slip_of[n] != static_cast<std::size_t>(-1)) {
      canonical[root] = rules.people.known[slip_of[n]].name;
      from_gazetteer[root] = true;
    }
    if (from_gazetteer[root]) continue;
    if (best_of[root] == static_cast<std::size_t>(-1) || uses[n] > uses[best_of[root]]) best_of[root] = n;
  }
  for (std::size_t n = 0; n < names.size(); ++n)
    if (const std::size_t b = best_of[n]; b != static_cast<std::size_t>(-1) && !from_gazetteer[n])
      canonical[n] = shown[b].empty() ? title_case(names[b]) : shown[b];
  for (const auto& [i, name] : name_of) {
    const std::size_t root = uf.find(name);
    std::string subject = "person:" + fold_name(canonical[root]);
    out.canonical.emplace(subject, canonical[root]);
    if (from_gazetteer[root]) out.known.insert(subject);
    const claim& c = claims[i];
    if (c.kind == claim_kind::person_role && c.attribute == "role")
      if (const auto* r = std::get_if<role_value>(&c.val))
        // Only with a named organisation: two "Defense Minister"s of unnamed countries may be two jobs.
        if (const role_entry* re = find_role(rules, r->role); re && re->unique && !r->organisation.empty())
          out.holders[{r->role.str(), r->organisation.str()}].insert(subject);
    out.subject[i] = std::move(subject);
  }
  return out;
}

agreement compare_people(const value& a, const value& b, const std::string& subject, const people_links& links,
                         const rule_set& rules, const name_matcher& m, std::string* note) {
  if (const auto* na = std::get_if<person_name>(&a)) {
    const auto* nb = std::get_if<person_name>(&b);
    if (!nb) return agreement::incomparable;
    switch (m.match(na->text, nb->text).verdict) {
      case name_verdict::same: return agreement::same;
      case name_verdict::variant:
      case name_verdict::partial: return agreement::compatible;
      case name_verdict::likely_misspelling:
      case name_verdict::different: return agreement::conflict;
    }
    return agreement::conflict;
  }
  const auto* ra = std::get_if<role_value>(&a);
  const auto* rb = std::get_if<role_value>(&b);
  if (!ra || !rb) return compare(a, b);
  if (ra->role == rb->role) return agreement::same;
  if (is_ancestor(rules, ra->role, rb->role) || is_ancestor(rules, rb->role, ra->role)) return agreement::compatible;
  const role_entry* ea = find_role(rules, ra->role);
  const role_entry* eb = find_role(rules, rb->role);
  auto excludes = [](const role_entry* x, const role_entry* y) {
    return x && y && std::find(x->exclusive_with.begin(), x->exclusive_with.end(), y->id) != x->exclusive_with.end();
  };
  if (excludes(ea, eb) || excludes(eb, ea)) {
    if (note) *note = fmt::format("nobody is {} and {} at once", role_words(ra->role), role_words(rb->role));
    return agreement::conflict;
  }
  // A unique role the corpus gives to someone else: this person's claim to it is the odd one.
  for (const role_value* r : {ra, rb}) {
    const role_entry* e = r == ra ? ea : eb;
    if (!e || !e->unique) continue;
    auto it = links.holders.find({r->role.str(), r->organisation.str()});
    if (it == links.holders.end()) continue;
    for (const auto& other : it->second) {
      if (other == subject) continue;
      if (note) {
        auto c = links.canonical.find(other);
        *note = fmt::format("the same articles give the role {}{} to {}", role_words(r->role),
                            r->organisation.empty() ? std::string() : " (" + r->organisation + ")",
                            c != links.canonical.end() ? c->second : other);
      }
      return agreement::conflict;
    }
  }
  return agreement::compatible;  // a person holds several roles
}

}  // namespace crosscheck::detail
