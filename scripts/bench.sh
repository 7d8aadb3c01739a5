#!/usr/bin/env bash
# Runs every benchmark and rewrites the generated section of docs/BENCHMARKS.md (between the
# "bench.sh:begin" and "bench.sh:end" markers) with the figures, the commands, the machine and
# the load. The hand-written sections below it are left alone.
#
#   bash scripts/bench.sh            # full: about 5 to 6 minutes on 2 cores (10^7 claims: ~7 GB RAM)
#   bash scripts/bench.sh --quick    # small sizes: a minute or two
#   options: --no-build (use build/release as it is), --no-doc (print, leave the doc alone),
#            --jobs N (build jobs, default 2)
#
# Builds Release in build/release, then runs: crosscheck_bench (each extractor and the pipeline,
# MB/s, one core; any multi-thread BM_pipeline it has), the same pipeline on all cores (one
# `crosscheck claims` process per core, each on its own corpus), crosscheck_scale (10^3 .. 10^7
# claims: time and peak RSS), crosscheck_flight (when ../shared/truth-data/flight is there),
# crosscheck_gen + `crosscheck report` end to end at 1k, 10k and 100k articles, and
# crosscheck_gen_eval at each size. Raw outputs stay in build/bench/.
# Needs: the packages of scripts/setup.sh (it runs it first: /usr/bin/time and python3 are among them).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

mode=full build=1 doc=1 jobs=2
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=quick ;;
    --no-build) build=0 ;;
    --no-doc) doc=0 ;;
    --jobs) jobs="$2"; shift ;;
    *) echo "bench.sh: unknown option $1 (try --quick, --no-build, --no-doc, --jobs N)" >&2; exit 2 ;;
  esac
  shift
done

if [ "$mode" = quick ]; then
  gen_sizes="1000 3000"
  scale_sizes="1000 10000 100000"
  min_time=0.2
  flight_days="--days 1"
else
  gen_sizes="1000 10000 100000"
  scale_sizes="1000 10000 100000 1000000 10000000"
  min_time=1
  flight_days=""
fi

started=$(date +%s)
if [ "$build" = 1 ]; then
  bash scripts/setup.sh
  cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DCROSSCHECK_BUILD_BENCH=ON >/dev/null
  cmake --build build/release -j"$jobs"
fi
bin=build/release
for b in bench/crosscheck_bench bench/crosscheck_scale bench/crosscheck_gen bench/crosscheck_gen_eval crosscheck; do
  [ -x "$bin/$b" ] || { echo "bench.sh: $bin/$b is missing (build without --no-build)" >&2; exit 2; }
done
out=build/bench
rm -rf "$out"
mkdir -p "$out"
cmds="$out/commands.txt"
: >"$cmds"
run() {  # logs the command, then runs it
  echo "$*" >>"$cmds"
  "$@"
}
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "== machine"
{
  echo "date=$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "cpu=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1)"
  # The model name alone ("AMD EPYC") hides the generation, and the same code has run 83 to 180
  # MB/s on machines of that name: the family, model and stepping say which CPU it was.
  echo "cpu_id=$(lscpu | awk -F: '/^CPU family:/ {gsub(/ /, "", $2); f=$2} /^Model:/ {gsub(/ /, "", $2); m=$2}
    /^Stepping:/ {gsub(/ /, "", $2); s=$2} END {printf "family %s, model %s, stepping %s", f, m, s}')"
  echo "cpu_mhz=$(awk -F: '/^cpu MHz/ {printf "%.0f", $2; exit}' /proc/cpuinfo)"
  echo "cpu_avx512=$(grep -q -w avx512f /proc/cpuinfo && echo yes || echo no)"
  echo "cores=$(nproc)"
  echo "ram=$(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "compiler=$(c++ --version | head -1)"
  echo "mode=$mode"
  echo "load_start=$(load)"
} | tee "$out/machine.txt"

echo "== extraction throughput, one core (crosscheck_bench)"
echo "load_bench=$(load)" >>"$out/machine.txt"
run "$bin/bench/crosscheck_bench" --benchmark_filter='BM_(prepare|tokenize|read_dates|extract|pipeline)' \
  --benchmark_min_time="$min_time" --benchmark_format=json --benchmark_out="$out/bench.json" \
  --benchmark_out_format=json >/dev/null
