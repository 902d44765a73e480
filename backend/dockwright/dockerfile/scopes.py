"""Build stages and the ARG/ENV scope of each instruction, as BuildKit resolves them.

* Global ARGs (before the first FROM) are visible in FROM lines only, unless a stage re-declares them
  with a bare ``ARG NAME``; their defaults may use earlier global ARGs and the platform ARGs.
* A stage built ``FROM`` an earlier stage inherits that stage's ENV and ARG values.
* ENV wins over an ARG of the same name.
* The SHELL in effect is recorded on each instruction (also inherited through ``FROM <stage>``). hadolint's
  ``# hadolint shell=NAME`` comment counts as one: before the first FROM it sets every stage's shell, elsewhere
  the shell from the next instruction to the end of its stage.
"""

from __future__ import annotations

import posixpath
import re
from collections import ChainMap
from collections.abc import Mapping

from dockwright import budget
from dockwright.dockerfile.model import Instruction, Stage, SyntaxProblem, image_of
from dockwright.dockerfile.shell import POSIX_SHELLS
from dockwright.dockerfile.variables import BUDGET_SPENT, UNKNOWN, process_word
from dockwright.dockerfile.words import RawPair

# BuildKit predefines these for FROM lines; the values only need to be plausible for resolution.
PLATFORM_ARGS: dict[str, str | None] = {
    "BUILDPLATFORM": "linux/amd64",
    "BUILDOS": "linux",
    "BUILDARCH": "amd64",
    "BUILDVARIANT": "",
    "TARGETPLATFORM": "linux/amd64",
    "TARGETOS": "linux",
    "TARGETARCH": "amd64",
    "TARGETVARIANT": "",
}
# Predefined proxy args and the like, usable in a stage without declaring them.
PREDEFINED_ARGS = (
    "HTTP_PROXY",
    "http_proxy",
    "HTTPS_PROXY",
    "https_proxy",
    "FTP_PROXY",
    "ftp_proxy",
    "NO_PROXY",
    "no_proxy",
    "ALL_PROXY",
    "all_proxy",
)
_STAGE_NAME = re.compile(r"[a-z][a-z0-9-_.]*")

Scope = dict[str, str | None]


def assign_stages_and_scopes(
    instructions: list[Instruction],
    errors: list[SyntaxProblem],
    escape: str,
    over_limit: list[SyntaxProblem],
    build_args: Mapping[str, str] | None = None,
) -> tuple[list[Stage], list[Instruction]]:
    """Group ``instructions`` into stages and give each its scope; problems go to ``errors`` (syntax) and
    ``over_limit`` (a value or the scopes over a limit of the analysis' budget). ``build_args`` (`--build-arg`)
    give the value of the ARGs they name, in place of their defaults; an ARG the file does not declare gets
    nothing from them, and the platform ARGs keep their values (BuildKit sets those from the platform)."""
    build_args = {k: v for k, v in (build_args or {}).items() if k not in PLATFORM_ARGS}
    resolver = _Resolver(escape, over_limit)
    stages: list[Stage] = []
    global_args: list[Instruction] = []
    global_scope: Scope = {}
    stage: Stage | None = None
    env: Scope = {}
    args: Scope = {}
    # What each finished stage hands to a stage built FROM it.
    inherited: dict[int, tuple[Scope, Scope, list[str] | None]] = {}
    scope: Scope | None = None
    from_scope: Scope | None = None  # the scope of FROM lines, shared until a global ARG changes it
    shell: list[str] | None = None
    default_shell: list[str] | None = None  # set by a shell pragma before the first FROM
    for instruction in instructions:
        if instruction.shell_pragma is not None:
            pragma_shell = _pragma_shell(instruction.shell_pragma)
            if stage is None:
                default_shell = pragma_shell
            shell = pragma_shell
        if instruction.keyword == "FROM":
            if stage is not None:
                inherited[stage.index] = (env, args, shell)
            if from_scope is None:
                from_scope = resolver.new_scope(instruction, PLATFORM_ARGS, global_scope)
            stage = _new_stage(instruction, len(stages), stages, from_scope, escape, errors)
            stages.append(stage)
            base = stage.base_stage
            base_env, base_args, shell = inherited.get(base.index, ({}, {}, None)) if base else ({}, {}, None)
            if base is None:
                shell = default_shell
            if instruction.shell_pragma is not None:
                shell = _pragma_shell(instruction.shell_pragma)
            env, args = dict(base_env), dict(base_args)
            scope = None
            instruction.scope = from_scope
            instruction.stage = stage
            instruction.shell_argv = shell
            stage.instructions.append(instruction)
            continue
        if stage is None:
            if instruction.keyword == "ARG":
                if from_scope is None:
                    from_scope = resolver.new_scope(instruction, PLATFORM_ARGS, global_scope)
                instruction.scope = from_scope
                global_args.append(instruction)
                # Each default sees the global ARGs before it, those of the same line included.
                visible = ChainMap(global_scope, PLATFORM_ARGS)
                keys = [pair.key for pair in instruction.raw_pairs]
                for pair in instruction.raw_pairs:
                    if pair.key in build_args:
                        global_scope[pair.key] = build_args[pair.key]
                    else:
                        global_scope[pair.key] = resolver.value(instruction, pair, visible) if pair.has_value else None
                from_scope = resolver.changed(from_scope, {key: global_scope[key] for key in keys})
            else:
                errors.append(
                    SyntaxProblem(
                        instruction.keyword_span,
                        f"{instruction.keyword} before the first FROM: only ARG may come before FROM",
                    )
                )
            continue
        instruction.stage = stage
        # Instructions share one scope dict until an ARG or ENV changes it.
        if scope is None:
            scope = resolver.new_scope(instruction, args, env)
        instruction.scope = scope
        instruction.shell_argv = shell
        if instruction.keyword == "SHELL" and instruction.json_args:
            shell = instruction.json_args
        if instruction.trigger is not None:
            instruction.trigger.scope = instruction.scope
            instruction.trigger.stage = stage
        stage.instructions.append(instruction)
        if instruction.keyword == "ARG":
            for pair in instruction.raw_pairs:
                if pair.key in build_args:
                    args[pair.key] = build_args[pair.key]
                elif pair.has_value:
                    args[pair.key] = resolver.value(instruction, pair, instruction.scope)
                elif pair.key in PLATFORM_ARGS:
                    args[pair.key] = PLATFORM_ARGS[pair.key]
                else:
                    args[pair.key] = global_scope.get(pair.key)
            # ENV wins over an ARG of the same name.
            scope = resolver.changed(scope, {p.key: args[p.key] for p in instruction.raw_pairs if p.key not in env})
        elif instruction.keyword == "ENV":
            # All pairs of one ENV see the scope before it: `ENV A=1 B=$A` gives B the old A.
            for pair in instruction.raw_pairs:
                env[pair.key] = resolver.value(instruction, pair, instruction.scope)
            scope = resolver.changed(scope, {pair.key: env[pair.key] for pair in instruction.raw_pairs})
    return stages, global_args


