from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.edits import preferred_quote, quoted
from dockwright.compose.model import ComposeFile
from dockwright.compose.nodes import Scalar, Sequence
from dockwright.context import LintContext
from dockwright.findings import Edit, Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule


@register
class UnquotedPort(ComposeRule):
    id = "DC016"
    slug = "unquoted-port"
    severity = Severity.INFO
    title = "A port in `ports` or `expose` is not quoted"
    rationale = (
        "YAML 1.1 readers turn an unquoted `22:22` into the number 1342 (base 60); quoting every port keeps "
        "the file meaning the same to every tool that reads it."
    )
    bad = "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - 8080:80"
    good = 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"'
    fix_title = "Quote the port"
    equivalents = {"dclint": "require-quotes-in-ports"}
    profile = "style"
    enabled_by_default = False
    notes = (
        "dclint wants single quotes by default (its `quoteType` option); we accept either kind, and the fix "
        "uses the quotes the file uses most for its values (single quotes when it quotes none)."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        quote = ""
        for service in document.services:
            for section in ("ports", "expose"):
                items = service.get(section)
                if not isinstance(items, Sequence):
                    continue
                for item in items.items:
                    if isinstance(item, Scalar) and item.style is None:
                        quote = quote or preferred_quote(document)
                        simple = item.span.start_line == item.span.end_line and item.source == item.raw
                        replacement = quoted(item.raw, quote) if simple else None
                        edits = (Edit(item.span, replacement),) if replacement else ()
                        yield self.finding(
                            item.span,
                            Message(
                                "port {item!r} in `{section}` of service {name!r} is not quoted",
                                item=item.raw,
                                section=section,
                                name=service.name,
                            ),
                            Fix(self.fix_title, edits, safe=bool(edits)),
                        )
