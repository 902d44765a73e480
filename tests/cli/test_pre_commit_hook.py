"""The pre-commit hooks as a user's repository runs them: the real `pre-commit try-repo` installs this repository's
hooks (.pre-commit-hooks.yaml, the root pyproject.toml) into its own environment and runs them on a scratch
repository holding a Dockerfile with a fixable finding."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"
BAD = 'FROM python:3.13-slim\nMAINTAINER ada@example.com\nUSER 10001\nHEALTHCHECK CMD ["true"]\nCMD ["python"]\n'


def git(*args: str, cwd: Path) -> None:
    subprocess.run(
        ["git", "-c", "user.email=ci@example.com", "-c", "user.name=ci", *args], cwd=cwd, check=True, timeout=60
    )


def try_hook(hook: str, project: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "DOCKWRIGHT_CACHE_DIR": str(home / "dockwright-cache")}
    return subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(REPO), hook, "--all-files"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_the_hook_fails_on_a_finding_and_passes_once_the_fix_hook_has_fixed_it(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "Dockerfile").write_text(BAD)
    (project / "notes.txt").write_text("FROM nothing: not a Dockerfile, the hook must not look at it\n")
    git("init", "-q", cwd=project)
    git("add", ".", cwd=project)
    git("commit", "-qm", "a Dockerfile", cwd=project)
    home = tmp_path / "pre-commit-home"

    failed = try_hook("dockwright", project, home)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "DF020" in failed.stdout and "notes.txt" not in failed.stdout

    fixed = try_hook("dockwright-fix", project, home)
    assert fixed.returncode == 1, fixed.stdout + fixed.stderr  # pre-commit fails a hook that changed files
    assert "MAINTAINER" not in (project / "Dockerfile").read_text()
    assert 'LABEL org.opencontainers.image.authors="ada@example.com"' in (project / "Dockerfile").read_text()

    passed = try_hook("dockwright", project, home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
