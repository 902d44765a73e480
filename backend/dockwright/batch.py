"""Lint many files in one call, the way the CLI does for a folder.

The engine's rules are quick and ShellCheck is slow, so a batch parses every file first, hands all their
shell scripts to ShellCheck in the background (one process per core for a large batch), runs the other
rules meanwhile, and then reads ShellCheck's results from its cache. The findings are the same as linting
each file on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from dockwright import shellcheck
from dockwright.config import LintConfig
from dockwright.detect import detect_kind
from dockwright.errors import InputError
from dockwright.findings import Finding
from dockwright.lint import Document, check_content, lint, parse

SHELLCHECK_RULE = "DF100"


@dataclass
class BatchFile:
    path: str
    content: str
    kind: str | None = None
    files: Mapping[str, str] = field(default_factory=dict)
    document: Document | None = None
    findings: list[Finding] = field(default_factory=list)
    error: InputError | None = None


def lint_batch(batch: Iterable[BatchFile], config: LintConfig) -> list[BatchFile]:
    items = list(batch)
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
