#!/bin/bash
# The kernel NFS server of a run (Transfer/SharedFilesystem/NfsCommands.cs). STATE is a directory
# on the host's disk where `start` writes down what it starts, before starting it, so that `stop`
# stops exactly that, also after a crash halfway.
#   nfs-server.sh start STATE
#     Starts the server unless nfsd already runs (then it is left alone and this prints "running").
#     With systemd: the units that were not active (nfs-server pulls in rpcbind, mountd, nfsdcld);
#     without: rpcbind and rpc.mountd by PID, then rpc.nfsd's threads. A server it started had no
#     clients, so the NFSv4 grace period (90 s of refused opens) is ended at once. Prints "started".
#   nfs-server.sh stop STATE
#     Stops what `start` recorded, nothing else, one line per thing stopped. A daemon is killed by
#     its recorded PID only while that PID still runs that program.
#   nfs-server.sh unexport-leftovers EXPORT
#     Unexports every client of EXPORT that the kernel's export table (etab) still lists: what a
#     crashed run exported. Prints "unexported EXPORT from CLIENT" for each.
# Exit codes: 0 done, 1 a start or stop failed, 2 usage.
set -u

start() {
  local state=$1 threads
  threads=$(cat /proc/fs/nfsd/threads 2>/dev/null || echo 0)
  if [ "${threads:-0}" -gt 0 ] 2>/dev/null; then echo running; exit 0; fi
  mkdir -p "$state"
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null; then
    for unit in nfs-server.service nfs-mountd.service nfsdcld.service nfs-idmapd.service rpcbind.socket rpcbind.service; do
      [ "$(systemctl show -p LoadState --value "$unit" 2>/dev/null)" = loaded ] || continue
      systemctl is-active -q "$unit" || echo "$unit"
    done > "$state/units"
    echo systemd > "$state/started"
    if ! systemctl start nfs-server.service; then
      journalctl -u nfs-server.service -n 20 --no-pager >&2
      exit 1
    fi
  else
    echo manual > "$state/started"
    : > "$state/processes"
    modprobe nfsd 2>/dev/null
    if ! mountpoint -q /proc/fs/nfsd; then mount -t nfsd nfsd /proc/fs/nfsd || exit 1; fi
    if command -v rpcbind >/dev/null; then daemon "$state" rpcbind rpcbind || exit 1; fi
    daemon "$state" rpc.mountd rpc.mountd || exit 1
    rpc.nfsd 8 || exit 1
  fi
  echo Y > /proc/fs/nfsd/v4_end_grace 2>/dev/null
  echo started
}

daemon() { # state name command...: starts a daemon unless it runs, and records its PID
  local state=$1 name=$2 pid=
  shift 2
  pgrep -x "$name" >/dev/null && return 0
  "$@" || return 1
  for _ in $(seq 50); do pid=$(pgrep -n -x "$name") && break; sleep 0.1; done
  [ -n "$pid" ] && echo "$name $pid" >> "$state/processes"
}

stop() {
  local state=$1 failed=0
  [ -f "$state/started" ] || { rm -rf "$state"; exit 0; }
  if [ "$(cat "$state/started")" = systemd ]; then
    while read -r unit; do
      [ -n "$unit" ] || continue
      if systemctl stop "$unit"; then echo "stopped $unit"; else failed=1; fi
    done < "$state/units"
  else
    if [ "$(cat /proc/fs/nfsd/threads 2>/dev/null || echo 0)" -gt 0 ] 2>/dev/null; then
      exportfs -f 2>/dev/null
      if rpc.nfsd 0; then echo "stopped nfsd"; else failed=1; fi
    fi
    tac "$state/processes" 2>/dev/null | while read -r name pid; do
      [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ] || continue
      kill "$pid" && echo "stopped $name (PID $pid)"
    done
  fi
  [ "$failed" = 0 ] && rm -rf "$state"
  exit $failed
}

unexport_leftovers() {
  local export_dir=$1
  command -v exportfs >/dev/null || [ -x /usr/sbin/exportfs ] || exit 0
  [ -r /var/lib/nfs/etab ] || exit 0
  awk -v dir="$export_dir" '$1 == dir { sub(/\(.*/, "", $2); print $2 }' /var/lib/nfs/etab | sort -u |
  while read -r client; do
    exportfs -u "$client:$export_dir" && echo "unexported $export_dir from $client"
  done
}

case ${1:-} in
  start) start "$2" ;;
  stop) stop "$2" ;;
  unexport-leftovers) unexport_leftovers "$2" ;;
  *) echo "usage: nfs-server.sh start|stop STATE, or unexport-leftovers EXPORT" >&2; exit 2 ;;
esac
