"""Creating analyses: lint with the site policy applied, reuse cached results, store the outcome."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.cache import cache

from analyses.models import Analysis
from catalog.services import lint_config_with_policy
from dockwright.config import LintConfig
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
    effective_config = lint_config_with_policy(LintConfig.from_dict(config))
    content_sha256 = hashlib.sha256(content.encode("utf-8")).hexdigest()
    outcome = _lint_cached(
        content=content, content_sha256=content_sha256, kind=kind, filename=filename, config=effective_config
    )
    return Analysis.objects.create(
        owner=user if user is not None and user.is_authenticated else None,
        kind=outcome["kind"],
        filename=filename or "",
        content=content,
        sha256=content_sha256,
        config=dict(config or {}),
        findings=outcome["findings"],
        counts=outcome["counts"],
        ruleset_version=RULESET_VERSION,
    )


def lint_cache_key(
    *, content_sha256: str, kind: str | None, filename: str | None, config: LintConfig, today: dt.date
) -> str:
    """Everything that can change a result, hashed. ``today`` counts when the config does not pin the date,
    because end-of-life checks depend on it."""
    identity = {
        "content": content_sha256,
        "kind": kind,
        "filename": filename,
        "config": config.to_dict(),
        "today": (config.today or today).isoformat(),
        "ruleset": RULESET_VERSION,
    }
    digest = hashlib.sha256(json.dumps(identity, sort_keys=True).encode("utf-8")).hexdigest()
    return f"lint:{digest}"


def _lint_cached(
    *, content: str, content_sha256: str, kind: str | None, filename: str | None, config: LintConfig
) -> dict[str, Any]:
    key = lint_cache_key(
        content_sha256=content_sha256, kind=kind, filename=filename, config=config, today=dt.date.today()
    )
    cached = cache.get(key)
    if _is_outcome(cached):
        return cached
    result = lint(content, kind=kind, filename=filename, config=config)
    outcome = {
        "kind": result.kind,
        "findings": [_finding_data(finding.to_dict()) for finding in result.findings],
        "counts": result.counts(),
    }
    cache.set(key, outcome, timeout=settings.DOCKWRIGHT_LINT_CACHE_SECONDS)
    return outcome


def _finding_data(data: dict[str, Any]) -> dict[str, Any]:
    rule = registry.get(str(data["rule"]))
    data["rule_title"] = rule.title if rule is not None else ""
    return data


def _is_outcome(value: Any) -> bool:
    return isinstance(value, dict) and {"kind", "findings", "counts"} <= value.keys()
