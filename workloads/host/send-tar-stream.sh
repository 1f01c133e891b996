#!/bin/bash
# The sending end of a tar stream whose ssh session stands ready before the freeze
# (Transfer/ConnectedTarStream.cs): ssh starts at once, reading from a sender that first waits for
# a word on FIFO. Until then the remote tar waits for input. "go" packs the members into the
# stream (with COMPRESSED=1 through zstd -1 -T0, counted by dd); any other word, or a FIFO closed
# without one, ends the stream with nothing sent.
#   send-tar-stream.sh FIFO DIRECTORY TARGET RECEIVE COMPRESSED N SSH_OPTION*N MEMBER...
# RECEIVE is the receiving command line as the remote shell takes it.
# Exit code: the first failing side's (pipefail: a pack that fails is a transfer that fails, even
# when the receiving tar took what arrived), else 0.
set -o pipefail
export LC_ALL=C
fifo=$1 dir=$2 target=$3 remote=$4 compressed=$5 n=$6
shift 6
ssh_options=("${@:1:n}")
shift "$n"
send() {
  read -r word < "$fifo" && [ "$word" = go ] || exit 0
  if [ "$compressed" = 1 ]; then
    tar -C "$dir" -c -- "$@" | zstd -q -1 -T0 -c | dd bs=1M
  else
    exec tar -C "$dir" --totals -c -- "$@"
  fi
}
# shellcheck disable=SC2029 # RECEIVE is one line for the remote shell, quoted by the caller
send "$@" | ssh "${ssh_options[@]}" "$target" "$remote"
