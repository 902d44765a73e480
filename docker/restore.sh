#!/usr/bin/env bash
# Restore a dump written by docker/backup.sh into the database named by DATABASE_URL.
#
#   docker/restore.sh [--yes] backups/dockwright-20260101T020000Z.dump
#
# Objects in the dump replace those in the database (pg_restore --clean --if-exists), in one transaction:
# either the whole dump is restored or nothing changes. Without --yes it asks first (and refuses when there
# is no terminal to ask on). With Compose, stop the web service first so nothing writes meanwhile:
#   docker compose -f docker-compose.prod.yml stop web
set -euo pipefail

log() {
  printf 'restore: %s\n' "$*" >&2
}

usage() {
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
}

assume_yes=0
dump=""
while (($#)); do
  case $1 in
    -y | --yes) assume_yes=1 ;;
    -h | --help)
      usage
      exit 0
      ;;
    -*)
      log "unknown option '$1'"
      usage >&2
      exit 2
      ;;
    *)
      if [[ -n $dump ]]; then
        log "one dump file at a time"
        exit 2
      fi
      dump=$1
      ;;
  esac
  shift
done

if [[ -z $dump ]]; then
  usage >&2
  exit 2
fi
if [[ ! -f $dump ]]; then
  log "no such dump file: $dump"
  exit 2
fi
if [[ -z ${DATABASE_URL:-} ]]; then
  log "set DATABASE_URL to the database to restore into"
  exit 2
fi
# A quick look at the archive before touching the database. A dump cut short passes this; the restore below then
# fails partway, and its single transaction leaves the database as it was (docker/backup.sh --check catches
# such a dump beforehand without touching anything).
if ! pg_restore --list "$dump" >/dev/null; then
  log "$dump is not a pg_dump custom-format archive"
  exit 2
fi

target=$(sed -E 's#://([^:/@]+):[^@]*@#://\1:***@#' <<<"$DATABASE_URL")
if ((!assume_yes)); then
  if [[ ! -t 0 ]]; then
    log "refusing to overwrite $target without --yes (no terminal to ask on)"
    exit 2
  fi
  read -r -p "Replace the contents of $target with $dump? [y/N] " answer
  [[ $answer =~ ^[Yy]$ ]] || {
    log "cancelled"
    exit 1
  }
fi

log "restoring $dump into $target"
pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error --single-transaction \
  --dbname="$DATABASE_URL" "$dump"
log "done"
