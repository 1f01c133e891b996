#!/bin/bash
# Stops the `criu page-server` named in a PID file, and waits until it is gone.
#   stop-page-server.sh PIDFILE
# Only while that PID is still a page server in this host's network namespace: a finished one
# has exited, and hosts on one machine share PIDs, so the number may belong to someone else by now.
# Exit codes: 0 gone (or no PID file, or not a page server of this host), 1 still there after 5 s.
pid=$(cat -- "$1" 2>/dev/null) || exit 0
here=$(readlink /proc/self/ns/net)
for _ in $(seq 250); do
  [ "$(readlink "/proc/$pid/ns/net" 2>/dev/null)" = "$here" ] || exit 0
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'criu page-server' || exit 0
  kill -KILL "$pid" 2>/dev/null
  sleep 0.02
done
echo "criu page-server (PID $pid) did not stop" >&2
exit 1
