from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.stages import overridden
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class MultipleEntrypoint(Rule):
    id = "DF027"
    slug = "multiple-entrypoint"
    severity = Severity.WARNING
    title = "Several ENTRYPOINT instructions in one stage"
    rationale = (
        "Only the last ENTRYPOINT of a stage takes effect; the earlier ones are silently ignored, which usually "
        "means a command someone expects to run never does."
    )
    bad = 'FROM debian:12\nENTRYPOINT ["/usr/bin/tini", "--"]\nENTRYPOINT ["/entrypoint.sh"]\n'
    good = 'FROM debian:12\nENTRYPOINT ["/usr/bin/tini", "--", "/entrypoint.sh"]\n'
    fix_title = "Keep a single ENTRYPOINT per stage"
    equivalents = {"hadolint": "DL4004", "buildkit": "MultipleInstructionsDisallowed"}
    notes = (
        "Like BuildKit, the overridden (earlier) ENTRYPOINT is reported; hadolint reports the later one, so a "
        "`# hadolint ignore=DL4004` comment must sit above the earlier instruction to silence Dockwright."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for earlier, later in overridden(document, "ENTRYPOINT"):
            message = Message(
                "this ENTRYPOINT has no effect: the ENTRYPOINT on line {line} replaces it", line=later.line
            )
            yield self.finding(earlier.keyword_span, message)
