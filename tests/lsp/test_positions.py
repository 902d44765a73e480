"""The engine's 1-based character columns against the protocol's 0-based code units."""

from __future__ import annotations

import pytest
from lsprotocol.types import Position, Range

from dockwright.findings import Span
from dockwright.lsp.positions import UTF8, UTF16, UTF32, from_position, split_lines, to_position, to_range

LINES = split_lines('FROM debian:12\r\nRUN echo "😀é" && cd /tmp\n')
CD = LINES[1].index("cd") + 1  # the engine's column of `cd`


@pytest.mark.parametrize(
    ("encoding", "character"),
    [(UTF16, CD - 1 + 1), (UTF8, CD - 1 + 3 + 1), (UTF32, CD - 1)],
    ids=["utf-16: the emoji is two units", "utf-8: four for the emoji, two for é", "utf-32: characters"],
)
def test_a_column_after_non_ascii_characters_counts_the_encodings_code_units(encoding: str, character: int) -> None:
    assert to_position(LINES, 2, CD, encoding) == Position(line=1, character=character)
    assert from_position(LINES, Position(line=1, character=character), encoding) == (2, CD)


def test_a_carriage_return_is_not_part_of_the_line() -> None:
    assert LINES[0] == "FROM debian:12"
    assert to_range(LINES, Span(1, 6, 1, 15), UTF16) == Range(
        start=Position(line=0, character=5), end=Position(line=0, character=14)
    )


def test_positions_past_a_line_or_the_text_are_clamped() -> None:
    assert to_position(LINES, 1, 99) == Position(line=0, character=14)
    assert to_position(LINES, 9, 1) == Position(line=2, character=0)
    assert from_position(LINES, Position(line=0, character=99)) == (1, 15)
    assert from_position(LINES, Position(line=7, character=0)) == (3, 1)
