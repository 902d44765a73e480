"""Apply the edits of fixes to the text they were computed against (Dockerfiles and compose files alike).

Edits are applied from the end of the text backwards, so earlier positions stay valid. A fix is applied
whole or not at all: when any of its edits overlaps an edit already accepted, the fix is skipped (the
next run of the linter will offer it again, computed against the new text). Identical fixes reported by
several findings (e.g. one rewrite of a `depends_on` block) are applied once.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable

from dockwright.budget import DEFAULT_LIMITS, Limits
from dockwright.findings import Edit, Finding, Fix, Span


def apply_fixes(text: str, findings: Iterable[Finding], safe_only: bool = True) -> tuple[str, int]:
    """The text with the findings' fixes applied, and how many fixes were applied."""
    starts = _line_starts(text)
    accepted = _Accepted()
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
        if _overlaps(ranges) or any(accepted.conflicts(r) for r in ranges):
            continue
        for edit_range in ranges:
            accepted.add(edit_range)
        applied += 1
    pieces: list[str] = []
    end_of_last = 0
    for start, end, replacement in accepted.ranges:
        pieces.extend((text[end_of_last:start], replacement))
        end_of_last = end
    pieces.append(text[end_of_last:])
    return "".join(pieces), applied


class _Accepted:
    """The edits accepted so far, sorted by position. They never conflict with each other, so their ends are in
    order too, and a new edit need only be compared with its neighbours: a file with thousands of fixes is
    not compared pair by pair."""

    def __init__(self) -> None:
        self.ranges: list[tuple[int, int, str]] = []

    def conflicts(self, candidate: tuple[int, int, str]) -> bool:
        index = bisect.bisect_left(self.ranges, (candidate[0], candidate[1]), key=lambda r: (r[0], r[1]))
        if index > 0 and _overlap(candidate, self.ranges[index - 1]):
            return True
        for accepted in itertools.islice(self.ranges, index, None):
            if accepted[0] > candidate[1]:
                return False
            if _overlap(candidate, accepted):
                return True
        return False

    def add(self, edit_range: tuple[int, int, str]) -> None:
        bisect.insort(self.ranges, edit_range, key=lambda r: (r[0], r[1]))


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
    safe_only: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[str, int]:
    """Apply safe fixes (all fixes when not ``safe_only``), re-lint, and repeat while fixes still apply:
    fixes that overlapped one applied in an earlier pass (quoting a port and binding it to 127.0.0.1) are
    offered again against the new text. Each pass lints the whole text again, so the passes are bounded by the
    analysis' limits: at most ``max_fix_passes``, and no more text re-linted than ``max_fix_relint_chars``."""
    total = 0
    relinted = 0
    for _ in range(limits.max_fix_passes):
        text, applied = apply_fixes(text, findings, safe_only=safe_only)
        total += applied
        relinted += len(text)
        if not applied or relinted > limits.max_fix_relint_chars:
            break
        findings = relint(text)
    return text, total
