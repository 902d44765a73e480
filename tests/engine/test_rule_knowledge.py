"""The tables of facts rules judge by, as their pages show them: built from the data modules, row by row."""

from __future__ import annotations

import datetime as dt

import pytest

from dockwright.data import images
from dockwright.rules import load_all, registry

load_all()
KNOWING = [rule for rule in registry if rule.knows is not None]


def test_the_rules_that_judge_by_a_table_show_it() -> None:
    assert {rule.id for rule in KNOWING} >= {"DF004", "DC034", "DF007", "DC062", "DF005", "DC059", "DC060", "DC057"}


@pytest.mark.parametrize("rule", KNOWING, ids=lambda rule: rule.id)
def test_every_row_fills_every_column_and_names_its_source(rule) -> None:
    table = rule.knowledge()
    assert table is not None and table.rows
    assert all(len(row) == len(table.columns) for row in table.rows)
    assert len(table.sources) == len(table.rows)
    assert all(source.startswith("https://") for source in table.sources)
    dt.date.fromisoformat(table.updated)


def test_the_table_shows_what_the_rule_judges_by() -> None:
    """DF007 reports curl in python:3.12-slim because the facts say it is not on PATH: the page says the same."""
    facts = images.facts_for("python:3.12-slim")
    assert facts is not None and facts.has("curl") is False
    rows = registry.get("DF007").knowledge().rows  # type: ignore[union-attr]
    slim = next(row for row in rows if row[:2] == ("python", "slim"))
    assert "curl" in slim[3].split(", ") and "curl" not in slim[2].split(", ")
