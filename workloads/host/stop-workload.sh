#!/bin/bash
# Kills a workload's PID namespace through its init and waits until it is gone.
#   stop-workload.sh PID
# The PID may be stale (the workload was lost, or a dump killed it) and already reused by anyone
# on the machine, so it is killed only while it is still the init of a nested PID namespace
# ("NSpid: N 1") in this host's network namespace. SIGKILL also ends a task left stopped or
# ptrace-stopped by a CRIU that died mid-dump; killing a namespace's init kills all of it.
# Exit codes: 0 gone (or never this host's workload), 1 still there after 5 s.
pid=$1 here=$(readlink /proc/self/ns/net)
for _ in $(seq 250); do
  [ "$(readlink "/proc/$pid/ns/net" 2>/dev/null)" = "$here" ] || exit 0
  awk '/^NSpid:/ { exit !(NF > 2 && $NF == 1) }' "/proc/$pid/status" 2>/dev/null || exit 0
  grep -q '^State:.*Z' "/proc/$pid/status" 2>/dev/null && exit 0
  kill -KILL "$pid" 2>/dev/null
  sleep 0.02
done
echo "workload PID $pid did not stop" >&2
exit 1
