"""The Dockerfiles of the bake files a run meets, to lint as bake builds them (see :mod:`dockwright.cli.bake`).

The bake files of one folder make one project, read in bake's order; a bake file named on the command line
brings its folder's override file along (`docker-bake.hcl` its `docker-bake.override.hcl`), as bake's default
lookup does. Each target's Dockerfile is read like any linted file and sees its target's build context.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path

from dockwright.cli.bake import BakeProject, bake_order, bake_project
from dockwright.cli.sources import Linted, Source, read_source
from dockwright.errors import InputError
from dockwright.workspace.files import RelativeFiles


def bake_sources(bake_files: list[str], named: Collection[str], environ: Mapping[str, str]) -> Iterator[Linted]:
    """An entry for each Dockerfile the bake files build (one per distinct build of it), or for a bake file
    that cannot be read or is not valid."""
    for folder, files in _by_folder(bake_files).items():
        explicit = any(path in named for path in files)
        try:
            project = bake_project([(path, read_source(path).content) for path in files], environ)
        except InputError as exc:
            yield Linted(Source(files[0], "", None), {}, explicit, exc)
            continue
        yield from _targets(folder, project, explicit)


def _by_folder(bake_files: list[str]) -> dict[str, list[str]]:
    folders: dict[str, list[str]] = {}
    for path in bake_files:
        folder = os.path.dirname(path)
        files = folders.setdefault(folder, [])
        for candidate in (path, _override_of(path)):
            if candidate is not None and candidate not in files and os.path.isfile(candidate):
                files.append(candidate)
    return {folder: sorted(files, key=bake_order) for folder, files in folders.items()}


def _override_of(path: str) -> str | None:
    """The override file bake reads after ``path`` (`docker-bake.hcl` -> `docker-bake.override.hcl`)."""
    name = os.path.basename(path).lower()
    if name not in ("docker-bake.hcl", "docker-bake.json"):
        return None
    stem, extension = os.path.splitext(os.path.basename(path))
    return os.path.join(os.path.dirname(path), f"{stem}.override{extension}")


def _targets(folder: str, project: BakeProject, explicit: bool) -> Iterator[Linted]:
    notes = tuple(project.notes)
    for index, target in enumerate(project.targets):
        path = os.path.normpath(os.path.join(folder, target.dockerfile))
        said = notes if index == 0 else ()
        try:
            source = read_source(path)
        except InputError as exc:
            yield Linted(Source(path, "", None), {}, explicit, InputError(f"bake target {target.name!r}: {exc}"))
            continue
        context = Path(folder or ".", target.context)
        yield Linted(source, RelativeFiles(context), explicit, build=target.build, notes=said)
    if not project.targets and notes:
        yield Linted(Source(folder, "", None), {}, explicit, notes=notes, to_lint=False)
