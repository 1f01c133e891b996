#!/usr/bin/env bash
# The workflow's merge step: every shard's run directory (SHARDS/shard-*) made into one run, OUT.
#   scripts/ci-merge.sh SHARDS OUT      e.g. scripts/ci-merge.sh results/shards results/merged
# `criubench merge` refuses shards of different suites, a missing shard or a cell run twice.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ "$#" -eq 2 ] || { echo "usage: scripts/ci-merge.sh SHARDS OUT" >&2; exit 2; }
shards=()
for dir in "$1"/shard-*; do [ -d "$dir" ] && shards+=("$dir"); done
[ "${#shards[@]}" -gt 0 ] || { echo "ci-merge: no shard-* directory in $1" >&2; exit 2; }
# CRIUBENCH_DLL: a criubench.dll built already (the tests pass their own); else the CLI is published here.
dll=${CRIUBENCH_DLL:-$("$here/publish-cli.sh")}
dotnet "$dll" merge "${shards[@]}" --out "$2"
