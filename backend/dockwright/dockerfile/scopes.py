"""Build stages and the ARG/ENV scope of each instruction, as BuildKit resolves them.

* Global ARGs (before the first FROM) are visible in FROM lines only, unless a stage re-declares them
  with a bare ``ARG NAME``; their defaults may use earlier global ARGs and the platform ARGs.
* A stage built ``FROM`` an earlier stage inherits that stage's ENV and ARG values.
* ENV wins over an ARG of the same name.
* The SHELL in effect is recorded on each instruction (also inherited through ``FROM <stage>``).
"""

from __future__ import annotations

import re

from dockwright.dockerfile.model import Instruction, Stage, SyntaxProblem, image_of
from dockwright.dockerfile.variables import process_word

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
    instructions: list[Instruction], errors: list[SyntaxProblem], escape: str
) -> tuple[list[Stage], list[Instruction]]:
    stages: list[Stage] = []
    global_args: list[Instruction] = []
    global_scope: Scope = {}
    stage: Stage | None = None
    env: Scope = {}
    args: Scope = {}
    # What each finished stage hands to a stage built FROM it.
    inherited: dict[int, tuple[Scope, Scope, list[str] | None]] = {}
    scope: Scope | None = None
    shell: list[str] | None = None
    for instruction in instructions:
        if instruction.keyword == "FROM":
            if stage is not None:
                inherited[stage.index] = (env, args, shell)
            stage = _new_stage(instruction, len(stages), stages, global_scope, escape, errors)
            stages.append(stage)
            base = stage.base_stage
            base_env, base_args, shell = inherited.get(base.index, ({}, {}, None)) if base else ({}, {}, None)
            env, args = dict(base_env), dict(base_args)
            scope = None
            instruction.scope = {**PLATFORM_ARGS, **global_scope}
            instruction.stage = stage
            instruction.shell_argv = shell
            stage.instructions.append(instruction)
            continue
        if stage is None:
            if instruction.keyword == "ARG":
                instruction.scope = {**PLATFORM_ARGS, **global_scope}
                global_args.append(instruction)
                for pair in instruction.raw_pairs:
                    global_scope[pair.key] = (
                        process_word(pair.value_text, {**PLATFORM_ARGS, **global_scope}, escape).value
                        if pair.has_value
                        else None
                    )
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
            scope = {**args, **env}
        instruction.scope = scope
        instruction.shell_argv = shell
        if instruction.keyword == "SHELL" and instruction.json_args:
            shell = instruction.json_args
        if instruction.trigger is not None:
            instruction.trigger.scope = instruction.scope
            instruction.trigger.stage = stage
        stage.instructions.append(instruction)
        if instruction.keyword == "ARG":
            scope = None
            for pair in instruction.raw_pairs:
                if pair.has_value:
                    args[pair.key] = process_word(pair.value_text, instruction.scope, escape).value
                elif pair.key in PLATFORM_ARGS:
                    args[pair.key] = PLATFORM_ARGS[pair.key]
                else:
                    args[pair.key] = global_scope.get(pair.key)
        elif instruction.keyword == "ENV":
            # All pairs of one ENV see the scope before it: `ENV A=1 B=$A` gives B the old A.
            scope = None
            for pair in instruction.raw_pairs:
                env[pair.key] = process_word(pair.value_text, instruction.scope, escape).value
    return stages, global_args


def _new_stage(
    instruction: Instruction,
    index: int,
    earlier: list[Stage],
    global_scope: Scope,
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
    expansion = process_word(image_text, {**PLATFORM_ARGS, **global_scope}, escape)
    resolved = expansion.value.strip()
    base_stage = next((s for s in earlier if s.name and s.name.lower() == resolved.lower()), None)
    image = None
    if not expansion.undefined and resolved and base_stage is None:
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
