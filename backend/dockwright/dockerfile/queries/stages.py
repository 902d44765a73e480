"""Which instructions a rule sees: of the whole file (ONBUILD triggers included), of a stage and the stages it
builds on, of the stages that end up in the image."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from dockwright.dockerfile.image import ImageRef
from dockwright.dockerfile.model import Dockerfile, Instruction, Stage, image_of
from dockwright.dockerfile.variables import expand
from dockwright.findings import Span

# `RUN --mount` types that take files from a stage or an image with `from=`.
_MOUNTS_FROM = ("bind", "cache")
# Shells only Windows has (PowerShell Core, `pwsh`, runs on Linux too).
_WINDOWS_SHELLS = frozenset({"cmd", "powershell"})
_WINDOWS_REPOSITORIES = ("nanoserver", "servercore")
_WINDOWS_TAGS = ("windowsservercore", "nanoserver", "ltsc", "windows")


def instructions_of(document: Dockerfile, *keywords: str) -> list[Instruction]:
    """The file's instructions named one of ``keywords``, in order, ONBUILD triggers included: a trigger runs
    the same instruction in the image built from this one, so a rule that checks an instruction checks it in
    ONBUILD as well (a shared list: do not modify it)."""
    if len(keywords) == 1:
        return document.instructions_by_keyword.get(keywords[0], [])
    return [i for i in document.all_instructions() if i.keyword in keywords]


def lineage_instructions(stage: Stage) -> list[Instruction]:
    """The instructions of this stage and of the stages it builds on, oldest first."""
    return [i for s in reversed(stage.lineage) for i in s.instructions]


def final_image_stages(document: Dockerfile) -> list[Stage]:
    """The final stage (the target stage of the build, when it has one) and the stages it builds on
    (`FROM <stage>`): what ends up in the shipped image."""
    final = document.final_stage
    return final.lineage if final is not None else []


def overridden(document: Dockerfile, keyword: str) -> list[tuple[Instruction, Instruction]]:
    """Each ``keyword`` instruction (CMD, ENTRYPOINT, HEALTHCHECK) that a later one in the same stage replaces,
    with the one that replaces it: only the last counts, as in BuildKit."""
    return [pair for stage in document.stages for pair in itertools.pairwise(stage.named(keyword))]


def undeclared_in_from(instruction: Instruction) -> list[tuple[str, Span]]:
    """Variables a FROM line uses (image or --platform) that no global ARG declares, with where."""
    texts = []
    if instruction.words:
        texts.append((instruction.words[0].value, instruction.words[0].span))
    platform = instruction.flag("platform")
    if platform is not None and platform.value:
        texts.append((platform.value, platform.value_span or platform.span))
    found: list[tuple[str, Span]] = []
    for text, span in texts:
        for name in expand(text, instruction.scope, instruction.escape).referenced:
            if name not in instruction.scope and name not in (n for n, _ in found):
                found.append((name, span))
    return found


@dataclass(frozen=True)
class FromSource:
    """What a `COPY --from`, `ADD --from` or `RUN --mount=...,from=` takes files from."""

    instruction: Instruction
    value: str  # variables substituted
    span: Span
    stage: Stage | None  # the stage it names (by name or number), if any
    image: ImageRef | None  # else the image it names; None when a variable is unresolved


def from_sources(document: Dockerfile) -> list[FromSource]:
    """Every `--from` of the file's COPY and ADD instructions and `from=` of its RUN mounts (ONBUILD triggers
    included), resolved to the stage or the image it names."""
    found = []
    for instruction in instructions_of(document, "COPY", "ADD", "RUN"):
        if instruction.keyword == "RUN":
            for flag in instruction.flags_named("mount"):
                options = flag.options()
                if options.get("type", "bind") in _MOUNTS_FROM and options.get("from"):
                    found.append(_source(document, instruction, options["from"], flag.value_span or flag.span))
            continue
        source = instruction.flag("from")
        if source is not None and source.value:
            found.append(_source(document, instruction, source.value, source.value_span or source.span))
    return found


def _source(document: Dockerfile, instruction: Instruction, text: str, span: Span) -> FromSource:
    expansion = expand(text, instruction.scope, instruction.escape)
    value = expansion.value.strip()
    if not expansion.resolved or not value:
        return FromSource(instruction, value, span, None, None)
    stage = document.stage_named(value)
    if stage is None and value.isdigit() and len(value) <= 9 and int(value) < len(document.stages):
        stage = document.stages[int(value)]
    return FromSource(instruction, value, span, stage, None if stage is not None else image_of(value))


def result_stages(document: Dockerfile) -> list[Stage]:
    """The stages that are results of the file: those no other stage builds on (`FROM <stage>`) or takes files
    from (`COPY --from`, `RUN --mount=from=`), the final stage among them. Each is an image the file can build
    (with `--target` for the others). A build with a target makes that stage alone."""
    if document.target and document.final_stage is not None:
        return [document.final_stage]
    used = {s.base_stage.index for s in document.stages if s.base_stage is not None}
    used.update(
        source.stage.index
        for source in from_sources(document)
        if source.stage is not None and source.stage is not source.instruction.stage
    )
    return [s for s in document.stages if s.index not in used or s is document.final_stage]


def builds_windows_image(instruction: Instruction) -> bool:
    """Whether the instruction's stage builds a Windows image: its base image is a Windows one (Microsoft's
    `windows/...` images, `nanoserver` or `windowsservercore` tags), or the shell in effect is cmd or Windows
    PowerShell (SHELL, or hadolint's `# hadolint shell=` comment)."""
    shell = instruction.shell_argv
    if shell and shell[0].replace("\\", "/").rsplit("/", 1)[-1].lower().removesuffix(".exe") in _WINDOWS_SHELLS:
        return True
    image = instruction.stage.root_image if instruction.stage is not None else None
    if image is None:
        return False
    repository, tag = image.repository.lower(), (image.tag or "").lower()
    return (
        repository.startswith("windows/")
        or any(word in repository for word in _WINDOWS_REPOSITORIES)
        or any(word in tag for word in _WINDOWS_TAGS)
    )
