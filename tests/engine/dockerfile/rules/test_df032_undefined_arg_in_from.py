from tests.engine.dockerfile.rules.fixing import findings_for
from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM python:${PYTHON_VERSION}-slim\n", 1, 6),
    ("FROM debian:12\nARG BASE=alpine\nFROM ${BASE}\n", 3, 6),
    ("ARG VERSION=3.12\nFROM python:${VERSON}\n", 2, 6),
    ("ARG X=1\nFROM --platform=$PLATFORM debian:12\n", 2, 17),
    ("FROM python:${TAG:-3.12}\n", 1, 6),
]
NEAR_MISSES = [
    "ARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERSION}-slim\n",
    "ARG TAG\nFROM python:${TAG}\n",
    "FROM --platform=$BUILDPLATFORM golang:1.23\n",
    "FROM debian:12 AS base\nFROM base\n",
    "# check=skip=UndefinedArgInFrom\nFROM python:${V}\n",
    "# dockwright ignore=DF032\nFROM python:${V}\n",
]

test_triggers, test_near_misses = rule_table("DF032", TRIGGERS, NEAR_MISSES)


def test_message_suggests_a_declared_name() -> None:
    [finding] = findings_for("DF032", "ARG VERSION=3.12\nFROM python:${VERSON}\n")
    assert "did you mean `VERSION`" in finding.message
