#!/usr/bin/env bash
# The bare, hand-typed migration of a service next to CriuBench's own, interleaved, in the same
# kind of lab (src, dst, the client host and the moving service address; `criubench lab up`):
# redis-server with one client connection, as in workloads/services.
#
#   scripts/baseline-service.sh [PAIRS]     # default 20 pairs; as root
#
# Each round: two bare migrations (there and back) typed as a user would: `criu dump
# --tcp-established`, the images and the workload's directory through `tar | ssh tar -x` (what
# tar-ssh does), the service address moved (the veth end into the other namespace, then its
# address and up), `criu restore -d --tcp-established`, timed with bash's $EPOCHREALTIME from
# before the dump until the restore returns; then `criubench run` of the redis workload, cold,
# tar-ssh, 2 repetitions (the bare lab's client paused meanwhile, so both run beside the same load). It prints both medians of the stop time and their ratio, and writes
# $OUT/baseline-service.csv (kind,stop_ms).
set -euo pipefail

pairs=${1:-${PAIRS:-20}}
repo=$(cd "$(dirname "$0")/.." && pwd)
lab=${BASELINE_LAB:-svb}           # the bare lab; CriuBench's runs use ${lab}c
out=${OUT:-$repo/results/baseline-service-$(date -u +%Y%m%d-%H%M%S)}
rounds=$(( (pairs + 1) / 2 ))
disk=/var/lib/criubench/host
assets=$disk/assets
ssh_dir=/var/lib/criubench/labs/$lab/ssh
address=198.19.0.10
port=7000

log() { printf 'baseline-service: %s\n' "$*" >&2; }
[ "$(id -u)" = 0 ] || { log "run as root (it makes network namespaces)"; exit 1; }

dll=$("$repo/scripts/publish-cli.sh")
criubench() { (cd "$repo" && dotnet "$dll" "$@"); }
on() { local host=$1; shift; nsenter --net="/run/netns/cb-$lab-$host" --mount="/run/criubench/$lab/$host.mnt" -- "$@"; }
lab_address() { [ "$1" = src ] && echo 198.18.0.1 || echo 198.18.0.2; }
other() { [ "$1" = src ] && echo dst || echo src; }
ssh_options="-i $ssh_dir/id_ed25519 -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=yes \
-o UserKnownHostsFile=$ssh_dir/known_hosts -o GlobalKnownHostsFile=/dev/null -o LogLevel=ERROR \
-o ControlMaster=auto -o ControlPath=$ssh_dir/cm-%C -o ControlPersist=300"

cleanup() { criubench lab down --lab "$lab" >/dev/null 2>&1 || true; }
trap cleanup EXIT

mkdir -p "$out/criubench"
echo "kind,stop_ms" > "$out/baseline-service.csv"
suite=$out/redis.yaml
printf 'name: baseline-service\nrepetitions: 2\nbandwidth: 1gbit\nstrategies: [tar-ssh]\nmodes: [cold]\nworkloads: [redis]\n' > "$suite"

criubench lab up --lab "$lab" >/dev/null
work=$disk/work/bare-redis
on src mkdir -p "$work"
pid=$(on src "$assets/launch.sh" "$work" /usr/bin/redis-server --bind "$address" --port "$port" --save "" --appendonly no \
  --protected-mode no --daemonize no --logfile "" --dir .)
client=$disk/work/bare-redis-client
on client mkdir -p "$client"
client_pid=$(on client "$assets/launch.sh" "$client" /usr/bin/python3 -u "$assets/services/redis_client.py" "$address" "$port" 1 1)
sleep 1
here=src
n=0

# One bare migration of the service from $here to the other host; appends its stop time.
bare() {
  local there images start end
  there=$(other "$here")
  n=$((n + 1))
  images=$disk/images/bare-$n
  on "$here" mkdir -p "$images"
  on "$here" sync; on "$there" sync
  # A fresh ssh connection, opened before the freeze: what each of CriuBench's runs here starts
  # from (a new lab per round). A connection that carried the earlier rounds streams the images
  # about twice as fast (measured: tar-ssh's first two migrations of a run 80-100 ms, later ones
  # 28-48 ms), which would compare a warm bare procedure with a cold harness.
  # shellcheck disable=SC2086 # the options are words
  on "$here" ssh $ssh_options -O exit "root@$(lab_address "$there")" 2>/dev/null || true
  # shellcheck disable=SC2086
  on "$here" ssh $ssh_options "root@$(lab_address "$there")" true
  start=$EPOCHREALTIME
  on "$here" criu dump -t "$pid" -D "$images" -o dump.log --tcp-established
  # shellcheck disable=SC2086 # the options are words
  on "$here" bash -c "tar -C / -c ${images#/} ${work#/} | ssh $ssh_options root@$(lab_address "$there") tar -x -C /"
  ip -n "cb-$lab-$here" link set "cb-$lab-v" netns "cb-$lab-$there"
  printf 'addr add %s/32 dev cb-%s-v\nlink set cb-%s-v up\n' "$address" "$lab" "$lab" | ip -n "cb-$lab-$there" -batch -
  on "$there" criu restore -d -D "$images" -o restore.log --pidfile "$images/restored.pid" --tcp-established
  end=$EPOCHREALTIME
  pid=$(on "$there" cat "$images/restored.pid")
  on "$here" rm -rf "$images"; on "$there" rm -rf "$images"
  echo "bare,$(python3 -c "print(round(($end - $start) * 1000, 3))")" >> "$out/baseline-service.csv"
  here=$there
  sleep 0.5
}

for round in $(seq "$rounds"); do
  log "round $round of $rounds"
  bare; bare
  # The bare client pauses meanwhile (redis then idles too): CriuBench's migrations must not run
  # beside a second service and its 1 kHz client that the bare ones do not have.
  kill -STOP "$client_pid"
  criubench run --suite "$suite" --lab "${lab}c" --out "$out/criubench" >/dev/null
  kill -CONT "$client_pid"
  latest=$(readlink -f "$out/criubench/latest")
  python3 - "$latest/migrations.csv" >> "$out/baseline-service.csv" <<'PY'
import csv, sys
for row in csv.DictReader(open(sys.argv[1])):
    print(f"criubench,{row['stop_time_ms']}" if row["succeeded"] == "true" else "criubench-failed,")
PY
done

python3 - "$out/baseline-service.csv" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
bare = [float(r["stop_ms"]) for r in rows if r["kind"] == "bare"]
cb = [float(r["stop_ms"]) for r in rows if r["kind"] == "criubench"]
failed = sum(r["kind"] == "criubench-failed" for r in rows)
print(f"bare redis (tar | ssh, address moved): median {statistics.median(bare):.1f} ms of {len(bare)}")
print(f"criubench redis cold tar-ssh: median {statistics.median(cb):.1f} ms of {len(cb)}" + (f" ({failed} failed)" if failed else ""))
print(f"ratio of medians: {statistics.median(cb) / statistics.median(bare):.3f}")
PY
