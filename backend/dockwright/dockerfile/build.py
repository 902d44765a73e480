"""What `docker build` is told beside the Dockerfile that changes what it builds: the `--build-arg` values and
the `--target` stage. The parser resolves ARGs with the build args and takes the target stage as the final one,
so every rule that asks for the final stage or a variable's value sees the image this build makes."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from dockwright.errors import InputError
from dockwright.i18n import Message

# A build is described by people and CI files, not by attackers' payloads, but the API and the language server
# may pass one too: its size is bounded like a config's.
MAX_BUILD_ARGS = 200
MAX_BUILD_ARG_CHARS = 16 * 1024
_ARG_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")


@dataclass(frozen=True)
class BuildOptions:
    """``args``: build arguments by name (they replace the default of an ARG the Dockerfile declares, and
    nothing else, as BuildKit does); ``target``: the stage built, instead of the last one."""

    args: Mapping[str, str] = field(default_factory=dict)
    target: str | None = None

    def __post_init__(self) -> None:
        if len(self.args) > MAX_BUILD_ARGS:
            raise InputError(Message("at most {count} build args", count=MAX_BUILD_ARGS))
        for name, value in self.args.items():
            if not _ARG_NAME.fullmatch(name):
                raise InputError(Message("build arg {name!r} is not a valid ARG name", name=name))
            if len(value) > MAX_BUILD_ARG_CHARS:
                limit = MAX_BUILD_ARG_CHARS
                raise InputError(
                    Message("build arg {name} is longer than {limit:,} characters", name=name, limit=limit)
                )
        if self.target is not None and not self.target.strip():
            raise InputError(Message("the target stage is empty"))

    def with_args(self, args: Mapping[str, str]) -> BuildOptions:
        """These options with ``args`` laid over their own (as `--build-arg` over a bake target's args)."""
        return BuildOptions({**self.args, **args}, self.target)


def parse_build_arg(text: str, environ: Mapping[str, str]) -> tuple[str, str] | None:
    """``NAME=VALUE`` as `docker build --build-arg` reads it; a bare ``NAME`` takes the value of the variable of
    that name in ``environ``, and is left out (None) when there is none, as docker does."""
    name, sep, value = text.partition("=")
    name = name.strip()
    if not _ARG_NAME.fullmatch(name):
        raise InputError(Message("--build-arg {text!r}: expected NAME=VALUE", text=text))
    if sep:
        return name, value
    return (name, environ[name]) if name in environ else None
