#!/bin/bash
# Describes files so that two hosts can compare them: one line per file, by its index among the
# arguments (from 0), "INDEX<TAB>SIZE<TAB>BASE64 OF ITS FIRST HEAD_BYTES", or "INDEX<TAB>-<TAB>"
# where it is missing. Read by Preflight/MappedFilesCheck.cs (build-ids sit in the first bytes).
#   describe-files.sh HEAD_BYTES FILE...
# Exit code: 0 (a missing file is a line, not a failure).
head_bytes=$1; shift
i=0
for path in "$@"; do
  if [ -f "$path" ]; then printf '%s\t%s\t%s\n' "$i" "$(stat -L -c %s "$path")" "$(head -c "$head_bytes" "$path" | base64 -w0)"
  else printf '%s\t-\t\n' "$i"; fi
  i=$((i + 1))
done
