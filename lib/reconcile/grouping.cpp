#include "reconcile/grouping.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>

namespace crosscheck::detail {

subject_parts split_subject(std::string_view s) noexcept {
  const auto at = s.rfind('@');
  if (at == std::string_view::npos) return {s, {}};
  return {s.substr(0, at), s.substr(at + 1)};
}

std::vector<std::vector<std::size_t>> group_claims(const std::vector<claim>& claims,
                                                   const std::vector<std::string>& subjects) {
  auto subject_of = [&](std::size_t i) -> std::string_view {
    return i < subjects.size() && !subjects[i].empty() ? std::string_view(subjects[i]) : std::string_view(claims[i].subject);
  };
  using graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  graph g(claims.size());

  // Blocking: only claims with the same (kind, attribute, subject base, occasion) can be the
  // same fact. A claim with no occasion takes the only one its (kind, attribute, base) knows,
  // when that is the latest occasion of the run;
  // with several it cannot tell them apart and stays with the other claims that have none.
  using base_key = std::tuple<claim_kind, std::string_view, std::string_view>;
  std::map<base_key, std::set<std::string_view>> occasions;
  std::string_view latest;  // the most recent occasion of all: the news being reported
  for (std::size_t i = 0; i < claims.size(); ++i)
    if (const claim& c = claims[i]; !c.occasion.empty()) {
      occasions[{c.kind, c.attribute, split_subject(subject_of(i)).base}].insert(c.occasion);
      if (latest.empty() || c.occasion.size() > latest.size() || (c.occasion.size() == latest.size() && c.occasion > latest))
        latest = c.occasion;
    }
  using block_key = std::tuple<claim_kind, std::string_view, std::string_view, std::string_view>;
  std::map<block_key, std::vector<std::size_t>> blocks;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const claim& c = claims[i];
    const auto base = split_subject(subject_of(i)).base;
    std::string_view occasion = c.occasion;
    if (occasion.empty()) {
      const auto it = occasions.find({c.kind, c.attribute, base});
      // ... and only when that one is the news of the day, never a past occasion: an undated
      // "arrived at 2:46 a.m." is not about the 2000 visit.
      if (it != occasions.end() && it->second.size() == 1 && *it->second.begin() == latest) occasion = *it->second.begin();
    }
    blocks[{c.kind, c.attribute, base, occasion}].push_back(i);
  }
  // Inside a block: the claims of one place are joined; claims with no place join them when the
  // block knows a single place, and stay apart when it knows several (they could be any of
  // them, and joining all would merge two events). Linear in the block's size.
  for (const auto& [key, members] : blocks) {
    std::map<std::string_view, std::size_t> first_of_place;
    std::vector<std::size_t> placeless;
    for (std::size_t i : members) {
      const auto place = split_subject(subject_of(i)).place;
      if (place.empty()) {
        placeless.push_back(i);
        continue;
      }
      auto [it, inserted] = first_of_place.emplace(place, i);
      if (!inserted) boost::add_edge(it->second, i, g);
    }
    for (std::size_t k = 1; k < placeless.size(); ++k) boost::add_edge(placeless[0], placeless[k], g);
    if (!placeless.empty() && first_of_place.size() == 1)
      boost::add_edge(placeless[0], first_of_place.begin()->second, g);
  }

  std::vector<std::size_t> component(claims.size());
  const std::size_t n = claims.empty() ? 0 : static_cast<std::size_t>(boost::connected_components(g, component.data()));
  std::vector<std::vector<std::size_t>> groups(n);
  for (std::size_t i = 0; i < claims.size(); ++i) groups[component[i]].push_back(i);
  std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return a.front() < b.front(); });
  return groups;
}

}  // namespace crosscheck::detail
