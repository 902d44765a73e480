from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
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

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        owners: dict[str, str] = {}
        for service in document.services:
            node = service.scalar("container_name")
            if node is None or node.unresolved or not node.text:
                continue
            owner = owners.setdefault(node.text, service.name)
            if owner != service.name:
                yield self.finding(
                    node.span, f"service {service.name!r} reuses container name {node.text!r} of service {owner!r}"
                )
