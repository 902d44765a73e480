from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, Stage
from dockwright.dockerfile.queries.paths import as_written, is_windows_absolute
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class CopyRelativeDestination(Rule):
    id = "DF075"
    slug = "copy-relative-destination"
    severity = Severity.WARNING
    title = "COPY to a relative destination before any WORKDIR"
    rationale = (
        "A relative destination is resolved against the working directory, which the base image chooses "
        "when the stage sets none; the files land somewhere that changes with the base image."
    )
    bad = "FROM node:20-slim\nCOPY package.json app/\n"
    good = "FROM node:20-slim\nWORKDIR /app\nCOPY package.json ./\n"
    fix_title = "Set WORKDIR first, or use an absolute destination"
    equivalents = {"hadolint": "DL3045"}
    notes = (
        "A WORKDIR in a stage this one builds on (`FROM build`) counts, as do variables in the destination. "
        "Windows destinations (`c:\\app\\`) are absolute, judged as written when the file keeps `\\` as the "
        "escape character, as hadolint does."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for stage in document.stages:
            workdir = _inherits_workdir(stage)
            for instruction in stage.instructions:
                if instruction.keyword == "WORKDIR":
                    workdir = True
                if instruction.keyword != "COPY" or workdir or instruction.is_exec_form:
                    continue
                words = instruction.words
                if len(words) < 2:
                    continue
                destination = words[-1]
                value = destination.value
                if value.startswith(("/", "$")) or is_windows_absolute(value):
                    continue
                if is_windows_absolute(as_written(destination)):
                    continue
                yield self.finding(
                    destination.span,
                    Message("`{value}` is relative, but this stage has not set a WORKDIR", value=value),
                )


def _inherits_workdir(stage: Stage) -> bool:
    return any(s.named("WORKDIR") for s in stage.lineage[1:])
