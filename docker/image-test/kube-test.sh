#!/usr/bin/env bash
# Play the Kubernetes manifests (deploy/kubernetes/) with `podman kube play`, on the image built from this tree: the
# migration Job's pod first (it must exit 0), then the web, worker and scheduler Deployments with the ConfigMap and
# the Secret, against the host's Postgres (a fresh database) and Redis through slirp4netns. Checks the manifests'
# own probes (the web's over HTTP, the worker's `celery inspect ping` with podman exec), a scan uploaded through the
# web and analysed by the worker, a retention task the scheduler sent and the worker ran, and the security context
# as the pods really run; then `podman kube down`. What kube_variant.py changes for podman is printed.
# Prints `N passed, N failed`; exits non-zero on any failure. A trap removes the pods, the secret and the database.
# Needs root, the stand-ins and the image (run.sh builds them). Usage: kube-test.sh
# shellcheck disable=SC2016  # the single-quoted scripts run inside the containers, not here
set -euo pipefail
# shellcheck source=env.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
configure_podman

IMAGE=${DOCKWRIGHT_TEST_IMAGE:-localhost/dockwright:image-test}
MANIFESTS=$PROJECT_DIR/deploy/kubernetes
DB=dockwright_kube_test_$$
PG_ADMIN=${IMAGE_TEST_PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
# Redis databases of this test's own on the host's Redis: 13 for the cache (as the image test), 10 for the broker.
CACHE_DB=13
BROKER_DB=10
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
SCRATCH=$(mktemp -d)
SECRET=dockwright
WEB=dockwright-web-pod-0-web
WORKER=dockwright-worker-pod-0-worker
SCHEDULER=dockwright-scheduler-pod-0-scheduler
MIGRATE=dockwright-migrate-migrate

# No message of an earlier run may reach this run's worker, and none of this run is left behind.
flush_broker() { "$PY" -c 'import redis, sys; redis.Redis(host="127.0.0.1", db=int(sys.argv[1])).flushdb()' "$BROKER_DB"; }

cleanup() {
  podman kube down "$SCRATCH/play/app.yaml" >/dev/null 2>&1 || true
  podman kube down "$SCRATCH/play/migrate.yaml" >/dev/null 2>&1 || true
  podman secret rm "$SECRET" >/dev/null 2>&1 || true
  psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  flush_broker || true
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

podman image exists "$IMAGE" || die "$IMAGE is not built (run.sh builds it before this part)"
if podman secret inspect "$SECRET" >/dev/null 2>&1; then
  die "a podman secret named $SECRET exists already in $OCI_DIR; is another kube test running?"
fi
psql "$PG_ADMIN" -qc "CREATE DATABASE $DB" >/dev/null
flush_broker

# ---- the variant ----------------------------------------------------------------------------------------------
say "kube_variant.py: what changes for podman kube play"
if ! "$PY" "$IMAGE_TEST_DIR/kube_variant.py" "$MANIFESTS" "$SCRATCH/play" --image "$IMAGE" \
  --keep dockwright-web,dockwright-worker,dockwright-scheduler \
  --publish dockwright-web:http="$PORT" \
  --config DJANGO_ALLOWED_HOSTS=localhost,127.0.0.1 \
  --config DOCKWRIGHT_RETENTION_INTERVAL_SECONDS=5 \
  --secret django-secret-key=kube-test-secret-key-not-for-production-0123456789abcdef \
  --secret "database-url=postgres://postgres@10.0.2.2:5432/$DB" \
  --secret "redis-url=redis://10.0.2.2:6379/$CACHE_DB" \
  --secret "broker-url=redis://10.0.2.2:6379/$BROKER_DB"; then
  check "kube_variant.py adapts the manifests" false
  summary
  exit 1
fi
podman secret create "$SECRET" "$SCRATCH/play/secret-$SECRET.json" >/dev/null
play() { podman kube play --network slirp4netns:allow_host_loopback=true "$1" > "$SCRATCH/play.log" 2>&1; }

# ---- the migration Job's pod ------------------------------------------------------------------------------------
check "podman kube play migrate.yaml (the Job's pod template)" play "$SCRATCH/play/migrate.yaml"
migrated=""
for _ in $(seq 1 120); do
  migrated=$(podman inspect "$MIGRATE" --format '{{.State.Status}} {{.State.ExitCode}}' 2>/dev/null || true)
  [ "${migrated%% *}" = exited ] && break
  sleep 1
done
check "the migration pod exits 0 within 120 s (got: $migrated)" test "$migrated" = "exited 0"
check "its migrations are in Postgres" \
  sh -c "[ \"\$(psql 'postgres://postgres@127.0.0.1:5432/$DB' -tAc \"SELECT count(*) > 0 FROM django_migrations WHERE app = 'scans'\")\" = t ]"

# ---- web, worker, scheduler ---------------------------------------------------------------------------------------
check "podman kube play app.yaml (web, worker and scheduler Deployments)" play "$SCRATCH/play/app.yaml"

# The manifests' own probes: the web's startup and readiness probes over HTTP with their Host header.
probe_url() { # deployment probe -> the path and Host header it asks with
  "$PY" -c 'import sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
get = doc["spec"]["template"]["spec"]["containers"][0][sys.argv[2]]["httpGet"]
host = next(h["value"] for h in get["httpHeaders"] if h["name"] == "Host")
print(get["path"], host)' "$MANIFESTS/web-deployment.yaml" "$1"
}
read -r ready_path ready_host < <(probe_url readinessProbe)
read -r live_path live_host < <(probe_url livenessProbe)
ready_within() {
  local start=$SECONDS
  while [ $((SECONDS - start)) -lt "$1" ]; do
    curl -fsS -m 3 -o /dev/null -H "Host: $ready_host" "$BASE$ready_path" 2>/dev/null && return 0
    sleep 1
  done
  return 1
}
check "web: the readiness probe ($ready_path) answers 200 within 120 s" ready_within 120
check "web: the liveness probe ($live_path) answers 200" \
  curl -fsS -m 5 -o /dev/null -H "Host: $live_host" "$BASE$live_path"

# The worker's liveness probe, run as the manifest writes it.
worker_probe=$("$PY" -c 'import json, sys, yaml
doc = yaml.safe_load(open(sys.argv[1]))
print(json.dumps(doc["spec"]["template"]["spec"]["containers"][0]["livenessProbe"]["exec"]["command"]))' \
  "$MANIFESTS/worker-deployment.yaml")
mapfile -t worker_probe_argv < <("$PY" -c 'import json, sys; print("\n".join(json.loads(sys.argv[1])))' "$worker_probe")
worker_answers() {
  local start=$SECONDS
  while [ $((SECONDS - start)) -lt 90 ]; do
    podman exec "$WORKER" "${worker_probe_argv[@]}" > "$SCRATCH/ping" 2>&1 && return 0
    sleep 2
  done
  return 1
}
check "worker: its liveness probe (celery inspect ping to itself) passes within 90 s" worker_answers

# A scan through the web, analysed by the worker: a project token made with the image's manage.py.
token=$(podman exec "$WEB" /app/start.sh manage shell -c '
from django.contrib.auth import get_user_model
from projects.services import project_create
from tokens.services import api_token_create
owner = get_user_model().objects.create_user(username="kube", password="a-long-password-for-the-kube-test")
project = project_create(user=owner, name="Kube", slug="kube", visibility="private", default_branch="main")
print(api_token_create(user=owner, name="ci", scopes=["read", "scans:write"], days=1, project=project)[1])' 2>/dev/null |
  tail -1 || true)
check "a project token is made with manage.py in the web pod" test -n "$token"
status=$(curl -sS -o "$SCRATCH/scan.json" -w '%{http_code}' -H 'Host: localhost' -H 'X-Forwarded-Proto: https' \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  --data '{"branch": "main", "files": [{"path": "Dockerfile", "content": "FROM python:latest\nRUN pip install flask\n"}]}' \
  "$BASE/api/v1/projects/kube/scans" || true)
scan_url=$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1])).get("url", ""))' "$SCRATCH/scan.json" 2>/dev/null || true)
check "POST a scan through the web pod: 202 ($status)" sh -c "[ '$status' = 202 ] && [ -n '$scan_url' ]"
scan_done() {
  local start=$SECONDS
  while [ $((SECONDS - start)) -lt 90 ]; do
    curl -fsS -o "$SCRATCH/scan-now.json" -H 'Host: localhost' -H 'X-Forwarded-Proto: https' \
      -H "Authorization: Bearer $token" "$BASE$scan_url" 2>/dev/null &&
      grep -q '"status": *"done"' "$SCRATCH/scan-now.json" && break
    sleep 1
  done
  grep -q '"status": *"done"' "$SCRATCH/scan-now.json" && grep -q '"findings": *\[{' "$SCRATCH/scan-now.json"
}
check "the worker pod analyses it: the scan is done within 90 s, with findings" scan_done

