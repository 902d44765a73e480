"""Reads: the rule catalogue as the API shows it (with the peer checks it has no rule for), and the site policy."""

from __future__ import annotations

from typing import Any

from catalog.models import RulePolicy
from dockwright.rules import Rule, load_all, registry
from dockwright.rules.peer_gaps import peer_gaps


def rule_policies() -> dict[str, RulePolicy]:
    return {policy.rule_id: policy for policy in RulePolicy.objects.all()}


def rule_list(*, target: str | None = None, severity: str | None = None, q: str | None = None) -> list[dict[str, Any]]:
    """Every rule's metadata plus ``enabled`` after the site policy, filtered; ``q`` matches id, slug and text."""
    load_all()
    policies = rule_policies()
    needle = (q or "").strip().lower()
    rules = []
    for rule in registry:
        if target and rule.target != target:
            continue
        if severity and rule.severity.value != severity:
            continue
        if needle and needle not in _searchable_text(rule):
            continue
        rules.append(_with_policy(rule, policies.get(rule.id)))
    return rules


def rule_get(*, rule_id: str) -> dict[str, Any] | None:
    """One rule by id (any case) or slug, or None."""
    load_all()
    rule = registry.get(rule_id)
    if rule is None:
        return None
    return _with_policy(rule, RulePolicy.objects.filter(rule_id=rule.id).first())


def peer_gap_list() -> list[dict[str, str | None]]:
    """The hadolint/BuildKit checks without a rule of ours: peer, peer_id, reason and covered_by (a rule id)."""
    return peer_gaps()


def rule_choices() -> list[tuple[str, str]]:
    load_all()
    return [(rule.id, f"{rule.id} {rule.slug}: {rule.title}") for rule in registry]


def _with_policy(rule: type[Rule], policy: RulePolicy | None) -> dict[str, Any]:
    data = rule.metadata()
    data["enabled"] = policy.enabled if policy is not None else rule.enabled_by_default
    return data


def _searchable_text(rule: type[Rule]) -> str:
    parts = [rule.id, rule.slug, rule.title, rule.rationale, *rule.equivalents.values()]
    return " ".join(parts).lower()
