"""Dockwright's own rules find nothing at warning or above in Dockwright's own Dockerfile and compose files."""

from __future__ import annotations

import re

import pytest

from dockwright.findings import Severity
from dockwright.lint import lint
from dockwright.rules import load_all, registry
from tests.stack.stack_support import REPO

pytestmark = pytest.mark.stack

FILES = {
    "docker/Dockerfile": "dockerfile",
    "docker/cli.Dockerfile": "dockerfile",
    "docker-compose.yml": "compose",
    "docker-compose.prod.yml": "compose",
}


def dot_env_from_example() -> str:
    """The .env an operator writes from .env.example: every blank secret filled in. The compose rules read it
    the way Compose does, so required variables count as set."""
    lines = (REPO / ".env.example").read_text().splitlines()
    return "\n".join(re.sub(r"^([A-Z][A-Z0-9_]*)=$", r"\1=filled-in-by-the-operator", line) for line in lines) + "\n"


@pytest.mark.parametrize(("path", "kind"), FILES.items())
def test_our_own_files_pass_our_own_linter(path: str, kind: str) -> None:
    load_all()
    if not registry.for_target(kind):
        pytest.skip(f"no {kind} rules are registered yet")
    files = {".env": dot_env_from_example()} if kind == "compose" else {}
    result = lint((REPO / path).read_text(), kind=kind, filename=path, files=files)
    serious = [finding.to_dict() for finding in result.findings if finding.severity.rank >= Severity.WARNING.rank]
    assert serious == []
