#include "reconcile/grouping.hpp"

#include <fmt/format.h>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/connected_components.hpp>
#include <array>
#include <cstdint>
#include <functional>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>

#include "reconcile/split_for.hpp"

namespace crosscheck::detail {

subject_parts split_subject(std::string_view s) noexcept {
  const auto at = s.rfind('@');
  if (at == std::string_view::npos) return {s, {}};
  return {s.substr(0, at), s.substr(at + 1)};
}

namespace {

// Two views of the same text: most often the very same bytes (shared strings), which need no
// comparing.
inline bool same_text(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && (a.data() == b.data() || a == b);
}

// Keys of views into the claims, hashed: grouping is linear in the claims, not N log N.
struct base_key {
  claim_kind kind;
  std::string_view attribute, base;
  friend bool operator==(const base_key& x, const base_key& y) noexcept {
    return x.kind == y.kind && same_text(x.attribute, y.attribute) && same_text(x.base, y.base);
  }
};
struct block_key {
  claim_kind kind;
  std::string_view attribute, base, occasion;
  std::size_t hash;  // of the four above, computed once (see text_hashes)
  friend bool operator==(const block_key& x, const block_key& y) noexcept {
    return x.hash == y.hash && x.kind == y.kind && same_text(x.attribute, y.attribute) && same_text(x.base, y.base) &&
           same_text(x.occasion, y.occasion);
  }
};
inline std::size_t mix(std::size_t h, std::size_t v) noexcept { return h ^ (v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2)); }
struct key_hash {
  std::size_t operator()(const base_key& k) const noexcept {
    const std::hash<std::string_view> h;
    return mix(mix(static_cast<std::size_t>(k.kind), h(k.attribute)), h(k.base));
  }
  std::size_t operator()(const block_key& k) const noexcept { return k.hash; }
};

// The hash of a text, remembered by where the text lies: the claims' texts are shared strings,
// so an attribute, a subject or an occasion is most often the very bytes of an earlier claim's
// (the same address and length are the same characters while the claims live). A small
// direct-mapped table; a miss hashes the characters.
class text_hashes {
 public:
  std::size_t operator()(std::string_view s) noexcept {
    if (s.empty()) return 0;  // whatever its address
    const auto addr = reinterpret_cast<std::uintptr_t>(s.data());
    entry& e = table_[((addr >> 3) ^ (addr >> 13) ^ s.size()) & (table_.size() - 1)];
    if (e.data != s.data() || e.size != s.size()) e = {s.data(), s.size(), std::hash<std::string_view>()(s)};
    return e.hash;
  }

 private:
  struct entry {
    const char* data = nullptr;
    std::size_t size = 0;
    std::size_t hash = 0;
  };
  std::array<entry, 256> table_{};
};

// The occasions a (kind, attribute, base) knows: one, or "several" (which is all that matters).
struct occasions_seen {
  std::string_view first;
  bool several = false;
};
using occasion_map = std::unordered_map<base_key, occasions_seen, key_hash>;

// The later of two occasions (years: the longer, then the greater); empty is the earliest.
bool later(std::string_view a, std::string_view b) noexcept {
  return !a.empty() && (b.empty() || a.size() > b.size() || (a.size() == b.size() && a > b));
}

// From this many claims, the blocking pass reads the claims in two halves on two threads.
constexpr std::size_t parallel_min_claims = 100000;

// The "same fact" graph: one vertex per claim, an edge each way for every pair joined below
// (32-bit indices: 12 bytes a claim at most, plus the edge list while it is built).
using fact_graph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                      boost::no_property, std::uint32_t, std::uint32_t>;

}  // namespace

