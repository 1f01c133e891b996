#!/usr/bin/env bash
# The bare, hand-typed migration next to CriuBench's own, in the same kind of lab, interleaved,
# so the harness's own share of the stop time shows as a ratio on a shared, noisy machine.
#
#   scripts/baseline.sh [PAIRS]        # default 20 pairs of each kind; as root
#
# Each round does, one after the other (the order rotates from round to round):
#   - bare process counter: `criu dump`, tar, scp, untar, `criu restore` typed as a user would
#     (each host's steps in one shell on that host; the same ssh options as CriuBench, with a
#     reused connection), timed with bash's $EPOCHREALTIME from before the dump until the
#     restore returns, each after a `sync` as CriuBench's; two migrations (there and back);
#   - bare runc counter: `runc checkpoint`, the same tar + scp + untar, `runc restore --detach`
#     (the bundle from `runc spec`, made like CriuBench's: the host's network, no /sys mounts,
#     stdio inside the container: an inherited fd from outside makes the dump fail);
#   - bare Podman counter: `podman container checkpoint --export`, the same tar + scp + untar of the
#     archive, `podman container restore --import` (each host its own Podman storage, as CriuBench's;
#     the same flags as CriuBench's: an uncompressed archive, --keep, --print-stats);
#   - CriuBench: `criubench run` of counter, timestamps, runc-counter and podman-counter with tar,
#     tar-ssh, shared and page-server (Podman's page-server cell is refused), 2 repetitions each
#     (there and back); the ratios compare tar with the bare script's tar, and the timestamp
#     printer's best strategy with CRIU's own times.
# Then it prints the medians and the ratios with their 95% bootstrap intervals (see README,
# "Baseline"), and writes them to $OUT/baseline.csv and $OUT/ratios.txt.
#
# KERNEL_TRACE=1 also records the kernel's own view (ftrace: every process's fork, exec and exit,
# on the monotonic clock) and prints, for the bare counter and CriuBench's counter/tar, each
# command's time from fork to exit and the gaps between them ($OUT/kernel.txt).
set -euo pipefail

pairs=${1:-${PAIRS:-20}}
repo=$(cd "$(dirname "$0")/.." && pwd)
lab=${BASELINE_LAB:-bl}            # the bare lab; CriuBench's runs use ${lab}c
out=${OUT:-$repo/results/baseline-$(date -u +%Y%m%d-%H%M%S)}
rounds=$(( (pairs + 1) / 2 ))       # each round migrates twice per kind
disk=/var/lib/criubench/host
ssh_dir=/var/lib/criubench/labs/$lab/ssh
busybox=/var/cache/criubench/busybox-rootfs
podman_image=/var/cache/criubench/podman-busybox-image

log() { printf 'baseline: %s\n' "$*" >&2; }
[ "$(id -u)" = 0 ] || { log "run as root (it makes network namespaces)"; exit 1; }

dll=$("$repo/scripts/publish-cli.sh")   # the same precompiled CLI scripts/criubench runs
criubench() { (cd "$repo" && dotnet "$dll" "$@"); }

mkdir -p "$out/criubench"
address() { [ "$1" = src ] && echo 198.18.0.1 || echo 198.18.0.2; }
other() { [ "$1" = src ] && echo dst || echo src; }
# A shell on a lab host: its network and mount namespaces, as `criubench lab up` prints.
on() { local host=$1; shift; nsenter --net="/run/netns/cb-$lab-$host" --mount="/run/criubench/$lab/$host.mnt" -- "$@"; }
ssh_options="-i $ssh_dir/id_ed25519 -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=yes \
-o UserKnownHostsFile=$ssh_dir/known_hosts -o GlobalKnownHostsFile=/dev/null -o LogLevel=ERROR \
-o ControlMaster=auto -o ControlPath=$ssh_dir/cm-%C -o ControlPersist=300"

tracing=/sys/kernel/tracing
mark() { [ -z "${KERNEL_TRACE:-}" ] || echo "$*" > "$tracing/trace_marker"; }
kernel_trace() { # start | stop FILE
  local event
  echo 0 > "$tracing/tracing_on"
  if [ "$1" = stop ]; then cat "$tracing/trace" > "$2"; echo > "$tracing/set_event"; echo > "$tracing/trace"; return; fi
  echo > "$tracing/trace"; echo mono > "$tracing/trace_clock"; echo 65536 > "$tracing/buffer_size_kb"
  for event in sched_process_fork sched_process_exec sched_process_exit; do echo "sched:$event" >> "$tracing/set_event"; done
  echo 1 > "$tracing/tracing_on"
}
cleanup() {
  [ -z "${KERNEL_TRACE:-}" ] || { echo 0 > "$tracing/tracing_on"; echo > "$tracing/set_event"; } 2>/dev/null || true
  criubench lab down --lab "$lab" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -n "${KERNEL_TRACE:-}" ]; then
  [ -w "$tracing/trace_marker" ] || mount -t tracefs nodev "$tracing" 2>/dev/null || true
  [ -w "$tracing/trace_marker" ] || { log "KERNEL_TRACE needs tracefs at $tracing"; exit 1; }
