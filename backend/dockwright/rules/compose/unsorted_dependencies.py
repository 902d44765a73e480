from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.compose.ordering import locale_key
from dockwright.compose.reorder import reorder
from dockwright.context import LintContext
from dockwright.findings import Finding, Fix, Severity
from dockwright.i18n import Message
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
    profile = "style"
    enabled_by_default = False
    notes = (
        "The fix (applied by `--fix`) moves whole entries with their comments, anchors and quotes; it is "
        "offered only when the rewritten file reads back as the same data (an alias moved before its anchor, "
        "a flow mapping or several entries on one line are left alone)."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.services:
            entries = service.dependencies()
            names = [name for name, _, _ in entries]
            if names != sorted(names, key=locale_key):
                order = [node for _, node, _ in sorted(entries, key=lambda entry: locale_key(entry[0]))]
                edits = reorder(document, ("services", service.name, "depends_on"), order)
                yield self.finding(
                    service.span_of("depends_on"),
                    Message(
                        "`depends_on` of service {name!r} is not sorted ({names})",
                        name=service.name,
                        names=", ".join(names),
                    ),
                    Fix(self.fix_title, edits, safe=bool(edits)),
                )
