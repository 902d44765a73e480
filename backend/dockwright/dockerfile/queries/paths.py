"""Paths in the image: normalised, under the working directory, brought in by COPY and ADD, changed or removed by
RUN commands."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from dockwright.dockerfile.model import Instruction, Stage, Word
from dockwright.dockerfile.queries.commands import commands_of, operands
from dockwright.dockerfile.queries.stages import lineage_instructions
from dockwright.dockerfile.shell import ShellCommand, ShellWord

# Relative paths resolve against the base image's working directory when no WORKDIR set one; this stands
# for it, so two relative paths under the same unknown directory still compare equal.
UNKNOWN_WORKDIR = "/.base-image-workdir"
_WINDOWS_ABSOLUTE = re.compile(r"^[A-Za-z]:(?:[\\/]|$)|^\\")


def as_written(word: Word) -> str:
    """The word's text without the quotes around it, backslashes kept: a Windows path as its author wrote it
    (`C:\\app`, `"C:\\"`) in a file that keeps `\\` as the escape character, where the build would read each
    backslash as an escape."""
    text = word.text
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text


def is_windows_absolute(path: str) -> bool:
    """`C:\\`, `c:/app`, `\\app` (the current drive's root): absolute on Windows."""
    return bool(_WINDOWS_ABSOLUTE.match(path))


def base_name(path: str) -> str:
    """The last component of a POSIX or Windows path."""
    return path.rstrip("/\\").replace("\\", "/").rsplit("/", 1)[-1]


def normalize(path: str, cwd: str) -> str:
    """An absolute, normalised POSIX path (a trailing slash dropped)."""
    joined = path if path.startswith("/") else posixpath.join(cwd, path)
    normal = posixpath.normpath(joined)
    return "/" if normal in ("/", "//") else normal.rstrip("/")


def is_within(path: str, directory: str) -> bool:
    """True when ``path`` is ``directory`` or below it (both absolute)."""
    path, directory = posixpath.normpath(path), posixpath.normpath(directory)
    return path == directory or path.startswith(directory.rstrip("/") + "/")


def workdir_at(instruction: Instruction) -> str | None:
    """The working directory an instruction runs in, following WORKDIR through the stage's lineage.

    ``UNKNOWN_WORKDIR`` when no WORKDIR set one (the base image's is unknown); None when a WORKDIR used a
    variable that cannot be resolved.
    """
    stage = instruction.stage
    if stage is None:
        return None
    known = _stage_workdirs(stage)
    if instruction.index in known:
        return known[instruction.index]
    return _walk_to(instruction, stage)  # not one of the stage's own (an ONBUILD trigger's): walk for it


def _walk_to(instruction: Instruction, stage: Stage) -> str | None:
    cwd = UNKNOWN_WORKDIR
    for earlier in lineage_instructions(stage):
        if earlier is instruction or (earlier.stage is stage and earlier.index >= instruction.index):
            break
        if earlier.keyword != "WORKDIR" or not earlier.words:
            continue
        expansion = earlier.expand(earlier.words[0].value)
        if expansion.undefined:
            return None
        cwd = normalize(expansion.value, cwd)
    return cwd


_WORKDIRS = "_dockwright_workdirs"


def _stage_workdirs(stage: Stage) -> dict[int, str | None]:
    """The working directory of each instruction of ``stage`` (by its index in the file), in one walk of the
    lineage, kept on the stage: rules ask it of every instruction, and a walk per question made a long stage
    quadratic (a 200 KB file spent seven seconds here)."""
    known = stage.__dict__.get(_WORKDIRS)
    if known is not None:
        return known
    known = {}
    cwd: str | None = UNKNOWN_WORKDIR
    for earlier in lineage_instructions(stage):
        if earlier.stage is stage:
            known[earlier.index] = cwd
        if cwd is None or earlier.keyword != "WORKDIR" or not earlier.words:
            continue
        expansion = earlier.expand(earlier.words[0].value)
        cwd = None if expansion.undefined else normalize(expansion.value, cwd)
    stage.__dict__[_WORKDIRS] = known
    return known


# -- COPY and ADD ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CopyPaths:
    instruction: Instruction
    sources: tuple[Word, ...]  # as written (heredoc markers excluded)
    destination: Word | None

    @property
    def from_stage(self) -> str | None:
        flag = self.instruction.flag("from")
        return flag.value if flag is not None else None

    def absolute_destination(self, cwd: str | None) -> str | None:
        """The destination made absolute against ``cwd`` (the WORKDIR in effect, see :func:`workdir_at`);
        None when a variable cannot be resolved or the path is relative and ``cwd`` is None."""
        if self.destination is None:
            return None
        expansion = self.instruction.expand(self.destination.value)
        if expansion.undefined:
            return None
        if expansion.value.startswith("/"):
            return normalize(expansion.value, "/")
        return normalize(expansion.value, cwd) if cwd is not None else None


def copy_paths(instruction: Instruction) -> CopyPaths | None:
    """Sources and destination of a COPY or ADD (shell-like form; the JSON form has no word positions)."""
    if instruction.keyword not in ("COPY", "ADD"):
        return None
    if instruction.json_args is not None:
        words: list[Word] = [Word(a, a, instruction.arguments_span) for a in instruction.json_args]
    else:
        words = [w for w in instruction.words if not w.text.lstrip("0123456789").startswith("<<")]
        if instruction.heredocs and words:
            # `COPY <<EOF /dest`: only the destination remains.
            return CopyPaths(instruction, tuple(words[:-1]), words[-1])
    if len(words) < 2:
        return None
    return CopyPaths(instruction, tuple(words[:-1]), words[-1])


def is_whole_context(source: str) -> bool:
    """`.`, `./`, `./.` or `*`: the source that brings in the entire build context."""
    return posixpath.normpath(source.strip()) in (".", "*", "./*")


# -- files changed after COPY ------------------------------------------------------------------------


@dataclass(frozen=True)
class PathChange:
    """A `chown` or `chmod` in a RUN that touches files an earlier COPY/ADD of the same stage brought in."""

    command: ShellCommand
    setting: str  # the owner (`app:app`) or the mode (`755`)
    target: str  # the path as written
    copy: Instruction

    @property
    def text(self) -> str:
        """The command as written, shortened: `chown -R app:app /app`."""
        words = [w.raw for w in self.command.words]
        return " ".join(words[:6]) + (" ..." if len(words) > 6 else "")


_CHMOD_OPTIONS = frozenset({"-R", "-c", "-f", "-v"})


def changes_to_copied_files(stage: Stage, program: str) -> list[PathChange]:
    """Each `chown` / `chmod` (``program``) in a RUN of ``stage`` over paths an earlier COPY/ADD added."""
    # Most stages never run `program`: then there is nothing to report and no COPY to resolve.
    scripts = [i.shell for i in stage.instructions if i.keyword == "RUN"]
    if not any(s is not None and s.commands_named(program) for s in scripts):
        return []
    changes: list[PathChange] = []
    copies: list[tuple[str, bool, Instruction]] = []  # (absolute destination, is a directory, instruction)
    cwd = workdir_at(stage.from_instruction)
    for instruction in stage.instructions:
        if instruction.keyword == "WORKDIR" and instruction.words:
            expansion = instruction.expand(instruction.words[0].value)
            cwd = None if expansion.undefined or cwd is None else normalize(expansion.value, cwd)
        elif instruction.keyword in ("COPY", "ADD"):
            paths = copy_paths(instruction)
            destination = paths.absolute_destination(cwd) if paths is not None else None
            if paths is not None and destination is not None:
                copies.append((destination, _is_directory_destination(paths), instruction))
        elif instruction.keyword == "RUN" and copies:
            changes.extend(_changes_in(instruction, program, copies, cwd))
    return changes


def _is_directory_destination(paths: CopyPaths) -> bool:
    """Whether COPY puts its sources inside the destination (rather than writing the destination itself)."""
    destination = paths.destination.value if paths.destination is not None else ""
    return (
        destination in (".", "..")
        or destination.endswith(("/", "/."))
        or len(paths.sources) > 1
        or any(is_whole_context(s.value) or s.value.endswith("/") for s in paths.sources)
    )


def _changes_in(
    instruction: Instruction, program: str, copies: list[tuple[str, bool, Instruction]], cwd: str | None
) -> list[PathChange]:
    changes = []
    for _, command in commands_of(instruction):
        if command.program == "cd":
            directory = next(iter(operands(command.args)), None)
            absolute = directory is not None and directory.literal and directory.value.startswith("/")
            cwd = normalize(directory.value, "/") if directory is not None and absolute else None
            continue
        if command.program != program:
            continue
        words = _chown_or_chmod_operands(command)
        if len(words) < 2:
            continue
        recursive = command.has_flag("-R", "--recursive")
        for word in words[1:]:
            expansion = instruction.expand(word.value)
            if expansion.undefined or (cwd is None and not expansion.value.startswith("/")):
                continue
            target = normalize(expansion.value, cwd or "/")
            copy = next((i for d, is_dir, i in copies if _touches(target, recursive, d, is_dir)), None)
            if copy is not None:
                changes.append(PathChange(command, words[0].value, word.value, copy))
    return changes


def _chown_or_chmod_operands(command: ShellCommand) -> list[ShellWord]:
    """The owner/mode and the paths of a chown/chmod (a chmod mode such as `-x` looks like a flag)."""
    if command.program == "chmod":
        return [a for a in command.args if a.value not in _CHMOD_OPTIONS and not a.value.startswith("--")]
    return operands(command.args)


def _touches(target: str, recursive: bool, destination: str, is_directory: bool) -> bool:
    if target == destination:
        return True
    if is_directory and destination != "/" and is_within(target, destination):
        return True
    return recursive and is_within(destination, target)


def removes(command: ShellCommand, directory: str) -> bool:
    """True when ``command`` is an `rm` that deletes what ``directory`` (absolute) holds: paths inside it
    (`/var/cache/apk/*`), or the directory itself or a parent other than `/` when it is recursive."""
    if command.program != "rm":
        return False
    recursive: bool | None = None
    for word in operands(command.args):
        if not word.literal or not word.value.startswith("/"):
            continue
        contents = word.value.endswith("/*")
        path = posixpath.normpath(word.value[:-2] if contents else word.value)
        if is_within(path, directory) and (contents or path != posixpath.normpath(directory)):
            return True
        if path != "/" and is_within(directory, path):
            if recursive is None:
                recursive = command.has_flag("-r", "-R", "--recursive")
            if recursive:
                return True
    return False
