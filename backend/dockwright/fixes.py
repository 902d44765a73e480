"""Apply the edits of fixes to the text they were computed against (Dockerfiles and compose files alike).

Edits are applied from the end of the text backwards, so earlier positions stay valid. A fix is applied
whole or not at all: when any of its edits overlaps an edit already accepted, the fix is skipped (the
next run of the linter will offer it again, computed against the new text). Identical fixes reported by
several findings (e.g. one rewrite of a `depends_on` block) are applied once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from dockwright.findings import Edit, Finding, Fix, Span


def apply_fixes(text: str, findings: Iterable[Finding], safe_only: bool = True) -> tuple[str, int]:
    """The text with the findings' fixes applied, and how many fixes were applied."""
    starts = _line_starts(text)
    accepted: list[tuple[int, int, str]] = []
    seen: set[tuple[Edit, ...]] = set()
    applied = 0
    for fix in _fixes(findings, safe_only):
        key = tuple(sorted(fix.edits, key=lambda e: e.span))
        if key in seen:
            continue
        seen.add(key)
        ranges = [(_offset(text, starts, e.span, start=True), _offset(text, starts, e.span, start=False), e.replacement)
                  for e in fix.edits]  # fmt: skip
        if any(start > end for start, end, _ in ranges):
            continue
        if _overlaps(ranges) or any(_overlap(r, a) for r in ranges for a in accepted):
            continue
        accepted.extend(ranges)
        applied += 1
    for start, end, replacement in sorted(accepted, key=lambda r: (r[0], r[1]), reverse=True):
        text = text[:start] + replacement + text[end:]
    return text, applied


def _fixes(findings: Iterable[Finding], safe_only: bool) -> list[Fix]:
    fixes = [f.fix for f in findings if f.fix is not None and f.fix.edits and (f.fix.safe or not safe_only)]
    return sorted(fixes, key=lambda fix: min(e.span for e in fix.edits))


def _line_starts(text: str) -> list[int]:
    starts = [0]
    position = text.find("\n")
    while position >= 0:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts


def _offset(text: str, starts: list[int], span: Span, *, start: bool) -> int:
    """The character offset of a span's start or end; positions past a line or the text are clamped."""
    line, column = (span.start_line, span.start_column) if start else (span.end_line, span.end_column)
    if line > len(starts):
        return len(text)
    line_start = starts[line - 1]
    line_end = starts[line] - 1 if line < len(starts) else len(text)
    return min(line_start + max(column, 1) - 1, line_end)


def _overlap(first: tuple[int, int, str], second: tuple[int, int, str]) -> bool:
    """Two edits conflict when their ranges intersect, or both insert at the same place."""
    if first[0] == first[1] and second[0] == second[1]:
        return first[0] == second[0]
    if first[0] == first[1] or second[0] == second[1]:
        # An insertion conflicts with a replacement it falls into or starts (the order would be a guess).
        point, (start, end) = (first[0], second[:2]) if first[0] == first[1] else (second[0], first[:2])
        return start <= point < end
    return first[0] < second[1] and second[0] < first[1]


def _overlaps(ranges: list[tuple[int, int, str]]) -> bool:
    return any(_overlap(a, b) for i, a in enumerate(ranges) for b in ranges[i + 1 :])


def fix_until_stable(
    text: str,
    findings: Iterable[Finding],
    relint: Callable[[str], Iterable[Finding]],
    max_passes: int = 10,
    safe_only: bool = True,
) -> tuple[str, int]:
    """Apply safe fixes (all fixes when not ``safe_only``), re-lint, and repeat while fixes still apply:
    fixes that overlapped one applied in an earlier pass (quoting a port and binding it to 127.0.0.1) are
    offered again against the new text."""
    total = 0
    for _ in range(max_passes):
        text, applied = apply_fixes(text, findings, safe_only=safe_only)
        if not applied:
            break
        total += applied
        findings = relint(text)
    return text, total
