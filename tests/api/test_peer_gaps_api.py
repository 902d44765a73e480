"""GET /api/v1/peer-gaps: the hadolint and BuildKit checks without a Dockwright rule of their own, and why."""

from __future__ import annotations

import pytest

from dockwright.rules import load_all, registry
from dockwright.rules.peer_gaps import PEER_GAPS

pytestmark = pytest.mark.django_db


def test_peer_gaps_lists_every_gap_with_peer_reason_and_covering_rule(api_client):
    response = api_client.get("/api/v1/peer-gaps")

    assert response.status_code == 200
    body = response.json()
    assert [gap["peer_id"] for gap in body] == [
        gap.peer_id for gap in sorted(PEER_GAPS.values(), key=lambda gap: (gap.peer, gap.peer_id))
    ]
    assert all(set(gap) == {"peer", "peer_id", "reason", "covered_by"} for gap in body)
    retired = next(gap for gap in body if gap["peer_id"] == "DL3005")
    assert retired["peer"] == "hadolint"
    assert retired["covered_by"] is None
    assert "retired by hadolint" in retired["reason"]


def test_a_covered_gap_points_at_a_rule_the_rules_api_serves(api_client):
    load_all()
    covered = [gap for gap in api_client.get("/api/v1/peer-gaps").json() if gap["covered_by"]]

    assert {gap["peer_id"]: gap["covered_by"] for gap in covered}["DL3043"] == "DF001"
    for gap in covered:
        assert registry.get(gap["covered_by"]) is not None
        assert api_client.get(f"/api/v1/rules/{gap['covered_by']}").status_code == 200
