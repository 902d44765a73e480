from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM --platform=linux/amd64 debian:12\n", 1, 6),
    ("FROM --platform=linux/arm64 alpine:3.20 AS build\n", 1, 6),
    ("ARG X=1\nFROM   --platform=linux/amd64 node:22 AS web\n", 2, 8),
    ("FROM debian:12 AS a\nFROM --platform=windows/amd64 mcr.microsoft.com/windows:ltsc2022\n", 2, 6),
    ("from --platform=linux/386 debian:12\n", 1, 6),
]
NEAR_MISSES = [
    "FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n",
    "FROM --platform=${TARGETPLATFORM:-linux/amd64} debian:12\n",
    "FROM debian:12\n",
    "FROM --platform=linux/arm64 alpine:3.20 AS build-arm64\n",
    "# hadolint ignore=DL3029\nFROM --platform=linux/amd64 debian:12\n",
    "# check=skip=FromPlatformFlagConstDisallowed\nFROM --platform=linux/amd64 debian:12\n",
]

test_triggers, test_near_misses = rule_table("DF063", TRIGGERS, NEAR_MISSES)
