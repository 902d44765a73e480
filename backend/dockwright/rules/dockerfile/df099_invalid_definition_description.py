from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, Instruction
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class InvalidDefinitionDescription(Rule):
    id = "DF099"
    slug = "invalid-definition-description"
    severity = Severity.STYLE
    title = "Comment before FROM or ARG does not describe it"
    rationale = (
        "`docker buildx build --call=outline` and `--call=targets` show the comment right before a named FROM "
        "or an ARG as the description of the stage or argument, when it starts with that name. A comment that "
        "does not is shown as nothing, or read as a description by mistake."
    )
    bad = "# a non-descriptive comment\nFROM alpine:3.20 AS base\n# another non-descriptive comment\nARG VERSION=1\n"
    good = (
        "# base is a stage for compiling source\nFROM alpine:3.20 AS base\n"
        "# VERSION is the version number\nARG VERSION=1\n"
    )
    fix_title = "Start the comment with the stage or argument name, or put a `#` line between it and the instruction"
    equivalents = {"buildkit": "InvalidDefinitionDescription"}
    # Experimental in BuildKit: it runs only where `# check=experimental=InvalidDefinitionDescription` (or a
    # config's `enable`) asks for it.
    enabled_by_default = False
    notes = (
        "Experimental in BuildKit, and off unless switched on: by the config, or by BuildKit's own "
        "`# check=experimental=InvalidDefinitionDescription` at the top of the file (or before one instruction, "
        "for that instruction); `# check=skip=` does not switch it off, as in BuildKit. The comments are those "
        "BuildKit attaches to the instruction: since the previous instruction, blank lines included, until a "
        "comment line holding only `#`. BuildKit's documentation says an empty line separates a comment from "
        "the instruction, but its parser does not, and neither do we: only a `#` line does."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction in document.instructions:
            names = _defined(instruction)
            if not names or not instruction.prev_comments:
                continue
            if instruction.prev_comments[-1].split(" ", 1)[0] in names:
                continue
            example = names[0] if len(names) == 1 else "<arg_key>"
            yield self.finding(
                instruction.keyword_span,
                Message(
                    "the comment before this {keyword} is read as its description: start it with `# {example} "
                    "<description>`, or put a `#` line between them",
                    keyword=instruction.keyword,
                    example=example,
                ),
            )


def _defined(instruction: Instruction) -> list[str]:
    """The names a comment before the instruction describes: a FROM's stage name (lower-case, as BuildKit keeps
    it), an ARG's keys."""
    if instruction.keyword == "FROM":
        stage = instruction.stage
        return [stage.name.lower()] if stage is not None and stage.name else []
    if instruction.keyword == "ARG":
        return [pair.key for pair in instruction.pairs if pair.key]
    return []
