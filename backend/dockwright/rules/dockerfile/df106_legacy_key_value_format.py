from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, KeyValue
from dockwright.dockerfile.queries.stages import instructions_of
from dockwright.findings import Edit, Finding, Fix, Severity, Span
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class LegacyKeyValueFormat(Rule):
    id = "DF106"
    slug = "legacy-key-value-format"
    severity = Severity.WARNING
    title = "ENV or LABEL uses the legacy `key value` form"
    rationale = (
        "`ENV key value` sets one variable to everything after the first space, which reads like two "
        "values and is easy to get wrong; BuildKit has deprecated the form in favour of `key=value`."
    )
    bad = "FROM debian:12\nENV APP_HOME /srv/app\n"
    good = "FROM debian:12\nENV APP_HOME=/srv/app\n"
    fix_title = "Write `key=value`"
    equivalents = {"buildkit": "LegacyKeyValueFormat"}

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction in instructions_of(document, "ENV", "LABEL"):
            for pair in instruction.pairs:
                if pair.legacy:
                    yield self.finding(
                        pair.key_span,
                        Message(
                            '"{keyword} {key}={quoted}" should be used instead of the legacy '
                            '"{keyword} {key} ..." form',
                            keyword=instruction.keyword,
                            key=pair.key,
                            quoted=_quoted(pair.value),
                        ),
                        self._fix(pair),
                    )

    def _fix(self, pair: KeyValue) -> Fix | None:
        key, value = pair.key_span, pair.value_span
        if key.end_line != value.start_line or not pair.value or value == key:
            return None
        if any(c in pair.value for c in "\"'\\`") or value.start_line != value.end_line:
            return None
        edits = [Edit(Span(key.end_line, key.end_column, value.start_line, value.start_column), "=")]
        if any(c.isspace() for c in pair.value):
            edits = [
                Edit(Span(key.end_line, key.end_column, value.start_line, value.start_column), '="'),
                Edit(Span(value.end_line, value.end_column, value.end_line, value.end_column), '"'),
            ]
        return Fix(self.fix_title, tuple(edits), safe=True)


def _quoted(value: str) -> str:
    return f'"{value}"' if any(c.isspace() for c in value) else value
