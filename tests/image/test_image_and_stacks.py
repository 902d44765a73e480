"""The container image and the compose stacks, built and run for real with podman (docker/image-test/run.sh).

Slow (minutes from empty storage, well under one once the stand-in base images are cached), so outside CI these
run only with DOCKWRIGHT_IMAGE_TESTS=1; `make image-test` runs the same script directly. With CI=true they
always run: run.sh installs podman and friends from Debian when they are missing and fails if it cannot run.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
RUN = REPO / "docker" / "image-test" / "run.sh"
SUMMARY = re.compile(r"^(\d+) passed, (\d+) failed$", re.MULTILINE)

pytestmark = pytest.mark.image


def _run_part(part: str) -> str:
    in_ci = os.environ.get("CI", "").lower() == "true"
    if not in_ci and os.environ.get("DOCKWRIGHT_IMAGE_TESTS") != "1":
        pytest.skip("slow podman image test: runs in CI, with DOCKWRIGHT_IMAGE_TESTS=1, or via `make image-test`")
    result = subprocess.run(
        ["bash", str(RUN), part], capture_output=True, text=True, timeout=1200, cwd=REPO, check=False
    )
    output = result.stdout + result.stderr
    skipped = re.search(r"^image-test SKIPPED: (.*)$", result.stdout, re.MULTILINE)
    if skipped and result.returncode == 0:
        if in_ci:
            pytest.fail(f"CI=true but the image test skipped: {skipped.group(1)}")
        pytest.skip(skipped.group(1))
    summaries = SUMMARY.findall(result.stdout)
    tail = "\n".join(output.splitlines()[-60:])
    assert result.returncode == 0, f"run.sh {part} exited {result.returncode}:\n{tail}"
    assert summaries, f"run.sh {part} printed no `N passed, N failed` line:\n{tail}"
    passed, failed = (int(n) for n in summaries[-1])
    assert failed == 0 and passed > 0, tail
    return output


def test_the_image_builds_and_runs_read_only_as_non_root_and_stops_cleanly() -> None:
    _run_part("image")


def test_the_cli_image_lints_a_mounted_folder_read_only_without_a_network() -> None:
    _run_part("cli")


def test_the_dev_stack_comes_up_keeps_data_across_a_restart_and_leaves_nothing_behind() -> None:
    _run_part("dev")


def test_the_prod_stack_migrates_once_balances_and_survives_losing_a_replica() -> None:
    _run_part("prod")


def test_the_kubernetes_manifests_play_migrate_serve_analyse_a_scan_and_come_down() -> None:
    _run_part("kube")
