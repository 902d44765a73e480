"""Override files and explicit `-f` lists: the linted file is judged as part of the project Compose runs.

Files are written to a temporary folder and read the way the CLI reads them (RelativeFiles, on demand);
a few cases pass a dict or a Bundle, as an API caller would.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from dockwright.cli.sources import RelativeFiles
from dockwright.compose.bundle import Bundle, Subfolder, compose_files
from dockwright.compose.merge import merge
from dockwright.compose.parser import parse_compose
from dockwright.findings import Finding
from dockwright.lint import lint

CONFIG = {"today": "2026-11-28", "shellcheck": False}
WEB = "services:\n  web:\n    image: nginx:1.29.3\n    restart: always\n    depends_on: [db]\n"
DB = "services:\n  db:\n    image: postgres:17.2\n    restart: always\n"


def lint_in(folder: Path, files: Mapping[str, str], target: str) -> list[Finding]:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    path = folder / target
    return lint(path.read_text(), filename=target, config=CONFIG, files=RelativeFiles(folder)).findings


def positions(findings: list[Finding], rule: str) -> list[tuple[int, int]]:
    return [(f.line, f.column) for f in findings if f.rule == rule]


@pytest.mark.parametrize(
    ("base", "override"),
    [
        ("compose.yaml", "compose.override.yaml"),
        ("docker-compose.yml", "docker-compose.override.yml"),
        ("compose.yml", "docker-compose.override.yaml"),  # Compose takes any override name with any base
    ],
)
def test_a_service_of_the_override_file_is_defined(tmp_path: Path, base: str, override: str) -> None:
    findings = lint_in(tmp_path, {base: WEB, override: DB}, base)
    assert positions(findings, "DC006") == []


def test_without_the_override_file_the_service_is_undefined(tmp_path: Path) -> None:
    assert positions(lint_in(tmp_path, {"compose.yaml": WEB}, "compose.yaml"), "DC006") == [(5, 18)]


def test_a_file_with_another_name_gets_no_override(tmp_path: Path) -> None:
    # `docker compose -f docker-compose.prod.yml` reads that file alone.
    files = {"docker-compose.prod.yml": WEB, "docker-compose.override.yml": DB}
    assert positions(lint_in(tmp_path, files, "docker-compose.prod.yml"), "DC006") == [(5, 18)]


def test_the_override_file_is_judged_over_its_base(tmp_path: Path) -> None:
    override = "services:\n  web:\n    depends_on: [cache]\n  cache:\n    image: redis:7.4.1\n"
    findings = lint_in(
        tmp_path, {"compose.yaml": WEB + DB[9:], "compose.override.yaml": override}, "compose.override.yaml"
    )
    assert positions(findings, "DC006") == []
    # `web` is first defined in compose.yaml: whole-service findings about it belong there, while `cache`
    # (line 4) is the override's own.
    assert positions(findings, "DC033") == [(4, 3)]
    assert positions(findings, "DC030") == [(4, 3)]


def test_an_explicit_file_list_replaces_the_names(tmp_path: Path) -> None:
    files = {"compose.yaml": WEB, "compose.override.yaml": "services: {}\n", "db.yaml": DB}
    bundle = Bundle(RelativeFiles(tmp_path), compose_files=["compose.yaml", "db.yaml"])
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    findings = lint(WEB, filename="compose.yaml", config=CONFIG, files=bundle.for_file("compose.yaml")).findings
    assert positions(findings, "DC006") == []
    assert compose_files(bundle.for_file("db.yaml"), "db.yaml") == ["compose.yaml", "db.yaml"]


def test_findings_stay_in_the_file_that_writes_the_item(tmp_path: Path) -> None:
    base = "services:\n  a:\n    image: nginx:1.29.3\n    container_name: shop\n    ports: ['127.0.0.1:8080:80']\n"
    override = "services:\n  b:\n    image: nginx:1.29.3\n    container_name: shop\n    ports: ['127.0.0.1:8080:80']\n"
    files = {"compose.yaml": base, "compose.override.yaml": override}
    in_base = lint_in(tmp_path, files, "compose.yaml")
    in_override = lint_in(tmp_path, files, "compose.override.yaml")
    assert positions(in_base, "DC010") == [] and positions(in_base, "DC009") == []
    assert positions(in_override, "DC010") == [(4, 21)]
    assert positions(in_override, "DC009") == [(5, 13)]


def test_an_override_that_replaces_a_port_is_no_duplicate(tmp_path: Path) -> None:
    base = "services:\n  a:\n    image: nginx:1.29.3\n    ports: ['127.0.0.1:8080:80']\n"
    override = "services:\n  a:\n    ports: ['127.0.0.1:8080:80']\n"
    files = {"compose.yaml": base, "compose.override.yaml": override}
    assert positions(lint_in(tmp_path, files, "compose.override.yaml"), "DC009") == []


def test_a_health_condition_added_by_the_override_counts(tmp_path: Path) -> None:
    base = WEB + "  db:\n    image: postgres:17.2\n    healthcheck:\n      test: [CMD, pg_isready]\n"
    override = "services:\n  web:\n    depends_on:\n      db:\n        condition: service_healthy\n"
    files = {"compose.yaml": base, "compose.override.yaml": override}
    assert positions(lint_in(tmp_path, files, "compose.yaml"), "DC032") == []
    assert positions(lint_in(tmp_path / "alone", {"compose.yaml": base}, "compose.yaml"), "DC032") == [(5, 18)]


# --- Dockerfiles the services build, read from disk on demand ------------------------------------------

APP = "services:\n  app:\n    build: ./app\n    restart: always\n"


def test_the_built_dockerfile_is_read_from_disk(tmp_path: Path) -> None:
    files = {"compose.yaml": APP, "app/Dockerfile": "FROM python:latest\nUSER 1000\n"}
    findings = lint_in(tmp_path, files, "compose.yaml")
    assert [f.message.split(":")[0] for f in findings if f.rule == "DC037"] == ["app/Dockerfile"]
    assert positions(findings, "DC031") == [(2, 3)]


def test_a_dockerfile_healthcheck_counts_for_the_service(tmp_path: Path) -> None:
    dockerfile = "FROM python:3.13-slim\nUSER 1000\nHEALTHCHECK CMD python -c 'print(1)'\n"
    findings = lint_in(tmp_path, {"compose.yaml": APP, "app/Dockerfile": dockerfile}, "compose.yaml")
    assert positions(findings, "DC031") == []


def test_a_build_context_from_an_unset_variable_is_not_guessed(tmp_path: Path) -> None:
    compose = "services:\n  app:\n    build: ${APP_DIR}\n    restart: always\n"
    findings = lint_in(tmp_path, {"compose.yaml": compose, "Dockerfile": "FROM python:latest\n"}, "compose.yaml")
    assert positions(findings, "DC037") == []


def test_a_build_context_sees_its_own_files() -> None:
    files = {"app/Dockerfile": "FROM x\n", "app/.dockerignore": "*.pyc\n", "other.txt": ""}
    view = Subfolder(files, "app", hidden="app/Dockerfile")
    assert dict(view) == {".dockerignore": "*.pyc\n"}
    assert view.get("Dockerfile") is None


# --- .env and --env-file -------------------------------------------------------------------------------


def test_env_files_of_a_bundle_replace_the_dot_env() -> None:
    text = "services:\n  db:\n    image: postgres:${TAG:?set TAG}\n"
    files = {".env": "OTHER=1\n", "prod.env": "TAG=17.2\n"}
    with_dot_env = lint(text, filename="compose.yaml", config=CONFIG, files=files).findings
    with_env_file = lint(text, filename="compose.yaml", config=CONFIG, files=Bundle(files, env_files=["prod.env"]))
    assert positions(with_dot_env, "DC005") == [(3, 21)]
    assert positions(with_env_file.findings, "DC005") == []


# --- the merge rules -----------------------------------------------------------------------------------


def merged(base: str, override: str) -> object:
    from dockwright.compose.nodes import to_data

    service = merge(parse_compose(base).root, parse_compose(override).root)
    return to_data(service)


@pytest.mark.parametrize(
    ("base", "override", "expected"),
    [
        ("image: a:1", "image: b:2", {"image": "b:2"}),
        ("command: [a, b]", "command: [c]", {"command": ["c"]}),
        ("healthcheck: {test: [CMD, a], interval: 5s}", "healthcheck: {test: [CMD, b]}",
         {"healthcheck": {"test": ["CMD", "b"], "interval": "5s"}}),
        ("environment: {A: '1', B: '2'}", "environment: [A=3, C=4]", {"environment": {"A": "3", "B": "2", "C": "4"}}),
        ("labels: [a=1]", "labels: {b: '2'}", {"labels": {"a": "1", "b": "2"}}),
        ("ports: ['8080:80', '9090:90']", "ports: ['8080:80', '7070:70']",
         {"ports": ["8080:80", "9090:90", "7070:70"]}),
        ("volumes: ['./a:/data', 'logs:/logs']", "volumes: ['./b:/data']", {"volumes": ["./b:/data", "logs:/logs"]}),
        ("depends_on: [db]", "depends_on: {cache: {condition: service_started}}",
         {"depends_on": {"db": {}, "cache": {"condition": "service_started"}}}),
        ("logging: {driver: syslog, options: {a: '1'}}", "logging: {driver: json-file}",
         {"logging": {"driver": "json-file"}}),
        ("logging: {driver: syslog, options: {a: '1'}}", "logging: {options: {b: '2'}}",
         {"logging": {"driver": "syslog", "options": {"a": "1", "b": "2"}}}),
        ("build: ./app", "build: {dockerfile: Dockerfile.dev}",
         {"build": {"context": "./app", "dockerfile": "Dockerfile.dev"}}),
        ("dns: 8.8.8.8", "dns: [8.8.8.8, 1.1.1.1]", {"dns": ["8.8.8.8", "1.1.1.1"]}),
        ("cap_add: [NET_ADMIN]", "cap_add: [NET_ADMIN, SYS_TIME]", {"cap_add": ["NET_ADMIN", "SYS_TIME"]}),
        ("ports: ['8080:80']", "ports: !override ['9090:80']", {"ports": ["9090:80"]}),
        ("ports: ['8080:80']\nimage: a:1", "ports: !reset []", {"image": "a:1"}),
        ("secrets: [token]", "secrets: [{source: token, target: /run/secrets/token, mode: 0o400}]",
         {"secrets": [{"source": "token", "target": "/run/secrets/token", "mode": 256}]}),
    ],
)  # fmt: skip
def test_files_merge_as_compose_merges_them(base: str, override: str, expected: object) -> None:
    assert merged(base, override) == expected
