// crosscheck/shared_string.hpp: an immutable string that copies share.
//
// A claim's texts repeat across claims: the document id, the outlet, the attribute, the rule,
// the sentence of every claim found in it. shared_string holds one pointer (8 bytes) to a
// reference-counted block {count, size, characters}; copying it shares the block, so ten
// claims from one sentence hold the sentence once. The empty string holds no block. (The
// block holds the address of its count: texts cut from one pool share one count, below.)
//
//   crosscheck::shared_string doc = "reuters-0412";   // one block
//   claim a, b;
//   a.ev.document = doc;                              // shared, not copied
//   b.ev.document = doc;
//   std::string_view v = a.ev.document;               // reads like a string
//   if (a.ev.document == "reuters-0412" && v.starts_with("reuters")) ...
//
// Sharing is explicit: a producer shares by copying the same shared_string (there is no global
// pool, so nothing grows for the life of the process). Building a shared_string from a
// std::string or a string_view copies the characters into a new block.
//
// The text never changes: there is no +=, push_back or clear. Build a std::string and assign it
// (str() gives a std::string copy). Copies are safe to hand to other threads: the count is
// atomic, and the characters are never written after construction. A block is followed by a
// '\0', so c_str() is always valid.
//
// A thread pays for the copies it drops later, several at once: it keeps a small table of the
// counts it owes drops to (64 of them) and takes them off a count in one atomic operation when
// another count needs the table's slot, when shared_string::settle_drops() is called, or when the
// thread ends. Dropping a claim's eleven texts was eleven locked instructions, about 8 % of the
// extraction's time (docs/BENCHMARKS.md, round 13). The count never reads less than the copies
// alive, so that nothing is freed early; what the thread owes may keep up to 64 allocations
// alive a while longer (texts of 4 KB or more are paid at once).
//
// Many short texts made together (a document's claim ids, its claims' words) can be cut from one
// allocation with a shared_string_pool (below): each is a shared_string like any other, and the
// allocation is freed when the last of them goes. While a pool is in use on a thread
// (shared_string_pool::on_this_thread), the texts made from views on that thread are cut from it.
#pragma once

#include <atomic>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <iosfwd>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <fmt/core.h>

namespace crosscheck {

class shared_string_pool;

class shared_string {
 public:
  using value_type = char;
  using size_type = std::size_t;
  using const_iterator = const char*;
  using iterator = const_iterator;
  static constexpr size_type npos = std::string_view::npos;

