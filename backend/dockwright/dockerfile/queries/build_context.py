"""The build context a Dockerfile is analysed with: the files beside it (``LintContext.files``), when the analysis
has them, and the `.dockerignore` BuildKit reads for it.

A CLI run reads the Dockerfile's folder on demand; an API call or stdin may send the Dockerfile alone, and then
nothing can be said about what its folder holds: :func:`context_files` is None.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping

from dockwright.context import LintContext


def context_files(context: LintContext) -> Mapping[str, str] | None:
    """The files of the Dockerfile's folder by relative path, or None when the analysis did not receive them.

    A plain dict is what a caller sends (the API, a test): empty, it says nothing about the folder. Any other
    mapping reads a folder on demand (the CLI's, a compose build context) and lists only what it has read, so
    its emptiness means nothing: it is the folder."""
    files = context.files
    if files or not isinstance(files, dict):
        return files
    return None


def ignore_file(context: LintContext) -> tuple[str, str] | None:
    """(name, content) of the `.dockerignore` in force: `<Dockerfile name>.dockerignore` wins over
    `.dockerignore`, as in BuildKit; None when there is none."""
    name = _basename(context.filename)
    candidates = [f"{name}.dockerignore"] if name else []
    candidates.append(".dockerignore")
    for candidate in candidates:
        content = read_file(context.files, candidate)
        if content is not None:
            return candidate, content
    return None


def _basename(filename: str | None) -> str:
    return posixpath.basename(filename.replace("\\", "/")) if filename else ""


def read_file(files: Mapping[str, str], path: str) -> str | None:
    """A file's text by its path in the folder (callers may key their files as `./nginx.conf` too). The key is
    asked first: a mapping that reads from disk on demand lists only what it has read."""
    path = posixpath.normpath(path.replace("\\", "/"))
    try:
        text = files.get(path)
        if text is None and isinstance(files, dict):  # a caller's own keys may be written `./nginx.conf`
            text = next((content for name, content in files.items() if posixpath.normpath(name) == path), None)
    except (OSError, ValueError, RuntimeError):  # an unreadable path on disk is just absent
        return None
    return text if isinstance(text, str) else None
