"""Package tools, one table each: how the tool is called and what its subcommands are (with their aliases), which
flags take a value and which confirm, how a package names its version, and what empties the tool's cache.

Every rule about packages asks through these tables, so `dnf in`, `python3 -u -m pip install`, `npm --loglevel
verbose install` or `gem install x:1 -- --flag true` read the same in all of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from dockwright.dockerfile.model import Dockerfile, Instruction
from dockwright.dockerfile.queries.commands import commands_of, operands, run_scripts, sets_before
from dockwright.dockerfile.queries.mounts import UNSTORED, mounts_cover
from dockwright.dockerfile.queries.paths import removes
from dockwright.dockerfile.shell import ShellCommand, ShellWord, has_flag
from dockwright.dockerfile.variables import UNKNOWN, expand, references


@dataclass(frozen=True)
class Cache:
    """Where a tool keeps what it downloads, and what empties it."""

    directories: tuple[str, ...]
    # The tool's actions that fill it.
    filled_by: frozenset[str]
    # (tool, action) pairs that empty it; an `rm` of the directories (or of what they hold) empties it too.
    cleaned_by: frozenset[tuple[str, str]] = frozenset()
    # Flags with which a command leaves it empty (`apk add --no-cache`).
    skipped_by: tuple[str, ...] = ()


def _never(_: str) -> bool:
    return False


def _no(_: PackageCommand) -> bool:
    return False


@dataclass(frozen=True, eq=False)
class Tool:
    """What the query layer knows of one package tool."""

    name: str
    programs: frozenset[str]
    # The subcommands as written, one word or two (`module install`), to the action each stands for.
    subcommands: Mapping[str, str]
    # Flags whose value is the next word.
    value_flags: frozenset[str] = frozenset()
    # When set, the flags known to take no value: the word after any other flag may be its value and is not
    # read as an operand (`gem install x:1 --some-build-flag true` names no gem `true`).
    switches: frozenset[str] | None = None
    # Flags that answer the tool's prompts, the one a fix inserts first.
    confirm_flags: tuple[str, ...] = ()
    # Actions that prompt unless confirmed.
    confirming: frozenset[str] = frozenset()
    # Other ways to confirm than a flag (apt's `-qq` and `-o APT::Get::Assume-Yes=true`).
    confirmed_otherwise: Callable[[PackageCommand], bool] = _no
    # Actions whose operands are packages, and those of them whose first operand alone is (`go run pkg args`).
    installing: frozenset[str] = frozenset()
    single_package: frozenset[str] = frozenset()
    # Whether a package operand names a version; flags that pin every package named (`pip -c constraints.txt`).
    is_pinned: Callable[[str], bool] = _never
    pinning_flags: tuple[str, ...] = ()
    # Where a package operand's version starts: `=` in `curl=8.5`, `-` before a digit in `httpd-2.4`.
    version_start: re.Pattern[str] = re.compile(r"[=<>~/]")
    # Flags that keep recommended packages out (apt), the one a fix inserts first.
    no_recommends_flags: tuple[str, ...] = ()
    cache: Cache | None = None
    # The action of the tool run without a subcommand (`yarn` installs).
    default_action: str = ""
    # `--` ends the tool's own arguments (gem passes what follows to the gem's build).
    arguments_end: bool = False
    # Other names it runs under, by pattern (`pip3.12`).
    program_pattern: re.Pattern[str] | None = None
    # The tool's arguments when it runs through another program (`python -m pip`), else None.
    through: Callable[[ShellCommand], tuple[ShellWord, ...] | None] | None = None

    def runs_as(self, program: str) -> bool:
        return program in self.programs or (
            self.program_pattern is not None and self.program_pattern.fullmatch(program) is not None
        )

    def package_name(self, package: str) -> str:
        """The package a word names, without its version or release (`curl=7.88*`, `curl/bookworm`)."""
        return self.version_start.split(package, maxsplit=1)[0].lower()


@dataclass(frozen=True, slots=True)
class PackageCommand:
    """One command of a package tool, read through its table."""

    tool: Tool
    instruction: Instruction
    command: ShellCommand
    # The tool's own arguments: after `python -m pip`, before gem's `--`.
    args: tuple[ShellWord, ...]
    # The action's (last) word as written (`install` in `dnf -y install x`); None without a subcommand.
    subcommand: ShellWord | None
    # The action, its aliases resolved (`install` for `dnf in`); empty when the subcommand is not in the table.
    action: str
    # The words after the subcommand that are neither flags nor flag values.
    operands: tuple[ShellWord, ...]
    # The file it is in, when known: what other stages set (see `resolved`).
    document: Dockerfile | None = None

    @property
    def packages(self) -> tuple[ShellWord, ...]:
        if self.action not in self.tool.installing:
            return ()
        return self.operands[:1] if self.action in self.tool.single_package else self.operands

    def has_flag(self, *names: str) -> bool:
        return has_flag(self.args, *names)

    @property
    def confirmed(self) -> bool:
        """Whether it runs without waiting for an answer: the action never asks, or a flag or setting says yes."""
        tool = self.tool
        return (
            self.action not in tool.confirming or self.has_flag(*tool.confirm_flags) or tool.confirmed_otherwise(self)
        )

    def unpinned(self) -> list[ShellWord]:
        """The packages named without a version. A word built from variables is judged as the RUN sees it
        (see :meth:`resolved`), or not at all."""
        if self.tool.pinning_flags and self.has_flag(*self.tool.pinning_flags):
            return []
        found = []
        for word in self.packages:
            value = word.value if word.literal else self.resolved(word)
            if value is not None and not self.tool.is_pinned(value):
                found.append(word)
        return found

    def resolved(self, word: ShellWord) -> str | None:
        """A word built from `$NAME` / `${NAME}` as the RUN sees it: the ARG and ENV values in scope, and empty
        for a name that only other stages of the file set (a variable does not carry over to another stage);
        None when a value cannot be known (a name the base image or the script may set, an operator)."""
        values: dict[str, str] = {}
        for reference in references(word.value):
            name = reference.name
            if not reference.plain:
                return None
            if name in self.instruction.scope:
                value = self.instruction.scope[name]
                if value is None or value is UNKNOWN:
                    return None
                values[name] = value
            elif (
                self.document is not None
                and name in self.document.variable_names
                and not sets_before(self.instruction, self.command, name)
            ):
                values[name] = ""
            else:
                return None
        expansion = expand(word.value, values)
        return None if expansion.undefined or expansion.given_up else expansion.value

    @property
    def fills_cache(self) -> bool:
        cache = self.tool.cache
        return cache is not None and self.action in cache.filled_by and not self.has_flag(*cache.skipped_by)


def package_commands(scope: Dockerfile | Instruction, *tools: Tool) -> list[PackageCommand]:
    """The commands of ``tools`` that ``scope`` runs (see :func:`~.commands.commands_of`), in order."""
    if isinstance(scope, Dockerfile):
        # A dozen rules ask a file for the commands of the same tools: each set is read once.
        key = ("package_commands", tools)
        answer = scope.answers.get(key)
        if answer is None:
            answer = scope.answers[key] = tuple(_package_commands(scope, tools))
        return list(answer)  # type: ignore[call-overload]
    return _package_commands(scope, tools)


def _package_commands(scope: Dockerfile | Instruction, tools: tuple[Tool, ...]) -> list[PackageCommand]:
    document = scope if isinstance(scope, Dockerfile) else None
    if document is not None:
        programs = _programs_run(document, tools)
        located = commands_of(document, *programs) if programs else ()
    else:
        located = commands_of(scope)
    found = []
    for instruction, command in located:
        use = package_command(instruction, command, *tools, document=document)
        if use is not None:
            found.append(use)
    return found


def _programs_run(document: Dockerfile, tools: tuple[Tool, ...]) -> list[str]:
    """The names under which the file runs ``tools``, from its index of commands by program."""
    index = document.run_commands_by_program
    found = [program for tool in tools for program in tool.programs if program in index]
    patterns = [tool.program_pattern for tool in tools if tool.program_pattern is not None]
    if patterns:
        found.extend(p for p in index if p not in found and any(pattern.fullmatch(p) for pattern in patterns))
    return found


def package_command(
    instruction: Instruction, command: ShellCommand, *tools: Tool, document: Dockerfile | None = None
) -> PackageCommand | None:
    """``command`` read as a command of the first of ``tools`` it runs (in ``document``, when known), or None."""
    for tool in tools:
        if not tool.runs_as(command.program):
            continue
        args = tool.through(command) if tool.through is not None else command.args
        if args is None:
            continue
        if tool.arguments_end:
            args = tuple(_before_end(args))
        value_flags = tool.value_flags
        if tool.switches is not None:
            value_flags = value_flags | {
                a.value for a in args if a.is_flag and "=" not in a.value and a.value not in tool.switches
            }
        words = operands(args, value_flags)
        subcommand, action, rest = _action(tool, words)
        return PackageCommand(tool, instruction, command, args, subcommand, action, tuple(rest), document)
    return None


def _before_end(args: tuple[ShellWord, ...]) -> Iterator[ShellWord]:
    for arg in args:
        if arg.value == "--" and arg.literal:
            return
        yield arg


def _action(tool: Tool, words: list[ShellWord]) -> tuple[ShellWord | None, str, list[ShellWord]]:
    if not words:
        return None, tool.default_action, []
    if len(words) > 1:
        action = tool.subcommands.get(f"{words[0].value} {words[1].value}")
        if action is not None:
            return words[1], action, words[2:]
    return words[0], tool.subcommands.get(words[0].value, ""), words[1:]


def caches_kept(document: Dockerfile, *tools: Tool) -> Iterator[list[PackageCommand]]:
    """For each RUN whose layer ends up in the image (ONBUILD triggers included), the commands of ``tools`` that
    fill their tool's cache with nothing later in the same RUN emptying it: a clean-up before the command does
    not count, nor one by another tool (`microdnf clean all` after `dnf install`). A cache or tmpfs mount on the
    cache's directory keeps it out of the layer."""
    # Most files never run the tools, and most RUNs of those that do run other things: ask that first, the
    # clean-up checks cost more.
    programs = set(_programs_run(document, tools))
    if not programs:
        return
    for instruction, script in run_scripts(document, shipped=True):
        commands = script.all_commands
        if not any(c.program in programs for c in commands):
            continue
        uses = [
            (i, package_command(instruction, c, *tools) if c.program in programs else None)
            for i, c in enumerate(commands)
        ]
        kept: list[tuple[int, PackageCommand]] = []
        for tool in tools:
            cache = tool.cache
            if cache is None or any(mounts_cover(instruction, d, *UNSTORED) for d in cache.directories):
                continue
            fills = [(i, u) for i, u in uses if u is not None and u.tool is tool and u.fills_cache]
            if not fills:
                continue
            first_fill = fills[0][0]
            emptied = max(
                (i for i, c in enumerate(commands) if i > first_fill and _empties(cache, c, uses[i][1])), default=-1
            )
            kept.extend((i, u) for i, u in fills if i > emptied)
        if kept:
            yield [u for _, u in sorted(kept, key=lambda pair: pair[0])]


