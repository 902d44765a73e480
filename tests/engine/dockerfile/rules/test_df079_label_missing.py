from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM debian:12\n", 1, 1),
    ('FROM debian:12\nLABEL org.opencontainers.image.version="1.2.3"\n', 1, 1),
    (
        "FROM golang:1.23 AS build\nLABEL org.opencontainers.image.source=https://x.io/a "
        "org.opencontainers.image.version=1.0.0\nFROM debian:12\n",
        3,
        1,
    ),
    ("FROM debian:12 AS a\nFROM debian:12 AS b\n", 2, 1),
    ("ARG X=1\nFROM debian:12\nLABEL other=1\n", 2, 1),
]
NEAR_MISSES = [
    "FROM debian:12\nLABEL org.opencontainers.image.source=https://x.io/a org.opencontainers.image.version=1.0.0\n",
    "FROM debian:12 AS base\nLABEL org.opencontainers.image.source=https://x.io/a\n"
    "FROM base\nLABEL org.opencontainers.image.version=1.0.0\n",
    "FROM debian:12\nLABEL org.opencontainers.image.source=https://x.io/a \\\n"
    "      org.opencontainers.image.version=1.0.0\n",
    "# hadolint ignore=DL3049\nFROM debian:12\n",
    "# dockwright global ignore=label-missing\nFROM debian:12\n",
]

test_triggers, test_near_misses = rule_table(
    "DF079",
    TRIGGERS,
    NEAR_MISSES,
    label_schema={"org.opencontainers.image.source": "url", "org.opencontainers.image.version": "semver"},
)


def test_nothing_is_required_without_a_schema() -> None:
    from tests.engine.rule_table import findings_of

    assert findings_of("DF079", "FROM debian:12\n") == []
