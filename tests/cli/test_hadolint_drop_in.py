"""hadolint's environment variables and config file through `dockwright lint`, combined in hadolint's order:
the environment, then the config file, then the command line (app/Main.hs); lists add up, other settings are
overridden by the later source."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dockwright.cli import main
from dockwright.cli.hadolint_env import hadolint_environment
from dockwright.workspace.hadolint_config import HadolintSettings

# DF003 (DL3007) on line 1, DF052 (DL3013) on line 3 unless the pragma counts, DF060 for an untrusted registry.
DOCKERFILE = """\
FROM python:latest
# hadolint ignore=DL3013
RUN pip install --no-cache-dir flask
USER 1000
"""


@pytest.fixture(autouse=True)
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in list(os.environ):
        if name.startswith("HADOLINT_") or name == "NO_COLOR":
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "Dockerfile").write_text(DOCKERFILE)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, tuple[str, int]], str, str]:
    code = main(["lint", "--no-shellcheck", "--no-cache", *argv, "Dockerfile"])
    captured = capsys.readouterr()
    rules: dict[str, tuple[str, int]] = {}
    if captured.out.startswith("["):
        rules = {row["rule"]: (row["severity"], row["line"]) for row in json.loads(captured.out)}
    return code, rules, captured.out, captured.err


ENVIRONMENT_CASES = [
    # (variables, what they give)
    ({}, HadolintSettings()),
    ({"HADOLINT_NOFAIL": "yes"}, HadolintSettings({}, no_fail=True)),
    ({"HADOLINT_NOFAIL": "0"}, HadolintSettings({}, no_fail=False)),
    ({"HADOLINT_VERBOSE": "ON"}, HadolintSettings({}, verbose=True)),
    ({"NO_COLOR": ""}, HadolintSettings()),
    ({"HADOLINT_FORMAT": "json,gitlab_codeclimate"}, HadolintSettings({}, output_format="gitlab")),
    ({"HADOLINT_IGNORE": "DL3007, SC2086"}, HadolintSettings({"ignore": ["DF003", "SC2086"]})),
    ({"HADOLINT_OVERRIDE_ERROR": "DL3013"}, HadolintSettings({"severity": {"DF052": "error"}})),
    ({"HADOLINT_OVERRIDE_STYLE": "DL3007"}, HadolintSettings({"severity": {"DF003": "style"}})),
    (
        {"HADOLINT_TRUSTED_REGISTRIES": "ghcr.io,registry.example:5000"},
        HadolintSettings({"trusted_registries": ["ghcr.io", "registry.example:5000"]}),
    ),
    (
        {"HADOLINT_REQUIRE_LABELS": "version:semver,maintainer:email"},
        HadolintSettings({"label_schema": {"version": "semver", "maintainer": "email"}}),
    ),
    ({"HADOLINT_STRICT_LABELS": "true"}, HadolintSettings({"strict_labels": True})),
    ({"HADOLINT_DISABLE_IGNORE_PRAGMA": "1"}, HadolintSettings({"disable_ignore_pragma": True})),
    ({"HADOLINT_FAILURE_THRESHOLD": "Warning"}, HadolintSettings({"failure_threshold": "warning"})),
    ({"HADOLINT_FAILURE_THRESHOLD": "ignore"}, HadolintSettings({"failure_threshold": "none"})),
]


@pytest.mark.parametrize(("environ", "expected"), ENVIRONMENT_CASES)
def test_each_environment_variable_reads_as_hadolint_reads_it(
    environ: dict[str, str], expected: HadolintSettings
) -> None:
    assert hadolint_environment(environ) == expected


@pytest.mark.parametrize(
    ("environ", "note"),
    [
        ({"HADOLINT_FAILURE_THRESHOLD": "fatal"}, "HADOLINT_FAILURE_THRESHOLD='fatal' is not a severity"),
        ({"HADOLINT_REQUIRE_LABELS": "version:number"}, "'version:number' is not name:type"),
        ({"HADOLINT_FORMAT": "codacy"}, "format 'codacy' has no Dockwright equivalent"),
    ],
)
def test_a_value_hadolint_would_drop_is_dropped_with_a_note(environ: dict[str, str], note: str) -> None:
    settings = hadolint_environment(environ)
    assert settings.config == {}
    assert len(settings.notes) == 1
    assert note in settings.notes[0]


def test_the_environment_changes_what_a_run_reports(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert set(run(capsys, "--format", "json")[1]) == {"DF003"}
    monkeypatch.setenv("HADOLINT_IGNORE", "DL3007")
    monkeypatch.setenv("HADOLINT_DISABLE_IGNORE_PRAGMA", "true")
    monkeypatch.setenv("HADOLINT_OVERRIDE_ERROR", "DL3013")
    monkeypatch.setenv("HADOLINT_TRUSTED_REGISTRIES", "ghcr.io")
    code, rules, _, _ = run(capsys, "--format", "json")
    assert (code, rules.get("DF052"), "DF003" in rules, "DF060" in rules) == (1, ("error", 3), False, True)


def test_lists_from_the_environment_and_the_file_add_up(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, project: Path
) -> None:
    monkeypatch.setenv("HADOLINT_IGNORE", "DL3007")
    (project / ".hadolint.yaml").write_text("disable-ignore-pragma: true\nignored: [DL3013]\n")
    assert run(capsys, "--format", "json")[:2] == (0, {})


@pytest.mark.parametrize(
    ("environ", "file", "argv", "code"),
    [
        # The failure threshold: the file overrides the environment, the command line both.
        ({"HADOLINT_FAILURE_THRESHOLD": "error"}, "", [], 0),
        ({"HADOLINT_FAILURE_THRESHOLD": "error"}, "failure-threshold: warning\n", [], 1),
        ({"HADOLINT_FAILURE_THRESHOLD": "error"}, "failure-threshold: warning\n", ["--failure-threshold", "error"], 0),
        # no-fail: the same order; any source that ends up true keeps findings from failing the run.
        ({"HADOLINT_NOFAIL": "1"}, "", [], 0),
        ({"HADOLINT_NOFAIL": "1"}, "failure-threshold: warning\n", [], 0),
        ({"HADOLINT_NOFAIL": "1"}, "no-fail: false\n", [], 1),
        ({"HADOLINT_NOFAIL": "0"}, "no-fail: true\n", [], 0),
        ({}, "", ["--no-fail"], 0),
    ],
)
def test_hadolint_precedence_decides_whether_findings_fail_the_run(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    project: Path,
    environ: dict[str, str],
    file: str,
    argv: list[str],
    code: int,
) -> None:
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    if file:
        (project / ".hadolint.yaml").write_text(file)
    assert run(capsys, *argv)[0] == code


def test_the_output_format_comes_from_the_environment_the_file_or_the_command_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, project: Path
) -> None:
    monkeypatch.setenv("HADOLINT_FORMAT", "sarif")
    assert json.loads(run(capsys)[2])["version"] == "2.1.0"
    (project / ".hadolint.yaml").write_text("format: checkstyle\n")
    assert run(capsys)[2].startswith("<?xml")
    assert run(capsys, "--format", "json")[2].startswith("[")


def test_an_unsupported_key_is_a_warning_naming_it_and_the_run_goes_on(
    capsys: pytest.CaptureFixture[str], project: Path
) -> None:
    (project / ".hadolint.yaml").write_text("ignored: [DL3007]\ncolour: always\nno-color: true\n")
    code, _, out, err = run(capsys)
    assert (code, out) == (0, "no findings\n")
    assert err == "dockwright: .hadolint.yaml: colour is not a hadolint setting; ignored\n"


def test_verbose_names_the_config_file_used(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, project: Path
) -> None:
    (project / ".hadolint.yaml").write_text("ignored: [DL3007]\n")
    monkeypatch.setenv("HADOLINT_VERBOSE", "1")
    assert "configuration file used: " in run(capsys)[3]


def test_the_command_line_can_disable_the_ignore_pragmas(capsys: pytest.CaptureFixture[str]) -> None:
    assert "DF052" in run(capsys, "--format", "json", "--disable-ignore-pragma", "--no-color")[1]