fi
log "lab $lab up; results in $out"
criubench lab up --lab "$lab" >/dev/null
for host in src dst; do
  on "$host" mkdir -p "$disk/work" "$disk/images" "$disk/outbox" "$disk/inbox" "$disk/runc-state"
  # shellcheck disable=SC2086 # ssh_options is a list of words, split on purpose (it also goes into the command line below)
  on "$host" ssh $ssh_options "root@$(address "$(other "$host")")" true   # the reused connection, as CriuBench's
done
# Each host's own Podman storage below its disk, with the image CriuBench's podman engine loads (the
# same bytes on both hosts, so the same image ID, which restore --import looks up).
podman_on() { # host podman-arguments...
  local host=$1; shift
  on "$host" podman --root "$disk/podman/storage" --runroot "$disk/podman/run" --tmpdir "$disk/podman/tmp" \
    --volumepath "$disk/podman/volumes" --network-config-dir "$disk/podman/networks" --storage-driver overlay \
    --events-backend none --cgroup-manager cgroupfs --runtime runc "$@"
}
"$repo/workloads/build-busybox-rootfs.sh" "$busybox" >/dev/null
"$repo/workloads/build-podman-image.sh" "$busybox" "$podman_image" localhost/criubench-busybox:1 >/dev/null
# Podman 4.3 keeps a blob-info cache at /var/lib/containers whatever --root says: a load that made it
# removes it again (as CriuBench's workloads/host/podman-load.sh does).
had_cache=0; [ -e /var/lib/containers ] && had_cache=1
for host in src dst; do
  tar -C "$podman_image" --exclude=./.rootfs-sha256 -c . | podman_on "$host" load --quiet >/dev/null
done
[ "$had_cache" = 1 ] || rm -rf /var/lib/containers
echo "kind,round,direction,stop_ms" > "$out/baseline.csv"

# Moves the checkpoint with the user's tar + scp + untar: the images of migration $3 and the workload's
# directory $4 (relative to the disk), from host $1 to host $2.
# Prints nothing; the caller times around it.
migrate_files() {
  on "$1" bash -c "tar -C $disk -cf $disk/outbox/$3.tar images/$3 $4 && scp $ssh_options $disk/outbox/$3.tar root@$(address "$2"):$disk/inbox/$3.tar"
  on "$2" tar -C "$disk" -xf "$disk/inbox/$3.tar"
}

bare_process() { # round
  local from=src pid dir=work/bare-counter
  on src rm -rf "$disk/$dir"; on dst rm -rf "$disk/$dir"
  on src mkdir -p "$disk/$dir"
  pid=$(on src "$repo/workloads/launch.sh" "$disk/$dir" bash "$repo/workloads/counter.sh" 0.1)
  sleep 0.5
  for leg in 1 2; do
    local to id t0 t1
    to=$(other "$from"); id=bare-$1-$leg
    on "$to" rm -rf "$disk/$dir" "$disk/images/$id"; on "$from" mkdir -p "$disk/images/$id"
    sync  # as CriuBench does before each checkpoint: nothing left to write back inside the window
    mark "bare-start $id"
    t0=$EPOCHREALTIME
    on "$from" criu dump --tree "$pid" --images-dir "$disk/images/$id" --log-file dump.log
    migrate_files "$from" "$to" "$id" "$dir"
    on "$to" criu restore --restore-detached --images-dir "$disk/images/$id" --log-file restore.log --pidfile "$disk/images/$id/restore.pid"
    t1=$EPOCHREALTIME
    mark "bare-end $id"
    echo "bare-process,$1,$from->$to,$(elapsed_ms "$t0" "$t1")" >> "$out/baseline.csv"
    pid=$(on "$to" cat "$disk/images/$id/restore.pid")
    # Both copies of the images go: left on a lab host, the lab's teardown would rescue them as a lost migration's.
    on "$from" rm -rf "$disk/images/$id" "$disk/outbox/$id.tar"; on "$to" rm -rf "$disk/images/$id" "$disk/inbox/$id.tar"
    from=$to
    sleep 0.5
  done
  on "$from" kill -KILL "$pid" || true
}

