"""Find and read the files a CLI run lints: paths, folders searched for Dockerfiles and compose files, stdin."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from dockwright.detect import kind_from_filename
from dockwright.errors import InputError

MAX_FILE_BYTES = 4 * 1024 * 1024
_SKIPPED_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        ".venv",
        "venv",
        "__pycache__",
        ".tox",
        ".mypy_cache",
        ".ruff_cache",
        ".pytest_cache",
        "dist",
        "build",
    }
)


@dataclass(frozen=True)
class Source:
    path: str  # as shown in output
    content: str
    directory: Path | None  # where relative references (.env, build contexts) are looked up


def discover(paths: list[str]) -> Iterator[str]:
    """Expand folders into the Dockerfiles and compose files below them; keep explicit files as given."""
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            yield path
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRS)
            for name in sorted(files):
                if kind_from_filename(name) and _is_candidate(name):
                    yield os.path.join(root, name)


def _is_candidate(name: str) -> bool:
    lowered = name.lower()
    if lowered.endswith((".yml", ".yaml")):
        return "compose" in lowered
    return True


def read_source(path: str, stdin: bytes | None = None) -> Source:
    """Read one file (or stdin for ``-``) as UTF-8 text; refuse binary, invalid UTF-8 and huge files."""
    if path == "-":
        data = stdin or b""
        directory = Path.cwd()
    else:
        file = Path(path)
        try:
            size = file.stat().st_size
            if size > MAX_FILE_BYTES:
                raise InputError(f"{path}: file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")
            data = file.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: {exc.strerror or exc}") from None
        directory = file.parent
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid UTF-8 (byte {exc.start})") from None
    return Source(path, text, directory)


class RelativeFiles(Mapping[str, str]):
    """Files next to the linted one, read on demand: `.env`, `.dockerignore`, a compose service's Dockerfile.

    Only paths inside the linted file's folder tree are served, and only small text files.
    """

    def __init__(self, directory: Path | None) -> None:
        self._directory = directory.resolve() if directory else None
        self._cache: dict[str, str | None] = {}

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
