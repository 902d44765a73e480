"""The Django admin: analyses read-only, searchable, with findings as a table and deletion leaving a tombstone;
the rule policy listing every rule with its defaults, filters and what an override changes."""

from __future__ import annotations

import pytest

from analyses.models import Analysis, AnalysisTombstone
from catalog.models import RulePolicy
from catalog.selectors import rule_policy_version
from catalog.services import rule_policy_save
from dockwright.rules import load_all, registry
from tests.api.api_support import COMPOSE, DOCKERFILE

pytestmark = pytest.mark.django_db


@pytest.fixture
def all_rules():
    load_all()
    return list(registry)


def test_analysis_admin_finds_an_analysis_by_sha256(admin_client, post_analysis):
    created = post_analysis({"content": DOCKERFILE, "filename": "Dockerfile.web"}).json()
    other = post_analysis({"content": DOCKERFILE + "# other\n"}).json()
    sha256 = Analysis.objects.get(pk=created["id"]).sha256

    response = admin_client.get("/admin/analyses/analysis/", {"q": sha256})

    assert response.status_code == 200
    assert created["id"] in response.content.decode()
    assert other["id"] not in response.content.decode()


def test_analysis_admin_filters_by_kind(admin_client, post_analysis):
    dockerfile = post_analysis({"content": DOCKERFILE}).json()
    compose = post_analysis({"content": COMPOSE, "kind": "compose"}).json()

    response = admin_client.get("/admin/analyses/analysis/", {"kind__exact": "compose"})

    assert response.status_code == 200
    assert compose["id"] in response.content.decode()
    assert dockerfile["id"] not in response.content.decode()


def test_analyses_cannot_be_added_or_edited_in_the_admin(admin_client, post_analysis):
    created = post_analysis({"content": DOCKERFILE}).json()

    add = admin_client.get("/admin/analyses/analysis/add/")
    change = admin_client.post(f"/admin/analyses/analysis/{created['id']}/change/", {"filename": "x"})

    assert add.status_code == 403
    assert change.status_code == 403


def test_analysis_admin_shows_findings_as_a_table_with_code_not_backticks(admin_client, post_analysis):
    created = post_analysis({"content": DOCKERFILE}).json()

    page = admin_client.get(f"/admin/analyses/analysis/{created['id']}/change/").content.decode()

    assert "<table><thead><tr><th>line:col</th>" in page
    assert "<td>1:1</td>" in page
    assert "<code>latest</code>" in page
    assert "`latest`" not in page
    assert '"rule_title"' not in page and "&quot;rule_title&quot;" not in page


def test_analysis_deleted_in_the_admin_leaves_a_tombstone(admin_client, post_analysis, api_client):
    created = post_analysis({"content": DOCKERFILE}).json()

    response = admin_client.post(f"/admin/analyses/analysis/{created['id']}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not Analysis.objects.exists()
    assert AnalysisTombstone.objects.get().pk == created["id"]
    assert api_client.get(f"/api/v1/analyses/{created['id']}").status_code == 410


def test_rule_policy_admin_lists_every_rule_with_its_defaults(admin_client, all_rules):
    response = admin_client.get("/admin/catalog/rulepolicy/")

    page = response.content.decode()
    assert response.status_code == 200
    assert RulePolicy.objects.count() == len(all_rules)
    assert all(f">{rule.id}<" in page for rule in all_rules)
    assert "warning, on" in page and "style, off" in page
    assert "<code>latest</code>" in page and "`latest`" not in page


def test_rule_policy_admin_filters_by_target_severity_and_override(admin_client, all_rules, latest_tag_rule_id):
    admin_client.get("/admin/catalog/rulepolicy/")
    policy = RulePolicy.objects.get(rule_id=latest_tag_rule_id)
    policy.severity = "error"
    rule_policy_save(policy=policy)

    def listed(**query):
        page = admin_client.get("/admin/catalog/rulepolicy/", query).content.decode()
        return {rule.id for rule in all_rules if f">{rule.id}<" in page}

    assert listed(target="compose") == {rule.id for rule in all_rules if rule.target == "compose"}
    assert listed(overridden="yes") == {latest_tag_rule_id}
    errors = listed(severity="error")
    assert latest_tag_rule_id in errors
    assert errors == {rule.id for rule in all_rules if rule.severity.value == "error"} | {latest_tag_rule_id}
    assert latest_tag_rule_id not in listed(severity="warning")
    assert listed(on="no") == {rule.id for rule in all_rules if not rule.enabled_by_default}


def test_rule_policy_admin_says_what_an_override_changes(admin_client, latest_tag_rule_id):
    admin_client.get("/admin/catalog/rulepolicy/")
    policy = RulePolicy.objects.get(rule_id=latest_tag_rule_id)

    response = admin_client.post(
        f"/admin/catalog/rulepolicy/{policy.pk}/change/",
        {"enabled": "false", "severity": "error", "note": "we pin everything"},
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    policy.refresh_from_db()
    assert (policy.enabled, policy.severity, policy.note) == (False, "error", "we pin everything")
    page = admin_client.get("/admin/catalog/rulepolicy/", {"overridden": "yes"}).content.decode()
    assert "on → off; warning → error" in page


def test_rule_policy_admin_stores_a_choice_equal_to_the_default_as_the_default(admin_client, latest_tag_rule_id):
    admin_client.get("/admin/catalog/rulepolicy/")
    policy = RulePolicy.objects.get(rule_id=latest_tag_rule_id)

    admin_client.post(f"/admin/catalog/rulepolicy/{policy.pk}/change/", {"enabled": "true", "severity": "warning"})

    policy.refresh_from_db()
    assert (policy.enabled, policy.severity) == (None, "")


def test_rule_policy_admin_resets_rules_to_their_defaults(admin_client, latest_tag_rule_id):
    admin_client.get("/admin/catalog/rulepolicy/")
    policy = RulePolicy.objects.get(rule_id=latest_tag_rule_id)
    policy.enabled = False
    rule_policy_save(policy=policy)
    version = rule_policy_version()

    admin_client.post("/admin/catalog/rulepolicy/", {"action": "reset_to_defaults", "_selected_action": [policy.pk]})

    policy.refresh_from_db()
    assert (policy.enabled, policy.severity) == (None, "")
    assert rule_policy_version() == version + 1


def test_rule_policies_cannot_be_added_or_deleted_in_the_admin(admin_client):
    admin_client.get("/admin/catalog/rulepolicy/")
    policy = RulePolicy.objects.first()

    assert admin_client.get("/admin/catalog/rulepolicy/add/").status_code == 403
    assert admin_client.post(f"/admin/catalog/rulepolicy/{policy.pk}/delete/", {"post": "yes"}).status_code == 403
