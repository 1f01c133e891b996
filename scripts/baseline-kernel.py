#!/usr/bin/env python3
"""The kernel's view of a KERNEL_TRACE=1 scripts/baseline.sh run: per command of the counter's tar
migration, bare and CriuBench, the time from its fork to its exit, and the gaps between commands.

Usage: baseline-kernel.py TRACE   (ftrace text: sched_process_fork/exec/exit, mono clock, with the
baseline's markers "bare-start ID", "bare-end ID", "criubench-start N", "criubench-end N")

A command is a process whose first program enters a lab host (nsenter for the bare script,
enter-host for CriuBench). A bare window lies between its markers; in a CriuBench round the windows
are found as four such commands in a row: criu, then a bash that packs with tar and becomes scp,
tar, criu. The round's first three are the warm-up and the counter's two tar migrations (the
baseline's cells run tar first and the counter first); the warm-up is left out, as is each round's
first bare leg's cold start of CRIU in a new lab (bare-1-1).
"""
import re
import statistics
import sys
from collections import defaultdict

EVENT = re.compile(r"^\s*(.+?)-(\d+)\s+\[\d+\]\s+\S+\s+([\d.]+): (\w+): (.*)$")
ENTER = ("nsenter", "enter-host")
STEPS = ["dump", "pack and copy", "unpack", "restore"]

fork, execs, exits, marks = {}, defaultdict(list), {}, []
with open(sys.argv[1]) as trace:
    for line in trace:
        match = EVENT.match(line)
        if not match:
            continue
        time, kind, rest = float(match.group(3)), match.group(4), match.group(5)
        if kind == "sched_process_fork":
            fork[int(re.search(r"child_pid=(\d+)", rest).group(1))] = time
        elif kind == "sched_process_exec":
            pid = int(re.search(r" pid=(\d+)", rest).group(1))
            execs[pid].append(re.search(r"filename=(\S+)", rest).group(1).rsplit("/", 1)[-1])
        elif kind == "sched_process_exit" and "group_dead=true" in rest:
            exits[int(re.search(r" pid=(\d+)", rest).group(1))] = time
        elif kind == "tracing_mark_write":
            marks.append((time, rest.strip()))

commands = sorted((pid for pid in execs if pid in fork and pid in exits and execs[pid][0] in ENTER), key=fork.get)


def between(start, end):
    return [pid for pid in commands if start <= fork[pid] <= end]


def median(values):
    return statistics.median(values) if values else float("nan")


def program(pid):
    """The program a command ended as (its last exec)."""
    return execs[pid][-1]


windows = defaultdict(list)
for (start, mark), (end, next_mark) in zip(marks, marks[1:]):
    if mark.startswith("bare-start") and next_mark.startswith("bare-end") and not mark.endswith("bare-1-1"):
        window = between(start, end)
        if len(window) == 4:
            windows["bare script"].append(window)
    elif mark.startswith("criubench-start"):
        found = []
        run = between(start, end)
        for i in range(len(run) - 3):
            if [program(pid) for pid in run[i:i + 4]] == ["criu", "scp", "tar", "criu"]:
                found.append(run[i:i + 4])
        windows["CriuBench"] += found[1:3]

print("kernel view, medians in ms (fork to exit of each command; gaps: exit to the next fork)")
print(f"{'':14}{'n':>4}{'window':>9}" + "".join(f"{step:>15}" for step in STEPS) + f"{'gaps':>8}")
for name, found in windows.items():
    window = median([(exits[w[3]] - fork[w[0]]) * 1000 for w in found])
    steps = [median([(exits[w[i]] - fork[w[i]]) * 1000 for w in found]) for i in range(4)]
    gaps = median([sum((fork[b] - exits[a]) * 1000 for a, b in zip(w, w[1:])) for w in found])
    print(f"{name:14}{len(found):>4}{window:9.1f}" + "".join(f"{step:15.1f}" for step in steps) + f"{gaps:8.1f}")
