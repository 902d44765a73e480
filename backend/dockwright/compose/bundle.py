"""The files of one compose analysis, and which of them make up the project Compose would run.

An analysis sees the linted file plus ``LintContext.files``: other files by path relative to the project
directory (the folder of the first compose file). Like Compose, a project is one or more compose files
merged in order: the files named with ``-f``, else the linted file and the override file beside it
(``compose.yaml`` + ``compose.override.yaml``). Its variables come from the ``--env-file`` files, else from
the ``.env`` of the project directory.

A caller that knows more than the names say (the CLI's ``-f`` and ``--env-file``, or an API receiving a
bundle) wraps its files in a :class:`Bundle`; a plain mapping means "what Compose would do in that folder".
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Mapping, Sequence

# compose-go's names, in its order of preference (cli/options.go).
DEFAULT_NAMES = ("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml")
OVERRIDE_NAMES = (
    "compose.override.yml",
    "compose.override.yaml",
    "docker-compose.override.yml",
    "docker-compose.override.yaml",
)
# A project of more files than this is cut there: Compose users pass two or three.
MAX_COMPOSE_FILES = 16


class Bundle(Mapping[str, str]):
    """``files`` (path → text, relative to the project directory) together with what Compose is told on its
    command line: the compose files in order (``-f``) and the env files (``--env-file``), both as keys of
    ``files``. ``linted`` is the key of the file being linted, when it is not just its base name."""

    def __init__(
        self,
        files: Mapping[str, str],
        *,
        compose_files: Sequence[str] = (),
        env_files: Sequence[str] = (),
        linted: str | None = None,
    ) -> None:
        self.files = files
        self.compose_files = tuple(normal(name) for name in compose_files)
        self.env_files = tuple(normal(name) for name in env_files)
        self.linted = normal(linted) if linted else None

    def for_file(self, key: str) -> Bundle:
        """The same bundle, seen from the compose file ``key``."""
        return Bundle(self.files, compose_files=self.compose_files, env_files=self.env_files, linted=key)

    def __getitem__(self, key: str) -> str:
        return self.files[key]

    def __contains__(self, key: object) -> bool:
        return key in self.files

    def __iter__(self) -> Iterator[str]:
        return iter(self.files)

    def __len__(self) -> int:
        return len(self.files)


class Subfolder(Mapping[str, str]):
    """The files under ``folder`` by paths relative to it (what a build context sees), minus ``hidden``."""

    def __init__(self, files: Mapping[str, str], folder: str, hidden: str = "") -> None:
        self.files = files
        self.prefix = "" if normal(folder) == "." else normal(folder) + "/"
        self.hidden = hidden

    def __getitem__(self, key: str) -> str:
        path = normal(self.prefix + key)
        text = lookup(self.files, path) if path != self.hidden else None
        if text is None:
            raise KeyError(key)
        return text

    def __iter__(self) -> Iterator[str]:
        for name in list(self.files):
            path = normal(name)
            if path.startswith(self.prefix) and path != self.hidden:
                yield path.removeprefix(self.prefix)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def normal(path: str) -> str:
    """A path as the keys of ``files`` are compared: forward slashes, no ``./``."""
    return posixpath.normpath(path.replace("\\", "/"))


def lookup(files: Mapping[str, str], path: str) -> str | None:
    """A file's text by its normalised path; callers may key their files as ``./db.yaml`` too. The key is
    asked first: a mapping that reads from disk on demand (the CLI's) lists only what it has read."""
    try:
        text = files.get(path)
        if text is None:
            text = next((content for name, content in files.items() if normal(name) == path), None)
    except (OSError, ValueError, RuntimeError):  # an unreadable path on disk is just absent
        return None
    return text if isinstance(text, str) else None


def linted_key(files: Mapping[str, str], filename: str | None) -> str:
    """The key the linted file has (or would have) among ``files``."""
    if isinstance(files, Bundle) and files.linted:
        return files.linted
    return posixpath.basename(filename.replace("\\", "/")) if filename else ""


def compose_files(files: Mapping[str, str], linted: str) -> list[str]:
    """The compose files of the linted file's project, in merge order (the linted one among them)."""
    if isinstance(files, Bundle) and linted in files.compose_files:
        return list(files.compose_files[:MAX_COMPOSE_FILES])
    folder, name = posixpath.split(linted)
    if folder or not name:
        return [linted]  # only a file of the project directory picks up an override by its name
    if name in DEFAULT_NAMES:
        override = next((o for o in OVERRIDE_NAMES if lookup(files, o) is not None), None)
        return [linted, override] if override else [linted]
    if name in OVERRIDE_NAMES:
        base = next((d for d in DEFAULT_NAMES if lookup(files, d) is not None), None)
        return [base, linted] if base else [linted]
    return [linted]


def env_file_names(files: Mapping[str, str]) -> list[str]:
    """The files Compose reads its variables from: the ``--env-file`` ones, else the project's ``.env``."""
    if isinstance(files, Bundle) and files.env_files:
        return list(files.env_files)
    return [".env"]
