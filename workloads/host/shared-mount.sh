#!/bin/bash
# What every shared filesystem (sshfs, NFS) does with the shared mount point
# (Transfer/SharedFilesystem/SharedMount.cs). Mounts are read from the mount table, never by
# touching the path: a FUSE or NFS mount whose server is gone fails every stat (`mountpoint`
# then says "not a mountpoint").
#   shared-mount.sh list MOUNT_POINT             prints "FSTYPE SOURCE" of each mount there, the topmost last
#   shared-mount.sh unmount MOUNT_POINT          a plain unmount, forced and lazy if that fails (the server
#                                                may be gone already); nothing mounted is fine
#   shared-mount.sh remove-leftovers MOUNT_POINT unmounts whatever a crashed run left there (mounts may be
#                                                stacked; lazy, so a server that is gone cannot hang it),
#                                                printing "unmounted FSTYPE SOURCE at MOUNT_POINT" for each
#   shared-mount.sh remove-directory DIRECTORY   removes a directory a filesystem made, printing
#                                                "removed DIRECTORY" if it existed; one that holds CRIU
#                                                images (the only state of an interrupted or lost
#                                                workload) is kept, printing "kept DIRECTORY: ..."
# Exit codes: 0 done, 1 an unmount or removal failed, 2 usage.
mounts_at() { awk -v m="$1" '$5 == m { for (i = 7; $i != "-"; i++); print $(i + 1), $(i + 2) }' /proc/self/mountinfo; }

action=$1 path=$2
case $action in
  list)
    mounts_at "$path" ;;
  unmount)
    [ -n "$(mounts_at "$path")" ] || exit 0
    umount "$path" 2>/dev/null || umount -f -l "$path" ;;
  remove-leftovers)
    for _ in 1 2 3 4 5 6 7 8; do
      what=$(mounts_at "$path" | tail -n1)
      [ -n "$what" ] || exit 0
      umount -f -l "$path" 2>/dev/null || umount -l "$path" || exit 1
      echo "unmounted $what at $path"
    done ;;
  remove-directory)
    [ -e "$path" ] || exit 0
    if [ -n "$(find "$path" -name '*.img' -print -quit 2>/dev/null)" ]; then
      echo "kept $path: it holds CRIU images, the only state of an interrupted or lost workload"
      exit 0
    fi
    rm -rf --one-file-system -- "$path" && echo "removed $path" ;;
  *)
    echo "usage: shared-mount.sh list|unmount|remove-leftovers|remove-directory PATH" >&2
    exit 2 ;;
esac
