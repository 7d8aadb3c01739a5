#!/usr/bin/env bash
# Installs the Debian 12 packages crosscheck needs to build, test and benchmark.
# Safe to run again: packages already present are left alone.
# Runs apt-get as root, or through sudo; says so and exits 3 when it can do neither.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libboost-dev libboost-graph-dev   # Boost.Graph (connected components), Boost.Algorithm
  libfmt-dev libyaml-cpp-dev
  nlohmann-json3-dev libcli11-dev
  catch2                            # Catch2 v2 (2.13.x on Debian 12)
  libbenchmark-dev                  # bench/
  clang libclang-rt-14-dev          # tests/fuzz/: clang++ and libFuzzer (libclang_rt.fuzzer), a recommends of clang
  chromium                          # tests/cli/html_chromium_test.cpp: the HTML report opened headless
  time python3                       # scripts/bench.sh: /usr/bin/time for peak memory, bench_report.py for the tables
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo)
else
  echo "setup: these packages are missing: ${missing[*]}" >&2
  echo "setup: installing them needs root; run this script as root, or give this user sudo," >&2
  echo "setup: or install them yourself: apt-get install ${missing[*]}" >&2
  exit 3
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
