"""The installed `dockwright` command as a shell or CI sees it: exit codes, complete output, quick start-up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / "dockwright"
REALISTIC = Path(__file__).parents[1] / "fixtures/dockerfiles/realistic"
BAD = "FROM python:latest\nRUN cd /app && make\n"
GOOD = 'FROM python:3.13-slim\nUSER 10001\nHEALTHCHECK CMD ["python", "-c", "print(1)"]\nCMD ["python"]\n'


def dockwright(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), *args], input=stdin, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize(
    ("args", "stdin", "code"),
    [
        (["lint", "-"], BAD, 1),
        (["lint", "-"], GOOD, 0),
        (["lint", "--failure-threshold", "error", "-"], BAD, 0),
        (["lint", "/no/such/Dockerfile"], None, 2),
        (["lint", "--no-such-option", "-"], BAD, 2),
        (["lint"], None, 2),
        (["--version"], None, 0),
        (["rules", "--gaps"], None, 0),
    ],
)
def test_exit_codes(args: list[str], stdin: str | None, code: int) -> None:
    completed = dockwright(*args, stdin=stdin)
    assert completed.returncode == code, completed.stderr
    assert "Traceback" not in completed.stderr


def test_large_json_output_is_complete_and_matches_linting_each_file(tmp_path: Path) -> None:
    # The command leaves without tearing down its heap; everything it printed must still arrive.
    completed = dockwright("lint", "--format", "json", str(REALISTIC))
    assert completed.returncode == 1, completed.stderr
    findings = json.loads(completed.stdout)
    files = sorted(REALISTIC.iterdir())
    assert len({f["file"] for f in findings}) > len(files) // 2
    one = files[0]
    alone = json.loads(dockwright("lint", "--format", "json", str(one)).stdout)
    assert [f for f in findings if f["file"] == str(one)] == alone


def test_a_reader_that_leaves_early_gets_no_traceback() -> None:
    with subprocess.Popen(
        [str(SCRIPT), "lint", str(REALISTIC)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        stderr = process.stderr.read().decode()
        process.wait(timeout=120)
    assert "Traceback" not in stderr
    assert process.returncode != 0


_IMPORTED_MODULES = """
import sys
from dockwright.cli import main
main(["lint", "--no-shellcheck", sys.argv[1]])
compose_stack = ("ruamel", "yaml", "dockwright.compose", "dockwright.rules.compose")
print("modules:", *sorted(m for m in sys.modules if m.startswith(compose_stack)))
"""


def test_linting_dockerfiles_never_imports_the_compose_stack(tmp_path: Path) -> None:
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text(BAD)
    compose = tmp_path / "compose.yaml"
    compose.write_text("services:\n  web:\n    image: nginx:1.27\n")
    check = [sys.executable, "-c", _IMPORTED_MODULES]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    dockerfile_only = subprocess.run([*check, str(dockerfile)], capture_output=True, text=True, env=env, check=True)
    with_compose = subprocess.run([*check, str(compose)], capture_output=True, text=True, env=env, check=True)
    assert _modules(dockerfile_only.stdout) == []
    assert "dockwright.rules.compose.privileged_service" in _modules(with_compose.stdout)


def _modules(stdout: str) -> list[str]:
    line = next(line for line in stdout.splitlines() if line.startswith("modules:"))
    return line.split()[1:]


def test_sarif_lists_every_rule_even_when_only_dockerfiles_were_linted() -> None:
    completed = dockwright("lint", "--format", "sarif", "-", stdin=BAD)
    driver_rules = json.loads(completed.stdout)["runs"][0]["tool"]["driver"]["rules"]
    ids = {rule["id"] for rule in driver_rules}
    assert {"DF003", "DC001"} <= ids


def test_shellcheck_results_are_kept_between_runs_unless_told_not_to(tmp_path: Path) -> None:
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text("FROM debian:12\nRUN echo $undefined_name && cd /tmp\n")
    cache = tmp_path / "cache"
    env = {**os.environ, "DOCKWRIGHT_CACHE_DIR": str(cache)}

    def lint(*options: str) -> str:
        command = [str(SCRIPT), "lint", "--format", "json", *options, str(dockerfile)]
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, check=False).stdout

    uncached = lint("--no-cache")
    assert not cache.exists()
    assert "SC2154" in uncached
    assert lint() == uncached
    assert len(list(cache.glob("*.sqlite3"))) == 1
    assert lint() == uncached
