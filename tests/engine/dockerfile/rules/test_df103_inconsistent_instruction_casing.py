from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM debian:12\nRUN echo one\nrun echo two\nRUN echo three\n", 3, 1),
    ("from debian:12\nrun a\nRUN b\n", 3, 1),
    ("FROM debian:12\nRun echo\n", 2, 1),
    ("FROM debian:12\nRUN a\ncopy a b\nRUN c\nonbuild RUN x\n", 3, 1),
    ("FROM debian:12\nONBUILD run x\n", 2, 9),
]
NEAR_MISSES = [
    "FROM debian:12\nRUN echo one\nRUN echo two\n",
    "from debian:12\nrun a\ncopy a b\n",
    "FROM debian:12\nRUN echo run\n",
    "# check=skip=ConsistentInstructionCasing\nFROM debian:12\nrun a\n",
    "FROM debian:12\n# dockwright ignore=DF103\nrun a\n",
]

test_triggers, test_near_misses = rule_table("DF103", TRIGGERS, NEAR_MISSES)
