from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build / /\n", 3, 19),
    ("FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build --chown=1:1 / /\n", 3, 31),
    ("FROM busybox:1.36 AS b\nFROM scratch\nCOPY --link --from=b / /\n", 3, 22),
    ("FROM a:1 AS x\nFROM scratch\nCOPY --from=x \\\n     / /\n", 4, 6),
    ("FROM a:1 AS x\nFROM scratch\ncopy --from=0 / /\n", 3, 15),
]
NEAR_MISSES = [
    "FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build /out/app /app\n",
    "FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build / /rootfs/\n",
    "FROM scratch\nCOPY rootfs/ /\n",
    "FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build /etc/ssl /etc/ssl\n",
    "FROM golang:1.23 AS build\nFROM scratch\n# hadolint ignore=DL3067\nCOPY --from=build / /\n",
]

test_triggers, test_near_misses = rule_table("DF093", TRIGGERS, NEAR_MISSES)
