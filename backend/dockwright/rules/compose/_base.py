"""What every compose rule shares: the target, and interpolation against the project's env files first."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.findings import Finding
from dockwright.rules.base import Rule


class ComposeRule(Rule):
    target = "compose"

    def check(self, document: Any, context: Any) -> Iterable[Finding]:
        assert isinstance(document, ComposeFile)
        document.prepare(context)
        return self.check_compose(document, context)

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterable[Finding]:
        raise NotImplementedError
