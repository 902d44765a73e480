"""The GitHub Action (action.yml) and the GitLab CI template (dockwright.gitlab-ci.yml), run here as far as a
machine without those services can: their shell steps run with bash as the runners would run them (inputs set the
way the runner sets them, the `dockwright` command of this checkout on PATH), and what they write is checked."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.cli.test_sarif_output import sarif_schema  # noqa: F401 (the fixture)

REPO = Path(__file__).resolve().parents[2]
ACTION = yaml.safe_load((REPO / "action.yml").read_text())
GITLAB = yaml.safe_load((REPO / "dockwright.gitlab-ci.yml").read_text())
BAD = "FROM python:latest\nRUN cd /app && make\n"
GOOD = 'FROM python:3.13-slim\nUSER 10001\nHEALTHCHECK CMD ["python", "-c", "print(1)"]\nCMD ["python"]\n'
EXPRESSION = re.compile(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}")


def lint_step() -> dict[str, Any]:
    return next(step for step in ACTION["runs"]["steps"] if step.get("id") == "lint")


def run_action(workspace: Path, **inputs: str) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    """The Lint step as the runner runs it: its `env` rendered from the inputs (defaults from action.yml)."""
    values = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()} | inputs
    step = lint_step()
    env = {key: EXPRESSION.sub(lambda m: values[m.group(1)], value) for key, value in step["env"].items()}
    output = workspace / "github-output"
    output.write_text("")
    completed = subprocess.run(
        ["bash", "-c", step["run"]],
        cwd=workspace,
        env={
            **os.environ,
            **env,
            "GITHUB_OUTPUT": str(output),
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        },
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines() if "=" in line)
    return completed, outputs


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "Dockerfile").write_text(BAD)
    (tmp_path / "ok.Dockerfile").write_text(GOOD)
    return tmp_path


def test_every_input_and_output_of_the_action_is_described() -> None:
    assert ACTION["runs"]["using"] == "composite"
    for name, spec in {**ACTION["inputs"], **ACTION["outputs"]}.items():
        assert spec.get("description"), name
    used = {m.group(1) for step in ACTION["runs"]["steps"] for m in EXPRESSION.finditer(json.dumps(step))}
    assert used <= set(ACTION["inputs"]), used - set(ACTION["inputs"])


def test_the_action_writes_valid_sarif_prints_annotations_and_fails_on_findings(
    workspace: Path,
    sarif_schema: dict,  # noqa: F811
) -> None:
    completed, outputs = run_action(workspace, paths="app ok.Dockerfile", **{"sarif-file": "out/report.sarif"})
    assert completed.returncode == 1, completed.stderr
    report = json.loads((workspace / outputs["sarif-file"]).read_text())
    jsonschema.validate(report, sarif_schema)
    rules = {result["ruleId"] for run in report["runs"] for result in run["results"]}
    assert "DF003" in rules
    assert re.search(r"^::warning file=app/Dockerfile,line=1,", completed.stdout, re.MULTILINE), completed.stdout


def test_the_action_passes_when_nothing_reaches_the_threshold(workspace: Path) -> None:
    completed, outputs = run_action(workspace, paths="ok.Dockerfile", annotations="false")
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert outputs["sarif-file"] == "dockwright.sarif"
    assert "::" not in completed.stdout


@pytest.mark.parametrize(
    ("inputs", "says"),
    [
        ({"failure-threshold": "warn"}, "failure-threshold must be"),
        ({"annotations": "yes"}, "annotations must be true or false"),
        ({"paths": "   "}, "paths must name at least one"),
        ({"config": "missing.yaml"}, "config file 'missing.yaml' does not exist"),
        ({"sarif-file": ""}, "sarif-file must name a file"),
    ],
)
def test_the_action_refuses_bad_inputs_with_an_error_annotation(
    workspace: Path, inputs: dict[str, str], says: str
) -> None:
    completed, _ = run_action(workspace, **inputs)
    assert completed.returncode == 2
    assert completed.stdout.startswith("::error title=Dockwright::") and says in completed.stdout


def test_paths_are_not_glob_expanded(workspace: Path) -> None:
    completed, _ = run_action(workspace, paths="*.Dockerfile")
    assert completed.returncode == 2  # no file is literally named `*.Dockerfile`
    assert "*.Dockerfile" in completed.stderr


def test_the_gitlab_template_writes_a_code_quality_report_and_fails_on_findings(workspace: Path) -> None:
    job = GITLAB["dockwright"]
    assert job["artifacts"]["reports"]["codequality"] == "$DOCKWRIGHT_REPORT"
    variables = {**job["variables"], "DOCKWRIGHT_PATHS": "app ok.Dockerfile"}
    completed = subprocess.run(
        ["bash", "-c", "\n".join(job["script"])],
        cwd=workspace,
        env={**os.environ, **variables, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 1, completed.stderr
    issues = json.loads((workspace / variables["DOCKWRIGHT_REPORT"]).read_text())
    assert issues and all(
        {"description", "check_name", "fingerprint", "severity", "location"} <= i.keys() for i in issues
    )
    assert {i["location"]["path"] for i in issues} == {"app/Dockerfile"}
    assert "DF003" in completed.stdout
