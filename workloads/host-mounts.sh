#!/bin/sh
# Runs inside a lab host's new mount namespace (private propagation): mounts the host's own disk
# directory over the shared disk path, and makes /run and /dev/shm tmpfs of the host's own.
#
# Why /run: CRIU keeps its kernel-feature cache in /run/criu.kdat only when /run is a tmpfs
# ("Can't keep kdat cache on non-tempfs"). On these machines /run is part of the root
# filesystem, so every criu command re-probed the kernel (about 80 ms here) inside the stop window.
# The machine's own /run entries (sshd's privilege-separation directory, netns files, ...) stay
# visible: each is bind-mounted back into the new /run.
#
# Why root's shell startup files read as empty here: every command that arrives over ssh runs
# through root's shell, and Debian's bash reads ~/.bashrc for it. The lab's hosts share the
# controller's /root, whose .bashrc belongs to the controller's user (on these machines it runs
# `pyenv init`: about 0.2 s per ssh command, inside the stop window of tar-ssh, rsync and
# page-server). A host of its own would not carry that user's shell setup.
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
# /dev/shm of the host's own, as a machine has: Podman keeps its container locks in one shared
# memory segment (/dev/shm/libpod_lock), and the first Podman command with a fresh run root frees
# every lock in it, so two hosts sharing the machine's /dev/shm would free each other's.
mount -t tmpfs -o mode=1777,nosuid,nodev,size=64m criubench-shm /dev/shm

# sshd's privilege-separation directory: the machine has it only once its own sshd ran, and without
# it the host's sshd exits at once ("Missing privilege separation directory").
[ -d /run/sshd ] || mkdir -m 0755 /run/sshd

home=$(getent passwd root | cut -d: -f6)
empty=/run/criubench-empty-startup
: > "$empty"
for startup in "$home/.bashrc" "$home/.zshenv"; do
  if [ -f "$startup" ]; then mount --bind "$empty" "$startup"; fi
done
