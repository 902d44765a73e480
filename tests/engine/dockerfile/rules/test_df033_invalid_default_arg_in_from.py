import pytest

from dockwright.dockerfile.image import is_valid_reference
from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("ARG PYTHON_VERSION\nFROM python:${PYTHON_VERSION}-slim\n", 2, 6),
    ("ARG BASE\nFROM $BASE\n", 2, 6),
    ("ARG TAG\nFROM python:$TAG\n", 2, 6),
    ("ARG IMAGE=Python:3\nFROM ${IMAGE}\n", 2, 6),
    ("ARG REGISTRY\nFROM ${REGISTRY}/acme/app:1\n", 2, 6),
    ('ARG V="3.12 bookworm"\nFROM python:${V}\n', 2, 6),
]
NEAR_MISSES = [
    "ARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERSION}-slim\n",
    "ARG TAG\nFROM python:${TAG:-3.12}\n",
    "ARG REGISTRY=ghcr.io\nFROM ${REGISTRY}/acme/app:1\n",
    "FROM python:${UNDECLARED}\n",
    "ARG BASE=builder\nFROM debian:12 AS builder\nFROM ${BASE}\n",
    "# check=skip=InvalidDefaultArgInFrom\nARG TAG\nFROM python:$TAG\n",
]

test_triggers, test_near_misses = rule_table("DF033", TRIGGERS, NEAR_MISSES)


@pytest.mark.parametrize(
    ("reference", "valid"),
    [
        ("python", True),
        ("python:3.12-slim", True),
        ("localhost:5000/acme/app:1.0", True),
        ("ghcr.io/acme/app@sha256:" + "a" * 64, True),
        ("docker.io/library/python:3", True),
        ("", False),
        ("python:", False),
        ("Python:3", False),
        ("/acme/app", False),
        ("python:-slim", False),
        ("python:3 bookworm", False),
    ],
)
def test_reference_grammar(reference: str, valid: bool) -> None:
    assert is_valid_reference(reference) is valid
