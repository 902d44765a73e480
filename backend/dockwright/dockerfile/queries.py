"""Questions several Dockerfile rules ask of the parsed model, answered once here.

"Which packages does apt-get install in this RUN?", "is this a pip invocation?", "which paths did COPY
bring in?", "which user does the final stage run as?": rules call these instead of re-reading text, so a
parsing subtlety (a flag that takes a value, `python -m pip`, a relative COPY destination) is handled in one
place.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass

from dockwright.dockerfile.model import Dockerfile, Instruction, Stage, Word
from dockwright.dockerfile.shell import ShellCommand, ShellWord
from dockwright.findings import Span

# -- shell commands --------------------------------------------------------------------------------


def commands_of(instruction: Instruction) -> list[ShellCommand]:
    """Every simple command a shell-form instruction runs (empty for exec form or a non-POSIX SHELL)."""
    script = instruction.shell
    return script.all_commands if script is not None else []


def lineage_instructions(stage: Stage) -> list[Instruction]:
    """The instructions of this stage and of the stages it builds on, oldest first."""
    return [i for s in reversed(stage.lineage) for i in s.instructions]


def final_image_stages(stages: list[Stage]) -> list[Stage]:
    """The final stage and the stages it builds on (`FROM <stage>`): what ends up in the shipped image."""
    return stages[-1].lineage if stages else []


def command_span(command: ShellCommand, last: ShellWord) -> Span:
    """From the command's name through ``last`` (e.g. ``apt-get -y install``)."""
    return Span(command.name.span.start_line, command.name.span.start_column, last.span.end_line, last.span.end_column)


def insertion_after(word: ShellWord, text: str) -> tuple[Span, str]:
    """An empty span just after ``word`` and the text to insert there (a leading space included)."""
    end = word.span
    return Span(end.end_line, end.end_column, end.end_line, end.end_column), " " + text


# -- package managers ------------------------------------------------------------------------------

APT_PROGRAMS = ("apt-get", "apt")
# apt-get options whose value is the next word.
_APT_OPTIONS_WITH_VALUE = frozenset(
    {
        "-o",
        "--option",
        "-c",
        "--config-file",
        "-t",
        "--target-release",
        "--default-release",
        "-a",
        "--host-architecture",
    }
)


@dataclass(frozen=True)
class PackageInstall:
    """One `apt-get install` / `apk add` / `dnf install`... command and the packages it names."""

    manager: str  # the program: apt-get, apt, apk, yum, dnf, microdnf
    command: ShellCommand
    subcommand: ShellWord  # `install` / `add`
    packages: tuple[ShellWord, ...]
    # `-o Name=value` settings given to apt-get, lower-cased names.
    options: dict[str, str]


def apt_installs(instruction: Instruction) -> list[PackageInstall]:
    """`apt-get install` and `apt install` commands of a RUN."""
    return [p for p in package_installs(instruction) if p.manager in APT_PROGRAMS]


def apt_installs_in(document: Dockerfile) -> Iterator[PackageInstall]:
    """Every `apt-get install` / `apt install` of the file's RUN instructions, in order."""
    # From the file's command index: only the apt commands are examined (ONBUILD triggers are not checked).
    for instruction, command in document.run_commands:
        if command.program in APT_PROGRAMS and instruction.parent is None:
            install = _apt_install(command)
            if install is not None:
                yield install


def package_installs(instruction: Instruction) -> list[PackageInstall]:
    """Every OS package installation in a RUN (apt-get, apt, apk, yum, dnf, microdnf)."""
    installs = []
    for command in commands_of(instruction):
        program = command.program
        if program in APT_PROGRAMS:
            install = _apt_install(command)
        elif program == "apk":
            install = _simple_install(command, "add", {"-X", "--repository", "-t", "--virtual", "-p", "--root"})
        elif program in ("yum", "dnf", "microdnf"):
            install = _simple_install(
                command,
                "install",
                {"--setopt", "--releasever", "--enablerepo", "--disablerepo", "--installroot", "-c", "--config"},
            )
        else:
            install = None
        if install is not None:
            installs.append(install)
    return installs


