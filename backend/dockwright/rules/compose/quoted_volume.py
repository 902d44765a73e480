from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.loader import load
from dockwright.compose.model import ComposeFile
from dockwright.compose.nodes import Scalar, Sequence
from dockwright.context import LintContext
from dockwright.findings import Edit, Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule


@register
class QuotedVolume(ComposeRule):
    id = "DC013"
    slug = "quoted-volume"
    severity = Severity.STYLE
    title = "A service's volume is quoted"
    rationale = "Volume specifications need no quotes; dclint's style keeps them plain."
    bad = 'services:\n  db:\n    image: postgres:17\n    volumes:\n      - "./data:/var/lib/postgresql/data"'
    good = "services:\n  db:\n    image: postgres:17\n    volumes:\n      - ./data:/var/lib/postgresql/data"
    fix_title = "Remove the quotes"
    equivalents = {"dclint": "no-quotes-in-volumes"}
    profile = "style"
    enabled_by_default = False

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.services:
            volumes = service.get("volumes")
            if not isinstance(volumes, Sequence):
                continue
            for item in volumes.items:
                if isinstance(item, Scalar) and item.is_quoted:
                    safe = _reads_the_same_unquoted(item)
                    edits = (Edit(item.span, item.raw),) if safe else ()
                    yield self.finding(
                        item.span,
                        Message("volume {item!r} of service {name!r} is quoted", item=item.raw, name=service.name),
                        Fix(self.fix_title, edits, safe),
                    )


def _reads_the_same_unquoted(item: Scalar) -> bool:
    """Whether YAML reads the unquoted text as the very same string (no `: `, `#`, leading `*`...)."""
    if item.span.start_line != item.span.end_line or "\n" in item.raw or not item.raw.strip():
        return False
    loaded = load(f"- {item.raw}\n")
    if loaded.problems or not isinstance(loaded.root, Sequence) or len(loaded.root.items) != 1:
        return False
    unquoted = loaded.root.items[0]
    return isinstance(unquoted, Scalar) and unquoted.value == item.raw
