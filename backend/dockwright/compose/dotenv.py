"""The ``.env`` file Compose reads for interpolation: ``KEY=value`` lines, quotes and comments."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"^\s*(?:export\s+)?(?P<key>[A-Za-z_][A-Za-z0-9_.\-]*)\s*(?:=\s*(?P<value>.*))?$")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "$": "$"}


@dataclass(frozen=True)
class DotenvEntry:
    key: str
    value: str
    line: int  # 1-based, for messages that point into the file


def dotenv_entries(text: str) -> list[DotenvEntry]:
    """The assignments of an env file in order; lines that are not assignments are ignored, as Compose does
    for comments."""
    entries: list[DotenvEntry] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        match = _LINE.match(line)
        if match is None:
            continue
        value = match.group("value")
        if value is None:
            continue  # a bare `KEY` takes its value from the shell environment, which we do not know
        entries.append(DotenvEntry(match.group("key"), _value(value.strip()), number))
    return entries


def parse_dotenv(text: str) -> dict[str, str]:
    """Variables of an env file, the last assignment of a name winning."""
    return {entry.key: entry.value for entry in dotenv_entries(text)}


def _value(value: str) -> str:
    if value[:1] == "'" and "'" in value[1:]:
        return value[1 : value.index("'", 1)]
    if value[:1] == '"':
        out: list[str] = []
        position = 1
        while position < len(value) and value[position] != '"':
            char = value[position]
            if char == "\\" and position + 1 < len(value):
                out.append(_ESCAPES.get(value[position + 1], "\\" + value[position + 1]))
                position += 2
                continue
            out.append(char)
            position += 1
        return "".join(out)
    comment = value.find(" #")
    return (value[:comment] if comment >= 0 else value).strip()
