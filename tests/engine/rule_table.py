"""Rule tests as tables: snippets that must trigger a rule at a position, and near misses that must not.

Every snippet runs through the full pipeline (`dockwright.lint.lint`), pragmas and config included, with a
fixed date so end-of-life checks are stable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest

from dockwright.lint import lint

TODAY = "2026-11-28"

Trigger = tuple[str, int, int]  # snippet, expected line, expected column


def findings_of(
    rule_id: str, snippet: str, kind: str | None = None, filename: str | None = None, **config: Any
) -> list[tuple[int, int]]:
    """Positions of the findings of ``rule_id`` in ``snippet`` (the rule enabled even if off by default), linted
    as a file named ``filename`` when one is given."""
    settings = {"today": TODAY, "shellcheck": False, "enable": [rule_id], **config}
    result = lint(snippet, kind=kind, config=settings, filename=filename)
    return [(f.line, f.column) for f in result.findings if f.rule == rule_id]


def rule_table(
    rule_id: str,
    triggers: Sequence[Trigger],
    near_misses: Sequence[str],
    kind: str = "dockerfile",
    filename: str | None = None,
    **config: Any,
) -> tuple[Callable[..., None], Callable[..., None]]:
    """Two parametrised tests for a rule module: ``test_triggers, test_near_misses = rule_table(...)``."""

    @pytest.mark.parametrize(("snippet", "line", "column"), triggers)
    def test_triggers(snippet: str, line: int, column: int) -> None:
        assert (line, column) in findings_of(rule_id, snippet, kind, filename, **config)

    @pytest.mark.parametrize("snippet", near_misses)
    def test_near_misses(snippet: str) -> None:
        assert findings_of(rule_id, snippet, kind, filename, **config) == []

    return test_triggers, test_near_misses
