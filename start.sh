#!/usr/bin/env bash
# The container's entry point (run by tini), and the same script the native stack tests run.
#
#   start.sh [serve]      wait for the database, migrate if RUN_MIGRATIONS=1, run gunicorn + Nginx
#   start.sh migrate      wait for the database, apply migrations, exit (the compose `migrate` one-shot)
#   start.sh dev          wait for the database, migrate, Django's runserver with autoreload (compose dev)
#   start.sh check        render the Nginx config and test it with `nginx -t`
#   start.sh manage ARGS  any Django management command (createsuperuser, dbshell...)
#   start.sh worker       wait for the database, run a Celery worker (scans, retention) on the Redis broker
#   start.sh scheduler    run Celery beat: sends the retention tasks to the workers (exactly one per deployment)
#
# Every path and port comes from the environment (defaults are the image's), so tests run it unchanged.
# On SIGTERM or SIGINT the stop is ordered: Nginx first gets SIGQUIT (stop accepting, finish what it holds,
# which needs gunicorn), then gunicorn gets SIGTERM (finish its requests within its graceful timeout). Stopping
# both at once would cut requests Nginx had accepted but not yet handed to gunicorn.
set -euo pipefail

APP_HOME=${APP_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)}
PYTHON=${PYTHON:-python}
GUNICORN=${GUNICORN:-gunicorn}
NGINX=${NGINX:-nginx}
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-server.settings}

# Nginx template variables: the only names envsubst may replace (Nginx's own $variables stay untouched).
export NGINX_PORT=${NGINX_PORT:-8080}
export NGINX_METRICS_PORT=${NGINX_METRICS_PORT:-8081}
export NGINX_RUN_DIR=${NGINX_RUN_DIR:-/tmp/nginx}
export NGINX_ACCESS_LOG=${NGINX_ACCESS_LOG:-/dev/stdout}
export NGINX_ERROR_LOG=${NGINX_ERROR_LOG:-stderr}
export NGINX_WORKER_PROCESSES=${NGINX_WORKER_PROCESSES:-auto}
export NGINX_SHUTDOWN_TIMEOUT=${NGINX_SHUTDOWN_TIMEOUT:-30}
export NGINX_CLIENT_MAX_BODY_SIZE=${NGINX_CLIENT_MAX_BODY_SIZE:-1m}
# The archive upload's limit follows Django's (DOCKWRIGHT_ARCHIVE_MAX_BYTES) plus the multipart envelope the API
# allows beyond it (scans/apis.py); archive uploads in progress at once on this replica.
export NGINX_ARCHIVE_MAX_BODY_SIZE=${NGINX_ARCHIVE_MAX_BODY_SIZE:-$((${DOCKWRIGHT_ARCHIVE_MAX_BYTES:-20971520} + 65536))}
export NGINX_ARCHIVE_UPLOADS=${NGINX_ARCHIVE_UPLOADS:-2}
export NGINX_MIME_TYPES=${NGINX_MIME_TYPES:-/etc/nginx/mime.types}
export NGINX_SNIPPETS_DIR=${NGINX_SNIPPETS_DIR:-$APP_HOME/nginx/snippets}
export GUNICORN_BIND=${GUNICORN_BIND:-127.0.0.1:8000}
export GUNICORN_TIMEOUT=${GUNICORN_TIMEOUT:-30}
export NGINX_PROXY_TIMEOUT=$((GUNICORN_TIMEOUT + 5))
# Django and Nginx must agree on where the SPA and the static files are, so both read the same variables.
export DOCKWRIGHT_SPA_DIR=${DOCKWRIGHT_SPA_DIR:-$APP_HOME/frontend/dist}
export DJANGO_STATIC_ROOT=${DJANGO_STATIC_ROOT:-$APP_HOME/backend/staticfiles}
export SPA_ROOT=$DOCKWRIGHT_SPA_DIR
export STATIC_ROOT=$DJANGO_STATIC_ROOT
NGINX_TEMPLATE=${NGINX_TEMPLATE:-$APP_HOME/nginx/app.conf}
NGINX_TEMPLATE_VARS=(NGINX_PORT NGINX_METRICS_PORT NGINX_RUN_DIR NGINX_ACCESS_LOG NGINX_ERROR_LOG
  NGINX_WORKER_PROCESSES NGINX_SHUTDOWN_TIMEOUT NGINX_CLIENT_MAX_BODY_SIZE NGINX_ARCHIVE_MAX_BODY_SIZE
  NGINX_ARCHIVE_UPLOADS NGINX_MIME_TYPES NGINX_SNIPPETS_DIR
  NGINX_PROXY_TIMEOUT GUNICORN_BIND SPA_ROOT STATIC_ROOT)

GUNICORN_CONFIG=${GUNICORN_CONFIG:-$APP_HOME/docker/gunicorn.conf.py}
DB_WAIT_TIMEOUT=${DB_WAIT_TIMEOUT:-60}
RUN_MIGRATIONS=${RUN_MIGRATIONS:-0}

log() {
  printf 'start.sh: %s\n' "$*" >&2
}

