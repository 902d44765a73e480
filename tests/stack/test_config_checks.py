"""Every config file of the stack passes the checker of the tool that reads it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.stack.stack_support import REPO, START_SH, VENV_BIN, stack_dir, tool

pytestmark = pytest.mark.stack


def run(*command: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env, cwd=REPO)


def test_the_app_nginx_config_rendered_by_start_sh_passes_nginx_t() -> None:
    nginx = tool("nginx", "/usr/sbin/nginx")
    tool("envsubst")
    base = stack_dir()
    (base / "spa").mkdir()
    env = {
        **os.environ,
        "NGINX": nginx,
        "NGINX_RUN_DIR": str(base / "run"),
        "DOCKWRIGHT_SPA_DIR": str(base / "spa"),
        "DJANGO_STATIC_ROOT": str(base / "static"),
        "GUNICORN_BIND": "unix:/tmp/dockwright-gunicorn.sock",
    }
    result = run("bash", str(START_SH), "check", env=env)
    rendered = (base / "run" / "nginx.conf").read_text() if result.returncode == 0 else ""
    shutil.rmtree(base)
    assert result.returncode == 0, result.stderr
    assert "server unix:/tmp/dockwright-gunicorn.sock;" in rendered
    assert "proxy_read_timeout 35s;" in rendered


def test_start_sh_refuses_a_template_variable_it_does_not_define(tmp_path: Path) -> None:
    template = tmp_path / "app.conf"
    template.write_text("events {}\nhttp { server { listen ${NGINX_PORT}; root ${NOT_A_START_SH_VARIABLE}; } }\n")
    env = {**os.environ, "NGINX_TEMPLATE": str(template), "NGINX_RUN_DIR": str(tmp_path / "run")}
    result = run("bash", str(START_SH), "check", env=env)
    assert result.returncode != 0
    assert "${NOT_A_START_SH_VARIABLE}" in result.stderr


def test_start_sh_gives_up_on_an_unreachable_database_with_a_clear_message() -> None:
    env = {
        **os.environ,
        "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}",
        "DATABASE_URL": "postgres://nobody:secret-password@127.0.0.1:9/none",
        "DB_WAIT_TIMEOUT": "2",
    }
    result = run("bash", str(START_SH), "migrate", env=env)
    assert result.returncode == 1
    assert "the database at 127.0.0.1:9 is not reachable after 2s" in result.stderr
    assert "secret-password" not in result.stderr


def test_start_sh_rejects_an_unknown_command() -> None:
    result = run("bash", str(START_SH), "serve-everything")
    assert result.returncode == 2
    assert "unknown command 'serve-everything'" in result.stderr


def test_prometheus_config_passes_promtool() -> None:
    promtool = tool("promtool")
    result = run(promtool, "check", "config", "docker/prometheus.yml")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("compose_file", ["docker-compose.yml", "docker-compose.prod.yml"])
def test_compose_files_validate_against_the_compose_spec(compose_file: str) -> None:
    result = run(str(VENV_BIN / "check-jsonschema"), "--builtin-schema", "vendor.compose-spec", compose_file)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_dockerfile_passes_hadolint_with_nothing_at_warning_or_above() -> None:
    hadolint = str(VENV_BIN / "hadolint")
    result = run(hadolint, "--failure-threshold", "warning", "docker/Dockerfile")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    "script", ["start.sh", "docker/deploy.sh", "docker/backup.sh", "docker/restore.sh", "docker/lock-requirements.sh"]
)
def test_shell_scripts_pass_shellcheck_and_are_executable(script: str) -> None:
    result = run(str(VENV_BIN / "shellcheck"), script)
    assert result.returncode == 0, result.stdout
    assert os.access(REPO / script, os.X_OK), f"{script} is not executable"
