"""SARIF output validates against the SARIF 2.1.0 schema (shipped by Microsoft's @microsoft/jest-sarif
package, a dev dependency of the frontend installed by `make test`)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from dockwright.cli import main

SCHEMA = (
    Path(__file__).resolve().parents[2]
    / "frontend/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"
)


@pytest.fixture(scope="module")
def sarif_schema() -> dict:
    if not SCHEMA.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"SARIF schema missing at {SCHEMA}: run `npm ci` in frontend/")
        pytest.skip("SARIF schema not installed (run `npm ci` in frontend/)")
    return json.loads(SCHEMA.read_text())


def test_sarif_output_is_valid_sarif_2_1_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sarif_schema: dict
) -> None:
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text("FROM python:latest\nMAINTAINER me\nRUN pip install flask\n")
    code = main(["lint", "--format", "sarif", str(dockerfile)])
    log = json.loads(capsys.readouterr().out)
    assert code == 1
    jsonschema.validate(log, sarif_schema)
    results = log["runs"][0]["results"]
    latest = next(r for r in results if r["ruleId"] == "DF003")
    region = latest["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (
        1,
        6,
        19,
    )
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[latest["ruleIndex"]]["id"] == "DF003"
