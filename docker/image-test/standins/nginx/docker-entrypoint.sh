#!/bin/sh
# As the official nginx image: before `nginx` starts, run the /docker-entrypoint.d scripts.
set -e
if [ "$1" = nginx ] || [ "$1" = nginx-debug ]; then
  for f in /docker-entrypoint.d/*.sh; do
    [ -x "$f" ] || continue
    echo "$0: launching $f"
    "$f"
  done
fi
exec "$@"
