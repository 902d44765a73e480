from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.stages import instructions_of
from dockwright.findings import Edit, Finding, Fix, Severity, Span
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class CopyDestinationNotDirectory(Rule):
    id = "DF056"
    slug = "copy-destination-not-directory"
    severity = Severity.ERROR
    title = "COPY or ADD of several sources to a destination without a trailing `/`"
    rationale = (
        "With more than one source, the destination must be a directory and must end with `/`; BuildKit "
        "stops the build otherwise."
    )
    bad = "FROM node:20-slim\nCOPY package.json package-lock.json /app\n"
    good = "FROM node:20-slim\nCOPY package.json package-lock.json /app/\n"
    fix_title = "End the destination with `/`"
    equivalents = {"hadolint": "DL3021"}
    notes = "Checked for ADD as well as COPY, after variable substitution in the destination."

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction in instructions_of(document, "COPY", "ADD"):
            if instruction.is_exec_form:
                continue
            words = instruction.words
            if len(words) < 3:
                continue
            destination = words[-1]
            if instruction.expand(destination.value).value.endswith("/"):
                continue
            span = destination.span
            insert = Span(span.end_line, span.end_column, span.end_line, span.end_column)
            safe = destination.text == destination.value
            fix = Fix(self.fix_title, (Edit(insert, "/"),), safe=True) if safe else None
            yield self.finding(
                span,
                Message(
                    "{keyword} has {words_count} sources, so `{destination}` must end with `/`",
                    keyword=instruction.keyword,
                    words_count=len(words) - 1,
                    destination=destination.value,
                ),
                fix,
            )
