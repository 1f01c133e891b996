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
# Prints the workload's PID (as seen from this host) on stdout.
set -eu
dir=$1; shift
cd "$dir"
for fd in "/proc/$$/fd"/*; do
  fd=${fd##*/}
  if [ "$fd" -gt 2 ]; then exec {fd}>&- 2>/dev/null || true; fi
done
exec 3>&1 </dev/null >>launcher.log 2>&1
setsid unshare --pid --fork setsid sh -c 'exec "$@" >>output.log 2>>stderr.log' workload "$@" 3>&- &
launcher=$!
for _ in $(seq 400); do
  child=$(cat "/proc/$launcher/task/$launcher/children" 2>/dev/null || true)
  if [ -n "$child" ]; then echo "${child%% *}" >&3; exit 0; fi
  sleep 0.005
done
echo "launch.sh: $1 did not start within 2 s (see $dir/stderr.log)" >&2
exit 1
