"""What flows from one command into another in a RUN: the commands a pipe feeds (`curl ... | sh`), and the
commands whose output becomes another's argument (`sh -c "$(curl ...)"`, `bash <(curl ...)`).

The shell model lists simple commands; the pipes between them are read here from the syntax tree, once per
script that has both a pipe and one of the programs asked about.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from dockwright.dockerfile.model import Dockerfile, Instruction
from dockwright.dockerfile.queries.commands import run_scripts
from dockwright.dockerfile.shell import ShellCommand, ShellScript

Feed = tuple[Instruction, ShellCommand, ShellCommand]  # (RUN, the command whose output flows, the one it feeds)


def feeds(document: Dockerfile, producers: frozenset[str], consumers: frozenset[str]) -> list[Feed]:
    """Each command named one of ``producers`` whose output a pipe or a substitution hands to another command
    of the same RUN (ONBUILD triggers included), with that command; only scripts that also run one of
    ``consumers`` (or sudo/env, which may start one) are read."""
    index = document.run_commands_by_program
    if not any(program in index for program in producers):
        return []
    wanted = consumers | {"sudo", "env", "exec"}
    found: list[Feed] = []
    for instruction, script in run_scripts(document):
        for part in (script, *script.children):
            programs = {c.program for c in part.commands}
            if programs & producers and programs & wanted:
                found.extend((instruction, a, b) for a, b in _feeds(part, producers))
    return found


def _feeds(script: ShellScript, producers: frozenset[str]) -> list[tuple[ShellCommand, ShellCommand]]:
    commands = sorted(script.commands, key=lambda c: (c.start, -c.end))
    found = []
    if "|" in script.text:
        found.extend(_piped(script, commands, producers))
    for producer in commands:
        if producer.program not in producers:
            continue
        holder = _holder(commands, producer)
        if holder is not None:
            found.append((producer, holder))
    return found


def _piped(
    script: ShellScript, commands: list[ShellCommand], producers: frozenset[str]
) -> list[tuple[ShellCommand, ShellCommand]]:
    """(left, right) for each `left | right` of the script whose left side is a producer."""
    to_char = _char_offsets(script.text)
    found = []
    for node in script.pipelines:
        parts = [child for child in node.children if child.type not in ("|", "|&")]
        for left, right in itertools.pairwise(parts):
            first = _command_at(commands, to_char(left.start_byte), to_char(left.end_byte), last=True)
            second = _command_at(commands, to_char(right.start_byte), to_char(right.end_byte), last=False)
            if first is not None and second is not None and first.program in producers:
                found.append((first, second))
    return found


def _command_at(commands: list[ShellCommand], start: int, end: int, *, last: bool) -> ShellCommand | None:
    """The command a pipeline part runs (for a compound part, its last command on the left of a pipe, its first
    on the right)."""
    inside = [c for c in commands if c.start >= start and c.end <= end]
    if not inside:
        return None
    return inside[-1] if last else inside[0]


def _holder(commands: list[ShellCommand], inner: ShellCommand) -> ShellCommand | None:
    """The command one of whose arguments holds ``inner`` (`sh -c "$(curl ...)"`, `bash <(curl ...)`)."""
    for command in commands:
        if command is inner:
            continue
        for arg in command.args:
            if not arg.literal and arg.start <= inner.start and inner.end <= arg.end:
                return command
    return None


def _char_offsets(text: str) -> Callable[[int], int]:
    """Tree-sitter's byte offsets as character offsets of ``text``."""
    data = text.encode("utf-8")
    if len(data) == len(text):
        return int
    table = [0] * (len(data) + 1)
    position = 0
    for index, char in enumerate(text):
        for k in range(len(char.encode("utf-8"))):
            table[position + k] = index
        position += len(char.encode("utf-8"))
    table[len(data)] = len(text)
    return table.__getitem__
