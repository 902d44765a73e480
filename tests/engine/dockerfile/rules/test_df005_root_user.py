from tests.engine.rule_table import findings_of, rule_table

TRIGGERS = [
    ('FROM python:3.12-slim\nCMD ["python"]\n', 1, 1),
    ("FROM debian:12\nUSER app\nUSER root\n", 3, 6),
    ("FROM debian:12\nUSER 0:0\n", 2, 6),
    ("FROM debian:12\nUSER root:root\n", 2, 6),
    ("FROM golang:1.23 AS build\nUSER app\nFROM scratch\nCOPY --from=build /app /app\n", 3, 1),
    ("FROM debian:12 AS base\nUSER app\nFROM base\nUSER root\n", 4, 6),
    # Inherited through FROM <stage>: the root USER is in the stage the final one builds on.
    ("FROM debian:12 AS base\nUSER root\nFROM base\nRUN id\n", 2, 6),
    ("FROM debian:12\nARG RUNAS=root\nUSER ${RUNAS}\n", 3, 6),
    ("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY app /app\n", 1, 1),
    ("FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\n", 1, 1),
    ("FROM gcr.io/distroless/static-debian12\nCOPY app /app\n", 1, 1),
    # A base image of unknown default user still counts when the Dockerfile says root.
    ("FROM acme/base:1.0\nUSER root\n", 2, 6),
]
NEAR_MISSES = [
    "FROM debian:12\nUSER app\n",
    "FROM debian:12\nUSER 1000:0\n",
    "FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n",
    'FROM debian:12 AS base\nUSER app\nFROM base\nCMD ["x"]\n',
    "FROM debian:12 AS build\nUSER root\nFROM debian:12\nUSER app\n",
    "FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n",
    "FROM bitnami/nginx:1.27\n",
    # Images that are not known to default to root may well set a USER of their own.
    "FROM acme/base:1.0\nCOPY app /app\n",
    "FROM elasticsearch:8.15.0\n",
    "FROM nginxinc/nginx-unprivileged:1.27\n",
    # A user from a variable nobody defines is unknown, not root.
    "FROM debian:12\nUSER ${APP_USER}\n",
    "# dockwright ignore=DF005\nFROM debian:12\n",
    "FROM debian:12\n# hadolint ignore=DL3002\nUSER root\n",
]

test_triggers, test_near_misses = rule_table("DF005", TRIGGERS, NEAR_MISSES)


def test_user_names_are_case_sensitive() -> None:
    assert findings_of("DF005", "FROM debian:12\nUSER ROOT\n") == []
