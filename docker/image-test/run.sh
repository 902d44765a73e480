#!/usr/bin/env bash
# `make image-test`: build docker/Dockerfile with podman on stand-in base images made from Debian packages,
# run the image for real, then bring up the dev and prod compose stacks with podman-compose and play the Kubernetes
# manifests with podman kube play. See docker/image-test/README.md for what this proves and what it does not.
#
#   run.sh [all|image|cli|dev|prod|kube]...     (default: all)
#
# Needs root. In CI (CI=true) it installs what is missing from Debian and fails if it cannot run; elsewhere it
# skips with a reason when podman is missing (DOCKWRIGHT_IMAGE_TEST_INSTALL=1 installs it instead).
# Stand-ins are cached in $DOCKWRIGHT_OCI_DIR (default /var/tmp/dockwright-oci). Prints a closing
# `N passed, N failed` line and exits non-zero on any failure.
set -euo pipefail
# shellcheck source=env.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

PARTS=("$@")
[ "${#PARTS[@]}" -gt 0 ] || PARTS=(all)
[ "${PARTS[*]}" != all ] || PARTS=(image cli dev prod kube)
IN_CI=false
[ "${CI:-}" = true ] && IN_CI=true
TOOLS=(podman buildah runc slirp4netns debootstrap podman-compose curl openssl iptables)
# netavark and aardvark-dns (the network and DNS the stacks rely on) come with podman; iptables is only a Suggests.
PACKAGES=(podman buildah runc slirp4netns uidmap netavark aardvark-dns iptables debootstrap podman-compose curl openssl
  postgresql-client)

skip() {
  echo "image-test SKIPPED: $*"
  exit 0
}
started=$SECONDS

# ---- tools -----------------------------------------------------------------------------------------------------
missing=()
for tool in "${TOOLS[@]}" psql nsenter; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$IN_CI" != true ] && [ "${DOCKWRIGHT_IMAGE_TEST_INSTALL:-0}" != 1 ]; then
    skip "missing ${missing[*]} (CI=true or DOCKWRIGHT_IMAGE_TEST_INSTALL=1 installs them from Debian)"
  fi
  [ "$(id -u)" = 0 ] || die "missing ${missing[*]}; installing them needs root"
  say "apt-get install ${PACKAGES[*]} (missing: ${missing[*]})"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${PACKAGES[@]}" >/dev/null
fi
if [ "$(id -u)" != 0 ]; then
  [ "$IN_CI" = true ] && die "runs rootful podman with private storage: run it as root"
  skip "needs root (rootful podman with private storage in $OCI_DIR)"
fi
[ -x "$PY" ] || die "$PY not found: run make venv first (the helpers use Dockwright's parser)"
configure_podman

# The image test talks to the host's Postgres and Redis, like the rest of the suite.
if [[ " ${PARTS[*]} " == *" image "* || " ${PARTS[*]} " == *" kube "* ]]; then
  pg_isready -h 127.0.0.1 -p 5432 -q || die "no Postgres on 127.0.0.1:5432 (.ci/run starts one)"
  (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null || die "no Redis on 127.0.0.1:6379 (.ci/run starts one)"
fi

# ---- stand-in base images, planned from the files themselves ---------------------------------------------------
plan_args=(--dockerfile "$PROJECT_DIR/docker/Dockerfile" --dockerfile "$PROJECT_DIR/docker/cli.Dockerfile" --own-image "${DOCKWRIGHT_TEST_IMAGE:-localhost/dockwright:image-test}")
# shellcheck disable=SC2054  # --services takes a comma list
[[ " ${PARTS[*]} " == *" dev "* ]] && plan_args+=(--compose "$PROJECT_DIR/docker-compose.yml" --services web,db,redis)
# shellcheck disable=SC2054
[[ " ${PARTS[*]} " == *" prod "* ]] && plan_args+=(--compose "$PROJECT_DIR/docker-compose.prod.yml" --services edge,web,migrate,db,redis,broker,worker)
image=${DOCKWRIGHT_TEST_IMAGE:-localhost/dockwright:image-test}
mapfile -t plan < <(REGISTRY=${image%/*} TAG=${image##*:} "$PY" "$IMAGE_TEST_DIR/standin_plan.py" "${plan_args[@]}")
[ "${#plan[@]}" -gt 0 ] || die "no base images planned (see the standin_plan.py error above)"
bash "$IMAGE_TEST_DIR/standins.sh" "${plan[@]}"
say "stand-ins ready after $((SECONDS - started)) s"

# ---- the parts ---------------------------------------------------------------------------------------------------
passed=0
failed=0
summaries=()
run_part() {
  local part=$1 part_started=$SECONDS log
  log=$(mktemp)
  shift
  say "=== $part"
  set +e
  "$@" 2>&1 | tee "$log"
  set -e
  local line
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1)
  rm -f "$log"
  if [ -z "$line" ]; then
    line="0 passed, 1 failed"
    say "$part ended without a summary line: counted as one failure"
  fi
  passed=$((passed + ${line%% passed*}))
  failed=$((failed + $(echo "$line" | sed -E 's/.*, ([0-9]+) failed/\1/')))
  summaries+=("$part: $line in $((SECONDS - part_started)) s")
}
# The prod stack runs the image built from this tree in this run, never one left over from an earlier run.
image_built=false
for part in "${PARTS[@]}"; do
  case $part in
    image)
      run_part image bash "$IMAGE_TEST_DIR/image-test.sh"
      image_built=true
      ;;
    cli) run_part "CLI image" bash "$IMAGE_TEST_DIR/cli-test.sh" ;;
    dev) run_part "dev stack" bash "$IMAGE_TEST_DIR/stack-test.sh" dev ;;
    prod | kube)
      if [ "$image_built" != true ]; then
        IMAGE_TEST_ONLY_BUILD=1 run_part "build $image" bash "$IMAGE_TEST_DIR/image-test.sh"
        image_built=true
      fi
      if ! podman image exists "$image"; then
        failed=$((failed + 1))
        summaries+=("$part: not run, $image did not build")
      elif [ "$part" = prod ]; then
        run_part "prod stack" bash "$IMAGE_TEST_DIR/stack-test.sh" prod
      else
        run_part "kubernetes manifests" bash "$IMAGE_TEST_DIR/kube-test.sh"
      fi
      ;;
    *) die "unknown part $part (all, image, cli, dev, prod, kube)" ;;
  esac
done

for summary in "${summaries[@]}"; do say "$summary"; done
say "image-test took $((SECONDS - started)) s"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
