#!/bin/bash
# Packs files of the host's disk into a tar archive, then becomes scp (exec) copying it to another
# host, as a user's `tar ... && scp ...` line does: one process start inside the stop window, no
# fork and wait for scp. Prints the host's clock (EPOCHREALTIME) before the pack and between the
# two, "START PACKED", which Transfer/HostTimes.cs splits; the copy is the rest of the command.
# tar's --totals puts the archive's size on stderr, so nothing stats it while the workload waits.
#   pack-and-copy.sh DISK ARCHIVE TARGET N SCP_OPTION*N MEMBER...
# Exit codes: tar's when the pack fails, else scp's.
disk=$1 archive=$2 target=$3 count=$4; shift 4
scp_options=("${@:1:count}"); shift "$count"
packing=$EPOCHREALTIME
tar --totals -C "$disk" -cf "$archive" "$@" || exit
echo "$packing $EPOCHREALTIME"
exec scp "${scp_options[@]}" "$archive" "$target"
