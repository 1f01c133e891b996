#!/bin/bash
# Lists the files mapped by a process and all its descendants (executables, shared libraries),
# one absolute path a line, sorted, each once: the sixth column of /proc/PID/maps when it is a
# path (not [heap], not "(deleted)"). Read by Preflight/MappedFilesCheck.cs.
#   mapped-files.sh PID
# Exit code: 0; a process that is gone, or ends meanwhile, just lists nothing.
tree() {
  echo "$1"
  local child
  # shellcheck disable=SC2013 # the file holds PIDs separated by spaces: words, not lines
  for child in $(cat /proc/"$1"/task/*/children 2>/dev/null); do tree "$child"; done
}
for pid in $(tree "$1"); do
  awk '$6 ~ /^\// && $7 == "" {print $6}' /proc/"$pid"/maps 2>/dev/null
done | sort -u
