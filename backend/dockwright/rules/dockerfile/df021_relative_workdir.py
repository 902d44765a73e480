from __future__ import annotations

import re
from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Finding, Severity
from dockwright.rules.base import Rule, register

_WINDOWS_ABSOLUTE = re.compile(r"^([A-Za-z]:)?[\\/]")


@register
class RelativeWorkdir(Rule):
    id = "DF021"
    slug = "relative-workdir"
    severity = Severity.WARNING
    title = "First WORKDIR of a stage is a relative path"
    rationale = (
        "A relative WORKDIR is resolved against the base image's working directory, which this Dockerfile "
        "does not control: a new base image release can move the application. Start each stage from an "
        "absolute WORKDIR."
    )
    bad = "FROM python:3.12-slim\nWORKDIR app\n"
    good = "FROM python:3.12-slim\nWORKDIR /app\n"
    fix_title = "Use an absolute path"
    equivalents = {"hadolint": "DL3000", "buildkit": "WorkdirRelativePath"}
    notes = (
        "Follows BuildKit: only the first WORKDIR of a stage is checked (later relative ones build on a path "
        "this Dockerfile set), and a WORKDIR in a stage it builds on (`FROM <stage>`) counts as set. hadolint "
        "reports every relative WORKDIR. Paths are judged after ARG/ENV substitution; unresolved ones are not."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for stage in document.stages:
            if any(s.named("WORKDIR") for s in stage.lineage[1:]):
                continue
            workdirs = stage.named("WORKDIR")
            if not workdirs or not workdirs[0].words:
                continue
            workdir = workdirs[0]
            expansion = workdir.expand(workdir.words[0].value)
            if expansion.undefined or not expansion.value or _WINDOWS_ABSOLUTE.match(expansion.value):
                continue
            yield self.finding(
                workdir.arguments_span,
                f"`WORKDIR {expansion.value}` is relative to the base image's working directory",
            )
