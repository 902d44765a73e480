"""What is at a position of a parsed Dockerfile: the instruction, a `${VAR}` and the ARG/ENV that set it,
a stage named by ``COPY --from``, ``RUN --mount=from=`` or ``FROM``, a base image."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dockwright.dockerfile.model import Dockerfile, Instruction, KeyValue, Stage
from dockwright.findings import Span
from dockwright.lsp.positions import contains

# `$NAME` or `${NAME...}`: BuildKit's names (any letter, digit or `_`, not starting with a digit).
_VARIABLE = re.compile(r"\$(?:\{(?P<braced>[^\W\d]\w*)[^}]*\}?|(?P<plain>[^\W\d]\w*))")


@dataclass(frozen=True)
class Definition:
    """An ARG or ENV that sets a variable: the instruction and its ``NAME=value`` pair."""

    instruction: Instruction
    pair: KeyValue


def instruction_at(document: Dockerfile, line: int) -> Instruction | None:
    """The instruction whose lines hold ``line`` (an ONBUILD's trigger rather than the ONBUILD itself)."""
    for instruction in document.instructions:
        if instruction.span.start_line <= line <= instruction.span.end_line:
            return instruction.trigger or instruction
    return None


def variable_at(lines: list[str], line: int, column: int) -> tuple[str, Span] | None:
    """The variable reference under the cursor and its span."""
    if not 1 <= line <= len(lines):
        return None
    for match in _VARIABLE.finditer(lines[line - 1]):
        if match.start() > 0 and lines[line - 1][match.start() - 1] == "\\":
            continue  # `\$NAME` is a literal dollar sign
        span = Span(line, match.start() + 1, line, match.end() + 1)
        if contains(span, line, column):
            return match.group("braced") or match.group("plain"), span
    return None


def definitions(document: Dockerfile, instruction: Instruction, name: str) -> list[Definition]:
    """The ARG/ENV instructions in force for ``name`` at ``instruction``, the one that wins first.

    In a stage that is the last ENV, else the last ARG, of the stage and the stages it is built on (ENV wins
    over an ARG of the same name); a bare ``ARG NAME`` re-declaring a global ARG is followed by that global
    ARG, whose value it takes. FROM lines see the global ARGs only.
    """
    owner = instruction.parent or instruction
    stage = owner.stage
    global_args = [d for d in _defining(document.global_args, name) if d.instruction.index < owner.index]
    if owner.keyword == "FROM" or stage is None:
        return global_args[-1:]
    earlier = [i for s in reversed(stage.lineage) for i in s.instructions if i.index < owner.index]
    found = _defining(earlier, name)
    envs = [d for d in found if d.instruction.keyword == "ENV"]
    if envs:
        return envs[-1:]
    if not found:
        return []
    last = found[-1]
    if not last.pair.has_value and global_args:
        return [last, global_args[-1]]
    return [last]


def _defining(instructions: list[Instruction], name: str) -> list[Definition]:
    return [
        Definition(instruction, pair)
        for instruction in instructions
        if instruction.keyword in ("ARG", "ENV")
        for pair in instruction.pairs
        if pair.key == name
    ]


def stage_reference_at(
    document: Dockerfile, instruction: Instruction, line: int, column: int
) -> tuple[Stage, Span] | None:
    """The earlier stage named under the cursor by ``FROM <stage>``, ``--from=<stage>`` or ``--mount=from=``,
    and the span of the reference."""
    if instruction.keyword == "FROM" and instruction.stage is not None:
        stage = instruction.stage
        if stage.base_stage is not None and contains(stage.image_span, line, column):
            return stage.base_stage, stage.image_span
        return None
    for flag in instruction.flags:
        if flag.value_span is None or not contains(flag.value_span, line, column):
            continue
        reference = flag.value if flag.name == "from" else flag.options().get("from") if flag.name == "mount" else None
        found = _stage(document, reference or "")
        if found is not None:
            return found, flag.value_span
    return None


def _stage(document: Dockerfile, reference: str) -> Stage | None:
    reference = reference.strip().strip("\"'")
    if reference.isdigit():
        index = int(reference)
        return document.stages[index] if index < len(document.stages) else None
    return document.stage_named(reference) if reference else None


def image_stage_at(document: Dockerfile, instruction: Instruction, line: int, column: int) -> Stage | None:
    """The stage whose FROM names an external image under the cursor."""
    stage = instruction.stage
    if instruction.keyword != "FROM" or stage is None or stage.base_stage is not None:
        return None
    return stage if contains(stage.image_span, line, column) else None
