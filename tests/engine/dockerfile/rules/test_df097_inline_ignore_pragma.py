from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM debian:12\n# dockwright ignore=DF050\nRUN ps\n", 2, 1),
    ("FROM debian:12\n# hadolint ignore=DL3008\nRUN true\n", 2, 1),
    ("# hadolint global ignore=DL3007\nFROM debian:12\n", 1, 1),
    ("FROM debian:12\n  # Dockwright ignore=DF052\nRUN true\n", 2, 3),
    ("FROM debian:12\nRUN true\n# hadolint ignore=DL3059\nRUN false\n", 3, 1),
    ("# hadolint stage ignore=DL3011\nFROM debian:12\nEXPOSE 80000\n", 1, 1),
]
NEAR_MISSES = [
    "FROM debian:12\n# a normal comment\nRUN true\n",
    # other pragmas (hadolint's DL1001 spec)
    "# hadolint shell=powershell\nFROM debian:12\nRUN foo bar\n",
    "FROM debian:12\n# check=skip=all\n",
    "FROM debian:12\nRUN echo '# hadolint ignore=DL3008'\n",
    "FROM debian:12\n# ignore everything below\nRUN true\n",
    "FROM debian:12\n",
]

test_triggers, test_near_misses = rule_table("DF097", TRIGGERS, NEAR_MISSES)
