"""Writes and policy application: the site's rule policy and how it merges into an analysis's LintConfig."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from catalog.models import RulePolicy
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
    disabled = {rule_id for rule_id, p in policies.items() if not p.enabled}
    enabled = {rule_id for rule_id, p in policies.items() if p.enabled}
    site_severity = {rule_id: Severity(p.severity) for rule_id, p in policies.items() if p.enabled and p.severity}
    severity = {**site_severity, **config.severity}
    for rule_id in disabled:
        severity.pop(rule_id, None)
    return config.merged(
        ignore=config.ignore | disabled,
        enable=(config.enable | enabled) - disabled,
        severity=severity,
    )


def rule_policy_save(*, policy: RulePolicy) -> RulePolicy:
    """Validate a policy against the engine's registry, then store it."""
    load_all()
    rule = registry.get(policy.rule_id)
    if rule is None:
        raise ValidationError({"rule_id": f"unknown rule {policy.rule_id!r}"})
    policy.rule_id = rule.id
    policy.full_clean()
    policy.save()
    return policy
