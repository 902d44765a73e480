"""POST /api/v1/analyses: the happy paths, the cache and the site policy."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

import analyses.services
from analyses.models import Analysis
from catalog.models import RulePolicy
from tests.api.api_support import COMPOSE, DOCKERFILE

pytestmark = pytest.mark.django_db


def test_analysis_of_a_dockerfile_is_stored_and_returned_with_201(post_analysis, latest_tag_rule_id):
    response = post_analysis({"content": DOCKERFILE, "filename": "Dockerfile"})

    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == {
        "id", "kind", "filename", "content", "files", "findings", "counts", "ruleset_version", "created", "expires_at",
        "can_delete", "url",
    }  # fmt: skip
    assert body["kind"] == "dockerfile"
    assert body["filename"] == "Dockerfile"
    assert body["content"] == DOCKERFILE
    assert body["url"] == f"/a/{body['id']}"
    assert dt.datetime.fromisoformat(body["created"])
    latest = [f for f in body["findings"] if f["rule"] == latest_tag_rule_id]
    assert len(latest) == 1
    assert latest[0]["line"] == 1 and latest[0]["severity"] == "warning"
    assert latest[0]["rule_title"]
    assert latest[0]["code"] is None
    assert latest[0]["help_url"] == f"/rules/{latest_tag_rule_id}"
    assert body["counts"] == {
        severity: sum(1 for f in body["findings"] if f["severity"] == severity)
        for severity in ("error", "warning", "info", "style")
    }

    stored = Analysis.objects.get(pk=body["id"])
    assert stored.sha256 == hashlib.sha256(DOCKERFILE.encode()).hexdigest()
    assert stored.owner is None
    # Stored in English with the templates that render them in a reader's language (see test_languages).
    assert [{k: v for k, v in f.items() if k != "i18n"} for f in stored.findings] == [
        {k: v for k, v in f.items() if k not in ("code", "help_url")} for f in body["findings"]
    ]
    assert all("message" in f["i18n"] for f in stored.findings)


def test_analysis_ids_are_unguessable_22_character_tokens(post_analysis):
    ids = {post_analysis({"content": DOCKERFILE}).json()["id"] for _ in range(3)}

    assert len(ids) == 3
    assert all(len(i) == 22 and i.replace("-", "").replace("_", "").isalnum() for i in ids)


def test_analysis_of_a_compose_file_detects_its_kind_from_the_filename(post_analysis):
    response = post_analysis({"content": COMPOSE, "filename": "compose.yaml"})

    assert response.status_code == 201, response.content
    assert response.json()["kind"] == "compose"


def test_analysis_keeps_whitespace_of_the_content(post_analysis):
    content = "\n\n" + DOCKERFILE + "   \n"

    body = post_analysis({"content": content}).json()

    assert body["content"] == content


def test_analysis_by_a_signed_in_user_belongs_to_that_user(post_analysis, signed_in_client, user):
    response = post_analysis({"content": DOCKERFILE}, client=signed_in_client)

    assert response.status_code == 201
    assert Analysis.objects.get(pk=response.json()["id"]).owner == user


def test_analysis_config_is_applied_and_stored(post_analysis, latest_tag_rule_id):
    config = {"ignore": [latest_tag_rule_id]}

    body = post_analysis({"content": DOCKERFILE, "config": config}).json()

    assert latest_tag_rule_id not in {f["rule"] for f in body["findings"]}
    assert Analysis.objects.get(pk=body["id"]).config == config


def test_same_content_and_config_is_linted_once_then_served_from_the_cache(post_analysis, monkeypatch):
    calls = []
    real_lint = analyses.services.lint

    def counting_lint(*args, **kwargs):
        calls.append(args[0])
        return real_lint(*args, **kwargs)

    monkeypatch.setattr(analyses.services, "lint", counting_lint)

    first = post_analysis({"content": DOCKERFILE}).json()
    second = post_analysis({"content": DOCKERFILE}).json()

    assert len(calls) == 1
    assert second["findings"] == first["findings"]
    assert second["id"] != first["id"]

    post_analysis({"content": DOCKERFILE, "config": {"shellcheck": False}})
    assert len(calls) == 2, "another config must not reuse the cached result"


def test_site_policy_that_disables_a_rule_removes_its_findings(post_analysis, latest_tag_rule_id):
    before = post_analysis({"content": DOCKERFILE}).json()
    assert latest_tag_rule_id in {f["rule"] for f in before["findings"]}

    RulePolicy.objects.create(rule_id=latest_tag_rule_id, enabled=False)
    after = post_analysis({"content": DOCKERFILE}).json()

    assert latest_tag_rule_id not in {f["rule"] for f in after["findings"]}


def test_site_policy_disabling_a_rule_beats_the_analysis_enabling_it(post_analysis, latest_tag_rule_id):
    RulePolicy.objects.create(rule_id=latest_tag_rule_id, enabled=False)

    body = post_analysis({"content": DOCKERFILE, "config": {"enable": [latest_tag_rule_id]}}).json()

    assert latest_tag_rule_id not in {f["rule"] for f in body["findings"]}


def test_site_policy_severity_override_changes_the_reported_severity(post_analysis, latest_tag_rule_id):
    RulePolicy.objects.create(rule_id=latest_tag_rule_id, severity="error")

    body = post_analysis({"content": DOCKERFILE}).json()

    [finding] = [f for f in body["findings"] if f["rule"] == latest_tag_rule_id]
    assert finding["severity"] == "error"
    assert body["counts"]["error"] >= 1


def test_analysis_severity_config_wins_over_the_site_severity(post_analysis, latest_tag_rule_id):
    RulePolicy.objects.create(rule_id=latest_tag_rule_id, severity="error")

    body = post_analysis({"content": DOCKERFILE, "config": {"severity": {latest_tag_rule_id: "info"}}}).json()

    [finding] = [f for f in body["findings"] if f["rule"] == latest_tag_rule_id]
    assert finding["severity"] == "info"