def _apt_install(command: ShellCommand) -> PackageInstall | None:
    args = command.args
    options: dict[str, str] = {}
    subcommand: ShellWord | None = None
    packages: list[ShellWord] = []
    skip_value = False
    for index, arg in enumerate(args):
        if skip_value:
            skip_value = False
            if args[index - 1].value in ("-o", "--option"):
                name, _, value = arg.value.partition("=")
                options[name.lower()] = value
            continue
        if arg.is_flag:
            if arg.value in _APT_OPTIONS_WITH_VALUE:
                skip_value = True
            elif arg.value.startswith(("-o", "--option=")) and "=" in arg.value:
                setting = arg.value[2:] if arg.value.startswith("-o") else arg.value[len("--option=") :]
                name, _, value = setting.partition("=")
                options[name.lower()] = value
            continue
        if subcommand is None:
            if arg.value != "install":
                return None
            subcommand = arg
        else:
            packages.append(arg)
    if subcommand is None:
        return None
    return PackageInstall(command.program, command, subcommand, tuple(packages), options)


def _simple_install(command: ShellCommand, verb: str, options_with_value: set[str]) -> PackageInstall | None:
    subcommand: ShellWord | None = None
    packages: list[ShellWord] = []
    skip_value = False
    for arg in command.args:
        if skip_value:
            skip_value = False
            continue
        if arg.is_flag:
            skip_value = arg.value in options_with_value
            continue
        if subcommand is None:
            if arg.value != verb:
                return None
            subcommand = arg
        else:
            packages.append(arg)
    if subcommand is None:
        return None
    return PackageInstall(command.program, command, subcommand, tuple(packages), {})


def package_name(word: str) -> str:
    """The package a word names, without a version pin or release (`curl=7.88*`, `curl/bookworm`, `curl~8`)."""
    return re.split(r"[=<>~/]", word, maxsplit=1)[0].lower()


def apt_quiet_level(command: ShellCommand) -> int:
    """How many `-q` apt-get was given (`-qq`, `-q=2`, `--quiet --quiet`); level 2 implies `-y`."""
    level = 0
    for arg in command.args:
        value = arg.value
        if not arg.literal:
            continue
        if value.startswith(("-q=", "--quiet=")):
            level = int(value.split("=", 1)[1]) if value.split("=", 1)[1].isdigit() else level
        elif value == "--quiet":
            level += 1
        elif value.startswith("-") and not value.startswith("--"):
            level += value[1:].count("q")
    return level


# -- pip ---------------------------------------------------------------------------------------------

_PIP_PROGRAM = re.compile(r"^pip(3(\.\d+)?)?$")
_PYTHON_PROGRAM = re.compile(r"^python(3(\.\d+)?)?$")
# pip's global options that take a value as the next word.
_PIP_OPTIONS_WITH_VALUE = frozenset(
    {
        "--proxy",
        "--cache-dir",
        "--log",
        "--timeout",
        "--retries",
        "--exists-action",
        "--trusted-host",
        "--cert",
        "--client-cert",
        "--python",
        "--src",
        "-c",
        "--constraint",
        "-r",
        "--requirement",
        "-i",
        "--index-url",
        "--extra-index-url",
        "-f",
        "--find-links",
        "-t",
        "--target",
        "--prefix",
        "--root",
        "--platform",
        "-e",
        "--editable",
        "--upgrade-strategy",
        "--python-version",
        "--implementation",
        "--abi",
        "--progress-bar",
        "--only-binary",
        "--no-binary",
        "--config-settings",
        "-C",
        "--report",
        "--global-option",
    }
)


@dataclass(frozen=True)
class PipCall:
    command: ShellCommand
    subcommand: ShellWord  # `install`, `download`, `freeze`...
    # The words after the subcommand.
    args: tuple[ShellWord, ...]


def pip_call(command: ShellCommand) -> PipCall | None:
    """`pip ...`, `pip3 ...`, `python -m pip ...` and `python3 -m pip ...` (not `uv pip`, not pipx)."""
    args = command.args
    if _PYTHON_PROGRAM.match(command.program):
        for index, arg in enumerate(args):
            if arg.value == "-m":
                if index + 1 < len(args) and _PIP_PROGRAM.match(args[index + 1].value):
                    args = args[index + 2 :]
                    break
                return None
            if not arg.is_flag:
                return None
        else:
            return None
    elif not _PIP_PROGRAM.match(command.program):
        return None
    skip_value = False
    for index, arg in enumerate(args):
        if skip_value:
            skip_value = False
            continue
        if arg.is_flag:
            skip_value = arg.value in _PIP_OPTIONS_WITH_VALUE
            continue
        return PipCall(command, arg, tuple(args[index + 1 :]))
    return None


