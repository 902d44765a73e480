from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM debian:12\nCOPY --from=biuld /out/app /app\n", 4, 13),
    ("FROM debian:12\nCOPY --from=build /out/app /app\nFROM golang:1.23 AS build\n", 2, 13),
    ("FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM debian:12\nCOPY --from=3 /out/app /app\n", 4, 13),
    ("FROM debian:12\nCOPY --from=1 /x /x\nFROM debian:12\n", 2, 13),
    (
        "FROM golang:1.23 AS build\nRUN go build -o /out/app .\n"
        "FROM debian:12\nARG SRC=builder\nCOPY --from=$SRC /out/app /app\n",
        5,
        13,
    ),
]
NEAR_MISSES = [
    "FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM debian:12\nCOPY --from=build /out/app /app\n",
    "FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM debian:12\nCOPY --from=BUILD /out/app /app\n",
    "FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM debian:12\nCOPY --from=0 /out/app /app\n",
    "FROM debian:12\nCOPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/\n",
    "FROM debian:12\nCOPY --from=ghcr.io/acme/tools /bin/tool /bin/\n",
    "FROM golang:1.23 AS build\nRUN go build -o /out/app .\n"
    "FROM debian:12\n# hadolint ignore=DL3022\nCOPY --from=biuld /out/app /app\n",
]

test_triggers, test_near_misses = rule_table("DF057", TRIGGERS, NEAR_MISSES)
