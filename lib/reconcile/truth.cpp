// The best supported value of every slot: weighted vote, or Accu-style truth discovery with
// value similarity and copy dampening (see crosscheck/truth.hpp).
#include "crosscheck/truth.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include "model/timing.hpp"
#include "reconcile/claim_prefetch.hpp"
#include "reconcile/split_for.hpp"
#include "reconcile/weights.hpp"

namespace crosscheck {

std::string_view to_string(best_value_mode m) noexcept {
  switch (m) {
    case best_value_mode::vote: return "vote";
    case best_value_mode::truth_discovery: return "truth-discovery";
  }
  return "?";
}

bool parse_best_value_mode(std::string_view s, best_value_mode& out) noexcept {
  if (s == "vote") {
    out = best_value_mode::vote;
    return true;
  }
  if (s == "truth-discovery" || s == "truth_discovery") {
    out = best_value_mode::truth_discovery;
    return true;
  }
  return false;
}

double prior_reliability(const rule_set& rules, std::string_view source) noexcept {
  const auto it = rules.source_reliability.find(source);
  return it != rules.source_reliability.end() ? it->second : rules.default_reliability;
}

namespace {


// One source's vote for one value: the best attribution and precision it gives it. 8 bytes, as
// the rounds read every vote: the factor is one of a few (attribution times precision), so a vote
// names its factor and its accuracy by one index, `weight`, into a table of factor x accuracy.
struct vote {
  std::uint32_t weight = 0;  // factor * accuracies + accuracy; accuracy = source * attributes + attribute
  std::uint32_t source = 0;
};

struct candidate {
  std::size_t slot = 0;    // index into the slots given
  std::size_t claim = 0;   // the first claim stating it
  std::string key;         // comparison key of the value + modality
};

// True when two values certainly write the same candidate key: equal clock times or dates
// (every field is an integer or a text, and the key is written from the fields), or labels and
// names with the same folded key. False decides nothing: the keys are then compared as texts.
// (Values with a double, or of other kinds, always go to the texts: 0.0 == -0.0.)
bool same_key(const value& a, const value& b) {
  if (a.index() != b.index()) return false;
  if (const auto* t = std::get_if<clock_time>(&a)) return *t == std::get<clock_time>(b);
  if (const auto* d = std::get_if<date_value>(&a)) return *d == std::get<date_value>(b);
  if (const auto* t = std::get_if<text_value>(&a)) return t->key == std::get<text_value>(b).key;
  if (const auto* p = std::get_if<person_name>(&a)) return p->key == std::get<person_name>(b).key;
  return false;
}

// Sources as small integers, numbered in order of first appearance. A name is most often the
// very bytes of an earlier claim's (the claims' texts are shared strings), so its id is first
// looked up by where the name lies, in a small direct-mapped table, before the hash map.
class source_ids {
 public:
  std::uint32_t operator()(std::string_view name) {
    if (name.empty()) return by_name(name);
    const auto addr = reinterpret_cast<std::uintptr_t>(name.data());
    entry& e = recent_[((addr >> 3) ^ (addr >> 11) ^ name.size()) & (recent_.size() - 1)];
    if (e.data != name.data() || e.size != name.size()) e = {name.data(), name.size(), by_name(name)};
    return e.id;
  }
  std::vector<std::string>& names() { return names_; }

