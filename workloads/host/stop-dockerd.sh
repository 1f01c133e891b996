#!/bin/bash
# Stops a host's own dockerd and its containerd by their PID files: TERM, then KILL after 20 s,
# and waits for each. A PID file that is missing, or names another program by now, is left alone.
#   stop-dockerd.sh DOCKERD_PIDFILE CONTAINERD_PIDFILE
# Exit code: 0 (a daemon that had to be killed is said on stderr).
stop() { # pidfile name
  local pid
  pid=$(cat "$1" 2>/dev/null) || return 0
  [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$2" ] || return 0
  kill -TERM "$pid"
  for _ in $(seq 200); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  echo "$2 (PID $pid) did not stop within 20 s: killed" >&2
  kill -KILL "$pid"
}
stop "$1" dockerd
stop "$2" containerd   # its own containerd stops with it, unless dockerd had to be killed
exit 0
