#!/bin/bash
# Removes what runs left on a host the controller does not own (an SSH machine): Podman's containers,
# processes working in CriuBench's directory, containers in the host's cgroup subtree, mounts below the directory or
# on the shared mount point, then the directory's contents - the assets too. Only this host's mount
# namespace counts: another namespace's DISK (e.g. a netns lab's host on the same machine) is
# someone else's.
#   cleanup.sh DISK SHARED_MOUNT CGROUP_TOP CGROUP_SCOPE
# It runs before the assets are installed (and removes them), so it travels on the standard input
# of `bash -s` (HostAssets.Piped): nothing in it may read standard input unredirected, or it would
# read the rest of the script.
# Exit code: 0 (best effort: whatever cannot be removed is left for the next run).
disk=$1 shared=$2 top=$3 scope=$4
mine=$(readlink /proc/self/ns/mnt)
# Podman's containers, through the host's own storage (the options of Workloads/Containers/PodmanCommands.cs):
# a restored container keeps the cgroup parent of the host it was started on, so the cgroup sweep
# below may not reach it.
if [ -d "$disk/podman/storage" ] && command -v podman >/dev/null; then
  podman --root "$disk/podman/storage" --runroot "$disk/podman/run" --tmpdir "$disk/podman/tmp" \
    --volumepath "$disk/podman/volumes" --network-config-dir "$disk/podman/networks" --storage-driver overlay \
    --events-backend none --cgroup-manager cgroupfs --runtime runc rm --all --force --time 0 </dev/null >/dev/null 2>&1
fi
for root in $(findmnt -rn -t cgroup,cgroup2 -o TARGET); do
  dir=$root/$top/$scope
  [ -d "$dir" ] || continue
  find "$dir" -name freezer.state -exec sh -c 'for f; do echo THAWED > "$f"; done' thaw {} +
  find "$dir" -name cgroup.freeze -exec sh -c 'for f; do echo 0 > "$f"; done' thaw {} +
  # shellcheck disable=SC2038 # cat prints the PIDs inside the files, not file names
  find "$dir" -name cgroup.procs -exec cat {} + 2>/dev/null | xargs -r kill -KILL 2>/dev/null
done
# One find over every process's cwd (a loop forking per process takes seconds on a busy host).
# shellcheck disable=SC2044 # /proc/N/cwd has no blanks, and the whole list is read before any kill
for cwd in $(find /proc/[0-9]*/cwd -maxdepth 0 \( -lname "$disk" -o -lname "$disk/*" \) 2>/dev/null); do
  proc=${cwd%/cwd}
  [ "${proc#/proc/}" = $$ ] && continue
  [ "$(readlink "$proc/ns/mnt" 2>/dev/null)" = "$mine" ] && kill -KILL "${proc#/proc/}" 2>/dev/null
done
findmnt -rn -o TARGET | awk -v d="$disk/" -v s="$shared" 'index($0 "/", d) == 1 && $0 != substr(d, 1, length(d) - 1) || $0 == s' \
  | sort -r | while read -r target; do umount -l "$target" 2>/dev/null; done
for root in $(findmnt -rn -t cgroup,cgroup2 -o TARGET); do
  [ -d "$root/$top/$scope" ] && find "$root/$top/$scope" -depth -type d -exec rmdir {} + 2>/dev/null
  rmdir "$root/$top" 2>/dev/null
done
if [ -d "$disk" ]; then find "$disk" -mindepth 1 -maxdepth 1 -exec rm -rf --one-file-system {} +; fi
exit 0
