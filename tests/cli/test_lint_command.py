"""`dockwright lint` end to end: formats, exit codes, folders, stdin, config and bad input."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dockwright.cli import main

BAD = "FROM python:latest\nRUN cd /app && make\n"
GOOD = 'FROM python:3.13-slim\nUSER 10001\nHEALTHCHECK CMD ["python", "-c", "print(1)"]\nCMD ["python"]\n'


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def bad_file(tmp_path: Path) -> Path:
    path = tmp_path / "Dockerfile"
    path.write_text(BAD)
    return path


def test_text_output_names_file_line_and_column(bad_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["lint", str(bad_file)], capsys)
    assert code == 1
    assert f"{bad_file}:1:6: warning DF003 " in out


def test_json_output_has_documented_fields(bad_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["lint", "--format", "json", str(bad_file)], capsys)
    findings = json.loads(out)
    assert code == 1
    latest = next(f for f in findings if f["rule"] == "DF003")
    assert latest == {
        "file": str(bad_file),
        "rule": "DF003",
        "severity": "warning",
        "message": latest["message"],
        "line": 1,
        "column": 6,
        "end_line": 1,
        "end_column": 19,
    }


def test_exit_code_is_zero_below_failure_threshold(bad_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        ["lint", "--failure-threshold", "error", "--format", "json", str(bad_file)],
        capsys,
    )
    assert code == 0
    assert json.loads(out), "findings are still printed"


def test_ignore_accepts_our_ids_and_hadolint_ids(bad_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["lint", "--format", "json", "--ignore", "DL3007", str(bad_file)], capsys)
    assert all(f["rule"] != "DF003" for f in json.loads(out))


def test_folder_is_searched_for_dockerfiles_and_compose_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "svc").mkdir()
    (tmp_path / "svc" / "Dockerfile.prod").write_text(BAD)
    (tmp_path / "compose.yaml").write_text("services:\n  web: [\n")
    (tmp_path / "notes.yaml").write_text("not: compose\n")
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "Dockerfile").write_text(BAD)
    _, out, _ = run(["lint", "--format", "json", str(tmp_path)], capsys)
    files = {Path(f["file"]).relative_to(tmp_path).as_posix() for f in json.loads(out)}
    assert files == {"svc/Dockerfile.prod", "compose.yaml"}


def test_stdin_is_read_for_dash(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BAD.encode())))
    code, out, _ = run(["lint", "--format", "json", "-"], capsys)
    assert code == 1
    assert {f["file"] for f in json.loads(out)} == {"-"}


def test_missing_file_exits_2_with_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["lint", str(tmp_path / "nope")], capsys)
    assert code == 2
    assert "No such file" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe\x00garbage", "not valid UTF-8"),
        (b"FROM x\x00\n", "NUL"),
        (b"   \n\n", "empty"),
    ],
)
def test_unreadable_content_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "Dockerfile"
    path.write_bytes(content)
    code, _, err = run(["lint", str(path)], capsys)
    assert code == 2
    assert message in err


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["lint", "--format", "xml", "Dockerfile"])
    assert exit_info.value.code == 2


def test_config_file_sets_ignores_and_threshold(
    bad_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "dw.yaml"
    config.write_text("ignore: [DF003]\nfailure_threshold: error\n")
    code, out, _ = run(["lint", "--format", "json", "--config", str(config), str(bad_file)], capsys)
    assert code == 0
    assert all(f["rule"] != "DF003" for f in json.loads(out))


def test_invalid_config_file_exits_2(bad_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "dw.yaml"
    config.write_text("colour: blue\n")
    code, _, err = run(["lint", "--config", str(config), str(bad_file)], capsys)
    assert code == 2
    assert "unknown config key" in err


def test_rules_json_lists_every_rule_with_equivalents(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(["rules", "--format", "json"], capsys)
    rules = json.loads(out)
    assert code == 0
    assert {"id", "slug", "severity", "title", "equivalents"} <= set(rules[0])
    assert {"hadolint": "DL3007"} in [r["equivalents"] for r in rules]
    assert len({r["id"] for r in rules}) == len(rules)


def test_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "dockwright"
    completed = subprocess.run(
        [str(script), "lint", "-"],
        input=GOOD,
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=60,
        check=False,
    )
    assert completed.returncode in (0, 1), completed.stderr
    assert "finding" in completed.stdout


def test_fix_rewrites_the_file_until_no_safe_fix_is_left(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    compose = tmp_path / "compose.yaml"
    compose.write_text(
        'version: "3.8"\nservices:\n  # the database\n  db:\n    image: postgres:17.2\n    ports:\n      - 5432:5432\n'
    )
    run(["lint", "--fix", "--format", "json", str(compose)], capsys)
    fixed = compose.read_text()
    # Quoting ports is a style rule, off by default: the port is only bound to 127.0.0.1.
    assert (
        fixed
        == "services:\n  # the database\n  db:\n    image: postgres:17.2\n    ports:\n      - 127.0.0.1:5432:5432\n"
    )
    _, out, _ = run(["lint", "--format", "json", str(compose)], capsys)
    assert all(not (f.get("fix") or {}).get("safe") for f in json.loads(out))


def test_unsafe_fixes_apply_shellchecks_suggestions_only_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = "FROM debian:12.8\nRUN echo $HOME && ls `pwd`\n"
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text(original)
    run(["lint", "--fix", str(dockerfile)], capsys)
    assert dockerfile.read_text() == original  # ShellCheck's fixes are not safe: --fix alone leaves them
    run(["lint", "--fix", "--unsafe-fixes", str(dockerfile)], capsys)
    assert dockerfile.read_text() == 'FROM debian:12.8\nRUN echo "$HOME" && ls $(pwd)\n'


def test_unsafe_fixes_without_fix_is_a_usage_error(bad_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["lint", "--unsafe-fixes", str(bad_file)], capsys)
    assert code == 2
    assert "--unsafe-fixes goes with --fix" in err


@pytest.mark.parametrize(
    ("files", "reported"),
    [
        ({}, True),
        ({".hadolint.yaml": "ignored: [DL3007]\n"}, False),
        ({".hadolint.yml": "ignored:\n  - DL3007\n"}, False),
        # a .dockwright.yaml wins over the hadolint config beside it
        ({".hadolint.yaml": "ignored: [DL3007]\n", ".dockwright.yaml": "ignore: [DF022]\n"}, True),
    ],
)
def test_a_config_in_the_current_folder_is_found_hadolints_included(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], files: dict, reported: bool
) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "Dockerfile").write_text(BAD)
    monkeypatch.chdir(tmp_path)
    _, out, _ = run(["lint", "--no-shellcheck", "--format", "json", "Dockerfile"], capsys)
    assert ("DF003" in {f["rule"] for f in json.loads(out)}) is reported


def test_the_shellcheckrc_beside_the_dockerfile_applies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text("FROM debian:12\nRUN echo $name\n")
    _, out, _ = run(["lint", "--format", "json", str(dockerfile)], capsys)
    assert {"SC2086", "SC2154"} <= {f["message"].split(":")[0] for f in json.loads(out)}
    (tmp_path / ".shellcheckrc").write_text("# the team's choice\ndisable=SC2086\n")
    _, out, _ = run(["lint", "--format", "json", str(dockerfile)], capsys)
    codes = {f["message"].split(":")[0] for f in json.loads(out)}
    assert "SC2154" in codes and "SC2086" not in codes
