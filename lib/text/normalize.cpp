// Normalization that keeps offsets: each normalized byte records the original byte it came from.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstddef>
#include <cstring>
#include <string>
#include <vector>

#include "crosscheck/text.hpp"
#include "text/bytes.hpp"

#ifdef CROSSCHECK_WIDE_SCANS
#include <immintrin.h>
#endif

namespace crosscheck {
namespace {

// Decodes one UTF-8 sequence at s[i]; returns its code point and length, or {-1, 1} if invalid.
struct decoded {
  std::int32_t cp;
  std::size_t len;
};
decoded decode(std::string_view s, std::size_t i) noexcept {
  const auto c = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) -> int {
    if (i + k >= s.size()) return -1;
    const auto b = static_cast<unsigned char>(s[i + k]);
    return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
  };
  if (c < 0x80) return {c, 1};
  if ((c & 0xE0) == 0xC0) {
    const int b1 = cont(1);
    if (b1 < 0) return {-1, 1};
    return {((c & 0x1F) << 6) | b1, 2};
  }
  if ((c & 0xF0) == 0xE0) {
    const int b1 = cont(1), b2 = cont(2);
    if (b1 < 0 || b2 < 0) return {-1, 1};
    return {((c & 0x0F) << 12) | (b1 << 6) | b2, 3};
  }
  if ((c & 0xF8) == 0xF0) {
    const int b1 = cont(1), b2 = cont(2), b3 = cont(3);
    if (b1 < 0 || b2 < 0 || b3 < 0) return {-1, 1};
    return {((c & 0x07) << 18) | (b1 << 12) | (b2 << 6) | b3, 4};
  }
  return {-1, 1};
}

// What a code point becomes: nullptr keeps it as it is, "" drops it.
const char* replacement(std::int32_t cp) noexcept {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC: return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB: return "\"";
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000: return " ";
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF:
    case 0x200E: case 0x200F: case 0x202A: case 0x202B: case 0x202C: case 0x202D: case 0x202E:
    case 0x2066: case 0x2067: case 0x2068: case 0x2069: return "";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: return "-";
    case 0x2026: return "...";
    case 0x2028: case 0x2029: case 0x0085: return "\n";
    default: break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return " ";
  return nullptr;
}

bool is_dropped_at(std::string_view s, std::size_t i) noexcept {
  if (static_cast<unsigned char>(s[i]) < 0x80) return s[i] == '\r';  // no other ASCII byte is dropped
  const decoded d = decode(s, i);
  const char* r = d.cp >= 0 ? replacement(d.cp) : nullptr;
  return r && *r == '\0';
}

// The end of the run of bytes from t[i] on that normalization keeps as they are: the first byte
// of UTF-8, NUL or CR at or after i, or t.size(). Thirty-two bytes at a time (text/bytes.hpp),
// and the first stop in a block found from the bits of its lanes rather than byte by byte.
std::size_t end_of_plain_run(std::string_view t, std::size_t i) noexcept {
  using detail::lane_bits;
  using detail::load16;
  const char* const p = t.data();
  auto stops = [](detail::bytes16 v) { return lane_bits((v < 0) | (v == 0) | (v == '\r')); };
  while (i + 32 <= t.size()) {
    const std::uint32_t bits = stops(load16(p + i)) | stops(load16(p + i + 16)) << 16;
    if (bits != 0) return i + static_cast<std::size_t>(std::countr_zero(bits));
    i += 32;
  }
  if (i + 16 <= t.size()) {
    const std::uint32_t bits = stops(load16(p + i));
    if (bits != 0) return i + static_cast<std::size_t>(std::countr_zero(bits));
    i += 16;
  }
  while (i < t.size() && static_cast<unsigned char>(p[i]) < 0x80 && p[i] != '\r' && p[i] != '\0') ++i;
  return i;
}

#ifdef CROSSCHECK_WIDE_SCANS
// end_of_plain_run() thirty-two bytes a compare (AVX2), where the portable loop does sixteen;
// the last bytes, fewer than 32, are left to it.
__attribute__((target("avx2"))) std::size_t end_of_plain_run_wide(std::string_view t, std::size_t i) noexcept {
  const char* const p = t.data();
  const __m256i zero = _mm256_setzero_si256(), cr = _mm256_set1_epi8('\r');
  while (i + 32 <= t.size()) {
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + i));
    // UTF-8 bytes (0x80 and up) are the negative ones.
    const __m256i stops =
        _mm256_or_si256(_mm256_or_si256(_mm256_cmpgt_epi8(zero, v), _mm256_cmpeq_epi8(v, zero)), _mm256_cmpeq_epi8(v, cr));
    const auto bits = static_cast<std::uint32_t>(_mm256_movemask_epi8(stops));
    if (bits != 0) return i + static_cast<std::size_t>(std::countr_zero(bits));
    i += 32;
  }
  return end_of_plain_run(t, i);
}

