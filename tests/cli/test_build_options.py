"""`dockwright lint --build-arg NAME=VALUE --target STAGE`, as `docker build` takes them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dockwright.cli import main

DOCKERFILE = """\
ARG NGINX_TAG=1.27
FROM nginx:${NGINX_TAG} AS web
USER 101
FROM web AS debug
USER root
"""


def findings(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[tuple[str, int]], str]:
    code = main(["lint", "--no-shellcheck", "--no-cache", "--format", "json", *argv])
    captured = capsys.readouterr()
    rows = json.loads(captured.out) if captured.out.strip() else []
    return code, [(row["rule"], row["line"]) for row in rows if row["rule"] in ("DF003", "DF005")], captured.err


@pytest.fixture
def dockerfile(tmp_path: Path) -> Path:
    path = tmp_path / "Dockerfile"
    path.write_text(DOCKERFILE)
    return path


def test_without_options_the_last_stage_is_the_image(dockerfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert findings([str(dockerfile)], capsys)[1] == [("DF005", 5)]


def test_build_args_and_target_change_what_is_reported(dockerfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, found, _ = findings(["--build-arg", "NGINX_TAG=latest", "--target", "web", str(dockerfile)], capsys)
    assert (code, found) == (1, [("DF003", 2)])


def test_a_bare_build_arg_takes_the_environments_value(
    dockerfile: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NGINX_TAG", "latest")
    assert findings(["--build-arg", "NGINX_TAG", "--target", "web", str(dockerfile)], capsys)[1] == [("DF003", 2)]
    monkeypatch.delenv("NGINX_TAG")
    assert findings(["--build-arg", "NGINX_TAG", "--target", "web", str(dockerfile)], capsys)[1] == []


def test_the_last_build_arg_of_a_name_wins(dockerfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--build-arg", "NGINX_TAG=latest", "--build-arg", "NGINX_TAG=1.27", "--target", "web", str(dockerfile)]
    assert findings(argv, capsys)[1] == []


def test_a_missing_target_stage_is_an_error(dockerfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = findings(["--target", "release", str(dockerfile)], capsys)
    assert code == 2
    assert "target stage 'release' not found" in err


def test_a_malformed_build_arg_is_a_usage_error(dockerfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = findings(["--build-arg", "=latest", str(dockerfile)], capsys)
    assert code == 2
    assert "expected NAME=VALUE" in err


def test_fixing_keeps_the_build_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # After a fix the file is linted again with the same target: the debug stage's root user is not reported.
    path = tmp_path / "Dockerfile"
    path.write_text("FROM nginx:1.27 AS web\nUSER 101\nRUN apt-get install curl\nFROM web AS debug\nUSER root\n")
    _, found, _ = findings(["--fix", "--target", "web", str(path)], capsys)
    assert "apt-get install --no-install-recommends -y curl" in path.read_text()
    assert found == []
