"""Between the engine's positions and the protocol's.

The engine counts lines and columns from 1 in characters (code points), with exclusive end columns. LSP
counts both from 0 and measures a column in the code units of the encoding agreed at initialisation: UTF-16
unless client and server chose UTF-8 or UTF-32. A character outside the Basic Multilingual Plane (an emoji)
is two UTF-16 units and four UTF-8 ones, and a non-ASCII letter two UTF-8 units, so a column is converted
through the text of its line.
"""

from __future__ import annotations

from lsprotocol import types

from dockwright.findings import Span

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` as the engine numbers them: split at LF, a CR before it removed."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def _units(character: str, encoding: str) -> int:
    point = ord(character)
    if encoding == UTF16:
        return 2 if point > 0xFFFF else 1
    if encoding == UTF8:
        return 1 if point < 0x80 else 2 if point < 0x800 else 3 if point < 0x10000 else 4
    return 1


def _to_units(line: str, characters: int, encoding: str) -> int:
    prefix = line[:characters]
    if encoding == UTF32 or prefix.isascii():
        return len(prefix)
    return sum(_units(character, encoding) for character in prefix)


def _to_characters(line: str, units: int, encoding: str) -> int:
    if encoding == UTF32 or line.isascii():
        return min(units, len(line))
    counted = 0
    for index, character in enumerate(line):
        if counted >= units:
            return index
        counted += _units(character, encoding)
    return len(line)


def to_position(lines: list[str], line: int, column: int, encoding: str = UTF16) -> types.Position:
    """The protocol position of the engine's (line, column); past the end of a line or the text, clamped."""
    if not lines:
        return types.Position(line=0, character=0)
    if line > len(lines):
        last = len(lines) - 1
        return types.Position(line=last, character=_to_units(lines[last], len(lines[last]), encoding))
    index = max(line, 1) - 1
    return types.Position(line=index, character=_to_units(lines[index], max(column, 1) - 1, encoding))


def to_range(lines: list[str], span: Span, encoding: str = UTF16) -> types.Range:
    return types.Range(
        start=to_position(lines, span.start_line, span.start_column, encoding),
        end=to_position(lines, span.end_line, span.end_column, encoding),
    )


def from_position(lines: list[str], position: types.Position, encoding: str = UTF16) -> tuple[int, int]:
    """The engine's (line, column) of a protocol position."""
    if not lines:
        return 1, 1
    index = min(position.line, len(lines) - 1)
    return index + 1, _to_characters(lines[index], position.character, encoding) + 1


def contains(span: Span, line: int, column: int) -> bool:
    """Whether the engine position falls inside ``span`` (its end included, so a cursor just past a word
    still counts as on it)."""
    return (span.start_line, span.start_column) <= (line, column) <= (span.end_line, span.end_column)


def overlaps(span: Span, first: tuple[int, int], last: tuple[int, int]) -> bool:
    """Whether ``span`` meets the engine range from ``first`` to ``last`` (both included)."""
    return (span.start_line, span.start_column) <= last and first <= (span.end_line, span.end_column)
