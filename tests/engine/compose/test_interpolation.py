"""Interpolation as Compose does it, and the `.env` files it reads."""

import pytest

from dockwright.compose.dotenv import parse_dotenv
from dockwright.compose.interpolation import interpolate

ENV = {"SET": "value", "EMPTY": ""}


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("plain", "plain"),
        ("$SET and ${SET}", "value and value"),
        ("${UNSET:-default}", "default"),
        ("${EMPTY:-default}", "default"),
        ("${EMPTY-default}", ""),
        ("${UNSET-default}", "default"),
        ("${SET:+alt}", "alt"),
        ("${EMPTY:+alt}", ""),
        ("${EMPTY+alt}", "alt"),
        ("${UNSET+alt}", ""),
        ("$$SET costs $$5", "$SET costs $5"),
        ("${UNSET:-${SET}}", "value"),
        ("${UNSET:-${ALSO_UNSET:-deep}}", "deep"),
        ("price: 5$ or $1 or $-", "price: 5$ or $1 or $-"),
        ("${SET:?required}", "value"),
        ("$UNSET-suffix", "-suffix"),
    ],
)
def test_values_are_substituted_like_compose(template: str, expected: str) -> None:
    result = interpolate(template, ENV)
    assert result.value == expected
    assert not [issue for issue in result.issues if issue.kind == "syntax"]


@pytest.mark.parametrize(
    ("template", "start", "end"),
    [("${}", 0, 3), ("a ${1X} b", 2, 7), ("${VAR", 0, 5), ("x${A B}", 1, 7), ("${A:=b}", 0, 7)],
)
def test_invalid_expressions_are_reported_at_their_offsets(template: str, start: int, end: int) -> None:
    issues = interpolate(template, ENV).issues
    assert [(i.kind, i.start, i.end) for i in issues] == [("syntax", start, end)]


@pytest.mark.parametrize(
    ("template", "missing"),
    [("${UNSET:?msg}", True), ("${EMPTY:?msg}", True), ("${EMPTY?msg}", False), ("${UNSET?}", True)],
)
def test_required_variables_without_value_are_reported(template: str, missing: bool) -> None:
    issues = interpolate(template, ENV).issues
    assert bool([i for i in issues if i.kind == "required"]) is missing


def test_required_message_is_kept() -> None:
    (issue,) = interpolate("x ${TOKEN:?set TOKEN in .env}", {}).issues
    assert issue.message == "required variable TOKEN needs a non-empty value: set TOKEN in .env"
    assert (issue.start, issue.end) == (2, 29)


def test_unset_variables_without_default_are_noted_as_missing() -> None:
    result = interpolate("${A}-${B:-b}-$C", {"C": "c"})
    assert result.value == "-b-c"
    assert result.missing == ["A"]
    assert result.variables == ["A", "B", "C"]


def test_dotenv_reads_quotes_comments_and_export() -> None:
    text = (
        "# comment\n"
        "A=1\n"
        "export B='two words'\n"
        'C="line\\nbreak" \n'
        "D=value # trailing comment\n"
        "E=\n"
        "F\n"
        "not an assignment\n"
        "G = spaced\n"
    )
    assert parse_dotenv(text) == {"A": "1", "B": "two words", "C": "line\nbreak", "D": "value", "E": "", "G": "spaced"}
