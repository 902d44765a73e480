from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM alpine:3.20\nRUN apk add curl=8.9.1-r2\n", 2, 5),
    ("FROM alpine:3.20\nRUN apk update && apk add bash=5.2.26-r0\n", 2, 19),
    ("FROM alpine:3.20\nRUN set -eux; \\\n    apk add --virtual .d gcc=1\n", 3, 5),
    ("FROM alpine:3.20\nRUN <<EOF\napk upgrade\napk add tini=0.19.0-r3\nEOF\n", 4, 1),
    ("FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache apk add git=2.45.2-r0\n", 2, 44),
    # a stage the final one builds on ships its layers
    ("FROM alpine:3.20 AS base\nRUN apk add curl=8.9.1-r2\nFROM base\nUSER 10001\n", 2, 5),
    # an ONBUILD trigger runs in the image built from this one
    ("FROM alpine:3.20\nONBUILD RUN apk add curl=8.9.1-r2\n", 2, 13),
    ("FROM alpine:3.20\nRUN rm -rf /var/cache/apk/* && apk add curl=8.9.1-r2\n", 2, 32),
]
NEAR_MISSES = [
    "FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n",
    "FROM alpine:3.20\nRUN apk --no-cache add curl=8.9.1-r2\n",
    "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl=8.9.1-r2\n",
    "FROM alpine:3.20\nRUN apk add curl=8.9.1-r2 && rm -rf /var/cache/apk/*\n",
    "FROM alpine:3.20\nRUN apk del curl\n",
    "FROM alpine:3.20\n# hadolint ignore=DL3019\nRUN apk add curl=8.9.1-r2\n",
    # a builder stage's cache never ships
    "FROM alpine:3.20 AS build\nRUN apk add curl=8.9.1-r2\nFROM alpine:3.20\nCOPY --from=build /etc/hostname /h\n",
    "FROM alpine:3.20\nRUN --mount=type=tmpfs,target=/var/cache/apk apk add curl=8.9.1-r2\n",
    "FROM alpine:3.20\nONBUILD RUN --mount=type=cache,target=/var/cache/apk apk add curl=8.9.1-r2\n",
    "FROM alpine:3.20\nRUN apk add curl=8.9.1-r2 && rm -rf /var/cache/apk\n",
]

test_triggers, test_near_misses = rule_table("DF055", TRIGGERS, NEAR_MISSES)