 private:
  std::uint32_t by_name(std::string_view name) {
    // find before emplace: emplace makes a node even for a source it already has
    auto it = id_.find(name);
    if (it == id_.end()) {
      it = id_.emplace(name, static_cast<std::uint32_t>(names_.size())).first;  // views the claim, which outlives the call
      names_.emplace_back(name);
    }
    return it->second;
  }
  struct entry {
    const char* data = nullptr;
    std::size_t size = 0;
    std::uint32_t id = 0;
  };
  std::array<entry, 64> recent_{};
  std::unordered_map<std::string_view, std::uint32_t> id_;
  std::vector<std::string> names_;
};

struct similar_pair {
  std::uint32_t a = 0, b = 0;  // candidate indices
  double sim = 0;
};

// How much a value near `a` supports `a`: 1 when compatible, for clock times a share that falls
// linearly to 0 at `minutes` apart, 0 otherwise.
double similarity(const value& a, const value& b, int minutes) {
  const agreement g = compare(a, b);
  if (g == agreement::same || g == agreement::compatible) return 1.0;
  if (g != agreement::conflict || minutes <= 0) return 0.0;
  const auto* ta = std::get_if<clock_time>(&a);
  const auto* tb = std::get_if<clock_time>(&b);
  if (!ta || !tb) return 0.0;
  if (ta->prec != clock_time::precision::minute || tb->prec != clock_time::precision::minute) return 0.0;
  int x = ta->begin, y = tb->begin;
  if (ta->zone && tb->zone) {
    x -= ta->zone->minutes;
    y -= tb->zone->minutes;
  }
  int d = ((x - y) % 1440 + 1440) % 1440;
  d = std::min(d, 1440 - d);
  return d >= minutes ? 0.0 : 1.0 - static_cast<double>(d) / minutes;
}

// From this many candidate values, truth discovery's rounds use two threads.
constexpr std::size_t parallel_min_values = 100000;

// Where to cut [0, n) so that both parts hold about half of the items, when range i holds the
// items [at[i], at[i + 1]) (`at` has n + 1 offsets).
std::size_t half_of(const std::vector<std::uint32_t>& at) {
  const std::size_t n = at.size() - 1;
  return static_cast<std::size_t>(std::lower_bound(at.begin(), at.end() - 1, at[n] / 2) - at.begin());
}

// Counts or probabilities per unordered pair of sources: dense up to 2048 sources, else hashed.
class pair_table {
 public:
  explicit pair_table(std::size_t n) : n_(n) {
    if (n <= 2048) dense_.assign(n * n, 0.0f);
  }
  float get(std::uint32_t a, std::uint32_t b) const {
    if (!dense_.empty()) return dense_[index(a, b)];
    const auto it = sparse_.find(key(a, b));
    return it == sparse_.end() ? 0.0f : it->second;
  }
  void add(std::uint32_t a, std::uint32_t b, float x) {
    if (!dense_.empty()) dense_[index(a, b)] += x;
    else sparse_[key(a, b)] += x;
  }
  void set(std::uint32_t a, std::uint32_t b, float x) {
    if (!dense_.empty()) dense_[index(a, b)] = x;
    else if (x != 0.0f) sparse_[key(a, b)] = x;
    else sparse_.erase(key(a, b));
  }
  void clear() {
    std::fill(dense_.begin(), dense_.end(), 0.0f);
    sparse_.clear();
  }
  // f(a, b, x) for every pair with a non-zero entry, a < b.
  template <class F>
  void for_each(F f) const {
    if (!dense_.empty()) {
      for (std::uint32_t a = 0; a < n_; ++a)
        for (std::uint32_t b = a + 1; b < n_; ++b)
          if (dense_[a * n_ + b] != 0.0f) f(a, b, dense_[a * n_ + b]);
      return;
    }
    for (const auto& [k, x] : sparse_) f(static_cast<std::uint32_t>(k >> 32), static_cast<std::uint32_t>(k & 0xffffffffu), x);
  }