# The scheduler sends the retention tasks every 5 s here; the worker runs them.
retention_ran() {
  local start=$SECONDS
  while [ $((SECONDS - start)) -lt 60 ]; do
    podman logs "$WORKER" 2>&1 | grep -q 'analyses.tasks.analyses_expire\[.*\] succeeded' && return 0
    sleep 2
  done
  return 1
}
check "the scheduler pod sends retention and the worker pod runs it" retention_ran

# The pods as the runtime runs them.
for container in "$WEB" "$WORKER" "$SCHEDULER"; do
  check "$container: runs as 10001, no capabilities, no_new_privs, seccomp filter" \
    podman exec "$container" sh -c '[ "$(id -u)" = 10001 ] && grep -q "^CapEff:[[:space:]]*0000000000000000$" /proc/1/status &&
      grep -q "^NoNewPrivs:[[:space:]]*1$" /proc/1/status && grep -q "^Seccomp:[[:space:]]*2$" /proc/1/status'
  check "$container: the root filesystem is read-only and /tmp (the emptyDir) writable" \
    podman exec "$container" sh -c '! touch /app/probe 2>/dev/null && touch /tmp/probe && rm /tmp/probe'
done
check "web: the memory limit of the manifest is applied (1Gi)" \
  sh -c "[ \"\$(podman inspect '$WEB' --format '{{.HostConfig.Memory}}')\" = 1073741824 ]"

