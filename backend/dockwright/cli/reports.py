"""Findings in the formats CI systems read natively, besides text, JSON and SARIF.

* ``github``: GitHub Actions workflow commands, one line a finding, shown as annotations on the pull request;
* ``gitlab``: GitLab's Code Quality report (a JSON list; ``artifacts: reports: codequality``);
* ``checkstyle``: Checkstyle XML, which Jenkins, Bitbucket and most code-review tools import (hadolint's
  ``-f checkstyle`` writes the same shape, so pipelines built around it keep working);
* ``junit``: JUnit XML, the test report Jenkins, GitLab (``artifacts: reports: junit``) and Azure DevOps read: a
  test suite per file, a failed test case per finding;
* ``sonarqube``: SonarQube's generic external issues report (``sonar.externalIssuesReportPaths``), the format of
  SonarQube 10.3 and later: the rules with their Clean Code attribute and impact, then the issues.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from typing import TextIO
from xml.sax.saxutils import escape, quoteattr

from dockwright.findings import Finding, Severity

Results = Sequence[tuple[str, Finding]]

_GITHUB_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning"}  # info and style are notices
_GITLAB_SEVERITIES = {
    Severity.ERROR: "critical",
    Severity.WARNING: "major",
    Severity.INFO: "minor",
    Severity.STYLE: "info",
}
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CHECKSTYLE_SEVERITIES = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}


def write_github(results: Results, out: TextIO) -> None:
    for path, finding in results:
        level = _GITHUB_LEVELS.get(finding.severity, "notice")
        span = finding.span
        properties = ",".join(
            f"{key}={_github_property(str(value))}"
            for key, value in (
                ("file", path),
                ("line", span.start_line),
                ("col", span.start_column),
                ("endLine", span.end_line),
                ("endColumn", span.end_column),
                ("title", f"{finding.rule} ({finding.severity.value})"),
            )
        )
        out.write(f"::{level} {properties}::{_github_data(finding.message)}\n")


def write_gitlab(results: Results, out: TextIO) -> None:
    issues = []
    seen: dict[str, int] = {}
    for path, finding in results:
        # GitLab matches issues across pipelines by fingerprint: stable for the same problem at the same
        # place, and distinct for repeats of one message in one file.
        base = hashlib.sha256(f"{path}\0{finding.rule}\0{finding.message}".encode()).hexdigest()
        seen[base] = seen.get(base, 0) + 1
        fingerprint = hashlib.sha256(f"{base}\0{seen[base]}".encode()).hexdigest()
        issues.append(
            {
                "type": "issue",
                "check_name": finding.rule,
                "description": f"{finding.rule}: {finding.message}",
                "categories": ["Style" if finding.severity is Severity.STYLE else "Bug Risk"],
                "severity": _GITLAB_SEVERITIES.get(finding.severity, "info"),
                "fingerprint": fingerprint,
                "location": {
                    "path": path,
                    "positions": {
                        "begin": {"line": finding.span.start_line, "column": finding.span.start_column},
                        "end": {"line": finding.span.end_line, "column": finding.span.end_column},
                    },
                },
            }
        )
    out.write(json.dumps(issues, indent=2) + "\n")


def write_checkstyle(results: Results, out: TextIO) -> None:
    """Checkstyle XML; characters XML 1.0 cannot hold (control characters) become U+FFFD."""
    by_file: dict[str, list[Finding]] = {}
    for path, finding in results:
        by_file.setdefault(path, []).append(finding)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n')
    for path, findings in by_file.items():
        out.write(f"  <file name={_attribute(path)}>\n")
        for finding in findings:
            severity = _CHECKSTYLE_SEVERITIES.get(finding.severity, "info")
            out.write(
                f'    <error line="{finding.span.start_line}" column="{finding.span.start_column}" '
                f'severity="{severity}" message={_attribute(finding.message)} '
                f"source={quoteattr('dockwright.' + finding.rule)}/>\n"
            )
        out.write("  </file>\n")
    out.write("</checkstyle>\n")


def write_junit(results: Results, out: TextIO) -> None:
    """JUnit XML. A run without findings is one passing test case, so that the report says the check ran."""
    by_file: dict[str, list[Finding]] = {}
    for path, finding in results:
        by_file.setdefault(path, []).append(finding)
    if not by_file:
        by_file["dockwright"] = []
    total = sum(max(len(findings), 1) for findings in by_file.values())
    failures = len(results)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<testsuites name="dockwright" tests="{total}" failures="{failures}" errors="0">\n')
    for path, findings in by_file.items():
        out.write(
            f'  <testsuite name={_attribute(path)} tests="{max(len(findings), 1)}" '
            f'failures="{len(findings)}" errors="0" skipped="0">\n'
        )
        if not findings:
            out.write(f'    <testcase name="dockwright" classname={_attribute(path)} file={_attribute(path)}/>\n')
        for finding in findings:
            where = f"{finding.span.start_line}:{finding.span.start_column}"
            out.write(
                f"    <testcase name={_attribute(f'{finding.rule} at {where}')} classname={_attribute(path)} "
                f'file={_attribute(path)} line="{finding.span.start_line}">\n'
                f"      <failure message={_attribute(finding.message)} type={_attribute(finding.severity.value)}>"
                f"{_text(f'{path}:{where}: {finding.severity.value} {finding.rule} {finding.message}')}</failure>\n"
                "    </testcase>\n"
            )
        out.write("  </testsuite>\n")
    out.write("</testsuites>\n")


# Our severities as SonarQube's impacts (the Clean Code model of SonarQube 10.3 and later).
_SONAR_IMPACTS = {
    Severity.ERROR: ("RELIABILITY", "HIGH"),
    Severity.WARNING: ("MAINTAINABILITY", "MEDIUM"),
    Severity.INFO: ("MAINTAINABILITY", "LOW"),
    Severity.STYLE: ("MAINTAINABILITY", "LOW"),
}


def write_sonarqube(results: Results, out: TextIO) -> None:
    """SonarQube's generic external issues. Its columns are 0-based with an exclusive end, ours 1-based with an
    exclusive end; a range over several lines keeps its columns, one that SonarQube cannot hold gives lines only."""
    from dockwright.rules import load_all, registry  # here: the other formats need no rule metadata

    load_all()
    rules: dict[str, dict[str, object]] = {}
    issues = []
    for path, finding in results:
        quality, impact = _SONAR_IMPACTS.get(finding.severity, ("MAINTAINABILITY", "LOW"))
        if finding.rule not in rules:
            rule = registry.get(finding.rule)
            rules[finding.rule] = {
                "id": finding.rule,
                "name": rule.title if rule is not None else finding.rule,
                "description": rule.rationale if rule is not None else finding.rule,
                "engineId": "dockwright",
                "cleanCodeAttribute": "FORMATTED" if finding.severity is Severity.STYLE else "LOGICAL",
                "impacts": [{"softwareQuality": quality, "severity": impact}],
            }
        span = finding.span
        text_range: dict[str, int] = {"startLine": span.start_line, "endLine": span.end_line}
        if (span.end_line, span.end_column) > (span.start_line, span.start_column):
            text_range |= {"startColumn": span.start_column - 1, "endColumn": span.end_column - 1}
        issues.append(
            {
                "ruleId": finding.rule,
                "effortMinutes": 5,
                "primaryLocation": {"message": finding.message, "filePath": path, "textRange": text_range},
            }
        )
    out.write(json.dumps({"rules": list(rules.values()), "issues": issues}, indent=2) + "\n")


WRITERS: dict[str, Callable[[Results, TextIO], None]] = {
    "github": write_github,
    "gitlab": write_gitlab,
    "checkstyle": write_checkstyle,
    "junit": write_junit,
    "sonarqube": write_sonarqube,
}


def _attribute(text: str) -> str:
    return quoteattr(_XML_INVALID.sub("\ufffd", text))


def _text(text: str) -> str:
    return escape(_XML_INVALID.sub("\ufffd", text))


def _github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")
