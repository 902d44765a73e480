from dockwright.findings import Severity
from dockwright.lint import lint
from tests.engine.rule_table import TODAY, rule_table

BUILD = "services:\n  app:\n    build:\n      context: .\n      dockerfile_inline: |\n"
TRIGGERS = [
    (
        "services:\n  app:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM python:latest\n",
        5,
        26,
    ),
    (BUILD + "        FROM python:3.13-slim\n        RUN pip install flask\n        USER 1000\n", 5, 26),
    (BUILD + "        FROM python:3.13-slim\n        USER root\n", 5, 26),
    (
        BUILD
        + "        FROM python:3.13-slim\n        RUN apt-get update && apt-get install curl\n        USER 1000\n",
        5,
        26,
    ),
    (
        "services:\n  app:\n    build:\n      context: ./app\n"
        '      dockerfile_inline: "FROM python:latest\\nUSER 1000\\n"\n',
        5,
        26,
    ),
    (
        "services:\n  app:\n    build:\n      dockerfile_inline: |\n        FROM node:22-alpine\n        WORKDIR app\n",
        4,
        26,
    ),
    (
        "services:\n  app:\n    build:\n      context: .\n      dockerfile_inline: >\n        FROM python:latest\n",
        5,
        26,
    ),
    (
        "x-build: &build\n  context: .\n  dockerfile_inline: |\n    FROM python:latest\n    USER 1000\n"
        "services:\n  app:\n"
        "    build: *build\n  worker:\n    build: *build\n",
        3,
        22,
    ),
]
NEAR_MISSES = [
    "services:\n  app:\n    build: ./app\n",
    "services:\n  app:\n    build:\n      context: .\n      # dockwright ignore=DC037\n      dockerfile_inline: |\n"
    "        FROM python:latest\n",
    BUILD + "        FROM python:3.13-slim\n        USER 1000\n",
    BUILD + "        FROM python:3.13-slim AS build\n        FROM build\n        USER 1000\n",
    BUILD + "        # hadolint ignore=DL3007\n        FROM python:latest\n        USER 1000\n",
    BUILD + "        # dockwright ignore=DF003\n        FROM python:latest\n        USER 1000\n",
    "services:\n  app:\n    build:\n      context: .\n      dockerfile: Dockerfile\n",
    "services:\n  app:\n    image: python:latest\n",
    "services:\n  app:\n    build:\n      context: .\n      # dockwright ignore=dockerfile-findings\n"
    "      dockerfile_inline: |\n"
    "        FROM python:latest\n",
]

test_triggers, test_near_misses = rule_table("DC037", TRIGGERS, NEAR_MISSES, kind="compose")

COMPOSE = (
    "services:\n  api:\n    build: ./api\n  worker:\n    build:\n      context: ./api\n      dockerfile: Dockerfile\n"
)


def _dc037(files: dict[str, str], **config: object) -> list[tuple[int, str, Severity]]:
    result = lint(COMPOSE, kind="compose", config={"today": TODAY, **config}, files=files)
    return [(f.line, f.message, f.severity) for f in result.findings if f.rule == "DC037"]


def test_findings_of_the_analysed_dockerfile_are_reported_on_each_build_line() -> None:
    found = _dc037({"api/Dockerfile": "FROM python:latest\nUSER 1000\n"})
    lines = [line for line, _, _ in found]
    assert 3 in lines and 7 in lines
    assert all(message.startswith("api/Dockerfile:1:") for _, message, _ in found)
    dockerfile = lint("FROM python:latest\nUSER 1000\n", kind="dockerfile", config={"today": TODAY})
    assert {s for _, _, s in found} == {f.severity for f in dockerfile.findings}


def test_the_config_applies_to_the_dockerfile_rules() -> None:
    files = {"./api/Dockerfile": "FROM python:latest\nUSER 1000\n"}
    rules = {message.split()[1] for _, message, _ in _dc037(files)}
    assert rules
    assert _dc037(files, ignore=sorted(rules)) == []


def test_a_dockerfile_not_among_the_files_is_not_reported() -> None:
    assert _dc037({"other/Dockerfile": "FROM python:latest\n"}) == []


def test_an_empty_dockerfile_is_reported_as_unreadable() -> None:
    found = _dc037({"api/Dockerfile": "   \n"})
    assert found and all("cannot be analysed" in message for _, message, _ in found)
