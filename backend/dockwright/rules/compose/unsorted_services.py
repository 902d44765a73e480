from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dockwright.compose.model import ComposeFile
from dockwright.compose.nodes import Mapping
from dockwright.compose.ordering import locale_key
from dockwright.compose.reorder import reorder
from dockwright.context import LintContext
from dockwright.findings import Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule


@register
class UnsortedServices(ComposeRule):
    id = "DC022"
    slug = "unsorted-services"
    severity = Severity.STYLE
    title = "Services are not in alphabetical order"
    rationale = "In a long file, alphabetical services are found without searching."
    bad = "services:\n  web:\n    image: nginx:1.27\n  api:\n    image: example/api:1.0"
    good = "services:\n  api:\n    image: example/api:1.0\n  web:\n    image: nginx:1.27"
    fix_title = "Sort the services alphabetically"
    equivalents = {"dclint": "services-alphabetical-order"}
    profile = "style"
    enabled_by_default = False
    notes = (
        "The fix (applied by `--fix`) moves whole entries with their comments, anchors and quotes; it is "
        "offered only when the rewritten file reads back as the same data (an alias moved before its anchor, "
        "a flow mapping or several entries on one line are left alone)."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        seen: list[tuple[Any, str]] = []
        fix: Fix | None = None
        for service in document.services:
            key = locale_key(service.name)
            later = [(other_key, name) for other_key, name in seen if other_key > key]
            if later:
                before = min(later)[1]
                fix = fix or self._fix(document)
                yield self.finding(
                    service.key.span,
                    Message("service {name!r} should come before {before!r}", name=service.name, before=before),
                    fix,
                )
            seen.append((key, service.name))

    def _fix(self, document: ComposeFile) -> Fix:
        services = document.top("services")
        if not isinstance(services, Mapping):
            return Fix(self.fix_title)
        keys = sorted((key for key, _ in services.own_pairs), key=lambda key: locale_key(key.raw))
        edits = reorder(document, ("services",), [*(key for key, _ in services.merges), *keys])
        return Fix(self.fix_title, edits, safe=bool(edits))
