from __future__ import annotations

import re
from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule

_VALID = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9_.-]+$")


@register
class InvalidContainerName(ComposeRule):
    id = "DC017"
    slug = "invalid-container-name"
    severity = Severity.ERROR
    title = "A `container_name` Docker does not accept"
    rationale = (
        "Docker accepts container names matching `[a-zA-Z0-9][a-zA-Z0-9_.-]+` only; anything else fails "
        "when the container is created, long after the file was written."
    )
    bad = "services:\n  web:\n    image: nginx:1.27\n    container_name: my web"
    good = "services:\n  web:\n    image: nginx:1.27\n    container_name: my-web"
    fix_title = "Use letters, digits, `_`, `.` and `-` only, starting with a letter or digit"
    equivalents = {"dclint": "service-container-name-regex"}

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.services:
            node = service.scalar("container_name")
            if node is not None and not node.unresolved and not _VALID.match(node.text):
                yield self.finding(
                    node.span,
                    Message(
                        "container name {node!r} of service {name!r} is not valid for Docker",
                        node=node.text,
                        name=service.name,
                    ),
                )
