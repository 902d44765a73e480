#!/usr/bin/env bash
# Build the production image from docker/Dockerfile (unchanged) on stand-in base images and run it for real:
# read-only root with the prod compose's tmpfs, no capabilities, published on 127.0.0.1 only, talking to the
# host's Postgres (a fresh database) and Redis through slirp4netns. Checks what the image promises and prints
# `N passed, N failed`; exits non-zero on any failure. A trap removes the container and the database.
# Needs root and the stand-ins (run.sh builds them). Usage: image-test.sh
# shellcheck disable=SC2016  # the single-quoted scripts run inside the container, not here
set -euo pipefail
# shellcheck source=env.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
configure_podman

IMAGE=${DOCKWRIGHT_TEST_IMAGE:-localhost/dockwright:image-test}
NAME=dockwright-image-test-$$
DB=dockwright_image_test_$$
PG_ADMIN=${IMAGE_TEST_PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}
# Redis database 13: the test's keys stay apart from the other suites sharing this Redis.
REDIS_IN_CONTAINER=${IMAGE_TEST_REDIS_URL:-redis://10.0.2.2:6379/13}
PORT=$(free_port)
BASE=http://127.0.0.1:$PORT
# The app's Nginx trusts X-Forwarded-Proto from private addresses, as it will from the TLS edge: requests
# then look like the HTTPS they would be in production, so Django's HTTPS redirect stays on and is not hit.
HTTPS=(-H 'X-Forwarded-Proto: https')
SCRATCH=$(mktemp -d)

cleanup() {
  podman rm -f -t 0 "$NAME" >/dev/null 2>&1 || true
  psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
  rm -rf "$SCRATCH"
}
trap cleanup EXIT

# ---- build ------------------------------------------------------------------------------------------------
# RUN steps use the host's network (as the stand-ins do): no NAT or netavark bridge in the way of npm and pip.
if [ "${IMAGE_TEST_SKIP_BUILD:-0}" != 1 ]; then
  # Untag the previous build first (its layers stay cached): if this build fails, no stale image can pass
  # for it in a later part.
  podman untag "$IMAGE" >/dev/null 2>&1 || true
  say "podman build --pull=never --format docker --network host -f docker/Dockerfile -t $IMAGE"
  started=$SECONDS
  if podman build --pull=never --format docker --network host -f "$PROJECT_DIR/docker/Dockerfile" -t "$IMAGE" "$PROJECT_DIR" > "$SCRATCH/build.log" 2>&1; then
    check "image builds with podman build --pull=never --format docker ($((SECONDS - started)) s)" true
  else
    tail -40 "$SCRATCH/build.log" >&2
    check "image builds with podman build --pull=never --format docker" false
    summary
    exit 1
  fi
  if [ "${IMAGE_TEST_ONLY_BUILD:-0}" = 1 ]; then
    summary
    exit
  fi
fi

# ---- what is in the image -----------------------------------------------------------------------------------
size=$(podman image inspect "$IMAGE" --format '{{.Size}}')
say "image $IMAGE: $((size / 1000000)) MB; layers (newest first):"
podman history --format '{{.Size}}|{{.CreatedBy}}' --no-trunc "$IMAGE" |
  while IFS='|' read -r layer_size created_by; do
    printf '    %10s  %s\n' "$layer_size" "$(printf '%s' "$created_by" | sed 's/^\/bin\/sh -c #(nop) //; s/^\/bin\/sh -c //' | cut -c1-110)"
  done >&2

inside() { podman run --rm --pull=never --network none --no-healthcheck --entrypoint sh "$IMAGE" -c "$1"; }
check "no compiler, Node.js or build tool in the image (gcc cc c++ make node npm npx yarn)" \
  inside 'for c in gcc cc c++ g++ clang make node npm npx yarn; do if command -v "$c"; then exit 1; fi; done; exit 0'
check "no build caches or sources (pip/npm caches, apt lists and archives, node_modules, /build, /src)" \
  inside 'set -- /root/.cache /root/.npm /app/.cache /app/.npm /build /src
    for d in "$@"; do [ ! -e "$d" ] || { echo "found $d"; exit 1; }; done
    [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null)" ] || { echo "apt lists"; exit 1; }
    [ -z "$(ls /var/cache/apt/archives/*.deb 2>/dev/null)" ] || { echo "apt archives"; exit 1; }
    found=$(find / -xdev \( -name node_modules -o -name .npm -o -path "*/pip/http*" \) -print -quit 2>/dev/null)
    [ -z "$found" ] || { echo "found $found"; exit 1; }'
check "the image's default user is not root" \
  sh -c "u=\$(podman image inspect '$IMAGE' --format '{{.Config.User}}'); [ -n \"\$u\" ] && [ \"\${u%%:*}\" != 0 ] && [ \"\${u%%:*}\" != root ]"
check "HEALTHCHECK kept in the image config (docker format)" \
  sh -c "podman image inspect '$IMAGE' --format '{{json .Config.Healthcheck}}' | grep -q Test"

# ---- run it as the prod compose does ------------------------------------------------------------------------
psql "$PG_ADMIN" -qc "CREATE DATABASE $DB" >/dev/null
say "run $NAME on 127.0.0.1:$PORT (database $DB on the host's Postgres)"
# No health timer (there is no systemd to run it; the test runs the HEALTHCHECK itself below).
podman run -d --name "$NAME" --pull=never --health-interval disable \
  --network slirp4netns:allow_host_loopback=true \
  -p "127.0.0.1:$PORT:8080" \
  --read-only --tmpfs /tmp:size=160m,mode=1777 \
  --cap-drop ALL --security-opt no-new-privileges \
  -e DJANGO_SECRET_KEY=image-test-secret-key-not-for-production-0123456789abcdef \
  -e DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost \
  -e "DATABASE_URL=postgres://postgres@10.0.2.2:5432/$DB" \
  -e "REDIS_URL=$REDIS_IN_CONTAINER" \
  -e RUN_MIGRATIONS=1 \
  -e DOCKWRIGHT_RATE_LIMIT=100000 \
  -e WEB_CONCURRENCY=2 \
  "$IMAGE" >/dev/null

if ! check "ready: GET /health/ready answers 200 within 90 s" wait_for_url "$BASE/health/ready" 90; then
  podman logs --tail 60 "$NAME" >&2 || true
fi

check "published on 127.0.0.1 only" sh -c "podman port '$NAME' 8080 | grep -qx '127.0.0.1:$PORT'"
check "ready body reports database and cache ok" \
  sh -c "curl -fsS '$BASE/health/ready' | grep -q '\"database\": *\"ok\"' && curl -fsS '$BASE/health/ready' | grep -q '\"cache\": *\"ok\"'"

# The SPA: index.html revalidated, hashed assets cached for a year and compressed.
curl -sS -D "$SCRATCH/index.h" -o "$SCRATCH/index.html" "$BASE/"
check "SPA index: 200 text/html with Cache-Control no-cache" \
  sh -c "grep -q '^HTTP/1.1 200' '$SCRATCH/index.h' && grep -qi '^content-type: text/html' '$SCRATCH/index.h' && grep -qi '^cache-control: no-cache' '$SCRATCH/index.h'"
asset=$(grep -oE '/assets/[A-Za-z0-9._-]+\.js' "$SCRATCH/index.html" | head -1 || true)
check "SPA index links a hashed script under /assets/ ($asset)" test -n "$asset"
if [ -n "$asset" ]; then
  curl -sS -D "$SCRATCH/asset.h" -o "$SCRATCH/asset.gz" -H 'Accept-Encoding: gzip' "$BASE$asset"
  check "hashed asset: 200, Cache-Control public, max-age=31536000, immutable" \
    sh -c "grep -q '^HTTP/1.1 200' '$SCRATCH/asset.h' && grep -qi '^cache-control: public, max-age=31536000, immutable' '$SCRATCH/asset.h'"
  check "hashed asset: gzip when asked (Content-Encoding: gzip, body really gzip)" \
    sh -c "grep -qi '^content-encoding: gzip' '$SCRATCH/asset.h' && gzip -t '$SCRATCH/asset.gz'"
  check "hashed asset: plain when gzip is not asked for" \
    sh -c "! curl -sS -D - -o /dev/null '$BASE$asset' | grep -qi '^content-encoding'"
fi
check "SPA route /rules falls back to index.html" \
  sh -c "curl -fsS '$BASE/rules' | grep -q '$asset'"
check "unknown /api/ path: JSON 404" \
  sh -c "[ \"\$(curl -s -o '$SCRATCH/404.json' -w '%{http_code} %{content_type}' ${HTTPS[*]@Q} '$BASE/api/v1/no-such-thing')\" = '404 application/json' ]"
check "/api/v1/info says production" \
  sh -c "curl -fsS ${HTTPS[*]@Q} '$BASE/api/v1/info' | grep -q '\"environment\": *\"production\"'"

# An analysis goes through Nginx, gunicorn and Django into Postgres.
status=$(curl -sS -o "$SCRATCH/analysis.json" -w '%{http_code}' "${HTTPS[@]}" -H 'Content-Type: application/json' \
  --data '{"content": "FROM python:latest\nRUN apt-get install curl\n", "filename": "Dockerfile"}' "$BASE/api/v1/analyses")
analysis_id=$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1])).get("id", ""))' "$SCRATCH/analysis.json" 2>/dev/null || true)
check "POST /api/v1/analyses: 201 with an id ($status $analysis_id)" sh -c "[ '$status' = 201 ] && [ -n '$analysis_id' ]"
check "the analysis is stored in Postgres (queried directly)" \
  sh -c "[ \"\$(psql 'postgres://postgres@127.0.0.1:5432/$DB' -tAc \"SELECT kind FROM analyses_analysis WHERE id = '$analysis_id'\")\" = dockerfile ]"
