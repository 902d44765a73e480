from tests.engine.rule_table import rule_table

TRIGGERS = [
    ('FROM python:3.12-slim\nCMD ["python"]\n', 1, 1),
    ("FROM golang:1.23 AS build\nUSER nobody\nFROM debian:12\n", 3, 1),
    ("ARG V=1\nFROM debian:12\n", 2, 1),
    ("FROM debian:12 AS a\nFROM a AS b\n", 2, 1),
    ("from debian:12\nrun true\n", 1, 1),
    # A base not known to set a user, or known to run as root.
    ("FROM gcr.io/distroless/static-debian12\nCOPY app /app\n", 1, 1),
    ("ARG BASE=internal/base:1\nFROM ${BASE}\n", 2, 1),
    # hadolint's DL3063 is another rule (DF104): its pragma does not silence this one.
    ("# hadolint ignore=DL3063\nFROM debian:12\n", 2, 1),
]
NEAR_MISSES = [
    "FROM python:3.12-slim\nUSER 10001\n",
    "FROM debian:12 AS base\nUSER app\nFROM base\n",
    "FROM scratch\nCOPY app /app\n",
    "# dockwright ignore=DF090\nFROM debian:12\n",
    "FROM debian:12\nUSER root\n",
    # The base image already runs as a non-root user.
    "FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n",
    "FROM golang:1.23 AS build\nFROM gcr.io/distroless/base-debian12:nonroot\nCOPY --from=build /app /app\n",
]

test_triggers, test_near_misses = rule_table("DF090", TRIGGERS, NEAR_MISSES)
