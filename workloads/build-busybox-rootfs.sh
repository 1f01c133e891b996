#!/bin/sh
# Builds a minimal container root filesystem from Debian's busybox-static, without any image
# registry: /bin/busybox, a symlink per applet, and the empty directories a runtime mounts on.
#   build-busybox-rootfs.sh [TARGET]    (default /var/cache/criubench/busybox-rootfs)
# Built once and cached: TARGET/.busybox-sha256 records which busybox it holds, and a newer
# busybox rebuilds it. It is built beside TARGET and renamed into place, so concurrent callers
# (two engines preparing at once) never see half a tree. Prints TARGET.
set -eu
target=${1:-/var/cache/criubench/busybox-rootfs}
busybox=/bin/busybox

[ -x "$busybox" ] || { echo "build-busybox-rootfs.sh: $busybox is missing: apt-get install busybox-static (scripts/setup.sh does)" >&2; exit 1; }
# A dynamically linked busybox (Debian's 'busybox' package) would need the host's libc inside.
if ldd "$busybox" >/dev/null 2>&1; then
  echo "build-busybox-rootfs.sh: $busybox is not statically linked: install busybox-static" >&2
  exit 1
fi

sum=$(sha256sum "$busybox" | cut -d' ' -f1)
if [ "$(cat "$target/.busybox-sha256" 2>/dev/null || true)" = "$sum" ]; then
  echo "$target"
  exit 0
fi

parent=$(dirname "$target")
mkdir -p "$parent"
work=$(mktemp -d "$parent/.busybox-rootfs.XXXXXX")
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
mkdir -p "$work/bin" "$work/proc" "$work/sys" "$work/dev" "$work/tmp" "$work/etc" "$work/root" "$work/out"
chmod 1777 "$work/tmp"
cp "$busybox" "$work/bin/busybox"
for applet in $("$busybox" --list); do
  [ "$applet" = busybox ] || ln -s busybox "$work/bin/$applet"
done
printf 'root:x:0:0:root:/root:/bin/sh\n' > "$work/etc/passwd"
printf 'root:x:0:\n' > "$work/etc/group"
echo "$sum" > "$work/.busybox-sha256"

# Replace an older tree atomically enough: move it aside, move the new one in, drop the old.
if [ -e "$target" ]; then
  old=$(mktemp -d "$parent/.busybox-rootfs-old.XXXXXX")
  mv -T "$target" "$old/tree" 2>/dev/null || true
  mv -T "$work" "$target" || true
  rm -rf "$old"
else
  mv -T "$work" "$target" 2>/dev/null || true # another builder won the race: its tree is as good
fi
[ -x "$target/bin/busybox" ] || { echo "build-busybox-rootfs.sh: $target/bin/busybox missing after the build" >&2; exit 1; }
echo "$target"
