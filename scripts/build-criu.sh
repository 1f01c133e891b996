#!/usr/bin/env bash
# Builds CRIU from Debian trixie's source tarball and installs it as /usr/local/sbin/criu.
# Used only where the distro's CRIU fails `criu check` (bookworm's 3.17.1 on 6.x kernels:
# "vdso: Unexpected rt vDSO area bounds"). The build is cached, so a second run is instant.
set -euo pipefail

CRIU_VERSION=${CRIU_VERSION:-4.1.1}
cache=${CRIUBENCH_CACHE:-/var/cache/criubench}/criu-build
apt_dir=$cache/apt
binary=$cache/criu-$CRIU_VERSION/criu/criu

log() { printf 'build-criu: %s\n' "$*" >&2; }

# The mirror is the machine's own: read it from its apt sources instead of naming one here.
debian_mirror() {
  local uri
  uri=$(grep -hE '^\s*URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -n1 || true)
  [ -n "$uri" ] || uri=$(grep -hE '^\s*deb\s' /etc/apt/sources.list 2>/dev/null | grep -v security | awk '{print $2}' | head -n1 || true)
  [ -n "$uri" ] || { log "cannot find a Debian mirror in /etc/apt sources"; exit 1; }
  printf '%s' "$uri"
}

# A private apt configuration that knows trixie's sources; the machine's own lists stay untouched.
apt_private() {
  apt-get -o Dir::Etc::SourceList="$apt_dir/sources.list" -o Dir::Etc::SourceParts=/nonexistent \
          -o Dir::State::Lists="$apt_dir/lists" -o Dir::Cache="$apt_dir/cache" "$@"
}

fetch_source() {
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$cache"
  printf 'deb-src %s trixie main\n' "$(debian_mirror)" > "$apt_dir/sources.list"
  log "fetching the trixie source index"
  apt_private -qq update
  local expected tarball=criu_$CRIU_VERSION.orig.tar.xz
  expected=$(apt_private -qq source --print-uris criu 2>/dev/null | awk -v f="$tarball" '$2==f {print $4}' | sed 's/^SHA256://')
  (cd "$cache" && apt_private -qq source --download-only criu >/dev/null 2>&1) || true
  [ -f "$cache/$tarball" ] || { log "download of $tarball failed"; exit 1; }
  if [ -n "$expected" ]; then
    echo "$expected  $cache/$tarball" | sha256sum -c --quiet - || { log "checksum mismatch for $tarball"; exit 1; }
  else
    # apt only lists MD5 when it cannot verify a SHA256 - fall back to showsrc's list.
    expected=$(apt_private -qq showsrc criu | awk -v f="$tarball" '/^Checksums-Sha256:/ {on=1; next} /^[A-Z]/ {on=0} on && $3==f {print $1; exit}')
    [ -n "$expected" ] || { log "no checksum for $tarball in the source index"; exit 1; }
    echo "$expected  $cache/$tarball" | sha256sum -c --quiet - || { log "checksum mismatch for $tarball"; exit 1; }
  fi
  tar -C "$cache" -xf "$cache/$tarball"
}

if [ ! -x "$binary" ]; then
  [ -d "$cache/criu-$CRIU_VERSION" ] || fetch_source
  log "building CRIU $CRIU_VERSION (about 30 s on 2 cores)"
  make -C "$cache/criu-$CRIU_VERSION" -j"$(nproc)" criu >"$cache/build.log" 2>&1 \
    || { tail -n 30 "$cache/build.log" >&2; log "build failed; full log: $cache/build.log"; exit 1; }
fi
install -m 0755 "$binary" /usr/local/sbin/criu
log "installed /usr/local/sbin/criu ($(/usr/local/sbin/criu --version | head -n1))"
