"""Find and read the files a CLI run lints: paths, folders searched for Dockerfiles and compose files, stdin."""

from __future__ import annotations

import os
from collections import ChainMap
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dockwright.detect import kind_from_filename
from dockwright.dockerfile.build import BuildOptions
from dockwright.errors import InputError
from dockwright.i18n import Message
from dockwright.workspace.files import MAX_FILE_BYTES, RelativeFiles

if TYPE_CHECKING:
    from dockwright.compose.bundle import Bundle

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


@dataclass(frozen=True)
class Linted:
    """A file to lint and the files it may read (its folder, plus what the command line names), or why it
    could not be read."""

    source: Source
    files: Mapping[str, str]
    explicit: bool  # named on the command line, not found in a folder
    error: InputError | None = None
    build: BuildOptions | None = None  # a Dockerfile a bake file builds: its target's args and stage
    notes: tuple[str, ...] = ()  # what the run should say about it (a bake target it skipped)
    to_lint: bool = True  # False: an entry that only carries notes


def sources(
    paths: list[str],
    compose_files: list[str],
    env_files: list[str],
    stdin: bytes | None,
    exclude: tuple[str, ...] = (),
    environ: Mapping[str, str] | None = None,
) -> Iterator[Linted]:
    """The files a run lints: the ``-f`` compose files as one project (its directory is the first one's, as
    in Compose), then the paths (folders searched). ``--env-file`` files, read relative to the current
    folder, give every compose project its variables; a folder search skips paths holding one of
    ``exclude`` (dclint's `exclude`). Raises InputError for a ``-f`` or env file that
    cannot be read, as Compose stops on one; a path that cannot be read only fails its own entry.

    Bake files (named, or met in a folder) come first: each Dockerfile they build is linted with its target's
    build args and stage, and not again on its own when the folder search meets it."""
    env_texts = {Path(name).resolve(): read_source(name).content for name in env_files}
    if compose_files:
        yield from _project(compose_files, env_texts)
    taken = {Path(name).resolve() for name in compose_files}
    found = list(discover(paths, exclude))
    bake_files = [path for path in found if path != "-" and is_bake_file(path)]
    if bake_files:
        from dockwright.cli.bake_sources import bake_sources  # here: python-hcl2 takes ~0.3 s to load

        for entry in bake_sources(bake_files, set(paths), environ if environ is not None else os.environ):
            if entry.error is None:
                taken.add(Path(entry.source.path).resolve())
            yield entry
    for path in found:
        if path != "-" and (is_bake_file(path) or Path(path).resolve() in taken):
            continue
        try:
            source = read_source(path, stdin)
        except InputError as exc:
            yield Linted(Source(path, "", None), {}, path in paths, exc)
            continue
        directory = source.directory or Path.cwd()
        # Without --env-file, a compose file reads what Compose itself would read in its folder.
        files = _bundle({}, directory, env_texts, []) if env_texts else RelativeFiles(directory)
        yield Linted(source, files, explicit=path in paths)


def _project(compose_files: list[str], env_texts: dict[Path, str]) -> Iterator[Linted]:
    from dockwright.compose.bundle import MAX_COMPOSE_FILES  # here: a run over Dockerfiles never loads compose

    if len(compose_files) > MAX_COMPOSE_FILES:
        raise InputError(Message("at most {count} compose files (-f) make one project", count=MAX_COMPOSE_FILES))
    project = [read_source(name) for name in compose_files]
    directory = Path(compose_files[0]).resolve().parent
    keys = [_key(Path(source.path), directory) for source in project]
    bundle = _bundle(dict(zip(keys, (source.content for source in project), strict=True)), directory, env_texts, keys)
    for key, source in zip(keys, project, strict=True):
        yield Linted(source, bundle.for_file(key), explicit=True)


def _bundle(explicit: dict[str, str], directory: Path, env_texts: dict[Path, str], keys: list[str]) -> Bundle:
    """The files of a project in ``directory``: those given, the env files, the rest read on demand."""
    from dockwright.compose.bundle import Bundle

    env = {_key(path, directory): text for path, text in env_texts.items()}
    # ChainMap is typed for mutable maps; it only reads here.
    files: Mapping[str, str] = ChainMap(explicit, env, RelativeFiles(directory))  # type: ignore[arg-type]
    return Bundle(files, compose_files=keys, env_files=list(env))


def _key(path: Path, directory: Path) -> str:
    """``path`` relative to the project directory, as a key of its files (``../`` when outside it)."""
    return Path(os.path.relpath(path.resolve(), directory.resolve())).as_posix()


def discover(paths: list[str], exclude: tuple[str, ...] = ()) -> Iterator[str]:
    """Expand folders into the Dockerfiles and compose files below them, minus paths holding a part of
    ``exclude``; keep explicit files as given."""
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            yield path
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(
                d for d in dirs if d not in _SKIPPED_DIRS and not any(part in os.path.join(root, d) for part in exclude)
            )
            for name in sorted(files):
                found = os.path.join(root, name)
                candidate = (kind_from_filename(name) and _is_candidate(name)) or is_bake_file(name)
                if candidate and not any(part in found for part in exclude):
                    yield found


def is_bake_file(name: str) -> bool:
    """A Docker Bake file: `docker-bake.hcl`, `docker-bake.json`, their `.override` files and the like."""
    lowered = os.path.basename(name).lower()
    return lowered.startswith("docker-bake") and lowered.endswith((".hcl", ".json"))


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
                limit = MAX_FILE_BYTES // (1024 * 1024)
                raise InputError(Message("{path}: file is larger than {limit} MiB", path=path, limit=limit))
            data = file.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: {exc.strerror or exc}") from None
        directory = file.parent
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(Message("{path}: not valid UTF-8 (byte {offset})", path=path, offset=exc.start)) from None
    return Source(path, text, directory)
