""".env.example documents every variable the settings, the compose files and start.sh read."""

from __future__ import annotations

import re

import pytest

from tests.stack.stack_support import REPO

pytestmark = pytest.mark.stack

DOCUMENTED = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", (REPO / ".env.example").read_text(), re.MULTILINE))


def test_every_setting_django_reads_is_documented() -> None:
    settings = (REPO / "backend" / "server" / "settings.py").read_text()
    read = set(re.findall(r'env_\w+\(\s*"([A-Z][A-Z0-9_]+)"', settings))
    assert read, "no env_*() calls found in settings.py"
    assert read - DOCUMENTED == set()


@pytest.mark.parametrize("compose_file", ["docker-compose.yml", "docker-compose.prod.yml"])
def test_every_variable_a_compose_file_interpolates_is_documented(compose_file: str) -> None:
    text = (REPO / compose_file).read_text()
    used = set(re.findall(r"(?<!\$)\$\{([A-Z][A-Z0-9_]+)", text))
    assert used - DOCUMENTED == set()


def test_every_variable_start_sh_and_gunicorn_read_is_documented() -> None:
    start = (REPO / "start.sh").read_text()
    gunicorn = (REPO / "docker" / "gunicorn.conf.py").read_text()
    read = set(re.findall(r"^(?:export )?([A-Z][A-Z0-9_]+)=\$\{\1:-", start, re.MULTILINE))
    read |= set(re.findall(r'os\.environ\.get\("([A-Z][A-Z0-9_]+)"', gunicorn))
    internal = {"APP_HOME", "PYTHON", "GUNICORN", "NGINX", "NGINX_TEMPLATE", "NGINX_SNIPPETS_DIR", "GUNICORN_CONFIG"}
    assert read - internal - DOCUMENTED == set()
