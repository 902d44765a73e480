from dockwright.lint import lint
from tests.engine.rule_table import TODAY, findings_of, rule_table

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
    # Without USER on a base Dockwright does not know: reported too, as info (see below).
    ("FROM acme/base:1.0\nCOPY app /app\n", 1, 1),
    ("ARG IMAGE\nFROM ${IMAGE}\n", 2, 1),
    ("FROM base\n", 1, 1),
]
NEAR_MISSES = [
    "FROM debian:12\nUSER app\n",
    "FROM debian:12\nUSER 1000:0\n",
    "FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n",
    'FROM debian:12 AS base\nUSER app\nFROM base\nCMD ["x"]\n',
    "FROM debian:12 AS build\nUSER root\nFROM debian:12\nUSER app\n",
    "FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n",
    # Base images known to set a user of their own.
    "FROM elasticsearch:8.15.0\n",
    "FROM gcr.io/distroless/base-debian12:nonroot\n",
    # A user from a variable nobody defines is unknown, not root.
    "FROM debian:12\nUSER ${APP_USER}\n",
    "# dockwright ignore=DF005\nFROM debian:12\n",
    "FROM debian:12\n# hadolint ignore=DL3002\nUSER root\n",
]

test_triggers, test_near_misses = rule_table("DF005", TRIGGERS, NEAR_MISSES)


def test_user_names_are_case_sensitive() -> None:
    assert findings_of("DF005", "FROM debian:12\nUSER ROOT\n") == []


def findings(snippet: str) -> list[tuple[str, str]]:
    result = lint(snippet, kind="dockerfile", config={"today": TODAY, "shellcheck": False})
    return [(f.severity.value, f.message) for f in result.findings if f.rule == "DF005"]


def test_root_is_a_warning_when_certain_and_info_when_the_base_image_is_unknown() -> None:
    assert findings("FROM python:3.12-slim\n") == [
        ("warning", "the final stage never sets USER and `python:3.12-slim` runs as root, so its process does")
    ]
    assert findings("FROM acme/base:1.0\nUSER root\n") == [("warning", "the final stage's last USER is `root`")]
    (unknown,) = findings("FROM bitnami/nginx:1.27\n")
    assert unknown[0] == "info" and "root unless `bitnami/nginx:1.27` sets another" in unknown[1]
    (unresolved,) = findings("ARG IMAGE\nFROM ${IMAGE}\n")
    assert unresolved[0] == "info" and "`${IMAGE}`, known at build time only" in unresolved[1]
