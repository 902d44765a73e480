"""A project that used dclint keeps its `.dclintrc`, its comments and its rule names."""

from __future__ import annotations

from pathlib import Path

import pytest

from dockwright.cli import main

COMPOSE = "version: '3'\nservices:\n  web:\n    ports:\n      - 8080:80\n    image: nginx:1.29.3\n    restart: always\n"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["lint", "--no-shellcheck", "--no-cache", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "docker-compose.yml").write_text(COMPOSE)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def rules(out: str) -> set[str]:
    return {line.split()[2] for line in out.splitlines() if line.count(":") >= 3 and " DC" in line}


def test_a_dclintrc_in_the_folder_is_read(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, before, _ = run(["docker-compose.yml"], capsys)
    (project / ".dclintrc").write_text('{"rules": {"no-version-field": 0}}')
    _, after, _ = run(["docker-compose.yml"], capsys)
    assert "DC011" in rules(before) and "DC011" not in rules(after)
    assert {"DC016", "DC020"} <= rules(after)  # dclint's style rules are on with a .dclintrc


def test_a_named_dclintrc_and_its_options(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "lint.dclintrc.json").write_text('{"rules": {"require-quotes-in-ports": [2, {"quoteType": "double"}]}}')
    (project / ".dclintrc.json").write_text((project / "lint.dclintrc.json").read_text())
    _, out, _ = run(["--config", ".dclintrc.json", "docker-compose.yml"], capsys)
    assert "error DC016" in out
    (project / "docker-compose.yml").write_text(COMPOSE.replace("8080:80", "'8080:80'"))
    _, out, _ = run(["--config", ".dclintrc.json", "docker-compose.yml"], capsys)
    assert "is not in double quotes" in out  # quoteType: double


def test_exclude_skips_paths_in_folder_searches(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "vendor").mkdir()
    (project / "vendor" / "compose.yaml").write_text(COMPOSE)
    (project / ".dclintrc").write_text('{"exclude": ["vendor"]}')
    _, out, _ = run(["."], capsys)
    assert "vendor" not in out
    _, out, _ = run(["vendor/compose.yaml"], capsys)  # a file named on the command line is linted
    assert "vendor/compose.yaml" in out


def test_dclint_names_work_with_ignore(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["--ignore", "no-version-field", "docker-compose.yml"], capsys)
    assert "DC011" not in rules(out)


def test_hadolint_and_dclint_configs_are_read_together(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "Dockerfile").write_text("FROM python:latest\nUSER 1000\n")
    (project / ".hadolint.yaml").write_text("ignored: [DL3007]\n")
    (project / ".dclintrc").write_text('{"rules": {"no-version-field": 0}}')
    _, out, _ = run(["Dockerfile", "docker-compose.yml"], capsys)
    assert "DF003" not in out and "DC011" not in out


def test_an_own_config_wins_over_both(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / ".dclintrc").write_text('{"rules": {"no-version-field": 0}}')
    (project / ".dockwright.yaml").write_text("ignore: [no-unbound-port-interfaces]\n")
    _, out, _ = run(["docker-compose.yml"], capsys)
    assert "DC011" in rules(out) and "DC014" not in rules(out)


def test_the_style_profile_is_switched_on_from_the_command_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, off, _ = run(["docker-compose.yml"], capsys)
    _, on, _ = run(["--enable", "style", "docker-compose.yml"], capsys)
    assert not {"DC016", "DC020"} & rules(off)
    assert {"DC016", "DC020"} <= rules(on)
