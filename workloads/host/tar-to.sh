#!/bin/bash
# Streams files from a directory of this host into another host through ssh, with no archive on
# either disk: `tar -c | ssh TARGET RECEIVE`, where RECEIVE is the receiving command line as the
# remote shell takes it (Transfer/TarStream.cs quotes it word by word). tar's --totals prints the
# bytes it wrote to the stream on stderr: counted for free.
#   tar-to.sh DIRECTORY TARGET RECEIVE N SSH_OPTION*N MEMBER...
# Exit code: the first failing side's (pipefail), else 0.
set -o pipefail
export LC_ALL=C
dir=$1 target=$2 remote=$3 n=$4
shift 4
# shellcheck disable=SC2029 # RECEIVE is one line for the remote shell, quoted by the caller
tar -C "$dir" --totals -c -- "${@:n+1}" | ssh "${@:1:n}" "$target" "$remote"
