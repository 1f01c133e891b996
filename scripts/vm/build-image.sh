#!/usr/bin/env bash
# Builds the CriuBench VM image from Debian packages alone, and caches it:
#   $CRIUBENCH_VM_CACHE/<key>/{base.qcow2,vmlinuz,initrd.img,kernel-release}
# The key is a hash of this recipe (this script and the files it bakes into the image), so a
# change to the recipe builds a new image; a second call with the same recipe returns at once.
# Prints the image directory on stdout; progress goes to stderr. Needs root.
# The packages it needs (QEMU, debootstrap, ...) are installed here, on demand, not by setup.sh.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cache=${CRIUBENCH_VM_CACHE:-/var/cache/criubench/vm}
suite=${CRIUBENCH_VM_SUITE:-bookworm}
disk_size=${CRIUBENCH_VM_DISK_SIZE:-6G}
# podman for the podman engine (with runc: Debian's crun lacks checkpoint support). debootstrap does
# not resolve virtual packages: containernetworking-plugins is named for podman's container-network-stack.
packages=systemd-sysv,udev,openssh-server,criu,nfs-kernel-server,nfs-common,iproute2,busybox,kmod,procps,netcat-openbsd,python3,rsync,tar,zstd,sshfs,fuse3,runc,iptables,podman,containernetworking-plugins
host_packages=(qemu-system-x86 qemu-utils debootstrap e2fsprogs cpio busybox-static kmod openssh-client)
initramfs_modules=(virtio_pci virtio_blk virtio_net crc32c_generic ext4)

started=$SECONDS
log() { printf 'vm-image: [%3ds] %s\n' "$((SECONDS - started))" "$*" >&2; }

[ "$(id -u)" -eq 0 ] || { log "must run as root (debootstrap, mkfs)"; exit 1; }

# The files baked into the image are copied first: the key and the image then describe the same
# recipe even if the repository changes while a build runs.
recipe=$(mktemp -d)
trap 'rm -rf "$recipe"' EXIT
cp "$here/build-image.sh" "$here/initramfs-init" "$here/criubench-seed" "$here/criubench-seed.service" "$recipe/"

# Everything that decides the image's content is in the key.
recipe_key() {
  {
    printf 'recipe 2\nsuite %s\npackages %s\nsize %s\nmodules %s\n' "$suite" "$packages" "$disk_size" "${initramfs_modules[*]}"
    cat "$recipe/build-image.sh" "$recipe/initramfs-init" "$recipe/criubench-seed" "$recipe/criubench-seed.service"
  } | sha256sum | cut -c1-16
}

key=$(recipe_key)
image=$cache/$suite-$key
if [ -f "$image/ready" ]; then
  log "cached image $image"
  printf '%s\n' "$image"
  exit 0
fi

install_host_packages() {
  local missing=() p
  for p in "${host_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  mkdir -p "$cache"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
    > "$cache/apt.log" 2>&1 || { tail -n 20 "$cache/apt.log" >&2; log "apt-get install failed; log: $cache/apt.log"; exit 1; }
}

# The mirror is the machine's own: read it from its apt sources instead of naming one here.
debian_mirror() {
  local uri
  uri=$(grep -hE '^\s*URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -n1 || true)
  [ -n "$uri" ] || uri=$(grep -hE '^\s*deb\s' /etc/apt/sources.list 2>/dev/null | grep -v security | awk '{print $2}' | head -n1 || true)
  [ -n "$uri" ] || { log "cannot find a Debian mirror in /etc/apt sources"; exit 1; }
  printf '%s' "$uri"
}

install_host_packages
mkdir -p "$cache"
exec 9>"$cache/build.lock"
log "waiting for the build lock" && flock 9
if [ -f "$image/ready" ]; then   # another call built it while this one waited
  log "cached image $image"; printf '%s\n' "$image"; exit 0
fi

work=$(mktemp -d "$cache/build.XXXXXX")
cleanup() {
  rm -rf "$recipe"
  # debootstrap may leave its chroot's mounts behind when it fails.
  grep -o " $work/[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
root=$work/rootfs

# The debootstrapped tree is cached on its own (keyed by suite and packages only), so a change
# to the later steps of the recipe rebuilds in about a minute instead of re-running debootstrap.
rootfs_key=$(printf '%s\n%s\n' "$suite" "$packages" | sha256sum | cut -c1-16)
rootfs_tar=$cache/rootfs-$suite-$rootfs_key.tar.zst
mkdir -p "$root"
if [ -f "$rootfs_tar" ]; then
  log "unpacking the cached debootstrap tree $rootfs_tar"
  zstd -qdc "$rootfs_tar" | tar -C "$root" --numeric-owner --xattrs --xattrs-include='*' -xf -
else
  log "debootstrap $suite (minbase + ${packages//,/ }); 2-4 minutes, longer on a busy machine"
  debootstrap --variant=minbase --include="$packages" "$suite" "$root" "$(debian_mirror)" > "$work/debootstrap.log" 2>&1 \
    || { tail -n 30 "$work/debootstrap.log" "$root/debootstrap/debootstrap.log" >&2 2>/dev/null; log "debootstrap failed"; exit 1; }
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" --numeric-owner --xattrs --xattrs-include='*' -cf - . | zstd -q -T0 -3 -o "$work/rootfs.tar.zst"
  mv "$work/rootfs.tar.zst" "$rootfs_tar"
fi

log "kernel: fetching linux-image-amd64 from $suite"
apt-cache show linux-image-amd64 >/dev/null 2>&1 || apt-get update -qq
kernel_package=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
[ -n "$kernel_package" ] || { log "cannot resolve linux-image-amd64"; exit 1; }
(cd "$work" && apt-get download -qq -o APT::Sandbox::User=root "$kernel_package")
dpkg-deb -x "$work"/"$kernel_package"_*.deb "$work/kernel"
release=${kernel_package#linux-image-}
cp "$work/kernel/boot/vmlinuz-$release" "$work/vmlinuz"
mkdir -p "$root/lib/modules"
cp -a "$work/kernel/lib/modules/$release" "$root/lib/modules/"
depmod -b "$root" "$release"
log "kernel $release"

log "initramfs: busybox + ${initramfs_modules[*]} and their dependencies"
initrd=$work/initrd
mkdir -p "$initrd"/{bin,dev,proc,sys,newroot,modules}
cp /bin/busybox "$initrd/bin/busybox"
install -m 0755 "$recipe/initramfs-init" "$initrd/init"
for module in "${initramfs_modules[@]}"; do modprobe -d "$root" -S "$release" --show-depends "$module"; done \
  | awk '$1 == "insmod" {print $2}' | awk '!seen[$0]++' \
  | while read -r module; do
      name=$(basename "$module")
      case "$name" in
        *.ko) cp "$module" "$initrd/modules/$name" ;;
        *.ko.xz) xz -dc "$module" > "$initrd/modules/${name%.xz}"; name=${name%.xz} ;;
        *.ko.zst) zstd -qdc "$module" > "$initrd/modules/${name%.zst}"; name=${name%.zst} ;;
      esac
      echo "$name" >> "$initrd/modules.order"
    done
