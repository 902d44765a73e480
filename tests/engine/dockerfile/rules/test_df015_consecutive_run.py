from tests.engine.rule_table import findings_of, rule_table

TRIGGERS = [
    ("FROM debian:12\nRUN mkdir -p /app/data\nRUN chown 1000 /app/data\n", 3, 1),
    ("FROM debian:12\nRUN echo a\n# comment\n\nRUN echo b\n", 5, 1),
    ("FROM debian:12\nRUN --mount=type=cache,target=/x echo a\nRUN --mount=type=cache,target=/x echo b\n", 3, 1),
    ('FROM debian:12\nRUN ["echo", "a"]\nrun echo b\n', 3, 1),
    ("FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n", 3, 1),
]
NEAR_MISSES = [
    "FROM debian:12\nRUN echo a && echo b\nRUN echo c\n",
    "FROM debian:12\nRUN echo a | cat\nRUN echo b\n",
    "FROM debian:12\nRUN --mount=type=cache,target=/x echo a\nRUN echo b\n",
    "FROM debian:12\nRUN --network=none echo a\nRUN --network=host echo b\n",
    "FROM debian:12\nRUN echo a\nENV X=1\nRUN echo b\n",
    "FROM debian:12 AS a\nRUN echo a\nFROM debian:12\nRUN echo b\n",
    "FROM debian:12\nRUN echo a\nRUN <<EOF\necho b\nEOF\n",
    "FROM debian:12\nRUN echo a\n# hadolint ignore=DL3059\nRUN echo b\n",
]

test_triggers, test_near_misses = rule_table("DF015", TRIGGERS, NEAR_MISSES)


def test_each_run_of_a_sequence_is_reported() -> None:
    assert findings_of("DF015", "FROM debian:12\nRUN a\nRUN b\nRUN c\n") == [(3, 1), (4, 1)]
