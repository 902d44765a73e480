from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, Stage
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class DuplicateStageName(Rule):
    id = "DF059"
    slug = "duplicate-stage-name"
    severity = Severity.ERROR
    title = "Two stages have the same name"
    rationale = (
        "Stage names are case-insensitive and must be unique: BuildKit refuses the file, and `--from=` or "
        "`--target` could not tell the stages apart."
    )
    bad = "FROM node:20 AS build\nFROM golang:1.23 AS build\n"
    good = "FROM node:20 AS web\nFROM golang:1.23 AS api\n"
    fix_title = "Give each stage its own name"
    equivalents = {"hadolint": "DL3024", "buildkit": "DuplicateStageName"}

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        seen: dict[str, Stage] = {}
        for stage in document.stages:
            if stage.name is None or stage.name_span is None:
                continue
            first = seen.setdefault(stage.name.lower(), stage)
            if first is not stage:
                yield self.finding(
                    stage.name_span,
                    Message(
                        "stage name `{name}` is already used at line {line}",
                        name=stage.name,
                        line=first.from_instruction.line,
                    ),
                )
