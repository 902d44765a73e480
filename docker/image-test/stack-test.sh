#!/usr/bin/env bash
# Bring a compose stack up with podman-compose 1.0.3 on stand-in images, test it, and take it down again.
#   stack-test.sh dev    docker-compose.yml: web (dev target, built by podman-compose), Postgres, Redis
#   stack-test.sh prod   docker-compose.prod.yml core: TLS edge, one-shot migrate, 2 web replicas, Postgres, Redis,
#                        the broker's Redis and a scan worker
# The stack runs from a temporary copy of the repository (the prod edge gets a fresh self-signed certificate in
# its ./ssl; no key is ever written into the repository) with a generated variant of the compose file whose
# changes compose_variant.py prints. podman-compose ignores `condition: service_healthy` and
# `service_completed_successfully`: this script waits on every healthcheck and on the one-shot itself.
# Prints `N passed, N failed`; a trap removes containers, networks, volumes and the copy.
set -euo pipefail
# shellcheck source=env.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
configure_podman

STACK=${1:?usage: stack-test.sh dev|prod}
IMAGE=${DOCKWRIGHT_TEST_IMAGE:-localhost/dockwright:image-test}
PROJECT=dwtest${STACK}$$
SCRATCH=$(mktemp -d)
COPY=$SCRATCH/repo
VARIANT=$COPY/compose.variant.yml
# Builds (the dev target) as image-test.sh builds: docker format, local bases only, RUN steps on the host network.
COMPOSE=(podman-compose --podman-build-args "--format docker --pull=never --network host" -p "$PROJECT" -f "$VARIANT")
compose() { "${COMPOSE[@]}" "$@" >> "$SCRATCH/compose.log" 2>&1 || { tail -25 "$SCRATCH/compose.log" | sed "s/^/    compose: /" >&2; return 1; }; }
containers_of() { podman ps -a --format '{{.Names}}' --filter "label=io.podman.compose.project=$PROJECT" | sort; }

cleanup() {
  local status=$?
  if [ -f "$VARIANT" ]; then
    "${COMPOSE[@]}" down -v -t 1 >> "$SCRATCH/compose.log" 2>&1 || true
  fi
  containers_of | xargs -r podman rm -f -t 0 >/dev/null 2>&1 || true
  podman network ls -q --filter "label=io.podman.compose.project=$PROJECT" | xargs -r podman network rm -f >/dev/null 2>&1 || true
  podman volume ls -q --filter "label=io.podman.compose.project=$PROJECT" | xargs -r podman volume rm -f >/dev/null 2>&1 || true
  podman image rm -f "localhost/${PROJECT}_web" >/dev/null 2>&1 || true
  # Keep podman-compose's own output of the last run for a post-mortem.
  cp "$SCRATCH/compose.log" "$OCI_DIR/last-$STACK-compose.log" 2>/dev/null || true
  rm -rf "$SCRATCH"
  exit "$status"
}
trap cleanup EXIT

# ---- a throwaway copy of what the stack needs ----------------------------------------------------------------
# The files git knows plus the work in progress, without local state (venvs, node_modules, builds, .git).
mkdir -p "$COPY"
tar -C "$PROJECT_DIR" -c --exclude=./.git --exclude=./.venv --exclude=node_modules --exclude=./frontend/dist \
  --exclude=./backend/data --exclude=./backend/staticfiles --exclude=__pycache__ --exclude=.pytest_cache \
  --exclude=.mypy_cache --exclude=.ruff_cache --exclude=.hypothesis --exclude=./ssl --exclude=./backups \
  --exclude=./test-results . | tar -C "$COPY" -x

