"""The edits that switch a rule off with a pragma (see :mod:`dockwright.pragmas` for what they mean).

"Here" puts ``# dockwright ignore=ID`` above the Dockerfile instruction holding the finding (above the
finding's line in a Compose file, where it covers that line and its block); "in this file" puts
``# dockwright global ignore=ID`` at the top, below a Dockerfile's parser directives (``# syntax=``,
``# escape=``), which BuildKit reads only before any other comment. When the line already holds a pragma
of the same reach, the id is added to its list instead.
"""

from __future__ import annotations

import re
from typing import Any

from dockwright.findings import Edit, Finding, Span

_PRAGMA = re.compile(r"^\s*#\s*dockwright\s+(?P<global>global\s+)?ignore\s*=\s*", re.IGNORECASE)
_IDS = re.compile(r"[A-Za-z0-9_\-]+(?:\s*,\s*[A-Za-z0-9_\-]+)*")


def ignore_here(kind: str, document: Any, lines: list[str], finding: Finding, rule_id: str) -> Edit | None:
    """The edit that ignores ``rule_id`` where ``finding`` is; None when no pragma can reach it there."""
    line = _target_line(kind, document, finding.span.start_line)
    if line is None or line > len(lines):
        return None
    above = line - 1
    if above >= 1:
        appended = _append(lines[above - 1], above, rule_id, is_global=False)
        if appended is not None:
            return appended
    text = lines[line - 1]
    indent = text[: len(text) - len(text.lstrip(" \t"))]
    return Edit(Span(line, 1, line, 1), f"{indent}# dockwright ignore={rule_id}\n")


def ignore_in_file(kind: str, document: Any, lines: list[str], rule_id: str) -> Edit:
    for number, text in enumerate(lines, start=1):
        appended = _append(text, number, rule_id, is_global=True)
        if appended is not None:
            return appended
    line = 1
    if kind == "dockerfile" and document is not None and document.directives:
        line = max(directive.line for directive in document.directives.values()) + 1
    return Edit(Span(line, 1, line, 1), f"# dockwright global ignore={rule_id}\n")


def _target_line(kind: str, document: Any, line: int) -> int | None:
    if kind != "dockerfile":
        return line
    if document is None:
        return None
    for instruction in document.instructions:
        if instruction.span.start_line <= line <= instruction.span.end_line:
            return int(instruction.span.start_line)
    return None


def _append(text: str, number: int, rule_id: str, *, is_global: bool) -> Edit | None:
    """The edit adding ``rule_id`` to the pragma on this line, if it holds one of that reach."""
    match = _PRAGMA.match(text)
    if match is None or bool(match.group("global")) != is_global:
        return None
    ids = _IDS.match(text, match.end())
    if ids is None:
        return None
    if rule_id.upper() in {name.strip().upper() for name in ids.group(0).split(",")}:
        return None
    column = ids.end() + 1
    return Edit(Span(number, column, number, column), f",{rule_id}")
