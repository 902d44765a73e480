# shellcheck shell=bash disable=SC2034  # sourced: the variables are used by the scripts that source it
# Sourced by the image-test scripts: private podman storage and settings this machine needs, shared helpers.
# Everything lives in $OCI_DIR (outside the repository, so never in a build context), which doubles as the
# cache of stand-in base images between runs.

OCI_DIR=${DOCKWRIGHT_OCI_DIR:-/var/tmp/dockwright-oci}
IMAGE_TEST_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$IMAGE_TEST_DIR/../.." && pwd)
# The project under test (Dockerfile, compose files, build context): this repository unless told otherwise,
# e.g. a patched copy when trying a change to the Dockerfile without touching the working tree.
PROJECT_DIR=$(cd "${DOCKWRIGHT_PROJECT_DIR:-$REPO}" && pwd)

say() { printf '[image-test %s] %s\n' "$(date +%T)" "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

# The Python that runs the helper scripts (needs the repo's .venv for dockwright's parser and ruamel.yaml).
PY=${PYTHON:-$REPO/.venv/bin/python}

# Podman's storage and engine settings, private to this test.
configure_podman() {
  mkdir -p "$OCI_DIR/conf" "$OCI_DIR/empty" "$OCI_DIR/downloads"
  local nofile pidmax nproc
  nofile=$(ulimit -Hn)
  pidmax=$(cat /proc/sys/kernel/pid_max)
  nproc=$(ulimit -Hu)
  if [ "$nproc" = unlimited ] || [ "$nproc" -gt "$pidmax" ]; then nproc=$pidmax; fi
  if [ "$nofile" = unlimited ]; then nofile=1048576; fi
  cat > "$OCI_DIR/conf/storage.conf" <<CONF
[storage]
driver = "overlay"
graphroot = "$OCI_DIR/storage"
runroot = "$OCI_DIR/run"
CONF
  cat > "$OCI_DIR/conf/containers.conf" <<CONF
[containers]
# No CAP_SYS_RESOURCE on these machines: podman's default rlimits (nofile=1048576) cannot be set.
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]
[engine]
# crun 1.8 refuses a hybrid cgroup v1/v2 layout ("cgroups in hybrid mode not supported").
runtime = "runc"
# Podman's state and lock directory, private too: with the default /run/libpod, a reset of another storage
# (e.g. a throwaway DOCKWRIGHT_OCI_DIR) makes this one "refresh" its state.
tmp_dir = "$OCI_DIR/run/libpod"
CONF
  export CONTAINERS_STORAGE_CONF=$OCI_DIR/conf/storage.conf CONTAINERS_CONF=$OCI_DIR/conf/containers.conf
  # The docker format keeps HEALTHCHECK (the OCI format silently drops it); podman-compose builds honour it too.
  export BUILDAH_FORMAT=docker
}

# Counters and the check helper shared by the test scripts.
PASSED=0
FAILED=0
FAILURES=()
check() {
  local what=$1
  shift
  if "$@"; then
    PASSED=$((PASSED + 1))
    say "ok   $what"
  else
    FAILED=$((FAILED + 1))
    FAILURES+=("$what")
    say "FAIL $what"
  fi
}
summary() {
  local f
  for f in "${FAILURES[@]}"; do say "failed: $f"; done
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" = 0 ]
}

# Wait until a URL answers 2xx (curl -f), up to $2 seconds.
wait_for_url() {
  local url=$1 timeout=${2:-60} start=$SECONDS
  while [ $((SECONDS - start)) -lt "$timeout" ]; do
    curl -fsS -m 3 -o /dev/null "$url" 2>/dev/null && return 0
    sleep 1
  done
  return 1
}

# A free TCP port on 127.0.0.1 (the kernel picks it).
free_port() {
  "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
