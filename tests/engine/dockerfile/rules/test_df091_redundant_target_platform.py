from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM --platform=$TARGETPLATFORM alpine:3.20\n", 1, 6),
    ("FROM --platform=${TARGETPLATFORM} alpine:3.20 AS x\n", 1, 6),
    ("FROM debian:12 AS a\nFROM   --platform=$TARGETPLATFORM a\n", 2, 8),
    ("ARG X=1\nfrom --platform=$TARGETPLATFORM debian:12\n", 2, 6),
    ("FROM --platform=$BUILDPLATFORM golang:1.23 AS b\nFROM --platform=$TARGETPLATFORM debian:12\n", 2, 6),
]
NEAR_MISSES = [
    "FROM alpine:3.20\n",
    "FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n",
    "FROM --platform=linux/amd64 alpine:3.20\n",
    "FROM --platform=${TARGETPLATFORM:-linux/amd64} alpine:3.20\n",
    "# hadolint ignore=DL3065\nFROM --platform=$TARGETPLATFORM alpine:3.20\n",
    "# check=skip=RedundantTargetPlatform\nFROM --platform=$TARGETPLATFORM alpine:3.20\n",
]

test_triggers, test_near_misses = rule_table("DF091", TRIGGERS, NEAR_MISSES)
