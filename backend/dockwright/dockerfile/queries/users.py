"""Who the image runs as: the USER in effect at the end of a stage, and the user it names."""

from __future__ import annotations

import functools
import re

from dockwright.data.images import facts_for
from dockwright.dockerfile.image import ImageRef
from dockwright.dockerfile.model import Instruction, Stage
from dockwright.dockerfile.queries.stages import lineage_instructions

ROOT_USERS = ("root", "0")
# Image families known to default to root when no USER is set, beside those the image table describes:
# Microsoft's .NET and Red Hat's UBI images (their `:nonroot` tags aside).
_ROOT_DEFAULT_REPOSITORIES = re.compile(r"(^|/)(distroless/|dotnet/|ubi\d+(/|-|$))")


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


@functools.lru_cache(maxsize=512)
def base_runs_as_root(image: ImageRef) -> bool | None:
    """Whether the image runs as root when the Dockerfile sets no USER: True or False when known, None when the
    image is not one the image table or the families above describe."""
    if "nonroot" in (image.tag or "").lower():
        return False
    facts = facts_for(image)
    if facts is not None:
        return facts.user in ROOT_USERS
    if image.is_scratch or _ROOT_DEFAULT_REPOSITORIES.search(image.repository.lower()):
        return True
    return None
