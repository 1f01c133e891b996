#!/bin/sh
# Makes a Podman image archive (docker-archive, as `podman save` writes it) of programs installed
# on this machine, without a registry: each program with the libraries ldd names, busybox as
# /bin/sh (the engine starts the workload through sh), root in /etc/passwd. For `engine: podman`
# with `image:` in a suite: a service of your own in a container, e.g.
#   workloads/examples/podman-image-of.sh my-memcached.tar localhost/my-memcached:1 /usr/bin/memcached
# Built through workloads/build-podman-image.sh, so the same programs give the same bytes, and
# every host that loads the archive the same image ID. Prints OUTPUT.
set -eu
[ $# -ge 3 ] || { echo "usage: podman-image-of.sh OUTPUT.tar TAG PROGRAM..." >&2; exit 2; }
output=$1 tag=$2; shift 2
here=$(cd "$(dirname "$0")/.." && pwd)
busybox=$(command -v busybox) || { echo "podman-image-of.sh: busybox (busybox-static) is needed for /bin/sh" >&2; exit 1; }
! ldd "$busybox" >/dev/null 2>&1 || { echo "podman-image-of.sh: $busybox is not static: install busybox-static" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs
mkdir -p "$rootfs/bin" "$rootfs/etc" "$rootfs/tmp"
cp "$busybox" "$rootfs/bin/busybox"
ln -s busybox "$rootfs/bin/sh"
printf 'root:x:0:0:root:/root:/bin/sh\n' > "$rootfs/etc/passwd"
printf 'root:x:0:\n' > "$rootfs/etc/group"
for program in "$@"; do
  path=$(command -v "$program") || { echo "podman-image-of.sh: $program is not installed here" >&2; exit 1; }
  for file in "$path" $(ldd "$path" 2>/dev/null | grep -o '/[^ ]*' || true); do
    mkdir -p "$rootfs$(dirname "$file")"
    cp -L "$file" "$rootfs$file"
  done
done
# build-podman-image.sh keys its cache by this file (the busybox rootfs's checksum there).
(cd "$rootfs" && find . -type f | LC_ALL=C sort | xargs sha256sum) | sha256sum | cut -d' ' -f1 > "$rootfs/.busybox-sha256"
"$here/build-podman-image.sh" "$rootfs" "$work/image" "$tag" >/dev/null
tar -C "$work/image" --exclude=./.rootfs-sha256 --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf "$output.partial" .
mv "$output.partial" "$output"
echo "$output"
