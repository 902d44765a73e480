from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, Instruction, Stage
from dockwright.dockerfile.queries.commands import commands_of, operands
from dockwright.dockerfile.queries.packages import JS_TOOLS, OS_TOOLS, package_command
from dockwright.dockerfile.queries.paths import is_within, normalize, workdir_at
from dockwright.dockerfile.queries.stages import instructions_of
from dockwright.dockerfile.queries.users import user_name
from dockwright.dockerfile.shell import ShellCommand
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

# Actions of the system package tools that change the system.
_CHANGING = frozenset({"install", "update", "upgrade", "dist-upgrade", "full-upgrade", "remove", "purge", "add", "del"})
# Programs that only root may run to any effect.
_ROOT_PROGRAMS = frozenset(
    {"useradd", "groupadd", "adduser", "addgroup", "usermod", "update-ca-certificates", "ldconfig", "setcap", "apt-key"}
)
# Programs that write the paths they are given (the last operand for cp, mv and ln).
_WRITERS = frozenset({"mkdir", "touch", "chmod", "chown", "tee", "rm"})
_COPIERS = frozenset({"cp", "mv", "ln", "install"})
# Directories root owns in every base image; /tmp, /var/tmp and home directories are writable.
_SYSTEM = ("/etc", "/usr", "/var", "/opt", "/srv", "/root", "/bin", "/sbin", "/lib", "/run")
_WRITABLE = ("/tmp", "/var/tmp", "/home", "/dev")
_ROOT = ("root", "0")


