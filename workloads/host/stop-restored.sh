#!/bin/bash
# Stops what a failed restore left on this host: the restored tree however far it got (a killed
# `criu restore` leaves its root behind, the init of its own PID namespace with every signal
# blocked, holding the workload's files and restore.log open), and a criu still at work there.
# They are found by what they hold: a process of this host's network namespace whose cwd or an
# open file lies below one of the given directories (the workload's directory, the images, CRIU's
# work directory), either in a nested PID namespace (the restored tree: its namespace's init is
# killed, which ends all of it) or a criu itself. Nothing else on the host uses these directories
# once the restore failed; a server that reads them for another host (sshd's sftp-server, sshfs)
# is in this host's own PID namespace and is no criu, so it is left alone.
#   stop-restored.sh DIRECTORY...
# Prints one line per process stopped: "tree PID COMMAND" for a restored tree's init, "criu PID"
# for a criu. Exit codes: 0 none left, 1 one is still
# there after 5 s.
here_net=$(readlink /proc/self/ns/net) here_pid=$(readlink /proc/self/ns/pid)

# The PIDs whose cwd or an open file lies below one of the directories: one find over every
# process's links (a loop forking per process takes seconds on a busy host).
holders() {
  find /proc/[0-9]*/cwd /proc/[0-9]*/fd -maxdepth 1 -printf '%p\t%l\n' 2>/dev/null \
    | awk -F'\t' 'BEGIN { n = split(ENVIRON["RESTORED_DIRS"], dirs, "\n") }
        { for (i = 1; i <= n; i++) if ($2 == dirs[i] || index($2, dirs[i] "/") == 1) { split($1, p, "/"); print p[3]; next } }' \
    | sort -un
}

init_of() { # PID in a nested PID namespace: the topmost ancestor in the same namespace, its init
  local pid=$1 ns parent
  ns=$(readlink "/proc/$pid/ns/pid" 2>/dev/null) || return
  while parent=$(awk '/^PPid:/ { print $2 }' "/proc/$pid/status" 2>/dev/null) && [ -n "$parent" ] && [ "$parent" -gt 1 ] \
      && [ "$(readlink "/proc/$parent/ns/pid" 2>/dev/null)" = "$ns" ]; do
    pid=$parent
  done
  echo "$pid"
}

[ $# -gt 0 ] || { echo "usage: stop-restored.sh DIRECTORY..." >&2; exit 2; }
RESTORED_DIRS=$(printf '%s\n' "$@")
export RESTORED_DIRS
declare -A stopped=()
for _ in $(seq 250); do
  found=
  for pid in $(holders); do
    [ "$pid" = $$ ] && continue
    [ "$(readlink "/proc/$pid/ns/net" 2>/dev/null)" = "$here_net" ] || continue
    grep -qs '^State:.*Z' "/proc/$pid/status" && continue
    comm=$(cat "/proc/$pid/comm" 2>/dev/null) || continue
    if [ "$(readlink "/proc/$pid/ns/pid" 2>/dev/null)" != "$here_pid" ]; then
      target=$(init_of "$pid") kind=tree
    elif [ "$comm" = criu ]; then
      target=$pid kind=criu
    else
      continue
    fi
    [ -n "$target" ] || continue
    found=1
    if [ -z "${stopped[$target]:-}" ]; then
      stopped[$target]=1
      if [ "$kind" = tree ]; then echo "tree $target $(cat "/proc/$target/comm" 2>/dev/null || echo "$comm")"; else echo "criu $target"; fi
    fi
    kill -KILL "$target" 2>/dev/null
  done
  [ -n "$found" ] || exit 0
  sleep 0.02
done
echo "what a failed restore left below $* did not stop" >&2
exit 1
