"""The lint pipeline: validate → detect the kind → parse → run the rules → apply pragmas and config."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from dockwright.config import LintConfig
from dockwright.context import LintContext
from dockwright.detect import KINDS, detect_kind
from dockwright.errors import InputError
from dockwright.findings import Finding, Severity, Span
from dockwright.pragmas import Pragma, scan
from dockwright.rules import Rule, load_for, registry

# Bumped whenever a rule is added, removed or changes what it reports; stored with every analysis
# and part of the cache key, so a cached result never outlives the rules that produced it.
RULESET_VERSION = "2026.12.1"
# Control characters other than the whitespace ones (tab, newline, vertical tab, form feed, carriage return).
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0e-\x1f]")


class Document(Protocol):
    lines: list[str]

    def pragma_scope(self, pragma: Pragma) -> tuple[int, int] | None:
        """The first and last line a non-global pragma applies to, or None when it applies to nothing."""


@dataclass(frozen=True)
class LintResult:
    kind: str
    findings: list[Finding]
    document: Any = None

    def counts(self) -> dict[str, int]:
        counter = Counter(f.severity.value for f in self.findings)
        return {s.value: counter.get(s.value, 0) for s in Severity if s is not Severity.NONE}

    def fails(self, threshold: Severity) -> bool:
        if threshold is Severity.NONE:
            return False
        return any(f.severity.rank >= threshold.rank for f in self.findings)


def check_content(content: str) -> None:
    """Reject content no parser should see; the caller turns InputError into a 4xx or exit code 2."""
    if not content.strip():
        raise InputError("content is empty")
    if "\x00" in content:
        raise InputError("content contains NUL bytes; it looks like a binary file, not a text file")
    sample = content[:65536]
    controls = len(_CONTROL_CHARACTERS.findall(sample))
    if controls > 8 and controls > len(sample) // 100:
        raise InputError("content contains control characters; it looks like a binary file, not a text file")


def parse(content: str, kind: str) -> Document:
    if kind == "dockerfile":
        from dockwright.dockerfile.parser import parse_dockerfile

        return parse_dockerfile(content)
    from dockwright.compose.parser import parse_compose

    return parse_compose(content)  # type: ignore[no-any-return]


def lint(
    content: str,
    *,
    kind: str | None = None,
    filename: str | None = None,
    config: LintConfig | Mapping[str, Any] | None = None,
    files: Mapping[str, str] | None = None,
    document: Document | None = None,
    only: Collection[str] | None = None,
    skip: Collection[str] = (),
) -> LintResult:
    """Lint one Dockerfile or Compose file and return its findings, sorted by position.

    ``document`` passes an already checked and parsed ``content`` (of ``kind``); ``only`` and ``skip``
    restrict the rules that run, so a batch can run the costly ShellCheck rule separately (see
    :mod:`dockwright.batch`).
    """
    if document is None:
        check_content(content)
    if kind is not None and kind not in KINDS:
        raise InputError(f"unknown kind {kind!r} (expected one of: {', '.join(KINDS)})")
    if not isinstance(config, LintConfig):
        config = LintConfig.from_dict(config)
    kind = kind or detect_kind(content, filename)
    load_for(kind)
    context = LintContext(config=config, filename=filename, files=files if files is not None else {})
    if document is None:
        document = parse(content, kind)
    rules = [r for r in _active_rules(kind, config) if (only is None or r.id in only) and r.id not in skip]
    findings = [f for rule in rules for f in _run(rule, document, context)]
    findings = _apply_pragmas(findings, document)
    findings = _apply_config(findings, config)
    findings.sort(key=lambda f: (f.span, f.rule))
    return LintResult(kind=kind, findings=_dedupe(findings), document=document)


def _active_rules(kind: str, config: LintConfig) -> list[type[Rule]]:
    return [
        rule
        for rule in _rules_for(kind)
        if (rule.enabled_by_default or rule.id in config.enable)
        and rule.id not in config.ignore
        and config.severity.get(rule.id) is not Severity.NONE
    ]


@functools.cache
def _rules_for(kind: str) -> tuple[type[Rule], ...]:
    return tuple(registry.for_target(kind))


def _run(rule: type[Rule], document: Document, context: LintContext) -> list[Finding]:
    try:
        return list(rule().check(document, context))
    except Exception:  # a rule bug must not take the whole analysis down
        import logging  # here: importing it costs the CLI's start-up more than all rules' crashes ever will

        logging.getLogger(__name__).exception("rule %s crashed", rule.id)
        return [
            Finding(
                rule.id, Severity.INFO, f"rule {rule.id} could not check this file (internal error)", Span(1, 1, 1, 2)
            )
        ]


def _apply_pragmas(findings: list[Finding], document: Document) -> list[Finding]:
    pragmas = scan(document.lines, registry)
    if not pragmas:
        return findings
    global_ids = {rule_id for p in pragmas if p.is_global for rule_id in p.rule_ids}
    scoped: list[tuple[int, int, frozenset[str]]] = []
    for pragma in pragmas:
        if pragma.is_global:
            continue
        scope = document.pragma_scope(pragma)
        if scope is not None:
            scoped.append((scope[0], scope[1], pragma.rule_ids))
    return [
        f
        for f in findings
        if f.rule not in global_ids
        and not any(first <= f.span.start_line <= last and f.rule in ids for first, last, ids in scoped)
    ]


def _apply_config(findings: list[Finding], config: LintConfig) -> list[Finding]:
    out = []
    for finding in findings:
        override = config.severity.get(finding.rule)
        if override is Severity.NONE:
            continue
        out.append(finding.with_severity(override) if override else finding)
    return out


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[Finding] = set()
    unique = []
    for finding in findings:
        if finding not in seen:
            seen.add(finding)
            unique.append(finding)
    return unique
