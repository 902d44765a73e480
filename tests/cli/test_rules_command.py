"""`dockwright rules`: the catalogue ends with the peer checks that have no rule of their own, and why."""

from __future__ import annotations

import json

import pytest

from dockwright.cli import main
from dockwright.rules.peer_gaps import PEER_GAPS

GAPS_HEADING = "Peer checks without a rule of their own:"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(argv)
    return code, capsys.readouterr().out


def test_rules_text_ends_with_every_gap_its_reason_and_covering_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(["rules"], capsys)

    assert code == 0
    rules_part, gaps_part = out.split(f"\n{GAPS_HEADING}\n")
    assert rules_part.startswith(("DF", "DC"))
    gap_lines = gaps_part.splitlines()
    assert len(gap_lines) == len(PEER_GAPS)
    retired = next(line for line in gap_lines if " DL3005 " in line)
    assert retired.startswith("hadolint ")
    assert "retired by hadolint" in retired
    assert "covered by" not in retired
    onbuild = next(line for line in gap_lines if " DL3043 " in line)
    assert onbuild.endswith("[covered by DF001]")


def test_rules_gaps_json_lists_peer_id_reason_and_covering_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(["rules", "--gaps", "--format", "json"], capsys)
    gaps = {gap["peer_id"]: gap for gap in json.loads(out)}

    assert code == 0
    assert set(gaps) == set(PEER_GAPS)
    assert gaps["DL3061"]["peer"] == "hadolint"
    assert gaps["DL3061"]["covered_by"] == "DF001"
    assert "syntax error" in gaps["DL3061"]["reason"]
    assert gaps["InvalidBaseImagePlatform"] == {
        "peer": "buildkit",
        "peer_id": "InvalidBaseImagePlatform",
        "reason": gaps["InvalidBaseImagePlatform"]["reason"],
        "covered_by": None,
    }


def test_rules_gaps_text_lists_only_the_gaps(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(["rules", "--gaps"], capsys)

    assert code == 0
    assert GAPS_HEADING not in out
    assert [line.split()[1] for line in out.splitlines()] == sorted(
        PEER_GAPS, key=lambda peer_id: (PEER_GAPS[peer_id].peer, peer_id)
    )


def test_rules_json_stays_a_plain_list_of_rules(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(["rules", "--format", "json"], capsys)
    rules = json.loads(out)

    assert all("slug" in rule and "peer_id" not in rule for rule in rules)
    assert not {rule["id"] for rule in rules} & set(PEER_GAPS)
