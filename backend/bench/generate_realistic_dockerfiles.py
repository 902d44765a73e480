"""Write the realistic multi-stage Dockerfiles in tests/fixtures/dockerfiles/realistic/ (a dev tool).

Each file combines a language's build stage with a Debian or Alpine runtime, with or without heredocs, in
three variants from careful to sloppy, so that hadolint_diff.py and dockerfile_bench.py have a corpus that
resembles real projects. Run: .venv/bin/python backend/bench/generate_realistic_dockerfiles.py
"""

from __future__ import annotations

import itertools
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "dockerfiles" / "realistic"

BUILDERS = {
    "python": (
        "python:3.12-slim",
        "python:3.12-alpine",
        [
            "pip install --no-cache-dir -r requirements.txt",
            "pip install --no-cache-dir gunicorn==22.0.0",
            "pip install flask requests",
        ],
        "COPY requirements.txt ./",
        "/app",
        "python -m compileall .",
    ),
    "node": (
        "node:22-bookworm-slim",
        "node:22-alpine",
        ["npm ci", "npm install -g typescript@5.4.5", "npm install -g pnpm && yarn install"],
        "COPY package.json package-lock.json ./",
        "/app/dist",
        "npm run build",
    ),
    "go": (
        "golang:1.23-bookworm",
        "golang:1.23-alpine",
        [
            "go mod download",
            "go install github.com/go-delve/delve/cmd/dlv@v1.23.0",
            "go install honnef.co/go/tools/cmd/staticcheck@latest",
        ],
        "COPY go.mod go.sum ./",
        "/out/app",
        "CGO_ENABLED=0 go build -o /out/app ./cmd/app",
    ),
    "java": (
        "maven:3.9-eclipse-temurin-21",
        "maven:3.9-eclipse-temurin-21-alpine",
        ["mvn -B dependency:go-offline", "mvn -B -q dependency:resolve", "mvn dependency:go-offline"],
        "COPY pom.xml ./",
        "/app/target/app.jar",
        "mvn -B -DskipTests package",
    ),
    "php": (
        "composer:2.7",
        "composer:2.7",
        ["composer install --no-dev --no-scripts", "composer install --no-dev --prefer-dist", "composer install"],
        "COPY composer.json composer.lock ./",
        "/app/vendor",
        "composer dump-autoload -o",
    ),
    "ruby": (
        "ruby:3.3-slim",
        "ruby:3.3-alpine",
        ["bundle install --jobs 4", "gem install bundler:2.5.16 && bundle install", "gem install bundler rake"],
        "COPY Gemfile Gemfile.lock ./",
        "/usr/local/bundle",
        "bundle exec rake assets:precompile",
    ),
    "rust": (
        "rust:1.81-slim-bookworm",
        "rust:1.81-alpine",
        ["cargo fetch", "cargo install cargo-chef --locked --version 0.1.68", "cargo install cargo-chef"],
        "COPY Cargo.toml Cargo.lock ./",
        "/app/target/release/app",
        "cargo build --release",
    ),
    "alpine-tool": (
        "alpine:3.20",
        "alpine:3.20",
        [
            "apk add --no-cache build-base=0.5-r3",
            "apk add --no-cache curl=8.9.1-r2 git=2.45.2-r0",
            "apk update && apk add curl git",
        ],
        "COPY src/ ./src/",
        "/app/bin/tool",
        "make -C src",
    ),
    "debian-tool": (
        "debian:12-slim",
        "debian:12-slim",
        [
            "apt-get update && apt-get install -y --no-install-recommends build-essential=12.9 "
            "&& rm -rf /var/lib/apt/lists/*",
            "apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u7 "
            "ca-certificates=20230311 && rm -rf /var/lib/apt/lists/*",
            "apt-get update && apt-get install -y curl wget",
        ],
        "COPY src/ ./src/",
        "/app/bin/tool",
        "make -C src",
    ),
}
RUNTIMES = {
    "debian": (
        "debian:12-slim",
        [
            "apt-get update && apt-get install -y --no-install-recommends ca-certificates=20230311 "
            "&& rm -rf /var/lib/apt/lists/*",
            "apt-get update && apt-get install -y --no-install-recommends tini=0.19.0-1 && rm -rf /var/lib/apt/lists/*",
            "apt update && apt install -y curl",
        ],
    ),
    "alpine": (
        "alpine:3.20",
        [
            "apk add --no-cache ca-certificates=20240705-r0",
            "apk add --no-cache tini=0.19.0-r3",
            "apk add curl && wget -O /tmp/x https://example.com/x",
        ],
    ),
}


