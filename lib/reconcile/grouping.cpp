#include "reconcile/grouping.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <numeric>
#include <string>
#include <unordered_map>

namespace crosscheck::detail {

subject_parts split_subject(std::string_view s) noexcept {
  const auto at = s.rfind('@');
  if (at == std::string_view::npos) return {s, {}};
  return {s.substr(0, at), s.substr(at + 1)};
}

namespace {

// Keys of views into the claims, hashed: grouping is linear in the claims, not N log N.
struct base_key {
  claim_kind kind;
  std::string_view attribute, base;
  friend bool operator==(const base_key&, const base_key&) = default;
};
struct block_key {
  claim_kind kind;
  std::string_view attribute, base, occasion;
  friend bool operator==(const block_key&, const block_key&) = default;
};
inline std::size_t mix(std::size_t h, std::size_t v) noexcept { return h ^ (v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2)); }
struct key_hash {
  std::size_t operator()(const base_key& k) const noexcept {
    const std::hash<std::string_view> h;
    return mix(mix(static_cast<std::size_t>(k.kind), h(k.attribute)), h(k.base));
  }
  std::size_t operator()(const block_key& k) const noexcept {
    const std::hash<std::string_view> h;
    return mix(mix(mix(static_cast<std::size_t>(k.kind), h(k.attribute)), h(k.base)), h(k.occasion));
  }
};

// The occasions a (kind, attribute, base) knows: one, or "several" (which is all that matters).
struct occasions_seen {
  std::string_view first;
  bool several = false;
};

// Union-find over claim indices, with path halving.
struct disjoint_sets {
  std::vector<std::size_t> parent;
  explicit disjoint_sets(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), std::size_t{0}); }
  std::size_t find(std::size_t x) noexcept {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void join(std::size_t a, std::size_t b) noexcept {
    a = find(a);
    b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

}  // namespace

std::vector<std::vector<std::size_t>> group_claims(const std::vector<claim>& claims,
                                                   const std::vector<std::string>& subjects) {
  auto subject_of = [&](std::size_t i) -> std::string_view {
    return i < subjects.size() && !subjects[i].empty() ? std::string_view(subjects[i]) : std::string_view(claims[i].subject);
  };
  const std::size_t n = claims.size();
  std::vector<std::string_view> bases(n), places(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto parts = split_subject(subject_of(i));
    bases[i] = parts.base;
    places[i] = parts.place;
  }

  // Blocking: only claims with the same (kind, attribute, subject base, occasion) can be the
  // same fact. A claim with no occasion takes the only one its (kind, attribute, base) knows,
  // when that is the latest occasion of the run;
  // with several it cannot tell them apart and stays with the other claims that have none.
  std::unordered_map<base_key, occasions_seen, key_hash> occasions;
  std::string_view latest;  // the most recent occasion of all: the news being reported
  for (std::size_t i = 0; i < n; ++i)
    if (const claim& c = claims[i]; !c.occasion.empty()) {
      auto [it, inserted] = occasions.try_emplace(base_key{c.kind, c.attribute, bases[i]});
      if (inserted) it->second.first = c.occasion;
      else if (it->second.first != c.occasion) it->second.several = true;
      if (latest.empty() || c.occasion.size() > latest.size() || (c.occasion.size() == latest.size() && c.occasion > latest))
        latest = c.occasion;
    }
  // Each claim's block, numbered in order of first appearance; then the members of each block
  // in claim order (a counting sort).
  std::unordered_map<block_key, std::uint32_t, key_hash> block_of;
  block_of.reserve(n / 4 + 16);
  std::vector<std::uint32_t> block(n);
  for (std::size_t i = 0; i < n; ++i) {
    const claim& c = claims[i];
    std::string_view occasion = c.occasion;
    if (occasion.empty() && !occasions.empty()) {
      const auto it = occasions.find(base_key{c.kind, c.attribute, bases[i]});
      // ... and only when that one is the news of the day, never a past occasion: an undated
      // "arrived at 2:46 a.m." is not about the 2000 visit.
      if (it != occasions.end() && !it->second.several && it->second.first == latest) occasion = it->second.first;
    }
    block[i] = block_of.try_emplace(block_key{c.kind, c.attribute, bases[i], occasion}, static_cast<std::uint32_t>(block_of.size()))
                   .first->second;
  }
  const std::size_t n_blocks = block_of.size();
  block_of = {};
  std::vector<std::size_t> start(n_blocks + 1, 0);
  for (std::size_t i = 0; i < n; ++i) ++start[block[i] + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<std::size_t> members(n);
  {
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < n; ++i) members[fill[block[i]]++] = i;
  }

  // Inside a block: the claims of one place are joined; claims with no place join them when the
  // block knows a single place, and stay apart when it knows several (they could be any of
  // them, and joining all would merge two events). Linear in the block's size.
  disjoint_sets sets(n);
  std::unordered_map<std::string_view, std::size_t> first_of_place;
  std::vector<std::pair<std::string_view, std::size_t>> small_places;  // the same, for small blocks
  for (std::size_t b = 0; b < n_blocks; ++b) {
    const std::size_t* first = members.data() + start[b];
    const std::size_t* last = members.data() + start[b + 1];
    const bool small = last - first <= 32;
    std::size_t placeless = n;  // the first claim with no place, if any
    std::size_t place_count = 0, a_place = n;
    if (small) small_places.clear();
    else first_of_place.clear();
    for (const std::size_t* p = first; p != last; ++p) {
      const std::size_t i = *p;
      const std::string_view place = places[i];
      if (place.empty()) {
        if (placeless == n) placeless = i;
        else sets.join(placeless, i);
        continue;
      }
      std::size_t seen = n;
      if (small) {
        for (const auto& [pl, idx] : small_places)
          if (pl == place) {
            seen = idx;
            break;
          }
        if (seen == n) small_places.emplace_back(place, i);
      } else {
        auto [it, inserted] = first_of_place.emplace(place, i);
        if (!inserted) seen = it->second;
      }
      if (seen != n) sets.join(seen, i);
      else if (++place_count == 1) a_place = i;
    }
    if (placeless != n && place_count == 1) sets.join(placeless, a_place);
  }

  // Groups in order of their first claim, each in claim order, each sized before it is filled.
  std::vector<std::size_t>& group_of = members;  // reused: the blocks are done with
  std::fill(group_of.begin(), group_of.end(), n);
  std::vector<std::size_t> sizes;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t root = sets.find(i);
    if (group_of[root] == n) {
      group_of[root] = sizes.size();
      sizes.push_back(0);
    }
    ++sizes[group_of[root]];
  }
  std::vector<std::vector<std::size_t>> groups(sizes.size());
  for (std::size_t g = 0; g < groups.size(); ++g) groups[g].reserve(sizes[g]);
  for (std::size_t i = 0; i < n; ++i) groups[group_of[sets.find(i)]].push_back(i);
  return groups;
}

}  // namespace crosscheck::detail
