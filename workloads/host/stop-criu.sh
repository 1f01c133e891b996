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
  # One grep over every command line (a loop forking per process takes seconds on a busy host);
  # -z: the arguments are NUL-separated, -x: one of them is exactly the directory.
  # shellcheck disable=SC2013 # grep -l prints /proc/N/cmdline paths, which have no blanks
  for cmdline in $(grep -lxzsF -- "$1" /proc/[0-9]*/cmdline); do
    dir=${cmdline%/cmdline}
    [ "$(readlink "$dir/ns/net" 2>/dev/null)" = "$here" ] || continue
    case "$(head -zn1 "$cmdline" 2>/dev/null | tr -d '\0')" in criu|runc) ;; *) continue ;; esac
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
