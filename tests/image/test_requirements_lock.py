"""docker/requirements.lock (what the image installs, with hashes) must cover backend/requirements.txt.

The image's venv is built from the lock alone (`pip install --require-hashes`, then the backend with --no-deps),
so a runtime dependency added to backend/requirements.txt without re-running docker/lock-requirements.sh builds
fine and then fails at run time: `packaging` was missing that way, and every API request answered 500 in the
container while the host's .venv had it. This catches it without building the image.
"""

from __future__ import annotations

import re
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[2]
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)", re.MULTILINE)


def locked_versions() -> dict[str, str]:
    text = (REPO / "docker" / "requirements.lock").read_text()
    return {canonicalize_name(name): version for name, version in _PIN.findall(text)}


def runtime_requirements() -> list[Requirement]:
    lines = (REPO / "backend" / "requirements.txt").read_text().splitlines()
    return [Requirement(line.split("#", 1)[0].strip()) for line in lines if line.split("#", 1)[0].strip()]


def test_every_runtime_requirement_is_locked_at_a_version_it_allows() -> None:
    locked = locked_versions()
    problems = []
    for requirement in runtime_requirements():
        if requirement.marker is not None and not requirement.marker.evaluate({"python_version": "3.11"}):
            continue
        version = locked.get(canonicalize_name(requirement.name))
        if version is None:
            problems.append(f"{requirement.name}: not in the lock")
        elif not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{requirement.name}: locked {version}, requirements.txt wants {requirement.specifier}")
    assert problems == [], "re-run docker/lock-requirements.sh: " + "; ".join(problems)
