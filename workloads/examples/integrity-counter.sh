#!/usr/bin/env bash
# A workload written the way people write their own: every $1 seconds (default 0.05) it prints
#   <counter> <seconds.fraction> <running sum> <verdict>
# e.g. "42 1763812345.123456 903 ok". The verdict is its own integrity check: "ok" while the
# running sum still equals n(n+1)/2, "bad" once its state is wrong (say, after a broken restore).
# workloads/suites/user-workload.yaml runs it with `check: {field: 4, equals: ok}`.
export LC_ALL=C   # a '.' in $EPOCHREALTIME whatever the locale
interval=${1:-0.05}
[[ $interval =~ ^[0-9]*\.?[0-9]+$ ]] || { echo "usage: integrity-counter.sh [interval-seconds]" >&2; exit 2; }
trap 'exit 0' TERM
i=0 sum=0
while :; do
  sum=$((sum + i))
  if (( sum == i * (i + 1) / 2 )); then verdict=ok; else verdict=bad; fi
  printf '%d %s %d %s\n' "$i" "$EPOCHREALTIME" "$sum" "$verdict"   # one write per line
  i=$((i + 1))
  sleep "$interval"
done
