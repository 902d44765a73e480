"""GET /api/v1/rules and /api/v1/rules/{id}: the engine's rule metadata with the site policy applied."""

from __future__ import annotations

import pytest

from catalog.models import RulePolicy
from catalog.services import rule_policy_save
from dockwright.rules import load_all, registry
from tests.api.api_support import assert_error_shape

pytestmark = pytest.mark.django_db

RULE_FIELDS = {
    "id", "slug", "target", "severity", "default_severity", "title", "rationale", "bad", "good", "fix_title",
    "equivalents", "enabled_by_default", "notes", "enabled", "profile", "options",
}  # fmt: skip


@pytest.fixture
def all_rules():
    load_all()
    return list(registry)


def test_rule_list_returns_every_registered_rule_with_its_metadata(api_client, all_rules):
    body = api_client.get("/api/v1/rules").json()

    assert [r["id"] for r in body] == [r.id for r in all_rules]
    assert all(set(r) == RULE_FIELDS for r in body)
    assert all(r["enabled"] == r["enabled_by_default"] for r in body)
    assert all(r["severity"] == r["default_severity"] for r in body)


def test_a_rule_says_its_profile_and_the_options_a_config_may_give_it(api_client):
    body = api_client.get("/api/v1/rules/DC016").json()

    assert body["profile"] == "style"
    assert body["options"] == [
        {"name": "quote", "description": body["options"][0]["description"], "default": "any", "dclint": "quoteType"}
    ]
    assert api_client.get("/api/v1/rules/DC006").json()["profile"] == "default"


def test_rule_list_filters_by_target(api_client, all_rules):
    body = api_client.get("/api/v1/rules", {"target": "dockerfile"}).json()

    assert [r["id"] for r in body] == [r.id for r in all_rules if r.target == "dockerfile"]


def test_rule_list_filters_by_severity(api_client, all_rules):
    body = api_client.get("/api/v1/rules", {"severity": "warning"}).json()

    assert [r["id"] for r in body] == [r.id for r in all_rules if r.severity.value == "warning"]


def test_rule_list_searches_text(api_client, latest_tag_rule_id):
    body = api_client.get("/api/v1/rules", {"q": "LATEST-TAG"}).json()

    assert latest_tag_rule_id in [r["id"] for r in body]
    assert all("latest" in (r["slug"] + r["title"] + r["rationale"] + r["id"]).lower() for r in body)


def test_rule_list_with_an_unknown_target_is_rejected_with_400(api_client):
    body = assert_error_shape(api_client.get("/api/v1/rules", {"target": "makefile"}), 400)

    assert "target" in body["details"]


def test_rule_list_shows_a_rule_disabled_by_the_site_policy_as_disabled(api_client, latest_tag_rule_id):
    rule_policy_save(policy=RulePolicy(rule_id=latest_tag_rule_id, enabled=False))

    body = api_client.get("/api/v1/rules").json()

    assert {r["id"]: r["enabled"] for r in body}[latest_tag_rule_id] is False


def test_rule_is_returned_by_id_in_any_case_and_by_slug(api_client, latest_tag_rule_id):
    by_id = api_client.get(f"/api/v1/rules/{latest_tag_rule_id.lower()}")
    by_slug = api_client.get("/api/v1/rules/latest-tag")

    assert by_id.status_code == 200
    assert by_id.json()["id"] == latest_tag_rule_id
    assert by_slug.json() == by_id.json()


def test_unknown_rule_is_a_json_404(api_client):
    assert_error_shape(api_client.get("/api/v1/rules/XX999"), 404)


def test_a_rule_page_shows_the_table_of_facts_the_rule_judges_by(api_client):
    eol = api_client.get("/api/v1/rules/DF004").json()["knowledge"]
    tools = api_client.get("/api/v1/rules/DF007").json()["knowledge"]

    assert eol["columns"] == ["product", "release", "end of life"]
    assert ["python", "3.8", "2024-10-07"] in eol["rows"]
    assert len(eol["sources"]) == len(eol["rows"]) and all(s.startswith("https://") for s in eol["sources"])
    slim = next(row for row in tools["rows"] if row[:2] == ["python", "slim"])
    assert "curl" in slim[3] and "curl" not in slim[2]  # not on PATH, so DF007 reports `curl` in a health check


def test_rules_without_a_table_of_facts_say_so_and_the_list_leaves_tables_out(api_client):
    assert api_client.get("/api/v1/rules/DF001").json()["knowledge"] is None
    assert all("knowledge" not in rule for rule in api_client.get("/api/v1/rules").json())
