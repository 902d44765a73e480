"""Lint many files in one call, the way the CLI does for a folder.

The engine's rules are quick and ShellCheck is slow, so a batch parses every file first, hands all their
shell scripts to ShellCheck in the background, runs the other rules meanwhile, and then reads ShellCheck's
results from its cache. A large batch is split across one forked process per core, each doing the same for
its share. The findings are the same as linting each file on its own.
"""

from __future__ import annotations

import multiprocessing
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
    """Lint every file; a large batch is split across one forked process per core."""
    items = list(batch)
    workers = processes if processes is not None else _default_processes(len(items))
    if workers > 1:
        return _lint_in_processes(items, config, workers)
    return _lint_here(items, config)


def _default_processes(count: int) -> int:
    if count < MIN_FILES_PER_PROCESS * 2 or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(os.cpu_count() or 1, count // MIN_FILES_PER_PROCESS))


def _lint_here(items: list[BatchFile], config: LintConfig) -> list[BatchFile]:
    for item in items:
        _parse(item)
    parsed = [item for item in items if item.error is None]
    scripts = config.shellcheck and SHELLCHECK_RULE not in config.ignore
    pending = shellcheck.prefetch(_shellcheck_requests(parsed)) if scripts else None
    for item in parsed:
        item.findings = _lint(item, config, skip=(SHELLCHECK_RULE,))
    if pending is not None:
        pending.exception()  # wait; a failure is reported by the rule itself below
        for item in parsed:
            item.findings = sorted(
                item.findings + _lint(item, config, only=(SHELLCHECK_RULE,)), key=lambda f: (f.span, f.rule)
            )
    return items


# The batch a forked worker reads: set before the pool forks, so workers inherit it instead of unpickling
# every file's content.
_shared: tuple[list[BatchFile], LintConfig] | None = None


def _lint_in_processes(items: list[BatchFile], config: LintConfig, workers: int) -> list[BatchFile]:
    global _shared
    _shared = (items, config)
    try:
        chunks = [list(range(start, len(items), workers)) for start in range(workers)]
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for outcome in pool.map(_lint_chunk, chunks):
                for index, kind, findings, error in outcome:
                    items[index].kind, items[index].findings, items[index].error = kind, findings, error
    finally:
        _shared = None
    return items


def _lint_chunk(indices: list[int]) -> list[tuple[int, str | None, list[Finding], InputError | None]]:
    assert _shared is not None
    items, config = _shared
    done = _lint_here([items[i] for i in indices], config)
    return [(i, item.kind, item.findings, item.error) for i, item in zip(indices, done, strict=True)]


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
