// Phase timings on standard error, for finding where a run's time goes:
//   CROSSCHECK_TIMINGS=1 crosscheck reconcile claims.jsonl
// prints "crosscheck: timing: read_claims_jsonl 0.41 s (cpu 0.40 s)" and so on, one line per phase, as each
// phase ends. Unset (or "0"), nothing is printed and a timer costs one branch.
#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace crosscheck::detail {

inline bool timings_enabled() noexcept {
  static const bool on = [] {
    const char* v = std::getenv("CROSSCHECK_TIMINGS");
    return v && *v && !(v[0] == '0' && v[1] == '\0');
  }();
  return on;
}

// Prints, under its name, the time from its construction to its destruction; lap() prints the
// time of a part ("reconcile/grouping") since the previous lap.
class phase_timer {
 public:
  explicit phase_timer(const char* name) noexcept
      : name_(name), start_(std::chrono::steady_clock::now()), lap_(start_), cpu_start_(std::clock()), cpu_lap_(cpu_start_) {}
  phase_timer(const phase_timer&) = delete;
  phase_timer& operator=(const phase_timer&) = delete;
  ~phase_timer() {
    if (timings_enabled()) print(name_, std::chrono::steady_clock::now() - start_, std::clock() - cpu_start_);
  }
  void lap(const char* part) noexcept {
    if (!timings_enabled()) return;
    const auto now = std::chrono::steady_clock::now();
    const std::clock_t cpu = std::clock();
    print(part, now - lap_, cpu - cpu_lap_);
    lap_ = now;
    cpu_lap_ = cpu;
  }

 private:
  // Wall time and the process's CPU time (all threads): on a loaded machine the second is the
  // steadier figure.
  static void print(const char* what, std::chrono::steady_clock::duration d, std::clock_t cpu) noexcept {
    std::fprintf(stderr, "crosscheck: timing: %s %.3f s (cpu %.3f s)\n", what, std::chrono::duration<double>(d).count(),
                 static_cast<double>(cpu) / CLOCKS_PER_SEC);
  }
  const char* name_;
  std::chrono::steady_clock::time_point start_, lap_;
  std::clock_t cpu_start_, cpu_lap_;
};

}  // namespace crosscheck::detail
