from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.compose.ordering import locale_key
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule


@register
class UnsortedDependencies(ComposeRule):
    id = "DC018"
    slug = "unsorted-dependencies"
    severity = Severity.STYLE
    title = "A service's `depends_on` is not in alphabetical order"
    rationale = "Sorted lists are easier to scan and give smaller, conflict-free diffs."
    bad = "services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - redis\n      - db"
    good = "services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - db\n      - redis"
    fix_title = "Sort the dependencies alphabetically"
    equivalents = {"dclint": "service-dependencies-alphabetical-order"}

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.services:
            names = [name for name, _, _ in service.dependencies()]
            if names != sorted(names, key=locale_key):
                yield self.finding(
                    service.span_of("depends_on"),
                    f"`depends_on` of service {service.name!r} is not sorted ({', '.join(names)})",
                )
