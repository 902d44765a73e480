from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.compose.nodes import boolean
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule


@register
class PrivilegedService(ComposeRule):
    id = "DC026"
    slug = "privileged-service"
    severity = Severity.ERROR
    title = "A service runs privileged"
    rationale = (
        "`privileged: true` gives the container every capability and every host device: root in the "
        "container is root on the host. Grant the one capability or device actually needed instead."
    )
    bad = "services:\n  app:\n    image: example/app:1.0\n    privileged: true"
    good = "services:\n  app:\n    image: example/app:1.0\n    cap_add: [NET_ADMIN]"
    fix_title = "Remove `privileged` and add only the capabilities or devices needed"
    notes = (
        "`privileged` is read as Compose converts booleans: `true`, and the strings `yes`, `y`, `on` and "
        "`true` in any case, quoted or from a variable (`${PRIVILEGED:-true}`), all run the service privileged."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.services:
            node = service.scalar("privileged")
            if node is not None and boolean(node):
                yield self.finding(node.span, Message("service {name!r} runs privileged", name=service.name))
