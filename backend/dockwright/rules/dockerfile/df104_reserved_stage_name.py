from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

RESERVED = ("scratch", "context")


@register
class ReservedStageName(Rule):
    id = "DF104"
    slug = "reserved-stage-name"
    severity = Severity.ERROR
    title = "Stage name is a reserved word"
    rationale = (
        "`scratch` means the empty image and `context` the build context; a stage with either name cannot be "
        "referenced reliably, since `FROM scratch` or `COPY --from=context` mean the reserved thing."
    )
    bad = "FROM alpine:3.20 AS scratch\n"
    good = "FROM alpine:3.20 AS base\n"
    fix_title = "Rename the stage"
    equivalents = {"hadolint": "DL3063", "buildkit": "ReservedStageName"}

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for stage in document.stages:
            if stage.name and stage.name_span and stage.name.lower() in RESERVED:
                yield self.finding(
                    stage.name_span, Message("`{name}` is reserved and cannot name a stage", name=stage.name)
                )
