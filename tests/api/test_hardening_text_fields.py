"""Text no database or terminal can hold (NUL, lone surrogates), sent as JSON escapes in the raw body, is a
400 naming the field, in every text field of every endpoint; never a 500 (Postgres refuses NUL in text and
jsonb, and a lone surrogate cannot be encoded as UTF-8)."""

from __future__ import annotations

import pytest

from tests.api.api_support import DOCKERFILE, assert_error_shape

pytestmark = pytest.mark.django_db

NUL = "\\u0000"
SURROGATE = "\\ud800"
DOCKERFILE_JSON = '"FROM python:3.13-slim\\nUSER 10001\\n"'


def body(**fields: str) -> str:
    """A raw JSON object whose values are given as JSON text, so escapes reach the server as sent."""
    members = {"content": DOCKERFILE_JSON, **fields}
    return "{" + ", ".join(f'"{key}": {value}' for key, value in members.items()) + "}"


@pytest.mark.parametrize("bad", [NUL, SURROGATE], ids=["nul", "lone-surrogate"])
@pytest.mark.parametrize(
    ("config", "field"),
    [
        ('{{"ignore": ["{bad}"]}}', "ignore[0]"),
        ('{{"ignore": ["DF007", "DF{bad}"]}}', "ignore[1]"),
        ('{{"enable": ["{bad}"]}}', "enable[0]"),
        ('{{"trusted_registries": ["docker.io{bad}"]}}', "trusted_registries[0]"),
        ('{{"label_schema": {{"org.opencontainers{bad}": "text"}}}}', "label_schema"),
        ('{{"label_schema": {{"version": "semver{bad}"}}}}', "label_schema"),
        ('{{"severity": {{"DF007{bad}": "error"}}}}', "severity"),
        ('{{"failure_threshold": "error{bad}"}}', "failure_threshold"),
        ('{{"today": "2026-01-01{bad}"}}', "today"),
        ('{{"unknown{bad}": 1}}', "config"),
    ],
)
def test_config_text_with_nul_or_a_lone_surrogate_is_a_400_naming_the_field(post_analysis, config, field, bad):
    response = post_analysis(body(config=config.format(bad=bad)))

    error = assert_error_shape(response, 400)
    assert error["message"].startswith("config:"), error
    assert field in error["message"], error


@pytest.mark.parametrize("bad", [NUL, SURROGATE], ids=["nul", "lone-surrogate"])
@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"content": '"FROM python:3.13{bad}\\n"'}, "content"),
        ({"filename": '"Dockerfile{bad}"'}, "filename"),
        ({"kind": '"dockerfile{bad}"'}, "kind"),
    ],
)
def test_analysis_text_fields_with_nul_or_a_lone_surrogate_are_a_400_naming_the_field(
    post_analysis, fields, field, bad
):
    response = post_analysis(body(**{key: value.format(bad=bad) for key, value in fields.items()}))

    error = assert_error_shape(response, 400)
    assert error["message"].startswith(f"{field}:"), error


@pytest.mark.parametrize("bad", [NUL, SURROGATE], ids=["nul", "lone-surrogate"])
def test_an_unknown_field_whose_name_holds_nul_or_a_lone_surrogate_is_a_400(post_analysis, bad):
    response = post_analysis(body(**{f"extra{bad}": "1"}))

    error = assert_error_shape(response, 400)
    assert "unknown field" in error["message"]


@pytest.mark.parametrize("bad", [NUL, SURROGATE], ids=["nul", "lone-surrogate"])
@pytest.mark.parametrize("field", ["username", "password"])
def test_sign_in_fields_with_nul_or_a_lone_surrogate_are_a_400(api_client, user, field, bad):
    values = {"username": '"ada"', "password": '"a-long-password-for-tests"'}
    values[field] = f'"ada{bad}"'
    raw = "{" + ", ".join(f'"{key}": {value}' for key, value in values.items()) + "}"

    response = api_client.post("/api/v1/auth/session", data=raw, content_type="application/json")

    error = assert_error_shape(response, 400)
    assert error["message"].startswith(f"{field}:"), error


@pytest.mark.parametrize("suffix", ["", "/fixed"])
@pytest.mark.parametrize("analysis_id", ["%00", "abc%00def", "%ED%A0%80", "a" * 300])
def test_an_analysis_id_that_cannot_be_an_id_is_a_404_not_a_500(postgres_url, api_client, analysis_id, suffix):
    assert_error_shape(api_client.get(f"/api/v1/analyses/{analysis_id}{suffix}"), 404)


@pytest.mark.parametrize("query", ["q=%00", "q=%ED%A0%80", "target=%00", "severity=%00"])
def test_rule_filters_with_nul_or_a_lone_surrogate_are_not_a_500(api_client, query):
    response = api_client.get(f"/api/v1/rules?{query}")

    assert response.status_code in {200, 400}, response.content


def test_a_rule_id_with_nul_is_a_404(api_client):
    assert_error_shape(api_client.get("/api/v1/rules/DF%00007"), 404)


@pytest.mark.parametrize(
    "path", ["/admin/analyses/analysis/", "/admin/catalog/rulepolicy/", "/admin/axes/accessattempt/"]
)
def test_admin_search_for_nul_is_not_a_500(postgres_url, client, django_user_model, path):
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.com", "a-long-password-1"))

    response = client.get(path, {"q": "\x00"})

    assert response.status_code < 500, response.content[:500]


def test_a_valid_analysis_still_passes(post_analysis):
    assert post_analysis({"content": DOCKERFILE}).status_code == 201
