from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.stages import overridden
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class MultipleHealthcheck(Rule):
    id = "DF028"
    slug = "multiple-healthcheck"
    severity = Severity.WARNING
    title = "Several HEALTHCHECK instructions in one stage"
    rationale = (
        "Only the last HEALTHCHECK of a stage takes effect; the earlier ones are silently ignored, which usually "
        "means a command someone expects to run never does."
    )
    bad = "FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK NONE\n"
    good = "FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n"
    fix_title = "Keep a single HEALTHCHECK per stage"
    equivalents = {"hadolint": "DL3012", "buildkit": "MultipleInstructionsDisallowed"}
    notes = (
        "Like BuildKit, the overridden (earlier) HEALTHCHECK is reported; hadolint reports the later one, so a "
        "`# hadolint ignore=DL3012` comment must sit above the earlier instruction to silence Dockwright."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for earlier, later in overridden(document, "HEALTHCHECK"):
            message = Message(
                "this HEALTHCHECK has no effect: the HEALTHCHECK on line {line} replaces it", line=later.line
            )
            yield self.finding(earlier.keyword_span, message)
