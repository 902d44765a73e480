"""Analyses: lint with the site policy applied and reuse cached results (nothing stored), store an analysis when
someone shares it, a stored analysis's fixed content (cached the same way), and removing analyses (deleted by
their owner, or expired when anonymous), which leaves a tombstone so their links answer 410 Gone.

Linting runs the engine, so the APIs that call it are rate limited (core.ratelimit). Nothing is cached that may
differ on another run (LintResult.transient: a rule crashed, ShellCheck failed or timed out), and no cached
value is larger than DOCKWRIGHT_CACHE_MAX_VALUE_BYTES (core.cache refuses it; it is then recomputed).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from analyses.models import Analysis, AnalysisTombstone
from catalog.services import lint_config_with_policy
from dockwright.config import LintConfig
from dockwright.findings import Finding
from dockwright.fixes import fix_until_stable
from dockwright.i18n import with_templates
from dockwright.lint import RULESET_VERSION, lint
from dockwright.rules import registry
from dockwright.workspace.config_file import expand_rule_names

PREVIEW_CHARS = 80
# Expired analyses are removed this many at a time, each batch in a transaction of its own.
EXPIRE_BATCH = 500


@dataclass(frozen=True)
class LintOutcome:
    """Findings and counts in their API shape (rule_title added), and the kind the content was read as."""

    kind: str
    findings: list[dict[str, Any]]
    counts: dict[str, int]
    ruleset_version: str = RULESET_VERSION
    transient: bool = False


def analysis_lint(
    *,
    content: str,
    kind: str | None = None,
    filename: str | None = None,
    config: Mapping[str, Any] | None = None,
    files: Mapping[str, str] | None = None,
) -> LintOutcome:
    """Lint ``content`` without storing anything (what the editor does while someone types).

    ``files`` are the other files of the project by path relative to the folder of ``filename`` (checked by
    analyses.bundles): a compose file's override, `.env` and the Dockerfiles it builds.
    Raises dockwright.errors.InputError (or its ConfigError) for content or config the engine refuses.
    Results are cached by content, files, kind, filename, effective config (site policy included) and ruleset
    version, so the same text twice runs the engine once.
    """
    return _lint_cached(
        content=content,
        content_sha256=_sha256(content),
        kind=kind,
        filename=filename,
        config=_effective_config(config),
        files=files or {},
    )


def analysis_create(
    *,
    content: str,
    kind: str | None = None,
    filename: str | None = None,
    config: Mapping[str, Any] | None = None,
    files: Mapping[str, str] | None = None,
    user: Any = None,
) -> Analysis:
    """Lint ``content`` with its ``files`` (through the same cache as analysis_lint) and store the analysis, so
    it has a link.

    Raises what analysis_lint raises."""
    files = dict(files or {})
    outcome = analysis_lint(content=content, kind=kind, filename=filename, config=config, files=files)
    content_sha256 = _sha256(content)
    return Analysis.objects.create(
        owner=user if user is not None and user.is_authenticated else None,
        kind=outcome.kind,
        filename=filename or "",
        content=content,
        files=files,
        sha256=content_sha256,
        config=dict(config or {}),
        identity=_identity(content_sha256=content_sha256, kind=outcome.kind, config=config, files=files),
        preview=_preview(content),
        findings=outcome.findings,
        counts=outcome.counts,
        ruleset_version=RULESET_VERSION,
    )


def analysis_delete(*, analysis: Analysis, identical: bool = False) -> int:
    """Delete an analysis, leaving a tombstone; with ``identical``, also its owner's identical saves (the ones
    its history entry stands for). How many were deleted."""
    ids = [analysis.pk]
    if identical and analysis.owner_id is not None:
        ids = list(
            Analysis.objects.filter(owner_id=analysis.owner_id, identity=analysis.identity).values_list("pk", flat=True)
        )
    return _bury(ids, reason=AnalysisTombstone.Reason.DELETED)


def analyses_delete(*, analyses: Iterable[Analysis]) -> int:
    """Delete the given analyses (the admin's delete), leaving tombstones; how many were deleted."""
    return _bury([analysis.pk for analysis in analyses], reason=AnalysisTombstone.Reason.DELETED)


def analysis_history_clear(*, user: Any) -> int:
    """Delete every analysis of ``user`` (their whole history), leaving tombstones; how many were deleted."""
    ids = list(Analysis.objects.filter(owner=user).values_list("pk", flat=True))
    return _bury(ids, reason=AnalysisTombstone.Reason.DELETED)


def analysis_expire_anonymous(*, now: dt.datetime | None = None) -> int:
    """Delete the anonymous analyses older than DOCKWRIGHT_ANONYMOUS_RETENTION_DAYS (0: keep them), leaving
    tombstones that say they expired; how many expired. Signed-in users' analyses stay until they delete them."""
    days = settings.DOCKWRIGHT_ANONYMOUS_RETENTION_DAYS
    if days <= 0:
        return 0
    cutoff = (now or timezone.now()) - dt.timedelta(days=days)
    expired = 0
    while True:
        ids = list(
            Analysis.objects.filter(owner__isnull=True, created__lt=cutoff).values_list("pk", flat=True)[:EXPIRE_BATCH]
        )
        if not ids:
            return expired
        expired += _bury(ids, reason=AnalysisTombstone.Reason.EXPIRED)


def _bury(ids: list[str], *, reason: str) -> int:
    """Delete the analyses and record their tombstones, in one transaction."""
    if not ids:
        return 0
    now = timezone.now()
    with transaction.atomic():
        AnalysisTombstone.objects.bulk_create(
            [AnalysisTombstone(id=pk, deleted_at=now, reason=reason) for pk in ids], ignore_conflicts=True
        )
        deleted, _ = Analysis.objects.filter(pk__in=ids).delete()
    return deleted


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
        files=analysis.files,
    )
    cached = cache.get(key)
    if isinstance(cached, dict) and {"content", "fixes_applied"} <= cached.keys():
        return cached["content"], cached["fixes_applied"]

    transient = False

    def findings_of(text: str) -> list[Finding]:
        nonlocal transient
        outcome = _lint_cached(
            content=text,
            content_sha256=_sha256(text),
            kind=analysis.kind,
            filename=filename,
            config=config,
            files=analysis.files,
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
    files: Mapping[str, str] | None = None,
) -> str:
    """Everything that can change a result, hashed. ``today`` counts when the config does not pin the date,
    because end-of-life checks depend on it. ``purpose`` keeps lint results and fixed contents apart."""
    identity = {
        "content": content_sha256,
        "files": _files_digest(files) if files else None,
        "kind": kind,
        "filename": filename,
        "config": config.to_dict(),
        "today": (config.today or today).isoformat(),
        "ruleset": RULESET_VERSION,
    }
    digest = hashlib.sha256(json.dumps(identity, sort_keys=True).encode("utf-8")).hexdigest()
    return f"{purpose}:{digest}"