// Writes from, from + 1, ..., from + n - 1 to d, in whole groups of 32 (eight offsets a store).
__attribute__((target("avx2"))) void count_up_wide(std::uint32_t* d, std::uint32_t from, std::uint32_t n) noexcept {
  __m256i a = _mm256_add_epi32(_mm256_set1_epi32(static_cast<int>(from)), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
  const __m256i eight = _mm256_set1_epi32(8);
  for (std::uint32_t k = 0; k < n; k += 32) {
    const __m256i b = _mm256_add_epi32(a, eight), c = _mm256_add_epi32(b, eight), e = _mm256_add_epi32(c, eight);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(d + k), a);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(d + k + 8), b);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(d + k + 16), c);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(d + k + 24), e);
    a = _mm256_add_epi32(e, eight);
  }
}
#endif

// `wide`: detail::wide_scans(), read once per document.
std::size_t plain_run_end(std::string_view t, std::size_t i, bool wide) noexcept {
#ifdef CROSSCHECK_WIDE_SCANS
  if (wide) return end_of_plain_run_wide(t, i);
#endif
  static_cast<void>(wide);
  return end_of_plain_run(t, i);
}

// Writes the offsets of normalized bytes into `map`. The map is grown ahead of the writes a
// block of 256 entries at a time, each block zeroed (1 KB: the zeroing stays in vector stores in
// the cache; resizing the map by more at once zeroes it with one long string instruction, which
// callgrind counts a byte at a time: a third of the instructions of preparing a document when
// the map was sized to the whole text), and cut to what was written at the end. A run's offsets
// and a replaced character's are written through a pointer, where each run resized the map
// twice and each replaced byte was a push_back.
class offset_writer {
 public:
  explicit offset_writer(std::vector<std::uint32_t>& map) noexcept : map_(map), wide_(detail::wide_scans()) {}

  // Appends from, from + 1, ..., to - 1: counted up sixteen offsets at a time with four vector
  // stores (GCC's and Clang's vector extension; the compiler's own loop did four a time).
  void run(std::uint32_t from, std::uint32_t to) {
    using offsets4 = std::uint32_t __attribute__((vector_size(16)));
    const std::uint32_t n = to - from;
    std::uint32_t* const d = room(n + 31);  // whole groups of 16 or 32; the extra ones are overwritten
#ifdef CROSSCHECK_WIDE_SCANS
    if (wide_) {
      count_up_wide(d, from, n);
      written_ += n;
      return;
    }
#else
    static_cast<void>(wide_);  // no wide version on this target
#endif
    offsets4 a = offsets4{0, 1, 2, 3} + from, b = a + 4, c = a + 8, e = a + 12;
    for (std::uint32_t k = 0; k < n; k += 16, a += 16, b += 16, c += 16, e += 16) {
      std::memcpy(d + k, &a, sizeof a);
      std::memcpy(d + k + 4, &b, sizeof b);
      std::memcpy(d + k + 8, &c, sizeof c);
      std::memcpy(d + k + 12, &e, sizeof e);
    }
    written_ += n;
  }
  void one(std::size_t orig) {
    *room(1) = static_cast<std::uint32_t>(orig);
    ++written_;
  }
  // Cuts the map to the offsets written.
  void finish() { map_.resize(written_); }

 private:
  // A pointer to `more` entries from the first unwritten one on.
  std::uint32_t* room(std::size_t more) {
    while (written_ + more > map_.size()) map_.resize(map_.size() + 256);
    return map_.data() + written_;
  }

  std::vector<std::uint32_t>& map_;
  const bool wide_;  // detail::wide_scans(), read once per document
  std::size_t written_ = 0;
};

// The offsets 0, 1, 2, ... n - 1 (n at most identity_limit), kept by the thread and grown to the
// longest text it normalized: the offsets of a run of unchanged bytes are a slice of it.
constexpr std::size_t identity_limit = std::size_t{1} << 20;  // 4 MB a thread at most
const std::uint32_t* identity(std::size_t n) {
  thread_local std::vector<std::uint32_t> offsets;
  if (offsets.size() < n) {
    const std::size_t from = offsets.size();
    offsets.resize(std::min(identity_limit, std::max(n, 2 * from)));
    for (std::size_t k = from; k < offsets.size(); ++k) offsets[k] = static_cast<std::uint32_t>(k);
  }
  return offsets.data();
}

// offset_writer's work for a text under identity_limit bytes: a run's offsets are copied from the
// thread's identity table with one vector::insert (a memmove) into the map, reserved for all of
// them, where offset_writer zeroed the map a block at a time and then counted the offsets up over
// the zeros: two writes per offset (a third of normalize()).
class offset_copier {
 public:
  offset_copier(std::vector<std::uint32_t>& map, std::size_t text_size) : map_(map), identity_(identity(text_size + 1)) {}
  void run(std::uint32_t from, std::uint32_t to) { map_.insert(map_.end(), identity_ + from, identity_ + to); }
  void one(std::size_t orig) { map_.push_back(static_cast<std::uint32_t>(orig)); }
  void finish() noexcept {}

