#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz/ (built in build/fuzz with -DCROSSCHECK_FUZZ=ON and
# clang++, as scripts/check.sh does). See docs/ROBUSTNESS.md.
#
#   bash scripts/fuzz.sh smoke               # every target: its regressions, then 11 s on its seeds (CI)
#   bash scripts/fuzz.sh run TARGET SECONDS  # one long run; new inputs in build/fuzz/work/TARGET,
#                                            # crashes in build/fuzz/artifacts/TARGET/
#
# One fuzzer at a time, one process (-workers=1). The seed corpus in tests/fuzz/corpus is only
# read: what a run finds goes to a work folder.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/fuzz/fuzz
targets=(fuzz_pipeline fuzz_manifest fuzz_rules fuzz_jsonl fuzz_values)
common=(-timeout=10 -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1)
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

case "${1:-smoke}" in
  smoke)
    for t in "${targets[@]}"; do
      if compgen -G "tests/fuzz/regressions/$t/*" >/dev/null; then
        echo "fuzz: $t: replaying tests/fuzz/regressions/$t"
        "$bin/$t" "${common[@]}" tests/fuzz/regressions/"$t"/*
      fi
      work=$(mktemp -d)
      echo "fuzz: $t: 11 s on tests/fuzz/corpus/$t"
      if ! "$bin/$t" "${common[@]}" -max_total_time=11 -artifact_prefix="$work/" "$work" "tests/fuzz/corpus/$t" \
        >"$work/log" 2>&1; then
        tail -n 60 "$work/log"
        echo "fuzz: $t failed; the input is in $work (keep it in tests/fuzz/regressions/$t/)" >&2
        exit 1
      fi
      grep -E '^stat::number_of_executed_units' "$work/log" || true
      rm -rf "$work"
    done
    ;;
  run)
    t=$2
    seconds=$3
    mkdir -p "build/fuzz/work/$t" "build/fuzz/artifacts/$t"
    exec "$bin/$t" "${common[@]}" -workers=1 -max_total_time="$seconds" -artifact_prefix="build/fuzz/artifacts/$t/" \
      "build/fuzz/work/$t" "tests/fuzz/corpus/$t"
    ;;
  *)
    echo "usage: fuzz.sh smoke | run TARGET SECONDS" >&2
    exit 2
    ;;
esac
