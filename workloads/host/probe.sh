#!/bin/bash
# Describes this host for the preflight in one command (over ssh a command costs a round trip,
# under emulation seconds): prints key=value lines, and "check|LINE" lines with the tail of a
# failed `criu check`. Parsed by Preflight/HostProbe.cs.
#   probe.sh
# Each feature is asked of the tool that uses it: `criu check --feature` answers for the kernel
# CRIU runs on. NFS counts where the filesystem (nfs4 for a client, nfsd for a server) is
# registered or its module can be loaded, not where /proc/fs/nfsd exists (procfs makes that
# directory on kernels without nfsd too); apart from the kernel, its tools must be installed: a
# client mounts with mount.nfs4 (nfs-common), a server needs rpc.nfsd and exportfs
# (nfs-kernel-server). sshfs needs the program and /dev/fuse on the host that mounts.
# Exit code: 0 (a missing feature is an answer, not a failure).
# shellcheck disable=SC2317 # has_fs and has_tools run through yes_no
yes_no() { if "$@" >/dev/null 2>&1; then echo yes; else echo no; fi; }
has_fs() { grep -qw "$1" /proc/filesystems 2>/dev/null || { modprobe -q "$1" 2>/dev/null && grep -qw "$1" /proc/filesystems; }; }
has_tools() { for tool; do command -v "$tool" || [ -x "/sbin/$tool" ] || [ -x "/usr/sbin/$tool" ] || return 1; done; }
echo "kernel=$(uname -r)"
# shellcheck disable=SC1091 # the host's own file, read where it runs
echo "distribution=$(. /etc/os-release 2>/dev/null; echo "${PRETTY_NAME:-unknown}")"
echo "cores=$(nproc)"
echo "mem_kib=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)"
echo "pipe_max_size=$(cat /proc/sys/fs/pipe-max-size 2>/dev/null)"
if command -v runc >/dev/null; then echo "runc=$(runc --version | awk 'NR==1 {print $3}')"; fi
if command -v podman >/dev/null; then echo "podman=$(podman --version | awk 'NR==1 {print $3}')"; fi
if command -v criu >/dev/null; then
  echo "criu=$(criu --version | awk 'NR==1 {print $2}')"
  if out=$(criu check 2>&1); then
    echo criu_check=yes
  else
    echo criu_check=no
    printf '%s\n' "$out" | grep -v RLIMIT_NOFILE | tail -n 5 | sed 's/^/check|/'
  fi
  echo "soft_dirty=$(yes_no criu check --feature mem_dirty_track)"
  echo "uffd=$(yes_no criu check --feature uffd-noncoop)"
fi
# Whether CRIU can dump a process holding TCP sockets (CRIU 4.1.1 cannot on kernels from 6.16:
# SO_PASSCRED on INET sockets): a tiny python3 holding a listening socket and an established
# loopback connection, dumped with --tcp-established --leave-running, then killed. It closes the
# fds it inherited first: one from another mount namespace makes the dump fail for another reason.
probe_sockets() {
  if ! command -v python3 >/dev/null; then echo socket_dump=no; echo "socket_dump_problem=python3 is missing, so the socket probe cannot run"; return; fi
  local dir pid out
  dir=$(mktemp -d /tmp/criubench-socket-probe.XXXXXX)
  setsid python3 -c 'import os, socket, time
os.closerange(3, 65536)
s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen()
c = socket.create_connection(s.getsockname()); a, _ = s.accept()
open("'"$dir"'/ready", "w").close(); time.sleep(60)' </dev/null >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 100); do [ -e "$dir/ready" ] && break; sleep 0.02; done
  if out=$(criu dump -t "$pid" -D "$dir" -o dump.log --tcp-established --leave-running 2>&1); then
    echo socket_dump=yes
  else
    echo socket_dump=no
    echo "socket_dump_problem=$( { grep -h 'Error' "$dir/dump.log" 2>/dev/null || printf '%s\n' "$out"; } | grep -v RLIMIT_NOFILE | tail -n 1)"
  fi
  kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  rm -rf "$dir"
}
if command -v criu >/dev/null; then probe_sockets; fi
echo "nfs_client_kernel=$(yes_no has_fs nfs4)"
echo "nfs_client_tools=$(yes_no has_tools mount.nfs4)"
echo "nfs_server_kernel=$(yes_no has_fs nfsd)"
echo "nfs_server_tools=$(yes_no has_tools exportfs rpc.nfsd)"
# Docker as the docker engine runs it: its own dockerd (with containerd) and Debian's client.
echo "docker=$(yes_no has_tools dockerd containerd && [ -x /usr/bin/docker ] && echo yes || echo no)"
echo "sshfs=$(if command -v sshfs >/dev/null && [ -c /dev/fuse ]; then echo yes; else echo no; fi)"
exit 0
