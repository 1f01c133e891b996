#!/bin/sh
# After `podman container restore` on a cgroup v2 host, outside the stop window: CRIU put the
# restored tasks back into the cgroup they were dumped from (the old container's, named by its
# ID), not the one runc made from the new container's config.json and keeps in its state; the
# container's next checkpoint would freeze that empty cgroup and fail on the running tasks
# ("Unseizable non-zombie ... state S", measured on the VM lab; checkpoint-restore/criu#1034, as
# for runc-restore.sh). So the tasks move into runc's cgroup and the stray one is removed
# (move-cgroup-tasks.sh). The container runs with --cgroupns host: inside a cgroup namespace
# rooted at the stray cgroup, moved tasks would be outside their namespace's root, which CRIU
# refuses to dump.
#   podman-cgroup.sh USERDATA_DIR PID
# USERDATA_DIR holds the container's config.json (its cgroupsPath); PID is its first process.
# On cgroup v1 runc maps the paths itself: nothing to do.
# Exit codes: 0 when the tasks are where runc keeps them, 1 if some stay behind.
root=/sys/fs/cgroup
[ -e "$root/cgroup.controllers" ] || exit 0
to=$(sed -n 's/.*"cgroupsPath": *"\([^"]*\)".*/\1/p' "$1/config.json")
from=$(sed -n 's/^0:://p' "/proc/$2/cgroup")
[ -n "$to" ] && [ -n "$from" ] && [ "$from" != "$to" ] || exit 0
exec "${0%/*}/move-cgroup-tasks.sh" "$root" "$from" "$to"