# What the pods said, while they are still there to ask.
if [ "$FAILED" != 0 ]; then
  [ ! -s "$SCRATCH/play.log" ] || { say "last podman kube play:"; cat "$SCRATCH/play.log" >&2; }
  [ ! -s "$SCRATCH/ping" ] || { say "worker probe:"; cat "$SCRATCH/ping" >&2; }
  for container in "$MIGRATE" "$WEB" "$WORKER" "$SCHEDULER"; do
    say "last log lines of $container:"
    podman logs --tail 20 "$container" >&2 2>/dev/null || true
  done
fi

# ---- stop ---------------------------------------------------------------------------------------------------------
podman pod stop -t 45 dockwright-web-pod-0 >/dev/null 2>&1 || true
check "web: a stop drains and exits 0" \
  sh -c "[ \"\$(podman inspect '$WEB' --format '{{.State.ExitCode}}')\" = 0 ]"
check "podman kube down app.yaml" sh -c "podman kube down '$SCRATCH/play/app.yaml' >/dev/null"
check "podman kube down migrate.yaml" sh -c "podman kube down '$SCRATCH/play/migrate.yaml' >/dev/null"
left=""
for pod in dockwright-migrate dockwright-web-pod-0 dockwright-worker-pod-0 dockwright-scheduler-pod-0; do
  ! podman pod exists "$pod" || left="$left $pod"
done
check "no pod of the manifests is left (left:${left:- none})" test -z "$left"
summary
