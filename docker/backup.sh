#!/usr/bin/env bash
# Dump the Dockwright database (pg_dump custom format) into BACKUP_DIR and keep the newest BACKUP_KEEP dumps.
#
#   docker/backup.sh                 one backup, then exit
#   docker/backup.sh --every 86400   a backup now and then every N seconds (the compose `backup` service)
#
# Environment: DATABASE_URL (postgres://user:password@host:port/name; without it libpq's PG* variables apply),
# BACKUP_DIR (default ./backups), BACKUP_KEEP (default 14), BACKUP_PREFIX (default dockwright).
# Restore one with docker/restore.sh.
set -euo pipefail

BACKUP_DIR=${BACKUP_DIR:-./backups}
BACKUP_KEEP=${BACKUP_KEEP:-14}
BACKUP_PREFIX=${BACKUP_PREFIX:-dockwright}

log() {
  printf '%s backup: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2
}

usage() {
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
}

connection_args() {
  if [[ -n ${DATABASE_URL:-} ]]; then
    printf '%s\n' "--dbname=$DATABASE_URL"
  fi
}

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
  if ! pg_restore --list "$partial" >/dev/null; then
    rm -f "$partial"
    log "the dump is not a readable archive"
    return 1
  fi
  mv "$partial" "$target"
  log "wrote $target ($(du -h "$target" | cut -f1))"
  prune
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
  -h | --help)
    usage
    ;;
  *)
    log "unknown argument '$1'"
    usage >&2
    exit 2
    ;;
esac
