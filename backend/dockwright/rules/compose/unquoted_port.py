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
from dockwright.rules.options import RuleOption, choice

QUOTES = {"single": "'", "double": '"'}


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
    options = (
        RuleOption(
            "quote",
            "the quotes a port must be in: any (either kind), single or double; the fix writes these quotes",
            "any",
            choice("any", "single", "double"),
            dclint="quoteType",
        ),
    )
    notes = (
        "dclint wants single quotes by default (its `quoteType` option); by default we accept either kind, and "
        "the fix uses the quotes the file uses most for its values (single quotes when it quotes none). "
        "With `quote: single` or `double` (dclint's `quoteType`), a port in the other quotes is reported too."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        wanted = QUOTES.get(self.option(context, "quote"))
        quote = wanted or ""
        for service in document.services:
            for section in ("ports", "expose"):
                items = service.get(section)
                if not isinstance(items, Sequence):
                    continue
                for item in items.items:
                    if not isinstance(item, Scalar) or not _misquoted(item, wanted):
                        continue
                    quote = quote or preferred_quote(document)
                    single_line = item.span.start_line == item.span.end_line
                    simple = single_line and (item.source == item.raw or item.source[1:-1] == item.raw)
                    replacement = quoted(item.raw, quote) if simple else None
                    edits = (Edit(item.span, replacement),) if replacement else ()
                    fields = {"item": item.raw, "section": section, "name": service.name}
                    message = (
                        Message("port {item!r} in `{section}` of service {name!r} is not quoted", **fields)
                        if item.style is None
                        else Message(
                            "port {item!r} in `{section}` of service {name!r} is not in {quotes} quotes",
                            quotes=self.option(context, "quote"),
                            **fields,
                        )
                    )
                    yield self.finding(item.span, message, Fix(self.fix_title, edits, safe=bool(edits)))


def _misquoted(item: Scalar, wanted: str | None) -> bool:
    """Plain, or (when the config asks for one kind of quotes) in the other kind."""
    return item.style is None or bool(wanted and item.is_quoted and item.style != wanted)
