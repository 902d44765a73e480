"""Running the engine for analyses: lint with the site policy applied, reuse cached results, store the outcome;
and a stored analysis's fixed content, cached the same way.

Both run the engine, so the APIs that call them are rate limited (core.ratelimit). Nothing is cached that may
differ on another run (LintResult.transient: a rule crashed, ShellCheck failed or timed out), and no cached
value is larger than DOCKWRIGHT_CACHE_MAX_VALUE_BYTES (core.cache refuses it; it is then recomputed).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache

from analyses.models import Analysis
from catalog.services import lint_config_with_policy
from dockwright.config import LintConfig
from dockwright.findings import Finding
from dockwright.fixes import fix_until_stable
from dockwright.lint import RULESET_VERSION, lint
from dockwright.rules import registry


def analysis_create(
    *,
    content: str,
    kind: str | None = None,
    filename: str | None = None,
    config: Mapping[str, Any] | None = None,
    user: Any = None,
) -> Analysis:
    """Lint ``content`` and store the analysis.

    Raises dockwright.errors.InputError (or its ConfigError) for content or config the engine refuses.
    Results are cached by content, kind, filename, effective config (site policy included) and ruleset
    version, so resubmitting the same file skips the engine.
    """
    effective_config = _effective_config(config)
    content_sha256 = _sha256(content)
    outcome = _lint_cached(
        content=content, content_sha256=content_sha256, kind=kind, filename=filename, config=effective_config
    )
    return Analysis.objects.create(
        owner=user if user is not None and user.is_authenticated else None,
        kind=outcome.kind,
        filename=filename or "",
        content=content,
        sha256=content_sha256,
        config=dict(config or {}),
        findings=outcome.findings,
        counts=outcome.counts,
        ruleset_version=RULESET_VERSION,
    )


def analysis_fixed_content(*, analysis: Analysis) -> tuple[str, int]:
    """The analysed content with every safe fix applied, and how many fixes that was.

    Linted as the analysis was (its own config with the site policy applied, as today), every pass through the
    lint cache; the result is cached too, keyed like a lint result.
    """
    config = _effective_config(analysis.config)
    filename = analysis.filename or None
    key = lint_cache_key(
        content_sha256=analysis.sha256,
        kind=analysis.kind,
        filename=filename,
        config=config,
        today=dt.date.today(),
        purpose="fixed",
    )
    cached = cache.get(key)
    if isinstance(cached, dict) and {"content", "fixes_applied"} <= cached.keys():
        return cached["content"], cached["fixes_applied"]

    transient = False

    def findings_of(text: str) -> list[Finding]:
        nonlocal transient
        outcome = _lint_cached(
            content=text, content_sha256=_sha256(text), kind=analysis.kind, filename=filename, config=config
        )
        transient = transient or outcome.transient
        return [Finding.from_dict(data) for data in outcome.findings]

    content, applied = fix_until_stable(analysis.content, findings_of(analysis.content), findings_of)
    if not transient:
        cache.set(key, {"content": content, "fixes_applied": applied}, timeout=settings.DOCKWRIGHT_LINT_CACHE_SECONDS)
    return content, applied


def lint_cache_key(
    *,
    content_sha256: str,
    kind: str | None,
    filename: str | None,
    config: LintConfig,
    today: dt.date,
    purpose: str = "lint",
) -> str:
    """Everything that can change a result, hashed. ``today`` counts when the config does not pin the date,
    because end-of-life checks depend on it. ``purpose`` keeps lint results and fixed contents apart."""
    identity = {
        "content": content_sha256,
        "kind": kind,
        "filename": filename,
        "config": config.to_dict(),
        "today": (config.today or today).isoformat(),
        "ruleset": RULESET_VERSION,
    }
    digest = hashlib.sha256(json.dumps(identity, sort_keys=True).encode("utf-8")).hexdigest()
    return f"{purpose}:{digest}"


@dataclass(frozen=True)
class _Outcome:
    kind: str
    findings: list[dict[str, Any]]
    counts: dict[str, int]
    transient: bool = False


def _lint_cached(
    *, content: str, content_sha256: str, kind: str | None, filename: str | None, config: LintConfig
) -> _Outcome:
    key = lint_cache_key(
        content_sha256=content_sha256, kind=kind, filename=filename, config=config, today=dt.date.today()
    )
    cached = cache.get(key)
    if isinstance(cached, dict) and {"kind", "findings", "counts"} <= cached.keys():
        return _Outcome(kind=cached["kind"], findings=cached["findings"], counts=cached["counts"])
    result = lint(content, kind=kind, filename=filename, config=config)
    outcome = _Outcome(
        kind=result.kind,
        findings=[_finding_data(finding.to_dict()) for finding in result.findings],
        counts=result.counts(),
        transient=result.transient,
    )
    if not outcome.transient:
        cached_form = {"kind": outcome.kind, "findings": outcome.findings, "counts": outcome.counts}
        cache.set(key, cached_form, timeout=settings.DOCKWRIGHT_LINT_CACHE_SECONDS)
    return outcome


def _effective_config(config: Mapping[str, Any] | None) -> LintConfig:
    """The analysis's own config (validated by the engine: ConfigError names the field) with the site policy."""
    return lint_config_with_policy(LintConfig.from_dict(config))


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _finding_data(data: dict[str, Any]) -> dict[str, Any]:
    rule = registry.get(str(data["rule"]))
    data["rule_title"] = rule.title if rule is not None else ""
    return data
