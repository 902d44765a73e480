"""A project's policy: validated by the engine, edited by maintainers, layered on the site policy (a rule the site
switched off stays off) and under a file's own config."""

from __future__ import annotations

from typing import Any

import pytest

from catalog.models import RulePolicy
from catalog.services import rule_policy_save
from dockwright.findings import Severity
from dockwright.rules import load_all, registry
from projects.models import Project
from projects.policy import project_lint_config

pytestmark = pytest.mark.django_db


def _rule(name: str) -> str:
    """Our id for a rule named by our id, its slug or a peer's id."""
    load_all()
    ids = registry.resolve_id(name)
    assert len(ids) == 1, (name, ids)
    return str(ids[0])


def test_a_maintainer_sets_the_policy_with_peer_names_and_profiles(client_as: Any, private_project: Project) -> None:
    config = {
        "ignore": ["DL3008"],
        "severity": {"latest-tag": "error"},
        "enable": ["style"],
        "trusted_registries": ["registry.example.com"],
        "label_schema": {"org.opencontainers.image.source": "url"},
    }

    response = client_as("maintainer").put("/api/v1/projects/payments/policy", {"config": config}, format="json")

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["config"] == config
    assert body["updated_by"] == "maintainer"
    effective = body["effective"]
    assert _rule("DL3008") in effective["ignore"]
    assert effective["severity"][_rule("latest-tag")] == "error"
    style_rules = {rule.id for rule in registry if rule.profile == "style"}
    assert style_rules and style_rules <= set(effective["enable"])
    assert effective["trusted_registries"] == ["registry.example.com"]
    assert client_as("viewer").get("/api/v1/projects/payments/policy").json() == body


@pytest.mark.parametrize(
    "config",
    [
        {"today": "2026-01-01"},  # not a project's to decide
        {"severity": {"latest-tag": "fatal"}},
        {"label_schema": {"x": "colour"}},
        {"ignore": "DL3008"},
    ],
)
def test_a_policy_the_engine_refuses_is_a_400_and_changes_nothing(client_as, private_project, config) -> None:
    response = client_as("owner").put("/api/v1/projects/payments/policy", {"config": config}, format="json")

    assert response.status_code == 400, response.content
    assert client_as("owner").get("/api/v1/projects/payments/policy").json()["config"] == {}


def test_the_site_policy_wins_over_the_project_and_the_file_over_both(client_as, private_project) -> None:
    latest, root_user = _rule("latest-tag"), _rule("DL3002")
    rule_policy_save(policy=RulePolicy(rule_id=root_user, enabled=False))
    client_as("owner").put(
        "/api/v1/projects/payments/policy",
        {"config": {"enable": [root_user], "severity": {latest: "error"}, "ignore": ["DL3008"]}},
        format="json",
    )

    project_only = project_lint_config(project=private_project)
    with_file = project_lint_config(
        project=private_project, config={"severity": {latest: "info"}, "ignore": ["DL3009"]}
    )

    assert root_user in project_only.ignore and root_user not in project_only.enable
    assert project_only.severity[latest] is Severity.ERROR
    assert with_file.severity[latest] is Severity.INFO
    assert {_rule("DL3008"), _rule("DL3009")} <= with_file.ignore


def test_the_policy_is_edited_in_the_admin_and_validated_there(admin_client: Any, private_project: Project) -> None:
    page = f"/admin/projects/project/{private_project.pk}/change/"
    form = {
        "name": "Payments", "slug": "payments", "visibility": "private", "default_branch": "main",
        "policy-TOTAL_FORMS": "1", "policy-INITIAL_FORMS": "0", "policy-MIN_NUM_FORMS": "0",
        "policy-MAX_NUM_FORMS": "1", "policy-0-config": '{"today": "2026-01-01"}',
        "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0", "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
    }  # fmt: skip

    refused = admin_client.post(page, form)
    saved = admin_client.post(page, {**form, "policy-0-config": '{"ignore": ["DL3008"]}'})

    assert refused.status_code == 200 and "not a project policy setting" in refused.content.decode()
    assert saved.status_code == 302
    private_project.refresh_from_db()
    assert private_project.policy.config == {"ignore": ["DL3008"]}
