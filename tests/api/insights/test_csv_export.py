"""CSV cells: text a spreadsheet would run as a formula is written with a leading apostrophe; numbers, booleans and
plain text as they are; quoting as RFC 4180 has it."""

from __future__ import annotations

import pytest

from insights.csv_export import csv_cell, csv_text


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("python", "python"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (True, "true"),
        (False, "false"),
        (-3, -3),
        (42, 42),
    ],
)
def test_a_cell_is_never_a_formula(value: object, written: object) -> None:
    assert csv_cell(value) == written  # type: ignore[arg-type]


def test_commas_quotes_and_line_breaks_are_quoted() -> None:
    text = csv_text(("a", "b"), [("x,y", 'say "hi"'), ("two\nlines", 1)])

    assert text == 'a,b\r\n"x,y","say ""hi"""\r\n"two\nlines",1\r\n'
