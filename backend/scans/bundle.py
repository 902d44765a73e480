"""A scan's files as the engine reads them around one file (``files=``): keys relative to that file's folder,
resolved inside the bundle only (nothing is read from the server's disk)."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Mapping


class BundleFiles(Mapping[str, str]):
    def __init__(self, files: Mapping[str, str], linted_path: str) -> None:
        self._files = files
        self._directory = posixpath.dirname(linted_path)

    def _path(self, key: str) -> str:
        return posixpath.normpath(posixpath.join(self._directory, key))

    def __getitem__(self, key: str) -> str:
        return self._files[self._path(key)]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._path(key) in self._files

    def __iter__(self) -> Iterator[str]:
        return (posixpath.relpath(path, self._directory or ".") for path in self._files)

    def __len__(self) -> int:
        return len(self._files)
