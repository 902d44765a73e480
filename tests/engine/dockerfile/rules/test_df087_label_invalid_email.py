from tests.engine.rule_table import rule_table

TRIGGERS = [
    ('FROM debian:12\nLABEL org.opencontainers.image.authors="ops at example"\n', 2, 40),
    ("FROM debian:12\nLABEL a=1 org.opencontainers.image.authors=ops@\n", 2, 44),
    ("FROM debian:12\nLABEL a=1 \\\n      org.opencontainers.image.authors='@example.com'\n", 3, 40),
    ("ARG V=ops@example\nFROM debian:12\nARG V\nLABEL org.opencontainers.image.authors=$V\n", 4, 40),
    ("FROM debian:12\nONBUILD LABEL org.opencontainers.image.authors=a b@example.com\n", 2, 48),
]
NEAR_MISSES = [
    'FROM debian:12\nLABEL org.opencontainers.image.authors="ops@example.com"\n',
    'FROM debian:12\nLABEL org.opencontainers.image.authors="first.last+tag@sub.example.org"\n',
    'FROM debian:12\nLABEL org.opencontainers.image.authors="$UNSET"\n',
    'FROM debian:12\n# hadolint ignore=DL3058\nLABEL org.opencontainers.image.authors="ops at example"\n',
    'FROM debian:12\nLABEL other="ops at example"\n',
]

test_triggers, test_near_misses = rule_table(
    "DF087", TRIGGERS, NEAR_MISSES, label_schema={"org.opencontainers.image.authors": "email"}
)
