from __future__ import annotations

import re
from collections.abc import Iterator

from dockwright.compose.model import ComposeFile, scalars
from dockwright.compose.nodes import Node
from dockwright.context import LintContext
from dockwright.dockerfile.queries.secrets import is_secret_name
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule
from dockwright.rules.compose._production import production_service

# `${NAME:-default}` or `${NAME-default}` with a default written out (not another variable).
_DEFAULTED = re.compile(r"\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*):?-(?P<default>[^${}]+)\}")


@register
class SecretDefaultValue(ComposeRule):
    id = "DC066"
    slug = "secret-default-value"
    severity = Severity.WARNING
    title = "A production service gives a secret a default value"
    rationale = (
        "`${SECRET_KEY:-changeme}` runs with the default whenever the variable is missing, silently: the "
        "deployment that forgot to set it signs sessions or opens the database with a value written in a "
        "public file. A required variable (`${SECRET_KEY:?set SECRET_KEY}`) stops Compose instead."
    )
    bad = (
        "services:\n  web:\n    image: example/web:1.0\n    environment:\n      NODE_ENV: production\n"
        "      SECRET_KEY: ${SECRET_KEY:-changeme}"
    )
    good = (
        "services:\n  web:\n    image: example/web:1.0\n    environment:\n      NODE_ENV: production\n"
        "      SECRET_KEY: ${SECRET_KEY:?set it}"
    )
    fix_title = "Make the variable required: `${SECRET_KEY:?set SECRET_KEY}`, or read it from a compose secret"
    notes = (
        "Judged on services meant for production: in files named for production (`docker-compose.prod.yml`, "
        "`compose.production.yaml`), or whose environment says production (NODE_ENV=production and the like). "
        "A variable "
        "counts as a secret by its name (PASSWORD, SECRET, TOKEN, API_KEY and the like, as DC024 and DF024 read "
        "names). DC024 reports a secret written out without a variable. No peer has this check."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.services:
            if production_service(service, context.filename):
                yield from self._defaults(service.body)

    def _defaults(self, body: Node) -> Iterator[Finding]:
        for scalar in scalars(body):
            if "${" not in scalar.raw:
                continue
            for match in _DEFAULTED.finditer(scalar.raw):
                if is_secret_name(match.group("name")):
                    yield self.finding(
                        scalar.offset_span(match.start(), match.end()),
                        Message(
                            "secret {variable} defaults to {default!r} when it is not set",
                            variable=match.group("name"),
                            default=match.group("default"),
                        ),
                    )