 private:
  std::vector<std::uint32_t>& map_;
  const std::uint32_t* identity_;
};

// normalize()'s loop, writing the offsets with `offsets` (an offset_writer or an offset_copier).
template <class Offsets>
void normalize_into(std::string_view t, std::size_t start, std::string& out, Offsets& offsets) {
  const bool wide = detail::wide_scans();
  const char* const p = t.data();
  std::size_t i = start;
  while (i < t.size()) {
    // A run of bytes that stay as they are (most of a text): copied, its offsets written.
    const std::size_t run_end = plain_run_end(t, i, wide);
    if (run_end > i) {
      out.append(p + i, run_end - i);
      offsets.run(static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(run_end));
      i = run_end;
      if (i == t.size()) break;
    }
    auto emit = [&](char c, std::size_t orig) {
      out.push_back(c);
      offsets.one(orig);
    };
    const char c = t[i];
    if (c == '\r') {
      if (i + 1 < t.size() && t[i + 1] == '\n') {  // CR LF: the LF carries on
        ++i;
        continue;
      }
      emit('\n', i);
      ++i;
      continue;
    }
    if (c == '\0') {
      emit(' ', i);
      ++i;
      continue;
    }
    // News text's non-ASCII characters are nearly all punctuation of U+2000 to U+203F (curly
    // quotes, dashes, the ellipsis: E2 80 xx) or a no-break space (C2 A0): those two forms are
    // decoded here, any other by decode(). A third of the cost of such a character was the call.
    decoded d;
    const auto lead = static_cast<unsigned char>(c);
    if (lead == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(t[i + 2]) & 0xC0) == 0x80)
      d = {0x2000 | (static_cast<unsigned char>(t[i + 2]) & 0x3F), 3};
    else if (lead == 0xC2 && i + 1 < t.size() && (static_cast<unsigned char>(t[i + 1]) & 0xC0) == 0x80)
      d = {static_cast<unsigned char>(t[i + 1]), 2};  // U+0080 to U+00BF: the second byte is the code point
    else
      d = decode(t, i);
    const char* r = d.cp >= 0 ? replacement(d.cp) : nullptr;
    if (r) {
      for (const char* q = r; *q; ++q) emit(*q, i);
    } else {
      for (std::size_t k = 0; k < d.len; ++k) emit(t[i + k], i + k);
    }
    i += d.len;
  }
  offsets.one(t.size());
  offsets.finish();
}

}  // namespace

namespace detail {
bool& wide_scans() noexcept {
#ifdef CROSSCHECK_WIDE_SCANS
  static bool wide = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
  }();
#else
  static bool wide = false;
#endif
  return wide;
}
}  // namespace detail

void normalize(document& doc) {
  const std::string_view t = doc.text;
  const std::size_t start = std::min(doc.body_begin, t.size());
  // No replacement is longer than the character it replaces (the ellipsis is three bytes and
  // becomes "..."; a CR LF, two, becomes one): the normalized text fits in the text's size, and
  // both buffers are reserved for that once. They are appended to, run by run: resize() to that
  // size zero-filled five bytes per text byte (the offsets are four) only to overwrite them, a
  // third of the cost of preparing a document.
  std::string& out = doc.normalized;
  std::vector<std::uint32_t>& map = doc.norm_to_orig;
  out.clear();
  map.clear();
  out.reserve(t.size() - start);
  if (t.size() < identity_limit) {
    map.reserve(t.size() - start + 1);
    offset_copier offsets(map, t.size());
    normalize_into(t, start, out, offsets);
  } else {
    // Room for the blocks the map grows by (offset_writer) past the one offset a text byte at most.
    map.reserve(t.size() - start + 1 + 256 + 32);
    offset_writer offsets(map);
    normalize_into(t, start, out, offsets);
  }
}

std::size_t document::to_original(std::size_t n) const {
  if (norm_to_orig.empty()) return std::min(n, text.size());
  return norm_to_orig[std::min(n, norm_to_orig.size() - 1)];
}

text_span document::to_original(text_span s) const {
  const std::size_t b = to_original(s.begin);
  if (s.end <= s.begin) return {b, b};
  std::size_t e = to_original(s.end);
  // The common case: the span's last character is ASCII, which normalization never drops but
  // for a CR.
  if (e > b + 1 && static_cast<unsigned char>(text[e - 1]) < 0x80 && text[e - 1] != '\r') return {b, e};
  // Do not take in characters that normalization dropped right after the span.
  while (e > b + 1) {
    std::size_t k = e - 1;
    while (k > b && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;  // start of the last char
    if (!is_dropped_at(text, k)) break;
    e = k;
  }
  return {b, e};
}

const sentence* document::sentence_at(std::size_t n) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), n,
                             [](std::size_t off, const sentence& s) { return off < s.normalized.begin; });
  if (it == sentences.begin()) return nullptr;
  --it;
  return n < it->normalized.end ? &*it : nullptr;
}

}  // namespace crosscheck
