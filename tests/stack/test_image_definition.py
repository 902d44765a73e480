"""What the Dockerfile, .dockerignore and the compose files promise, read from the files themselves.

No Docker engine runs here, so these pin down the properties the image and the stacks must keep; the
image tests (tests/image, podman) build and run it where an engine exists.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.stack.stack_support import REPO

pytestmark = pytest.mark.stack

DOCKERFILE = (REPO / "docker" / "Dockerfile").read_text()


def compose(name: str) -> dict[str, Any]:
    return YAML(typ="safe").load((REPO / name).read_text())


def instructions(keyword: str) -> list[str]:
    joined = re.sub(r"\\\n", " ", DOCKERFILE)
    return [line.strip() for line in joined.splitlines() if line.strip().upper().startswith(keyword + " ")]


def test_the_stages_are_node_build_python_builder_dev_and_runtime_last() -> None:
    stages = [line.split()[-1] for line in instructions("FROM")]
    assert stages == ["frontend", "python-base", "builder", "dev", "runtime"]
    images = [line.split()[1] for line in instructions("FROM") if ":" in line.split()[1]]
    # Both pinned to a full release on Debian 12 (test_dockerfile_node_version checks Node against the lockfile).
    assert len(images) == 2
    assert re.fullmatch(r"node:\d+\.\d+\.\d+-bookworm-slim", images[0]), images[0]
    assert re.fullmatch(r"python:3\.11\.\d+-slim-bookworm", images[1]), images[1]


def test_nothing_buildah_1_28_cannot_build() -> None:
    code = "\n".join(line for line in DOCKERFILE.splitlines() if not line.lstrip().startswith("#"))
    assert "<<" not in code, "no heredocs"
    assert "--link" not in code
    assert "--chmod" not in code
    assert "@sha256:" not in code


def test_dependencies_install_from_the_hashed_lock_and_the_lock_has_hashes() -> None:
    assert "pip install --no-cache-dir --require-hashes -r requirements.lock" in DOCKERFILE
    lock = (REPO / "docker" / "requirements.lock").read_text()
    pinned = re.findall(r"^([a-z0-9_.-]+)==\S+ \\$", lock, re.MULTILINE)
    assert {"django", "gunicorn", "psycopg2-binary", "setuptools"} <= set(pinned)
    for block in re.split(r"\n(?=[a-z0-9])", lock.split("\n\n", 1)[1]):
        if "==" in block:
            assert "--hash=sha256:" in block, block.splitlines()[0]


def test_the_runtime_runs_unprivileged_under_tini_with_a_curl_free_healthcheck() -> None:
    runtime = DOCKERFILE.split("AS runtime", 1)[1]
    assert "USER 10001:10001" in runtime
    assert 'ENTRYPOINT ["/usr/bin/tini", "--", "/app/start.sh"]' in runtime
    healthcheck = next(line for line in instructions("HEALTHCHECK") if "CMD" in line)
    assert '"python", "-c"' in healthcheck and "/health" in healthcheck and "curl" not in healthcheck
    assert "NGINX_PORT=8080" in runtime
    for label in ("version", "revision", "source", "created"):
        assert f"org.opencontainers.image.{label}=" in runtime
    # Nothing that compiles code ships in the final image.
    assert not re.search(r"build-essential|gcc|g\+\+|-dev\b", runtime)


def test_the_context_leaves_out_secrets_history_and_local_state() -> None:
    ignored = set((REPO / ".dockerignore").read_text().split())
    assert {".git", ".env", ".env.*", ".venv", "**/node_modules", "**/__pycache__", "backend/data", "tests"} <= ignored


def test_dev_stack_publishes_only_the_app_on_localhost_and_waits_for_healthy_services() -> None:
    dev = compose("docker-compose.yml")
    assert "version" not in dev
    services = dev["services"]
    assert services["web"]["build"]["target"] == "dev"
    assert services["web"]["ports"] == ["127.0.0.1:8000:8000"]
    assert all("ports" not in spec for name, spec in services.items() if name != "web")
    assert {name: cond["condition"] for name, cond in services["web"]["depends_on"].items()} == {
        "db": "service_healthy",
        "redis": "service_healthy",
    }
    for name in ("db", "redis"):
        assert "healthcheck" in services[name]


def test_prod_web_is_replicated_limited_read_only_and_stripped_of_privileges() -> None:
    web = compose("docker-compose.prod.yml")["services"]["web"]
    assert web["image"] == "${REGISTRY:?set REGISTRY in .env}/dockwright:${TAG:?set TAG in .env}"
    assert web["deploy"]["replicas"] == 3
    assert {"limits", "reservations"} <= set(web["deploy"]["resources"])
    assert web["read_only"] is True and web["tmpfs"]
    assert web["cap_drop"] == ["ALL"]
    assert "no-new-privileges:true" in web["security_opt"]
    assert web["logging"]["options"]["max-size"]
    assert "healthcheck" in web and "ports" not in web


def test_prod_images_are_pinned_and_only_the_edge_is_public() -> None:
    services = compose("docker-compose.prod.yml")["services"]
    for name, spec in services.items():
        image = spec["image"]
        assert ":" in image.rsplit("/", 1)[-1] and not image.endswith(":latest"), name
        for port in spec.get("ports", []):
            if name != "edge":
                assert str(port).startswith("127.0.0.1:"), f"{name} publishes {port} beyond localhost"
    assert services["edge"]["ports"] == ["80:80", "443:443"]
    for name in ("elasticsearch", "kibana", "filebeat", "logging-setup"):
        assert services[name]["profiles"] == ["logging"]
    assert services["elasticsearch"]["environment"]["xpack.security.enabled"] == "true"
