#!/usr/bin/env python3
"""Medians and ratios of a scripts/baseline.sh run: the bare procedure against CriuBench's own.

Usage: baseline-ratios.py OUT   (OUT holds baseline.csv and criubench/<run>/migrations.csv)
"""
import csv
import glob
import os
import random
import statistics
import sys

out = sys.argv[1]
bare = {}
with open(os.path.join(out, "baseline.csv")) as f:
    for row in csv.DictReader(f):
        bare.setdefault(row["kind"], []).append(float(row["stop_ms"]))

rows = []
for path in sorted(glob.glob(os.path.join(out, "criubench", "*", "migrations.csv"))):
    if os.path.islink(os.path.dirname(path)):
        continue  # results/latest points at a run already counted
    with open(path) as f:
        rows += [r for r in csv.DictReader(f) if r["succeeded"].lower() == "true"]


def values(workload, strategy, column):
    return [float(r[column]) for r in rows if r["workload"] == workload and r["strategy"] == strategy and r[column]]


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def bootstrap(ratio_of, samples, rounds=5000):
    """The 95% interval of a ratio of medians, resampling each sample with replacement (fixed seed: the
    same CSV files give the same interval). The machine's own noise is as large as the effects here, so
    a ratio alone does not say whether a goal is met."""
    rng = random.Random(20261201)
    ratios = sorted(ratio_of(*[[rng.choice(xs) for _ in xs] for xs in samples]) for _ in range(rounds))
    return ratios[int(0.025 * rounds)], ratios[int(0.975 * rounds)]


def line(name, ratio_of, samples, goal):
    ours, theirs = (median(xs) for xs in samples)
    ratio = ratio_of(*samples) if all(samples) else float("nan")
    low, high = bootstrap(ratio_of, samples) if all(samples) else (float("nan"), float("nan"))
    verdict = ("meets, also at the interval's top" if high <= goal else "meets" if ratio <= goal else "misses")
    print(f"{name}: {ours:.1f} ms / {theirs:.1f} ms = {ratio:.2f}x, 95% interval {low:.2f}-{high:.2f}x (goal <= {goal}x: {verdict})")


def of_medians(ours, theirs):
    return median(ours) / median(theirs)


print(f"pairs: bare process {len(bare.get('bare-process', []))}, bare runc {len(bare.get('bare-runc', []))}, "
      f"bare podman {len(bare.get('bare-podman', []))}, CriuBench counter/tar {len(values('counter', 'tar', 'stop_time_ms'))}, "
      f"podman-counter/tar {len(values('podman-counter', 'tar', 'stop_time_ms'))}")
line("counter, tar: CriuBench stop time / bare script", of_medians,
     [values("counter", "tar", "stop_time_ms"), bare.get("bare-process", [])], 1.0)
line("runc counter, tar: CriuBench stop time / bare runc checkpoint + restore", of_medians,
     [values("runc-counter", "tar", "stop_time_ms"), bare.get("bare-runc", [])], 1.2)
line("podman counter, tar: CriuBench stop time / bare podman checkpoint --export + restore --import", of_medians,
     [values("podman-counter", "tar", "stop_time_ms"), bare.get("bare-podman", [])], 1.05)

# The counter prints every 100 ms and carries no timestamps: the app-observed downtime is the
# timestamp printer's (1 ms lines), the same kind of process. Best = the lowest median.
best = None
for strategy in sorted({r["strategy"] for r in rows if r["workload"] == "timestamps"}):
    measured = [r for r in rows if r["workload"] == "timestamps" and r["strategy"] == strategy
                and r["app_downtime_ms"] and r["criu_frozen_time_ms"] and r["criu_restore_time_ms"]]
    downtime = [float(r["app_downtime_ms"]) for r in measured]
    criu = [float(r["criu_frozen_time_ms"]) + float(r["criu_restore_time_ms"]) for r in measured]
    print(f"timestamps, {strategy}: app downtime {median(downtime):.1f} ms, CRIU frozen + restore {median(criu):.1f} ms")
    if downtime and (best is None or median(downtime) < median(best[1])):
        best = (strategy, downtime, criu)
if best:
    line(f"timestamps, best strategy ({best[0]}): app-observed downtime / CRIU frozen_time + restore_time", of_medians,
         [best[1], best[2]], 3.0)
with open(os.path.join(out, "load.txt")) as f:
    print("load at the end:", f.read().strip())
