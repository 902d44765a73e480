"""The files around a linted file on disk, which the engine reads through ``files=``: its `.dockerignore`, a
Compose file's `.env` and included files, a service's Dockerfile. The CLI and the language server serve them
the same way: small text files, inside the linted file's folder tree only."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

# The largest file a front end reads, the linted file's or one beside it.
MAX_FILE_BYTES = 4 * 1024 * 1024


class RelativeFiles(Mapping[str, str]):
    """Files next to the linted one, read on demand: `.env`, `.dockerignore`, a compose service's Dockerfile.

    Only paths inside the linted file's folder tree are served, and only small text files.
    """

    def __init__(self, directory: Path | None) -> None:
        self._directory = directory.resolve() if directory else None
        self._cache: dict[str, str | None] = {}

    @property
    def directory(self) -> Path | None:
        """The folder the keys are relative to (resolved)."""
        return self._directory

    def _load(self, key: str) -> str | None:
        if key in self._cache:
            return self._cache[key]
        value = None
        if self._directory is not None:
            target = (self._directory / key).resolve()
            inside = target == self._directory or self._directory in target.parents
            if inside and target.is_file() and target.stat().st_size <= MAX_FILE_BYTES:
                try:
                    value = target.read_bytes().decode("utf-8-sig")
                except (OSError, UnicodeDecodeError):
                    value = None
        self._cache[key] = value
        return value

    def __getitem__(self, key: str) -> str:
        value = self._load(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._load(key) is not None

    def __iter__(self) -> Iterator[str]:
        return iter([k for k, v in self._cache.items() if v is not None])

    def __len__(self) -> int:
        return sum(1 for v in self._cache.values() if v is not None)
