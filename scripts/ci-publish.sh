#!/usr/bin/env bash
# The workflow's publishing step: adds RUN (report.html, charts, CSV files, its comparison) to the
# Pages directory SITE, and draws SITE's index of runs and trend chart again.
#   scripts/ci-publish.sh SITE RUN      e.g. scripts/ci-publish.sh site results/merged
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ "$#" -eq 2 ] || { echo "usage: scripts/ci-publish.sh SITE RUN" >&2; exit 2; }
# CRIUBENCH_DLL: a criubench.dll built already (the tests pass their own); else the CLI is published here.
dll=${CRIUBENCH_DLL:-$("$here/publish-cli.sh")}
dotnet "$dll" publish "$2" --site "$1"
