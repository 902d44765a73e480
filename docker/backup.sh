#!/usr/bin/env bash
# Dump the Dockwright database (pg_dump custom format) into BACKUP_DIR and keep the newest BACKUP_KEEP dumps.
#
#   docker/backup.sh                 one backup, then exit
#   docker/backup.sh --every 86400   a backup now and then every N seconds (the compose `backup` service)
#   docker/backup.sh --check FILE    check a dump (one copied back from elsewhere, say) the way each backup is
#
# Environment: DATABASE_URL (postgres://user:password@host:port/name; without it libpq's PG* variables apply),
# BACKUP_DIR (default ./backups), BACKUP_KEEP (default 14), BACKUP_PREFIX (default dockwright).
# Restore one with docker/restore.sh.
#
# Dumps hold password hashes and sessions, so they are readable by their owner only (files 0600, a directory this
# script creates 0700). A dump counts only once it has been restored into a scratch database on the same server
# (<prefix>_check_<time>_<pid>, dropped afterwards; the role needs CREATEDB, and the server room for a second copy
# while it runs) and Django's migration history is found there: a dump cut short still passes `pg_restore
# --list`, but not a restore.
set -euo pipefail
umask 077

BACKUP_DIR=${BACKUP_DIR:-./backups}
BACKUP_KEEP=${BACKUP_KEEP:-14}
BACKUP_PREFIX=${BACKUP_PREFIX:-dockwright}

log() {
  printf '%s backup: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2
}

usage() {
  sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
}

connection_args() {
  if [[ -n ${DATABASE_URL:-} ]]; then
    printf '%s\n' "--dbname=$DATABASE_URL"
  fi
}

# --dbname for database $1 on the same server, as the same role: DATABASE_URL with its path replaced (its query
# string, e.g. sslmode, kept), or just the name when libpq's PG* variables say the rest.
database_arg() {
  local name=$1 url=${DATABASE_URL:-} query=""
  if [[ -z $url ]]; then
    printf '%s\n' "--dbname=$name"
    return
  fi
  if [[ $url == *\?* ]]; then
    query="?${url#*\?}"
    url=${url%%\?*}
  fi
  printf '%s\n' "--dbname=${url%/*}/$name$query"
}

# Restores the dump $1 into a scratch database and looks for Django's migration history there; the scratch
# database is dropped whatever happens. Runs in a subshell so its EXIT trap is its own.
verify_by_restoring() (
  local dump=$1 scratch admin=() target
  scratch="${BACKUP_PREFIX//[^A-Za-z0-9_]/_}_check_$(date -u +%Y%m%dT%H%M%S)_$$"
  mapfile -t admin < <(connection_args)
  target=$(database_arg "$scratch")
  psql_admin() {
    psql --no-psqlrc --quiet --set=ON_ERROR_STOP=1 "${admin[@]}" --command="$1" >/dev/null
  }
  if ! psql_admin "CREATE DATABASE \"$scratch\""; then
    log "cannot create the scratch database $scratch to check the dump (does the role have CREATEDB?)"
    exit 1
  fi
  trap 'psql_admin "DROP DATABASE IF EXISTS \"$scratch\" WITH (FORCE)" || log "could not drop $scratch"' EXIT
  if ! pg_restore --no-owner --no-privileges --exit-on-error --single-transaction "$target" "$dump"; then
    log "the dump does not restore (truncated or damaged)"
    exit 1
  fi
  local migrations
  migrations=$(psql --no-psqlrc --quiet --tuples-only --no-align "$target" \
    --command="SELECT count(*) FROM django_migrations" 2>/dev/null || true)
  if ! [[ $migrations =~ ^[1-9][0-9]*$ ]]; then
    log "the restored dump has no Django migration history (django_migrations: '${migrations:-missing}')"
    exit 1
  fi
  log "checked: restored into a scratch database, $migrations migrations recorded"
)

backup_once() {
  local stamp target partial
  mkdir -p "$BACKUP_DIR"
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  target=$BACKUP_DIR/$BACKUP_PREFIX-$stamp.dump
  partial=$target.partial
  if [[ -e $target ]]; then
    log "$target already exists; not overwriting it"
    return 1
  fi
  local args=()
  mapfile -t args < <(connection_args)
  # Written under a temporary name and renamed once complete and readable, so a crash mid-dump never leaves
  # a file that looks like a backup (and never pushes a good one out of the retention window).
  if ! pg_dump --format=custom --compress=6 "${args[@]}" --file="$partial"; then
    rm -f "$partial"
    log "pg_dump failed"
    return 1
  fi
  if ! verify_by_restoring "$partial"; then
    rm -f "$partial"
    log "the dump failed its check; nothing was kept"
    return 1
  fi
  mv "$partial" "$target"
  log "wrote $target ($(du -h "$target" | cut -f1))"
  restrict_older_dumps
  prune
}

# Dumps written before this script set its umask were world-readable; close them too.
restrict_older_dumps() {
  local open
  mapfile -t open < <(find "$BACKUP_DIR" -maxdepth 1 -type f -name "$BACKUP_PREFIX-*.dump" -perm /077)
  if ((${#open[@]})); then
    if chmod go= -- "${open[@]}"; then
      log "made ${#open[@]} older dump(s) readable by their owner only"
    else
      log "could not restrict the permissions of every older dump"
    fi
  fi
}

prune() {
  # Timestamps sort as text, so the newest dumps come first in reverse name order.
  local old
  mapfile -t old < <(find "$BACKUP_DIR" -maxdepth 1 -type f -name "$BACKUP_PREFIX-*.dump" | sort -r |
    tail -n +"$((BACKUP_KEEP + 1))")
  if ((${#old[@]})); then
    rm -f -- "${old[@]}"
    log "removed ${#old[@]} dump(s) beyond the newest $BACKUP_KEEP"
  fi
}

if ! [[ $BACKUP_KEEP =~ ^[1-9][0-9]*$ ]]; then
  log "BACKUP_KEEP must be a positive integer (got '$BACKUP_KEEP')"
  exit 2
fi

case ${1:-} in
  "")
    backup_once
    ;;
  --every)
    interval=${2:-}
    if ! [[ $interval =~ ^[1-9][0-9]*$ ]]; then
      log "--every needs a number of seconds (got '$interval')"
      exit 2
    fi
    # As PID 1 in a container, bash ignores SIGTERM unless it is trapped; sleeping in the background keeps
    # the trap responsive instead of waiting for the sleep to end.
    trap 'log "stopping"; exit 0' TERM INT
    while true; do
      backup_once || log "this backup failed; the next one is in ${interval}s"
      sleep "$interval" &
      wait $!
    done
    ;;
  --check)
    dump=${2:-}
    if [[ ! -f $dump ]]; then
      log "--check needs a dump file (got '$dump')"
      exit 2
    fi
    verify_by_restoring "$dump"
    ;;
  -h | --help)
    usage
    ;;
  *)
    log "unknown argument '$1'"
    usage >&2
    exit 2
    ;;
esac
