#!/usr/bin/env bash
# Build the CLI image (docker/cli.Dockerfile) on the stand-in base and run it as a user would: on a mounted
# folder, read-only, without a network. Prints its size and start-up time, `N passed, N failed`; exits non-zero
# on any failure. Needs root and the stand-ins (run.sh builds them). Usage: cli-test.sh
set -euo pipefail
# shellcheck source=env.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
configure_podman

IMAGE=${DOCKWRIGHT_CLI_TEST_IMAGE:-localhost/dockwright-cli:image-test}
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT

podman untag "$IMAGE" >/dev/null 2>&1 || true
say "podman build --pull=never --format docker --network host -f docker/cli.Dockerfile -t $IMAGE"
started=$SECONDS
if ! podman build --pull=never --format docker --network host -f "$PROJECT_DIR/docker/cli.Dockerfile" -t "$IMAGE" \
  "$PROJECT_DIR" > "$SCRATCH/build.log" 2>&1; then
  tail -40 "$SCRATCH/build.log" >&2
  check "the CLI image builds" false
  summary
  exit 1
fi
check "the CLI image builds ($((SECONDS - started)) s)" true
size=$(podman image inspect "$IMAGE" --format '{{.Size}}')
say "CLI image $IMAGE: $((size / 1000000)) MB"

# Two projects: one with findings (one of them ShellCheck's), one clean.
mkdir -p "$SCRATCH/bad/svc" "$SCRATCH/good"
printf 'FROM python:latest\nRUN cd /app && echo $name\n' > "$SCRATCH/bad/svc/Dockerfile"
printf 'services:\n  web:\n    image: nginx:latest\n' > "$SCRATCH/bad/compose.yaml"
printf 'FROM python:3.13-slim\nUSER 10001\nHEALTHCHECK CMD ["python", "-c", "print(1)"]\nCMD ["python"]\n' \
  > "$SCRATCH/good/Dockerfile"
chmod -R a+rX "$SCRATCH"

cli() {
  local folder=$1
  shift
  podman run --rm --pull=never --network none --read-only --tmpfs /tmp --cap-drop all \
    -v "$folder:/src:ro" "$IMAGE" "$@"
}
lint_bad() {
  local status=0
  cli "$SCRATCH/bad" lint --format json /src > "$SCRATCH/bad.json" || status=$?
  [ "$status" = 1 ] || { echo "exit $status, expected 1"; return 1; }
  "$PY" - "$SCRATCH/bad.json" <<'PY'
import json, sys
found = {(f["file"], f["rule"]) for f in json.load(open(sys.argv[1]))}
missing = {("/src/svc/Dockerfile", "DF003"), ("/src/svc/Dockerfile", "DF100")} - found
assert not missing, f"missing {missing} in {sorted(found)}"
assert any(path == "/src/compose.yaml" for path, _ in found), sorted(found)
PY
}
check "a folder with findings: exit 1, Dockerfile and compose findings, ShellCheck's included" lint_bad
check "a clean folder: exit 0" cli "$SCRATCH/good"
check "the default command lints /src" sh -c "podman run --rm --pull=never --network none -v '$SCRATCH/good:/src:ro' '$IMAGE' | grep -q 'no findings'"
check "runs as a non-root user" sh -c "[ \"\$(podman image inspect '$IMAGE' --format '{{.Config.User}}')\" = 10001:10001 ]"
check "no Django, no Node.js in the image" \
  podman run --rm --pull=never --network none --entrypoint sh "$IMAGE" -c \
  '! python -c "import django" 2>/dev/null && ! command -v node'
start=$(date +%s%N)
cli "$SCRATCH/good" --version >/dev/null
say "CLI image start-up (podman run --version): $((($(date +%s%N) - start) / 1000000)) ms"
summary