# Run a service's healthcheck, as the original compose file writes it, inside a container until it passes.
wait_healthy() {
  local container=$1 service=$2 timeout=${3:-90} start=$SECONDS words=()
  mapfile -d '' words < <("$PY" "$IMAGE_TEST_DIR/compose_healthcheck.py" "$SOURCE" "$service")
  [ "${#words[@]}" -gt 0 ] || { say "$service has no healthcheck"; return 1; }
  while [ $((SECONDS - start)) -lt "$timeout" ]; do
    podman exec "$container" "${words[@]}" >/dev/null 2>&1 && return 0
    # A container that is not running (crashed, never created) will not become healthy: fail now.
    [ "$(podman inspect "$container" --format '{{.State.Status}}' 2>/dev/null)" = running ] || return 1
    sleep 1
  done
  return 1
}
# Wait for a one-shot container to finish; true when it exited with code 0.
exited_zero() {
  local container=$1 timeout=${2:-120} start=$SECONDS status
  while [ $((SECONDS - start)) -lt "$timeout" ]; do
    status=$(podman inspect "$container" --format '{{.State.Status}} {{.State.ExitCode}}' 2>/dev/null) || return 1
    case $status in
      "exited 0") return 0 ;;
      exited*) return 1 ;;
    esac
    sleep 1
  done
  return 1
}
# wait_for_url, but give up as soon as the container serving it has stopped (a crash, not a slow start).
wait_for_container_url() {
  local container=$1 url=$2 timeout=${3:-90} start=$SECONDS
  while [ $((SECONDS - start)) -lt "$timeout" ]; do
    curl -fsS -m 3 -o /dev/null "$url" 2>/dev/null && return 0
    [ "$(podman inspect "$container" --format '{{.State.Status}}' 2>/dev/null)" = running ] || return 1
    sleep 1
  done
  return 1
}
post_analysis() {
  # $1 = base URL; prints the new analysis id; extra curl options follow
  local base=$1
  shift
  curl -fsS "$@" -H 'Content-Type: application/json' \
    --data '{"content": "FROM python:latest\nRUN apt-get install curl\n"}' "$base/api/v1/analyses" |
    "$PY" -c 'import json, sys; print(json.load(sys.stdin)["id"])' 2>/dev/null
}
show_logs_on_failure() {
  [ "$FAILED" = 0 ] && return 0
  tail -30 "$SCRATCH/compose.log" | sed 's/^/    compose: /' >&2
  local container
  for container in $(containers_of); do
    say "last log lines of $container:"
    podman logs --tail 15 "$container" 2>&1 | sed 's/^/    /' >&2 || true
  done
}
no_leftovers() {
  [ -z "$(containers_of)" ] &&
    [ -z "$(podman network ls -q --filter "label=io.podman.compose.project=$PROJECT")" ] &&
    [ -z "$(podman volume ls -q --filter "label=io.podman.compose.project=$PROJECT")" ]
}
take_down() {
  # podman-compose 1.0.3 `down -v` removes containers and volumes but not networks: removed here.
  compose down -v -t 10
  podman network ls -q --filter "label=io.podman.compose.project=$PROJECT" | xargs -r podman network rm >/dev/null
  check "down leaves no container, network or volume of project $PROJECT" no_leftovers
}

# ---- dev: docker-compose.yml ---------------------------------------------------------------------------------
dev_stack() {
  local port base id
  port=$(free_port)
  base=http://127.0.0.1:$port
  SOURCE=$COPY/docker-compose.yml
  "$PY" "$IMAGE_TEST_DIR/compose_variant.py" "$SOURCE" "$VARIANT" \
    --keep web,db,redis --publish "web:8000=$port" | sed 's/^/    /' >&2
  say "podman-compose -p $PROJECT up -d (builds the dev target)"
  local started=$SECONDS
  if ! compose up -d; then
    check "podman-compose up -d" false
    return
  fi
  check "podman-compose up -d built and started web, db, redis ($((SECONDS - started)) s)" \
    test "$(containers_of | wc -l)" = 3
  check "db healthcheck passes (run by the test)" wait_healthy "${PROJECT}_db_1" db 90
  check "redis healthcheck passes (run by the test)" wait_healthy "${PROJECT}_redis_1" redis 60
  check "web answers /health/ready on its published 127.0.0.1 port" \
    wait_for_container_url "${PROJECT}_web_1" "$base/health/ready" 120
  check "web is published on 127.0.0.1 only" \
    sh -c "podman port '${PROJECT}_web_1' 8000 | grep -qx '127.0.0.1:$port'"
  id=$(post_analysis "$base" || true)
  check "POST /api/v1/analyses stores an analysis ($id)" test -n "$id"
  podman restart -t 10 "${PROJECT}_web_1" >/dev/null
  check "web is back after a restart" wait_for_container_url "${PROJECT}_web_1" "$base/health/ready" 90
  check "the analysis survives the restart of web" \
    sh -c "curl -fsS '$base/api/v1/analyses/$id' | grep -q '\"id\": *\"$id\"'"
  check "it is in the stack's Postgres" \
    sh -c "[ \"\$(podman exec '${PROJECT}_db_1' psql -U dockwright -d dockwright -tAc \"SELECT count(*) FROM analyses_analysis WHERE id = '$id'\")\" = 1 ]"
  show_logs_on_failure
  take_down
}