wait_for_database() {
  # SQLite (no DATABASE_URL) has nothing to wait for.
  if [[ -z ${DATABASE_URL:-} ]]; then
    return 0
  fi
  DB_WAIT_TIMEOUT=$DB_WAIT_TIMEOUT "$PYTHON" - <<'PY'
import os
import sys
import time
from urllib.parse import urlsplit

import psycopg2

url = os.environ["DATABASE_URL"]
parts = urlsplit(url)
if parts.scheme not in ("postgres", "postgresql", "pgsql"):
    sys.exit(0)
where = f"{parts.hostname or 'localhost'}:{parts.port or 5432}"  # never print the password
deadline = time.monotonic() + float(os.environ["DB_WAIT_TIMEOUT"])
announced = False
while True:
    try:
        psycopg2.connect(url.replace("pgsql://", "postgres://", 1), connect_timeout=3).close()
        break
    except psycopg2.OperationalError as error:
        if time.monotonic() >= deadline:
            reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            print(
                f"start.sh: the database at {where} is not reachable after {os.environ['DB_WAIT_TIMEOUT']}s "
                f"({reason}); check DATABASE_URL and that the database is up",
                file=sys.stderr,
            )
            sys.exit(1)
        if not announced:
            print(f"start.sh: waiting for the database at {where}...", file=sys.stderr)
            announced = True
        time.sleep(1)
PY
}

migrate() {
  log "applying database migrations"
  "$PYTHON" -m django migrate --noinput
}

render_nginx_config() {
  local names=() name rendered=$NGINX_RUN_DIR/nginx.conf
  for name in "${NGINX_TEMPLATE_VARS[@]}"; do
    names+=("\${$name}")
  done
  mkdir -p "$NGINX_RUN_DIR"
  envsubst "${names[*]}" <"$NGINX_TEMPLATE" >"$rendered"
  if grep -qE '\$\{[A-Z_]+\}' "$rendered"; then
    log "$NGINX_TEMPLATE uses variables start.sh does not define: $(grep -oE '\$\{[A-Z_]+\}' "$rendered" | sort -u | tr '\n' ' ')"
    exit 1
  fi
  printf '%s\n' "$rendered"
}

check_config() {
  local config
  config=$(render_nginx_config)
  "$NGINX" -t -q -e stderr -c "$config"
  log "nginx config $config is valid"
}

drain() {
  trap '' TERM INT
  log "received $1: draining Nginx, then gunicorn"
  local nginx_status=0 gunicorn_status=0
  kill -QUIT "$nginx_pid" 2>/dev/null || true
  wait "$nginx_pid" || nginx_status=$?
  kill -TERM "$gunicorn_pid" 2>/dev/null || true
  wait "$gunicorn_pid" || gunicorn_status=$?
  log "stopped (nginx exit $nginx_status, gunicorn exit $gunicorn_status)"
  exit $((nginx_status > gunicorn_status ? nginx_status : gunicorn_status))
}

serve() {
  local config status=0
  config=$(render_nginx_config)
  wait_for_database
  if [[ $RUN_MIGRATIONS == 1 ]]; then
    migrate
  fi
  if [[ -n ${PROMETHEUS_MULTIPROC_DIR:-} ]]; then
    # Metric files of a previous run would be summed with this run's.
    rm -rf "$PROMETHEUS_MULTIPROC_DIR"
    mkdir -p "$PROMETHEUS_MULTIPROC_DIR"
  fi

  "$GUNICORN" --config "$GUNICORN_CONFIG" &
  gunicorn_pid=$!
  "$NGINX" -e stderr -c "$config" -g 'daemon off;' &
  nginx_pid=$!
  log "serving on port $NGINX_PORT (gunicorn pid $gunicorn_pid, nginx pid $nginx_pid)"

  trap 'drain SIGTERM' TERM
  trap 'drain SIGINT' INT

  # Either process dying on its own takes the container down, so the orchestrator restarts it whole.
  wait -n "$gunicorn_pid" "$nginx_pid" || status=$?
  trap '' TERM INT
  log "a server process exited on its own (status $status); stopping the other"
  kill -TERM "$gunicorn_pid" "$nginx_pid" 2>/dev/null || true
  wait || true
  exit $((status == 0 ? 1 : status))
}

command=${1:-serve}
case $command in
  serve)
    serve
    ;;
  migrate)
    wait_for_database
    migrate
    ;;
  dev)
    wait_for_database
    migrate
    exec "$PYTHON" -m django runserver "0.0.0.0:${DEV_PORT:-8000}"
    ;;
  check)
    check_config
    ;;
  worker)
    wait_for_database
    # Celery's own warm shutdown on SIGTERM: the task in hand finishes (or, killed, is redelivered: late ack).
    exec "$PYTHON" -m celery -A server.celery worker --loglevel=INFO --concurrency="${WORKER_CONCURRENCY:-2}"
    ;;
  scheduler)
    # Exactly one scheduler per deployment: every beat sends its own copy of each task (compose runs one replica,
    # Kubernetes one pod with the Recreate strategy). It needs the broker only, not the database. Its schedule
    # state (when each task last ran) goes to /tmp, the image's one writable place; losing it on a restart only
    # restarts the intervals.
    if [[ -z ${DOCKWRIGHT_BROKER_URL:-}${REDIS_URL:-} ]]; then
      log "the scheduler needs a broker: set REDIS_URL or DOCKWRIGHT_BROKER_URL"
      exit 2
    fi
    exec "$PYTHON" -m celery -A server.celery beat --loglevel=INFO \
      --schedule="${CELERY_BEAT_SCHEDULE_FILE:-${TMPDIR:-/tmp}/celerybeat-schedule}"
    ;;
  manage)
    shift
    wait_for_database
    exec "$PYTHON" -m django "$@"
    ;;
  -h | --help | help)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    ;;
  *)
    log "unknown command '$command' (expected serve, migrate, dev, check, worker, scheduler, manage or --help)"
    exit 2
    ;;
esac
