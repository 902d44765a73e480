from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Edit, Finding, Fix, Severity, Span
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class RedundantTargetPlatform(Rule):
    id = "DF091"
    slug = "redundant-target-platform"
    severity = Severity.INFO
    title = "FROM --platform=$TARGETPLATFORM is redundant"
    rationale = "A stage is built for the target platform by default; the flag adds noise and nothing else."
    bad = "FROM --platform=$TARGETPLATFORM alpine:3.20\n"
    good = "FROM alpine:3.20\n"
    fix_title = "Remove the `--platform` flag"
    equivalents = {"hadolint": "DL3065", "buildkit": "RedundantTargetPlatform"}

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for stage in document.stages:
            flag = stage.from_instruction.flag("platform")
            if flag is None or flag.value not in ("$TARGETPLATFORM", "${TARGETPLATFORM}"):
                continue
            span = flag.span
            line = document.lines[span.end_line - 1]
            end = span.end_column
            while end - 1 < len(line) and line[end - 1 : end] in (" ", "\t"):
                end += 1
            fix = None
            if span.start_line == span.end_line:
                fix = Fix(
                    self.fix_title, (Edit(Span(span.start_line, span.start_column, span.end_line, end), ""),), safe=True
                )
            yield self.finding(span, Message("`--platform={flag}` is the default and can go", flag=flag.value), fix)
