#!/usr/bin/env bash
# Build, publish and roll out Dockwright with docker-compose.prod.yml, rolling back when the new release is
# not healthy.
#
#   docker/deploy.sh [options]
#
#   --registry R        registry/namespace of the image (default: $REGISTRY, else REGISTRY in .env)
#   --version V         release tag (default: `git describe --tags --always`)
#   --skip-build        reuse an image already built and pushed for this commit
#   --skip-push         build locally but do not push (single-host deployments)
#   --health-timeout S  seconds the web replicas get to become healthy (default 180)
#   -h, --help          this help
#
# Steps: build (tagged with the version and the git sha) -> push -> pull -> up (the migrate one-shot runs
# before the replicas) -> wait until every web replica is healthy and /health/ready answers -> prune dangling
# images. When the health check fails it redeploys the previous tag (remembered in .deploy/current-tag) and
# exits 1. Needs docker with the compose plugin, git, and a .env next to docker-compose.prod.yml.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

COMPOSE_FILE=${COMPOSE_FILE:-docker-compose.prod.yml}
STATE_DIR=${DEPLOY_STATE_DIR:-.deploy}
POLL_SECONDS=${DEPLOY_POLL_SECONDS:-5}
registry=${REGISTRY:-}
version=""
build=1
push=1
health_timeout=180

log() {
  printf 'deploy: %s\n' "$*" >&2
}

usage() {
  sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
}

while (($#)); do
  case $1 in
    --registry)
      registry=${2:?--registry needs a value}
      shift
      ;;
    --version)
      version=${2:?--version needs a value}
      shift
      ;;
    --skip-build) build=0 ;;
    --skip-push) push=0 ;;
    --health-timeout)
      health_timeout=${2:?--health-timeout needs a value}
      shift
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      log "unknown option '$1'"
      usage >&2
      exit 2
      ;;
  esac
  shift
done

env_file_value() {
  # The value of $1 in .env, if any (Compose reads .env itself; this script needs REGISTRY before Compose).
  [[ -f .env ]] || return 0
  sed -n "s/^$1=//p" .env | tail -n 1 | sed -e 's/^"\(.*\)"$/\1/' -e "s/^'\(.*\)'$/\1/"
}

if [[ -z $registry ]]; then
  registry=$(env_file_value REGISTRY)
fi
if [[ -z $registry ]]; then
  log "no registry: pass --registry or set REGISTRY in the environment or in .env"
  exit 2
fi
if ! [[ $health_timeout =~ ^[0-9]+$ ]]; then
  log "--health-timeout must be a number of seconds (got '$health_timeout')"
  exit 2
fi

revision=$(git rev-parse HEAD)
sha=$(git rev-parse --short=12 HEAD)
version=${version:-$(git describe --tags --always)}
image=$registry/dockwright
previous=$(cat "$STATE_DIR/current-tag" 2>/dev/null || true)
export REGISTRY=$registry

compose() {
  docker compose -f "$COMPOSE_FILE" "$@"
}

roll_out() {
  # Compose reads TAG from the environment before .env, so this selects the release to run.
  TAG=$1 compose pull web migrate
  TAG=$1 compose up -d --remove-orphans
}

web_is_healthy() {
  # Every web replica must report healthy (the image's HEALTHCHECK) and one must pass the readiness probe,
  # which also reaches Postgres and Redis.
  local states
  states=$(TAG=$1 compose ps web --format '{{.Health}}')
  [[ -n $states ]] || return 1
  if grep -qv '^healthy$' <<<"$states"; then
    return 1
  fi
  TAG=$1 compose exec -T web python -c \
    "import urllib.request; urllib.request.urlopen('http://localhost:8080/health/ready', timeout=5)" \
    >/dev/null
}

wait_until_healthy() {
  local deadline=$((SECONDS + health_timeout))
  until web_is_healthy "$1"; do
    if ((SECONDS >= deadline)); then
      return 1
    fi
    sleep "$POLL_SECONDS"
  done
}

if ((build)); then
  log "building $image:$version ($sha)"
  docker build -f docker/Dockerfile \
    --build-arg VERSION="$version" \
    --build-arg REVISION="$revision" \
    --build-arg CREATED="$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
    -t "$image:$version" -t "$image:$sha" .
fi
if ((push)); then
  log "pushing $image:$version and $image:$sha"
  docker push "$image:$version"
  docker push "$image:$sha"
fi

log "rolling out $sha (previous: ${previous:-none})"
roll_out "$sha"
if ! wait_until_healthy "$sha"; then
  log "$sha is not healthy after ${health_timeout}s"
  if [[ -n $previous && $previous != "$sha" ]]; then
    log "rolling back to $previous"
    roll_out "$previous"
    if wait_until_healthy "$previous"; then
      log "rolled back to $previous"
    else
      log "the rollback to $previous is not healthy either; look at: docker compose -f $COMPOSE_FILE logs web"
    fi
  else
    log "no previous release to roll back to"
  fi
  exit 1
fi

mkdir -p "$STATE_DIR"
printf '%s\n' "$sha" >"$STATE_DIR/current-tag"
log "pruning dangling images"
docker image prune -f >/dev/null
log "deployed $image:$sha ($version)"
