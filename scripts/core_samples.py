#!/usr/bin/env python3
"""Samples the one-core pipeline benchmarks on every core, round after round, and summarizes them.

A single bench.sh run gives the verdict of its three minutes. On a shared host a core's speed
changes from minute to minute (docs/BENCHMARKS.md, rounds 11 to 14: about 200 MB/s when the core
has the host to itself, about half that when another tenant saturates it), so that what a core
does is a distribution over time. This script measures that distribution:

    python3 scripts/core_samples.py                       # 20 rounds, one every 40 seconds
    python3 scripts/core_samples.py --rounds 40 --interval 30 --raw build/bench/samples.csv

Each round runs, on each core in turn (taskset -c N),

    crosscheck_bench --benchmark_filter='BM_pipeline(_fresh)?$' --benchmark_min_time=1

and prints one line: the time and each core's MB/s. At the end it prints, per benchmark and core
and for all readings together: how many, the lowest, the 5th and 10th percentiles, the median,
the highest, and how many read below the target (100 MB/s, issue 8's "per core" figure).
Nothing else should run on the machine meanwhile. Needs build/release (bash scripts/bench.sh, or
cmake -DCROSSCHECK_BUILD_BENCH=ON) and taskset (util-linux).
"""
import argparse
import csv
import datetime
import json
import os
import statistics
import subprocess
import sys
import time

FILTER = "BM_pipeline(_fresh)?$"


def read_round(bench, core, min_time):
    """One run of the pipeline benchmarks pinned to `core`: {benchmark name: MB/s}."""
    cmd = ["taskset", "-c", str(core), bench, f"--benchmark_filter={FILTER}", f"--benchmark_min_time={min_time}",
           "--benchmark_format=json"]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    except FileNotFoundError as e:
        sys.exit(f"core_samples: cannot run {e.filename}: not found")
    except subprocess.CalledProcessError as e:
        sys.exit(f"core_samples: {' '.join(cmd)} failed with exit status {e.returncode}: {e.stderr.strip()}")
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError as e:
        sys.exit(f"core_samples: {bench} wrote no JSON report ({e})")
    out = {}
    for b in report.get("benchmarks", []):
        if "bytes_per_second" in b:
            out[b["name"]] = b["bytes_per_second"] / 1e6
    if not out:
        sys.exit(f"core_samples: {bench} ran no benchmark matching {FILTER}")
    return out


def percentile(sorted_values, p):
    """The p-th percentile (0..100) by linear interpolation between the closest ranks."""
    if len(sorted_values) == 1:
        return sorted_values[0]
    k = (len(sorted_values) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


def summary_row(label, values, target):
    v = sorted(values)
    below = sum(1 for x in v if x < target)
    return (f"| {label} | {len(v)} | {v[0]:.1f} | {percentile(v, 5):.1f} | {percentile(v, 10):.1f} | "
            f"{statistics.median(v):.1f} | {v[-1]:.1f} | {below} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=20, help="rounds of readings (default 20)")
    ap.add_argument("--interval", type=float, default=40, help="seconds from one round's start to the next's (default 40)")
    ap.add_argument("--bin", default="build/release", help="the build directory (default build/release)")
    ap.add_argument("--min-time", type=float, default=1.0, help="--benchmark_min_time of each run (default 1)")
    ap.add_argument("--target", type=float, default=100.0, help="MB/s a reading is counted against (default 100)")
    ap.add_argument("--raw", help="also write every reading to this CSV file (time, core, benchmark, MB/s)")
    args = ap.parse_args()
    if args.rounds < 1 or args.interval < 0 or args.min_time <= 0:
        sys.exit("core_samples: --rounds must be at least 1, --interval at least 0, --min-time above 0")
    bench = os.path.join(args.bin, "bench", "crosscheck_bench")
    if not os.access(bench, os.X_OK):
        sys.exit(f"core_samples: {bench}: no such program (build it: bash scripts/bench.sh, or cmake "
                 f"-DCROSSCHECK_BUILD_BENCH=ON in {args.bin})")
    if args.raw:  # found unwritable now, not after the rounds
        try:
            open(args.raw, "w").close()
        except OSError as e:
            sys.exit(f"core_samples: cannot write {args.raw}: {e.strerror}")
    cores = sorted(os.sched_getaffinity(0))
    rows = []  # (time, core, benchmark, MB/s)
    failed = False
    print(f"core_samples: {args.rounds} rounds, one every {args.interval:g} s, cores {cores}, {bench}", flush=True)
    try:
        for r in range(args.rounds):
            start = time.monotonic()
            stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%H:%M:%S")
            line = [stamp]
            for c in cores:
                readings = read_round(bench, c, args.min_time)
                line.append(f"core {c} " + " ".join(f"{n}={v:.1f}" for n, v in sorted(readings.items())))
                rows.extend((stamp, c, n, v) for n, v in sorted(readings.items()))
            print(" | ".join(line), flush=True)
            if r + 1 < args.rounds:
                time.sleep(max(0.0, args.interval - (time.monotonic() - start)))
    except KeyboardInterrupt:  # stopped early: what was read is still summarized and kept
        print(f"core_samples: interrupted after {len(rows)} readings", file=sys.stderr)
        if not rows:
            sys.exit(130)
    if args.raw:
        try:
            with open(args.raw, "w", newline="") as f:
                w = csv.writer(f)
                w.writerow(["utc", "core", "benchmark", "mb_per_s"])
                w.writerows((t, c, n, f"{v:.2f}") for t, c, n, v in rows)
        except OSError as e:
            print(f"core_samples: cannot write {args.raw}: {e.strerror}; the readings are only printed", file=sys.stderr)
            failed = True
    print()
    print(f"| benchmark | core | readings | lowest | p5 | p10 | median | highest | below {args.target:g} |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for name in sorted({n for _, _, n, _ in rows}):
        for c in cores:
            print(summary_row(f"`{name}` | {c}", [v for _, cc, n, v in rows if n == name and cc == c], args.target))
        print(summary_row(f"`{name}` | all", [v for _, _, n, v in rows if n == name], args.target))
    print(summary_row("every reading | all", [v for *_, v in rows], args.target))
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