std::vector<std::vector<std::size_t>> group_claims(const std::vector<claim>& claims,
                                                   const std::vector<std::string>& subjects) {
  const std::size_t n = claims.size();
  // Two edges per claim at most, counted in 32 bits.
  if (n >= (std::size_t{1} << 31))
    throw std::length_error(fmt::format("reconcile: {} claims is more than the 2^31 - 1 one call can group", n));
  auto parts_of = [&](std::size_t i) {
    return split_subject(i < subjects.size() && !subjects[i].empty() ? std::string_view(subjects[i])
                                                                    : std::string_view(claims[i].subject));
  };

  // Blocking: only claims with the same (kind, attribute, subject base, occasion) can be the
  // same fact. A claim with no occasion takes the only one its (kind, attribute, base) knows,
  // when that is the latest occasion of the run;
  // with several it cannot tell them apart and stays with the other claims that have none.
  // With many claims, both passes below read the two halves of the claims on two threads, each
  // with its own tables, and merge the second half's into the first's: the blocks are the same
  // (only their numbers differ, and nothing below depends on them).
  const unsigned parts = n >= parallel_min_claims && std::thread::hardware_concurrency() >= 2 ? 2 : 1;
  const std::size_t mid = n / 2;
  occasion_map occasions_of[2];
  std::string_view latest_of[2];  // each half's most recent occasion; the later is the news being reported
  split_for(n, mid, parts, [&](std::size_t from, std::size_t until, unsigned part) {
    occasion_map& occasions = occasions_of[part];
    std::string_view& latest = latest_of[part];
    for (std::size_t i = from; i < until; ++i)
      if (const claim& c = claims[i]; !c.occasion.empty()) {
        auto [it, inserted] = occasions.try_emplace(base_key{c.kind, c.attribute, parts_of(i).base});
        if (inserted) it->second.first = c.occasion;
        else if (it->second.first != c.occasion) it->second.several = true;
        if (later(c.occasion, latest)) latest = c.occasion;
      }
  });
  occasion_map& occasions = occasions_of[0];
  for (const auto& [key, seen] : occasions_of[1]) {
    auto [it, inserted] = occasions.try_emplace(key, seen);
    if (!inserted && (seen.several || it->second.first != seen.first)) it->second.several = true;
  }
  occasions_of[1] = {};
  const std::string_view latest = later(latest_of[1], latest_of[0]) ? latest_of[1] : latest_of[0];

  // Each claim's block; then the members of each block in claim order (a counting sort). A
  // claim with the key of the claim before it (claims of one fact often come in a row) skips
  // the hash table.
  using block_map = std::unordered_map<block_key, std::uint32_t, key_hash>;
  block_map blocks_of[2];
  std::vector<std::uint32_t> block(n);
  // Each claim's place, kept for the edges below: they visit the claims block by block, and
  // reading the place there again cost a cache miss on the claim and one on its subject.
  std::vector<std::string_view> place_of(n);
  split_for(n, mid, parts, [&](std::size_t from, std::size_t until, unsigned part) {
    block_map& block_of = blocks_of[part];
    block_of.reserve((until - from) / 4 + 16);
    block_key previous{};
    text_hashes hashes;
    for (std::size_t i = from; i < until; ++i) {
      const claim& c = claims[i];
      const subject_parts subject = parts_of(i);
      const std::string_view base = subject.base;
      place_of[i] = subject.place;
      std::string_view occasion = c.occasion;
      if (occasion.empty() && !occasions.empty()) {
        const auto it = occasions.find(base_key{c.kind, c.attribute, base});
        // ... and only when that one is the news of the day, never a past occasion: an undated
        // "arrived at 2:46 a.m." is not about the 2000 visit.
        if (it != occasions.end() && !it->second.several && it->second.first == latest) occasion = it->second.first;
      }
      const std::string_view attribute = c.attribute;
      const block_key key{c.kind, attribute, base, occasion,
                          mix(mix(mix(static_cast<std::size_t>(c.kind), hashes(attribute)), hashes(base)), hashes(occasion))};
      if (i > from && key == previous) {
        block[i] = block[i - 1];
        continue;
      }
      block[i] = block_of.try_emplace(key, static_cast<std::uint32_t>(block_of.size())).first->second;
      previous = key;
    }
  });
  // The second half's blocks take the first half's number where the first half has them.
  block_map& block_of = blocks_of[0];
  if (!blocks_of[1].empty()) {
    std::vector<std::uint32_t> number(blocks_of[1].size());
    for (const auto& [key, b] : blocks_of[1])
      number[b] = block_of.try_emplace(key, static_cast<std::uint32_t>(block_of.size())).first->second;
    blocks_of[1] = {};
    for (std::size_t i = mid; i < n; ++i) block[i] = number[block[i]];
  }
  const std::size_t n_blocks = block_of.size();
  block_of = {};
  std::vector<std::uint32_t> start(n_blocks + 1, 0);
  for (std::size_t i = 0; i < n; ++i) ++start[block[i] + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<std::uint32_t> members(n);
  {
    std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < n; ++i) members[fill[block[i]]++] = static_cast<std::uint32_t>(i);
  }
  block = {};

  // The "same fact" edges, inside each block: the claims of one place are joined (a star from
  // the first of them); claims with no place join them when the block knows a single place,
  // and stay apart when it knows several (they could be any of them, and joining all would
  // merge two events). Linear in the block's size; never all pairs.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  edges.reserve(2 * n);
  auto join = [&edges](std::uint32_t a, std::uint32_t b) {
    edges.emplace_back(a, b);
    edges.emplace_back(b, a);
  };
  constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
  std::unordered_map<std::string_view, std::uint32_t> first_of_place;
  std::vector<std::pair<std::string_view, std::uint32_t>> small_places;  // the same, for small blocks
  for (std::size_t b = 0; b < n_blocks; ++b) {
    const std::uint32_t* first = members.data() + start[b];
    const std::uint32_t* last = members.data() + start[b + 1];
    const bool small = last - first <= 32;
    std::uint32_t placeless = none;  // the first claim with no place, if any
    std::size_t place_count = 0;
    std::uint32_t a_place = none;
    if (small) small_places.clear();
    else first_of_place.clear();
    for (const std::uint32_t* p = first; p != last; ++p) {
      const std::uint32_t i = *p;
      const std::string_view place = place_of[i];
      if (place.empty()) {
        if (placeless == none) placeless = i;
        else join(placeless, i);
        continue;
      }
      std::uint32_t seen = none;
      if (small) {
        for (const auto& [pl, idx] : small_places)
          if (pl == place) {
            seen = idx;
            break;
          }
        if (seen == none) small_places.emplace_back(place, i);
      } else {
        auto [it, inserted] = first_of_place.emplace(place, i);
        if (!inserted) seen = it->second;
      }
      if (seen != none) join(seen, i);
      else if (++place_count == 1) a_place = i;
    }
    if (placeless != none && place_count == 1) join(placeless, a_place);
  }
  members = {};
  start = {};
  place_of = {};

  // Boost.Graph's connected components of the "same fact" graph. The depth-first search starts
  // from the vertices in order, so components are numbered in order of their first claim.
  std::vector<std::uint32_t> component(n);
  std::size_t n_groups = 0;
  {
    const fact_graph g(boost::edges_are_unsorted_multi_pass, edges.begin(), edges.end(), static_cast<std::uint32_t>(n));
    edges = {};
    n_groups = n ? boost::connected_components(g, component.data()) : 0;
  }

  // Groups in order of their first claim, each in claim order, each sized before it is filled.
  std::vector<std::size_t> sizes(n_groups, 0);
  for (std::size_t i = 0; i < n; ++i) ++sizes[component[i]];
  std::vector<std::vector<std::size_t>> groups(n_groups);
  for (std::size_t g = 0; g < n_groups; ++g) groups[g].reserve(sizes[g]);
  for (std::size_t i = 0; i < n; ++i) groups[component[i]].push_back(i);
  return groups;
}

}  // namespace crosscheck::detail
