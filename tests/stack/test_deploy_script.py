"""docker/deploy.sh's control flow, with a stand-in `docker` on PATH that records its calls and reports the
health the test chooses. The stand-in is the only fake: the script, git and the state file are real."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.stack.stack_support import REPO

pytestmark = pytest.mark.stack

FAKE_DOCKER = r"""#!/usr/bin/env bash
# Records every call with the TAG it saw; `compose ps` answers with the health chosen for that TAG.
printf '%s|%s\n' "${TAG:-}" "$*" >>"$DOCKER_CALLS"
if [[ $1 == compose && " $* " == *" ps "* ]]; then
  if [[ " $UNHEALTHY_TAGS " == *" ${TAG:-} "* ]]; then echo unhealthy; echo healthy; else echo healthy; echo healthy; fi
fi
exit 0
"""


def deploy(tmp_path: Path, *args: str, unhealthy: str = "", previous: str | None = None) -> tuple[int, list[str]]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    docker = bin_dir / "docker"
    docker.write_text(FAKE_DOCKER)
    docker.chmod(0o755)
    state = tmp_path / "state"
    if previous is not None:
        state.mkdir(exist_ok=True)
        (state / "current-tag").write_text(previous + "\n")
    calls = tmp_path / "calls.log"
    calls.write_text("")
    env = {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "DOCKER_CALLS": str(calls),
        "UNHEALTHY_TAGS": unhealthy,
        "DEPLOY_STATE_DIR": str(state),
        "DEPLOY_POLL_SECONDS": "0.1",
        "REGISTRY": "registry.test/acme",
    }
    result = subprocess.run(
        ["bash", str(REPO / "docker" / "deploy.sh"), *args], env=env, capture_output=True, text=True, timeout=120
    )
    return result.returncode, calls.read_text().splitlines()


def head_sha() -> str:
    return subprocess.run(
        ["git", "rev-parse", "--short=12", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.strip()


def test_help_describes_the_steps() -> None:
    result = subprocess.run(["bash", str(REPO / "docker" / "deploy.sh"), "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "roll" in result.stdout and "--skip-build" in result.stdout


def test_a_healthy_release_is_built_pushed_rolled_out_remembered_and_pruned(tmp_path: Path) -> None:
    sha = head_sha()
    code, calls = deploy(tmp_path, "--version", "1.4.0", previous="0123456789ab")
    assert code == 0, calls
    commands = [call.split("|", 1)[1].split()[0:2] for call in calls]
    assert commands[0][0] == "build" and f"registry.test/acme/dockwright:{sha}" in calls[0]
    assert "registry.test/acme/dockwright:1.4.0" in calls[0]
    assert [c for c in calls if c.split("|")[1].startswith("push")] == [
        "|push registry.test/acme/dockwright:1.4.0",
        f"|push registry.test/acme/dockwright:{sha}",
    ]
    assert f"{sha}|compose -f docker-compose.prod.yml pull web migrate" in calls
    assert f"{sha}|compose -f docker-compose.prod.yml up -d --remove-orphans" in calls
    assert calls[-1] == "|image prune -f"
    assert (tmp_path / "state" / "current-tag").read_text().strip() == sha


def test_an_unhealthy_release_is_rolled_back_to_the_previous_tag(tmp_path: Path) -> None:
    sha = head_sha()
    code, calls = deploy(tmp_path, "--skip-build", "--skip-push", "--health-timeout", "1", unhealthy=sha,
                         previous="0123456789ab")  # fmt: skip
    assert code == 1
    ups = [call for call in calls if " up -d " in call + " "]
    assert [call.split("|")[0] for call in ups] == [sha, "0123456789ab"]
    assert not any(call.split("|")[1].startswith(("build", "push", "image prune")) for call in calls)
    assert (tmp_path / "state" / "current-tag").read_text().strip() == "0123456789ab"


def test_a_missing_registry_is_a_usage_error(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "REGISTRY"}
    env["DEPLOY_STATE_DIR"] = str(tmp_path)
    result = subprocess.run(
        ["bash", str(REPO / "docker" / "deploy.sh"), "--skip-build"], env=env, capture_output=True, text=True
    )
    if (REPO / ".env").exists():
        pytest.skip("a local .env may define REGISTRY")
    assert result.returncode == 2
    assert "no registry" in result.stderr
