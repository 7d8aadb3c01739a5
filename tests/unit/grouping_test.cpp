// Grouping over many claims (enough for the blocking pass to read two halves on two threads):
// the slots are those of the rules in grouping.hpp, worked out here the plain way (one map per
// block, a union-find), with occasions and places that appear in only one half of the claims.
#include <catch2/catch.hpp>
#include <crosscheck/crosscheck.hpp>

#include <fmt/format.h>

#include <map>
#include <numeric>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "reconcile/grouping.hpp"

using namespace crosscheck;

namespace {

struct union_find {
  std::vector<std::size_t> parent;
  explicit union_find(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), std::size_t{0}); }
  std::size_t root(std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }
  void join(std::size_t a, std::size_t b) { parent[root(a)] = root(b); }
};

bool later(const std::string& a, const std::string& b) {
  return !a.empty() && (b.empty() || a.size() > b.size() || (a.size() == b.size() && a > b));
}

// The documented rules, one claim at a time.
std::vector<std::vector<std::size_t>> reference_groups(const std::vector<claim>& claims) {
  using base_key = std::tuple<int, std::string, std::string>;
  auto base_of = [](const claim& c) {
    const std::string s = c.subject.str();
    return s.substr(0, std::min(s.size(), s.rfind('@')));
  };
  auto place_of = [](const claim& c) {
    const std::string s = c.subject.str();
    const auto at = s.rfind('@');
    return at == std::string::npos ? std::string() : s.substr(at + 1);
  };
  std::map<base_key, std::set<std::string>> occasions;
  std::string latest;
  for (const claim& c : claims) {
    if (c.occasion.empty()) continue;
    occasions[{static_cast<int>(c.kind), c.attribute.str(), base_of(c)}].insert(c.occasion.str());
    if (later(c.occasion.str(), latest)) latest = c.occasion.str();
  }
  // block -> place -> claims ("" for no place)
  std::map<std::tuple<int, std::string, std::string, std::string>, std::map<std::string, std::vector<std::size_t>>> blocks;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const claim& c = claims[i];
    std::string occasion = c.occasion.str();
    if (occasion.empty()) {
      const auto it = occasions.find({static_cast<int>(c.kind), c.attribute.str(), base_of(c)});
      if (it != occasions.end() && it->second.size() == 1 && *it->second.begin() == latest) occasion = latest;
    }
    blocks[{static_cast<int>(c.kind), c.attribute.str(), base_of(c), occasion}][place_of(c)].push_back(i);
  }
  union_find uf(claims.size());
  for (const auto& [key, places] : blocks) {
    for (const auto& [place, members] : places)
      for (std::size_t m : members) uf.join(m, members.front());
    const bool has_placeless = places.count("") > 0;
    if (has_placeless && places.size() == 2) uf.join(places.at("").front(), std::next(places.begin())->second.front());
  }
  std::map<std::size_t, std::size_t> group_of_root;  // root -> group, in order of first claim
  std::vector<std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const auto [it, inserted] = group_of_root.emplace(uf.root(i), groups.size());
    if (inserted) groups.emplace_back();
    groups[it->second].push_back(i);
  }
  return groups;
}
// 120,000 claims of about 3,000 events: times and dates, with a place or none, with an occasion
// or none; the second half alone has some places, events of its own and the latest occasion
// ("2025"), which with `latest_in_both` a few events also have in the first half, beside
// another occasion in the second.
std::vector<claim> many_claims(bool latest_in_both) {
  const std::size_t n = 120000;
  std::vector<claim> claims(n);
  std::uint64_t state = 12345;
  auto next = [&state](std::uint64_t below) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return (state >> 33) % below;
  };
  for (std::size_t i = 0; i < n; ++i) {
    claim& c = claims[i];
    const bool second_half = i >= n / 2;
    const std::uint64_t event = next(second_half ? 3000 : 2500);
    c.kind = next(4) == 0 ? claim_kind::date : claim_kind::time_of_day;
    c.attribute = c.kind == claim_kind::date ? "date" : "time";
    const std::uint64_t place = next(second_half ? 6 : 4);  // 0: no place
    c.subject = place == 0 ? fmt::format("arrival:actor{}", event) : fmt::format("arrival:actor{}@place{}", event, place % 3);
    const std::uint64_t draw = next(event % 5 == 0 ? 8 : 4);
    if (latest_in_both && event % 55 == 0) {
      if (draw == 0) c.occasion = second_half ? "2000" : "2025";  // several occasions, across the halves
    } else if (draw == 0) {
      c.occasion = "2024";
    } else if (draw == 1 && event % 7 == 0) {
      c.occasion = "2000";
    } else if (draw == 2 && second_half && event % 3 == 0) {
      c.occasion = "2025";  // the latest, for events the first half knows with no occasion
    }
    c.val = clock_time::at(static_cast<int>(next(24)), static_cast<int>(next(60)));
    c.id = fmt::format("c{}", i);
  }
  return claims;
}

}  // namespace

TEST_CASE("grouping: many claims give the slots of the rules", "[grouping][reconcile]") {
  for (const bool latest_in_both : {false, true}) {
    INFO("latest occasion in both halves: " << latest_in_both);
    const std::vector<claim> claims = many_claims(latest_in_both);
    const auto groups = detail::group_claims(claims);
    const auto expected = reference_groups(claims);
    REQUIRE(groups.size() == expected.size());
    std::size_t first_difference = groups.size();
    for (std::size_t g = 0; g < groups.size() && first_difference == groups.size(); ++g)
      if (groups[g] != expected[g]) first_difference = g;
    CHECK(first_difference == groups.size());
    // The input means something: placeless claims joined to a place, and slots of one claim.
    std::size_t singles = 0, mixed = 0;
    for (const auto& g : groups) {
      if (g.size() == 1) ++singles;
      bool with_place = false, without = false;
      for (std::size_t i : g) (claims[i].subject.str().find('@') == std::string::npos ? without : with_place) = true;
      if (with_place && without) ++mixed;
    }
    CHECK(singles > 0);
    CHECK(mixed > 0);
  }
}
