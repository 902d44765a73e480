"""A bundle's files as the engine reads them around one file (``files=``): keys relative to that file's folder,
resolved inside the bundle only (nothing is read from the server's disk)."""

from __future__ import annotations

import posixpath
from collections.abc import ItemsView, Iterator, Mapping

from analyses.bundles import bundle_path_problem


class BundleFiles(Mapping[str, str]):
    def __init__(self, files: Mapping[str, str], linted_path: str) -> None:
        self._files = files
        self._directory = posixpath.dirname(linted_path)
        self._listing: dict[str, str] | None = None

    def _path(self, key: str) -> str:
        return posixpath.normpath(posixpath.join(self._directory, key))

    def __getitem__(self, key: str) -> str:
        return self._files[self._path(key)]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._path(key) in self._files

    def __iter__(self) -> Iterator[str]:
        return iter(self._relative())

    def items(self) -> ItemsView[str, str]:
        return self._relative().items()

    def __len__(self) -> int:
        return len(self._files)

    def _relative(self) -> dict[str, str]:
        """Every file by its path relative to the linted file's folder, worked out once. The engine walks the
        listing for each file it looks for and does not find (an override, an env file: compose.bundle.lookup);
        working out every relative path again for each of those was most of the time of a scan of 400 files."""
        if self._listing is None:
            directory = self._directory or "."
            self._listing = {posixpath.relpath(path, directory): text for path, text in self._files.items()}
        return self._listing


class FolderFiles(Mapping[str, str]):
    """A bundle's files as a local run reads them from disk around one linted file
    (dockwright.workspace.files.RelativeFiles): by path relative to ``folder``, only inside that folder's tree, and
    listing only what has been read. The paths asked for that the bundle lacks are kept, as asked, in ``missing``
    (the first MAX_MISSING), so that the client can send them in another round."""

    MAX_MISSING = 100

    def __init__(self, files: Mapping[str, str], folder: str) -> None:
        self._files = files
        self._folder = posixpath.normpath(folder or ".")
        self._read: dict[str, str | None] = {}
        self.missing: list[str] = []

    def _load(self, key: str) -> str | None:
        if key in self._read:
            return self._read[key]
        relative = posixpath.normpath(key)
        text = None
        if relative not in (".", "..") and not relative.startswith(("../", "/")):
            path = posixpath.normpath(posixpath.join(self._folder, relative))
            text = self._files.get(path)
            if text is None and bundle_path_problem(path) is None and len(self.missing) < self.MAX_MISSING:
                self.missing.append(key)
        self._read[key] = text
        return text

    def __getitem__(self, key: str) -> str:
        text = self._load(key) if isinstance(key, str) else None
        if text is None:
            raise KeyError(key)
        return text

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._load(key) is not None

    def __iter__(self) -> Iterator[str]:
        return iter([key for key, text in self._read.items() if text is not None])

    def __len__(self) -> int:
        return sum(1 for text in self._read.values() if text is not None)
