from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, Instruction
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class CopyFromUnknownStage(Rule):
    id = "DF057"
    slug = "copy-from-unknown-stage"
    severity = Severity.WARNING
    title = "COPY --from names no earlier stage"
    rationale = (
        "`COPY --from=name` takes files from the stage called `name` when one was defined before; otherwise "
        "BuildKit pulls an image called `name` from a registry. A typo in a stage name, or a stage defined "
        "later in the file, silently turns into a pull of some unrelated (or missing) image."
    )
    bad = "FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM debian:12\nCOPY --from=biuld /app /app\n"
    good = "FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM debian:12\nCOPY --from=build /app /app\n"
    fix_title = "Name a stage defined above, or give the image with a tag"
    equivalents = {"hadolint": "DL3022"}
    notes = (
        "A value that looks like an image reference (with a tag, digest, registry or path) is accepted as an "
        "image; a stage number must refer to an earlier stage."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction in document.all_instructions():
            flag = instruction.flag("from") if instruction.keyword in ("COPY", "ADD") else None
            if flag is None or not flag.value or instruction.stage is None:
                continue
            problem = _problem(instruction, instruction.expand(flag.value).value, document)
            if problem:
                yield self.finding(flag.value_span or flag.span, problem)


def _problem(instruction: Instruction, source: str, document: Dockerfile) -> Message | None:
    current = instruction.stage
    assert current is not None
    if not source or "$" in source:
        return None
    if source.isdigit():
        if len(source) > 9:
            return Message(
                "there is no stage {source}… (this file has {count})", source=source[:12], count=len(document.stages)
            )
        if int(source) >= current.index and int(source) < len(document.stages):
            return Message(
                "stage {source} is not defined before this instruction (stages are numbered from 0)", source=source
            )
        if int(source) >= len(document.stages):
            return Message(
                "there is no stage {source} (this file has {count})", source=source, count=len(document.stages)
            )
        return None
    named = document.stage_named(source)
    if named is not None:
        if named.index > current.index:
            return Message(
                "stage `{source}` is defined later (line {line}); move it above",
                source=source,
                line=named.from_instruction.line,
            )
        return None
    if any(c in source for c in ":@/."):
        return None
    return Message("no stage is named `{source}`, so BuildKit will pull the image `{source}:latest`", source=source)
