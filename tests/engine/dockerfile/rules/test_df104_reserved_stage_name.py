from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM alpine:3.20 AS scratch\n", 1, 21),
    ("FROM alpine:3.20 AS context\n", 1, 21),
    ("FROM alpine:3.20 AS Scratch\n", 1, 21),
    ("FROM a:1 AS ok\nFROM b:1 as context\n", 2, 13),
    ("ARG A=1\nFROM alpine:3.20  AS  scratch\n", 2, 23),
]
NEAR_MISSES = [
    "FROM alpine:3.20 AS base\n",
    "FROM scratch\n",
    "FROM alpine:3.20 AS scratch-base\n",
    "FROM alpine:3.20 AS build-context\n",
    "# check=skip=ReservedStageName\nFROM alpine:3.20 AS scratch\n",
    "# hadolint ignore=DL3063\nFROM alpine:3.20 AS scratch\n",
]

test_triggers, test_near_misses = rule_table("DF104", TRIGGERS, NEAR_MISSES)
