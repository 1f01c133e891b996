#!/usr/bin/env bash
# Checks a running VM lab (`criubench lab up --kind vm --lab NAME`) by hand, the way a user would, and
# prints what it measured: CRIU's kernel features in both VMs, VM-to-VM ssh with host keys
# checked, an NFSv4 export of src mounted on both at the same path, and a cold migration of a
# shell counter from src to dst (criu dump, tar over ssh, criu restore).
# It changes the VMs (exports, mounts, files): check a fresh lab, then take it down.
# Usage: check-lab.sh NAME [features] [ssh] [nfs] [migrate]   (default: all four, in order)
set -euo pipefail

name=${1:-vm}
shift || true
sections=${*:-features ssh nfs migrate}
state=/var/lib/criubench/vms/$name
run=/run/criubench/vms/$name
[ -f "$state/ssh/known_hosts" ] || { echo "VM lab $name is not up" >&2; exit 1; }

# known_hosts lists src then dst as [127.0.0.1]:PORT.
mapfile -t ports < <(sed -E 's/^\[127\.0\.0\.1\]:([0-9]+) .*/\1/' "$state/ssh/known_hosts")
declare -A port=([src]=${ports[0]} [dst]=${ports[1]})

on() {
  local vm=$1; shift
  ssh -i "$state/ssh/controller_ed25519" -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=yes \
      -o UserKnownHostsFile="$state/ssh/known_hosts" -o GlobalKnownHostsFile=/dev/null -o LogLevel=ERROR \
      -o ControlMaster=auto -o ControlPath="$run/cm-%C" -o ControlPersist=600 -p "${port[$vm]}" root@127.0.0.1 -- "$(printf '%q ' "$@")"
}
say() { printf '== %s\n' "$*"; }
now() { date +%s.%N; }
took() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f s", b - a }'; }
wanted() { [[ " $sections " == *" $1 "* ]]; }

if wanted features; then
for vm in src dst; do
  say "$vm: $(on "$vm" uname -r), $(on "$vm" criu --version | head -n1)"
  on "$vm" criu check 2>&1 | tail -n1 | sed "s/^/$vm criu check: /"
  for feature in mem_dirty_track uffd-noncoop; do
    on "$vm" criu check --feature "$feature" 2>&1 | tail -n1 | sed "s/^/$vm $feature: /"
  done
done
fi

if wanted ssh; then
say "ssh over the direct link, StrictHostKeyChecking=yes"
for pair in "src dst" "dst src"; do
  # shellcheck disable=SC2086 # "src dst" becomes $1 and $2
  set -- $pair
  t=$(now); out=$(on "$1" ssh -o StrictHostKeyChecking=yes -o BatchMode=yes "$2" hostname); echo "$1 -> $2: '$out' in $(took "$t")"
done
t=$(now); on src ssh -o StrictHostKeyChecking=yes -o BatchMode=yes -o UserKnownHostsFile=/dev/null dst true 2>&1 \
  && echo "UNEXPECTED: login without a known host key worked" || echo "src -> dst with an empty known_hosts: refused, as it must be"
fi

if wanted nfs; then
say "NFSv4: src exports /srv/criubench, both mount it at /mnt/shared"
on src sh -c 'mkdir -p /srv/criubench && echo "/srv/criubench 198.18.0.0/24(rw,sync,no_root_squash,no_subtree_check,fsid=0)" > /etc/exports && exportfs -ra && systemctl restart nfs-server'
for vm in src dst; do
  t=$(now); on "$vm" sh -c 'mkdir -p /mnt/shared && mount -t nfs4 -o vers=4.2 198.18.0.1:/ /mnt/shared'; echo "$vm mounted in $(took "$t")"
done
on dst sh -c 'echo written-on-dst > /mnt/shared/probe'
echo "src reads what dst wrote: $(on src cat /mnt/shared/probe)"
on dst grep ' /mnt/shared ' /proc/mounts
t=$(now); on dst dd if=/dev/zero of=/mnt/shared/64m bs=1M count=64 conv=fsync status=none; echo "dst writes 64 MiB to NFS in $(took "$t")"
on dst rm -f /mnt/shared/64m
fi

if wanted migrate; then
say "cold migration of a shell counter, src -> dst (output on NFS, images by tar over ssh)"
on src rm -rf /var/tmp/cb-img; on dst rm -rf /var/tmp/cb-img; on src mkdir -p /var/tmp/cb-img
on src rm -f /mnt/shared/counter.out
# shellcheck disable=SC2016 # expanded by the VM's shell, not here
on src sh -c 'setsid -f unshare --pid --fork setsid bash -c "i=0; while :; do echo \$i >> /mnt/shared/counter.out; i=\$((i+1)); sleep 0.1; done" < /dev/null > /dev/null 2>&1'
sleep 5
# shellcheck disable=SC2016 # expanded by the VM's shell, not here
pid=$(on src sh -c 'for p in $(pgrep -x bash); do [ "$(ps -o comm= -p "$(ps -o ppid= -p "$p" | tr -d " ")")" = unshare ] && echo "$p"; done' | head -n1)
echo "counter pid on src: $pid, last value $(on src tail -n1 /mnt/shared/counter.out)"
t=$(now); on src criu dump -t "$pid" -D /var/tmp/cb-img -o /var/tmp/cb-dump.log -v4 || { on src tail -n 20 /var/tmp/cb-dump.log; exit 1; }
dumped=$(took "$t")
before=$(on src tail -n1 /mnt/shared/counter.out)
t=$(now); on src sh -c 'tar -C /var/tmp -cf - cb-img | ssh -o StrictHostKeyChecking=yes dst tar -C /var/tmp -xf -'; moved=$(took "$t")
t=$(now); on dst criu restore -d -D /var/tmp/cb-img -o /var/tmp/cb-restore.log -v4 || { on dst tail -n 20 /var/tmp/cb-restore.log; exit 1; }
restored=$(took "$t")
echo "dump $dumped, tar over ssh $moved ($(on src du -sh /var/tmp/cb-img | cut -f1)), restore $restored"
sleep 3
echo "last before dump: $before; now on dst: $(on dst tail -n1 /mnt/shared/counter.out)"
# shellcheck disable=SC2016 # an awk program
on src awk 'NR > 1 && $1 != prev + 1 { print "GAP: " prev " -> " $1; bad = 1 } { prev = $1 } END { if (!bad) print "counted on without a gap: " NR " values" }' /mnt/shared/counter.out
echo "running on dst: $(on dst pgrep -f 'counter.out' | wc -l) process(es); on src: $(on src pgrep -f 'counter.out' | wc -l)"
on dst pkill -f 'counter.out' || true
fi