@register
class RootStepAfterUser(Rule):
    id = "DF114"
    slug = "root-step-after-user"
    severity = Severity.ERROR
    title = "A step that needs root runs after USER switched to another user"
    rationale = (
        "After `USER app`, every RUN runs as app: installing system packages, global npm packages, adding "
        "users or writing under /etc, /usr, /var or /opt fails with a permission error, and the build stops. "
        "Do the root steps first, then switch users once, as late as possible."
    )
    bad = (
        "FROM python:3.12-slim\nRUN useradd --create-home app\nUSER app\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends libpq5\n"
    )
    good = (
        "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5\n"
        "RUN useradd --create-home app\nUSER app\n"
    )
    fix_title = "Move the step before USER (or wrap it in `USER root` ... `USER app`)"
    notes = (
        "The user in effect follows USER through the stage and the stages it builds on. Reported: system "
        "package tools changing the system (apt, apk, yum, dnf, microdnf, zypper), `npm install -g`, `yarn "
        "global add` and `pnpm add -g` (unless NPM_CONFIG_PREFIX moves the global folder), user and group "
        "administration, and mkdir/touch/cp/mv/ln/chmod/chown/tee/rm on paths under /etc, /usr, /var, /opt, "
        "/srv and the other system directories, unless an earlier `chown` or `COPY --chown` gave that path to "
        "the user. A USER from a variable without a value, or one naming root, is not judged; nor are commands "
        "run through sudo, su or gosu, nor pip (which falls back to a user install)."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        users = instructions_of(document, "USER")
        if not users or not any(r.index > users[0].index for r in instructions_of(document, "RUN")):
            return  # no RUN after a USER: nothing runs as another user
        # Each stage starts where the stage it builds on ends (stages only build on earlier ones).
        ends: dict[int, _State] = {}
        for stage in document.stages:
            base = stage.base_stage
            state = ends[base.index].copy() if base is not None and base.index in ends else _State()
            yield from self._stage(stage, state)
            ends[stage.index] = state

    def _stage(self, stage: Stage, state: _State) -> Iterator[Finding]:
        for instruction in stage.instructions:
            keyword = instruction.keyword
            if keyword == "USER":
                state.user = user_name(instruction)
                state.user_line = instruction.line
            elif keyword == "ENV" and any(p.key.upper() == "NPM_CONFIG_PREFIX" for p in instruction.raw_pairs):
                state.npm_prefix = True
            elif keyword in ("COPY", "ADD"):
                state.owned.extend(_chowned_copy(instruction))
            elif keyword == "RUN":
                user = state.user
                if user is not None and user not in _ROOT:
                    finding = self._first_root_step(instruction, user, state.user_line, state.owned, state.npm_prefix)
                    if finding is not None:
                        yield finding
                state.owned.extend(_chowned(instruction))

    def _first_root_step(
        self, instruction: Instruction, user: str, user_line: int, owned: list[str], npm_prefix: bool
    ) -> Finding | None:
        cwd = workdir_at(instruction)
        for _, command in commands_of(instruction):
            what = _needs_root(instruction, command, cwd, owned, npm_prefix)
            if what is not None:
                return self.finding(
                    command.name.span,
                    Message(
                        "{what} runs as {user!r} (USER on line {user_line}) and needs root: the build stops with a "
                        "permission error",
                        what=what,
                        user=user,
                        user_line=user_line,
                    ),
                )
            if command.program == "cd":
                target = next(iter(operands(command.args)), None)
                cwd = normalize(target.value, cwd or "/") if target is not None and target.literal else None
        return None


@dataclass
class _State:
    """The user in effect, where USER set it, the paths handed to a user, and whether npm's prefix moved."""

    user: str | None = None
    user_line: int = 0
    owned: list[str] = field(default_factory=list)
    npm_prefix: bool = False

    def copy(self) -> _State:
        return _State(self.user, self.user_line, list(self.owned), self.npm_prefix)


def _needs_root(
    instruction: Instruction, command: ShellCommand, cwd: str | None, owned: list[str], npm_prefix: bool
) -> str | None:
    """What in ``command`` needs root, as a message names it; None when nothing does."""
    program = command.program
    if program in _ROOT_PROGRAMS:
        return f"`{program}`"
    use = package_command(instruction, command, *OS_TOOLS)
    if use is not None:
        return f"`{program} {use.action}`" if use.action in _CHANGING else None
    use = package_command(instruction, command, *JS_TOOLS)
    if use is not None:
        global_install = (use.tool.name in ("npm", "pnpm") and use.has_flag("-g", "--global")) or (
            use.action == "global-add"
        )
        if not global_install or npm_prefix:
            return None
        return f"`{program} {'global add' if use.action == 'global-add' else 'install -g'}`"
    if program in _WRITERS or program in _COPIERS:
        words = operands(command.args)
        if program == "chmod" or program == "chown":
            words = words[1:]
        elif program in _COPIERS:
            words = words[-1:]
        for word in words:
            if not word.literal:
                continue
            path = normalize(word.value, cwd or "/") if (word.value.startswith("/") or cwd) else None
            if path is None or not _system(path) or any(is_within(path, mine) for mine in owned):
                continue
            if program == "mkdir" and any(is_within(mine, path) for mine in owned):
                continue  # `mkdir -p` of a directory the user already owns
            return f"`{program} {word.value}`"
    return None


def _system(path: str) -> bool:
    return any(is_within(path, d) for d in _SYSTEM) and not any(is_within(path, d) for d in _WRITABLE)


def _chowned(instruction: Instruction) -> list[str]:
    """Paths a RUN hands to a user with `chown` (any user: the one USER switches to later is usually it)."""
    paths = []
    cwd = workdir_at(instruction)
    for _, command in commands_of(instruction, "chown"):
        words = [w for w in operands(command.args) if w.literal]
        for word in words[1:]:
            if word.value.startswith("/") or cwd:
                paths.append(normalize(word.value, cwd or "/"))
    return paths


def _chowned_copy(instruction: Instruction) -> list[str]:
    flag = instruction.flag("chown")
    if flag is None or not instruction.words:
        return []
    destination = instruction.expand(instruction.words[-1].value)
    cwd = workdir_at(instruction)
    if destination.undefined or (not destination.value.startswith("/") and cwd is None):
        return []
    return [normalize(destination.value, cwd or "/")]
