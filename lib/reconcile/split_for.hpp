// Internal: a loop cut in two, the second part on a thread of its own (truth discovery's
// rounds, the grouping's blocking pass).
#pragma once

#include <cstddef>
#include <exception>
#include <system_error>
#include <thread>

namespace crosscheck::detail {

// f(begin, end, part) over [0, n) in `parts` (1 or 2) ranges, [0, mid) as part 0 on this thread
// and [mid, n) as part 1 on a second one. With one part, or a cut at either end, f(0, n, 0) on
// this thread; also when no thread can be started. An exception of either part is rethrown
// here, once both have ended.
template <class F>
void split_for(std::size_t n, std::size_t mid, unsigned parts, const F& f) {
  if (parts < 2 || mid == 0 || mid >= n) {
    f(0, n, 0);
    return;
  }
  std::exception_ptr failure;
  std::thread second;
  try {
    second = std::thread([&] {
      try {
        f(mid, n, 1);
      } catch (...) {
        failure = std::current_exception();
      }
    });
  } catch (const std::system_error&) {
    f(0, n, 0);
    return;
  }
  struct joiner {
    std::thread& t;
    ~joiner() {
      if (t.joinable()) t.join();
    }
  } join_second{second};
  f(0, mid, 0);
  second.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace crosscheck::detail
