from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM debian:12\nRUN useradd -u 1000000 app\n", 2, 5),
    ("FROM debian:12\nRUN useradd --uid 123456 -m app\n", 2, 5),
    ("FROM debian:12\nRUN useradd --uid=9999999 app\n", 2, 5),
    ("FROM debian:12\nRUN groupadd -g 1 g && \\\n    useradd -u1000000 -g g app\n", 3, 5),
    ("FROM debian:12\nRUN <<EOF\nuseradd -m -u 4294967 svc\nEOF\n", 3, 1),
]
NEAR_MISSES = [
    "FROM debian:12\nRUN useradd -l -u 1000000 app\n",
    "FROM debian:12\nRUN useradd --no-log-init -u 1000000 app\n",
    "FROM debian:12\nRUN useradd -u 10001 app\n",
    "FROM debian:12\nRUN useradd -m app\n",
    "FROM debian:12\nRUN adduser -u 1000000 app\n",
    "FROM debian:12\n# hadolint ignore=DL3046\nRUN useradd -u 1000000 app\n",
]

test_triggers, test_near_misses = rule_table("DF076", TRIGGERS, NEAR_MISSES)
