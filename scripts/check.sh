#!/usr/bin/env bash
# Installs what is missing, builds everything with warnings as errors and runs the whole test
# suite; then builds again with AddressSanitizer + UndefinedBehaviorSanitizer and runs it again;
# then builds the libFuzzer targets with clang and runs each briefly on its seed corpus.
# This is what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)

echo "== build (RelWithDebInfo, -Werror) and test"
cmake -S . -B build/check -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCROSSCHECK_WERROR=ON
cmake --build build/check -j"$jobs"
(cd build/check && ctest --output-on-failure -j"$jobs")

echo "== build with ASan + UBSan (-Werror) and test"
cmake -S . -B build/sanitize -DCMAKE_BUILD_TYPE=Debug -DCROSSCHECK_WERROR=ON -DCROSSCHECK_SANITIZE=ON \
  -DCROSSCHECK_BUILD_BENCH=OFF
cmake --build build/sanitize -j"$jobs"
(cd build/sanitize &&
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --output-on-failure -j"$jobs")

echo "== fuzz smoke: each libFuzzer target (clang, ASan + UBSan) on its seed corpus, about a minute in all"
cmake -S . -B build/fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCROSSCHECK_FUZZ=ON
cmake --build build/fuzz -j"$jobs"
bash scripts/fuzz.sh smoke
