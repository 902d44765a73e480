"""GET /api/v1/analyses/{id}/fixed: the content with the analysis's safe fixes applied."""

from __future__ import annotations

import re

import pytest

from catalog.models import RulePolicy
from catalog.services import rule_policy_save
from tests.api.api_support import assert_error_shape

pytestmark = pytest.mark.django_db

COMPOSE = """\
version: "3.8"
services:
  # the database
  db:
    image: postgres:17.2
    ports:
      - 5432:5432
"""


def test_fixed_content_applies_safe_fixes_and_keeps_comments(post_analysis, api_client):
    # DC016 (quote ports) is in the style profile, off unless enabled; its fix and DC014's (bind to 127.0.0.1)
    # touch the same item and both apply.
    created = post_analysis({"content": COMPOSE, "filename": "compose.yaml", "config": {"enable": ["DC016"]}}).json()

    response = api_client.get(f"/api/v1/analyses/{created['id']}/fixed")

    body = response.json()
    assert response.status_code == 200
    assert body["fixes_applied"] >= 2
    assert "version:" not in body["content"]
    # Quoted in the file's own style; this one has no quoted scalar left once `version` is gone.
    assert re.search(r"- (['\"])127\.0\.0\.1:5432:5432\1\n", body["content"]), body["content"]
    assert "# the database" in body["content"]


def test_fixed_content_of_a_file_without_fixes_is_unchanged(post_analysis, api_client):
    content = 'FROM python:3.13-slim\nUSER 10001\nCMD ["python"]\n'
    created = post_analysis({"content": content}).json()

    body = api_client.get(f"/api/v1/analyses/{created['id']}/fixed").json()

    assert body == {"content": content, "fixes_applied": 0}


def test_fixed_content_of_an_unknown_analysis_is_a_json_404(api_client):
    assert_error_shape(api_client.get("/api/v1/analyses/AAAAAAAAAAAAAAAAAAAAAA/fixed"), 404)


# The site policy governs /fixed as it governs the findings: what the site switches off is not fixed, what it
# switches on is, and a change made after an answer was cached shows in the next answer.
ORDERED = 'services:\n  web:\n    ports:\n      - "127.0.0.1:8080:80"\n    image: nginx:1.27\n'


def _site_policy(rule_id: str, **changes: object) -> None:
    policy, _ = RulePolicy.objects.get_or_create(rule_id=rule_id)
    for name, value in changes.items():
        setattr(policy, name, value)
    rule_policy_save(policy=policy)


def test_a_rule_the_site_switches_off_after_a_fixed_answer_is_not_fixed_next_time(post_analysis, api_client):
    created = post_analysis({"content": COMPOSE, "filename": "compose.yaml"}).json()
    before = api_client.get(f"/api/v1/analyses/{created['id']}/fixed").json()
    assert "version:" not in before["content"]

    _site_policy("DC011", enabled=False)
    after = api_client.get(f"/api/v1/analyses/{created['id']}/fixed").json()

    assert after["content"].startswith('version: "3.8"\n')
    assert after["fixes_applied"] == before["fixes_applied"] - 1


def test_a_style_rule_the_site_switches_on_is_fixed(post_analysis, api_client):
    created = post_analysis({"content": ORDERED, "filename": "compose.yaml"}).json()
    assert api_client.get(f"/api/v1/analyses/{created['id']}/fixed").json()["fixes_applied"] == 0

    _site_policy("DC020", enabled=True)
    body = api_client.get(f"/api/v1/analyses/{created['id']}/fixed").json()

    assert body["fixes_applied"] == 1
    assert body["content"].index("image:") < body["content"].index("ports:")
