from tests.engine.rule_table import rule_table

TRIGGERS = [
    ('FROM debian:12\nLABEL org.opencontainers.image.version=""\n', 2, 7),
    ("FROM debian:12\nLABEL org.opencontainers.image.source=\n", 2, 7),
    ("FROM debian:12\nLABEL a=1 org.opencontainers.image.version=''\n", 2, 11),
    ('FROM debian:12\nLABEL x=1 \\\n      org.opencontainers.image.source=""\n', 3, 7),
    ('FROM debian:12 AS a\nLABEL org.opencontainers.image.version=""\nFROM a\n', 2, 7),
]
NEAR_MISSES = [
    "FROM debian:12\nLABEL org.opencontainers.image.version=1.0.0\n",
    'FROM debian:12\nLABEL other=""\n',
    'FROM debian:12\nARG V=1.0.0\nLABEL org.opencontainers.image.version="$V"\n',
    'FROM debian:12\n# hadolint ignore=DL3051\nLABEL org.opencontainers.image.version=""\n',
    "FROM debian:12\n",
]

test_triggers, test_near_misses = rule_table(
    "DF081",
    TRIGGERS,
    NEAR_MISSES,
    label_schema={"org.opencontainers.image.source": "url", "org.opencontainers.image.version": "semver"},
)
