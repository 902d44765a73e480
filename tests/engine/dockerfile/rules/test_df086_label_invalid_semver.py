from tests.engine.rule_table import rule_table

TRIGGERS = [
    ('FROM debian:12\nLABEL org.opencontainers.image.version="1.4"\n', 2, 40),
    ("FROM debian:12\nLABEL a=1 org.opencontainers.image.version=latest\n", 2, 44),
    ("FROM debian:12\nLABEL a=1 \\\n      org.opencontainers.image.version='01.2.3'\n", 3, 40),
    ("ARG V=1.2.3.4\nFROM debian:12\nARG V\nLABEL org.opencontainers.image.version=$V\n", 4, 40),
    ("FROM debian:12\nONBUILD LABEL org.opencontainers.image.version=one\n", 2, 48),
]
NEAR_MISSES = [
    'FROM debian:12\nLABEL org.opencontainers.image.version="1.4.2"\n',
    'FROM debian:12\nLABEL org.opencontainers.image.version="v1.4.2"\n',
    'FROM debian:12\nLABEL org.opencontainers.image.version="1.0.0-rc.1+build.5"\n',
    'FROM debian:12\nLABEL org.opencontainers.image.version="0.0.1"\n',
    'FROM debian:12\nLABEL org.opencontainers.image.version="$UNSET"\n',
    'FROM debian:12\n# hadolint ignore=DL3056\nLABEL org.opencontainers.image.version="1.4"\n',
    'FROM debian:12\nLABEL other="1.4"\n',
]

test_triggers, test_near_misses = rule_table(
    "DF086", TRIGGERS, NEAR_MISSES, label_schema={"org.opencontainers.image.version": "semver"}
)
