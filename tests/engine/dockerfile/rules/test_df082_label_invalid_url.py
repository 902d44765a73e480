from tests.engine.rule_table import rule_table

TRIGGERS = [
    ('FROM debian:12\nLABEL org.opencontainers.image.source="github.com/acme/app"\n', 2, 39),
    ("FROM debian:12\nLABEL a=1 org.opencontainers.image.source=not-a-url\n", 2, 43),
    ("FROM debian:12\nLABEL a=1 \\\n      org.opencontainers.image.source='https//x.io'\n", 3, 39),
    ("ARG V=www.example.com\nFROM debian:12\nARG V\nLABEL org.opencontainers.image.source=$V\n", 4, 39),
    ("FROM debian:12\nONBUILD LABEL org.opencontainers.image.source=mailto-nobody\n", 2, 47),
]
NEAR_MISSES = [
    'FROM debian:12\nLABEL org.opencontainers.image.source="https://github.com/acme/app"\n',
    'FROM debian:12\nLABEL org.opencontainers.image.source="http://example.com/x?y=1"\n',
    'FROM debian:12\nLABEL org.opencontainers.image.source="git://example.com/repo.git"\n',
    'FROM debian:12\nLABEL org.opencontainers.image.source="$UNSET"\n',
    'FROM debian:12\n# hadolint ignore=DL3052\nLABEL org.opencontainers.image.source="github.com/acme/app"\n',
    'FROM debian:12\nLABEL other="github.com/acme/app"\n',
]

test_triggers, test_near_misses = rule_table(
    "DF082", TRIGGERS, NEAR_MISSES, label_schema={"org.opencontainers.image.source": "url"}
)
