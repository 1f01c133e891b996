#!/bin/bash
# A host's cgroup subtree, TOP/SCOPE below the root of every mounted hierarchy (v1 and v2), where
# its containers have their cgroups (Hosts/HostCgroups.cs):
#   cgroups.sh thaw TOP SCOPE    thaws every level of the subtree: a checkpoint cut short can
#                                leave a container frozen, and a task frozen by the v1 freezer does
#                                not die of SIGKILL until it is thawed; a v1 cgroup frozen by itself
#                                stays frozen when its parent thaws.
#   cgroups.sh remove TOP SCOPE  removes the subtree, deepest first, then TOP if nothing else is
#                                left in it. rmdir only ever removes empty cgroups, so a cgroup that
#                                still holds a process stays, and is named on stderr.
# Exit codes: 0 done, 1 a cgroup is still in use (remove), 2 usage.
action=$1 top=$2 scope=$3
case $action in
  thaw)
    for root in $(findmnt -rn -t cgroup,cgroup2 -o TARGET); do
      dir=$root/$top/$scope
      [ -d "$dir" ] || continue
      find "$dir" -name freezer.state -exec sh -c 'for f; do echo THAWED > "$f"; done' thaw {} +
      find "$dir" -name cgroup.freeze -exec sh -c 'for f; do echo 0 > "$f"; done' thaw {} +
    done
    exit 0 ;;
  remove)
    left=0
    for root in $(findmnt -rn -t cgroup,cgroup2 -o TARGET); do
      dir=$root/$top/$scope
      if [ -d "$dir" ]; then
        find "$dir" -depth -type d -exec rmdir {} + 2>/dev/null
        if [ -d "$dir" ]; then echo "cgroup $dir is still in use" >&2; left=1; fi
      fi
      rmdir "$root/$top" 2>/dev/null
    done
    exit $left ;;
  *)
    echo "usage: cgroups.sh thaw|remove TOP SCOPE" >&2
    exit 2 ;;
esac
