from dockwright.rules import load_all, registry
from dockwright.rules.peer_gaps import PEER_GAPS, peer_gaps

HADOLINT_IDS = ["DL1001", *(f"DL{n}" for n in range(3000, 3068)), *(f"DL{n}" for n in range(4000, 4007))]
BUILDKIT_CHECKS = [
    "ConsistentInstructionCasing",
    "CopyIgnoredFile",
    "DuplicateStageName",
    "ExposeInvalidFormat",
    "ExposeProtoCasing",
    "FromAsCasing",
    "FromPlatformFlagConstDisallowed",
    "InvalidBaseImagePlatform",
    "InvalidDefaultArgInFrom",
    "JSONArgsRecommended",
    "LegacyKeyValueFormat",
    "MaintainerDeprecated",
    "MultipleInstructionsDisallowed",
    "NoEmptyContinuation",
    "RedundantTargetPlatform",
    "ReservedStageName",
    "SecretsUsedInArgOrEnv",
    "StageNameCasing",
    "UndefinedArgInFrom",
    "UndefinedVar",
    "WorkdirRelativePath",
]


def _equivalents(peer: str) -> set[str]:
    load_all()
    return {rule.equivalents[peer] for rule in registry if peer in rule.equivalents}


def test_every_hadolint_rule_is_implemented_or_explained() -> None:
    missing = [i for i in HADOLINT_IDS if i not in _equivalents("hadolint") and i not in PEER_GAPS]
    assert missing == []


def test_every_buildkit_check_is_implemented_or_explained() -> None:
    missing = [c for c in BUILDKIT_CHECKS if c not in _equivalents("buildkit") and c not in PEER_GAPS]
    assert missing == []


def test_gaps_are_not_also_implemented_and_point_at_real_rules() -> None:
    implemented = _equivalents("hadolint") | _equivalents("buildkit")
    for gap in PEER_GAPS.values():
        assert gap.peer_id not in implemented
        assert gap.covered_by is None or registry.get(gap.covered_by) is not None


def test_the_table_is_plain_data() -> None:
    rows = peer_gaps()
    assert {"peer", "peer_id", "reason", "covered_by"} == set(rows[0])
    assert len(rows) == len(PEER_GAPS)


def test_a_peer_pragma_for_a_covered_gap_silences_the_covering_rule() -> None:
    from tests.engine.rule_table import findings_of

    snippet = "FROM python:3.13\n{pragma}ENV API_TOKEN=abc123\n"
    assert findings_of("DF024", snippet.format(pragma=""))
    covered = next(g for g in PEER_GAPS.values() if g.covered_by == "DF024")
    assert findings_of("DF024", snippet.format(pragma=f"# hadolint ignore={covered.peer_id}\n")) == []
