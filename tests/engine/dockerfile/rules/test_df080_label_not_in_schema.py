from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM debian:12\nLABEL maintainer=ops\n", 2, 7),
    ("FROM debian:12\nLABEL org.opencontainers.image.version=1.0.0 extra=1\n", 2, 46),
    ("FROM debian:12\nLABEL a=1 \\\n      b=2\n", 3, 7),
    ("FROM debian:12 AS build\nLABEL stage=build\nFROM debian:12\n", 2, 7),
    ("FROM debian:12\nONBUILD LABEL x=1\n", 2, 15),
]
NEAR_MISSES = [
    "FROM debian:12\nLABEL org.opencontainers.image.version=1.0.0\n",
    "FROM debian:12\nLABEL org.opencontainers.image.source=https://x.io\n",
    "FROM debian:12\n",
    "FROM debian:12\n# hadolint ignore=DL3050\nLABEL maintainer=ops\n",
    "FROM debian:12\n# dockwright ignore=DF080\nLABEL maintainer=ops\n",
]

test_triggers, test_near_misses = rule_table(
    "DF080",
    TRIGGERS,
    NEAR_MISSES,
    label_schema={"org.opencontainers.image.source": "url", "org.opencontainers.image.version": "semver"},
    strict_labels=True,
)


def test_extra_labels_are_fine_without_strict_labels() -> None:
    from tests.engine.rule_table import findings_of

    schema = {"org.opencontainers.image.version": "semver"}
    assert findings_of("DF080", "FROM debian:12\nLABEL maintainer=ops\n", label_schema=schema) == []
