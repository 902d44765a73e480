"""Who the image runs as: the USER in effect at the end of a stage, and the user it names."""

from __future__ import annotations

from dockwright.dockerfile.model import Instruction, Stage
from dockwright.dockerfile.queries.stages import lineage_instructions


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
