from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule


@register
class DuplicateContainerName(ComposeRule):
    id = "DC010"
    slug = "duplicate-container-name"
    severity = Severity.ERROR
    title = "Two services use the same container_name"
    rationale = "Container names are unique per Docker host; the second container cannot be created."
    bad = (
        "services:\n  a:\n    image: nginx:1.27\n    container_name: web\n"
        "  b:\n    image: nginx:1.27\n    container_name: web"
    )
    good = (
        "services:\n  a:\n    image: nginx:1.27\n    container_name: web-a\n"
        "  b:\n    image: nginx:1.27\n    container_name: web-b"
    )
    fix_title = "Give each service its own container_name, or drop container_name"
    equivalents = {"dclint": "no-duplicate-container-names"}
    notes = (
        "Names from variables without a value are compared as written: two services with "
        "`container_name: ${NAME}` clash whatever NAME holds. Override files count, as Compose merges them."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        owners: dict[tuple[bool, str], str] = {}
        # Names as the project sets them (override files merged in); reported where written here.
        for service in document.project(context).in_order():
            node = service.scalar("container_name")
            if node is None or not node.raw.strip():
                continue
            # A name from a variable without a value is unknown, but the same expression is the same name
            # whatever the variable holds.
            key = (node.unresolved, node.raw.strip() if node.unresolved else node.text)
            owner = owners.setdefault(key, service.name)
            if owner != service.name and document.owns(node):
                shown = node.raw.strip() if node.unresolved else node.text
                yield self.finding(
                    node.span,
                    Message(
                        "service {name!r} reuses container name {shown!r} of service {owner!r}",
                        name=service.name,
                        shown=shown,
                        owner=owner,
                    ),
                )
