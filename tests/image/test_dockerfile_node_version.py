"""The Node.js release docker/Dockerfile pins must satisfy `engines.node` of every package in the SPA's lockfile.

npm only warns (EBADENGINE) for a regular dependency, but it silently skips an *optional* one whose engines do not
match. That is how Vite's native bundler binding (`@rolldown/binding-linux-x64-gnu`, `node: ^20.19.0 || >=22.12.0`)
went missing under `node:22.11.0` and `npm run build` failed in the image while it passed on the host's Node 20.20.
This catches it in milliseconds instead of minutes into the image build.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dockwright.dockerfile.parser import parse_dockerfile

REPO = Path(__file__).resolve().parents[2]
_COMPARATOR = re.compile(r"(>=|<=|>|<|=|\^|~)?\s*v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?")

Version = tuple[int, int, int]


def _parts(match: re.Match[str]) -> list[int]:
    """The numeric parts written before the first wildcard: `12.11.*` -> [12, 11]."""
    parts: list[int] = []
    for group in match.groups()[1:]:
        if group is None or not group.isdigit():
            break
        parts.append(int(group))
    return parts


def _comparator_holds(version: Version, match: re.Match[str]) -> bool:
    operator, parts = match.group(1) or "=", _parts(match)
    if not parts:
        return True  # `*`, `x`
    low = (*parts, 0, 0)[:3]
    if operator == "=":
        return list(version[: len(parts)]) == parts
    if operator == ">=":
        return version >= low
    if operator == ">":
        return version > low
    if operator == "<":
        return version < low
    if operator == "<=":
        return version <= low
    if operator == "^":
        bump = next((i for i, part in enumerate(parts) if part != 0), len(parts) - 1)
    else:  # "~": the minor may move only when no minor was written
        bump = 1 if len(parts) > 1 else 0
    high = tuple(part + 1 if i == bump else part if i < bump else 0 for i, part in enumerate(low))
    return low <= version < high


def satisfies(version: Version, npm_range: str) -> bool:
    """npm's range syntax, the subset lockfiles use: `||`, comparators, `^`, `~`, `x`/`*` wildcards."""
    for alternative in npm_range.split("||"):
        comparators = list(_COMPARATOR.finditer(alternative))
        if comparators and all(_comparator_holds(version, c) for c in comparators):
            return True
    return False


def pinned_node_version() -> Version | None:
    dockerfile = parse_dockerfile((REPO / "docker" / "Dockerfile").read_text())
    for stage in dockerfile.stages:
        image = stage.image
        if image is not None and image.name == "node" and image.tag:
            match = re.match(r"(\d+)\.(\d+)\.(\d+)", image.tag)
            if match:
                return (int(match.group(1)), int(match.group(2)), int(match.group(3)))
    return None


@pytest.mark.parametrize(
    ("version", "npm_range", "expected"),
    [
        ((22, 11, 0), "^20.19.0 || >=22.12.0", False),
        ((22, 12, 0), "^20.19.0 || >=22.12.0", True),
        ((20, 20, 2), "^20.19.0 || >=22.12.0", True),
        ((22, 12, 0), "^20.19.0 || ^22.13.0 || >=24", False),
        ((22, 20, 0), "^20.19.0 || ^22.13.0 || >=24", True),
        ((22, 20, 0), ">= 12.11.*", True),
        ((22, 20, 0), "6.* || 8.* || >= 10.*", True),
        ((22, 20, 0), "18 || 20 || >=22", True),
        ((21, 0, 0), "18 || 20", False),
        ((14, 18, 0), "~14.17", False),
        ((22, 20, 0), ">=v12.22.7", True),
        ((4, 1, 0), "4.x || >=6.0.0", True),
    ],
)
def test_npm_ranges_are_read_as_npm_reads_them(version: Version, npm_range: str, expected: bool) -> None:
    assert satisfies(version, npm_range) is expected


def test_the_pinned_node_satisfies_every_engine_in_the_lockfile() -> None:
    version = pinned_node_version()
    if version is None:
        pytest.skip("the Dockerfile's node tag names no exact x.y.z release; nothing fixed to check")
    packages = json.loads((REPO / "frontend" / "package-lock.json").read_text()).get("packages", {})
    unmet = sorted(
        f"{path.removeprefix('node_modules/')} needs node {engines['node']}"
        for path, meta in packages.items()
        if isinstance(engines := meta.get("engines"), dict)
        and isinstance(engines.get("node"), str)
        and not satisfies(version, engines["node"])
    )
    assert unmet == [], f"node {'.'.join(map(str, version))} does not satisfy: {unmet}"
