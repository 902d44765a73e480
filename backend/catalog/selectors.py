"""Reads: the rule catalogue as the API shows it (each rule as the site runs it, with its defaults), the peer checks
it has no rule for, the site policy and its version, and where a finding's help lives."""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Q

from catalog.models import RulePolicy, RulePolicyVersion
from dockwright.findings import Severity
from dockwright.i18n import ENGLISH, translate
from dockwright.rules import Rule, load_all, registry
from dockwright.rules.peer_gaps import peer_gaps

RULE_SEVERITIES = [s.value for s in Severity if s is not Severity.NONE]

# ShellCheck's codes (SC2086) are findings of the one rule that runs ShellCheck, whatever the number.
SHELLCHECK_CODE = re.compile(r"SC\d{4}", re.IGNORECASE)
SHELLCHECK_WIKI = "https://www.shellcheck.net/wiki/{code}"


def rule_policies() -> dict[str, RulePolicy]:
    """The policies that change something (a row that keeps both defaults is left out)."""
    changing = RulePolicy.objects.filter(Q(enabled__isnull=False) | ~Q(severity=""))
    return {policy.rule_id: policy for policy in changing}


def rule_policy_version() -> int:
    """How many times the site policy changed; 0 before the first change."""
    version = RulePolicyVersion.objects.values_list("version", flat=True).first()
    return int(version or 0)


def rule_list(
    *, target: str | None = None, severity: str | None = None, q: str | None = None, lang: str = ENGLISH
) -> list[dict[str, Any]]:
    """Every rule as the site runs it (see rule_effective), its texts in ``lang``, filtered; ``severity`` is the
    effective one and ``q`` matches id, slug, title, rationale (in English and in ``lang``) and peer ids."""
    load_all()
    policies = rule_policies()
    needle = (q or "").strip().lower()
    rules = []
    for rule in registry:
        if target and rule.target != target:
            continue
        if needle and needle not in _searchable_text(rule, lang):
            continue
        data = rule_effective(rule=rule, policy=policies.get(rule.id), lang=lang)
        if severity and data["severity"] != severity:
            continue
        rules.append(data)
    return rules


def rule_get(*, rule_id: str, lang: str = ENGLISH) -> dict[str, Any] | None:
    """One rule by our id (any case) or slug, as the site runs it, its texts in ``lang``, or None."""
    load_all()
    rule = registry.get(rule_id)
    if rule is None:
        return None
    data = rule_effective(rule=rule, policy=rule_policies().get(rule.id), lang=lang)
    knowledge = rule.knowledge()
    data["knowledge"] = knowledge.as_dict(lang) if knowledge is not None else None
    return data


def rule_resolve(*, name: str) -> list[str]:
    """Our rule ids for a name: our id or slug, or a peer's id (hadolint's DL3008, a BuildKit check name, a dclint
    rule name; ShellCheck's SC2086 is DF100's). Several when a peer check is split over several of our rules."""
    load_all()
    ids = registry.resolve_id(name)
    if not ids and SHELLCHECK_CODE.fullmatch(name.strip()):
        ids = [rule.id for rule in registry if "shellcheck" in rule.equivalents]
    return ids


def rule_effective(*, rule: type[Rule], policy: RulePolicy | None, lang: str = ENGLISH) -> dict[str, Any]:
    """The rule's metadata (its texts in ``lang``) with ``severity`` and ``enabled`` as the site runs it, and its
    own defaults beside them (``default_severity``, ``enabled_by_default``)."""
    data = rule.metadata(lang)
    data["default_severity"] = rule.severity.value
    data["enabled"] = rule.enabled_by_default
    if policy is not None:
        if policy.enabled is not None:
            data["enabled"] = policy.enabled
        if policy.severity:
            data["severity"] = policy.severity
    return data


def rule_help_url(*, rule_id: str, code: str | None) -> str:
    """Where a finding is explained: ShellCheck's wiki for a ShellCheck code, else the rule's page on this site."""
    if code and SHELLCHECK_CODE.fullmatch(code):
        return SHELLCHECK_WIKI.format(code=code.upper())
    return f"/rules/{rule_id}"


def peer_gap_list(*, lang: str = ENGLISH) -> list[dict[str, str | None]]:
    """The hadolint/BuildKit checks without a rule of ours: peer, peer_id, reason (in ``lang``) and covered_by (a
    rule id)."""
    return peer_gaps(lang)


def rule_choices() -> list[tuple[str, str]]:
    load_all()
    return [(rule.id, f"{rule.id} {rule.slug}: {rule.title}") for rule in registry]


def _searchable_text(rule: type[Rule], lang: str) -> str:
    translated = [translate(rule.title, lang), translate(rule.rationale, lang)] if lang != ENGLISH else []
    parts = [rule.id, rule.slug, rule.title, rule.rationale, *translated, *rule.equivalents.values()]
    return " ".join(parts).lower()
