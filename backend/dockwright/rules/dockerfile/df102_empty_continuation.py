from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Edit, Finding, Fix, Severity, Span
from dockwright.rules.base import Rule, register


@register
class EmptyContinuation(Rule):
    id = "DF102"
    slug = "empty-continuation"
    severity = Severity.WARNING
    title = "Empty line inside a continued instruction"
    rationale = (
        "An empty line after a trailing `\\` is skipped today, but BuildKit has deprecated it and a future "
        "release will end the instruction there, silently cutting off the rest."
    )
    bad = "FROM debian:12\nRUN apt-get update && \\\n\n    apt-get install -y curl\n"
    good = "FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl\n"
    fix_title = "Delete the empty line"
    equivalents = {"buildkit": "NoEmptyContinuation"}

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for line in document.empty_continuation_lines:
            fix = Fix(self.fix_title, (Edit(Span(line, 1, line + 1, 1), ""),), safe=True)
            yield self.finding(
                Span(line, 1, line, max(len(document.lines[line - 1]), 0) + 1), "empty continuation line", fix
            )
