"""`.dockerignore` matching as Docker does it (moby/patternmatcher): the last matching pattern wins, `!`
re-includes, `**` spans directories, and a pattern that matches a parent directory excludes what is in it.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class IgnorePattern:
    text: str  # as written, after cleaning
    line: int
    negated: bool
    regex: re.Pattern[str]

    def matches(self, path: str) -> bool:
        """True when the pattern matches the path or one of its parent directories."""
        if self.regex.match(path):
            return True
        parts = path.split("/")
        return any(self.regex.match("/".join(parts[:depth])) for depth in range(1, len(parts)))


def parse_dockerignore(content: str) -> list[IgnorePattern]:
    patterns = []
    for number, raw in enumerate(content.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        if negated:
            line = line[1:].strip()
        cleaned = posixpath.normpath(line.replace("\\", "/")).lstrip("/") if line not in ("/", "") else "."
        if not cleaned:
            continue
        patterns.append(IgnorePattern(cleaned, number, negated, re.compile(_to_regex(cleaned))))
    return patterns


def excluding_pattern(patterns: list[IgnorePattern], path: str) -> IgnorePattern | None:
    """The pattern that excludes ``path`` (relative to the context), or None when the path is kept."""
    path = posixpath.normpath(path.replace("\\", "/")).lstrip("/")
    verdict: IgnorePattern | None = None
    for pattern in patterns:
        if pattern.matches(path):
            verdict = None if pattern.negated else pattern
    return verdict


def _to_regex(pattern: str) -> str:
    out = ["^"]
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "*":
            if pattern.startswith("**", index):
                index += 2
                if pattern.startswith("/", index):
                    index += 1
                    out.append("(.*/)?")  # `**/` is zero or more directories
                else:
                    out.append(".*")
                continue
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "\\" and index + 1 < len(pattern):
            index += 1
            out.append(re.escape(pattern[index]))
        elif char == "[":
            close = pattern.find("]", index + 1)
            if close < 0:
                out.append(re.escape(char))
            else:
                body = pattern[index + 1 : close].replace("\\", "\\\\")
                out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
                index = close
        else:
            out.append(re.escape(char))
        index += 1
    out.append("$")
    return "".join(out)
