from tests.engine.rule_table import findings_of, rule_table

TRIGGERS = [
    ("FROM debian:12\nHEALTHCHECK CMD true\nHEALTHCHECK NONE\n", 2, 1),
    ("FROM debian:12\nhealthcheck CMD true\nRUN x\nHEALTHCHECK NONE\n", 2, 1),
    ("FROM debian:12 AS a\nHEALTHCHECK CMD true\nHEALTHCHECK NONE\nFROM a\n", 2, 1),
    ('FROM debian:12\n  HEALTHCHECK CMD true\nCMD ["e"]\nHEALTHCHECK NONE\n', 2, 3),
    ("FROM debian:12 AS a\nRUN true\nFROM debian:12\nHEALTHCHECK CMD true\nHEALTHCHECK NONE\n", 4, 1),
]
NEAR_MISSES = [
    "FROM debian:12\nHEALTHCHECK CMD true\n",
    "FROM debian:12 AS a\nHEALTHCHECK CMD true\nFROM a\nHEALTHCHECK NONE\n",
    'FROM debian:12\nHEALTHCHECK CMD true\nCMD ["y"]\n',
    "FROM debian:12\nONBUILD HEALTHCHECK CMD true\nHEALTHCHECK NONE\n",
    "FROM debian:12\n# hadolint ignore=DL3012\nHEALTHCHECK CMD true\nHEALTHCHECK NONE\n",
    "# check=skip=MultipleInstructionsDisallowed\nFROM debian:12\nHEALTHCHECK CMD true\nHEALTHCHECK NONE\n",
]

test_triggers, test_near_misses = rule_table("DF028", TRIGGERS, NEAR_MISSES)


def test_every_overridden_healthcheck_is_reported() -> None:
    snippet = "FROM debian:12\nHEALTHCHECK CMD true\nHEALTHCHECK CMD true\nHEALTHCHECK NONE\n"
    assert findings_of("DF028", snippet) == [(2, 1), (3, 1)]
