#!/usr/bin/env bash
# One shard of the comparison suite, as one job of the workflow's matrix runs it (and as anyone can
# run it here): `criubench run --shard I/N`, into OUT/shard-I (its run directory, not a symlink,
# so an artifact upload takes the files). Root (the lab).
#   scripts/ci-shard.sh I N [SUITE] [OUT]     e.g. scripts/ci-shard.sh 1 2
# Any further run options go in CRIUBENCH_RUN_OPTIONS (e.g. "--criu 4.2.1 --repetitions 3").
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
if [ "$#" -lt 2 ] || [ "$#" -gt 4 ]; then echo "usage: scripts/ci-shard.sh I N [SUITE] [OUT]" >&2; exit 2; fi
index=$1 count=$2
suite=${3:-$repo/workloads/suites/comparison.yaml}
out=${4:-$repo/results/shards}
read -r -a extra <<< "${CRIUBENCH_RUN_OPTIONS:-}"

root=$(mktemp -d "${TMPDIR:-/tmp}/criubench-shard.XXXXXX")
trap 'rm -rf "$root"' EXIT
status=0
"$here/criubench" run --suite "$suite" --shard "$index/$count" --out "$root" "${extra[@]}" || status=$?
# A run that failed part-way still leaves its directory: keep what it measured.
[ -L "$root/latest" ] || { echo "ci-shard: shard $index/$count wrote no run directory" >&2; exit 1; }
mkdir -p "$out"
rm -rf "${out:?}/shard-$index"
mv "$(readlink -f "$root/latest")" "$out/shard-$index"
echo "ci-shard: shard $index/$count in $out/shard-$index"
exit "$status"
