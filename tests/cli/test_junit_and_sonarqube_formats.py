"""`--format junit|sonarqube`: JUnit XML as Jenkins, GitLab and Azure DevOps read it, and SonarQube's generic
external issues report, each checked against the consumer's published format description."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from dockwright.cli import main
from dockwright.cli.reports import write_junit, write_sonarqube
from dockwright.findings import Finding, Severity, Span

BAD = "FROM python:latest\nRUN cd /app && make\nRUN cd /app && make\n"

# SonarQube's generic issue import format (10.3 and later), written from its documentation: rules with id, name,
# description, engineId, cleanCodeAttribute and impacts; issues with ruleId and a primary location whose text
# range has 1-based lines and 0-based columns.
SONAR_REPORT = {
    "type": "object",
    "required": ["rules", "issues"],
    "properties": {
        "rules": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "name", "description", "engineId", "cleanCodeAttribute", "impacts"],
                "properties": {
                    "id": {"type": "string", "minLength": 1},
                    "name": {"type": "string", "minLength": 1},
                    "description": {"type": "string", "minLength": 1},
                    "engineId": {"type": "string", "minLength": 1},
                    "cleanCodeAttribute": {
                        "enum": [
                            "FORMATTED", "CONVENTIONAL", "IDENTIFIABLE", "CLEAR", "COMPLETE", "EFFICIENT", "LOGICAL",
                            "DISTINCT", "FOCUSED", "MODULAR", "TESTED", "LAWFUL", "RESPECTFUL", "TRUSTWORTHY",
                        ]
                    },
                    "impacts": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "object",
                            "required": ["softwareQuality", "severity"],
                            "properties": {
                                "softwareQuality": {"enum": ["MAINTAINABILITY", "RELIABILITY", "SECURITY"]},
                                "severity": {"enum": ["HIGH", "MEDIUM", "LOW"]},
                            },
                        },
                    },
                },
            },
        },
        "issues": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["ruleId", "primaryLocation"],
                "properties": {
                    "ruleId": {"type": "string"},
                    "effortMinutes": {"type": "integer", "minimum": 0},
                    "primaryLocation": {
                        "type": "object",
                        "required": ["message", "filePath", "textRange"],
                        "properties": {
                            "message": {"type": "string", "minLength": 1},
                            "filePath": {"type": "string", "minLength": 1},
                            "textRange": {
                                "type": "object",
                                "required": ["startLine"],
                                "properties": {
                                    "startLine": {"type": "integer", "minimum": 1},
                                    "endLine": {"type": "integer", "minimum": 1},
                                    "startColumn": {"type": "integer", "minimum": 0},
                                    "endColumn": {"type": "integer", "minimum": 0},
                                },
                            },
                        },
                    },
                },
            },
        },
    },
}  # fmt: skip


def lint(path: Path, output_format: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["lint", "--no-shellcheck", "--format", output_format, str(path)])
    return code, capsys.readouterr().out


@pytest.fixture
def dockerfile(tmp_path: Path) -> Path:
    path = tmp_path / "Dockerfile"
    path.write_text(BAD)
    return path


@pytest.mark.parametrize("output_format", ["junit", "sonarqube"])
def test_exit_codes_do_not_depend_on_the_format(
    dockerfile: Path, output_format: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert lint(dockerfile, output_format, capsys)[0] == lint(dockerfile, "json", capsys)[0] == 1


def test_junit_has_a_failed_test_case_per_finding_in_a_suite_per_file(
    dockerfile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    findings = json.loads(lint(dockerfile, "json", capsys)[1])
    root = ET.fromstring(lint(dockerfile, "junit", capsys)[1])
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert suite.get("name") == str(dockerfile)
    assert int(suite.get("tests", "0")) == int(suite.get("failures", "0")) == len(cases) == len(findings)
    assert int(root.get("tests", "0")) == len(findings)
    for case, finding in zip(cases, findings, strict=True):
        failure = case.find("failure")
        assert failure is not None and failure.get("message") == finding["message"]
        assert failure.get("type") == finding["severity"]
        assert case.get("classname") == case.get("file") == str(dockerfile)
        assert case.get("name") == f"{finding['rule']} at {finding['line']}:{finding['column']}"


def test_junit_of_no_findings_is_one_passing_test_case() -> None:
    out = io.StringIO()
    write_junit([], out)
    root = ET.fromstring(out.getvalue())
    assert root.get("tests") == "1" and root.get("failures") == "0"
    (case,) = root.iter("testcase")
    assert case.find("failure") is None


def test_junit_replaces_characters_xml_cannot_hold() -> None:
    finding = Finding("DF001", Severity.ERROR, "bad \x01 byte <&>", Span(1, 1, 1, 2))
    out = io.StringIO()
    write_junit([("Dockerfile", finding)], out)
    failure = ET.fromstring(out.getvalue()).find("testsuite/testcase/failure")
    assert failure is not None and failure.get("message") == "bad \ufffd byte <&>"


def test_sonarqube_report_matches_the_generic_import_format(
    dockerfile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    findings = json.loads(lint(dockerfile, "json", capsys)[1])
    report = json.loads(lint(dockerfile, "sonarqube", capsys)[1])
    jsonschema.validate(report, SONAR_REPORT)
    assert len(report["issues"]) == len(findings)
    assert {rule["id"] for rule in report["rules"]} == {f["rule"] for f in findings}
    assert {issue["ruleId"] for issue in report["issues"]} <= {rule["id"] for rule in report["rules"]}
    first, issue = findings[0], report["issues"][0]
    assert issue["primaryLocation"]["textRange"] == {
        "startLine": first["line"],
        "endLine": first["end_line"],
        "startColumn": first["column"] - 1,
        "endColumn": first["end_column"] - 1,
    }


def test_sonarqube_keeps_lines_only_for_an_empty_range() -> None:
    out = io.StringIO()
    write_sonarqube([("Dockerfile", Finding("DF001", Severity.ERROR, "m", Span(3, 5, 3, 5)))], out)
    report = json.loads(out.getvalue())
    jsonschema.validate(report, SONAR_REPORT)
    assert report["issues"][0]["primaryLocation"]["textRange"] == {"startLine": 3, "endLine": 3}