  shared_string() noexcept = default;
  shared_string(std::string_view s) : p_(s.empty() ? nullptr : make(s)) {}  // NOLINT: implicit, like std::string
  shared_string(const std::string& s) : p_(s.empty() ? nullptr : make(s)) {}
  shared_string(const char* s) : p_(s && *s ? make(std::string_view(s)) : nullptr) {}
  shared_string(std::nullptr_t) = delete;
  shared_string(const shared_string& o) noexcept : p_(o.p_) { retain(); }
  shared_string(shared_string&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
  ~shared_string() { release(p_); }

  shared_string& operator=(const shared_string& o) noexcept {
    shared_string(o).swap(*this);
    return *this;
  }
  shared_string& operator=(shared_string&& o) noexcept {
    shared_string(std::move(o)).swap(*this);
    return *this;
  }
  shared_string& operator=(std::string_view s) { return *this = shared_string(s); }
  shared_string& operator=(const std::string& s) { return *this = shared_string(s); }
  shared_string& operator=(const char* s) { return *this = shared_string(s); }

  void swap(shared_string& o) noexcept { std::swap(p_, o.p_); }

  // The read API of std::string_view.
  operator std::string_view() const noexcept { return view(); }  // NOLINT: implicit on purpose
  std::string_view view() const noexcept { return p_ ? std::string_view(chars(p_), p_->size) : std::string_view(); }
  std::string str() const { return std::string(view()); }
  const char* data() const noexcept { return p_ ? chars(p_) : ""; }
  const char* c_str() const noexcept { return data(); }
  size_type size() const noexcept { return p_ ? p_->size : 0; }
  size_type length() const noexcept { return size(); }
  bool empty() const noexcept { return p_ == nullptr; }
  const_iterator begin() const noexcept { return data(); }
  const_iterator end() const noexcept { return data() + size(); }
  const_iterator cbegin() const noexcept { return begin(); }
  const_iterator cend() const noexcept { return end(); }
  char operator[](size_type i) const noexcept { return data()[i]; }
  char front() const noexcept { return data()[0]; }
  char back() const noexcept { return data()[size() - 1]; }
  std::string_view substr(size_type pos = 0, size_type n = npos) const { return view().substr(pos, n); }
  size_type find(std::string_view s, size_type pos = 0) const noexcept { return view().find(s, pos); }
  size_type find(char c, size_type pos = 0) const noexcept { return view().find(c, pos); }
  size_type rfind(std::string_view s, size_type pos = npos) const noexcept { return view().rfind(s, pos); }
  size_type rfind(char c, size_type pos = npos) const noexcept { return view().rfind(c, pos); }
  size_type find_first_of(std::string_view s, size_type pos = 0) const noexcept { return view().find_first_of(s, pos); }
  size_type find_last_of(std::string_view s, size_type pos = npos) const noexcept { return view().find_last_of(s, pos); }
  size_type find_first_not_of(std::string_view s, size_type pos = 0) const noexcept {
    return view().find_first_not_of(s, pos);
  }
  bool starts_with(std::string_view s) const noexcept { return view().starts_with(s); }
  bool starts_with(char c) const noexcept { return view().starts_with(c); }
  bool ends_with(std::string_view s) const noexcept { return view().ends_with(s); }
  bool ends_with(char c) const noexcept { return view().ends_with(c); }
  int compare(std::string_view s) const noexcept { return view().compare(s); }
  int compare(size_type pos, size_type n, std::string_view s) const { return view().compare(pos, n, s); }
  int compare(size_type pos, size_type n, std::string_view s, size_type pos2, size_type n2) const {
    return view().compare(pos, n, s, pos2, n2);
  }
  bool contains(std::string_view s) const noexcept { return view().find(s) != npos; }
  bool contains(char c) const noexcept { return view().find(c) != npos; }

  // True when both hold the same block (or are both empty): equal without comparing characters.
  bool shares_with(const shared_string& o) const noexcept { return p_ == o.p_; }

  // Pays the drops this thread still owes (above) now: an allocation whose last copy this
  // thread dropped is freed here. A thread ends by doing it; call it before a thread idles for
  // long with texts dropped, or to read a process's memory without the owed drops in it.
  static void settle_drops() noexcept;

  friend bool operator==(const shared_string& a, const shared_string& b) noexcept {
    return a.p_ == b.p_ || a.view() == b.view();
  }
  friend std::strong_ordering operator<=>(const shared_string& a, const shared_string& b) noexcept {
    return a.view() <=> b.view();
  }
  // With anything that reads as a string_view (std::string, string_view, const char*), both ways.
  template <class T>
    requires(std::is_convertible_v<const T&, std::string_view> && !std::is_same_v<T, shared_string>)
  friend bool operator==(const shared_string& a, const T& b) noexcept {
    return a.view() == std::string_view(b);
  }
  template <class T>
    requires(std::is_convertible_v<const T&, std::string_view> && !std::is_same_v<T, shared_string>)
  friend std::strong_ordering operator<=>(const shared_string& a, const T& b) noexcept {
    return a.view() <=> std::string_view(b);
  }

  // Concatenation makes a std::string (a shared_string is never changed in place).
  friend std::string operator+(const shared_string& a, const shared_string& b) { return join(a.view(), b.view()); }
  template <class T>
    requires(std::is_convertible_v<const T&, std::string_view> && !std::is_same_v<T, shared_string>)
  friend std::string operator+(const shared_string& a, const T& b) {
    return join(a.view(), std::string_view(b));
  }
  template <class T>
    requires(std::is_convertible_v<const T&, std::string_view> && !std::is_same_v<T, shared_string>)
  friend std::string operator+(const T& a, const shared_string& b) {
    return join(std::string_view(a), b.view());
  }
  friend std::string operator+(const shared_string& a, char c) { return join(a.view(), std::string_view(&c, 1)); }
  friend std::string operator+(char c, const shared_string& b) { return join(std::string_view(&c, 1), b.view()); }

  template <class Traits>
  friend std::basic_ostream<char, Traits>& operator<<(std::basic_ostream<char, Traits>& os, const shared_string& s) {
    return os << s.view();
  }

 private:
  friend class shared_string_pool;
  // A text: where its count is, its size, then the characters and a '\0'. The count is the
  // first word of the allocation the text lives in: a block of its own (make_own) or a pool's
  // chunk, whose texts all share the chunk's one count. Copying adds one to it, dropping takes
  // one off (later: release()), and the allocation is freed when it reaches zero: the same
  // operations for both kinds, no test of which kind, and no second count to drop when a pooled
  // text goes.
  using count_type = std::atomic<std::size_t>;
  struct block {
    count_type* count;
    std::size_t size;
  };
  explicit shared_string(block* b) noexcept : p_(b) {}
  static const char* chars(const block* b) noexcept { return reinterpret_cast<const char*>(b + 1); }
  // A non-empty text: cut from the pool in use on this thread, else a block of its own
  // (lib/model/claim.cpp, where the thread's pool is kept).
  static block* make(std::string_view s);
  static block* make_own(std::string_view s) {
    void* mem = ::operator new(sizeof(count_type) + sizeof(block) + s.size() + 1);
    auto* count = ::new (mem) count_type{1};
    auto* b = ::new (static_cast<char*>(mem) + sizeof(count_type)) block{count, s.size()};
    char* c = reinterpret_cast<char*>(b + 1);
    std::memcpy(c, s.data(), s.size());
    c[s.size()] = '\0';
    return b;
  }
  void retain() const noexcept {
    if (p_) p_->count->fetch_add(1, std::memory_order_relaxed);
  }
  // Drops one copy: owed to the count in this thread's table (detail::owed_drops, below) when
  // the count has the slot already; else drop() pays now or takes the slot.
  static void release(block* b) noexcept;
  static void drop(block* b, std::size_t slot) noexcept;
  // Takes n copies off the count, and frees its allocation when they were the last.
  static void pay(count_type* count, std::size_t n) noexcept {
    if (count->fetch_sub(n, std::memory_order_acq_rel) == n) free_allocation(count);
  }
  // The block or chunk that `count` heads, when its last text is gone. Out of line
  // (lib/model/claim.cpp): the destructor of every string inlines release(), and this runs once
  // an allocation.
  static void free_allocation(count_type* count) noexcept;
  static std::string join(std::string_view a, std::string_view b) {
    std::string out;
    out.reserve(a.size() + b.size());
    out.append(a).append(b);
    return out;
  }

  block* p_ = nullptr;
};

inline void swap(shared_string& a, shared_string& b) noexcept { a.swap(b); }

namespace detail {
// The drops a thread owes (shared_string, top of this file): slot k holds a count and how many
// copies of it the thread dropped and has not yet taken off; n == 0 for a free slot. Plain data,
// initialized as constants: each use is one thread-local address, with no initialization test.
// lib/model/claim.cpp pays it all when the thread ends (and marks it `closed`: drops are paid at
// once after that).
struct owed_drops {
  static constexpr std::size_t slots = 64;
  static constexpr std::size_t deferred_size_limit = 4096;  // a text of this size or more is paid at once
  std::atomic<std::size_t>* count[slots];
  std::size_t n[slots];
  bool armed;   // the thread's end will pay it
  bool closed;  // the thread's end has paid it
  static std::size_t slot_of(const void* count) noexcept {
    return static_cast<std::size_t>((reinterpret_cast<std::uintptr_t>(count) * 0x9E3779B97F4A7C15ull) >> 58);
  }
};
extern constinit thread_local owed_drops drops_owed;
}  // namespace detail

inline void shared_string::release(block* b) noexcept {
  if (!b) return;
  detail::owed_drops& d = detail::drops_owed;
  const std::size_t k = detail::owed_drops::slot_of(b->count);
  // No size test here: a block of its own of deferred_size_limit or more never holds a slot
  // (drop() pays it at once), and a large text in a pool chunk whose count holds one is owed like
  // its neighbours, whose owed drops keep the chunk alive until the slot is paid anyway.
  if (d.count[k] == b->count && d.n[k]) {
    ++d.n[k];
    return;
  }
  drop(b, k);
}

// Makes many short shared_strings with one allocation for many of them, where a shared_string
// made from a view allocates a block of its own: a document's claim ids, its claims' words and
// sentences, a few hundred texts of a few dozen bytes, cost one allocation and one free each.
//
//   crosscheck::shared_string_pool pool;
//   claim.id = pool.make("reuters-0412#7");   // cut from the pool's current chunk
//
// The strings are ordinary shared_strings: they outlive the pool, copies share them, and they
// may go to other threads. A chunk is freed when the pool has moved on from it (or is
// destroyed) and the last string cut from it is gone, so a string kept alone keeps its whole
// chunk alive: keep a pool to texts that live and die together (one document's claims).
// Texts longer than a quarter of a chunk get a block of their own. One pool is used by one
// thread at a time.
class shared_string_pool {
 public:
  // chunk_bytes: the size of the first chunk; each next one doubles, up to 16 times that.
  explicit shared_string_pool(std::size_t chunk_bytes = 1024) noexcept
      : next_bytes_(chunk_bytes), last_bytes_(16 * chunk_bytes) {}
  ~shared_string_pool() { close(); }
  shared_string_pool(const shared_string_pool&) = delete;
  shared_string_pool& operator=(const shared_string_pool&) = delete;