# ---- prod: scans uploaded as archives, analysed by the worker container -----------------------------------------
# The worker takes a task again this many seconds after a worker that took it died (DOCKWRIGHT_TASK_VISIBILITY_SECONDS;
# production keeps the hour).
VISIBILITY_SECONDS=5
SCAN_PROJECT=stack

# GET a scan through the edge with the project token; prints one field of it.
scan_field() { # url field
  curl -fsSk -m 60 -H "Authorization: Bearer $SCAN_TOKEN" "$SCAN_BASE$1" |
    "$PY" -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$2"
}
# The same field from the project's list of scans: a scan's summary, without its findings (a large scan's whole
# answer is a megabyte, too much to ask for every second while a worker runs).
scan_summary_field() { # url field
  curl -fsSk -m 30 -H "Authorization: Bearer $SCAN_TOKEN" "$SCAN_BASE${1%/*}" |
    "$PY" -c 'import json, sys
print(next(scan[sys.argv[2]] for scan in json.load(sys.stdin) if scan["url"] == sys.argv[1]))' "$1" "$2"
}
# POST an archive as a scan through the edge; prints the scan's URL (empty when the answer is not 202).
upload_archive() { # archive
  local status
  status=$(curl -sSk -o "$SCRATCH/upload.json" -w '%{http_code}' -H "Authorization: Bearer $SCAN_TOKEN" \
    -F "archive=@$1;type=application/gzip" -F branch=main "$SCAN_BASE/api/v1/projects/$SCAN_PROJECT/scans/archive")
  [ "$status" = 202 ] || { say "the upload of $1 answered $status: $(head -c 300 "$SCRATCH/upload.json")"; return 0; }
  "$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["url"])' "$SCRATCH/upload.json"
}
scan_done_within() { # url seconds: true once the scan is done (not failed)
  local start=$SECONDS status
  while [ $((SECONDS - start)) -lt "$2" ]; do
    status=$(scan_summary_field "$1" status 2>/dev/null || true)
    [ "$status" = "done" ] && return 0
    [ "$status" = failed ] && return 1
    sleep 1
  done
  return 1
}
in_db() { podman exec "${PROJECT}_db_1" psql -U dockwright -d dockwright -tAc "$1"; }
scan_metric() { # name: its value from /metrics/scans on a web replica's internal port
  podman exec "${PROJECT}_web_1" python -c 'import sys, urllib.request
for line in urllib.request.urlopen("http://127.0.0.1:8081/metrics/scans", timeout=5).read().decode().splitlines():
    if line.split(" ")[0] == sys.argv[1]:
        print(float(line.split(" ")[1]))' "$1"
}
# Archives made from the repository's fixtures: a small one, and 142 realistic files that take a worker a while.
make_archives() {
  "$PY" - "$PROJECT_DIR/tests/fixtures" "$SCRATCH" <<'PY'
import io, sys, tarfile
from pathlib import Path

fixtures, out = Path(sys.argv[1]), Path(sys.argv[2])

def write(name, files):
    with tarfile.open(out / name, "w:gz") as archive:
        for path, text in files.items():
            info = tarfile.TarInfo(path)
            info.size = len(text.encode())
            archive.addfile(info, io.BytesIO(text.encode()))
    print(len(files))

write("small.tar.gz", {
    "api/Dockerfile": "FROM python:latest\nRUN pip install flask\nCMD python app.py\n",
    "docker-compose.yml": "services:\n  api:\n    build: ./api\n    env_file: .env\n",
    ".env": "DEBUG=1\n",
})
files = {f"svc-{n}/Dockerfile": p.read_text() for n, p in enumerate(sorted((fixtures / "dockerfiles" / "realistic").glob("*.Dockerfile")))}
files |= {f"deploy/{p.stem}/docker-compose.yml": p.read_text() for p in sorted((fixtures / "compose").glob("*.yml"))}
write("large.tar.gz", files)
PY
}

