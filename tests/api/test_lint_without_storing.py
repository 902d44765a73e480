"""POST /api/v1/lint: findings of a file while someone edits it, nothing stored; same input, cache and rate limit as
sharing (POST /api/v1/analyses)."""

from __future__ import annotations

import json

import pytest

import analyses.services
from analyses.models import Analysis
from catalog.models import RulePolicy
from catalog.services import rule_policy_save
from core.ratelimit import AnonymousAnalysisRateThrottle
from tests.api.api_support import COMPOSE, DOCKERFILE, assert_error_shape

pytestmark = pytest.mark.django_db

SHELL_DOCKERFILE = "FROM debian:12\nRUN cd $HOME && tar -xf $archive\n"


@pytest.fixture
def post_lint(api_client):
    def post(body, *, client=None, **extra):
        data = body if isinstance(body, (bytes, str)) else json.dumps(body)
        return (client or api_client).post("/api/v1/lint", data=data, content_type="application/json", **extra)

    return post


@pytest.fixture
def still_clock(monkeypatch):
    monkeypatch.setattr(AnonymousAnalysisRateThrottle, "clock", staticmethod(lambda: 6_000_030.0))


def test_lint_returns_the_findings_without_an_id_and_stores_nothing(post_lint, latest_tag_rule_id):
    response = post_lint({"content": DOCKERFILE, "filename": "Dockerfile"})

    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == {"kind", "findings", "counts", "ruleset_version"}
    assert body["kind"] == "dockerfile"
    assert latest_tag_rule_id in {f["rule"] for f in body["findings"]}
    assert not Analysis.objects.exists()


def test_lint_gives_the_findings_sharing_gives(post_lint, post_analysis):
    linted = post_lint({"content": COMPOSE, "filename": "compose.yaml"}).json()
    shared = post_analysis({"content": COMPOSE, "filename": "compose.yaml"}).json()

    assert linted["findings"] == shared["findings"]
    assert linted["counts"] == shared["counts"]
    assert linted["kind"] == shared["kind"] == "compose"


def test_lint_and_share_run_the_engine_once_for_the_same_file(post_lint, post_analysis, monkeypatch):
    calls = []
    real_lint = analyses.services.lint
    monkeypatch.setattr(analyses.services, "lint", lambda *a, **k: calls.append(a) or real_lint(*a, **k))

    post_lint({"content": DOCKERFILE})
    post_lint({"content": DOCKERFILE})
    post_analysis({"content": DOCKERFILE})

    assert len(calls) == 1


def test_lint_and_share_count_against_one_rate_limit(post_lint, post_analysis, settings, still_clock):
    settings.DOCKWRIGHT_RATE_LIMIT = 2

    statuses = [post_lint({"content": DOCKERFILE}).status_code, post_analysis({"content": DOCKERFILE}).status_code]
    refused = post_lint({"content": DOCKERFILE})

    assert statuses == [200, 201]
    assert_error_shape(refused, 429)


def test_lint_follows_the_site_policy(post_lint, latest_tag_rule_id):
    rule_policy_save(policy=RulePolicy(rule_id=latest_tag_rule_id, severity="error"))

    findings = post_lint({"content": DOCKERFILE}).json()["findings"]

    assert {f["severity"] for f in findings if f["rule"] == latest_tag_rule_id} == {"error"}


def test_lint_refuses_bad_input_as_sharing_does(post_lint, api_client, settings):
    settings.DOCKWRIGHT_MAX_CONTENT_BYTES = 10

    assert_error_shape(post_lint({"content": DOCKERFILE}), 413)
    assert_error_shape(post_lint({"content": "x", "config": {"nope": 1}}), 400)
    assert_error_shape(post_lint({"content": "x", "extra": 1}), 400)
    assert_error_shape(api_client.post("/api/v1/lint", data="content=x", content_type="text/plain"), 415)


def test_a_shellcheck_finding_carries_its_code_and_the_wiki_page(post_lint):
    findings = post_lint({"content": SHELL_DOCKERFILE}).json()["findings"]

    shellcheck = [f for f in findings if f["rule"] == "DF100"]
    assert shellcheck, findings
    assert all(f["code"].startswith("SC") for f in shellcheck)
    assert all(f["help_url"] == f"https://www.shellcheck.net/wiki/{f['code']}" for f in shellcheck)
    others = [f for f in findings if f["rule"] != "DF100"]
    assert all(f["code"] is None and f["help_url"] == f"/rules/{f['rule']}" for f in others)


def test_a_config_may_name_rules_as_dclint_does_and_give_their_options(post_lint):
    compose = "services:\n  web:\n    image: nginx:1.29.3\n    ports:\n      - '127.0.0.1:8080:80'\n"
    plain = post_lint({"content": compose, "config": {"enable": ["require-quotes-in-ports"]}}).json()
    double = post_lint(
        {
            "content": compose,
            "config": {
                "enable": ["require-quotes-in-ports"],
                "rule_options": {"require-quotes-in-ports": {"quote": "double"}},
            },
        }
    ).json()

    assert "DC016" not in {f["rule"] for f in plain["findings"]}
    assert [f["message"] for f in double["findings"] if f["rule"] == "DC016"] == [
        "port '127.0.0.1:8080:80' in `ports` of service 'web' is not in double quotes"
    ]


def test_a_bad_rule_option_is_a_400_naming_the_field(post_lint):
    response = post_lint({"content": COMPOSE, "config": {"rule_options": {"DC016": {"quote": "back"}}}})

    assert response.status_code == 400
    assert "rule_options.DC016.quote must be one of" in json.dumps(response.json())
