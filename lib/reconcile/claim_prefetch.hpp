// Internal: the reconciler's per-claim loops (reconcile.cpp, truth.cpp) ask for the next
// slot's claims ahead of time.
#pragma once

#include "crosscheck/claim.hpp"

namespace crosscheck::detail {

// Asks the memory for the parts of a claim that the reconciler's loops read (its value and
// modality, its evidence's source, sentence and attribution, its id). A slot's claims lie far
// apart in a big input, so each is a cache miss; the loops ask for the next slot's claims while
// they work on this one's.
inline void prefetch_claim(const claim& c) {
  __builtin_prefetch(&c.id);
  __builtin_prefetch(&c.val);
  __builtin_prefetch(&c.mod);
  __builtin_prefetch(&c.ev.source);
  __builtin_prefetch(&c.ev.sentence);
  __builtin_prefetch(&c.ev.attribution);
}

}  // namespace crosscheck::detail