def _empties(cache: Cache, command: ShellCommand, use: PackageCommand | None) -> bool:
    if use is not None and (use.tool.name, use.action) in cache.cleaned_by:
        return True
    return any(removes(command, d) for d in cache.directories)


# -- apt ------------------------------------------------------------------------------------------------


def apt_option(use: PackageCommand, name: str) -> str | None:
    """The value of an apt setting given on the command line (`-o APT::Get::Assume-Yes=true`), by name in
    lower case."""
    args = use.args
    for index, arg in enumerate(args):
        value = arg.value
        if value in ("-o", "--option") and index + 1 < len(args):
            setting = args[index + 1].value
        elif value.startswith("--option="):
            setting = value.removeprefix("--option=")
        elif value.startswith("-o") and len(value) > 2:
            setting = value[2:]
        else:
            continue
        key, equals, given = setting.partition("=")
        if equals and key.lower() == name:
            return given
    return None


def apt_quiet_level(use: PackageCommand) -> int:
    """How many `-q` apt was given (`-qq`, `-q=2`, `--quiet --quiet`); level 2 implies `-y`."""
    level = 0
    for arg in use.args:
        value = arg.value
        if not arg.literal:
            continue
        if value.startswith(("-q=", "--quiet=")):
            given = value.split("=", 1)[1]
            level = int(given) if given.isdigit() and len(given) < 3 else level
        elif value == "--quiet":
            level += 1
        elif value.startswith("-") and not value.startswith("--"):
            level += value[1:].count("q")
    return level


