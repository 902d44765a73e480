from tests.engine.dockerfile.rules.fixing import fixed
from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM golang:1.23 as build\n", 1, 18),
    ("from golang:1.23 AS build\n", 1, 18),
    ("FROM a:1 AS x\nFROM b:1 aS y\n", 2, 10),
    ("FROM --platform=linux/amd64 golang:1.23 as build\n", 1, 41),
]
NEAR_MISSES = [
    "FROM golang:1.23 AS build\n",
    "from golang:1.23 as build\n",
    "FROM golang:1.23\n",
    "# check=skip=FromAsCasing\nFROM golang:1.23 as build\n",
    "# dockwright ignore=DF025\nFROM golang:1.23 as build\n",
    # FROM itself in mixed case: the casing rule's business (BuildKit's spec)
    "From golang:1.23 As build\n",
    "frOM scratch as base\nfrom scratch as base2\n",
    # a check comment before the instruction skips it for that instruction
    "FROM debian:12\n# check=skip=FromAsCasing\nFROM golang:1.23 as build\n",
]

test_triggers, test_near_misses = rule_table("DF025", TRIGGERS, NEAR_MISSES)


def test_fix_matches_the_casing_of_from() -> None:
    assert fixed("DF025", "FROM golang:1.23 as build\n") == "FROM golang:1.23 AS build\n"
    assert fixed("DF025", "from golang:1.23 AS build\n") == "from golang:1.23 as build\n"
