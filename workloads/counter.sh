#!/usr/bin/env bash
# counter: the simplest workload to migrate; prints 0, 1, 2, ... one per line every $1 seconds
# (default 0.1), so a gap or a repeat in its output shows values lost or replayed.
interval=${1:-0.1}
[[ $interval =~ ^[0-9]*\.?[0-9]+$ ]] || { echo "usage: counter.sh [interval-seconds]" >&2; exit 2; }
trap 'exit 0' TERM   # a plain stop, like ticker's
i=0
while :; do
  echo "$i"           # bash's echo writes the whole short line at once
  i=$((i + 1))
  sleep "$interval"
done
