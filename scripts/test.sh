#!/usr/bin/env bash
# Runs the tests. Ends with one line "N passed, N failed, N skipped".
#   scripts/test.sh          every test, unit and integration (real CRIU, namespaces, tc), after
#                            installing what they need (scripts/setup.sh). Needs root. CI runs this.
#   scripts/test.sh --unit   only the unit tests (trait Category=Unit: no root, lab, VM or installed
#                            tool), without setup.sh, as any user with the .NET SDK.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")

case "${1-}:$#" in
  :0) unit=false ;;
  --unit:1) unit=true ;;
  *) echo "usage: scripts/test.sh [--unit]" >&2; exit 2 ;;
esac

if $unit; then
  # The test project alone: the benchmarks are not needed to run tests.
  tests=(dotnet test src/CriuBench.Tests/CriuBench.Tests.csproj -c Release --filter Category=Unit)
else
  "$here/setup.sh"
  tests=(dotnet test CriuBench.sln -c Release)
fi
cd "$repo"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
"${tests[@]}" 2>&1 | tee "$log" || status=$?

# dotnet test prints one "Passed!/Failed! - Failed: F, Passed: P, Skipped: S" line per test assembly.
read -r passed failed skipped < <(grep -oE 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" \
  | awk -F'[:,]' '{f+=$2; p+=$4; s+=$6} END {print p+0, f+0, s+0}')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi  # the build or the runner failed
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
