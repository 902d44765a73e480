"""`dockwright lint` reads a compose project as `docker compose` does: `-f` files, `--env-file`, the override
file beside the compose file, and the Dockerfiles the services build."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dockwright.cli import main

WEB = "services:\n  web:\n    image: nginx:1.29.3\n    restart: always\n    depends_on: [db]\n"
DB = "services:\n  db:\n    image: postgres:17.2\n    restart: always\n"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["lint", "--no-shellcheck", "--no-cache", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "docker-compose.yml").write_text(WEB)
    (tmp_path / "db.yml").write_text(DB)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_f_files_make_one_project(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, alone, _ = run(["docker-compose.yml"], capsys)
    _, together, _ = run(["-f", "docker-compose.yml", "-f", "db.yml"], capsys)
    assert "DC006" in alone
    assert "DC006" not in together


def test_f_files_are_reported_under_their_own_paths(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "db.yml").write_text(DB.replace("postgres:17.2", "postgres"))
    _, out, _ = run(["-f", "docker-compose.yml", "-f", "db.yml"], capsys)
    assert "db.yml:3:12: warning DC019" in out


def test_f_and_the_same_path_lint_it_once(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "db.yml").write_text(DB.replace("postgres:17.2", "postgres"))
    _, out, _ = run(["-f", "docker-compose.yml", "-f", "db.yml", "db.yml"], capsys)
    assert out.count("DC019") == 1


def test_a_missing_f_file_stops_the_run(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["-f", "docker-compose.yml", "-f", "nope.yml"], capsys)
    assert code == 2
    assert "nope.yml" in err


def test_nothing_to_lint_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([], capsys)
    assert code == 2
    assert "nothing to lint" in err


def test_the_override_beside_the_file_is_merged(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "docker-compose.override.yml").write_text(DB)
    _, out, _ = run(["docker-compose.yml"], capsys)
    assert "DC006" not in out


def test_env_file_replaces_the_dot_env(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "docker-compose.yml").write_text("services:\n  db:\n    image: postgres:${TAG:?set TAG}\n")
    (project / ".env").write_text("OTHER=1\n")
    (project / "prod.env").write_text("TAG=17.2\n")
    _, with_dot_env, _ = run(["docker-compose.yml"], capsys)
    _, with_env_file, _ = run(["--env-file", "prod.env", "docker-compose.yml"], capsys)
    assert "DC005" in with_dot_env
    assert "DC005" not in with_env_file


def test_a_missing_env_file_stops_the_run(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["--env-file", "nope.env", "docker-compose.yml"], capsys)
    assert code == 2
    assert "nope.env" in err


def test_the_built_dockerfile_is_linted_through_the_service(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkdir(project / "app")
    (project / "app" / "Dockerfile").write_text("FROM python:3.13-slim\nUSER 1000\nHEALTHCHECK CMD true\n")
    (project / "docker-compose.yml").write_text("services:\n  app:\n    build: ./app\n    restart: always\n")
    _, out, _ = run(["docker-compose.yml"], capsys)
    assert "DC031" not in out  # the Dockerfile's HEALTHCHECK counts
    (project / "app" / "Dockerfile").write_text("FROM python:latest\nUSER 1000\nHEALTHCHECK CMD true\n")
    _, out, _ = run(["docker-compose.yml"], capsys)
    assert "docker-compose.yml:3:12: warning DC037 app/Dockerfile:1:6: DF003" in out


K8S = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"


def test_a_kubernetes_manifest_named_on_the_command_line_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "deploy.yaml").write_text(K8S)
    code, out, _ = run(["deploy.yaml"], capsys)
    assert code == 2
    assert out.splitlines()[0] == "deploy.yaml:1:1: error DC038 not a Compose file: looks like a Kubernetes Deployment"


def test_a_kubernetes_manifest_found_in_a_folder_is_skipped_with_a_note(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "compose.k8s.yaml").write_text(K8S)
    (project / "docker-compose.override.yml").write_text(DB)
    _, out, err = run(["."], capsys)
    assert "DC038" not in out
    assert "skipped ./compose.k8s.yaml: not a Compose file (looks like a Kubernetes Deployment)" in err
