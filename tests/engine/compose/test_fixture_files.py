"""The benchmark's compose fixtures are realistic: they lint cleanly through the whole pipeline."""

from pathlib import Path

import pytest

from dockwright.lint import lint

FIXTURES = sorted((Path(__file__).parents[2] / "fixtures" / "compose").glob("*.yml"))


def test_there_are_at_least_thirty_fixtures() -> None:
    assert len(FIXTURES) >= 30


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_every_fixture_lints_without_internal_errors(path: Path) -> None:
    result = lint(path.read_text(encoding="utf-8"), kind="compose", config={"today": "2026-11-28"})
    assert not [f for f in result.findings if "internal error" in f.message]
    invalid = {f.rule for f in result.findings} & {"DC001", "DC003"}
    assert bool(invalid) == path.name.startswith("invalid-"), invalid
