from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule


@register
class RequiredVariable(ComposeRule):
    id = "DC005"
    slug = "required-variable-unset"
    severity = Severity.WARNING
    title = "A required variable (`${VAR:?}` / `${VAR?}`) is not set by the project's env files"
    rationale = (
        "`docker compose` stops with the expression's message when a required variable is missing; the "
        "env file the project is run with (`.env` beside the file, or `--env-file`) does not set it, so "
        "it must come from the shell of whoever runs Compose."
    )
    bad = "services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD:?set it}"
    good = "services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD:-}"
    fix_title = "Define the variable in the env file (or the environment) or give it a default"
    example_files = {".env": "# DB_PASSWORD comes from the CI secrets\n"}
    notes = (
        "Reported only when an env file was given (`.env` beside the compose file, `--env-file`, an "
        "include's `env_file`): without one, which variables the shell sets is unknown, and a required "
        "variable is the file's way of asking for one. The examples are linted with a `.env` that sets nothing."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        environment = document.environment
        if not environment.given:
            return
        for item in document.interpolation_issues:
            if item.issue.kind == "required":
                yield self.finding(
                    item.span,
                    Message(
                        "{message} ({describe} does not set it)",
                        message=item.issue.message,
                        describe=environment.describe(),
                    ),
                )
