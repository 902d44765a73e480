"""The Django admin: analyses read-only and searchable; rule policies chosen from the engine's registry."""

from __future__ import annotations

import pytest

from analyses.models import Analysis
from catalog.models import RulePolicy
from tests.api.api_support import COMPOSE, DOCKERFILE

pytestmark = pytest.mark.django_db


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


def test_rule_policy_admin_stores_a_policy_for_a_registered_rule(admin_client, latest_tag_rule_id):
    response = admin_client.post(
        "/admin/catalog/rulepolicy/add/",
        {"rule_id": latest_tag_rule_id, "enabled": "on", "severity": "error", "note": "we pin everything"},
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    policy = RulePolicy.objects.get()
    assert (policy.rule_id, policy.enabled, policy.severity) == (latest_tag_rule_id, True, "error")


def test_rule_policy_admin_refuses_a_rule_the_engine_does_not_know(admin_client):
    response = admin_client.post("/admin/catalog/rulepolicy/add/", {"rule_id": "XX999", "severity": ""})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not RulePolicy.objects.exists()


def test_rule_policy_admin_lists_policies_with_the_rule_title(admin_client, latest_tag_rule_id):
    RulePolicy.objects.create(rule_id=latest_tag_rule_id, enabled=False)

    response = admin_client.get("/admin/catalog/rulepolicy/")

    assert response.status_code == 200
    assert "latest" in response.content.decode()
