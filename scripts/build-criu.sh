#!/usr/bin/env bash
# Builds CRIU from Debian's source tarball and installs it side by side with other builds:
#   scripts/build-criu.sh [--default] [VERSION]   build VERSION (default 4.2.1) as
#       /usr/local/lib/criubench/criu/VERSION/criu; --default also links /usr/local/sbin/criu to it
#   scripts/build-criu.sh --print-source [VERSION]  print the tarball's URL and sha256, fetch nothing
#   scripts/build-criu.sh --fetch-only [VERSION]    download and check the tarball into the cache
# The tarball comes from the machine's Debian mirror (its pool carries every version a Debian
# release has), or, where the machine has none (Ubuntu, GitHub's runners), from deb.debian.org;
# either way it must match the sha256 pinned below. Builds are cached, so a second run is instant
# and works offline.
set -euo pipefail

# Versions whose tarball Debian carries, with the sha256 of criu_VERSION.orig.tar.xz
# (4.1.1: trixie; 4.2.1: forky/sid; both as `apt-cache showsrc criu` listed them).
declare -A pinned_sha256=(
  [4.1.1]=f80a66cb3726bb2116266d4759ce3bcbfab7abdb6b6d430bf20dd41911717afe
  [4.2.1]=29ec0ee09e296479fe7048c80980e8ef1d0684d0b0204c2b101dfea19f6725b9
)
default_version=4.2.1

cache=${CRIUBENCH_CACHE:-/var/cache/criubench}/criu-build
install_root=${CRIUBENCH_CRIU_ROOT:-/usr/local/lib/criubench/criu}
apt_etc=${CRIUBENCH_APT_ETC:-/etc/apt}
fallback_mirror=https://deb.debian.org/debian

log() { printf 'build-criu: %s\n' "$*" >&2; }
die() { printf 'build-criu: error: %s\n' "$*" >&2; exit 1; }

mode=build make_default=false
case "${1-}" in
  --default) make_default=true; shift ;;
  --print-source) mode=print; shift ;;
  --fetch-only) mode=fetch; shift ;;
  -*) die "unknown option $1 (usage: build-criu.sh [--default|--print-source|--fetch-only] [VERSION])" ;;
esac
version=${1:-$default_version}
[ $# -le 1 ] || die "one version at a time"
expected=${pinned_sha256[$version]:-}
[ -n "$expected" ] || die "CRIU $version is not known here (known: ${!pinned_sha256[*]}); add its tarball's sha256 to scripts/build-criu.sh"

# A Debian archive among the machine's apt sources (deb822 URIs: lines or one-line deb entries);
# security and non-Debian archives (Ubuntu's) do not carry CRIU's pool.
debian_mirror() {
  {
    grep -hE '^\s*URIs:' "$apt_etc"/sources.list.d/*.sources 2>/dev/null | sed -E 's/^\s*URIs:\s*//' | tr ' ' '\n'
    grep -hE '^\s*deb(-src)?\s' "$apt_etc"/sources.list "$apt_etc"/sources.list.d/*.list 2>/dev/null \
      | sed -E 's/^\s*deb(-src)?\s+(\[[^]]*\]\s+)?//' | awk '{print $1}'
  } | grep -E '/debian/?$' | head -n1 | sed 's:/*$::' || true
}

tarball=criu_$version.orig.tar.xz
mirror=$(debian_mirror)
[ -n "$mirror" ] || mirror=$fallback_mirror
url=$mirror/pool/main/c/criu/$tarball

if [ "$mode" = print ]; then
  printf '%s %s\n' "$url" "$expected"
  exit 0
fi

fetch() {
  mkdir -p "$cache"
  if [ ! -f "$cache/$tarball" ]; then
    log "fetching $url"
    curl -fsSL --retry 3 -o "$cache/$tarball.part" "$url" || die "download of $url failed"
    mv "$cache/$tarball.part" "$cache/$tarball"
  fi
  echo "$expected  $cache/$tarball" | sha256sum -c --quiet - \
    || { rm -f "$cache/$tarball"; die "$tarball does not match its pinned sha256 (removed; run again to refetch)"; }
}

if [ "$mode" = fetch ]; then
  fetch
  log "$cache/$tarball matches its sha256"
  exit 0
fi

source_dir=$cache/criu-$version
binary=$source_dir/criu/criu
if [ ! -x "$binary" ]; then
  [ -d "$source_dir" ] || { fetch; tar -C "$cache" -xf "$cache/$tarball"; }
  log "building CRIU $version (30-45 s on 2 cores)"
  make -C "$source_dir" -j"$(nproc)" criu >"$cache/build-$version.log" 2>&1 \
    || { tail -n 30 "$cache/build-$version.log" >&2; die "build failed; full log: $cache/build-$version.log"; }
fi
install -D -m 0755 "$binary" "$install_root/$version/criu"
log "installed $install_root/$version/criu ($("$install_root/$version/criu" --version | head -n1))"
if $make_default; then
  ln -sfn "$install_root/$version/criu" /usr/local/sbin/criu
  log "/usr/local/sbin/criu is now CRIU $version"
fi
