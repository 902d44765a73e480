from tests.engine.rule_table import rule_table

TRIGGERS = [
    ('FROM debian:12\nLABEL "Build Date"="2024-05-01"\n', 2, 7),
    ("FROM debian:12\nLABEL Maintainer=ops\n", 2, 7),
    ("FROM debian:12\nLABEL org.opencontainers.image.title=x com.docker.extension=1\n", 2, 40),
    ("FROM debian:12\nLABEL a=1 \\\n      org..x=2\n", 3, 7),
    ("FROM debian:12\nLABEL 1abc=1\n", 2, 7),
    # A variable that is not defined: judged as written, `$` is no key character (hadolint's DL3048 spec).
    ('FROM debian:12\nLABEL invalid$character="foo"\n', 2, 7),
    # A variable that is: judged as the build sets the key.
    ("FROM debian:12\nARG KEY=Title\nLABEL org.example.$KEY=x\n", 3, 7),
]
NEAR_MISSES = [
    "FROM debian:12\nLABEL org.opencontainers.image.title=app\n",
    "FROM debian:12\nLABEL maintainer=ops@example.com\n",
    "FROM debian:12\nLABEL com.example.build_id=42\n",
    "FROM debian:12\nLABEL version=1.0 description=app\n",
    "FROM debian:12\n# hadolint ignore=DL3048\nLABEL Maintainer=ops\n",
    "FROM debian:12\nARG KEY=title\nLABEL org.example.$KEY=x org.example.${KEY}2=y\n",
]

test_triggers, test_near_misses = rule_table("DF078", TRIGGERS, NEAR_MISSES)
