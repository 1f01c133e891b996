#!/bin/bash
# Unmounts everything mounted below a directory (not the directory itself), deepest first; lazily
# where a plain unmount fails (something still holds it).
#   unmount-below.sh DIRECTORY
# Exit code: that of the last unmount (0 when nothing was mounted).
findmnt -rn -o TARGET | awk -v prefix="$1/" 'index($0, prefix) == 1' | sort -r | while read -r target; do
  umount "$target" 2>/dev/null || umount --lazy "$target"
done
