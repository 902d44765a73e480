"""Lint many files in one call, the way the CLI does for a folder.

The engine's rules are quick and ShellCheck is slow, so a batch parses every file first, hands all their
shell scripts to ShellCheck (one process per core for many scripts) without waiting, runs the other rules
meanwhile (in one forked process per core for a large batch), and then reads ShellCheck's results from its
cache. The findings are the same as linting each file on its own.
"""

from __future__ import annotations

import contextlib
import os
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
    document: Document | None = None
    findings: list[Finding] = field(default_factory=list)
    error: InputError | None = None


def lint_batch(batch: Iterable[BatchFile], config: LintConfig, processes: int | None = None) -> list[BatchFile]:
    """Lint every file; a large batch runs its rules in one forked process per core."""
    items = list(batch)
    for item in items:
        _parse(item)
    parsed = [item for item in items if item.error is None]
    scripts = config.shellcheck and SHELLCHECK_RULE not in config.ignore
    # Started before any fork and without threads: the workers inherit no running thread.
    checking = shellcheck.start(_shellcheck_requests(parsed)) if scripts else None
    workers = processes if processes is not None else _default_processes(len(parsed))
    if workers > 1:
        _rules_in_processes(parsed, config, workers)
    else:
        for item in parsed:
            item.findings = _lint(item, config, skip=(SHELLCHECK_RULE,))
    if checking is not None:
        with contextlib.suppress(shellcheck.ShellCheckError):  # the rule reports it for each file below
            checking.wait()
        for item in parsed:
            item.findings = sorted(
                item.findings + _lint(item, config, only=(SHELLCHECK_RULE,)), key=lambda f: (f.span, f.rule)
            )
    return items


def _default_processes(count: int) -> int:
    if count < MIN_FILES_PER_PROCESS * 2 or not hasattr(os, "fork"):
        return 1
    return max(1, min(os.cpu_count() or 1, count // MIN_FILES_PER_PROCESS))


# The batch a forked worker reads: set before the pool forks, so workers inherit the parsed documents
# instead of receiving them pickled.
_shared: tuple[list[BatchFile], LintConfig] | None = None


def _rules_in_processes(items: list[BatchFile], config: LintConfig, workers: int) -> None:
    global _shared
    _shared = (items, config)
    try:
        chunks = [list(range(start, len(items), workers)) for start in range(workers)]
        import multiprocessing  # here: importing it costs start-up time that small runs never need

        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for outcome in pool.map(_rules_of_chunk, chunks):
                for index, findings in outcome:
                    items[index].findings = findings
    finally:
        _shared = None


def _rules_of_chunk(indices: list[int]) -> list[tuple[int, list[Finding]]]:
    assert _shared is not None
    items, config = _shared
    return [(i, _lint(items[i], config, skip=(SHELLCHECK_RULE,))) for i in indices]


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
