"""A finding's sub-code (ShellCheck's SC2086 under DF100) is a field: it survives to_dict/from_dict, reaches the
JSON and SARIF output, and the pipeline's pragmas and config mute findings by it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dockwright.cli.sarif import sarif_log
from dockwright.config import LintConfig
from dockwright.findings import Finding, Severity, Span
from dockwright.lint import _apply_config, _apply_pragmas

SCHEMA = (
    Path(__file__).resolve().parents[2]
    / "frontend/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"
)

CODED = Finding("DF100", Severity.INFO, "SC2086: Double quote to prevent globbing", Span(3, 10, 3, 15), code="SC2086")
PLAIN = Finding("DF022", Severity.WARNING, "`cd` changes directory only for this RUN", Span(3, 5, 3, 7))


def test_the_code_survives_a_round_trip_through_a_dict() -> None:
    assert CODED.to_dict()["code"] == "SC2086"
    assert Finding.from_dict(CODED.to_dict()) == CODED
    assert Finding.from_dict(CODED.to_dict()).code == "SC2086"


def test_a_finding_without_a_code_has_no_code_key() -> None:
    assert "code" not in PLAIN.to_dict()
    assert Finding.from_dict(PLAIN.to_dict()) == PLAIN


def test_a_severity_override_keeps_the_code() -> None:
    assert CODED.with_severity(Severity.ERROR).code == "SC2086"


class _Document:
    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def pragma_scope(self, pragma: object) -> tuple[int, int]:
        return (3, 3)


@pytest.mark.parametrize(
    "pragma",
    ["# dockwright ignore=SC2086", "# hadolint ignore=SC2086", "# dockwright global ignore=SC2086"],
)
def test_pragmas_mute_by_code_and_leave_other_findings(pragma: str) -> None:
    document = _Document(f"FROM debian:12\n{pragma}\nRUN cd /x && echo $a\n")
    assert _apply_pragmas([CODED, PLAIN], document) == [PLAIN]  # type: ignore[arg-type]


def test_the_configs_ignore_mutes_by_code() -> None:
    assert _apply_config([CODED, PLAIN], LintConfig.from_dict({"ignore": ["SC2086"]})) == [PLAIN]
    assert _apply_config([CODED, PLAIN], LintConfig.from_dict({"ignore": ["SC2154"]})) == [CODED, PLAIN]


def test_sarif_keeps_the_rule_id_and_gives_the_code_as_a_property() -> None:
    log = sarif_log([("Dockerfile", CODED), ("Dockerfile", PLAIN)])
    coded, plain = log["runs"][0]["results"]
    assert coded["ruleId"] == "DF100"
    assert log["runs"][0]["tool"]["driver"]["rules"][coded["ruleIndex"]]["id"] == "DF100"
    assert coded["properties"]["code"] == "SC2086"
    assert "code" not in plain["properties"]
    if SCHEMA.exists():
        import jsonschema

        jsonschema.validate(log, json.loads(SCHEMA.read_text()))
