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


def test_shellcheck_failing_mid_analysis_is_a_note_in_a_stored_analysis_not_a_500(
    post_analysis: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slow machine can make ShellCheck overrun its deadline; the analysis is stored with the other findings."""
    from dockwright.shellcheck import runner

    def overrun(*args: object, **kwargs: object) -> None:
        raise runner.ShellCheckError("ShellCheck took longer than 2.1 s and was stopped")

    monkeypatch.setattr(runner, "check", overrun)
    response = post_analysis({"content": "FROM debian:12\nRUN echo $HOME\n", "kind": "dockerfile"})

    assert response.status_code == 201, response.content[:500]
    notes = [f["message"] for f in response.json()["findings"] if f["rule"] == "DF100"]
    assert notes == ["shell scripts were not checked: ShellCheck took longer than 2.1 s and was stopped"]
