#!/usr/bin/env bash
# Installs what CriuBench needs on a Debian/Ubuntu machine, as root. Idempotent: when
# everything is present it only verifies and returns within seconds.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")

log() { printf 'setup: %s\n' "$*" >&2; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "must run as root (CRIU, namespaces and tc need it): sudo $0"
command -v apt-get >/dev/null || die "only Debian and Ubuntu are supported (no apt-get found)"

packages=(
  # lab and transfer
  iproute2 iptables openssh-server openssh-client sshfs rsync tar zstd procps psmisc util-linux
  # workloads and containers
  gcc make libc6-dev runc busybox-static docker.io
  # the podman engine (Debian's 4.3 with conmon; it runs runc, since Debian's crun lacks checkpoint support)
  podman
  # the built-in services and the user-service example (their clients are python3)
  redis-server nginx-light memcached
  # the charts' typeface (ScottPlot draws them in-process); scripts/baseline.sh (jq edits the bare
  # runc bundle's config, python3 computes the ratios)
  fonts-dejavu-core jq python3
  # the test that runs shellcheck on every shell script of the repository
  shellcheck
)
# The test that opens report.html in a headless browser. Debian packages chromium; Ubuntu ships it
# only as a snap (no apt package of that name), where it is left out rather than failing the setup.
browser_packages=(chromium)
criu_build_deps=(
  libprotobuf-dev libprotobuf-c-dev protobuf-c-compiler protobuf-compiler python3-protobuf
  libnl-3-dev libnet1-dev libcap-dev libbsd-dev libnftables-dev libgnutls28-dev uuid-dev pkgconf
  xz-utils dpkg-dev
)

missing() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || printf '%s\n' "$p"
  done
}

updated=0
apt_install() {
  local todo
  mapfile -t todo < <(missing "$@")
  [ "${#todo[@]}" -eq 0 ] && return 0
  if [ "$updated" -eq 0 ]; then apt-get update -qq; updated=1; fi
  log "installing ${todo[*]}"
  # policy-rc.d keeps package scripts from starting daemons (sshd, dockerd): the lab starts its own.
  local policy=/usr/sbin/policy-rc.d created=0
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod +x "$policy"; created=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${todo[@]}" >/dev/null \
    || { [ "$created" -eq 1 ] && rm -f "$policy"; log "apt-get install failed for: ${todo[*]}"; return 1; }
  [ "$created" -eq 1 ] && rm -f "$policy"
  return 0
}

# The test that lints .github/workflows/ with action-validator (npm's @action-validator/cli,
# pinned), installed into CriuBench's cache rather than globally. Node's own npm where it has one.
action_validator_version=0.6.0
action_validator_dir=/var/cache/criubench/action-validator
install_action_validator() {
  command -v npm >/dev/null || apt_install nodejs npm || return 1
  grep -qs "\"version\": \"$action_validator_version\"" "$action_validator_dir/node_modules/@action-validator/cli/package.json" && return 0
  log "installing @action-validator/cli $action_validator_version into $action_validator_dir"
  mkdir -p "$action_validator_dir"
  npm install --prefix "$action_validator_dir" --no-audit --no-fund --silent "@action-validator/cli@$action_validator_version" >/dev/null
}

distro_criu_works() { [ -x /usr/sbin/criu ] && /usr/sbin/criu check >/dev/null 2>&1; }

apt_install "${packages[@]}" || die "could not install the packages CriuBench needs (see above)"
for p in "${browser_packages[@]}"; do
  if [ "$updated" -eq 0 ] && [ -n "$(missing "$p")" ]; then apt-get update -qq; updated=1; fi
  if apt-cache show "$p" >/dev/null 2>&1; then apt_install "$p" || log "could not install $p: the report's browser test will fail"
  else log "no apt package '$p' here: the report's browser test will fail until it is installed"; fi
done

# CRIU: the distro's where its `criu check` passes; otherwise scripts/build-criu.sh's default
# (4.2.1: 4.1.1 cannot dump INET sockets on kernels from 6.16), made /usr/local/sbin/criu. Other
# builds go beside it (scripts/build-criu.sh VERSION) for `run --criu VERSION`.
# Once CriuBench's build is the default it stays so (only the version is brought up to date).
if [ ! -L /usr/local/sbin/criu ]; then
  # Some distributions have no criu package at all: then the build below is the way.
  apt_install criu || log "no criu package from the distribution"
fi
apt_install curl "${criu_build_deps[@]}" || die "could not install CRIU's build dependencies"
if [ -L /usr/local/sbin/criu ] || ! distro_criu_works; then
  "$here/build-criu.sh" --default
  hash -r
fi
# 4.1.1 beside it, so `run --criu 4.1.1` and `compare` of the two builds work out of the box
# (cached: about 45 s once per machine).
"$here/build-criu.sh" 4.1.1 || log "could not build CRIU 4.1.1 beside the default: run --criu 4.1.1 will be refused"
if ! out=$(criu check 2>&1); then
  die "this kernel cannot checkpoint; 'criu check' says:
$out"
fi

install_action_validator || log "could not install @action-validator/cli: the workflow lint test will say so"

# The workloads' native programs, rebuilt when their source changes.
make -s -C "$repo/workloads"
# The containers' root filesystem (runc and docker engines), from busybox-static; cached.
"$repo/workloads/build-busybox-rootfs.sh" >/dev/null

if command -v dotnet >/dev/null; then
  dotnet restore "$repo/CriuBench.sln" -v q >/dev/null || die "dotnet restore failed"
else
  die "the .NET 10 SDK is missing: install it from Microsoft's packages (dotnet-sdk-10.0)"
fi
log "ready: $(criu --version | head -n1), runc $(runc --version | awk 'NR==1{print $3}'), kernel $(uname -r)"
