"""The hostile-input benchmark (backend/bench/hostile_bench.py) still runs end to end against the real stack.

A smoke run, not the benchmark: five inputs, the rate-limit check with a small limit, and the report. The
figures themselves are not checked here; targets are the benchmark's business.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.stack.stack_support import REPO, SPA_BUILD, VENV_BIN, app_environment, require, tool

pytestmark = pytest.mark.stack


def test_hostile_bench_sends_five_inputs_checks_the_rate_limit_and_writes_its_report(
    make_database: Callable[[], str], tmp_path: Path
) -> None:
    tool("nginx", "/usr/sbin/nginx")
    tool("envsubst")
    tool("redis-server")
    require((SPA_BUILD / "index.html").is_file(), "frontend/dist is not built (run `npm ci && npm run build`)")
    report = tmp_path / "report.json"
    command = [str(VENV_BIN / "python"), str(REPO / "backend" / "bench" / "hostile_bench.py")]
    command += ["--only", "json-body", "--limit", "5", "--rate-limit", "3", "--database-url", make_database()]
    result = subprocess.run(
        [*command, "--json", str(report)], env=app_environment(), capture_output=True, text=True, timeout=600
    )

    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads(report.read_text())
    assert [row["name"] for row in data["rows"]] == ["array", "string-500kb", "number", "null", "nan"]
    assert all(row["status"] and row["request_id"] for row in data["rows"])
    assert len(data["rate_limiter"]["statuses"]) == 3 + 5
    assert "== Summary: 5 requests (5 inputs)" in result.stdout