def installs_recommends(use: PackageCommand) -> bool:
    """Whether an apt install also installs the packages the named ones recommend."""
    if use.has_flag(*use.tool.no_recommends_flags):
        return False
    return (apt_option(use, "apt::install-recommends") or "").lower() not in ("false", "0", "no")


def _apt_assumes_yes(use: PackageCommand) -> bool:
    return apt_quiet_level(use) >= 2 or (apt_option(use, "apt::get::assume-yes") or "").lower() in ("true", "1", "yes")


def _apt_pinned(package: str) -> bool:
    return "=" in package or "/" in package or package.endswith(".deb")


_APT_SUBCOMMANDS = {
    name: name
    for name in (
        "install",
        "reinstall",
        "update",
        "upgrade",
        "dist-upgrade",
        "full-upgrade",
        "remove",
        "purge",
        "autoremove",
        "autopurge",
        "clean",
        "autoclean",
        "dist-clean",
        "source",
        "build-dep",
        "download",
        "satisfy",
        "check",
    )
} | {"distclean": "dist-clean"}
_APT_VALUE_FLAGS = frozenset(
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
# `apt-get update` fills the package lists; `dist-clean` (apt 2.7) removes them with the rest of apt's caches.
_APT_LISTS = Cache(
    ("/var/lib/apt/lists",),
    filled_by=frozenset({"update"}),
    cleaned_by=frozenset({("apt-get", "dist-clean"), ("apt", "dist-clean")}),
)
APT_GET = Tool(
    "apt-get",
    frozenset({"apt-get"}),
    _APT_SUBCOMMANDS,
    _APT_VALUE_FLAGS,
    confirm_flags=("-y", "--yes", "--assume-yes"),
    confirming=frozenset({"install"}),
    confirmed_otherwise=_apt_assumes_yes,
    installing=frozenset({"install"}),
    is_pinned=_apt_pinned,
    version_start=re.compile(r"[=/]"),
    no_recommends_flags=("--no-install-recommends",),
    cache=_APT_LISTS,
)
APT = Tool(
    "apt",
    frozenset({"apt"}),
    _APT_SUBCOMMANDS,
    _APT_VALUE_FLAGS,
    confirm_flags=APT_GET.confirm_flags,
    confirming=APT_GET.confirming,
    confirmed_otherwise=_apt_assumes_yes,
    installing=APT_GET.installing,
    is_pinned=_apt_pinned,
    version_start=APT_GET.version_start,
    no_recommends_flags=APT_GET.no_recommends_flags,
    cache=_APT_LISTS,
)
APTITUDE = Tool(
    "aptitude",
    frozenset({"aptitude"}),
    {
        name: name
        for name in (
            "install",
            "reinstall",
            "update",
            "upgrade",
            "safe-upgrade",
            "full-upgrade",
            "dist-upgrade",
            "remove",
            "purge",
            "clean",
            "autoclean",
            "download",
            "build-dep",
        )
    },
    frozenset({"-o", "-t", "--target-release", "-F", "--display-format", "-w", "--width", "--sort"}),
    confirm_flags=("-y", "--assume-yes"),
    confirming=frozenset({"install"}),
    installing=frozenset({"install"}),
    is_pinned=_apt_pinned,
    version_start=APT_GET.version_start,
    no_recommends_flags=("--without-recommends", "-R"),
    cache=Cache(_APT_LISTS.directories, filled_by=frozenset({"update"})),
)
APT_TOOLS = (APT_GET, APT, APTITUDE)


# -- apk --------------------------------------------------------------------------------------------------

APK = Tool(
    "apk",
    frozenset({"apk"}),
    {name: name for name in ("add", "del", "fix", "update", "upgrade", "cache", "info", "search", "fetch")},
    frozenset(
        {
            "-t",
            "--virtual",
            "-X",
            "--repository",
            "-p",
            "--root",
            "--arch",
            "--keys-dir",
            "--repositories-file",
            "--cache-dir",
        }
    ),
    installing=frozenset({"add"}),
    is_pinned=lambda package: any(c in package for c in "=~<>") or package.endswith(".apk"),
    version_start=re.compile(r"[=~<>]"),
    cache=Cache(("/var/cache/apk", "/etc/apk/cache"), filled_by=frozenset({"add"}), skipped_by=("--no-cache",)),
)


# -- rpm: yum, dnf, microdnf, zypper ------------------------------------------------------------------

# `name-1.2.3`, `name-1.2-3.el9`, an epoch `name-2:1.0`, or a module stream `nodejs:20`.
_RPM_VERSIONED = re.compile(r"-\d|:")


def _rpm_pinned(package: str) -> bool:
    return bool(_RPM_VERSIONED.search(package)) or package.endswith(".rpm") or "/" in package or "*" in package


_RPM_VALUE_FLAGS = frozenset(
    {
        "-c",
        "--config",
        "--setopt",
        "--installroot",
        "--releasever",
        "-x",
        "--exclude",
        "--enablerepo",
        "--disablerepo",
        "--repo",
        "--repoid",
        "-d",
        "--debuglevel",
        "-e",
        "--errorlevel",
    }
)
_RPM_VERSION_START = re.compile(r"-(?=\d)|[=<>]")
YUM = Tool(
    "yum",
    frozenset({"yum"}),
    {
        name: name
        for name in (
            "install",
            "groupinstall",
            "localinstall",
            "reinstall",
            "update",
            "upgrade",
            "remove",
            "erase",
            "downgrade",
            "distro-sync",
            "group",
            "module",
            "autoremove",
            "makecache",
            "clean",
        )
    }
    | {"module install": "module-install", "clean all": "clean-all"},
    _RPM_VALUE_FLAGS,
    confirm_flags=("-y", "--assumeyes"),
    confirming=frozenset(
        {
            "install",
            "groupinstall",
            "localinstall",
            "reinstall",
            "update",
            "upgrade",
            "remove",
            "erase",
            "downgrade",
            "distro-sync",
            "group",
            "module",
            "module-install",
            "autoremove",
        }
    ),
    installing=frozenset({"install", "localinstall", "reinstall", "module-install"}),
    is_pinned=_rpm_pinned,
    version_start=_RPM_VERSION_START,
    cache=Cache(
        ("/var/cache/yum",),
        filled_by=frozenset(
            {"install", "groupinstall", "localinstall", "reinstall", "update", "upgrade", "downgrade", "distro-sync"}
        ),
        cleaned_by=frozenset({("yum", "clean-all")}),
    ),
)
_DNF_SUBCOMMANDS = {
    "install": "install",
    "in": "install",
    "localinstall": "install",
    "reinstall": "reinstall",
    "rei": "reinstall",
    "upgrade": "upgrade",
    "up": "upgrade",
    "update": "upgrade",
    "localupdate": "upgrade",
    "upgrade-minimal": "upgrade-minimal",
    "up-min": "upgrade-minimal",
    "update-minimal": "upgrade-minimal",
    "downgrade": "downgrade",
    "dg": "downgrade",
    "distro-sync": "distro-sync",
    "dsync": "distro-sync",
    "distrosync": "distro-sync",
    "distribution-synchronization": "distro-sync",
    "remove": "remove",
    "rm": "remove",
    "erase": "remove",
    "autoremove": "autoremove",
    "swap": "swap",
    "group": "group",
    "groups": "group",
    "group install": "group-install",
    "groupinstall": "group-install",
    "module": "module",
    "module install": "module-install",
    "makecache": "makecache",
    "mc": "makecache",
    "check-update": "check-upgrade",
    "check-upgrade": "check-upgrade",
    "clean": "clean",
    "clean all": "clean-all",
}
_DNF_CHANGING = frozenset(
    {"install", "reinstall", "upgrade", "upgrade-minimal", "downgrade", "distro-sync", "swap", "group-install"}
)
DNF = Tool(
    "dnf",
    frozenset({"dnf", "dnf5"}),
    _DNF_SUBCOMMANDS,
    _RPM_VALUE_FLAGS,
    confirm_flags=("-y", "--assumeyes"),
    confirming=_DNF_CHANGING | {"remove", "autoremove", "group", "module", "module-install"},
    installing=frozenset({"install", "reinstall", "module-install"}),
    is_pinned=_rpm_pinned,
    version_start=_RPM_VERSION_START,
    cache=Cache(
        ("/var/cache/dnf", "/var/cache/libdnf5", "/var/cache/yum"),
        filled_by=_DNF_CHANGING | {"module", "module-install"},
        cleaned_by=frozenset({("dnf", "clean-all")}),
    ),
)
# microdnf asks for confirmation since EL9 (it assumed yes before); its cache is its own (`dnf clean all` does
# not empty it, nor the reverse).
MICRODNF = Tool(
    "microdnf",
    frozenset({"microdnf"}),
    {
        name: name
        for name in (
            "install",
            "reinstall",
            "remove",
            "upgrade",
            "download",
            "makecache",
            "module",
            "repoquery",
            "clean",
        )
    }
    | {"update": "upgrade", "module install": "module-install", "clean all": "clean-all"},
    _RPM_VALUE_FLAGS,
    confirm_flags=("-y", "--assumeyes"),
    confirming=frozenset({"install", "reinstall", "remove", "upgrade", "module-install"}),
    installing=frozenset({"install", "reinstall", "module-install"}),
    is_pinned=_rpm_pinned,
    version_start=_RPM_VERSION_START,
    cache=Cache(
        ("/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5"),
        filled_by=frozenset({"install", "reinstall", "upgrade", "module", "module-install"}),
        cleaned_by=frozenset({("microdnf", "clean-all")}),
    ),
)
ZYPPER = Tool(
    "zypper",
    frozenset({"zypper"}),
    {
        "install": "install",
        "in": "install",
        "remove": "remove",
        "rm": "remove",
        "source-install": "source-install",
        "si": "source-install",
        "patch": "patch",
        "update": "update",
        "up": "update",
        "dist-upgrade": "dist-upgrade",
        "dup": "dist-upgrade",
        "clean": "clean",
        "cc": "clean",
        "refresh": "refresh",
        "ref": "refresh",
    },
    frozenset({"-r", "--repo", "--from", "-t", "--type", "--root", "-R", "-c", "--config", "--releasever"}),
    confirm_flags=("-n", "--non-interactive", "-y", "--no-confirm"),
    confirming=frozenset({"install", "remove", "source-install", "patch", "update", "dist-upgrade"}),
    installing=frozenset({"install"}),
    is_pinned=lambda package: any(c in package for c in "=<>") or package.endswith(".rpm"),
    version_start=re.compile(r"[=<>]"),
    cache=Cache(("/var/cache/zypp",), filled_by=frozenset({"install"}), cleaned_by=frozenset({("zypper", "clean")})),
)
OS_TOOLS = (*APT_TOOLS, APK, YUM, DNF, MICRODNF, ZYPPER)


# -- Python: pip, pipx ------------------------------------------------------------------------------

_PIP_PROGRAM = re.compile(r"pip(\d+(\.\d+)?)?")
_PYTHON_PROGRAM = re.compile(r"python(\d+(\.\d+)?)?")
# The interpreter's options whose value is the next word (or the rest of a cluster: `-Wignore`).
_PYTHON_VALUE_OPTIONS = frozenset("WX")


def _through_python(command: ShellCommand) -> tuple[ShellWord, ...] | None:
    """The arguments of `python [options] -m pip ...` after `pip` (`-um pip` and `-mpip` too); the command's own
    arguments when it is pip itself; None for anything else."""
    if _PIP_PROGRAM.fullmatch(command.program):
        return command.args
    if not _PYTHON_PROGRAM.fullmatch(command.program):
        return None
    args = command.args
    index = 0
    while index < len(args):
        arg = args[index]
        if not arg.is_flag:
            return None  # a script, not a module
        value = arg.value
        index += 1
        if value.startswith("--"):
            index += value == "--check-hash-based-pycs"
            continue
        for position, option in enumerate(value[1:], start=1):
            if option not in "mc" and option not in _PYTHON_VALUE_OPTIONS:
                continue
            attached = value[position + 1 :]
            if option == "c":
                return None  # a command string
            if option == "m":
                module = attached or (args[index].value if index < len(args) else "")
                return args[index + (not attached) :] if _PIP_PROGRAM.fullmatch(module) else None
            index += not attached  # -W / -X and their value
            break
    return None


_PIP_VERSION_MARKS = ("==", ">=", "<=", "~=", "!=", ">", "<", "===")
_VCS_PREFIXES = ("git+", "hg+", "svn+", "bzr+", "git://")


def _pip_pinned(package: str) -> bool:
    if any(mark in package for mark in _PIP_VERSION_MARKS):
        return True
    if package.startswith(_VCS_PREFIXES):
        return "@" in package.split("://", 1)[-1]
    return package.endswith((".whl", ".tar.gz", ".zip")) or "/" in package or package.startswith(".")


PIP = Tool(
    "pip",
    frozenset(),
    {
        name: name
        for name in (
            "install",
            "download",
            "uninstall",
            "freeze",
            "inspect",
            "list",
            "show",
            "check",
            "config",
            "search",
            "cache",
            "index",
            "wheel",
            "hash",
            "completion",
            "debug",
            "help",
            "lock",
        )
    }
    | {"cache purge": "cache-purge", "cache remove": "cache-remove"},
    frozenset(
        {
            "--proxy",
            "--cache-dir",
            "--log",
            "--log-file",
            "--local-log",
            "--timeout",
            "--retries",
            "--resume-retries",
            "--exists-action",
            "--trusted-host",
            "--cert",
            "--client-cert",
            "--python",
            "--keyring-provider",
            "--use-feature",
            "--use-deprecated",
            "--root-user-action",
            "--src",
            "-b",
            "--build",
            "-c",
            "--constraint",
            "-r",
            "--requirement",
            "--group",
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
            "--install-option",
            "-d",
            "--dest",
            "-w",
            "--wheel-dir",
        }
    ),
    installing=frozenset({"install"}),
    is_pinned=_pip_pinned,
    pinning_flags=("-r", "--requirement", "-c", "--constraint"),
    version_start=re.compile(r"[=<>~!\[;@]"),
    cache=Cache(
        ("/root/.cache/pip",),
        filled_by=frozenset({"install"}),
        cleaned_by=frozenset({("pip", "cache-purge")}),
        skipped_by=("--no-cache-dir",),
    ),
    program_pattern=re.compile(f"{_PIP_PROGRAM.pattern}|{_PYTHON_PROGRAM.pattern}"),
    through=_through_python,
)
PIPX = Tool(
    "pipx",
    frozenset({"pipx"}),
    {
        name: name
        for name in (
            "install",
            "install-all",
            "inject",
            "upgrade",
            "upgrade-all",
            "uninstall",
            "reinstall",
            "run",
            "list",
            "ensurepath",
        )
    },
    frozenset({"--python", "--index-url", "-i", "--pip-args", "--suffix", "--spec", "--editable", "-e"}),
    installing=frozenset({"install"}),
    is_pinned=_pip_pinned,
    version_start=PIP.version_start,
)


# -- JavaScript: npm, yarn, pnpm ------------------------------------------------------------------------

_NPM_INSTALL = ("install", "i", "in", "ins", "inst", "insta", "instal", "isnt", "isnta", "isntal", "isntall", "add")
_NPM_MOVING_TAGS = ("latest", "next")


def _npm_pinned(package: str) -> bool:
    if package.startswith(("git://", "git+ssh://", "git+http://", "git+https://", "github:")):
        return "#" in package
    if package.endswith((".tar", ".tar.gz", ".tgz")) or package.startswith(("/", "./", "../", "~/")):
        return True
    _, at, version = package[1:].partition("@")
    return bool(at and version) and version not in _NPM_MOVING_TAGS


NPM = Tool(
    "npm",
    frozenset({"npm"}),
    dict.fromkeys(_NPM_INSTALL, "install")
    | dict.fromkeys(("ci", "clean-install", "ic", "install-clean", "isntall-clean"), "ci")
    | dict.fromkeys(("run", "run-script", "rum", "urn"), "run")
    | dict.fromkeys(("exec", "x"), "exec")
    | dict.fromkeys(("uninstall", "remove", "rm", "r", "un", "unlink"), "uninstall")
    | {"update": "update", "up": "update", "cache clean": "cache-clean"},
    frozenset(
        {
            "--prefix",
            "--registry",
            "-w",
            "--workspace",
            "--cache",
            "--userconfig",
            "--globalconfig",
            "--tag",
            "--loglevel",
            "--omit",
            "--include",
            "--install-strategy",
            "--save-prefix",
            "--before",
            "--cpu",
            "--os",
            "--libc",
            "--script-shell",
        }
    ),
    installing=frozenset({"install"}),
    is_pinned=_npm_pinned,
    version_start=re.compile(r"(?<=.)@"),
)
YARN = Tool(
    "yarn",
    frozenset({"yarn"}),
    {
        name: name
        for name in ("install", "add", "remove", "upgrade", "run", "exec", "dlx", "workspace", "workspaces", "global")
    }
    | {"cache clean": "cache-clean", "global add": "global-add"},
    frozenset(
        {
            "--cwd",
            "--cache-folder",
            "--modules-folder",
            "--global-folder",
            "--link-folder",
            "--preferred-cache-folder",
            "--network-timeout",
            "--network-concurrency",
            "--mutex",
            "--registry",
        }
    ),
    installing=frozenset({"add", "global-add"}),
    is_pinned=_npm_pinned,
    version_start=NPM.version_start,
    cache=Cache(
        ("/usr/local/share/.cache/yarn", "/root/.cache/yarn", "/home/node/.cache/yarn", "/root/.yarn"),
        filled_by=frozenset({"install", "add", "global-add"}),
        cleaned_by=frozenset({("yarn", "cache-clean")}),
    ),
    default_action="install",
)
PNPM = Tool(
    "pnpm",
    frozenset({"pnpm"}),
    {
        "install": "install",
        "i": "install",
        "add": "add",
        "run": "run",
        "exec": "exec",
        "dlx": "dlx",
        "remove": "remove",
    },
    frozenset({"--filter", "-F", "--dir", "-C", "--store-dir", "--reporter", "--loglevel", "--registry"}),
    installing=frozenset({"add"}),
    is_pinned=_npm_pinned,
    version_start=NPM.version_start,
)
JS_TOOLS = (NPM, YARN, PNPM)


# -- gem, go ----------------------------------------------------------------------------------------------

GEM = Tool(
    "gem",
    frozenset({"gem"}),
    {"install": "install", "i": "install", "update": "update", "uninstall": "uninstall"},
    frozenset(
        {
            "-v",
            "--version",
            "-i",
            "--install-dir",
            "-n",
            "--bindir",
            "-s",
            "--source",
            "-P",
            "--trust-policy",
            "--platform",
            "-g",
            "--file",
        }
    ),
    switches=frozenset(
        {
            *("-l", "--local", "-r", "--remote", "-b", "--both", "--clear-sources", "-q", "--quiet", "-V"),
            *("--verbose", "--no-verbose", "--backtrace", "--debug", "--norc", "-f", "--force", "--no-force"),
            *("-w", "--wrappers", "--no-wrappers", "--vendor", "-N", "--no-document", "--document", "-E"),
            *("--env-shebang", "--no-env-shebang", "--development", "--development-all", "--conservative"),
            *("--minimal-deps", "--post-install-message", "--no-post-install-message", "-u", "--update-sources"),
            *("--no-update-sources", "--user-install", "--no-user-install", "--ignore-dependencies"),
            *("--format-executable", "--no-format-executable", "--lock", "--no-lock", "--suggestions"),
            *("--no-suggestions", "--prerelease", "--no-prerelease", "--pre", "--explain", "--default"),
            *("--silent", "--no-ri", "--no-rdoc", "--ri", "--rdoc", "--install-doc"),
        }
    ),
    installing=frozenset({"install"}),
    is_pinned=lambda gem: ":" in gem or gem.endswith(".gem"),
    pinning_flags=("-v", "--version"),
    version_start=re.compile(r":"),
    arguments_end=True,
)
# Versions that move: `@latest`, a branch, or a query for the newest patch or minor release.
_GO_MOVING = ("latest", "master", "main", "HEAD", "upgrade", "patch")


def _go_pinned(package: str) -> bool:
    if package.startswith((".", "/")) or package.endswith(".go"):
        return True  # the code in the context
    _, at, version = package.partition("@")
    if not at:
        return "." not in package.split("/", 1)[0]  # the standard library (a module path starts with a domain)
    return version not in _GO_MOVING


GO = Tool(
    "go",
    frozenset({"go"}),
    {name: name for name in ("install", "get", "run", "build", "test", "mod", "generate", "vet", "env")}
    | {"mod download": "mod-download"},
    frozenset(
        {
            "-o",
            "-p",
            "-C",
            "-tags",
            "-ldflags",
            "-gcflags",
            "-asmflags",
            "-gccgoflags",
            "-mod",
            "-modfile",
            "-pkgdir",
            "-toolexec",
            "-exec",
            "-overlay",
            "-pgo",
            "-buildmode",
            "-compiler",
            "-installsuffix",
            "-covermode",
            "-coverpkg",
        }
    ),
    installing=frozenset({"install", "get", "run"}),
    single_package=frozenset({"run"}),
    is_pinned=_go_pinned,
    version_start=re.compile(r"@"),
)
