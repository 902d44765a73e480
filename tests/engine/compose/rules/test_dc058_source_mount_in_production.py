import pytest

from dockwright.lint import lint

DOCKERFILE = (
    'FROM python:3.12-slim\nWORKDIR /srv\nCOPY requirements.txt .\nCOPY app/ ./app/\nCMD ["gunicorn", "app:app"]\n'
)
SERVICE = "services:\n  api:\n    build: .\n"
TRIGGERS = [
    ("compose.prod.yaml", SERVICE + "    volumes:\n      - ./app:/srv/app\n", 5, 9),
    ("compose.yaml", SERVICE + "    environment:\n      NODE_ENV: production\n    volumes:\n      - .:/srv\n", 7, 9),
    ("compose.yaml", SERVICE + "    environment:\n      - DJANGO_DEBUG=0\n    volumes:\n      - ./:/srv/\n", 7, 9),
    (
        "docker-compose.production.yml",
        SERVICE + "    volumes:\n      - type: bind\n        source: ./app\n        target: /srv/app\n",
        5,
        9,
    ),
    ("compose.yaml", SERVICE + "    env_file: prod.env\n    volumes:\n      - .:/srv\n", 6, 9),
]
NEAR_MISSES = [
    ("compose.override.yaml", SERVICE + "    volumes:\n      - ./app:/srv/app\n"),
    ("compose.yaml", SERVICE + "    volumes:\n      - ./app:/srv/app\n"),
    ("compose.prod.yaml", SERVICE + "    volumes:\n      - ./logs:/srv/logs\n"),
    ("compose.prod.yaml", SERVICE + "    volumes:\n      - ./settings.py:/srv/app/settings.py:ro\n"),
    (
        "compose.prod.yaml",
        "services:\n  web:\n    image: nginx:1.27\n    volumes:\n      - ./site:/usr/share/nginx/html:ro\n",
    ),
    ("compose.dev.yaml", SERVICE + "    environment:\n      APP_ENV: production\n    volumes:\n      - .:/srv\n"),
]
FILES = {"Dockerfile": DOCKERFILE, "prod.env": "APP_ENV=production\n"}


def _positions(name: str, text: str) -> list[tuple[int, int]]:
    result = lint(text, kind="compose", filename=name, files=FILES, config={"shellcheck": False})
    return [(f.line, f.column) for f in result.findings if f.rule == "DC058"]


@pytest.mark.parametrize(("name", "text", "line", "column"), TRIGGERS)
def test_triggers(name: str, text: str, line: int, column: int) -> None:
    assert (line, column) in _positions(name, text)


@pytest.mark.parametrize(("name", "text"), NEAR_MISSES)
def test_near_misses(name: str, text: str) -> None:
    assert _positions(name, text) == []


def test_a_production_file_that_adds_settings_is_read_with_its_base_file() -> None:
    files = {**FILES, "docker-compose.yml": "services:\n  api:\n    build: .\n"}
    prod = "services:\n  api:\n    restart: always\n    volumes:\n      - ./app:/srv/app\n"
    result = lint(prod, kind="compose", filename="docker-compose.prod.yml", files=files, config={"shellcheck": False})
    assert [(f.line, f.column) for f in result.findings if f.rule == "DC058"] == [(5, 9)]
