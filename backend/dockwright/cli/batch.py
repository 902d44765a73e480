"""Lint many files in one call, the way the CLI does for a folder.

The engine's rules are quick and ShellCheck is slow, so ShellCheck starts as soon as the files are parsed
and the other rules run meanwhile. A large batch is cut into one contiguous chunk per core: the calling
process lints the first and a forked worker each of the others, so parsing and rules run on every core.
The workers hand their scripts to the calling process, which gives every distinct script of the batch to
ShellCheck once (its own chunk's at once, each worker's new ones as they arrive) and hands the results back.
The findings are the same as linting each file on its own.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dockwright.budget import Budget
from dockwright.cli.batch_worker import Worker
from dockwright.config import LintConfig
from dockwright.detect import detect_kind
from dockwright.dockerfile.build import BuildOptions
from dockwright.dockerfile.shell_jobs import shellcheck_jobs
from dockwright.errors import InputError
from dockwright.findings import Finding
from dockwright.lint import Document, check_content, lint, parse
from dockwright.rules import load_for
from dockwright.shellcheck import runner as shellcheck

SHELLCHECK_RULE = "DF100"
# Forking a worker pays off only when each gets at least this many files.
MIN_FILES_PER_PROCESS = 16


@dataclass
class BatchFile:
    path: str
    content: str
    kind: str | None = None
    files: Mapping[str, str] = field(default_factory=dict)
    build: BuildOptions | None = None  # a Dockerfile's build args and target stage
    document: Document | None = None  # set when the file was linted in the calling process
    # The file's analysis budget: spent by parsing, then by the rules (run in two passes, see below).
    budget: Budget = field(default_factory=Budget)
    findings: list[Finding] = field(default_factory=list)
    error: InputError | None = None
    # YAML that is not a Compose file: what it looks like, when a server analysed it (here, the document says).
    foreign: str | None = None


def lint_batch(batch: Iterable[BatchFile], config: LintConfig, processes: int | None = None) -> list[BatchFile]:
    """Lint every file; a large batch is split across one process per core."""
    items = list(batch)
    workers = processes if processes is not None else _default_processes(len(items))
    chunks = _chunks(items, workers) if workers > 1 and hasattr(os, "fork") else [items]
    if len(chunks) > 1:
        _load_rules(items)
    children = [_Child(chunk, config) for chunk in chunks[1:]]
    _lint_chunk(chunks[0], config, children)
    for child in children:
        child.collect()
    return items


def _load_rules(items: list[BatchFile]) -> None:
    """Import the rules the batch needs before forking: the workers inherit them instead of each importing
    them again (a quarter of a second of CPU per process)."""
    for kind in {item.kind or detect_kind(item.content, item.path) for item in items}:
        load_for(kind)


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


def _lint_chunk(items: list[BatchFile], config: LintConfig, children: Sequence[_Child] = ()) -> None:
    """Lint a chunk in this process. Every distinct script of the chunk and of the workers' chunks goes to
    ShellCheck once, from here: this chunk's at once, each worker's new ones as soon as it has parsed."""
    own = _parsed(items)
    if not _runs_shellcheck(config):
        _run_rules(own, config)
        return
    requests = _shellcheck_requests(own)
    checking = [shellcheck.start(requests)]
    known = {request.key for request in requests}
    for child in children:
        fresh = [request for request in child.requests() if request.key not in known]
        known.update(request.key for request in fresh)
        checking.append(shellcheck.start(fresh))
    _run_rules(own, config)
    for pending in checking:
        with contextlib.suppress(shellcheck.ShellCheckError):  # the rule reports it for each file below
            pending.wait()
    for child in children:
        child.send_results()
    _run_shellcheck_rule(own, config)


def _runs_shellcheck(config: LintConfig) -> bool:
    return config.shellcheck and SHELLCHECK_RULE not in config.ignore


def _parsed(items: list[BatchFile]) -> list[BatchFile]:
    """Parse every file; those that parse, in order."""
    for item in items:
        _parse(item)
    return [item for item in items if item.error is None]


def _run_rules(items: list[BatchFile], config: LintConfig) -> None:
    for item in items:
        item.findings = _lint(item, config, skip=(SHELLCHECK_RULE,))


def _run_shellcheck_rule(items: list[BatchFile], config: LintConfig) -> None:
    """Add the ShellCheck rule's findings, from results already in ShellCheck's cache."""
    for item in items:
        item.findings = sorted(
            item.findings + _lint(item, config, only=(SHELLCHECK_RULE,)), key=lambda f: (f.span, f.rule)
        )


class _Child:
    """A chunk linted by a forked worker (see :mod:`dockwright.cli.batch_worker` for the conversation)."""

    def __init__(self, items: list[BatchFile], config: LintConfig) -> None:
        self.items = items
        self.config = config
        self.keys: list[str] = []
        self.worker = Worker(lambda send, receive: _work(items, config, send, receive))

    def requests(self) -> list[shellcheck.ScriptRequest]:
        requests = self.worker.receive() or []
        self.keys = [request.key for request in requests]
        return list(requests)

    def send_results(self) -> None:
        self.worker.send(shellcheck.cached(self.keys))

    def collect(self) -> None:
        outcomes = self.worker.receive()
        if not self.worker.finish() or outcomes is None or len(outcomes) != len(self.items):
            _lint_chunk(self.items, self.config)
            return
        for item, (kind, findings, error) in zip(self.items, outcomes, strict=True):
            item.kind, item.findings, item.error = kind, findings, error


def _work(items: list[BatchFile], config: LintConfig, send: Callable[[Any], None], receive: Callable[[], Any]) -> None:
    """The worker's side: parse, hand over the scripts, run the rules, take ShellCheck's results back."""
    scripts = _runs_shellcheck(config)
    parsed = _parsed(items)
    if scripts:
        send(_shellcheck_requests(parsed))
    _run_rules(parsed, config)
    if scripts:
        # Results the caller could not get (ShellCheck failed) are missing: the rule then tries itself and
        # reports the failure for each file, as it would alone.
        shellcheck.remember(receive())
        _run_shellcheck_rule(parsed, config)
    send([(item.kind, item.findings, item.error) for item in items])


def _parse(item: BatchFile) -> None:
    try:
        check_content(item.content)
        item.kind = item.kind or detect_kind(item.content, item.path)
        item.document = parse(item.content, item.kind, item.budget, item.build)
    except InputError as exc:
        item.error = exc


def _shellcheck_requests(items: list[BatchFile]) -> list[shellcheck.ScriptRequest]:
    return [
        request
        for item in items
        if item.kind == "dockerfile"
        for _, request in shellcheck_jobs(item.document, rc=shellcheck.rc_from(item.files))  # type: ignore[arg-type]
    ]


def _lint(item: BatchFile, config: LintConfig, **rules: tuple[str, ...]) -> list[Finding]:
    result = lint(
        item.content,
        kind=item.kind,
        filename=item.path,
        config=config,
        files=item.files,
        document=item.document,
        budget=item.budget,
        build=item.build,
        **rules,  # type: ignore[arg-type]
    )
    return result.findings
