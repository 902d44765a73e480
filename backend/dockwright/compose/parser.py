"""``parse_compose(text) -> ComposeFile``: load the YAML, then interpolate without an ``.env`` file.

Never raises: YAML errors and exceeded limits become ``ComposeFile.problems`` (reported by the
syntax and limit rules) and leave ``root`` empty, so the other rules simply find nothing to check. YAML
of another kind (a Kubernetes manifest) is marked ``foreign``: one rule says so, and no other runs.
"""

from __future__ import annotations

from dockwright.compose.foreign import foreign_format
from dockwright.compose.loader import load
from dockwright.compose.model import ComposeFile, block_ends


def parse_compose(text: str, env_text: str | None = None) -> ComposeFile:
    loaded = load(text)
    document = ComposeFile(
        text=text,
        lines=[line.removesuffix("\r") for line in text.split("\n")],
        root=loaded.root,
        problems=loaded.problems,
        block_ends=block_ends(loaded.root),
        foreign=foreign_format(loaded.root),
    )
    document.resolve(env_text)
    return document