 private:
  std::size_t index(std::uint32_t a, std::uint32_t b) const { return a < b ? a * n_ + b : b * n_ + a; }
  static std::uint64_t key(std::uint32_t a, std::uint32_t b) {
    return a < b ? (std::uint64_t{a} << 32 | b) : (std::uint64_t{b} << 32 | a);
  }
  std::size_t n_;
  std::vector<float> dense_;
  std::unordered_map<std::uint64_t, float> sparse_;
};

}  // namespace

truth_result discover_truth(const std::vector<claim>& claims, const std::vector<slot>& slots, const rule_set& rules,
                            const truth_options& opts) {
  detail::phase_timer timer("truth");
  truth_result out;
  out.mode = opts.mode;

  // Attributes as small integers, numbered in order of first appearance.
  std::vector<std::string> attribute_names;
  std::unordered_map<std::string_view, std::uint32_t> attribute_id;
  std::vector<std::uint32_t> slot_attribute(slots.size());
  for (std::size_t si = 0; si < slots.size(); ++si) {
    auto [it, inserted] = attribute_id.emplace(slots[si].attribute, static_cast<std::uint32_t>(attribute_names.size()));
    if (inserted) attribute_names.push_back(slots[si].attribute);
    slot_attribute[si] = it->second;
  }
  const std::size_t n_attributes = std::max<std::size_t>(attribute_names.size(), 1);

  // Candidate values and their votes, slot by slot: candidate ci has the votes
  // [vote_at[ci], vote_at[ci + 1]), by source; slot si has the candidates [slot_begin[si], slot_begin[si + 1]).
  std::vector<candidate> cands;
  std::vector<vote> votes;
  std::vector<std::uint32_t> vote_at;
  std::vector<std::uint32_t> slot_begin(slots.size() + 1, 0);
  std::vector<double> factors;  // the distinct factors of the votes
  source_ids source_id;
  {
    std::unordered_map<std::string, std::uint32_t> by_key;  // a slot's candidates, when it has many
    std::string key;  // the claim's candidate key
    struct raw_vote {
      std::uint32_t cand, source;
      double factor;
    };
    std::vector<raw_vote> raw;  // a slot's votes, one per claim
    for (std::size_t si = 0; si < slots.size(); ++si) {
      slot_begin[si] = static_cast<std::uint32_t>(cands.size());
      const std::size_t first_cand = cands.size();
      if (si + 1 < slots.size())
        for (std::size_t i : slots[si + 1].claims) detail::prefetch_claim(claims[i]);
      by_key.clear();
      raw.clear();
      for (std::size_t i : slots[si].claims) {
        const claim& c = claims[i];
        if (c.mod == modality::denied) continue;
        // A slot has a few candidates: a list to search, and a hash map only when there are many.
        // In the list, a value equal to a candidate's needs no key written (see same_key).
        std::uint32_t ci = static_cast<std::uint32_t>(cands.size());
        const bool few = cands.size() - first_cand <= 16;
        if (few)
          for (std::size_t k = first_cand; k < cands.size(); ++k)
            if (claims[cands[k].claim].mod == c.mod && same_key(claims[cands[k].claim].val, c.val)) {
              ci = static_cast<std::uint32_t>(k);
              break;
            }
        if (ci == cands.size()) {
          // Labels and names that differ only in case or spacing are one candidate. The key is
          // written into one buffer, and copied only for a new candidate.
          key.clear();
          if (const auto* t = std::get_if<text_value>(&c.val)) {
            key += '\x02';
            key += std::string_view(t->key);
          } else if (const auto* p = std::get_if<person_name>(&c.val)) {
            key += '\x03';
            key += std::string_view(p->key);
          } else {
            append_to_string(key, c.val);
          }
          key += '\x1f';
          key += to_string(c.mod);
          if (few) {
            for (std::size_t k = first_cand; k < cands.size(); ++k)
              if (cands[k].key == key) {
                ci = static_cast<std::uint32_t>(k);
                break;
              }
          } else {
            if (by_key.empty())
              for (std::size_t k = first_cand; k < cands.size(); ++k) by_key.emplace(cands[k].key, static_cast<std::uint32_t>(k));
            if (const auto it = by_key.find(key); it != by_key.end()) ci = it->second;
          }
        }
        if (ci == cands.size()) {
          candidate cd;
          cd.slot = si;
          cd.claim = i;
          cd.key = key;
          cands.push_back(std::move(cd));
          if (!by_key.empty()) by_key.emplace(cands.back().key, ci);
        }
        const double factor = (c.ev.attribution.empty() ? opts.unattributed_weight : opts.attributed_weight) *
                              detail::precision_weight(c.val);
        raw.push_back({ci, source_id(outlet(c.ev)), factor});
      }
      // One vote per (value, source): its best factor. Sorted by value, then source.
      std::sort(raw.begin(), raw.end(), [](const raw_vote& a, const raw_vote& b) {
        return a.cand != b.cand ? a.cand < b.cand : a.source < b.source;
      });
      for (std::size_t k = 0, ci = first_cand; ci < cands.size(); ++ci) {
        vote_at.push_back(static_cast<std::uint32_t>(votes.size()));
        while (k < raw.size() && raw[k].cand == ci) {
          const std::uint32_t source = raw[k].source;
          double factor = raw[k].factor;
          for (++k; k < raw.size() && raw[k].cand == ci && raw[k].source == source; ++k) factor = std::max(factor, raw[k].factor);
          // the factor's place in `factors` for now; its weight once the sources are all known
          const auto f = static_cast<std::uint32_t>(
              std::find_if(factors.begin(), factors.end(),
                           [&](double x) { return std::bit_cast<std::uint64_t>(x) == std::bit_cast<std::uint64_t>(factor); }) -
              factors.begin());
          if (f == factors.size()) factors.push_back(factor);
          votes.push_back({f, source});
        }
      }
    }
    slot_begin[slots.size()] = static_cast<std::uint32_t>(cands.size());
    vote_at.push_back(static_cast<std::uint32_t>(votes.size()));
  }
  const std::vector<std::string>& source_names = source_id.names();
  const std::size_t n_sources = source_names.size();
  const std::size_t n_accuracies = n_sources * n_attributes;
  if (factors.size() * n_accuracies > UINT32_MAX)
    throw std::length_error(fmt::format("truth discovery: {} sources x {} attributes is more than one call can weigh",
                                        n_sources, n_attributes));
  for (std::size_t ci = 0; ci < cands.size(); ++ci)
    for (std::uint32_t k = vote_at[ci]; k < vote_at[ci + 1]; ++k)
      votes[k].weight = static_cast<std::uint32_t>(votes[k].weight * n_accuracies + votes[k].source * n_attributes +
                                                   slot_attribute[cands[ci].slot]);
  timer.lap("truth/candidates");

  std::vector<double> prior(n_sources);
  for (std::size_t s = 0; s < n_sources; ++s) prior[s] = prior_reliability(rules, source_names[s]);
  std::vector<std::size_t> source_claims(n_sources, 0);
  for (const vote& v : votes) ++source_claims[v.source];

  std::vector<double> score(cands.size(), 0.0);  // support (vote) or probability (truth discovery)
  std::vector<double> acc(n_accuracies);        // per (source, attribute)
  std::vector<double> acc_all(prior);           // per source
  for (std::size_t s = 0; s < n_sources; ++s)
    for (std::size_t a = 0; a < n_attributes; ++a) acc[s * n_attributes + a] = prior[s];
  pair_table copy_prob(opts.mode == best_value_mode::truth_discovery && opts.copy_dampening ? n_sources : 0);
  bool any_copy = false;
  std::vector<std::uint32_t> winner(slots.size(), UINT32_MAX);
  std::vector<char> tie(slots.size(), 0);  // not vector<bool>: two threads write neighbouring slots

  auto pick_winner = [&](std::size_t si) {
    winner[si] = UINT32_MAX;
    tie[si] = 0;
    double best = 0;
    for (std::uint32_t ci = slot_begin[si]; ci < slot_begin[si + 1]; ++ci) {
      if (winner[si] == UINT32_MAX || score[ci] > best + 1e-12) {
        if (winner[si] != UINT32_MAX) tie[si] = 0;
        winner[si] = ci;
        best = score[ci];
      } else if (score[ci] >= best - 1e-12) {
        tie[si] = 1;
      }
    }
  };
  // From many values on, the rounds and the results are split between two threads: each value
  // and each slot is computed as on one, and every sum adds the same numbers in the same order.
  const unsigned parts = cands.size() >= parallel_min_values && std::thread::hardware_concurrency() >= 2 ? 2 : 1;

  if (opts.mode == best_value_mode::vote) {
    for (std::size_t ci = 0; ci < cands.size(); ++ci)
      for (std::uint32_t k = vote_at[ci]; k < vote_at[ci + 1]; ++k) 
        score[ci] += prior[votes[k].source] * factors[votes[k].weight / n_accuracies];
    for (std::size_t si = 0; si < slots.size(); ++si) pick_winner(si);
  } else {
    // Pairs of similar values inside each slot, computed once.
    std::vector<similar_pair> sims;
    std::vector<std::uint32_t> sim_begin(slots.size() + 1, 0);
    for (std::size_t si = 0; si < slots.size(); ++si) {
      sim_begin[si] = static_cast<std::uint32_t>(sims.size());
      const std::uint32_t b = slot_begin[si], e = slot_begin[si + 1];
      if (opts.similarity_weight <= 0 || e - b < 2 || e - b > opts.max_similarity_values) continue;
      for (std::uint32_t x = b; x < e; ++x)
        for (std::uint32_t y = x + 1; y < e; ++y) {
          if (claims[cands[x].claim].mod != claims[cands[y].claim].mod) continue;
          const double sim = similarity(claims[cands[x].claim].val, claims[cands[y].claim].val, opts.similarity_minutes);
          if (sim > 0) sims.push_back({x, y, sim});
        }
    }
    sim_begin[slots.size()] = static_cast<std::uint32_t>(sims.size());
    // The values each accuracy is the mean of, in value order (the order the sums add them in):
    // accuracy i counts the candidates accuracy_cands[accuracy_at[i] .. accuracy_at[i + 1]).
    std::vector<std::uint32_t> accuracy_at(n_accuracies + 1, 0);
    std::vector<std::uint32_t> accuracy_cands(votes.size());
    for (const vote& v : votes) ++accuracy_at[v.weight % n_accuracies + 1];
    std::partial_sum(accuracy_at.begin(), accuracy_at.end(), accuracy_at.begin());
    {
      std::vector<std::uint32_t> fill(accuracy_at.begin(), accuracy_at.end() - 1);
      for (std::size_t ci = 0; ci < cands.size(); ++ci)
        for (std::uint32_t k = vote_at[ci]; k < vote_at[ci + 1]; ++k)
          accuracy_cands[fill[votes[k].weight % n_accuracies]++] = static_cast<std::uint32_t>(ci);
    }
    // Candidates are freed of their keys: the rounds read only the votes.
    for (candidate& cd : cands) cd.key = std::string();

    out.converged = false;
    const double n_false = std::max(opts.false_values, 1.0);
    const double hi = std::clamp(opts.max_accuracy, 0.5, 0.999999), lo = 1 - hi;
    std::vector<double> tau(n_accuracies);
    std::vector<double> weight(factors.size() * n_accuracies);  // a vote's weight: its factor times its source's tau
    std::vector<double> sum_p(n_accuracies);
    const std::size_t slots_cut = half_of(slot_begin), accuracies_cut = half_of(accuracy_at);
    std::vector<double> raw_of[2];                                // a slot's plain scores, per thread
    std::vector<std::pair<double, std::uint32_t>> ranked_of[2];  // (vote, source) of one value, per thread
    std::vector<std::pair<std::uint32_t, std::uint32_t>> voters;  // (source, candidate) of one slot
    pair_table shared(n_sources), either(n_sources);
    std::vector<std::pair<std::uint32_t, float>> partners;  // copy partners, source by source
    std::vector<std::uint32_t> partner_begin(n_sources + 1, 0);
    std::vector<std::uint32_t> rank_in[2] = {std::vector<std::uint32_t>(n_sources, UINT32_MAX),
                                             std::vector<std::uint32_t>(n_sources, UINT32_MAX)};  // place in ranked_of

    // A value's score: the sum of its sources' votes, each discounted by how likely its source
    // copies a source with a stronger vote for the same value.
    auto value_score = [&](std::size_t ci, unsigned part) {
      const std::uint32_t first = vote_at[ci], last = vote_at[ci + 1];
      double c = 0;
      if (!any_copy || last - first < 2) {
        for (std::uint32_t k = first; k < last; ++k) c += weight[votes[k].weight];
        return c;
      }
      auto& ranked = ranked_of[part];
      auto& rank_of = rank_in[part];
      ranked.clear();
      for (std::uint32_t k = first; k < last; ++k) ranked.emplace_back(weight[votes[k].weight], votes[k].source);
      std::sort(ranked.begin(), ranked.end(),
                [](const auto& x, const auto& y) { return x.first != y.first ? x.first > y.first : x.second < y.second; });
      // A source's discount: its highest copy probability with a source ranked before it.
      // Only its copy partners are looked at (a source votes once per value), by their rank.
      for (std::size_t i = 0; i < ranked.size(); ++i) rank_of[ranked[i].second] = static_cast<std::uint32_t>(i);
      for (std::size_t i = 0; i < ranked.size(); ++i) {
        double p = 0;
        const std::uint32_t s = ranked[i].second;
        for (std::uint32_t k = partner_begin[s]; k < partner_begin[s + 1]; ++k)
          if (rank_of[partners[k].first] < i) p = std::max(p, static_cast<double>(partners[k].second));
        c += ranked[i].first * (1 - p);
      }
      for (const auto& r : ranked) rank_of[r.second] = UINT32_MAX;
      return c;
    };

    // Two phases: accuracies are learned without copy detection until they settle; then copying
    // is estimated once from those winners, and the rounds go on with copies discounted. (Copy
    // detection from the first, plain-majority winners would take the sources that are right
    // against a copied majority for copiers themselves, and lock the majority in.)
    bool copies_estimated = !opts.copy_dampening || n_sources < 2;
    for (int it = 0; it < std::max(opts.max_iterations, 1); ++it) {
      out.iterations = it + 1;
      for (std::size_t s = 0; s < n_sources; ++s)
        for (std::size_t a = 0; a < n_attributes; ++a) {
          double A = opts.per_attribute ? acc[s * n_attributes + a] : acc_all[s];
          A = std::clamp(A, lo, hi);
          tau[s * n_attributes + a] = std::log(n_false * A / (1 - A));
        }
      for (std::size_t f = 0; f < factors.size(); ++f)
        for (std::size_t i = 0; i < n_accuracies; ++i) weight[f * n_accuracies + i] = factors[f] * tau[i];
      // Slot by slot (a slot depends on nothing computed in the same step): the values' scores,
      // plus a share of their near values' plain scores; their probabilities, a softmax over the
      // slot's values and the false values nobody stated; and the winner.
      detail::split_for(slots.size(), slots_cut, parts, [&](std::size_t from, std::size_t until, unsigned part) {
        std::vector<double>& raw = raw_of[part];
        for (std::size_t si = from; si < until; ++si) {
          const std::uint32_t b = slot_begin[si], e = slot_begin[si + 1];
          raw.resize(e - b);
          for (std::uint32_t ci = b; ci < e; ++ci) score[ci] = raw[ci - b] = value_score(ci, part);
          for (std::uint32_t k = sim_begin[si]; k < sim_begin[si + 1]; ++k) {
            const similar_pair& p = sims[k];
            score[p.a] += opts.similarity_weight * p.sim * raw[p.b - b];
            score[p.b] += opts.similarity_weight * p.sim * raw[p.a - b];
          }
          if (b != e) {
            double mx = 0;  // the unstated values score 0
            for (std::uint32_t ci = b; ci < e; ++ci) mx = std::max(mx, score[ci]);
            const double unstated = std::max(0.0, n_false + 1 - (e - b));
            double z = unstated * std::exp(-mx);
            for (std::uint32_t ci = b; ci < e; ++ci) {
              score[ci] = std::exp(score[ci] - mx);
              z += score[ci];
            }
            for (std::uint32_t ci = b; ci < e; ++ci) score[ci] /= z;
          }
          pick_winner(si);
        }
      });
      // New accuracies: the mean probability of what each source states, shrunk to its prior.
      detail::split_for(n_accuracies, accuracies_cut, parts, [&](std::size_t from, std::size_t until, unsigned) {
        for (std::size_t i = from; i < until; ++i) {
          double sum = 0;
          for (std::uint32_t k = accuracy_at[i]; k < accuracy_at[i + 1]; ++k) sum += score[accuracy_cands[k]];
          sum_p[i] = sum;
        }
      });
      double moved = 0;
      const double k0 = std::max(opts.prior_strength, 0.0);
      for (std::size_t s = 0; s < n_sources; ++s) {
        double sp = 0, sc = 0;
        for (std::size_t a = 0; a < n_attributes; ++a) {
          const std::size_t i = s * n_attributes + a;
          const double cnt = accuracy_at[i + 1] - accuracy_at[i];
          sp += sum_p[i];
          sc += cnt;
          const double next = (k0 * prior[s] + sum_p[i]) / (k0 + cnt > 0 ? k0 + cnt : 1);
          moved = std::max(moved, std::abs(next - acc[i]));
          acc[i] = next;
        }
        const double next = (k0 * prior[s] + sp) / (k0 + sc > 0 ? k0 + sc : 1);
        moved = std::max(moved, std::abs(next - acc_all[s]));
        acc_all[s] = next;
      }
      // Copying: two sources that, where one of them states a losing value, state the same one
      // (sharing a false value is rare for independent sources: there are many ways to be wrong).
      const bool settled = moved < opts.tolerance || it + 1 >= std::max(opts.max_iterations, 1) / 2;
      if (!copies_estimated && settled) {
        copies_estimated = true;
        moved = 1;  // go on: the discounted votes move the accuracies again
        shared.clear();
        either.clear();
        for (std::size_t si = 0; si < slots.size(); ++si) {
          voters.clear();
          for (std::uint32_t ci = slot_begin[si]; ci < slot_begin[si + 1]; ++ci)
            for (std::uint32_t k = vote_at[ci]; k < vote_at[ci + 1]; ++k) voters.emplace_back(votes[k].source, ci);
          if (voters.size() < 2 || voters.size() > 256) continue;
          for (std::size_t x = 0; x < voters.size(); ++x)
            for (std::size_t y = x + 1; y < voters.size(); ++y) {
              if (voters[x].first == voters[y].first) continue;
              const bool x_false = voters[x].second != winner[si], y_false = voters[y].second != winner[si];
              if (!x_false && !y_false) continue;
              either.add(voters[x].first, voters[y].first, 1.0f);
              if (voters[x].second == voters[y].second) shared.add(voters[x].first, voters[y].first, 1.0f);
            }
        }
        copy_prob.clear();
        any_copy = false;
        shared.for_each([&](std::uint32_t x, std::uint32_t y, float n) {
          if (n < static_cast<float>(opts.copy_min_shared)) return;
          const double p = n / (either.get(x, y) + opts.copy_smoothing);
          if (p >= opts.copy_threshold) {
            copy_prob.set(x, y, static_cast<float>(p));
            any_copy = true;
          }
        });
        // Each source's copy partners, with their probability (as copy_prob holds it).
        std::vector<std::vector<std::pair<std::uint32_t, float>>> by_source(n_sources);
        copy_prob.for_each([&](std::uint32_t x, std::uint32_t y, float q) {
          by_source[x].emplace_back(y, q);
          by_source[y].emplace_back(x, q);
        });
        partners.clear();
        partner_begin.assign(n_sources + 1, 0);
        for (std::size_t s = 0; s < n_sources; ++s) {
          partner_begin[s] = static_cast<std::uint32_t>(partners.size());
          partners.insert(partners.end(), by_source[s].begin(), by_source[s].end());
        }
        partner_begin[n_sources] = static_cast<std::uint32_t>(partners.size());
      }
      if (moved < opts.tolerance) {
        out.converged = true;
        break;
      }
    }
  }

  timer.lap("truth/rounds");
  // Results per slot, each on its own (split between the threads like the rounds).
  out.slots.resize(slots.size());
  std::vector<std::uint32_t> sources_of[2];  // a slot's sources, per thread
  detail::split_for(slots.size(), slots.size() / 2, parts, [&](std::size_t from, std::size_t until, unsigned part) {
    std::vector<std::uint32_t>& slot_sources = sources_of[part];
    for (std::size_t si = from; si < until; ++si) {
      slot_truth& st = out.slots[si];
      st.slot = si;
      const std::uint32_t w = winner[si];
      if (w == UINT32_MAX) {
        st.reason = "no claim in this slot asserts a value";
        continue;
      }
      const candidate& cd = cands[w];
      st.value = to_string(claims[cd.claim].val);  // as the first claim stating it writes it
      st.mod = claims[cd.claim].mod;
      st.claim = cd.claim;
      st.tie = tie[si] != 0;
      st.sources = vote_at[w + 1] - vote_at[w];
      slot_sources.clear();
      for (std::uint32_t k = vote_at[slot_begin[si]]; k < vote_at[slot_begin[si + 1]]; ++k) slot_sources.push_back(votes[k].source);
      std::sort(slot_sources.begin(), slot_sources.end());
      st.all_sources = static_cast<std::size_t>(std::unique(slot_sources.begin(), slot_sources.end()) - slot_sources.begin());
      const std::size_t n_values = slot_begin[si + 1] - slot_begin[si];
      if (opts.mode == best_value_mode::vote) {
        double total = 0;
        for (std::uint32_t ci = slot_begin[si]; ci < slot_begin[si + 1]; ++ci) total += score[ci];
        st.confidence = total > 0 ? score[w] / total : 0;
        if (n_values == 1)
          st.reason = fmt::format("every statement ({} source(s)) gives this value", st.all_sources);
        else if (st.tie)
          st.reason = fmt::format("no value has more weighted support than another ({:.2f} each); check the primary sources",
                                  score[w]);
        else
          st.reason = fmt::format(
              "{} of {} source(s) state it, weighted {:.2f} against {:.2f} for the rest (source reliability priors, "
              "attribution and precision)",
              st.sources, st.all_sources, score[w], total - score[w]);
      } else {
        st.confidence = score[w];
        const std::size_t a = slot_attribute[si];
        std::uint32_t lead = votes[vote_at[w]].source;
        for (std::uint32_t k = vote_at[w]; k < vote_at[w + 1]; ++k) {
          const std::uint32_t s = votes[k].source;
          const double as = opts.per_attribute ? acc[s * n_attributes + a] : acc_all[s];
          const double al = opts.per_attribute ? acc[lead * n_attributes + a] : acc_all[lead];
          if (as > al || (as == al && source_names[s] < source_names[lead])) lead = s;
        }
        st.reason = fmt::format(
            "{} of {} source(s) state it, led by {} (learned {}accuracy {:.2f}); weighing each source by the accuracy "
            "learned from its agreement across {} slot(s), truth discovery gives it probability {:.2f}{}",
            st.sources, st.all_sources, source_names[lead], opts.per_attribute ? slots[si].attribute + " " : std::string(),
            opts.per_attribute ? acc[lead * n_attributes + a] : acc_all[lead], slots.size(), st.confidence,
            st.tie ? " (tied with another value)" : "");
      }
    }
  });

  timer.lap("truth/results");
  // What was learned about each source.
  out.sources.resize(n_sources);
  std::vector<std::uint32_t> by_name(attribute_names.size());
  std::iota(by_name.begin(), by_name.end(), 0u);
  std::sort(by_name.begin(), by_name.end(), [&](std::uint32_t x, std::uint32_t y) { return attribute_names[x] < attribute_names[y]; });
  std::vector<std::size_t> attr_count(n_accuracies, 0);
  for (const vote& v : votes) ++attr_count[v.weight % n_accuracies];
  for (std::uint32_t s = 0; s < n_sources; ++s) {
    source_trust& t = out.sources[s];
    t.source = source_names[s];
    t.prior = prior[s];
    t.reliability = acc_all[s];
    t.claims = source_claims[s];
    for (std::uint32_t a : by_name)
      if (attr_count[s * n_attributes + a] > 0) t.by_attribute.emplace_back(attribute_names[a], acc[s * n_attributes + a]);
    // The more accurate source it most likely copies (or shares a copied feed with).
    double best_p = 0;
    for (std::uint32_t o = 0; o < n_sources && any_copy; ++o) {
      const double p = o == s ? 0.0 : copy_prob.get(s, o);
      if (p > best_p && acc_all[o] >= acc_all[s]) {
        best_p = p;
        t.copies = source_names[o];
      }
    }
  }
  std::sort(out.sources.begin(), out.sources.end(), [](const source_trust& x, const source_trust& y) {
    return x.reliability != y.reliability ? x.reliability > y.reliability : x.source < y.source;
  });
  return out;
}

}  // namespace crosscheck
