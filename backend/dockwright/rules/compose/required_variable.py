from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule


@register
class RequiredVariable(ComposeRule):
    id = "DC005"
    slug = "required-variable-unset"
    severity = Severity.WARNING
    title = "A required variable (`${VAR:?}` / `${VAR?}`) has no value"
    rationale = (
        "`docker compose` stops with the expression's message when a required variable is missing; the "
        "`.env` file analysed with this compose file does not provide it, so it must come from the shell."
    )
    bad = "services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD:?set it}"
    good = "services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD:-}"
    fix_title = "Define the variable in `.env` (or the environment) or give it a default"
    notes = "The shell environment of whoever runs Compose is unknown to us; only the analysed `.env` counts."

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        source = "the analysed .env file" if ".env" in context.files else "no .env file was analysed"
        for item in document.interpolation_issues:
            if item.issue.kind == "required":
                yield self.finding(item.span, f"{item.issue.message} ({source})")
