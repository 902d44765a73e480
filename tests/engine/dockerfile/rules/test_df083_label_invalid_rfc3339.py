from tests.engine.rule_table import rule_table

TRIGGERS = [
    ('FROM debian:12\nLABEL org.opencontainers.image.created="2024-05-01"\n', 2, 40),
    ("FROM debian:12\nLABEL a=1 org.opencontainers.image.created=yesterday\n", 2, 44),
    ("FROM debian:12\nLABEL a=1 \\\n      org.opencontainers.image.created='2024-13-01T00:00:00Z'\n", 3, 40),
    ("ARG V=2024-05-01T10:00:00\nFROM debian:12\nARG V\nLABEL org.opencontainers.image.created=$V\n", 4, 40),
    ("FROM debian:12\nONBUILD LABEL org.opencontainers.image.created=1714557600\n", 2, 48),
]
NEAR_MISSES = [
    'FROM debian:12\nLABEL org.opencontainers.image.created="2024-05-01T12:00:00Z"\n',
    'FROM debian:12\nLABEL org.opencontainers.image.created="2024-05-01T12:00:00.123+02:00"\n',
    'FROM debian:12\nLABEL org.opencontainers.image.created="2024-05-01t12:00:00z"\n',
    'FROM debian:12\nLABEL org.opencontainers.image.created="$UNSET"\n',
    'FROM debian:12\n# hadolint ignore=DL3053\nLABEL org.opencontainers.image.created="2024-05-01"\n',
    'FROM debian:12\nLABEL other="2024-05-01"\n',
]

test_triggers, test_near_misses = rule_table(
    "DF083", TRIGGERS, NEAR_MISSES, label_schema={"org.opencontainers.image.created": "rfc3339"}
)
