from tests.engine.rule_table import findings_of, rule_table

# Reported where BuildKit reports it: the last line it reads for the instruction.
TRIGGERS = [
    ("FROM debian:12\nRUN apt-get update && \\\n\n    apt-get install -y curl\n", 4, 1),
    ("FROM debian:12\nRUN a && \\\n   \n    b\n", 4, 1),
    ("FROM debian:12\nENV A=1 \\\n\n\n    B=2\n", 5, 1),
    ("FROM debian:12\nRUN a \\\n    # comment\n\n    b\n", 5, 1),
    ("FROM debian:12\nCOPY a \\\n\n  /b\n", 4, 1),
    ("FROM debian:12\nRUN a \\\n\n  b \\\n\n  c\n", 6, 1),
    # a continuation the file ends in
    ("FROM debian:12\nRUN a \\\n\n", 3, 1),
]
NEAR_MISSES = [
    "FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl\n",
    "FROM debian:12\nRUN a\n\nRUN b\n",
    "FROM debian:12\nRUN a && \\\n    # only a comment\n    b\n",
    "# check=skip=NoEmptyContinuation\nFROM debian:12\nRUN a \\\n\n  b\n",
    "FROM debian:12\n# dockwright ignore=DF102\nRUN a \\\n\n  b\n",
]

test_triggers, test_near_misses = rule_table("DF102", TRIGGERS, NEAR_MISSES)


def test_one_finding_per_instruction_whose_fix_deletes_every_empty_line() -> None:
    from tests.engine.dockerfile.rules.fixing import fixed

    snippet = "FROM debian:12\nRUN a \\\n\n  b \\\n\n  c\n"
    assert findings_of("DF102", snippet) == [(6, 1)]
    assert fixed("DF102", snippet) == "FROM debian:12\nRUN a \\\n  b \\\n  c\n"
