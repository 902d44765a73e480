from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM golang:1.23 AS Builder\n", 1, 21),
    ("FROM golang:1.23 as BUILD\n", 1, 21),
    ("FROM a:1 AS ok\nFROM b:1 AS notOk\n", 2, 13),
    ("ARG X=1\nFROM   node:22   AS   Web\n", 2, 23),
    ("FROM a:1 AS Base\nFROM Base\n", 1, 13),
]
NEAR_MISSES = [
    "FROM golang:1.23 AS builder\n",
    "FROM golang:1.23\n",
    "FROM golang:1.23 AS build-2\n",
    "FROM GOLANG:1.23 AS x\n",
    "# check=skip=StageNameCasing\nFROM golang:1.23 AS Builder\n",
    "# dockwright ignore=DF101\nFROM golang:1.23 AS Builder\n",
]

test_triggers, test_near_misses = rule_table("DF101", TRIGGERS, NEAR_MISSES)
