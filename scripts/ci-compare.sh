#!/usr/bin/env bash
# The workflow's gate: compares RUN with the last run published on SITE (its runs.csv), writing
# the comparison into RUN/comparison/ (the publishing step puts it on the site beside the report).
#   scripts/ci-compare.sh SITE RUN [THRESHOLD]      e.g. scripts/ci-compare.sh site results/merged 5%
# Exit codes are criubench compare's: 0 nothing got worse (or nothing published yet), 3 a stop time
# regressed significantly by more than THRESHOLD, 4 no configuration in common, 2 bad input.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ "$#" -lt 2 ] || [ "$#" -gt 3 ]; then echo "usage: scripts/ci-compare.sh SITE RUN [THRESHOLD]" >&2; exit 2; fi
site=$1 run=$2 threshold=${3:-5%}
previous=""
if [ -f "$site/runs.csv" ]; then
  previous=$(tail -n +2 "$site/runs.csv" | tail -n 1 | cut -d, -f1)
fi
if [ -z "$previous" ]; then
  echo "ci-compare: nothing published on $site yet: $run is the first run, nothing to compare"
  exit 0
fi
# CRIUBENCH_DLL: a criubench.dll built already (the tests pass their own); else the CLI is published here.
dll=${CRIUBENCH_DLL:-$("$here/publish-cli.sh")}
dotnet "$dll" compare "$site/runs/$previous" "$run" --threshold "$threshold" --out "$run/comparison"
