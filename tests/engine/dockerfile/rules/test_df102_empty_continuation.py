from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM debian:12\nRUN apt-get update && \\\n\n    apt-get install -y curl\n", 3, 1),
    ("FROM debian:12\nRUN a && \\\n   \n    b\n", 3, 1),
    ("FROM debian:12\nENV A=1 \\\n\n\n    B=2\n", 4, 1),
    ("FROM debian:12\nRUN a \\\n    # comment\n\n    b\n", 4, 1),
    ("FROM debian:12\nCOPY a \\\n\n  /b\n", 3, 1),
]
NEAR_MISSES = [
    "FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl\n",
    "FROM debian:12\nRUN a\n\nRUN b\n",
    "FROM debian:12\nRUN a && \\\n    # only a comment\n    b\n",
    "# check=skip=NoEmptyContinuation\nFROM debian:12\nRUN a \\\n\n  b\n",
    "FROM debian:12\n# dockwright ignore=DF102\nRUN a \\\n\n  b\n",
]

test_triggers, test_near_misses = rule_table("DF102", TRIGGERS, NEAR_MISSES)
