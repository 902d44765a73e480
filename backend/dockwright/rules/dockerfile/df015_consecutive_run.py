from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, Instruction
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class ConsecutiveRun(Rule):
    id = "DF015"
    slug = "consecutive-run"
    severity = Severity.INFO
    title = "Consecutive single-command RUN instructions"
    rationale = (
        "Each RUN adds a layer and a cache step. Short commands in a row (`RUN apt-get update`, then `RUN "
        "apt-get install ...`) are better joined with `&&`: fewer layers, and no stale cached step (such as an "
        "old `apt-get update`) reused under a new one."
    )
    bad = "FROM debian:12\nRUN mkdir -p /app/data\nRUN chown 1000 /app/data\n"
    good = "FROM debian:12\nRUN mkdir -p /app/data && chown 1000 /app/data\n"
    fix_title = "Join the commands into one RUN with `&&`"
    equivalents = {"hadolint": "DL3059"}
    notes = (
        "hadolint's semantics: two RUN instructions that follow each other (comments and blank lines "
        "between are fine) with the same flags, each running a single command. A RUN with different flags "
        "(another `--mount`, `--network`) is not joinable and breaks the sequence; two RUNs with the same "
        "cache mount are reported. A RUN with several commands or a heredoc is already consolidated."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for stage in document.stages:
            previous: Instruction | None = None
            for instruction in stage.instructions[1:]:
                if instruction.keyword != "RUN":
                    previous = None
                    continue
                if previous is not None and _joinable(previous, instruction):
                    yield self.finding(
                        instruction.keyword_span,
                        Message("this RUN could be joined with the RUN on line {line}", line=previous.line),
                    )
                previous = instruction


def _joinable(first: Instruction, second: Instruction) -> bool:
    return _flags(first) == _flags(second) and _single_command(first) and _single_command(second)


def _flags(instruction: Instruction) -> list[tuple[str, str]]:
    return sorted((f.name, f.value or "") for f in instruction.flags)


def _single_command(instruction: Instruction) -> bool:
    if instruction.is_exec_form:
        return True
    script = instruction.shell
    return script is not None and not instruction.heredocs and len(script.all_commands) == 1