def _pragma_shell(name: str) -> list[str]:
    """The SHELL a `# hadolint shell=NAME` comment stands for (`powershell`, `cmd`, `bash`)."""
    return [name, "-c"] if posixpath.basename(name).removesuffix(".exe") in POSIX_SHELLS else [name]


class _Resolver:
    """Resolves ARG and ENV values and builds scopes within the analysis' budget.

    Each ARG or ENV gives the instructions after it a new scope (a copy: earlier instructions keep theirs),
    which costs as many entries as the scope holds; a file of thousands of ENV lines would cost the square of
    that. Once the budget's scope entries are spent, the last scope is updated in place instead: later
    variables are still known by name (so nothing is reported undefined), earlier instructions may see
    names defined after them, and a finding says the file went over the limit.
    """

    def __init__(self, escape: str, over_limit: list[SyntaxProblem]) -> None:
        self.escape = escape
        self.over_limit = over_limit
        self.budget = budget.current()
        self.exhausted = False
        self.budget_reported = False

    def value(self, instruction: Instruction, pair: RawPair, scope: Mapping[str, str | None]) -> str:
        """The value of ``pair`` as the build resolves it, or UNKNOWN when it is over a limit or uses a
        variable that is."""
        expansion = process_word(pair.value_text, scope, self.escape)
        if expansion.limited is not None:
            if expansion.limited == BUDGET_SPENT and self.budget_reported:
                return UNKNOWN
            self.budget_reported = self.budget_reported or expansion.limited == BUDGET_SPENT
            span = instruction.span_of(pair.value_start, max(pair.value_end, pair.value_start + 1))
            self.over_limit.append(SyntaxProblem(span, f"`{pair.key}` is left unresolved: {expansion.limited}"))
            return UNKNOWN
        return UNKNOWN if expansion.unknown else expansion.value

    def new_scope(self, instruction: Instruction, *layers: Scope) -> Scope:
        scope: Scope = {}
        for layer in layers:
            scope.update(layer)
        self._spend(instruction, len(scope))
        return scope

    def changed(self, scope: Scope, updates: Scope) -> Scope | None:
        """After an ARG or ENV: None (the next instruction builds a new scope), or, over the budget, the same
        scope updated in place."""
        if not self.exhausted:
            return None
        scope.update(updates)
        return scope

    def _spend(self, instruction: Instruction, entries: int) -> None:
        if self.exhausted or self.budget.spend_scope(entries):
            return
        self.exhausted = True
        limit = self.budget.limits.max_scope_entries
        self.over_limit.append(
            SyntaxProblem(
                instruction.keyword_span,
                f"the file declares so many ARG and ENV variables that their scopes would hold more than {limit:,} "
                "entries; from here on, which instruction sees which variable is approximate",
            )
        )


def _new_stage(
    instruction: Instruction,
    index: int,
    earlier: list[Stage],
    from_scope: Scope,
    escape: str,
    errors: list[SyntaxProblem],
) -> Stage:
    words = instruction.words
    name = name_span = as_text = None
    if len(words) >= 3 and words[1].value.upper() == "AS":
        as_text = words[1].text
        name, name_span = words[2].value, words[2].span
        if len(words) > 3:
            errors.append(SyntaxProblem(words[3].span, "FROM takes an image, and optionally AS and a stage name"))
        elif not _STAGE_NAME.fullmatch(name.lower()):
            errors.append(
                SyntaxProblem(
                    name_span,
                    f"invalid name for build stage: {name!r}, name can't start with a number or contain symbols",
                )
            )
    elif len(words) == 2 or (len(words) >= 3 and words[1].value.upper() != "AS"):
        errors.append(SyntaxProblem(words[1].span, "FROM takes an image, and optionally AS and a stage name"))
    image_text = words[0].text if words else ""
    image_span = words[0].span if words else instruction.keyword_span
    expansion = process_word(image_text, from_scope, escape)
    resolved = expansion.value.strip()
    base_stage = None
    if expansion.resolved:
        base_stage = next((s for s in earlier if s.name and s.name.lower() == resolved.lower()), None)
    image = None
    if expansion.resolved and resolved and base_stage is None:
        image = image_of(resolved)
    return Stage(
        index=index,
        from_instruction=instruction,
        name=name,
        name_span=name_span,
        as_text=as_text,
        image_text=image_text,
        image_span=image_span,
        image=image,
        unresolved=list(expansion.undefined),
        base_stage=base_stage,
    )
