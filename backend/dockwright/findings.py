"""What a rule reports: severities, source spans, fixes and findings.

Positions follow SARIF: lines and columns are 1-based, and ``end_column`` is the column just past the
last character of the region, so a one-character finding at column 5 has ``end_column == 6``.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from dockwright.i18n import Message


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    STYLE = "style"
    # Only meaningful as a failure threshold or an override: "never fail" / "switch the rule off".
    NONE = "none"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.strip().lower())
        except ValueError:
            names = ", ".join(s.value for s in cls)
            raise ValueError(
                Message("unknown severity {value!r} (expected one of: {names})", value=value, names=names)
            ) from None


_RANKS = {
    Severity.ERROR: 4,
    Severity.WARNING: 3,
    Severity.INFO: 2,
    Severity.STYLE: 1,
    Severity.NONE: 0,
}


@dataclass(frozen=True, order=True)
class Span:
    start_line: int
    start_column: int
    end_line: int
    end_column: int

    @classmethod
    def point(cls, line: int, column: int) -> Span:
        return cls(line, column, line, column + 1)

    def cover(self, other: Span) -> Span:
        """The smallest span holding both."""
        start = min((self.start_line, self.start_column), (other.start_line, other.start_column))
        end = max((self.end_line, self.end_column), (other.end_line, other.end_column))
        return Span(start[0], start[1], end[0], end[1])


@dataclass(frozen=True)
class Edit:
    """Replace the text inside ``span`` with ``replacement`` (an empty span inserts)."""

    span: Span
    replacement: str


@dataclass(frozen=True)
class Fix:
    title: str
    edits: tuple[Edit, ...] = ()
    # Safe fixes change nothing but what the title says; `dockwright lint --fix` applies only those.
    safe: bool = False


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    span: Span
    fix: Fix | None = field(default=None, compare=False)
    # The code of the tool behind the rule, when it has its own (ShellCheck's `SC2086` under DF100): pragmas
    # and the config's `ignore` may name it instead of the rule.
    code: str | None = None

    @property
    def line(self) -> int:
        return self.span.start_line

    @property
    def column(self) -> int:
        return self.span.start_column

    def with_severity(self, severity: Severity) -> Finding:
        return replace(self, severity=severity)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        """The inverse of :meth:`to_dict` (extra keys, such as the API's ``rule_title``, are ignored)."""
        fix = data.get("fix")
        code = data.get("code")
        return cls(
            rule=str(data["rule"]),
            severity=Severity(data["severity"]),
            message=str(data["message"]),
            span=Span(int(data["line"]), int(data["column"]), int(data["end_line"]), int(data["end_column"])),
            fix=None
            if not fix
            else Fix(
                title=str(fix["title"]),
                safe=bool(fix["safe"]),
                edits=tuple(
                    Edit(Span(e["line"], e["column"], e["end_line"], e["end_column"]), str(e["replacement"]))
                    for e in fix["edits"]
                ),
            ),
            code=str(code) if code else None,
        )

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "line": self.span.start_line,
            "column": self.span.start_column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
        }
        if self.code is not None:
            data["code"] = self.code
        if self.fix is not None:
            data["fix"] = {
                "title": self.fix.title,
                "safe": self.fix.safe,
                "edits": [
                    {
                        "line": e.span.start_line,
                        "column": e.span.start_column,
                        "end_line": e.span.end_line,
                        "end_column": e.span.end_column,
                        "replacement": e.replacement,
                    }
                    for e in self.fix.edits
                ],
            }
        return data
