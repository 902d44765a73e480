"""`--format github|gitlab|checkstyle`: what GitHub Actions, GitLab Code Quality and Checkstyle readers accept."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from dockwright.cli import main
from dockwright.cli.reports import write_checkstyle, write_github, write_gitlab
from dockwright.findings import Finding, Severity, Span

BAD = "FROM python:latest\nRUN cd /app && make\nRUN cd /app && make\n"


def lint(path: Path, output_format: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["lint", "--no-shellcheck", "--format", output_format, str(path)])
    return code, capsys.readouterr().out


@pytest.fixture
def dockerfile(tmp_path: Path) -> Path:
    path = tmp_path / "Dockerfile"
    path.write_text(BAD)
    return path


@pytest.mark.parametrize("output_format", ["github", "gitlab", "checkstyle"])
def test_exit_codes_do_not_depend_on_the_format(
    dockerfile: Path, output_format: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert lint(dockerfile, output_format, capsys)[0] == lint(dockerfile, "json", capsys)[0] == 1


def test_github_writes_one_workflow_command_per_finding(dockerfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    findings = json.loads(lint(dockerfile, "json", capsys)[1])
    lines = lint(dockerfile, "github", capsys)[1].splitlines()
    assert len(lines) == len(findings)
    first = findings[0]
    assert lines[0] == (
        f"::warning file={dockerfile},line={first['line']},col={first['column']},endLine={first['end_line']},"
        f"endColumn={first['end_column']},title={first['rule']} ({first['severity']})::{first['message']}"
    )


def test_github_escapes_what_would_end_a_property_or_the_message() -> None:
    finding = Finding("DF001", Severity.ERROR, "50% done\nnext line", Span(1, 2, 1, 3))
    out = io.StringIO()
    write_github([("dir,with:odd/Dockerfile", finding)], out)
    assert out.getvalue() == (
        "::error file=dir%2Cwith%3Aodd/Dockerfile,line=1,col=2,endLine=1,endColumn=3,title=DF001 (error)"
        "::50%25 done%0Anext line\n"
    )


def test_info_and_style_findings_are_github_notices() -> None:
    out = io.StringIO()
    write_github([("D", Finding("DF015", Severity.STYLE, "m", Span(1, 1, 1, 2)))], out)
    assert out.getvalue().startswith("::notice ")


def test_gitlab_report_has_the_fields_code_quality_needs(dockerfile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    issues = json.loads(lint(dockerfile, "gitlab", capsys)[1])
    assert issues
    for issue in issues:
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] == str(dockerfile)
        assert issue["location"]["positions"]["begin"]["line"] >= 1
        assert issue["description"].startswith(issue["check_name"])
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == len(fingerprints)  # the two identical RUN lines stay two issues
    assert fingerprints == [i["fingerprint"] for i in json.loads(lint(dockerfile, "gitlab", capsys)[1])]


def test_checkstyle_is_well_formed_xml_grouped_by_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "Dockerfile").write_text(BAD)
    main(["lint", "--no-shellcheck", "--format", "checkstyle", str(tmp_path)])
    root = ET.fromstring(capsys.readouterr().out)
    assert root.tag == "checkstyle"
    files = root.findall("file")
    assert sorted(f.get("name", "") for f in files) == [str(tmp_path / "a/Dockerfile"), str(tmp_path / "b/Dockerfile")]
    errors = files[0].findall("error")
    assert errors and all(e.get("source", "").startswith("dockwright.DF") for e in errors)
    assert {e.get("severity") for e in errors} <= {"error", "warning", "info"}


def test_checkstyle_replaces_characters_xml_cannot_hold() -> None:
    out = io.StringIO()
    write_checkstyle([("D<&>", Finding("DF001", Severity.ERROR, 'a "b"\x0b c', Span(1, 1, 1, 2)))], out)
    error = ET.fromstring(out.getvalue()).find("file/error")
    assert error is not None and error.get("message") == 'a "b"\ufffd c'
    assert ET.fromstring(out.getvalue()).find("file").get("name") == "D<&>"  # type: ignore[union-attr]


def test_gitlab_report_of_no_findings_is_an_empty_list() -> None:
    out = io.StringIO()
    write_gitlab([], out)
    assert json.loads(out.getvalue()) == []
