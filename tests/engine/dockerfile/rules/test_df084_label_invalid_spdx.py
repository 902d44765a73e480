from tests.engine.rule_table import rule_table

TRIGGERS = [
    ('FROM debian:12\nLABEL org.opencontainers.image.licenses="Apache 2"\n', 2, 41),
    ("FROM debian:12\nLABEL a=1 org.opencontainers.image.licenses=MIT-ish\n", 2, 45),
    ("FROM debian:12\nLABEL a=1 \\\n      org.opencontainers.image.licenses='GPL'\n", 3, 41),
    ("ARG V=proprietary license\nFROM debian:12\nARG V\nLABEL org.opencontainers.image.licenses=$V\n", 4, 41),
    ("FROM debian:12\nONBUILD LABEL org.opencontainers.image.licenses=BSD\n", 2, 49),
]
NEAR_MISSES = [
    'FROM debian:12\nLABEL org.opencontainers.image.licenses="Apache-2.0"\n',
    'FROM debian:12\nLABEL org.opencontainers.image.licenses="MIT OR Apache-2.0"\n',
    'FROM debian:12\nLABEL org.opencontainers.image.licenses="GPL-2.0-or-later WITH Classpath-exception-2.0"\n',
    'FROM debian:12\nLABEL org.opencontainers.image.licenses="LicenseRef-Acme"\n',
    'FROM debian:12\nLABEL org.opencontainers.image.licenses="$UNSET"\n',
    'FROM debian:12\n# hadolint ignore=DL3054\nLABEL org.opencontainers.image.licenses="Apache 2"\n',
    'FROM debian:12\nLABEL other="Apache 2"\n',
]

test_triggers, test_near_misses = rule_table(
    "DF084", TRIGGERS, NEAR_MISSES, label_schema={"org.opencontainers.image.licenses": "spdx"}
)