(cd "$initrd" && find . | cpio -o -H newc --quiet | gzip -1) > "$work/initrd.img"

log "configuring the root filesystem"
cat > "$root/etc/fstab" <<'FSTAB'
/dev/vda / ext4 rw,noatime 0 0
FSTAB
install -m 0755 "$recipe/criubench-seed" "$root/usr/local/sbin/criubench-seed"
install -m 0644 "$recipe/criubench-seed.service" "$root/etc/systemd/system/criubench-seed.service"
ln -sf /etc/systemd/system/criubench-seed.service "$root/etc/systemd/system/multi-user.target.wants/criubench-seed.service"
# Host keys come from each VM's seed: none may be shared through the base image.
rm -f "$root"/etc/ssh/ssh_host_*
cat > "$root/etc/ssh/sshd_config.d/criubench.conf" <<'SSHD'
HostKey /etc/ssh/ssh_host_ed25519_key
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UseDNS no
MaxStartups 100
SSHD
# Nothing waits for a network that never answers; no getty on a display that does not exist.
ln -sf /dev/null "$root/etc/systemd/system/systemd-networkd-wait-online.service"
ln -sf /dev/null "$root/etc/systemd/system/getty@tty1.service"
ln -sf /dev/null "$root/etc/systemd/system/serial-getty@ttyS0.service"
ln -sf /dev/null "$root/etc/systemd/system/e2scrub_reap.service"
ln -sf /dev/null "$root/etc/systemd/system/e2scrub_all.timer"
ln -sf /dev/null "$root/etc/systemd/system/apt-daily.timer"
ln -sf /dev/null "$root/etc/systemd/system/apt-daily-upgrade.timer"
echo criubench-vm > "$root/etc/hostname"
: > "$root/etc/machine-id"   # systemd makes a fresh one per VM at first boot
mkdir -p "$root/srv/criubench"
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*

log "disk: mkfs.ext4 -d ($disk_size, sparse) and qemu-img convert to qcow2"
mkfs.ext4 -q -F -L cbroot -d "$root" "$work/root.raw" "$disk_size"
qemu-img convert -O qcow2 -c "$work/root.raw" "$work/base.qcow2" 2>/dev/null || qemu-img convert -O qcow2 "$work/root.raw" "$work/base.qcow2"
rm -f "$work/root.raw"

out=$work/out
mkdir -p "$out"
mv "$work/base.qcow2" "$work/vmlinuz" "$work/initrd.img" "$out/"
echo "$release" > "$out/kernel-release"
# shellcheck disable=SC2016 # ${Version} is dpkg-query's field, not the shell's
printf 'suite=%s\nkernel=%s\ncriu=%s\nbuilt=%s\nbuild_seconds=%s\n' "$suite" "$release" \
  "$(chroot "$root" dpkg-query -W -f='${Version}' criu)" "$(date -u +%FT%TZ)" "$((SECONDS - started))" > "$out/manifest"
touch "$out/ready"
rm -rf "$image"
mv "$out" "$image"
log "image ready: $image ($(du -sh "$image/base.qcow2" | cut -f1) qcow2, built in $((SECONDS - started)) s)"
printf '%s\n' "$image"
