"""The ShellCheck requests of a Dockerfile: every shell-form RUN script and every heredoc body run by a shell,
each with the dialect it runs in and the ARG/ENV variables the build defines before it, with their values.

Shared by the ShellCheck rule and by the CLI's batch mode, which checks the scripts of many files at once. Both
send only what the plan's limits allow (:mod:`dockwright.budget`): ShellCheck's cost grows much faster than a
script's size for some shapes, so a script over a limit is left out and the rule says why.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import tree_sitter

from dockwright import budget
from dockwright.budget import Limits
from dockwright.dockerfile.model import Dockerfile, Instruction
from dockwright.dockerfile.queries.stages import lineage_instructions
from dockwright.dockerfile.scopes import PREDEFINED_ARGS
from dockwright.dockerfile.shell import ShellScript, active_shell
from dockwright.dockerfile.variables import UNKNOWN
from dockwright.shellcheck import runner as shellcheck

Job = tuple[ShellScript, shellcheck.ScriptRequest]
# Below this size a script cannot nest deep enough to matter; its tree is not measured.
_SMALL_SCRIPT = 256
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# A longer value is exported without it: ShellCheck needs to know a variable is set, not a page of text.
_MAX_VALUE = 1024


@dataclass
class ShellCheckPlan:
    jobs: list[Job] = field(default_factory=list)
    # Scripts not sent, with the reason (a limit of one script).
    skipped: list[tuple[ShellScript, str]] = field(default_factory=list)
    # Scripts not sent because the file's scripts together went over the limits, in order.
    over_budget: list[ShellScript] = field(default_factory=list)


def shellcheck_jobs(document: Dockerfile, rc: str = "") -> list[Job]:
    return shellcheck_plan(document, rc=rc).jobs


def shellcheck_plan(document: Dockerfile, limits: Limits | None = None, rc: str = "") -> ShellCheckPlan:
    """What to send to ShellCheck within ``limits`` (the analysis' budget by default), and what not; ``rc`` is
    the `.shellcheckrc` that applies (see :func:`dockwright.shellcheck.runner.rc_from`)."""
    limits = limits or budget.current().limits
    plan = ShellCheckPlan()
    sent: set[str] = set()
    sent_bytes = 0
    env_names: dict[int, frozenset[str]] = {}  # by stage, for ONBUILD triggers
    for instruction, script in document.run_scripts:
        for job in _requests(instruction, script, rc, env_names):
            reason = _over_limit(job[0], limits)
            if reason is not None:
                plan.skipped.append((job[0], reason))
                continue
            key = job[1].key
            if key not in sent:
                if len(sent) >= limits.max_scripts or sent_bytes + len(job[1].text) > limits.max_scripts_bytes:
                    plan.over_budget.append(job[0])
                    continue
                sent.add(key)
                sent_bytes += len(job[1].text)
            plan.jobs.append(job)
    return plan


def _over_limit(script: ShellScript, limits: Limits) -> str | None:
    size = len(script.text.encode("utf-8"))
    if size > limits.max_script_bytes:
        return f"the script is {size:,} bytes long (the limit is {limits.max_script_bytes:,})"
    if len(script.commands) > limits.max_script_commands:
        return f"the script runs {len(script.commands):,} commands (the limit is {limits.max_script_commands:,})"
    if len(script.text) > _SMALL_SCRIPT and _deeper_than(script.tree, limits.max_script_nesting):
        return f"its syntax nests deeper than {limits.max_script_nesting} levels (each `&&` of a chain is a level)"
    return None


def _deeper_than(tree: tree_sitter.Tree, levels: int) -> bool:
    """Whether the syntax tree is more than ``levels`` deep; walked with a cursor, never recursively."""
    cursor = tree.walk()
    depth = 0
    while True:
        if cursor.goto_first_child():
            depth += 1
            if depth > levels:
                return True
            continue
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent():
                return False
            depth -= 1


def _requests(
    instruction: Instruction, script: ShellScript, rc: str, env_names: dict[int, frozenset[str]]
) -> Iterator[Job]:
    outer = _dialect(active_shell(instruction)[0])
    if outer is None:
        return
    markers_only = bool(instruction.heredocs) and all(w.text.startswith("<<") for w in instruction.words)
    first_dialect = _shebang_dialect(script.text) or outer
    if script.text.strip() and first_dialect is not None:
        own = first_dialect if markers_only else outer
        yield script, shellcheck.ScriptRequest(script.text, own, _variables(instruction, script.text, env_names), rc)
    # Bodies fed to a shell (`RUN bash <<EOF`) are checked in the dialect of that shell.
    feeder = next((_dialect(c.program) for c in script.commands if _dialect(c.program)), outer)
    for child in script.children:
        body = _shebang_dialect(child.text) or (outer if markers_only else feeder)
        if child.text.strip() and body is not None:
            yield child, shellcheck.ScriptRequest(child.text, body, _variables(instruction, child.text, env_names), rc)


def _variables(
    instruction: Instruction, text: str, env_names: dict[int, frozenset[str]]
) -> tuple[tuple[str, str | None], ...]:
    """What the build has set when ``text`` runs: the ARG and ENV variables in scope that it mentions, with
    their values where the file gives them (only those can matter to ShellCheck, as `$NAME` or in arithmetic,
    and a file with thousands of variables must not send them with every script), and the proxy variables
    BuildKit predefines, whose values the build passes, when the script mentions a proxy. An ONBUILD trigger
    runs in another build, which has this image's ENV but not its ARGs."""
    mentioned = set(_IDENTIFIER.findall(text))
    names = [name for name in instruction.scope if name in mentioned]
    stage = instruction.stage
    if instruction.parent is not None and stage is not None:
        if stage.index not in env_names:
            env_names[stage.index] = frozenset(
                p.key for i in lineage_instructions(stage) if i.keyword == "ENV" for p in i.raw_pairs
            )
        names = [name for name in names if name in env_names[stage.index]]
    variables = {name: _value(instruction.scope[name]) for name in names}
    if "proxy" in text.lower():  # only then can they matter (as `$http_proxy`, or a near miss of one)
        for name in PREDEFINED_ARGS:
            variables.setdefault(name, None)
    return tuple(variables.items())


def _value(value: str | None) -> str | None:
    if value is None or value is UNKNOWN or len(value) > _MAX_VALUE:
        return None
    return value


def _dialect(program: str) -> str | None:
    return shellcheck.DIALECTS.get(posixpath.basename(program).removesuffix(".exe"))


def _shebang_dialect(text: str) -> str | None:
    if not text.startswith("#!"):
        return None
    words = text[2 : text.find("\n") if "\n" in text else len(text)].split()
    if words and posixpath.basename(words[0]) == "env" and len(words) > 1:
        words = words[1:]
    return _dialect(words[0]) if words else None
