"""Map offsets in text assembled from several source lines back to their line and column.

A Dockerfile instruction's arguments are one logical string joined from continuation lines (with
comment lines dropped); rules and the shell parser work on that string, and findings must point at the
original file. A SourceMap records where each contiguous piece of the string came from.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from dockwright.findings import Span


@dataclass
class SourceMap:
    # Parallel lists, sorted by offset: the piece starting at offsets[i] begins at (lines[i], columns[i]).
    offsets: list[int] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    columns: list[int] = field(default_factory=list)
    length: int = 0

    def add(self, text_offset: int, line: int, column: int, size: int) -> None:
        self.offsets.append(text_offset)
        self.lines.append(line)
        self.columns.append(column)
        self.length = max(self.length, text_offset + size)

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column of the character at ``offset`` (clamped into the text)."""
        if not self.offsets:
            return (1, 1)
        offset = max(0, min(offset, max(self.length - 1, 0)))
        i = bisect.bisect_right(self.offsets, offset) - 1
        i = max(i, 0)
        return (self.lines[i], self.columns[i] + offset - self.offsets[i])

    def span(self, start: int, end: int) -> Span:
        """The span of text[start:end]; end is exclusive as in slicing."""
        end = max(end, start + 1)
        start_line, start_column = self.position(start)
        end_line, last_column = self.position(end - 1)
        return Span(start_line, start_column, end_line, last_column + 1)

    def shifted(self, start: int) -> SourceMap:
        """The map of text[start:]."""
        shifted = SourceMap(length=max(self.length - start, 0))
        for offset, line, column in zip(self.offsets, self.lines, self.columns, strict=True):
            end_of_piece = self._piece_end(offset)
            if end_of_piece <= start:
                continue
            if offset < start:
                column += start - offset
                offset = start
            shifted.offsets.append(offset - start)
            shifted.lines.append(line)
            shifted.columns.append(column)
        return shifted

    def _piece_end(self, offset: int) -> int:
        i = bisect.bisect_right(self.offsets, offset)
        return self.offsets[i] if i < len(self.offsets) else self.length
