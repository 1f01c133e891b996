#!/bin/sh
# `runc restore` with the bundle's config.json written first, from standard input (this host's
# cgroups), in one process: it runs while the workload is stopped.
#   runc-restore.sh CONFIG_FILE DUMPED_CGROUP RUNC_CGROUP RUNC [ARGS...]  < config.json
# On a cgroup v2 host CRIU puts the restored tasks back into the cgroup they were dumped from
# (DUMPED_CGROUP, the source host's path), not the one runc made from config.json and keeps in
# its state: the next checkpoint would freeze that empty cgroup and fail on the running tasks
# (checkpoint-restore/criu#1034). So the tasks move into runc's cgroup and the stray one is
# removed (move-cgroup-tasks.sh), and so is its parent if that is empty now. Either cgroup may be
# empty (nothing to move); on cgroup v1 runc maps the paths itself.
# Exit codes: writing config.json's or runc's when either fails, 1 if tasks stay behind, else 0.
config=$1 from=$2 to=$3; shift 3
cat > "$config" || exit
"$@" || exit
root=/sys/fs/cgroup
[ -e "$root/cgroup.controllers" ] && [ -n "$from" ] && [ "$from" != "$to" ] && [ -d "$root$from" ] || exit 0
"${0%/*}/move-cgroup-tasks.sh" "$root" "$from" "$to" || exit
rmdir "${root}${from%/*}" 2>/dev/null
exit 0
