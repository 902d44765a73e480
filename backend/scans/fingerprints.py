"""Fingerprints of findings that survive line moves, so that comparing two scans says which findings are new and
which were fixed (as SonarQube's "new code" does), not which lines moved.

A finding is identified by its rule, its file, the text of the lines it points at with the whitespace normalised,
and its occurrence among the findings that share those three (the second identical `RUN apt-get update` in a file
is not the first). Adding or removing lines elsewhere in the file changes none of that.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

_WHITESPACE = re.compile(r"\s+")
# A finding that spans a whole long instruction keys on its first lines only: enough to tell it from the others.
MAX_KEY_LINES = 20


def normalised_text(lines: Sequence[str], start_line: int, end_line: int) -> str:
    """The text of lines ``start_line``..``end_line`` (1-based), whitespace collapsed, case kept."""
    first = max(start_line, 1) - 1
    last = min(end_line, len(lines), first + MAX_KEY_LINES)
    return _WHITESPACE.sub(" ", " ".join(lines[first:last])).strip()


def fingerprints(*, path: str, content: str, findings: Sequence[dict[str, Any]]) -> list[str]:
    """One fingerprint per finding (in the API's shape: rule, line, end_line), in the order given."""
    lines = content.splitlines()
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for finding in sorted(findings, key=lambda f: (f["line"], f.get("column", 0))):
        text = normalised_text(lines, int(finding["line"]), int(finding.get("end_line") or finding["line"]))
        key = (str(finding["rule"]), text)
        occurrence = seen[key]
        seen[key] += 1
        out.append((finding, _digest(finding["rule"], path, text, occurrence)))
    order = {id(finding): digest for finding, digest in out}
    return [order[id(finding)] for finding in findings]


def _digest(rule: str, path: str, text: str, occurrence: int) -> str:
    return hashlib.sha256("\x1f".join((rule, path, text, str(occurrence))).encode("utf-8")).hexdigest()