bare_runc() { # round
  local from=src id c=bare-runc dir=work/bare-runc
  for host in src dst; do on "$host" rm -rf "$disk/$dir"; done
  on src mkdir -p "$disk/$dir/bundle"
  on src cp -a "$busybox" "$disk/$dir/bundle/rootfs"
  (cd "$(mktemp -d)" && runc spec && jq '.process.terminal = false
      | .process.args = ["sh", "-c", "exec </dev/null >>/output.log 2>>/stderr.log; i=0; while :; do echo $i; i=$((i + 1)); sleep 0.1; done"]
      | .linux.namespaces |= map(select(.type != "network"))
      | .mounts |= map(select(.destination | startswith("/sys") | not))
      | .root.readonly = false' config.json) > "/tmp/baseline-$lab-config.json"
  on src cp "/tmp/baseline-$lab-config.json" "$disk/$dir/bundle/config.json"
  on src runc --root "$disk/runc-state" run --detach --bundle "$disk/$dir/bundle" "$c" </dev/null >/dev/null 2>&1
  sleep 0.5
  for leg in 1 2; do
    local to t0 t1
    to=$(other "$from"); id=bare-runc-$1-$leg
    on "$to" rm -rf "$disk/$dir" "$disk/images/$id"; on "$from" mkdir -p "$disk/images/$id"
    sync
    t0=$EPOCHREALTIME
    on "$from" runc --root "$disk/runc-state" checkpoint --image-path "$disk/images/$id" --work-path "$disk/images/$id" "$c"
    migrate_files "$from" "$to" "$id" "$dir"
    on "$to" runc --root "$disk/runc-state" restore --detach --image-path "$disk/images/$id" --work-path "$disk/images/$id" --bundle "$disk/$dir/bundle" "$c"
    t1=$EPOCHREALTIME
    echo "bare-runc,$1,$from->$to,$(elapsed_ms "$t0" "$t1")" >> "$out/baseline.csv"
    on "$from" runc --root "$disk/runc-state" delete --force "$c" 2>/dev/null || true
    on "$from" rm -rf "$disk/images/$id" "$disk/outbox/$id.tar" "$disk/$dir"; on "$to" rm -rf "$disk/images/$id" "$disk/inbox/$id.tar"
    from=$to
    sleep 0.5
  done
  on "$from" runc --root "$disk/runc-state" delete --force "$c" || true
}

bare_podman() { # round
  local from=src c=bare-podman dir=work/bare-podman
  for host in src dst; do on "$host" rm -rf "$disk/$dir"; done
  on src mkdir -p "$disk/$dir/out"
  # shellcheck disable=SC2016 # the loop is busybox sh's, inside the container
  podman_on src run --detach --pull never --name "$c-0" --network host --ulimit nofile=1024:1024 --ulimit nproc=4096:4096 \
    --volume "$disk/$dir/out:/out" localhost/criubench-busybox:1 \
    sh -c 'exec </dev/null >>/out/output.log 2>>/out/stderr.log; i=0; while :; do echo $i; i=$((i + 1)); sleep 0.1; done' >/dev/null
  sleep 0.5
  for leg in 1 2; do
    local to id t0 t1
    to=$(other "$from"); id=bare-podman-$1-$leg
    on "$to" rm -rf "$disk/$dir" "$disk/images/$id"; on "$from" mkdir -p "$disk/images/$id"
    sync
    t0=$EPOCHREALTIME
    podman_on "$from" container checkpoint --export "$disk/images/$id/podman-checkpoint.tar" --compress none --keep --print-stats "$c-$((leg - 1))" >/dev/null
    migrate_files "$from" "$to" "$id" "$dir"
    podman_on "$to" container restore --import "$disk/images/$id/podman-checkpoint.tar" --name "$c-$leg" --keep --print-stats >/dev/null
    t1=$EPOCHREALTIME
    echo "bare-podman,$1,$from->$to,$(elapsed_ms "$t0" "$t1")" >> "$out/baseline.csv"
    podman_on "$from" rm --force --time 0 "$c-$((leg - 1))" >/dev/null   # the exited source container, after the timing
    on "$from" rm -rf "$disk/images/$id" "$disk/outbox/$id.tar" "$disk/$dir"; on "$to" rm -rf "$disk/images/$id" "$disk/inbox/$id.tar"
    from=$to
    sleep 0.5
  done
  podman_on "$from" rm --force --time 0 "$c-2" >/dev/null || true
}

elapsed_ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b - a) * 1000 }'; }

criubench_round() { # round
  mark "criubench-start $1"
  criubench run --workloads counter,timestamps,runc-counter,podman-counter --strategies tar,tar-ssh,shared,page-server --repetitions 2 \
    --lab "${lab}c" --out "$out/criubench" >/dev/null
  mark "criubench-end $1"
}

# Each kind starts on a settled disk (what the previous one removed is written back first), and
# the order rotates round by round: whoever ran right after a container's rootfs was deleted
# would otherwise always pay for its writeback.
[ -z "${KERNEL_TRACE:-}" ] || kernel_trace start
kinds=(bare_process bare_runc bare_podman criubench_round)
for round in $(seq "$rounds"); do
  shift_by=$(( (round - 1) % ${#kinds[@]} ))
  order=("${kinds[@]:shift_by}" "${kinds[@]:0:shift_by}")
  log "round $round/$rounds: ${order[*]}"
  for kind in "${order[@]}"; do
    sync; sleep 1
    "$kind" "$round"
  done
done

uptime > "$out/load.txt"
python3 "$repo/scripts/baseline-ratios.py" "$out" | tee "$out/ratios.txt"
if [ -n "${KERNEL_TRACE:-}" ]; then
  kernel_trace stop "$out/kernel-trace.txt"
  python3 "$repo/scripts/baseline-kernel.py" "$out/kernel-trace.txt" | tee "$out/kernel.txt"
fi
