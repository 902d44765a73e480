#!/usr/bin/env bash
# Regenerate docker/requirements.lock and docker/requirements-cli.lock (exact versions + hashes) from their .in
# files, which pull in backend/requirements.txt and backend/requirements-engine.txt. pip-tools lives in a throwaway
# virtualenv so it never ends up in .venv or the image.
# Run it on the image's platform (Linux x86_64, CPython 3.11) so the hashes match the wheels the image installs.
set -euo pipefail
cd "$(dirname "$0")"

python=${PYTHON:-python3.11}
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT

# Only PyPI: a machine's pip.conf (local wheel dirs, mirrors) must not leak into a lock the image build uses.
export PIP_CONFIG_FILE=/dev/null
unset PIP_FIND_LINKS PIP_EXTRA_INDEX_URL PIP_INDEX_URL PIP_CONSTRAINT

"$python" -m venv "$tools"
"$tools/bin/python" -m pip install --quiet --disable-pip-version-check "pip-tools>=7.4,<8"
# requirements.lock: the server image; requirements-cli.lock: the CLI image (docker/cli.Dockerfile).
for lock in requirements requirements-cli; do
  CUSTOM_COMPILE_COMMAND="docker/lock-requirements.sh" "$tools/bin/pip-compile" \
    --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
    --output-file "$lock.lock" "$lock.in"
  echo "docker/$lock.lock updated"
done
