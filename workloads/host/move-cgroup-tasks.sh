#!/bin/sh
# Moves every task of the cgroup FROM into TO and removes FROM, both paths in the cgroup v2
# hierarchy mounted at ROOT (/sys/fs/cgroup; the tests use a hybrid host's unified one): after a
# restore, CRIU has put the tasks back into the cgroup they were dumped from, not the one runc
# made and keeps in its state (checkpoint-restore/criu#1034).
#   move-cgroup-tasks.sh ROOT FROM TO
# A task that exits between the read and the write cannot move (the write fails): it is gone
# anyway, and so is the counter's `sleep` a second after the restore. A task forked while the
# others move is moved in the next pass. The first pass uses builtins only: it runs in the stop.
# Exit codes: 0 when FROM is gone, 1 if tasks stay in it.
root=$1 from=$2 to=$3
for _ in 1 2 3 4 5 6 7 8 9 10; do
  while read -r pid; do { echo "$pid" > "$root$to/cgroup.procs"; } 2>/dev/null; done < "$root$from/cgroup.procs"
  rmdir "$root$from" 2>/dev/null && exit 0
  sleep 0.05
done
echo "move-cgroup-tasks.sh: tasks stay in $from, not in runc's $to: $(tr '\n' ' ' < "$root$from/cgroup.procs")" >&2
exit 1
