#!/bin/bash
# Starts a workload so that CRIU can checkpoint and restore it anywhere:
#   launch.sh DIR PROGRAM [ARGS...]
# - in DIR, with stdout appended to DIR/output.log and stderr to DIR/stderr.log, stdin /dev/null;
# - as the init of its own PID namespace and a session leader, so a restore never collides with a
#   PID still taken on the destination, and dump needs no --shell-job;
# - with every inherited fd above 2 closed: an fd leaked from the caller (another mount namespace)
#   makes `criu dump` fail with "Can't lookup mount";
# - with the workload's own redirections made inside the namespace: unshare, its parent, prints
#   "sigprocmask unblock failed" when a dump kills its child, and that must not land in a file
#   the workload holds open. (Output is appended: CRIU checks a file's size on restore only when
#   it was opened without O_APPEND, so this matters most for workloads that truncate.)
# Prints the workload's PID (as seen from this host) on stdout; a program that exits before it is
# seen running fails the launch with its exit code and last stderr line.
set -eu
dir=$1; shift
cd "$dir"
for fd in "/proc/$$/fd"/*; do
  fd=${fd##*/}
  # (a redirection on exec itself would stay: stderr is kept for the messages below)
  if [ "$fd" -gt 2 ]; then { exec {fd}>&-; } 2>/dev/null || true; fi
done
exec 3>&1 4>&2 </dev/null >>launcher.log 2>&1
# A watcher waits for unshare (which returns its child's exit code) and writes exit-status when
# the program ended by itself, so a workload that exits at once is reported with its code. A
# program killed by a signal (criu dump and stop-workload.sh end it with SIGKILL) writes nothing,
# so nothing in DIR changes while a dump is copied: unshare 2.38 then fails to re-raise the
# signal, prints "sigprocmask unblock failed" (into launcher.log) and exits 1; newer ones exit 128+N.
(
  set +e
  setsid unshare --pid --fork setsid sh -c 'exec "$@" >>output.log 2>>stderr.log' workload "$@"
  status=$?
  if [ "$status" -lt 128 ] && ! grep -q 'sigprocmask unblock failed' launcher.log; then echo "$status" >exit-status; fi
) 3>&- 4>&- &
watcher=$!
children() { cat "/proc/$1/task/$1/children" 2>/dev/null || true; }
for _ in $(seq 400); do
  unshare=$(children "$watcher")
  child=${unshare:+$(children "${unshare%% *}")}
  if [ -n "$child" ]; then echo "${child%% *}" >&3; exit 0; fi
  if [ -s exit-status ]; then
    echo "$1 exited with code $(cat exit-status) at once; its last stderr line: $(tail -n 1 stderr.log)" >&4
    exit 1
  fi
  sleep 0.005
done
echo "launch.sh: $1 did not start within 2 s (see $dir/stderr.log)" >&4
exit 1