  // The bytes a string of n characters takes in a chunk (for reserve()).
  static constexpr std::size_t footprint(std::size_t n) noexcept {
    return sizeof(shared_string::block) + ((n + 1 + 7) & ~std::size_t{7});
  }
  // Makes room for `bytes` (a sum of footprint()s): the strings made next, up to that many bytes,
  // share one allocation, of that size when the current chunk has less room.
  void reserve(std::size_t bytes) {
    if (static_cast<std::size_t>(end_ - cur_) < bytes) open(bytes, true);
  }

  shared_string make(std::string_view s) { return shared_string(s.empty() ? nullptr : cut(s)); }

  // While alive, the shared_strings made from text on this thread (the constructors from a view,
  // a std::string or a char*, and their assignments) are cut from `pool`, as by pool.make(): a
  // document's claims, made by many producers, then share a few allocations without each
  // producer knowing the pool. Nests: the pool in use before comes back when it ends. Keep it to
  // a scope whose strings live and die together (one document's claims): a string kept alone
  // keeps its chunk alive.
  class on_this_thread {
   public:
    explicit on_this_thread(shared_string_pool& pool) noexcept;
    ~on_this_thread();
    on_this_thread(const on_this_thread&) = delete;
    on_this_thread& operator=(const on_this_thread&) = delete;

