"""Helpers for rule tests that check fixes: lint a snippet, apply one rule's fixes, return the new text."""

from __future__ import annotations

from dockwright.findings import Finding
from dockwright.fixes import apply_fixes
from dockwright.lint import lint
from tests.engine.rule_table import TODAY


def findings_for(rule_id: str, text: str) -> list[Finding]:
    result = lint(text, kind="dockerfile", config={"today": TODAY, "shellcheck": False, "enable": [rule_id]})
    return [f for f in result.findings if f.rule == rule_id]


def fixed(rule_id: str, text: str, safe_only: bool = True) -> str:
    """``text`` with the fixes of ``rule_id``'s findings applied (safe ones only by default)."""
    return apply_fixes(text, findings_for(rule_id, text), safe_only=safe_only)[0]