def dockerfile(language: str, runtime: str, heredoc: bool, variant: int) -> str:
    debian_image, alpine_image, installs, manifest, artifact, build = BUILDERS[language]
    builder = alpine_image if runtime == "alpine" else debian_image
    run_image, runtime_installs = RUNTIMES[runtime]
    careful = variant == 0
    lines = ["# syntax=docker/dockerfile:1.7"] if careful else []
    lines += [f"ARG BUILDER_IMAGE={builder}", "", "FROM ${BUILDER_IMAGE} AS build"]
    if careful:
        lines.append(
            'SHELL ["/bin/sh", "-eu", "-c"]' if runtime == "alpine" else 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]'
        )
    lines += ["WORKDIR /app" if variant != 2 else "", manifest]
    if heredoc:
        mount = "--mount=type=cache,target=/root/.cache " if variant == 1 else ""
        lines += [f"RUN {mount}<<EOF", "set -e", installs[variant], 'echo "dependencies ready"', "EOF"]
    elif variant == 1:
        lines += ["RUN --mount=type=cache,target=/root/.cache \\", f"    {installs[variant]}"]
    else:
        lines.append(f"RUN {installs[variant]}")
    lines += ["COPY . .", f"RUN {build}"]
    if variant == 2:
        lines += [
            "RUN curl -fsSL https://example.com/tool.tgz | tar -xz -C /usr/local/bin",
            "RUN echo $BUILD_NUMBER > /app/build.txt",
        ]
    lines += ["", f"FROM {run_image}" + (" AS Runtime" if variant == 2 else "")]
    lines.append('LABEL org.opencontainers.image.source="https://github.com/acme/app"')
    if variant == 2:
        lines.append("LABEL maintainer ops@example.com")
    lines.append(f"RUN {runtime_installs[variant]}")
    user_setup = (
        "addgroup -S app && adduser -S -G app app" if runtime == "alpine" else "useradd --create-home --uid 10001 app"
    )
    if heredoc and variant != 2:
        lines += ["RUN <<EOF", user_setup, "mkdir -p /srv/app", "EOF"]
    else:
        lines.append(f"RUN {user_setup}")
    destination = "/srv/app/" if variant != 2 else "srv/"
    lines.append(f"COPY --from=build {artifact} {destination}")
    lines.append("WORKDIR /srv/app")
    if variant != 2:
        lines += [
            "USER 10001" if runtime == "debian" else "USER app",
            "EXPOSE 8080",
            'HEALTHCHECK CMD ["/srv/app/healthcheck"]',
            'ENTRYPOINT ["/srv/app/start"]',
        ]
    else:
        lines += ["EXPOSE 8080/TCP", "CMD /srv/app/start --port 8080"]
    return "\n".join(lines) + "\n"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    count = 0
    for language, runtime, heredoc, variant in itertools.product(BUILDERS, RUNTIMES, (False, True), range(3)):
        name = f"{language}-{runtime}-{'heredoc-' if heredoc else ''}v{variant}.Dockerfile"
        (OUT / name).write_text(dockerfile(language, runtime, heredoc, variant), encoding="utf-8")
        count += 1
    print(f"wrote {count} Dockerfiles to {OUT}")


if __name__ == "__main__":
    main()
