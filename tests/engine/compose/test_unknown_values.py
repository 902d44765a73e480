"""A variable without a value leaves what it feeds unknown: no rule judges it, and the schema reports only
what every value of the variable would get wrong."""

from __future__ import annotations

import pytest

from dockwright.lint import lint

CONFIG = {"today": "2026-11-28", "shellcheck": False}


def rules_at(text: str, files: dict[str, str] | None = None) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in lint(text, kind="compose", config=CONFIG, files=files).findings]


@pytest.mark.parametrize(
    "text",
    [
        "services:\n  web:\n    image: nginx:1.29.3\n    ports:\n      - '${A}:${B}'\n      - '${C}:${D}'\n",
        "services:\n  web:\n    image: nginx:1.29.3\n    container_name: ${FIXED_NAME}\n",
        "services:\n  web:\n    image: nginx:1.29.3\n    ports:\n      - target: ${PORT}\n        published: '8080'\n",
        "services:\n  web:\n    image: nginx:1.29.3\n    cpus: ${CPUS}\n    mem_limit: ${MEM}\n",
    ],
)
def test_unknown_values_are_no_schema_errors(text: str) -> None:
    assert [rule for rule, _ in rules_at(text) if rule == "DC003"] == []


def test_the_same_unknown_item_twice_is_still_a_duplicate() -> None:
    text = "services:\n  web:\n    image: nginx:1.29.3\n    ports:\n      - '${A}:80'\n      - '${A}:80'\n"
    assert ("DC003", 5) in rules_at(text)


def test_a_known_bad_value_is_still_reported() -> None:
    text = "services:\n  web:\n    image: nginx:1.29.3\n    container_name: '@${SUFFIX:-}'\n"
    assert ("DC003", 4) in rules_at(text)


def test_a_value_from_the_env_file_is_judged() -> None:
    text = "services:\n  web:\n    image: nginx:1.29.3\n    container_name: ${NAME}\n"
    assert ("DC003", 4) in rules_at(text, {".env": "NAME=@\n"})


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("services:\n  web:\n    image: nginx:1.29.3\n    ports:\n      - '${HTTP}:80'\n", "DC014"),
        ("services:\n  db:\n    image: postgres:17.2\n    ports:\n      - '${PG}:5432'\n", "DC025"),
        ("services:\n  a:\n    image: nginx:1.29.3\n    volumes:\n      - ${SOCK}:/var/run/docker.sock\n", "DC027"),
        ("services:\n  a:\n    image: nginx:1.29.3\n    volumes:\n      - ${DATA}:/data\n", "DC007"),
        ("services:\n  a:\n    image: nginx:${TAG}\n", "DC019"),
        ("services:\n  a:\n    image: nginx:1.29.3\n    container_name: ${NAME}\n", "DC017"),
    ],
)
def test_rules_that_need_the_value_are_silent(text: str, rule: str) -> None:
    assert [found for found, _ in rules_at(text) if found == rule] == []


def test_ports_from_variables_keep_their_written_order() -> None:
    text = "services:\n  web:\n    image: nginx:1.29.3\n    ports:\n      - '${B_PORT}:80'\n      - '${A_PORT}:81'\n"
    result = lint(text, kind="compose", config={**CONFIG, "enable": ["DC021"]})
    assert [f.line for f in result.findings if f.rule == "DC021"] == [4]
