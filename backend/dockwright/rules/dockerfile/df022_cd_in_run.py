from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.commands import commands_of
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class CdInRun(Rule):
    id = "DF022"
    slug = "cd-in-run"
    severity = Severity.WARNING
    title = "`cd` in RUN instead of WORKDIR"
    rationale = (
        "A `cd` lasts only until the end of its RUN, so the next instruction silently runs elsewhere; WORKDIR "
        "sets the directory for every following instruction and for the container, and creates it if needed."
    )
    bad = "FROM debian:12\nRUN cd /usr/src/app && make\n"
    good = "FROM debian:12\nWORKDIR /usr/src/app\nRUN make\n"
    fix_title = "Use WORKDIR to change directory"
    equivalents = {"hadolint": "DL3003"}

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for _, command in commands_of(document, "cd"):
            yield self.finding(command.name.span, Message("`cd` changes directory only for this RUN"))
