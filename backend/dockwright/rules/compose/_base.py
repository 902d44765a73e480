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
    # Whether the rule also runs on YAML that is not Compose (only the rule saying so does).
    checks_foreign: bool = False

    def check(self, document: Any, context: Any) -> Iterable[Finding]:
        assert isinstance(document, ComposeFile)
        if document.foreign is not None and not self.checks_foreign:
            return ()
        document.prepare(context)
        return self.check_compose(document, context)

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterable[Finding]:
        raise NotImplementedError
