#!/bin/sh
# Runs inside a lab host's new mount namespace (private propagation): mounts the host's own disk
# directory over the shared disk path, and makes /run a tmpfs.
#
# Why /run: CRIU keeps its kernel-feature cache in /run/criu.kdat only when /run is a tmpfs
# ("Can't keep kdat cache on non-tempfs"). On these machines /run is part of the root
# filesystem, so every criu command re-probed the kernel (about 80 ms here) inside the stop window.
# The machine's own /run entries (sshd's privilege-separation directory, netns files, ...) stay
# visible: each is bind-mounted back into the new /run.
# Usage: host-mounts.sh HOST-DISK-DIRECTORY SHARED-DISK-PATH
set -eu
disk=$1
shared=$2

mount --bind "$disk" "$shared"

old=$(mktemp -d /tmp/criubench-run.XXXXXX)
mount --rbind /run "$old"
mount -t tmpfs -o mode=0755,size=16m criubench-run /run
for entry in "$old"/* "$old"/.[!.]*; do
  [ -e "$entry" ] || [ -L "$entry" ] || continue
  name=${entry##*/}
  case $name in criu.kdat|criu.kdat.tmp) continue ;; esac
  if [ -L "$entry" ]; then
    cp -P "$entry" "/run/$name"
  elif [ -d "$entry" ]; then
    mkdir -p "/run/$name" && mount --rbind "$entry" "/run/$name"
  else
    touch "/run/$name" && mount --bind "$entry" "/run/$name"
  fi
done
umount --lazy "$old"
rmdir "$old"
