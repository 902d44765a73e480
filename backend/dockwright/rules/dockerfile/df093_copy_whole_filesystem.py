from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.stages import instructions_of
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class CopyWholeFilesystem(Rule):
    id = "DF093"
    slug = "copy-whole-filesystem"
    severity = Severity.WARNING
    title = "COPY --from copies a stage's whole filesystem"
    rationale = (
        "`COPY --from=build / /` drags the builder's compilers, caches and secrets into the final image and "
        "defeats the point of a multi-stage build."
    )
    bad = "FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build / /\n"
    good = "FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build /out/app /app\n"
    fix_title = "Copy only the files the image needs"
    equivalents = {"hadolint": "DL3067"}

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction in instructions_of(document, "COPY"):
            if instruction.flag("from") is None:
                continue
            words = instruction.words
            if len(words) >= 2 and words[-1].value == "/" and any(w.value == "/" for w in words[:-1]):
                source = next(w for w in words[:-1] if w.value == "/")
                yield self.finding(source.span, Message("copies the whole filesystem of another stage"))
