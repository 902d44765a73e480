from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dockwright.compose.model import ComposeFile
from dockwright.compose.ordering import locale_key
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
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

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        seen: list[tuple[Any, str]] = []
        for service in document.services:
            key = locale_key(service.name)
            later = [(other_key, name) for other_key, name in seen if other_key > key]
            if later:
                before = min(later)[1]
                yield self.finding(service.key.span, f"service {service.name!r} should come before {before!r}")
            seen.append((key, service.name))