# The two one-core pipeline figures the target is read from, five times each, on each core in
# turn (taskset): the machine's speed changes by a third from minute to minute, one run can land
# in a slow or a fast one, and its cores differ (on 2026-12-02 core 0 ran 100 to 130 MB/s while
# core 1 ran 170 to 180, the same binary). The target is read on the slowest core.
for c in $(seq 0 $(($(nproc) - 1))); do
  echo "load_pipeline_cpu$c=$(load)" >>"$out/machine.txt"
  run taskset -c "$c" "$bin/bench/crosscheck_bench" --benchmark_filter='BM_pipeline(_fresh)?$' --benchmark_repetitions=5 \
    --benchmark_min_time="$min_time" --benchmark_format=json --benchmark_out="$out/pipeline_reps_cpu$c.json" \
    --benchmark_out_format=json >/dev/null
done

echo "== the synthetic corpora"
for n in $gen_sizes; do
  /usr/bin/time -f '%e %M' -o "$out/gen_$n.time" \
    "$bin/bench/crosscheck_gen" --seed 1 --articles "$n" --events $((n / 50)) --outlets 40 --out "$out/corpus_$n"
  echo "$bin/bench/crosscheck_gen --seed 1 --articles $n --events $((n / 50)) --outlets 40 --out $out/corpus_$n" >>"$cmds"
done

echo "== whole pipeline on all cores (one crosscheck claims per core)"
cores=$(nproc)
par_n=$(echo "$gen_sizes" | awk '{print $2}')
for i in $(seq 1 "$cores"); do
  "$bin/bench/crosscheck_gen" --seed $((100 + i)) --articles "$par_n" --events $((par_n / 50)) --outlets 40 \
    --out "$out/par_$i" >/dev/null
done
par_bytes=$(cat "$out"/par_*/*.txt | wc -c)
echo "load_parallel=$(load)" >>"$out/machine.txt"
echo "for i in 1..$cores: $bin/crosscheck claims $out/par_\$i >/dev/null &  (wait for all)" >>"$cmds"
t0=$(date +%s.%N)
for i in $(seq 1 "$cores"); do
  /usr/bin/time -f '%e %U %S' -o "$out/par_$i.time" "$bin/crosscheck" claims "$out/par_$i" >/dev/null &
done
wait
t1=$(date +%s.%N)
/usr/bin/time -f '%e %U %S' -o "$out/one.time" "$bin/crosscheck" claims "$out/par_1" >/dev/null
one_bytes=$(cat "$out"/par_1/*.txt | wc -c)
echo "$cores $par_bytes $t0 $t1 $one_bytes $(cat "$out/one.time")" >"$out/parallel.txt"

echo "== end to end (crosscheck report) and scoring (crosscheck_gen_eval)"
for n in $gen_sizes; do
  echo "load_e2e_$n=$(load)" >>"$out/machine.txt"
  echo "/usr/bin/time -f '%e %M' $bin/crosscheck report $out/corpus_$n >/dev/null" >>"$cmds"
  /usr/bin/time -f '%e %M' -o "$out/e2e_$n.time" "$bin/crosscheck" report "$out/corpus_$n" >/dev/null || true
  run "$bin/bench/crosscheck_gen_eval" "$out/corpus_$n" --label "$n" --json "$out/eval_$n.json" \
    --markdown "$out/eval_$n.md" | tee "$out/eval_$n.txt"
done

echo "== reconciliation scale (crosscheck_scale)"
for n in $scale_sizes; do
  echo "load_scale_$n=$(load)" >>"$out/machine.txt"
  echo "/usr/bin/time -f '%e %M' $bin/bench/crosscheck_scale $n" >>"$cmds"
  /usr/bin/time -f '%e %M' -o "$out/scale_$n.time" "$bin/bench/crosscheck_scale" "$n" | tee "$out/scale_$n.txt"
done

flight=../shared/truth-data/flight
if [ -d "$flight" ] && [ -x "$bin/bench/crosscheck_flight" ]; then
  echo "== Flight (crosscheck_flight)"
  echo "load_flight=$(load)" >>"$out/machine.txt"
  echo "/usr/bin/time -f '%e %M' $bin/bench/crosscheck_flight $flight $flight_days" >>"$cmds"
  # shellcheck disable=SC2086
  /usr/bin/time -f '%e %M' -o "$out/flight.time" "$bin/bench/crosscheck_flight" "$flight" $flight_days \
    >"$out/flight.txt" 2>&1 || echo "crosscheck_flight failed (see $out/flight.txt)"
fi
echo "load_end=$(load)" >>"$out/machine.txt"
echo "elapsed=$(( $(date +%s) - started ))" >>"$out/machine.txt"

echo "== writing the report"
python3 scripts/bench_report.py "$out" "$mode" >"$out/section.md"
cat "$out/section.md"
if [ "$doc" = 1 ]; then
  python3 scripts/bench_report.py --splice "$out/section.md" docs/BENCHMARKS.md
  echo "bench.sh: docs/BENCHMARKS.md rewritten between its bench.sh markers"
fi
