from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM node:22 AS build\nCOPY --from=build /a /b\n", 2, 13),
    ("FROM node:22 AS Build\nCOPY --from=build /a /b\n", 2, 13),
    ("FROM node:22\nCOPY --from=0 /a /b\n", 2, 13),
    ("FROM node:22 AS a\nFROM node:22 AS b\nCOPY --from=1 /x /y\n", 3, 13),
    ("FROM node:22 AS web\nARG S=web\nCOPY --from=${S} /x /y\n", 3, 13),
]
NEAR_MISSES = [
    "FROM node:22 AS build\nFROM nginx:1.27\nCOPY --from=build /a /b\n",
    "FROM node:22 AS a\nFROM node:22 AS b\nCOPY --from=0 /x /y\n",
    "FROM node:22 AS build\nCOPY /a /b\n",
    "FROM node:22 AS build\nCOPY --from=builder /a /b\n",
    "FROM node:22 AS build\n# hadolint ignore=DL3023\nCOPY --from=build /a /b\n",
]

test_triggers, test_near_misses = rule_table("DF058", TRIGGERS, NEAR_MISSES)
