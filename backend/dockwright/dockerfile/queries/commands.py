"""The shell commands a Dockerfile runs: which RUNs a rule sees, the operands of a command, where a fix inserts.

Every RUN of the file is included, ONBUILD triggers too: a trigger runs the same command in the image built
from this one, so a rule that checks a command outside ONBUILD checks it inside as well. This module is the one
place that decides it.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dockwright.dockerfile.model import Dockerfile, Instruction
from dockwright.dockerfile.queries.stages import final_image_stages
from dockwright.dockerfile.shell import ShellCommand, ShellScript, ShellWord
from dockwright.findings import Edit, Span

Located = tuple[Instruction, ShellCommand]


def run_scripts(document: Dockerfile, *, shipped: bool = False) -> list[tuple[Instruction, ShellScript]]:
    """Shell-form RUNs with their parsed scripts, in order, ONBUILD triggers included (a shared list: do not
    modify it). With ``shipped``, only the RUNs whose layers end up in the image: those of the final stage and
    the stages it builds on, and ONBUILD triggers (they run in the image built from this one). A package
    manager's cache left in a builder stage never ships, so the cache rules look at these only."""
    if not shipped:
        return document.run_scripts
    stages = {stage.index for stage in final_image_stages(document)}
    return [
        (instruction, script)
        for instruction, script in document.run_scripts
        if instruction.parent is not None or (instruction.stage is not None and instruction.stage.index in stages)
    ]


def commands_of(scope: Dockerfile | Instruction, *programs: str) -> Sequence[Located]:
    """Each simple command run by ``scope``, with its instruction, in order; only those named one of
    ``programs`` when any are given.

    ``scope`` is a whole file (its RUNs, ONBUILD triggers included) or one instruction (a shell-form RUN, CMD,
    ENTRYPOINT or HEALTHCHECK, or the trigger of an ONBUILD)."""
    if isinstance(scope, Instruction):
        instruction = scope.trigger or scope
        script = instruction.shell
        if script is None:
            return []
        return [(instruction, c) for c in script.all_commands if not programs or c.program in programs]
    if not programs:
        return scope.run_commands
    # Most rules look for programs most files never run: a lookup in the file's index first.
    index = scope.run_commands_by_program
    present = [p for p in programs if p in index]
    if len(present) <= 1:
        return index[present[0]] if present else ()
    return [pair for pair in scope.run_commands if pair[1].program in programs]


def sets_before(instruction: Instruction, command: ShellCommand, name: str) -> bool:
    """Whether the script running ``command`` sets or exports the variable ``name`` before it
    (`export PIP_NO_CACHE_DIR=1 && pip install ...`)."""
    script = (instruction.trigger or instruction).shell
    pending = [script] if script is not None else []
    while pending:
        current = pending.pop()
        if command.source is current.source:  # the commands of a script are placed by its source map
            return current.sets_before(name, command.start)
        pending.extend(current.children)
    return False


def operands(args: Iterable[ShellWord], value_flags: frozenset[str] = frozenset()) -> list[ShellWord]:
    """The words that are not flags, without the separate value of each flag in ``value_flags`` (``--virtual
    .deps`` drops ``.deps``; ``--virtual=.deps`` is one word anyway). After ``--`` every word is an operand."""
    out: list[ShellWord] = []
    skip_next = False
    options_end = False
    for arg in args:
        if skip_next:
            skip_next = False
        elif options_end or not arg.is_flag:
            out.append(arg)
        elif arg.value == "--":
            options_end = True
        else:
            skip_next = arg.value in value_flags
    return out


def insert_after(word: ShellWord, text: str) -> Edit:
    """The edit that inserts ``text`` after ``word``, separated by a space (``-y`` after ``install``)."""
    end = word.span
    return Edit(Span(end.end_line, end.end_column, end.end_line, end.end_column), " " + text)


def command_span(command: ShellCommand, last: ShellWord) -> Span:
    """From the command's name through ``last`` (e.g. ``apt-get -y install``)."""
    return Span(command.name.span.start_line, command.name.span.start_column, last.span.end_line, last.span.end_column)


# -- what a CMD, ENTRYPOINT or HEALTHCHECK runs ------------------------------------------------------


@dataclass(frozen=True)
class ProgramUse:
    program: str  # base name: `curl` for `/usr/bin/curl`
    span: Span


def programs_run(instruction: Instruction) -> list[ProgramUse]:
    """The programs a RUN, CMD, ENTRYPOINT or `HEALTHCHECK CMD` starts: every command of a shell form, or
    the first element of an exec form."""
    script = instruction.shell
    if script is not None:
        return [ProgramUse(c.program, c.name.span) for c in script.all_commands]
    exec_form = exec_form_of(instruction)
    if exec_form is None or not exec_form[0]:
        return []
    argv, start = exec_form
    end = _json_string_end(instruction.arguments, start)
    return [ProgramUse(posixpath.basename(argv[0]), instruction.span_of(start, end))]


def exec_form_of(instruction: Instruction) -> tuple[list[str], int] | None:
    """The JSON argv of an exec-form instruction and the offset (in its arguments) of the first element."""
    if instruction.keyword == "HEALTHCHECK":
        words = instruction.words
        if len(words) < 2 or words[0].value.upper() != "CMD":
            return None
        text = instruction.arguments
        start = text.find("[", len(words[0].text))
        if start < 0 or text[len(words[0].text) : start].strip():
            return None
        try:
            argv = json.loads(text[start:])
        except ValueError:
            return None
        if not isinstance(argv, list) or not argv or not all(isinstance(a, str) for a in argv):
            return None
    elif instruction.json_args:
        argv, start = instruction.json_args, instruction.arguments.find("[")
    else:
        return None
    first_quote = instruction.arguments.find('"', start)
    return argv, max(first_quote, 0)


def _json_string_end(text: str, start: int) -> int:
    """Offset just past the JSON string literal starting at ``text[start]`` (a double quote)."""
    index = start + 1
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text[index] == '"':
            return index + 1
        index += 1
    return len(text)
