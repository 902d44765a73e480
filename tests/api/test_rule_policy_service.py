"""catalog.services: validating policies against the registry and merging them into a LintConfig."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from catalog.models import RulePolicy
from catalog.services import lint_config_with_policy, rule_policy_save
from dockwright.config import LintConfig
from dockwright.findings import Severity

pytestmark = pytest.mark.django_db


def test_policy_for_an_unknown_rule_is_refused():
    with pytest.raises(ValidationError, match="unknown rule"):
        rule_policy_save(policy=RulePolicy(rule_id="XX999"))


def test_policy_may_name_a_rule_by_slug_and_is_stored_by_id(latest_tag_rule_id):
    policy = rule_policy_save(policy=RulePolicy(rule_id="latest-tag", enabled=False))

    assert policy.rule_id == latest_tag_rule_id


def test_without_policies_the_config_is_unchanged():
    config = LintConfig.from_dict({"ignore": ["DF001"]})

    assert lint_config_with_policy(config) == config


def test_disabled_rule_is_ignored_and_loses_enable_and_severity(latest_tag_rule_id):
    RulePolicy.objects.create(rule_id=latest_tag_rule_id, enabled=False)
    config = LintConfig.from_dict({"enable": [latest_tag_rule_id], "severity": {latest_tag_rule_id: "error"}})

    merged = lint_config_with_policy(config)

    assert latest_tag_rule_id in merged.ignore
    assert latest_tag_rule_id not in merged.enable
    assert latest_tag_rule_id not in merged.severity


def test_site_severity_is_a_default_the_analysis_config_can_override(latest_tag_rule_id):
    RulePolicy.objects.create(rule_id=latest_tag_rule_id, severity="style")

    assert lint_config_with_policy(LintConfig()).severity == {latest_tag_rule_id: Severity.STYLE}
    own = LintConfig.from_dict({"severity": {latest_tag_rule_id: "info"}})
    assert lint_config_with_policy(own).severity == {latest_tag_rule_id: Severity.INFO}
