"""A service's ``volumes``, short syntax (``SOURCE:TARGET[:MODE]``) or long syntax, as mounts."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from dockwright.compose.nodes import Mapping, Node, Scalar, Sequence, boolean

_WINDOWS_PATH = re.compile(r"^[A-Za-z]:[\\/]")


@dataclass(frozen=True)
class Mount:
    node: Node  # the list item
    type: str  # "bind", "volume", "tmpfs", ...
    source: str  # host path for binds, volume name for volumes, "" for anonymous volumes
    target: str
    read_only: bool

    @property
    def host_path(self) -> str:
        """The normalised absolute host path of a bind mount ("" for relative paths and other types)."""
        if self.type != "bind":
            return ""
        source = self.source.replace("\\", "/")
        if not source.startswith("/"):
            return ""
        return posixpath.normpath("/" + source.lstrip("/"))


def mounts(volumes: Node | None) -> list[Mount]:
    """The mounts that can be read; one built from a variable without a value is unknown and left out."""
    if not isinstance(volumes, Sequence):
        return []
    found = []
    for item in volumes.items:
        if isinstance(item, Scalar) and item.text.strip() and not item.unresolved:
            found.append(_short(item))
        elif isinstance(item, Mapping) and not any(isinstance(v, Scalar) and v.unresolved for _, v in item.pairs):
            found.append(_long(item))
    return found


def is_path(source: str) -> bool:
    """Compose's test for a bind mount in the short syntax: a path rather than a volume name."""
    return source.startswith((".", "/", "~", "\\")) or bool(_WINDOWS_PATH.match(source))


def _short(item: Scalar) -> Mount:
    text = item.text.strip()
    if _WINDOWS_PATH.match(text):
        drive, rest = text[:2], text[2:]
        parts = rest.split(":")
        parts[0] = drive + parts[0]
    else:
        parts = text.split(":")
    if len(parts) == 1:
        return Mount(item, "volume", "", parts[0], False)
    source, target = parts[0], parts[1]
    mode = parts[2] if len(parts) > 2 else ""
    kind = "bind" if is_path(source) else "volume"
    return Mount(item, kind, source, target, "ro" in mode.split(","))


def _long(item: Mapping) -> Mount:
    def text(key: str) -> str:
        node = item.get(key)
        return node.text.strip() if isinstance(node, Scalar) else ""

    return Mount(item, text("type") or "volume", text("source"), text("target"), bool(boolean(item.get("read_only"))))
