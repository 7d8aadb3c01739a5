#include "crosscheck/claim.hpp"

#include <array>
#include <cstring>
#include <utility>

namespace crosscheck {

namespace {

// The pool in use on this thread (shared_string_pool::on_this_thread), or none.
thread_local shared_string_pool* pool_in_use = nullptr;

}  // namespace

shared_string::block* shared_string::make(std::string_view s) {
  if (shared_string_pool* const pool = pool_in_use) return pool->cut(s);
  return make_own(s);
}

namespace detail {
constinit thread_local owed_drops drops_owed{};
}  // namespace detail

namespace {

// Pays what the thread owes when it ends (a thread_local with a destructor, made at the thread's
// first owed drop), then has the drops after it paid at once: the destructors of thread_locals
// made before it, and of statics, still drop texts.
struct owed_drops_payer {
  bool made = false;
  ~owed_drops_payer() {
    shared_string::settle_drops();
    detail::drops_owed.closed = true;
  }
};
thread_local owed_drops_payer payer;

}  // namespace

void shared_string::drop(block* b, std::size_t k) noexcept {
  detail::owed_drops& d = detail::drops_owed;
  count_type* const count = b->count;
  if (d.closed || b->size >= detail::owed_drops::deferred_size_limit) [[unlikely]] {
    pay(count, 1);
    return;
  }
  if (!d.armed) [[unlikely]] {
    d.armed = true;
    payer.made = true;  // makes it: its destructor runs when the thread ends
  }
  if (d.count[k] == count) {  // (n == 0: the slot was settled)
    ++d.n[k];
    return;
  }
  if (d.n[k]) pay(d.count[k], d.n[k]);
  d.count[k] = count;
  d.n[k] = 1;
}

void shared_string::settle_drops() noexcept {
  detail::owed_drops& d = detail::drops_owed;
  for (std::size_t k = 0; k < detail::owed_drops::slots; ++k)
    if (const std::size_t n = std::exchange(d.n[k], 0)) pay(d.count[k], n);
}

void shared_string::free_allocation(count_type* count) noexcept {
  // The count is the first word of the allocation (a block of its own, or a pool's chunk).
  count->~count_type();
  ::operator delete(static_cast<void*>(count));
}

shared_string_pool::on_this_thread::on_this_thread(shared_string_pool& pool) noexcept : outer_(pool_in_use) {
  pool_in_use = &pool;
}

shared_string_pool::on_this_thread::~on_this_thread() { pool_in_use = outer_; }

namespace {

template <class E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E e) noexcept {
  for (const auto& [k, v] : table)
    if (k == e) return v;
  return "?";
}
template <class E, std::size_t N>
bool parse_of(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view s, E& out) noexcept {
  for (const auto& [k, v] : table)
    if (v == s) {
      out = k;
      return true;
    }
  return false;
}

constexpr std::array<std::pair<claim_kind, std::string_view>, 9> kinds{{
    {claim_kind::time_of_day, "time_of_day"},
    {claim_kind::date, "date"},
    {claim_kind::duration, "duration"},
    {claim_kind::count, "count"},
    {claim_kind::quantity, "quantity"},
    {claim_kind::person_name, "person_name"},
    {claim_kind::person_role, "person_role"},
    {claim_kind::article, "article"},
    {claim_kind::text, "text"},
}};
constexpr std::array<std::pair<modality, std::string_view>, 6> modalities{{
    {modality::reported, "reported"},
    {modality::scheduled, "scheduled"},
    {modality::planned, "planned"},
    {modality::expected, "expected"},
    {modality::delayed, "delayed"},
    {modality::denied, "denied"},
}};
constexpr std::array<std::pair<hedge, std::string_view>, 6> hedges{{
    {hedge::none, "none"},
    {hedge::about, "about"},
    {hedge::after, "after"},
    {hedge::before, "before"},
    {hedge::at_least, "at_least"},
    {hedge::at_most, "at_most"},
}};

}  // namespace

std::string_view to_string(claim_kind k) noexcept { return name_of(kinds, k); }
bool parse_claim_kind(std::string_view s, claim_kind& out) noexcept { return parse_of(kinds, s, out); }
std::string_view to_string(modality m) noexcept { return name_of(modalities, m); }
bool parse_modality(std::string_view s, modality& out) noexcept { return parse_of(modalities, s, out); }
std::string_view to_string(hedge h) noexcept { return name_of(hedges, h); }
bool parse_hedge(std::string_view s, hedge& out) noexcept { return parse_of(hedges, s, out); }

}  // namespace crosscheck
