#!/usr/bin/env bash
# Runs every test, unit and integration (real CRIU, namespaces, tc), after installing what they need.
# Needs root. Ends with one line "N passed, N failed, N skipped".
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")

"$here/setup.sh"
cd "$repo"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test CriuBench.sln -c Release 2>&1 | tee "$log" || status=$?

# dotnet test prints one "Passed!/Failed! - Failed: F, Passed: P, Skipped: S" line per test assembly.
read -r passed failed skipped < <(grep -oE 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" \
  | awk -F'[:,]' '{f+=$2; p+=$4; s+=$6} END {print p+0, f+0, s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # the build or the runner failed
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
