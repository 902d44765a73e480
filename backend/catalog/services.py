"""Writes and policy application: the site's rule policy, its version, and how it merges into an analysis's
LintConfig."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from catalog.models import RulePolicy, RulePolicyVersion
from catalog.selectors import rule_policies
from dockwright.config import LintConfig
from dockwright.findings import Severity
from dockwright.rules import load_all, registry


def lint_config_with_policy(config: LintConfig) -> LintConfig:
    """The analysis's config with the site policy applied.

    A rule the site switched off stays off whatever the analysis asks (it is ignored, which also beats
    ``enable``); a rule the site switched on is enabled even if it is off by default. A site severity is the
    default for this site: the analysis's own ``severity`` entry for the rule still wins.
    """
    policies = rule_policies()
    if not policies:
        return config
    disabled = {rule_id for rule_id, p in policies.items() if p.enabled is False}
    enabled = {rule_id for rule_id, p in policies.items() if p.enabled is True}
    site_severity = {rule_id: Severity(p.severity) for rule_id, p in policies.items() if p.severity}
    severity = {**site_severity, **config.severity}
    for rule_id in disabled:
        severity.pop(rule_id, None)
    return config.merged(
        ignore=config.ignore | disabled,
        enable=(config.enable | enabled) - disabled,
        severity=severity,
    )


def rule_policy_save(*, policy: RulePolicy) -> RulePolicy:
    """Validate a policy against the engine's registry, then store it and bump the policy version.

    What equals the rule's own default is stored as "the default" (an "on" for a rule that is on anyway, the
    rule's own severity), so a policy only ever records what it changes."""
    load_all()
    rule = registry.get(policy.rule_id)
    if rule is None:
        raise ValidationError({"rule_id": f"unknown rule {policy.rule_id!r}"})
    policy.rule_id = rule.id
    if policy.enabled is True and rule.enabled_by_default:
        policy.enabled = None
    if policy.severity == rule.severity.value:
        policy.severity = ""
    policy.full_clean()
    with transaction.atomic():
        policy.save()
        rule_policy_version_bump()
    return policy


def rule_policies_reset(*, policies: Iterable[RulePolicy]) -> int:
    """Put rules back to their own defaults (the rows stay: every rule has one) and bump the policy version if
    that changed anything; how many policies changed."""
    ids = [policy.pk for policy in policies]
    with transaction.atomic():
        changed = (
            RulePolicy.objects.filter(pk__in=ids)
            .filter(Q(enabled__isnull=False) | ~Q(severity=""))
            .update(enabled=None, severity="", updated=timezone.now())
        )
        if changed:
            rule_policy_version_bump()
    return changed


def rule_policy_rows_ensure() -> int:
    """A policy row, at the rule's defaults, for every registered rule that has none (a new rule), so the admin
    lists every rule; how many were added. Rows at the defaults change nothing, so the version stays."""
    load_all()
    existing = set(RulePolicy.objects.values_list("rule_id", flat=True))
    missing = [RulePolicy(rule_id=rule.id) for rule in registry if rule.id not in existing]
    if missing:
        RulePolicy.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)


def rule_policy_version_bump() -> int:
    """Count one more policy change; the new version. Call it in the transaction that changes the policy."""
    with transaction.atomic():
        version, _ = RulePolicyVersion.objects.select_for_update().get_or_create(pk=1)
        RulePolicyVersion.objects.filter(pk=1).update(version=F("version") + 1)
        version.refresh_from_db()
    return version.version
