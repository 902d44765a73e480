"""Queries shared by the command rules (DF050 and above): the RUN commands of a file, the operands of a
package manager's subcommand, cache mounts and cache clean-ups.

Not a rule module (the leading underscore keeps `load_all` from importing it as one).
"""

from __future__ import annotations

from collections.abc import Iterable

from dockwright.dockerfile.model import Dockerfile, Instruction
from dockwright.dockerfile.queries.stages import final_image_stages
from dockwright.dockerfile.shell import ShellCommand, ShellScript, ShellWord
from dockwright.dockerfile.shell_jobs import run_instructions as run_instructions  # re-exported for the rules
from dockwright.findings import Edit, Span


def shipped_run_instructions(document: Dockerfile) -> list[tuple[Instruction, ShellScript]]:
    """Shell-form RUNs whose layers end up in the image: those of the final stage and the stages it builds
    on, and ONBUILD triggers (they run in the image built from this one). A package manager's cache left in
    a builder stage never ships, so the cache rules look at these only."""
    shipped = {stage.index for stage in final_image_stages(document)}
    return [
        (instruction, script)
        for instruction, script in run_instructions(document)
        if instruction.parent is not None or (instruction.stage is not None and instruction.stage.index in shipped)
    ]


def commands_of(document: Dockerfile, *programs: str) -> Iterable[tuple[Instruction, ShellCommand]]:
    """Each command named one of ``programs`` in a RUN, with its instruction, in order."""
    if len(programs) == 1:
        # Most rules look for one program, which most files never run: a lookup in the file's index.
        return document.run_commands_by_program.get(programs[0], ())
    return [pair for pair in document.run_commands if pair[1].program in programs]


def operands(args: Iterable[ShellWord], value_flags: frozenset[str] = frozenset()) -> list[ShellWord]:
    """The words that are not flags, skipping the separate value of each flag in ``value_flags``
    (``--virtual .deps`` drops ``.deps``; ``--virtual=.deps`` is one word anyway)."""
    out: list[ShellWord] = []
    skip_next = False
    for arg in args:
        if skip_next:
            skip_next = False
            continue
        if arg.is_flag:
            skip_next = arg.value in value_flags
            continue
        out.append(arg)
    return out


def subcommand_operands(
    command: ShellCommand, subcommands: Iterable[str], value_flags: frozenset[str] = frozenset()
) -> list[ShellWord] | None:
    """The operands after the subcommand when it is one of ``subcommands`` (``apk add a b`` → ``[a, b]``),
    else None."""
    words = operands(command.args, value_flags)
    if not words or words[0].value not in subcommands:
        return None
    return words[1:]


def pip_args(command: ShellCommand) -> tuple[ShellWord, ...] | None:
    """The arguments of a pip invocation: ``pip3 install x`` and ``python -m pip install x`` both give
    ``(install, x)``; None for anything else."""
    program = command.program
    if program == "pip" or (program.startswith("pip") and program[3:].replace(".", "").isdigit()):
        return command.args
    args = command.args
    if program.startswith("python") and len(args) >= 2 and args[0].value == "-m" and args[1].value == "pip":
        return args[2:]
    return None


def cache_mount_targets(instruction: Instruction) -> list[str]:
    """Targets of the instruction's ``--mount=type=cache`` flags."""
    targets = []
    for flag in instruction.flags_named("mount"):
        options = flag.options()
        if options.get("type") == "cache":
            target = options.get("target") or options.get("dst") or options.get("destination")
            if target:
                targets.append(target.rstrip("/") or "/")
    return targets


def has_cache_mount(instruction: Instruction, *paths: str) -> bool:
    """True when a cache mount covers one of ``paths`` (the mount's target is the path or a parent)."""
    for target in cache_mount_targets(instruction):
        for path in paths:
            if path == target or path.startswith(target.rstrip("/") + "/"):
                return True
    return False


def runs(script: ShellScript, program: str, *words: str) -> bool:
    """True when the script runs ``program`` with all of ``words`` among its arguments."""
    return any(
        all(any(a.value == w for a in command.args) for w in words) for command in script.commands_named(program)
    )


def removes(script: ShellScript, *paths: str) -> bool:
    """True when the script runs ``rm`` on one of ``paths`` or something inside it (``/var/cache/apk/*``)."""
    for command in script.commands_named("rm"):
        for arg in command.args:
            value = arg.value.rstrip("*").rstrip("/")
            if any(value == p.rstrip("/") or value.startswith(p.rstrip("/") + "/") for p in paths):
                return True
    return False


def insert_after(word: ShellWord, text: str) -> Edit:
    """An edit inserting ``text`` right after ``word``."""
    end = word.span
    return Edit(Span(end.end_line, end.end_column, end.end_line, end.end_column), text)
