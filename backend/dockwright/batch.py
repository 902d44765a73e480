"""Lint many files in one call, the way the CLI does for a folder.

The engine's rules are quick and ShellCheck is slow, so each file's shell scripts go to ShellCheck (one
process for all the scripts of a chunk of files) as soon as the chunk is parsed, and the other rules run
meanwhile. A large batch is cut into one contiguous chunk per core: the calling process lints the first
and a forked child each of the others, so parsing, rules and ShellCheck all run on every core. Contiguous
chunks keep the files of one folder together, which share most scripts, so few scripts are checked twice.
The findings are the same as linting each file on its own.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from dockwright import shellcheck
from dockwright.config import LintConfig
from dockwright.detect import detect_kind
from dockwright.errors import InputError
from dockwright.findings import Finding
from dockwright.lint import Document, check_content, lint, parse

SHELLCHECK_RULE = "DF100"
# Forking a worker pays off only when each gets at least this many files.
MIN_FILES_PER_PROCESS = 16


@dataclass
class BatchFile:
    path: str
    content: str
    kind: str | None = None
    files: Mapping[str, str] = field(default_factory=dict)
    document: Document | None = None  # set when the file was linted in the calling process
    findings: list[Finding] = field(default_factory=list)
    error: InputError | None = None


def lint_batch(batch: Iterable[BatchFile], config: LintConfig, processes: int | None = None) -> list[BatchFile]:
    """Lint every file; a large batch is split across one process per core."""
    items = list(batch)
    workers = processes if processes is not None else _default_processes(len(items))
    chunks = _chunks(items, workers) if workers > 1 and hasattr(os, "fork") else [items]
    children = [_Child(chunk, config) for chunk in chunks[1:]]
    _lint_chunk(chunks[0], config)
    for child in children:
        child.collect()
    return items


def _default_processes(count: int) -> int:
    if count < MIN_FILES_PER_PROCESS * 2 or not hasattr(os, "fork"):
        return 1
    return max(1, min(os.cpu_count() or 1, count // MIN_FILES_PER_PROCESS))


def _chunks(items: list[BatchFile], count: int) -> list[list[BatchFile]]:
    """``count`` contiguous runs of ``items`` of about the same total size."""
    total = sum(len(item.content) for item in items) or 1
    chunks: list[list[BatchFile]] = [[] for _ in range(count)]
    done = 0
    for item in items:
        chunks[min(count - 1, done * count // total)].append(item)
        done += len(item.content)
    return [chunk for chunk in chunks if chunk]


def _lint_chunk(items: list[BatchFile], config: LintConfig) -> None:
    for item in items:
        _parse(item)
    parsed = [item for item in items if item.error is None]
    scripts = config.shellcheck and SHELLCHECK_RULE not in config.ignore
    checking = shellcheck.start(_shellcheck_requests(parsed)) if scripts else None
    for item in parsed:
        item.findings = _lint(item, config, skip=(SHELLCHECK_RULE,))
    if checking is None:
        return
    with contextlib.suppress(shellcheck.ShellCheckError):  # the rule reports it for each file below
        checking.wait()
    for item in parsed:
        item.findings = sorted(
            item.findings + _lint(item, config, only=(SHELLCHECK_RULE,)), key=lambda f: (f.span, f.rule)
        )


class _Child:
    """A forked process linting one chunk; it sends back each file's kind, findings and error, pickled.

    Should the child fail for any reason, :meth:`collect` lints its chunk in the calling process instead."""

    def __init__(self, items: list[BatchFile], config: LintConfig) -> None:
        self.items = items
        self.config = config
        read_end, write_end = os.pipe()
        sys.stdout.flush()  # or the child would print what the parent had buffered a second time
        sys.stderr.flush()
        self.pid = os.fork()
        if self.pid == 0:  # the child: lint, write, leave without running the parent's exit handlers
            os.close(read_end)
            status = 1
            try:
                import pickle

                _lint_chunk(items, config)
                with os.fdopen(write_end, "wb") as pipe:
                    pipe.write(pickle.dumps([(i.kind, i.findings, i.error) for i in items]))
                status = 0
            finally:
                os._exit(status)
        os.close(write_end)
        self.pipe = os.fdopen(read_end, "rb")

    def collect(self) -> None:
        with self.pipe:
            payload = self.pipe.read()  # read to the end before waiting: a full pipe would block the child
        _, status = os.waitpid(self.pid, 0)
        import pickle  # here: a run without workers never needs it

        try:
            outcomes = pickle.loads(payload) if status == 0 else None
        except (pickle.UnpicklingError, EOFError, ValueError):
            outcomes = None
        if outcomes is None or len(outcomes) != len(self.items):
            _lint_chunk(self.items, self.config)
            return
        for item, (kind, findings, error) in zip(self.items, outcomes, strict=True):
            item.kind, item.findings, item.error = kind, findings, error


def _parse(item: BatchFile) -> None:
    try:
        check_content(item.content)
        item.kind = item.kind or detect_kind(item.content, item.path)
        item.document = parse(item.content, item.kind)
    except InputError as exc:
        item.error = exc


def _shellcheck_requests(items: list[BatchFile]) -> list[shellcheck.ScriptRequest]:
    from dockwright.dockerfile.shell_jobs import shellcheck_jobs

    return [
        request
        for item in items
        if item.kind == "dockerfile"
        for _, request in shellcheck_jobs(item.document)  # type: ignore[arg-type]
    ]


def _lint(item: BatchFile, config: LintConfig, **rules: tuple[str, ...]) -> list[Finding]:
    result = lint(
        item.content,
        kind=item.kind,
        filename=item.path,
        config=config,
        files=item.files,
        document=item.document,
        **rules,  # type: ignore[arg-type]
    )
    return result.findings
