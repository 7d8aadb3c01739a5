#!/usr/bin/env bash
# Installs what is missing, builds the crosscheck CLI (Release) and prints the conflict report
# of the bundled sample corpus, data/samples/. Extra arguments go to `crosscheck report`
# (e.g. --format markdown). The report goes to stdout, build progress to stderr. crosscheck exits
# 1 when it finds conflicts; this demo expects some and exits 0 then.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >&2
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DCROSSCHECK_BUILD_TESTS=OFF -DCROSSCHECK_BUILD_BENCH=OFF >/dev/null
cmake --build build/release -j"$jobs" --target crosscheck_cli >&2
set +e
./build/release/crosscheck report "$@" data/samples
rc=$?
set -e
case $rc in
  0) echo "demo: no conflicts found (exit 0)" >&2 ;;
  1) echo "demo: conflicts found (crosscheck exits 1 when it finds conflicts)" >&2 ;;
  *) echo "demo: crosscheck failed with exit code $rc" >&2; exit "$rc" ;;
esac
