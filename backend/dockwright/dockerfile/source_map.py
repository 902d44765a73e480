"""Map offsets in text assembled from several source lines back to their line and column.

A Dockerfile instruction's arguments are one logical string joined from continuation lines (with
comment lines dropped); rules and the shell parser work on that string, and findings must point at the
original file. A SourceMap records where each contiguous piece of the string came from.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from dockwright.findings import Span


@dataclass(slots=True)
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
        end = text_offset + size
        if end > self.length:
            self.length = end

    def position(self, offset: int) -> tuple[int, int]:
        """Line and column of the character at ``offset``.

        Offsets past the end continue the last piece's line (so the position just after the text is
        where an insertion would go); negative offsets clamp to the start.
        """
        offsets = self.offsets
        if not offsets:
            return (1, 1)
        if offset < 0:
            offset = 0
        i = 0 if len(offsets) == 1 or offset < offsets[1] else bisect.bisect_right(offsets, offset) - 1
        return (self.lines[i], self.columns[i] + offset - offsets[i])

    def span(self, start: int, end: int) -> Span:
        """The span of text[start:end]; end is exclusive as in slicing."""
        if end <= start:
            end = start + 1
        offsets = self.offsets
        if len(offsets) != 1:
            start_line, start_column = self.position(start)
            end_line, last_column = self.position(end - 1)
            return Span(start_line, start_column, end_line, last_column + 1)
        # One piece (a one-line instruction): `position` inlined, as this is the parser's and the shell
        # analysis' hottest call.
        line = self.lines[0]
        column = self.columns[0] - offsets[0]
        last = end - 1
        return Span(line, column + (start if start > 0 else 0), line, column + (last if last > 0 else 0) + 1)

    def shifted(self, start: int) -> SourceMap:
        """The map of text[start:]. Shifting to the very end keeps the position just past the text."""
        offsets = self.offsets
        count = len(offsets)
        length = self.length - start if self.length > start else 0
        if start <= 0 or count == 0:
            return SourceMap(list(offsets), list(self.lines), list(self.columns), self.length if count else length)
        if count == 1:
            # One line: the common case, and hot.
            return SourceMap([0], [self.lines[0]], [self.columns[0] + start - offsets[0]], length)
        new_offsets: list[int] = []
        new_lines: list[int] = []
        new_columns: list[int] = []
        for i in range(count):
            offset = offsets[i]
            if i + 1 < count and offsets[i + 1] <= start:
                continue
            column = self.columns[i]
            if offset < start:
                column += start - offset
                offset = start
            new_offsets.append(offset - start)
            new_lines.append(self.lines[i])
            new_columns.append(column)
        return SourceMap(new_offsets, new_lines, new_columns, length)
