from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM debian:12\nRUN wget https://example.com/a.tgz\n", 2, 5),
    ("FROM debian:12\nRUN wget -O /tmp/a https://example.com/a\n", 2, 5),
    ("FROM debian:12\nRUN cd /tmp && \\\n    wget -c https://example.com/b\n", 3, 5),
    ("FROM debian:12\nRUN <<EOF\nwget https://example.com/c\nEOF\n", 3, 1),
    ("FROM debian:12\nONBUILD RUN wget https://example.com/d\n", 2, 13),
]
NEAR_MISSES = [
    "FROM debian:12\nRUN wget --progress=dot:giga https://example.com/a.tgz\n",
    "FROM debian:12\nRUN wget -q https://example.com/a.tgz\n",
    "FROM debian:12\nRUN wget -nv https://example.com/a.tgz\n",
    "FROM debian:12\nRUN wget -qO- https://example.com/a.tgz | tar -xz\n",
    "FROM debian:12\nRUN curl -fsSLO https://example.com/a.tgz\n",
    "FROM debian:12\n# hadolint ignore=DL3047\nRUN wget https://example.com/a.tgz\n",
]

test_triggers, test_near_misses = rule_table("DF077", TRIGGERS, NEAR_MISSES)
