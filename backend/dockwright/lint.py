"""The lint pipeline: validate → detect the kind → parse → run the rules → apply pragmas and config."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from typing import Any, Protocol

from dockwright.budget import DEFAULT_LIMITS, Budget, Limits, current, spending
from dockwright.config import LintConfig
from dockwright.context import LintContext
from dockwright.detect import KINDS, detect_kind
from dockwright.dockerfile.build import BuildOptions
from dockwright.dockerfile.parser import parse_dockerfile
from dockwright.errors import InputError
from dockwright.findings import Finding, Severity, Span
from dockwright.i18n import Message
from dockwright.pragmas import Pragma, buildkit_pragmas, buildkit_requested, scan
from dockwright.rules import Rule, load_for, registry

# Bumped whenever a rule is added, removed or changes what it reports; stored with every analysis
# and part of the cache key, so a cached result never outlives the rules that produced it.
RULESET_VERSION = "2026.12.16"
# Control characters other than the whitespace ones (tab, newline, vertical tab, form feed, carriage return).
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0e-\x1f]")
# The rule that reports a file's analysis limits, per kind; it also carries the summary of findings over the
# file's limit.
LIMITS_RULE = {"dockerfile": "DF108", "compose": "DC002"}
# A quoted token in a message (`...`) longer than this is shortened to its ends.
_QUOTED = re.compile(r"`([^`]{61,})`")


class Document(Protocol):
    lines: list[str]

    def pragma_scope(self, pragma: Pragma) -> tuple[int, int] | None:
        """The first and last line a non-global pragma applies to, or None when it applies to nothing."""


@dataclass(frozen=True)
class LintResult:
    kind: str
    findings: list[Finding]
    document: Any = None
    # True when part of the result may differ on another run (a rule crashed, ShellCheck failed or timed
    # out): show it, but do not keep it as the file's result.
    transient: bool = False

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
        raise InputError(Message("content is empty"))
    if "\x00" in content:
        raise InputError(Message("content contains NUL bytes; it looks like a binary file, not a text file"))
    sample = content[:65536]
    controls = len(_CONTROL_CHARACTERS.findall(sample))
    if controls > 8 and controls > len(sample) // 100:
        raise InputError(Message("content contains control characters; it looks like a binary file, not a text file"))


def parse(content: str, kind: str, budget: Budget | None = None, build: BuildOptions | None = None) -> Document:
    """Parse ``content`` within ``budget`` (the analysis' own, so that its rules later spend what is left); a
    Dockerfile as ``build`` builds it (its build args and target stage; InputError when the target is not one of
    its stages, as `docker build` stops)."""
    with spending(budget or Budget()):
        if kind == "dockerfile":
            dockerfile = parse_dockerfile(content, build)
            if dockerfile.target and dockerfile.stage_named(dockerfile.target) is None:
                raise InputError(Message("target stage {target!r} not found (--target)", target=dockerfile.target))
            return dockerfile
        from dockwright.compose.parser import parse_compose  # here: a run over Dockerfiles never loads YAML

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
    budget: Budget | None = None,
    limits: Limits | None = None,
    build: BuildOptions | None = None,
) -> LintResult:
    """Lint one Dockerfile or Compose file and return its findings, sorted by position.

    ``document`` passes an already checked and parsed ``content`` (of ``kind``), with the ``budget`` it was
    parsed in; ``only`` and ``skip`` restrict the rules that run, so a batch can run the costly ShellCheck
    rule separately (see :mod:`dockwright.cli.batch`). Every analysis runs within a budget (``limits``, else the
    defaults of :mod:`dockwright.budget`): whatever the input, its cost and its output are bounded. ``build``
    lints a Dockerfile as `docker build --build-arg ... --target ...` builds it (ignored for Compose files).
    """
    if document is None:
        check_content(content)
    if kind is not None and kind not in KINDS:
        raise InputError(Message("unknown kind {kind!r} (expected one of: {kinds})", kind=kind, kinds=", ".join(KINDS)))
    if not isinstance(config, LintConfig):
        config = LintConfig.from_dict(config)
    kind = kind or detect_kind(content, filename)
    load_for(kind)
    budget = budget or Budget(limits or DEFAULT_LIMITS)
    context = LintContext(config=config, filename=filename, files=files if files is not None else {})
    if document is None:
        document = parse(content, kind, budget, build)
    rules = [r for r in _active_rules(kind, config) if (only is None or r.id in only) and r.id not in skip]
    requested = _requested_by_file(kind, document, config, rules)
    rules += [r for r in requested if (only is None or r.id in only) and r.id not in skip]
    with spending(budget):
        findings = [f for rule in rules for f in _run(rule, document, context)]
    findings = _within_requested(findings, requested)
    findings = _apply_pragmas(findings, document, kind, inline=not config.disable_ignore_pragma)
    findings = _apply_config(findings, config)
    findings.sort(key=lambda f: (f.span, f.rule))
    findings = _bounded(_dedupe(findings), kind, budget.limits)
    return LintResult(kind=kind, findings=findings, document=document, transient=budget.transient)


def _active_rules(kind: str, config: LintConfig) -> list[type[Rule]]:
    # A batch lints every file with one config: the last answer is kept with the config it was for (held, so
    # that its identity cannot be reused by another object).
    global _last_active
    rules = _rules_for(kind)
    if _last_active is not None and _last_active[0] is config and _last_active[1] is rules:
        return list(_last_active[2])
    active = tuple(
        rule
        for rule in rules
        if (rule.enabled_by_default or rule.id in config.enable)
        and rule.id not in config.ignore
        and config.severity.get(rule.id) is not Severity.NONE
    )
    _last_active = (config, rules, active)
    return list(active)


_last_active: tuple[LintConfig, tuple[type[Rule], ...], tuple[type[Rule], ...]] | None = None


@functools.cache
def _rules_for(kind: str) -> tuple[type[Rule], ...]:
    return tuple(registry.for_target(kind))


def _run(rule: type[Rule], document: Document, context: LintContext) -> list[Finding]:
    try:
        return list(rule().check(document, context))
    except Exception:  # a rule bug must not take the whole analysis down
        import logging  # here: importing it costs the CLI's start-up more than all rules' crashes ever will

        logging.getLogger(__name__).exception("rule %s crashed", rule.id)
        current().transient = True
        return [
            Finding(
                rule.id,
                Severity.INFO,
                Message("rule {id} could not check this file (internal error)", id=rule.id),
                Span(1, 1, 1, 2),
            )
        ]


def _requested_by_file(
    kind: str, document: Document, config: LintConfig, active: list[type[Rule]]
) -> dict[type[Rule], list[tuple[int, int]] | None]:
    """Rules off by default that the file itself switches on (BuildKit's `# check=experimental=`), for the whole
    file (None) or for the lines given; a config's `ignore` or severity `none` still wins."""
    if kind != "dockerfile":
        return {}
    taken = {rule.id for rule in active}
    requested = {}
    for rule_id, scopes in buildkit_requested(document, registry).items():  # type: ignore[arg-type]
        rule = registry.get(rule_id)
        if (
            rule is None
            or rule_id in taken
            or rule_id in config.ignore
            or config.severity.get(rule_id) is Severity.NONE
        ):
            continue
        requested[rule] = scopes
    return requested


def _within_requested(
    findings: list[Finding], requested: dict[type[Rule], list[tuple[int, int]] | None]
) -> list[Finding]:
    """The findings of rules a file switched on for some instructions only, kept on those."""
    scoped = {rule.id: scopes for rule, scopes in requested.items() if scopes is not None}
    if not scoped:
        return findings
    return [
        f
        for f in findings
        if f.rule not in scoped or any(first <= f.span.start_line <= last for first, last in scoped[f.rule])
    ]


def _apply_pragmas(findings: list[Finding], document: Document, kind: str = "", inline: bool = True) -> list[Finding]:
    """Mute what the file's comments mute: its inline ignore comments (unless ``inline`` is False: hadolint's
    `disable-ignore-pragma`) and BuildKit's check directive, which is the build's own configuration."""
    pragmas = scan(document.lines, registry) if inline else []
    if kind == "dockerfile":
        pragmas += buildkit_pragmas(document, registry)  # type: ignore[arg-type]
    if not pragmas:
        return findings
    # A pragma names rule ids and sub-codes (ShellCheck's SC2086); either mutes a finding.
    global_names = {name for p in pragmas if p.is_global for name in p.rule_ids | p.codes}
    # The names muted on each line. Pragmas name instructions, so there are at most as many scopes as
    # instructions and they cover at most the file's lines, however many pragmas there are: each finding is
    # looked up once instead of compared with every pragma.
    by_scope: dict[tuple[int, int], set[str]] = {}
    for pragma in pragmas:
        scope = None if pragma.is_global else document.pragma_scope(pragma)
        if scope is not None:
            by_scope.setdefault(scope, set()).update(pragma.rule_ids | pragma.codes)
    muted: dict[int, set[str]] = {}
    for (first, last), names in by_scope.items():
        for line in range(first, last + 1):
            muted.setdefault(line, set()).update(names)
    return [f for f in findings if not _named(f, global_names) and not _named(f, muted.get(f.span.start_line, ()))]


def _named(finding: Finding, names: Collection[str]) -> bool:
    return finding.rule in names or (finding.code is not None and finding.code in names)


def _apply_config(findings: list[Finding], config: LintConfig) -> list[Finding]:
    out = []
    for finding in findings:
        if finding.code is not None and finding.code in config.ignore:
            continue
        override = config.severity.get(finding.rule)
        if override is Severity.NONE:
            continue
        out.append(finding.with_severity(override) if override else finding)
    return out


def _bounded(findings: list[Finding], kind: str, limits: Limits) -> list[Finding]:
    """At most ``max_findings_per_rule`` findings of a rule and ``max_findings`` in all, in order of position,
    each message within ``max_message_chars``; what is left out is counted in one finding per rule (and one
    for the file), at the first finding left out, so that no input can make the answer huge."""
    per_rule: Counter[str] = Counter()
    kept: list[Finding] = []
    over: dict[str, tuple[Finding, int]] = {}
    for finding in findings:
        per_rule[finding.rule] += 1
        if per_rule[finding.rule] <= limits.max_findings_per_rule:
            kept.append(_short_message(finding, limits.max_message_chars))
        elif finding.rule in over:
            first, count = over[finding.rule]
            over[finding.rule] = (first, count + 1)
        else:
            over[finding.rule] = (finding, 1)
    for rule_id, (first, count) in over.items():
        kept.append(
            Finding(
                rule_id,
                first.severity,
                Message(
                    "{count:,} more findings of {rule_id} in this file are not listed (at most "
                    "{max_findings_per_rule:,} a rule and file are)",
                    count=count,
                    rule_id=rule_id,
                    max_findings_per_rule=limits.max_findings_per_rule,
                ),
                first.span,
            )
        )
    if over:
        kept.sort(key=lambda f: (f.span, f.rule))
    if len(kept) <= limits.max_findings:
        return kept
    # Over the file's limit: the most severe findings are kept, then the earliest.
    ranked = sorted(kept, key=lambda f: (-f.severity.rank, f.span, f.rule))
    shown, dropped = ranked[: limits.max_findings - 1], ranked[limits.max_findings - 1 :]
    summary_span = min(f.span for f in dropped)
    shown.append(
        Finding(
            LIMITS_RULE[kind],
            Severity.INFO,
            Message(
                "{count:,} more findings in this file are not listed (at most {limit:,} are); "
                "fix or ignore the most frequent rules to see them",
                count=len(dropped),
                limit=limits.max_findings,
            ),
            summary_span,
        )
    )
    shown.sort(key=lambda f: (f.span, f.rule))
    return shown


def _short_message(finding: Finding, max_chars: int) -> Finding:
    if len(finding.message) <= max_chars:
        return finding
    message: str = finding.message
    if isinstance(message, Message):
        # Shorten the fields, not the text, so that the message keeps its template and still translates.
        fields = {
            k: _shorten(v) if isinstance(v, str) and not isinstance(v, Message) else v
            for k, v in message.fields.items()
        }
        message = Message(message.template, **fields)
    else:
        message = _QUOTED.sub(lambda m: f"`{_shorten(m.group(1))}`", message)
    if len(message) > max_chars:
        message = message[: max_chars - 1] + "…"
    return replace(finding, message=message)


def _shorten(token: str) -> str:
    return token if len(token) <= 60 else f"{token[:28]}…{token[-28:]}"


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[Finding] = set()
    unique = []
    for finding in findings:
        if finding not in seen:
            seen.add(finding)
            unique.append(finding)
    return unique