check "GET /api/v1/analyses/<id> returns it with findings" \
  sh -c "curl -fsS ${HTTPS[*]@Q} '$BASE/api/v1/analyses/$analysis_id' | grep -q '\"findings\": *\[{'"

# The admin login page and the static files it links (collected at build time, served by Nginx).
curl -sS -D "$SCRATCH/admin.h" -o "$SCRATCH/admin.html" "${HTTPS[@]}" "$BASE/admin/login/"
check "admin login page: 200 with a CSRF-protected form" \
  sh -c "grep -q '^HTTP/1.1 200' '$SCRATCH/admin.h' && grep -q csrfmiddlewaretoken '$SCRATCH/admin.html'"
css=$(grep -oE '/static/[^"]+\.css' "$SCRATCH/admin.html" | head -1 || true)
check "admin static file $css: 200 text/css with Cache-Control" \
  sh -c "[ -n '$css' ] && curl -fsS -D - -o /dev/null '$BASE$css' | grep -qi '^content-type: text/css' && curl -fsS -D - -o /dev/null '$BASE$css' | grep -qi '^cache-control: public'"

# The container as the runtime sees it.
check "HEALTHCHECK passes (podman healthcheck run)" podman healthcheck run "$NAME"
podman top "$NAME" user huser pid args > "$SCRATCH/top" 2>&1 || true
sed 's/^/    /' "$SCRATCH/top" >&2
check "every process runs as a non-root user (podman top)" \
  sh -c "[ \$(wc -l < '$SCRATCH/top') -gt 2 ] && ! awk 'NR > 1 && (\$1 == \"root\" || \$1 == \"0\" || \$2 == \"root\" || \$2 == \"0\")' '$SCRATCH/top' | grep -q ."