def pip_installs(instruction: Instruction) -> list[PipCall]:
    calls = (pip_call(c) for c in commands_of(instruction))
    return [c for c in calls if c is not None and c.subcommand.value == "install"]


# -- RUN mounts ------------------------------------------------------------------------------------


def mounts(instruction: Instruction, *types: str) -> list[dict[str, str]]:
    """The options of the RUN's `--mount` flags of the given types (all types when none given)."""
    found = []
    for flag in instruction.flags_named("mount"):
        options = flag.options()
        mount_type = options.get("type", "bind")
        if not types or mount_type in types:
            found.append(options)
    return found


def mount_target(options: dict[str, str]) -> str:
    return options.get("target") or options.get("dst") or options.get("destination") or ""


def mounts_cover(instruction: Instruction, path: str, *types: str) -> bool:
    """True when a mount of one of ``types`` is at ``path`` or at a directory holding it."""
    return any(is_within(path, mount_target(m)) for m in mounts(instruction, *types) if mount_target(m))


# -- paths -------------------------------------------------------------------------------------------

# Relative paths resolve against the base image's working directory when no WORKDIR set one; this stands
# for it, so two relative paths under the same unknown directory still compare equal.
UNKNOWN_WORKDIR = "/.base-image-workdir"


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


# -- users -------------------------------------------------------------------------------------------


def last_user(stage: Stage) -> Instruction | None:
    """The USER in effect at the end of the stage, looking through `FROM <earlier stage>`."""
    users = [i for i in lineage_instructions(stage) if i.keyword == "USER"]
    return users[-1] if users else None


def user_name(instruction: Instruction) -> str | None:
    """The user part of a USER instruction (`app` in `USER app:app`), None when a variable is unresolved."""
    if not instruction.words:
        return None
    expansion = instruction.expand(instruction.words[0].value)
    if expansion.undefined:
        return None
    return expansion.value.split(":", 1)[0]


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
    runs = [i for i in stage.instructions if i.keyword == "RUN"]
    if not any(c.program == program for i in runs for c in commands_of(i)):
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
    for command in commands_of(instruction):
        if command.program == "cd":
            target = command.positional()[0].value if command.positional() else ""
            cwd = normalize(target, "/") if target.startswith("/") and command.positional()[0].literal else None
            continue
        if command.program != program:
            continue
        operands = _operands(command)
        if len(operands) < 2:
            continue
        recursive = command.has_flag("-R", "--recursive")
        for word in operands[1:]:
            expansion = instruction.expand(word.value)
            if expansion.undefined or (cwd is None and not expansion.value.startswith("/")):
                continue
            target = normalize(expansion.value, cwd or "/")
            copy = next((i for d, is_dir, i in copies if _touches(target, recursive, d, is_dir)), None)
            if copy is not None:
                changes.append(PathChange(command, operands[0].value, word.value, copy))
    return changes


def _operands(command: ShellCommand) -> list[ShellWord]:
    """The owner/mode and the paths of a chown/chmod (a chmod mode such as `-x` looks like a flag)."""
    if command.program == "chmod":
        return [a for a in command.args if a.value not in _CHMOD_OPTIONS and not a.value.startswith("--")]
    return command.positional()


def _touches(target: str, recursive: bool, destination: str, is_directory: bool) -> bool:
    if target == destination:
        return True
    if is_directory and destination != "/" and is_within(target, destination):
        return True
    return recursive and is_within(destination, target)


# -- EXPOSE --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PortSpec:
    """One EXPOSE word split as BuildKit splits it: `[ip:][host:]container[/proto]`."""

    word: Word
    text: str  # after variable substitution
    ip: str
    host_port: str
    container_port: str
    protocol: str  # as written, possibly empty


def exposed_ports(instruction: Instruction) -> list[PortSpec]:
    """The port words of an EXPOSE (words whose variables cannot be resolved are left out)."""
    specs = []
    for word in instruction.words:
        expansion = instruction.expand(word.value)
        if expansion.undefined:
            continue
        for text in expansion.value.split():
            parts = text.split(":")
            container = parts[-1]
            host = parts[-2] if len(parts) >= 2 else ""
            ip = ":".join(parts[:-2])
            port, _, protocol = container.partition("/")
            specs.append(PortSpec(word, text, ip, host, port, protocol))
    return specs
