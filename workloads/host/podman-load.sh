#!/bin/bash
# Loads an image into a host's own Podman storage, from a docker-archive directory (tarred on the
# fly) or an archive file, and prints what `podman load` says it loaded.
#   podman-load.sh SOURCE PODMAN-COMMAND...
# Podman 4.3 keeps its blob-info cache at /var/lib/containers/cache whatever --root says (the
# machine's, not the host's): where the load made that directory, it is removed again, so nothing of
# Podman's is left outside the host's own storage. One that was there (a user's own Podman) stays.
# Exit code: podman load's.
set -o pipefail
source=$1; shift
cache=/var/lib/containers
had=0; [ -e "$cache" ] && had=1
if [ -d "$source" ]; then
  tar -C "$source" --exclude=./.rootfs-sha256 -c . | "$@" load --quiet
else
  "$@" load --quiet --input "$source"
fi
status=$?
[ "$had" = 1 ] || rm -rf "$cache"
exit "$status"
