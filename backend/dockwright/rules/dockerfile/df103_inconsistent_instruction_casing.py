from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Edit, Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class InconsistentInstructionCasing(Rule):
    id = "DF103"
    slug = "inconsistent-instruction-casing"
    severity = Severity.STYLE
    title = "Instruction casing differs from the rest of the file"
    rationale = (
        "Instructions are case-insensitive, but a file that mixes `RUN` and `run` is harder to scan; "
        "BuildKit asks each instruction to follow the casing most of the file uses."
    )
    bad = "FROM debian:12\nRUN echo one\nrun echo two\nRUN echo three\n"
    good = "FROM debian:12\nRUN echo one\nRUN echo two\n"
    fix_title = "Write the instruction in the file's casing"
    equivalents = {"buildkit": "ConsistentInstructionCasing"}
    notes = "Ties go to upper case, Docker's convention; mixed-case keywords (`Run`) are always reported."

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        instructions = document.all_instructions()
        lower = sum(1 for i in instructions if i.keyword_text.islower())
        upper = sum(1 for i in instructions if i.keyword_text.isupper())
        majority_upper = upper >= lower
        casing = Message("upper case") if majority_upper else Message("lower case")
        for instruction in instructions:
            text = instruction.keyword_text
            wanted = text.upper() if majority_upper else text.lower()
            if text == wanted:
                continue
            fix = Fix(self.fix_title, (Edit(instruction.keyword_span, wanted),), safe=True)
            yield self.finding(
                instruction.keyword_span,
                Message(
                    "`{text}` should be `{wanted}`, like most instructions here ({casing})",
                    text=text,
                    wanted=wanted,
                    casing=casing,
                ),
                fix,
            )
