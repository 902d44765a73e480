from tests.engine.rule_table import findings_of, rule_table

TRIGGERS = [
    ("FROM debian:12\nRUN curl -fsSLO https://x/a\nRUN wget -q https://x/b\n", 3, 5),
    ("FROM debian:12\nRUN wget -q https://x/a && curl -fsSLO https://x/b\n", 2, 28),
    ("FROM debian:12\nRUN curl -fsSLO https://x/a && \\\n    wget -q https://x/b\n", 3, 5),
    ("FROM debian:12 AS a\nRUN wget -q x\nFROM debian:12\nRUN wget -q y\nRUN curl -fsSL z\n", 5, 5),
    ("FROM debian:12\nRUN <<EOF\ncurl -fsSL a\nwget -q b\nEOF\n", 4, 1),
    # Once both are in use, every RUN using either is reported (hadolint's DL4001 spec counts two here).
    ("FROM node:22 AS foo\nRUN wget my.xyz\nRUN curl my.xyz\nRUN echo hello\nRUN wget foo.com\n", 5, 5),
]
NEAR_MISSES = [
    "FROM debian:12\nRUN curl -fsSLO https://x/a\nRUN curl -fsSLO https://x/b\n",
    "FROM debian:12 AS a\nRUN wget -q x\nFROM debian:12\nRUN curl -fsSL y\n",
    "FROM debian:12\nRUN apt-get install -y curl wget\n",
    "FROM debian:12\nRUN echo wget curl\n",
    "FROM debian:12\nRUN curl -fsSL a\n# hadolint ignore=DL4001\nRUN wget -q b\n",
]

test_triggers, test_near_misses = rule_table("DF094", TRIGGERS, NEAR_MISSES)


def test_each_run_using_a_tool_after_both_were_used_is_one_finding() -> None:
    snippet = "FROM node:22 AS foo\nRUN wget my.xyz\nRUN curl my.xyz\nRUN echo hello\nRUN wget foo.com\n"
    assert findings_of("DF094", snippet) == [(3, 5), (5, 5)]
    assert findings_of("DF094", "FROM node:22\nRUN wget a && curl b && wget c\n") == [(2, 15)]
