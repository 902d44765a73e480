from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.compose.ordering import natural_key
from dockwright.compose.reorder import reorder
from dockwright.context import LintContext
from dockwright.findings import Finding, Fix, Severity
from dockwright.i18n import Message
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
    profile = "style"
    enabled_by_default = False
    notes = (
        "The fix (applied by `--fix`) moves whole entries with their comments, anchors and quotes; it is "
        "offered only when the rewritten file reads back as the same data (an alias moved before its anchor, "
        "a flow mapping or several entries on one line are left alone)."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.services:
            bindings = service.ports
            keys = [binding.sort_key for binding in bindings]
            if keys != sorted(keys, key=natural_key):
                order = [
                    binding.node for binding in sorted(bindings, key=lambda binding: natural_key(binding.sort_key))
                ]
                edits = reorder(document, ("services", service.name, "ports"), order)
                yield self.finding(
                    service.span_of("ports"),
                    Message("`ports` of service {name!r} are not sorted", name=service.name),
                    Fix(self.fix_title, edits, safe=bool(edits)),
                )
