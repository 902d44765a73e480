from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.compose.nodes import Scalar, Sequence
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule

_ENABLED = {"no-new-privileges", "no-new-privileges:true", "no-new-privileges=true"}


@register
class MissingNoNewPrivileges(ComposeRule):
    id = "DC030"
    slug = "missing-no-new-privileges"
    severity = Severity.INFO
    title = "A service does not set `no-new-privileges`"
    rationale = (
        "`security_opt: [no-new-privileges:true]` stops setuid binaries (su, sudo, ping...) from raising a "
        "process's privileges inside the container, closing a common escalation path at no cost."
    )
    bad = "services:\n  app:\n    image: example/app:1.0"
    good = "services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - no-new-privileges:true"
    fix_title = "Add `security_opt: [no-new-privileges:true]`"
    notes = (
        "With `extends`, what the base service sets counts, as Compose merges it in; the finding stays on "
        "the service in this file. A service whose base cannot be read (its file is not among the analysed "
        "files or lies outside the compose file's folder) is not reported."
        " Override files (and `-f` lists) are merged in as Compose merges them; the finding is in the first"
        " file of the project that defines the service."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.project(context).first_defined_here():
            if service.incomplete:
                continue
            options = service.get("security_opt")
            values = (
                {item.text.strip().lower() for item in options.items if isinstance(item, Scalar)}
                if isinstance(options, Sequence)
                else set()
            )
            if not values & _ENABLED:
                yield self.finding(
                    service.span_of("security_opt"),
                    Message("service {name!r} does not set no-new-privileges", name=service.name),
                )
