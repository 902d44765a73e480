"""Tables as CSV for spreadsheets, safe to open: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
return would be run as a formula by Excel, LibreOffice and Google Sheets (CSV injection, OWASP), so it is written
with a leading apostrophe, which they show as text. Numbers are written as they are."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | bool | None


def csv_cell(value: Cell) -> str | int:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return value
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    """The table with its header row, quoted where needed (RFC 4180, CRLF line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    return buffer.getvalue()