def _lint_cached(
    *,
    content: str,
    content_sha256: str,
    kind: str | None,
    filename: str | None,
    config: LintConfig,
    files: Mapping[str, str],
) -> LintOutcome:
    key = lint_cache_key(
        content_sha256=content_sha256, kind=kind, filename=filename, config=config, today=dt.date.today(), files=files
    )
    cached = cache.get(key)
    if isinstance(cached, dict) and {"kind", "findings", "counts"} <= cached.keys():
        return LintOutcome(kind=cached["kind"], findings=cached["findings"], counts=cached["counts"])
    result = lint(content, kind=kind, filename=filename, config=config, files=dict(files))
    outcome = LintOutcome(
        kind=result.kind,
        findings=[finding_api_data(finding) for finding in result.findings],
        counts=result.counts(),
        transient=result.transient,
    )
    if not outcome.transient:
        cached_form = {"kind": outcome.kind, "findings": outcome.findings, "counts": outcome.counts}
        cache.set(key, cached_form, timeout=settings.DOCKWRIGHT_LINT_CACHE_SECONDS)
    return outcome


def _engine_config(config: Mapping[str, Any] | None) -> LintConfig:
    """The analysis's own config, validated by the engine (ConfigError names the field); rules may be named by
    our ids and slugs or by a peer's names (hadolint's DL3007, dclint's no-version-field), as in a config file."""
    return LintConfig.from_dict(expand_rule_names(config) if isinstance(config, Mapping) else config)


def _effective_config(config: Mapping[str, Any] | None) -> LintConfig:
    """The analysis's own config with the site policy."""
    return lint_config_with_policy(_engine_config(config))


def _identity(
    *, content_sha256: str, kind: str, config: Mapping[str, Any] | None, files: Mapping[str, str] | None = None
) -> str:
    """The same for saves of the same content, files, kind and config (in any key or list order); ``config`` is
    one the engine accepted."""
    key: dict[str, Any] = {"content": content_sha256, "kind": kind, "config": _engine_config(config).to_dict()}
    if files:
        key["files"] = _files_digest(files)
    return hashlib.sha256(json.dumps(key, sort_keys=True).encode("utf-8")).hexdigest()


def _preview(content: str) -> str:
    """The first non-blank line, shortened to PREVIEW_CHARS."""
    for line in content.splitlines():
        text = line.strip()
        if text:
            return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"
    return ""


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _files_digest(files: Mapping[str, str]) -> str:
    """One hash of a bundle's paths and texts, in any order."""
    return _sha256(json.dumps(sorted(files.items())))


def finding_api_data(finding: Finding) -> dict[str, Any]:
    """The finding in its API shape, in English, keeping the templates that render it in a reader's language
    (analyses.serializers does, per request)."""
    data = with_templates(finding, finding.to_dict())
    rule = registry.get(finding.rule)
    data["rule_title"] = rule.title if rule is not None else ""
    return data