check "tini is PID 1" sh -c "podman exec '$NAME' cat /proc/1/cmdline | tr '\\0' ' ' | grep -q '^/usr/bin/tini '"
check "root filesystem is read-only (writing under /app fails)" \
  sh -c "! podman exec '$NAME' sh -c 'touch /app/probe' 2>/dev/null && [ \"\$(podman inspect '$NAME' --format '{{.HostConfig.ReadonlyRootfs}}')\" = true ]"
check "the /tmp tmpfs is writable" podman exec "$NAME" sh -c 'touch /tmp/probe && rm /tmp/probe'

# ---- stop during a burst -------------------------------------------------------------------------------------
# The burst runs inside the container's network namespace (nsenter), so a refused connection is the kernel's
# answer and not a port forwarder's: refused = never accepted (fine once the stop has begun), anything else
# that is not a complete 2xx = dropped.
pid=$(podman inspect "$NAME" --format '{{.State.Pid}}')
burst() {
  nsenter --net="/proc/$pid/ns/net" "$PY" "$IMAGE_TEST_DIR/burst.py" --concurrency 4 --duration 30 \
    --header 'X-Forwarded-Proto: https' --header 'Host: 127.0.0.1' "$@"
}
burst http://127.0.0.1:8080/api/v1/rules > "$SCRATCH/burst-get.json" &
get_pid=$!
burst http://127.0.0.1:8080/api/v1/analyses \
  --post-json '{"content": "FROM debian\nRUN apt-get update\n"}' > "$SCRATCH/burst-post.json" &
post_pid=$!
sleep 3
stop_at=$(date +%s.%N)
stop_started=$SECONDS
podman stop -t 10 "$NAME" >/dev/null 2>&1 || true
stop_seconds=$((SECONDS - stop_started))
wait "$get_pid" "$post_pid" || true
exit_code=$(podman inspect "$NAME" --format '{{.State.ExitCode}}')
check "podman stop -t 10 returns before the kill timeout (${stop_seconds} s)" test "$stop_seconds" -lt 10
check "exit code 0 after SIGTERM (got $exit_code)" test "$exit_code" = 0
for kind in get post; do
  say "burst $kind: $(cat "$SCRATCH/burst-$kind.json")"
  check "burst $kind: requests answered before the stop, none dropped, refusals only after it" \
    "$PY" -c 'import json, sys
r = json.load(open(sys.argv[1]))
stop = float(sys.argv[2])
sys.exit(not (r["ok"] > 0 and r["dropped"] == 0 and (r["first_refusal"] is None or r["first_refusal"] >= stop)))' \
    "$SCRATCH/burst-$kind.json" "$stop_at"
done
if [ "$FAILED" != 0 ]; then
  say "last log lines of $NAME:"
  podman logs --tail 40 "$NAME" >&2 || true
fi
summary
