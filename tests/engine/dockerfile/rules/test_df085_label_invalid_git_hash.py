from tests.engine.rule_table import rule_table

TRIGGERS = [
    ('FROM debian:12\nLABEL org.opencontainers.image.revision="main"\n', 2, 41),
    ("FROM debian:12\nLABEL a=1 org.opencontainers.image.revision=v1.2.3\n", 2, 45),
    ("FROM debian:12\nLABEL a=1 \\\n      org.opencontainers.image.revision='ABCDEF12'\n", 3, 41),
    ("ARG V=12345\nFROM debian:12\nARG V\nLABEL org.opencontainers.image.revision=$V\n", 4, 41),
    ("FROM debian:12\nONBUILD LABEL org.opencontainers.image.revision=g4f2c9a1\n", 2, 49),
]
NEAR_MISSES = [
    'FROM debian:12\nLABEL org.opencontainers.image.revision="4f2c9a1"\n',
    'FROM debian:12\nLABEL org.opencontainers.image.revision="4f2c9a1d0b7e8a9c6d5e4f3a2b1c0d9e8f7a6b5c"\n',
    'FROM debian:12\nLABEL org.opencontainers.image.revision="$UNSET"\n',
    'FROM debian:12\n# hadolint ignore=DL3055\nLABEL org.opencontainers.image.revision="main"\n',
    'FROM debian:12\nLABEL other="main"\n',
]

test_triggers, test_near_misses = rule_table(
    "DF085", TRIGGERS, NEAR_MISSES, label_schema={"org.opencontainers.image.revision": "hash"}
)
