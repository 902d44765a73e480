"""The real `dockwright` command on hostile files: each answers with its findings within the engine's budget.

The command runs with its address space capped (util-linux's prlimit, 2 GiB), so a file that made the engine
or ShellCheck grow without bound fails here instead of exhausting the machine; `timeout` bounds a hang.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.cases import CASES, Case

SCRIPT = Path(sys.executable).parent / "dockwright"
MEMORY_CAP = 2 * 1024**3


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_a_hostile_file_gets_its_findings_and_a_note_on_what_went_over_a_limit(case: Case, tmp_path: Path) -> None:
    prlimit = shutil.which("prlimit")
    assert prlimit, "util-linux's prlimit caps the command's memory in this test"
    path = tmp_path / ("compose.yaml" if case.kind == "compose" else "Dockerfile")
    path.write_text(case.content)
    completed = subprocess.run(
        [prlimit, f"--as={MEMORY_CAP}", "--", str(SCRIPT), "lint", "--no-cache", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode in (0, 1), completed.stderr[-2000:]
    findings = json.loads(completed.stdout)
    rule, words = case.expect
    assert any(f["rule"] == rule and words in f["message"] for f in findings), [
        (f["rule"], f["message"]) for f in findings if f["rule"] in (rule, "DF108", "DF100")
    ][:10]
    assert len(completed.stdout) < 2 * 1024 * 1024
