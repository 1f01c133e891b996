#!/bin/bash
# Stops the CRIU process (or runc, with its CRIU child) of one migration, found by the work
# directory on its command line (unique to the migration), in this host's network namespace,
# and waits until it is gone. Killing a lazy dump before it served every page lets the frozen
# source run on (ptrace detaches).
#   stop-criu.sh WORK_DIRECTORY
# Exit codes: 0 none left, 1 one still there after 5 s.
here=$(readlink /proc/self/ns/net)
for _ in $(seq 250); do
  found=
  for dir in /proc/[0-9]*; do
    [ "$(readlink "$dir/ns/net" 2>/dev/null)" = "$here" ] || continue
    args=$(tr '\0' '\n' <"$dir/cmdline" 2>/dev/null) || continue
    case "$(printf '%s\n' "$args" | head -n 1)" in criu|runc) ;; *) continue ;; esac
    printf '%s\n' "$args" | grep -qxF -- "$1" || continue
    found=1
    pid=${dir#/proc/}
    # runc runs CRIU as its child (criu swrk), whose command line names no directory.
    # shellcheck disable=SC2046 # the children's PIDs, one word each
    kill -KILL $(cat "/proc/$pid/task/$pid/children" 2>/dev/null) "$pid" 2>/dev/null
  done
  [ -n "$found" ] || exit 0
  sleep 0.02
done
echo "a criu process with work directory $1 did not stop" >&2
exit 1
