"""GET /api/v1/analyses/{id}/fixed: the content with the analysis's safe fixes applied."""

from __future__ import annotations

import re

import pytest

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
