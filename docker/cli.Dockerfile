# syntax=docker/dockerfile:1
# The `dockwright` command alone: the lint engine and ShellCheck, no Django, no Node.js. It lints a mounted
# folder and exits as the CLI does (0 clean, 1 findings, 2 error):
#   podman run --rm -v "$PWD:/src:ro" dockwright-cli lint /src
# Built and run by docker/image-test/run.sh cli.

# ---- 1. The virtualenv: locked dependencies with hashes, then the engine package -------------------------
FROM python:3.11.11-slim-bookworm AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1
WORKDIR /build
RUN python -m venv /opt/dockwright
# Exact versions with hashes (docker/lock-requirements.sh): a tampered or re-uploaded wheel fails the build.
COPY docker/requirements-cli.lock ./
RUN /opt/dockwright/bin/pip install --require-hashes -r requirements-cli.lock
COPY pyproject.toml README.md ./
COPY backend/requirements-engine.txt ./backend/
COPY backend/dockwright/ ./backend/dockwright/
RUN /opt/dockwright/bin/pip install --no-deps --no-build-isolation . \
    && /opt/dockwright/bin/dockwright --version

# ---- 2. Runtime: the virtualenv on a clean base, as a non-root user -------------------------------------------
FROM python:3.11.11-slim-bookworm
ARG VERSION=dev
ARG REVISION=unknown
LABEL org.opencontainers.image.title="dockwright-cli" \
      org.opencontainers.image.description="Lints Dockerfiles and Docker Compose files in a mounted folder." \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.base.name="docker.io/library/python:3.11.11-slim-bookworm"
ENV PATH=/opt/dockwright/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DOCKWRIGHT_CACHE_DIR=/tmp/dockwright-cache
COPY --from=build /opt/dockwright /opt/dockwright
# Any UID works: the command writes only its ShellCheck cache, under /tmp. A numeric one keeps `runAsNonRoot`
# policies satisfied without a passwd entry.
USER 10001:10001
WORKDIR /src
# A one-shot command, not a service: nothing to probe.
HEALTHCHECK NONE
ENTRYPOINT ["dockwright"]
CMD ["lint", "/src"]