   private:
    shared_string_pool* outer_;
  };

 private:
  friend class shared_string;
  // The head of a chunk: the count its texts share (shared_string::block::count points here),
  // plus `held` while the pool cuts strings from it (the pool counts those it makes without
  // touching the atomic, and takes the difference off when it moves on).
  struct alignas(8) chunk {
    shared_string::count_type live;
  };
  static_assert(offsetof(chunk, live) == 0, "a text's count is the first word of its allocation");
  static constexpr std::size_t held = std::size_t{1} << 62;

  shared_string::block* cut(std::string_view s) {
    const std::size_t need = footprint(s.size());
    if (static_cast<std::size_t>(end_ - cur_) < need) {
      if (need > next_bytes_ / 4) return shared_string::make_own(s);  // a long text: a block of its own
      open(need);
    }
    char* at = cur_;
    cur_ += need;
    ++made_;
    auto* b = ::new (at) shared_string::block{&chunk_->live, s.size()};
    char* c = reinterpret_cast<char*>(b + 1);
    std::memcpy(c, s.data(), s.size());
    c[s.size()] = '\0';
    return b;
  }

  // A new chunk of next_bytes_ (or of `need` when it is more, or `exact`).
  void open(std::size_t need, bool exact = false) {
    close();
    const std::size_t bytes = sizeof(chunk) + (exact || need > next_bytes_ ? need : next_bytes_);
    if (!exact && next_bytes_ < last_bytes_) next_bytes_ *= 2;
    void* mem = ::operator new(bytes);
    chunk_ = ::new (mem) chunk{{held}};
    cur_ = static_cast<char*>(mem) + sizeof(chunk);
    end_ = static_cast<char*>(mem) + bytes;
    made_ = 0;
  }
  void close() noexcept {
    if (!chunk_) return;
    const std::size_t unused = held - made_;
    if (chunk_->live.fetch_sub(unused, std::memory_order_acq_rel) == unused)
      shared_string::free_allocation(&chunk_->live);
    chunk_ = nullptr;
    cur_ = end_ = nullptr;
  }

  chunk* chunk_ = nullptr;
  char* cur_ = nullptr;
  char* end_ = nullptr;
  std::size_t made_ = 0;
  std::size_t next_bytes_;  // the size of the next chunk
  std::size_t last_bytes_;  // chunks grow up to this size
};

// nlohmann::json conversions, found by argument-dependent lookup (no nlohmann include here).
template <class Json>
void to_json(Json& j, const shared_string& s) {
  j = s.str();
}
template <class Json>
void from_json(const Json& j, shared_string& s) {
  s = j.template get<typename Json::string_t>();
}

}  // namespace crosscheck

template <>
struct std::hash<crosscheck::shared_string> {
  std::size_t operator()(const crosscheck::shared_string& s) const noexcept { return std::hash<std::string_view>{}(s); }
};

template <>
struct fmt::formatter<crosscheck::shared_string> : fmt::formatter<fmt::string_view> {
  template <class FormatContext>
  auto format(const crosscheck::shared_string& s, FormatContext& ctx) const {
    return fmt::formatter<fmt::string_view>::format(fmt::string_view(s.data(), s.size()), ctx);
  }
};
