"""Hostile files through the HTTP API: each is analysed within the engine's budget and answered with 201, its
findings and a note on what went over a limit; never a 500, never an answer of megabytes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.hostile.cases import CASES, Case

pytestmark = pytest.mark.django_db
MAX_ANSWER_BYTES = 2 * 1024 * 1024


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_a_hostile_file_is_analysed_within_the_budget(case: Case, post_analysis: Callable[..., Any]) -> None:
    response = post_analysis({"content": case.content, "kind": case.kind})
    assert response.status_code == 201, response.content[:500]
    assert len(response.content) < MAX_ANSWER_BYTES
    rule, words = case.expect
    findings = response.json()["findings"]
    assert any(f["rule"] == rule and words in f["message"] for f in findings)


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.name in ("exponential-args", "many-findings")], ids=lambda c: c.name
)
def test_the_fixed_content_of_a_hostile_analysis_is_bounded_too(
    case: Case, post_analysis: Callable[..., Any], api_client: Any
) -> None:
    created = post_analysis({"content": case.content})
    assert created.status_code == 201
    response = api_client.get(f"/api/v1/analyses/{created.json()['id']}/fixed")
    assert response.status_code == 200
    assert len(response.content) < MAX_ANSWER_BYTES
