"""Which instructions a rule sees: of the whole file (ONBUILD triggers included), of a stage and the stages it
builds on, of the stages that end up in the image."""

from __future__ import annotations

import itertools

from dockwright.dockerfile.model import Dockerfile, Instruction, Stage
from dockwright.dockerfile.variables import expand
from dockwright.findings import Span


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
    """The final stage and the stages it builds on (`FROM <stage>`): what ends up in the shipped image."""
    return document.stages[-1].lineage if document.stages else []


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
