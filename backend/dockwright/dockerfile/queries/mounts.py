"""The `--mount` flags of a RUN (an ONBUILD trigger's own included): what they mount, and where."""

from __future__ import annotations

from dockwright.dockerfile.model import Instruction
from dockwright.dockerfile.queries.paths import is_within

# Mount types that keep what a RUN writes under their target out of the layer.
UNSTORED = ("cache", "tmpfs")


def mounts(instruction: Instruction, *types: str) -> list[dict[str, str]]:
    """The options of the RUN's `--mount` flags of the given types (all types when none given)."""
    found = []
    for flag in (instruction.trigger or instruction).flags_named("mount"):
        options = flag.options()
        if not types or options.get("type", "bind") in types:
            found.append(options)
    return found


def mount_target(options: dict[str, str]) -> str:
    return options.get("target") or options.get("dst") or options.get("destination") or ""


def mounts_cover(instruction: Instruction, path: str, *types: str) -> bool:
    """True when a mount of one of ``types`` (any type when none given) is at ``path`` or at a directory
    holding it."""
    return any(is_within(path, target) for m in mounts(instruction, *types) if (target := mount_target(m)))