scans_through_the_worker() {
  local small large url found analysed
  SCAN_BASE=$1
  check "the worker container runs read-only as a non-root user" \
    sh -c "[ \"\$(podman inspect '${PROJECT}_worker_1' --format '{{.HostConfig.ReadonlyRootfs}} {{.Config.User}}')\" = 'true 10001:10001' ]"
  SCAN_TOKEN=$(podman exec "${PROJECT}_web_1" /app/start.sh manage shell -c "
from django.contrib.auth import get_user_model
from projects.services import project_create
from tokens.services import api_token_create
owner = get_user_model().objects.create_user(username='stack', password='a-long-password-for-the-stack-test')
project = project_create(user=owner, name='Stack', slug='$SCAN_PROJECT', visibility='private', default_branch='main')
print(api_token_create(user=owner, name='ci', scopes=['read', 'scans:write'], days=1, project=project)[1])" 2>/dev/null |
    tail -1 || true)
  check "a project token is made with manage.py in a web replica" test -n "$SCAN_TOKEN"
  { read -r small; read -r large; } < <(make_archives)

  url=$(upload_archive "$SCRATCH/small.tar.gz" || true)
  check "POST a .tar.gz through the edge to /scans/archive: 202 with the scan's URL ($url)" test -n "$url"
  [ -n "$url" ] || return 0
  check "the worker container analyses it: done within 120 s" scan_done_within "$url" 120
  analysed=$(scan_field "$url" files_analysed || true)
  found=$(scan_field "$url" findings | "$PY" -c 'import ast, sys; print(len(ast.literal_eval(sys.stdin.read())))' || true)
  check "its $((small - 1)) files analysed (the .env beside them read), with findings ($analysed files, $found findings)" \
    sh -c "[ '$analysed' = $((small - 1)) ] && [ '${found:-0}' -gt 0 ]"
  check "the worker's log names the task it ran" \
    sh -c "podman logs '${PROJECT}_worker_1' 2>&1 | grep -q 'scans.tasks.scan_analyse.*succeeded'"

  # The worker container killed in the middle of a scan (SIGKILL, as an OOM kill or a lost host would): once the
  # visibility timeout has passed, the worker started again takes the scan back and analyses what was left.
  url=$(upload_archive "$SCRATCH/large.tar.gz" || true)
  check "POST a .tar.gz of $large files: 202 ($url)" test -n "$url"
  [ -n "$url" ] || return 0
  local start=$SECONDS
  analysed=0
  while [ $((SECONDS - start)) -lt 120 ] && [ "$analysed" -lt 5 ]; do
    analysed=$(scan_summary_field "$url" files_analysed 2>/dev/null || echo 0)
    sleep 0.3
  done
  podman kill "${PROJECT}_worker_1" >/dev/null
  local id=${url##*/}
  analysed=$(in_db "SELECT files_analysed FROM scans_scan WHERE id = $id")
  found=$(in_db "SELECT files_found FROM scans_scan WHERE id = $id")
  say "the worker was killed with $analysed of $found files analysed"
  check "the worker was killed mid-scan (some files analysed, not all)" \
    sh -c "[ '$analysed' -ge 5 ] && [ '$analysed' -lt '$found' ]"
  # Started after the timeout (restarted, if its restart policy had started it already), it takes the task back at
  # once; a worker already running would find it at its next sweep, every 100 s.
  sleep $((VISIBILITY_SECONDS + 1))
  podman restart -t 10 "${PROJECT}_worker_1" >/dev/null
  check "the restarted worker finishes the scan within 300 s" scan_done_within "$url" 300
  local state twice
  state=$(in_db "SELECT s.files_analysed, s.attempts, count(f.id) FILTER (WHERE f.kind <> '' AND NOT f.analysed)
    FROM scans_scan s JOIN scans_scanfile f ON f.scan_id = s.id WHERE s.id = $id GROUP BY s.id")
  twice=$(in_db "SELECT count(*) FROM (SELECT 1 FROM scans_scanfinding WHERE scan_id = $id
    GROUP BY file_id, fingerprint HAVING count(*) > 1) AS stored_twice")
  check "every file analysed, on the second attempt, no finding stored twice (analysed|attempts|left: $state)" \
    test "$state|$twice" = "$found|2|0|0"
  local metrics
  metrics=$(for name in dockwright_scan_files_analysed_total dockwright_scans_done_total dockwright_scan_queue_length \
    dockwright_scan_queue_unacknowledged; do scan_metric "$name" || true; done | tr '\n' ' ')
  check "/metrics/scans: each file counted once across the kill, 2 scans done, nothing queued or held ($metrics)" \
    test "$metrics" = "$((small - 1 + found)).0 2.0 0.0 0.0 "
}

# ---- prod: docker-compose.prod.yml core -----------------------------------------------------------------------
prod_stack() {
  local http_port https_port base gateway token
  http_port=$(free_port)
  https_port=$(free_port)
  base=https://127.0.0.1:$https_port
  # The edge's certificate: self-signed, in the copy only.
  mkdir -p "$COPY/ssl"
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
    -addext 'subjectAltName=DNS:localhost,IP:127.0.0.1' \
    -keyout "$COPY/ssl/privkey.pem" -out "$COPY/ssl/fullchain.pem" 2>/dev/null
  chmod 644 "$COPY/ssl/privkey.pem"
  # The networks are made here first (podman-compose then uses them as they are) so the address of podman's
  # DNS server, the `public` network's gateway, is known before the edge starts: Docker's 127.0.0.11 does
  # not exist under podman.
  local net
  for net in public data; do
    podman network create --label "io.podman.compose.project=$PROJECT" \
      --label "com.docker.compose.project=$PROJECT" "${PROJECT}_$net" >/dev/null
  done
  gateway=$(podman network inspect "${PROJECT}_public" --format '{{range .Subnets}}{{.Gateway}}{{end}}')
  # The secrets and names the prod file requires; REGISTRY=localhost so the image is the one just built.
  export DJANGO_SECRET_KEY=stack-test-secret-key-not-for-production-0123456789abcdef
  export DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost DJANGO_CSRF_TRUSTED_ORIGINS=https://127.0.0.1:$https_port
  export DB_PASSWORD=stack-test-db-password REDIS_PASSWORD=stack-test-redis-password
  export REGISTRY=${IMAGE%/*} TAG=${IMAGE##*:} WEB_CONCURRENCY=2 DOCKWRIGHT_RATE_LIMIT=100000
  [ "$REGISTRY/dockwright:$TAG" = "$IMAGE" ] || die "the prod stack names \$REGISTRY/dockwright:\$TAG; $IMAGE does not fit"
  SOURCE=$COPY/docker-compose.prod.yml
  "$PY" "$IMAGE_TEST_DIR/compose_variant.py" "$SOURCE" "$VARIANT" \
    --keep edge,web,migrate,db,redis,broker,worker --publish "edge:80=$http_port" --publish "edge:443=$https_port" \
    --replicas web=2 --replicas worker=1 --env "edge:EDGE_RESOLVER=$gateway" --drop-depends web:migrate \
    --drop-depends worker:migrate --env "worker:DOCKWRIGHT_TASK_VISIBILITY_SECONDS=$VISIBILITY_SECONDS" |
    sed 's/^/    /' >&2
  # Compose's order, which podman-compose 1.0.3 does not enforce: db and redis healthy, then the one-shot migrate
  # completed successfully, then the web replicas healthy, then the edge. (Started all at once, migrate also
  # lost the race with aardvark-dns reloading for every container joining its network about every other run:
  # "could not translate host name db".)
  local started=$SECONDS
  say "podman-compose -p $PROJECT up -d --no-build db redis broker"
  compose up -d --no-build db redis broker || { check "podman-compose up -d db redis broker" false; return; }
  check "db healthcheck passes (run by the test)" wait_healthy "${PROJECT}_db_1" db 90
  check "redis healthcheck passes (run by the test)" wait_healthy "${PROJECT}_redis_1" redis 60
  check "broker healthcheck passes (run by the test)" wait_healthy "${PROJECT}_broker_1" broker 60
  say "podman-compose -p $PROJECT up -d --no-build migrate"
  compose up -d --no-build migrate || { check "podman-compose up -d migrate" false; return; }
  check "migrate exited 0" exited_zero "${PROJECT}_migrate_1" 120
  say "podman-compose -p $PROJECT up -d --no-build web edge worker"
  compose up -d --no-build web edge worker || { check "podman-compose up -d web edge worker" false; return; }
  check "the stack is edge, migrate, 2 web replicas, db, redis, broker, worker (up in $((SECONDS - started)) s)" \
    test "$(containers_of | tr '\n' ' ')" = "${PROJECT}_broker_1 ${PROJECT}_db_1 ${PROJECT}_edge_1 ${PROJECT}_migrate_1 ${PROJECT}_redis_1 ${PROJECT}_web_1 ${PROJECT}_web_2 ${PROJECT}_worker_1 "
  check "web replica 1 healthcheck passes" wait_healthy "${PROJECT}_web_1" web 120
  check "web replica 2 healthcheck passes" wait_healthy "${PROJECT}_web_2" web 120
  check "edge healthcheck passes" wait_healthy "${PROJECT}_edge_1" edge 60
  check "migrations ran once: by migrate, not by the replicas; each recorded once" \
    sh -c "podman logs '${PROJECT}_migrate_1' 2>&1 | grep -q 'Applying ' && ! podman logs '${PROJECT}_web_1' 2>&1 | grep -q 'Applying ' && ! podman logs '${PROJECT}_web_2' 2>&1 | grep -q 'Applying ' && [ \"\$(podman exec '${PROJECT}_db_1' psql -U dockwright -d dockwright -tAc 'SELECT count(*) - count(DISTINCT (app, name)) FROM django_migrations')\" = 0 ]"
  check "web replicas run read-only as a non-root user" \
    sh -c "[ \"\$(podman inspect '${PROJECT}_web_1' --format '{{.HostConfig.ReadonlyRootfs}} {{.Config.User}}')\" = 'true 10001:10001' ]"
  check "plain HTTP on the edge redirects to HTTPS (308)" \
    sh -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' 'http://127.0.0.1:$http_port/')\" = 308 ]"
  check "HTTPS through the edge: /health/ready 200 with HSTS" \
    sh -c "curl -fsSk -D - -o /dev/null '$base/health/ready' | grep -qi '^strict-transport-security: max-age='"
  check "HTTPS through the edge: the SPA" sh -c "curl -fsSk '$base/' | grep -q '/assets/'"
  local id
  id=$(post_analysis "$base" -k || true)
  check "POST /api/v1/analyses through the edge stores an analysis ($id)" \
    sh -c "[ -n '$id' ] && [ \"\$(podman exec '${PROJECT}_db_1' psql -U dockwright -d dockwright -tAc \"SELECT count(*) FROM analyses_analysis WHERE id = '$id'\")\" = 1 ]"

  scans_through_the_worker "$base"

  # Balancing: 40 requests tagged with one X-Request-Id prefix; each replica's JSON access log must show some.
  token=lb$$x$RANDOM
  for n in $(seq 1 40); do
    curl -fsk -o /dev/null -H "X-Request-Id: $token-$n" "$base/api/v1/info" || true
  done
  local one two
  # Distinct request ids: the app's Nginx and gunicorn each log every request once.
  one=$(podman logs "${PROJECT}_web_1" 2>&1 | grep -o "$token-[0-9]*" | sort -u | wc -l)
  two=$(podman logs "${PROJECT}_web_2" 2>&1 | grep -o "$token-[0-9]*" | sort -u | wc -l)
  say "balancing: of 40 requests through the edge, replica 1 answered $one and replica 2 answered $two"
  check "the edge balances across both replicas (each answered some of 40 requests)" \
    sh -c "[ '$one' -gt 0 ] && [ '$two' -gt 0 ]"

  # Stop one replica during a burst through the edge: the edge must retry elsewhere, no request may fail.
  "$PY" "$IMAGE_TEST_DIR/burst.py" --insecure --concurrency 4 --duration 9 "$base/api/v1/rules" \
    > "$SCRATCH/burst-get.json" &
  local get_pid=$!
  "$PY" "$IMAGE_TEST_DIR/burst.py" --insecure --concurrency 2 --duration 9 \
    --post-json '{"content": "FROM debian\nRUN apt-get update\n"}' "$base/api/v1/analyses" > "$SCRATCH/burst-post.json" &
  local post_pid=$!
  sleep 3
  local stop_started=$SECONDS
  podman stop -t 45 "${PROJECT}_web_2" >/dev/null 2>&1 || true
  say "replica 2 stopped in $((SECONDS - stop_started)) s (exit code $(podman inspect "${PROJECT}_web_2" --format '{{.State.ExitCode}}'))"
  wait "$get_pid" "$post_pid" || true
  local kind
  for kind in get post; do
    say "burst $kind: $(cat "$SCRATCH/burst-$kind.json")"
    check "stopping one replica during a burst ($kind) loses no request" \
      "$PY" -c 'import json, sys; r = json.load(open(sys.argv[1])); sys.exit(not (r["ok"] > 0 and r["dropped"] == 0 and r["refused"] == 0))' \
      "$SCRATCH/burst-$kind.json"
  done
  check "the stopped replica exited 0" \
    test "$(podman inspect "${PROJECT}_web_2" --format '{{.State.ExitCode}}')" = 0
  show_logs_on_failure
  take_down
}

case $STACK in
  dev) dev_stack ;;
  prod) prod_stack ;;
  *) die "unknown stack $STACK (dev or prod)" ;;
esac
summary
