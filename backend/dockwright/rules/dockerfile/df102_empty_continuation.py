from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Edit, Finding, Fix, Severity, Span
from dockwright.i18n import Message
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
    notes = (
        "As in BuildKit, one finding per instruction, at the last line BuildKit reads for it (where the "
        "continuation ends); the message names the empty lines and the fix deletes them all."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for reported, empty in document.empty_continuations:
            edits = tuple(Edit(Span(line, 1, line + 1, 1), "") for line in empty)
            message = (
                Message("empty continuation line: line {line} is empty inside this instruction", line=empty[0])
                if len(empty) == 1
                else Message(
                    "empty continuation line: lines {lines} are empty inside this instruction",
                    lines=", ".join(map(str, empty)),
                )
            )
            yield self.finding(
                Span(reported, 1, reported, len(document.lines[reported - 1]) + 1),
                message,
                Fix(self.fix_title, edits, safe=True),
            )
