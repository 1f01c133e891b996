#!/bin/sh
# The runc that CriuBench's dockerd runs (its default runtime): runc itself, plus one thing.
# containerd runs `runc checkpoint` and `runc restore` with a --work-path it deletes afterwards,
# and CRIU writes its log and statistics (dump.log, stats-dump, restore.log, stats-restore) into
# the work path. After either command this copies them, failed or not, into
#   $CRIUBENCH_CRIU_LOGS/<container id>/
# and after a checkpoint also into its --image-path, so stats-dump travels inside the docker
# checkpoint. Without CRIUBENCH_CRIU_LOGS, and for every other command, it is plain runc.
set -u
runc=${CRIUBENCH_RUNC:-runc}
[ -n "${CRIUBENCH_CRIU_LOGS:-}" ] || exec "$runc" "$@"

command='' image='' work='' previous='' id=''
for argument in "$@"; do
  case $previous in
    --image-path) image=$argument ;;
    --work-path) work=$argument ;;
  esac
  case $argument in
    --image-path=*) image=${argument#*=} ;;
    --work-path=*) work=${argument#*=} ;;
  esac
  if [ -z "$command" ]; then
    # The first word that is neither a global option nor an option's value is the command.
    case $previous in
      --root|--log|--log-format|--criu|--rootless) ;;
      *) case $argument in -*) ;; *) command=$argument ;; esac ;;
    esac
  fi
  previous=$argument
  id=$argument # the container ID comes last
done

case $command in
  checkpoint|restore) ;;
  *) exec "$runc" "$@" ;;
esac

"$runc" "$@"
status=$?
if [ -n "$work" ] && [ -n "$id" ]; then
  keep=$CRIUBENCH_CRIU_LOGS/$id
  mkdir -p "$keep"
  for file in "$work"/*.log "$work"/stats-*; do
    [ -f "$file" ] || continue
    cp -p "$file" "$keep/" 2>/dev/null
    if [ "$command" = checkpoint ] && [ -n "$image" ] && [ -d "$image" ]; then cp -p "$file" "$image/" 2>/dev/null; fi
  done
fi
exit $status
