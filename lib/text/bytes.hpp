// Internal: sixteen bytes of a text in one vector register, and which of them match, as bits.
//
// GCC's and Clang's vector extension does the compares on any target; the lanes that matched
// are gathered into a mask with one instruction where the target has one (SSE2's movemask, on
// every x86-64), so that a scan tests sixteen bytes with a few instructions and finds the first
// match in a block with a count of trailing zeros, where it went byte by byte.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#if defined(__x86_64__) && defined(__GNUC__)
#define CROSSCHECK_WIDE_SCANS 1  // normalize and segment have AVX2 scans, used when the CPU has it
#endif

namespace crosscheck::detail {

using bytes16 = signed char __attribute__((vector_size(16)));

inline bytes16 load16(const char* p) noexcept {
  bytes16 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// Bit k is set when lane k of a compare's result (all ones or all zeros per lane) is set.
inline std::uint32_t lane_bits(bytes16 lanes) noexcept {
#if defined(__SSE2__)
  return static_cast<std::uint32_t>(_mm_movemask_epi8(std::bit_cast<__m128i>(lanes)));
#else
  std::uint32_t bits = 0;
  for (int k = 0; k < 16; ++k) bits |= static_cast<std::uint32_t>(lanes[k] & 1) << k;
  return bits;
#endif
}

// Whether normalize() and segment() use their 32-byte (AVX2) scans: set at start-up to whether
// the CPU has AVX2 (the build targets plain x86-64, so they are chosen at run time). The tests
// turn it off to check that the portable scans give the same results. Not to be changed while
// another thread prepares a document.
bool& wide_scans() noexcept;

}  // namespace crosscheck::detail
