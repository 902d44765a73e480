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
    # Every stage that is a result (nothing builds on it or copies from it) is checked: hadolint's DL3049 spec.
    (
        "FROM debian:12 AS first\nFROM debian:12\nLABEL org.opencontainers.image.source=https://x.io/a "
        "org.opencontainers.image.version=1.0.0\n",
        1,
        1,
    ),
]
NEAR_MISSES = [
    "FROM debian:12\nLABEL org.opencontainers.image.source=https://x.io/a org.opencontainers.image.version=1.0.0\n",
    "FROM debian:12 AS base\nLABEL org.opencontainers.image.source=https://x.io/a\n"
    "FROM base\nLABEL org.opencontainers.image.version=1.0.0\n",
    "FROM debian:12\nLABEL org.opencontainers.image.source=https://x.io/a \\\n"
    "      org.opencontainers.image.version=1.0.0\n",
    "# hadolint ignore=DL3049\nFROM debian:12\n",
    "# dockwright global ignore=label-missing\nFROM debian:12\n",
    # A stage the final one copies from is a step of the build, not a result.
    "FROM golang:1.23 AS build\nFROM debian:12\nCOPY --from=build /out /out\n"
    "LABEL org.opencontainers.image.source=https://x.io/a org.opencontainers.image.version=1.0.0\n",
    "FROM golang:1.23 AS build\nFROM debian:12\nRUN --mount=type=bind,from=build,target=/b true\n"
    "LABEL org.opencontainers.image.source=https://x.io/a org.opencontainers.image.version=1.0.0\n",
]

test_triggers, test_near_misses = rule_table(
    "DF079",
    TRIGGERS,
    NEAR_MISSES,
    label_schema={"org.opencontainers.image.source": "url", "org.opencontainers.image.version": "semver"},
)


def test_each_result_stage_is_reported_once() -> None:
    from tests.engine.rule_table import findings_of

    schema = {"label_schema": {"foo": "text"}}
    assert findings_of("DF079", "FROM stage1\nFROM stage2\n", **schema) == [(1, 1), (2, 1)]
    assert findings_of("DF079", "FROM baseimage AS base\nFROM base\n\nFROM base\nLABEL foo=bar\n", **schema) == [(2, 1)]


def test_nothing_is_required_without_a_schema() -> None:
    from tests.engine.rule_table import findings_of

    assert findings_of("DF079", "FROM debian:12\n") == []
