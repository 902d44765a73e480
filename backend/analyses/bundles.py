"""The files an analysis may carry beside its content: a small bundle of the project around the linted file.

A Compose file is analysed as Compose runs it: with the override file beside it, the `.env` it reads and the
Dockerfiles its services build. Over the API those come as ``files``: ``[{"path": ..., "content": ...}]``,
paths relative to the folder of ``filename`` (the linted file), as in the project on disk. A bundle is small and
its paths stay inside the project: relative, no ``..``, no drive or backslash, no control characters, each path
once; its count has a limit and its texts count with ``content`` against the content limit.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping

from django.conf import settings
from rest_framework import serializers

from core.errors import PayloadTooLarge

MAX_PATH_CHARS = 255
_DRIVE = re.compile(r"^[A-Za-z]:")


def bundle_path_problem(path: str) -> str | None:
    """Why ``path`` cannot name a file of a bundle, or None when it can."""
    if not path or path.strip() != path:
        return "must be a non-empty path without surrounding spaces"
    if len(path) > MAX_PATH_CHARS:
        return f"is longer than {MAX_PATH_CHARS} characters"
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in path):
        return "contains a control character"
    if "\\" in path or _DRIVE.match(path):
        return "must use forward slashes and no drive letter"
    if path.startswith("/"):
        return "must be relative to the folder of the linted file, not absolute"
    if ".." in path.split("/"):
        return "must stay inside the project (no `..`)"
    if posixpath.normpath(path) in (".", ""):
        return "must name a file"
    return None


def bundle_files(files: Iterable[Mapping[str, str]], *, content: str, filename: str | None) -> dict[str, str]:
    """The bundle as the engine takes it (normalised path -> text), checked: raises ValidationError naming the
    file for a bad or repeated path, PayloadTooLarge when the files and ``content`` together pass the limit."""
    files = list(files)
    limit = settings.DOCKWRIGHT_MAX_BUNDLE_FILES
    if len(files) > limit:
        raise serializers.ValidationError({"files": [f"at most {limit} files may come with the content"]})
    if files and not filename:
        raise serializers.ValidationError(
            {"filename": ["is required with files: the path of `content` in the project (e.g. compose.yaml)"]}
        )
    linted = posixpath.normpath(posixpath.basename((filename or "").replace("\\", "/")))
    bundle: dict[str, str] = {}
    for index, item in enumerate(files):
        path = item["path"]
        problem = bundle_path_problem(path)
        key = posixpath.normpath(path)
        if problem is None and (key in bundle or key == linted):
            problem = "is given twice (or is the linted file itself)"
        if problem is not None:
            raise serializers.ValidationError({f"files[{index}].path": [f"{path[:80]!r} {problem}"]})
        bundle[key] = item["content"]
    size = len(content.encode("utf-8")) + sum(len(text.encode("utf-8")) for text in bundle.values())
    if size > settings.DOCKWRIGHT_MAX_CONTENT_BYTES:
        raise PayloadTooLarge(
            f"content and files are {size} bytes together; the limit is {settings.DOCKWRIGHT_MAX_CONTENT_BYTES} bytes"
        )
    return bundle
