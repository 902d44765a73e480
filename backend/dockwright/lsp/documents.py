"""Which editor documents the server lints, and the other files an analysis may read.

A document is linted when its name says it is a Dockerfile (``Dockerfile``, ``Dockerfile.*``, ``*.Dockerfile``,
``Containerfile``) or a Compose file (``compose.yaml``, ``docker-compose*.yml``...), or when the editor says
so through its language id (a file the user associated with ``dockerfile`` or ``dockercompose``). Other YAML
files that an editor sends the server are left alone.

The engine reads the files beside a document (its ``.dockerignore``, a Compose file's ``.env``, included
Compose files, a service's Dockerfile) through ``files=``: :class:`EditorFiles` serves them from the editor's
unsaved buffers first, then from disk, with the same confinement as the CLI (the document's folder tree).
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterator, Mapping
from pathlib import Path, PurePath

from dockwright.detect import kind_from_filename
from dockwright.workspace.files import MAX_FILE_BYTES, RelativeFiles

LANGUAGE_KINDS = {"dockerfile": "dockerfile", "containerfile": "dockerfile", "dockercompose": "compose"}


def document_kind(path: str | None, language_id: str | None) -> str | None:
    """``dockerfile``, ``compose`` or None (not a document the server lints)."""
    if path:
        name = PurePath(path).name
        kind = kind_from_filename(name)
        if kind == "dockerfile" or (kind == "compose" and "compose" in name.lower()):
            return kind
    return LANGUAGE_KINDS.get((language_id or "").lower())


class EditorFiles(Mapping[str, str]):
    """The files around ``directory`` by path relative to it: an open buffer's text, else the file on disk.

    ``buffers`` maps absolute paths to the text of the documents open in the editor (a snapshot taken when
    the analysis started). Iterating lists the open buffers inside the folder tree and the files read so far.
    """

    def __init__(self, directory: Path, buffers: Mapping[str, str]) -> None:
        self._directory = directory.resolve()
        self._disk = RelativeFiles(self._directory)
        self._buffers: dict[str, str] = {}
        for path, text in buffers.items():
            relative = self._relative(Path(path))
            if relative is not None and len(text) <= MAX_FILE_BYTES:
                self._buffers[relative] = text

    def _relative(self, path: Path) -> str | None:
        try:
            return path.resolve().relative_to(self._directory).as_posix()
        except ValueError:
            return None

    def _key(self, key: str) -> str | None:
        """``key`` as a normalised path inside the folder tree, or None for one that leaves it."""
        normal = posixpath.normpath(key.replace("\\", "/"))
        if normal.startswith(("../", "/")) or normal == "..":
            return None
        return normal

    def __getitem__(self, key: str) -> str:
        normal = self._key(key)
        if normal is not None and normal in self._buffers:
            return self._buffers[normal]
        return self._disk[key]

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        normal = self._key(key)
        return (normal is not None and normal in self._buffers) or key in self._disk

    def __iter__(self) -> Iterator[str]:
        seen = set(self._buffers)
        yield from self._buffers
        yield from (key for key in list(self._disk) if posixpath.normpath(key) not in seen)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def read_text(path: Path, buffers: Mapping[str, str]) -> str | None:
    """A file's text: its open buffer, else its content on disk (None when absent, unreadable or huge)."""
    text = buffers.get(os.path.normpath(str(path)))
    if text is not None:
        return text
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None
        return path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
