#!/bin/sh
# Builds the busybox container image for Podman as a docker-archive directory, without any image
# registry: one layer (the busybox rootfs of build-busybox-rootfs.sh), its config and manifest.
#   build-podman-image.sh ROOTFS TARGET TAG
# The layer is a tar with fixed names order, times and owners, so its digest, and with it the
# image ID (the config's digest), depend only on the rootfs. Every host loads these same bytes
# (`tar -C TARGET -c . | podman load`), so every host has the same image ID: `podman container
# restore --import` finds a checkpoint's image by its ID. Built once and cached: TARGET/.rootfs-sha256
# records which rootfs it holds. Built beside TARGET and renamed into place (concurrent callers).
# Prints TARGET.
set -eu
rootfs=$1 target=$2 tag=$3

sum=$(cat "$rootfs/.busybox-sha256")
if [ "$(cat "$target/.rootfs-sha256" 2>/dev/null || true)" = "$sum $tag" ]; then
  echo "$target"
  exit 0
fi

parent=$(dirname "$target")
mkdir -p "$parent"
work=$(mktemp -d "$parent/.podman-image.XXXXXX")
trap 'rm -rf "$work"' EXIT
tar -C "$rootfs" --exclude=./.busybox-sha256 --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf "$work/layer.tar" .
layer=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
printf '{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/bin"]},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' \
  "$layer" > "$work/config.json"
config=$(sha256sum "$work/config.json" | cut -d' ' -f1)
mv "$work/config.json" "$work/$config.json"
printf '[{"Config":"%s.json","RepoTags":["%s"],"Layers":["layer.tar"]}]' "$config" "$tag" > "$work/manifest.json"
echo "$sum $tag" > "$work/.rootfs-sha256"

if [ -e "$target" ]; then
  old=$(mktemp -d "$parent/.podman-image-old.XXXXXX")
  mv -T "$target" "$old/tree" 2>/dev/null || true
  mv -T "$work" "$target" || true
  rm -rf "$old"
else
  mv -T "$work" "$target" 2>/dev/null || true
fi
[ -f "$target/manifest.json" ] || { echo "build-podman-image.sh: $target/manifest.json missing after the build" >&2; exit 1; }
echo "$target"
