from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule
from dockwright.rules.compose._production import DEBUG_NAMES, production_service
from dockwright.rules.compose._servers import environment_entries

_ON = ("1", "true", "yes", "on")


@register
class DebugInProduction(ComposeRule):
    id = "DC065"
    slug = "debug-in-production"
    severity = Severity.WARNING
    title = "A production service switches an application's debug mode on"
    rationale = (
        "Debug mode (Django's DEBUG, Flask's FLASK_DEBUG, Laravel's APP_DEBUG) shows tracebacks with settings "
        "and environment to whoever triggers an error, and may serve an interactive debugger; it also keeps "
        "caches and checks meant for development."
    )
    bad = (
        "services:\n  web:\n    image: example/web:1.0\n    environment:\n      APP_ENV: production\n"
        "      APP_DEBUG: 'true'"
    )
    good = (
        "services:\n  web:\n    image: example/web:1.0\n    environment:\n      APP_ENV: production\n"
        "      APP_DEBUG: 'false'"
    )
    fix_title = "Switch debug off in the production file (and on only in a development override)"
    notes = (
        "Judged on services meant for production: in files named for production (`docker-compose.prod.yml`, "
        "`compose.production.yaml`), or whose environment says production (NODE_ENV, RAILS_ENV, APP_ENV and "
        "the like set to production); override, dev, local, test and CI files never are. The variables are "
        "DEBUG, DJANGO_DEBUG, FLASK_DEBUG and APP_DEBUG, on when 1, true, yes or on; a value from a variable "
        "without a value is not judged. No peer has this check."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.services:
            if not production_service(service, context.filename):
                continue
            for name, value, node in environment_entries(service):
                if DEBUG_NAMES.match(name) and value.strip().lower() in _ON:
                    yield self.finding(
                        node.span,
                        Message(
                            "{variable}={value} switches debug mode on for production service {name!r}",
                            variable=name,
                            value=value.strip(),
                            name=service.name,
                        ),
                    )
