from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.paths import as_written, is_windows_absolute
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


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
        "reports every relative WORKDIR. Paths are judged after ARG/ENV substitution; unresolved ones are not. "
        "Windows paths (`C:\\app`, `\\app`) are absolute; one written with backslashes in a file that keeps `\\` "
        "as the escape character (no `# escape=`` directive) is judged as written, as hadolint does."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for stage in document.stages:
            if any(s.named("WORKDIR") for s in stage.lineage[1:]):
                continue
            workdirs = stage.named("WORKDIR")
            if not workdirs or not workdirs[0].words:
                continue
            workdir = workdirs[0]
            if is_windows_absolute(as_written(workdir.words[0])):
                continue  # `WORKDIR C:\app`, judged as written (see the notes)
            expansion = workdir.expand(workdir.words[0].value)
            if expansion.undefined or not expansion.value or expansion.value.startswith("/"):
                continue
            if is_windows_absolute(expansion.value):
                continue
            yield self.finding(
                workdir.arguments_span,
                Message(
                    "`WORKDIR {expansion}` is relative to the base image's working directory", expansion=expansion.value
                ),
            )
