from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.compose.ordering import natural_key
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule


@register
class UnsortedPorts(ComposeRule):
    id = "DC021"
    slug = "unsorted-ports"
    severity = Severity.STYLE
    title = "A service's `ports` are not sorted"
    rationale = "Ports sorted by host port make a clash or a gap visible at a glance."
    bad = "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - '8443:443'\n      - '8080:80'"
    good = "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - '8080:80'\n      - '8443:443'"
    fix_title = "Sort the ports by host port"
    equivalents = {"dclint": "service-ports-alphabetical-order"}

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.services:
            keys = [binding.sort_key for binding in service.ports]
            if keys != sorted(keys, key=natural_key):
                yield self.finding(service.span_of("ports"), f"`ports` of service {service.name!r} are not sorted")
