"""Variable interpolation exactly as Compose does it (compose-go's ``template`` package).

``$$`` is a literal ``$``; ``$VAR`` and ``${VAR}`` substitute; inside braces ``:-``/``-`` give a default
(when unset or empty / only when unset), ``:?``/``?`` make the variable required, ``:+``/``+`` give an
alternative when set; defaults and alternatives are themselves interpolated (``${A:-${B}}``). A ``$``
followed by anything else stays literal, but ``${`` must be a valid expression: anything else is an
error Compose refuses the file for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from dockwright.i18n import Message

_NAME = re.compile(r"[_A-Za-z][_A-Za-z0-9]*")
_OPERATORS = (":-", ":?", ":+", "-", "?", "+")
# Defaults nest (`${A:-${B:-...}}`); no real file nests more than a few levels, hostile ones nest thousands.
MAX_NESTING = 20


@dataclass(frozen=True)
class InterpolationIssue:
    """A problem at ``raw[start:end]`` of the scalar being interpolated."""

    start: int
    end: int
    message: str
    kind: str  # "syntax" or "required"


@dataclass
class Interpolated:
    value: str
    variables: list[str] = field(default_factory=list)
    # Variables used without a value and without a default: Compose substitutes "" (with a warning).
    missing: list[str] = field(default_factory=list)
    issues: list[InterpolationIssue] = field(default_factory=list)


def interpolate(text: str, env: Mapping[str, str]) -> Interpolated:
    result = Interpolated("")
    result.value = _Interpolator(text, env, result).run(0, len(text))
    return result


class _Interpolator:
    def __init__(self, text: str, env: Mapping[str, str], result: Interpolated) -> None:
        self.text = text
        self.env = env
        self.result = result
        self.depth = 0

    def run(self, start: int, stop: int) -> str:
        text = self.text
        out: list[str] = []
        position = start
        while position < stop:
            dollar = text.find("$", position, stop)
            if dollar < 0:
                out.append(text[position:stop])
                break
            out.append(text[position:dollar])
            following = text[dollar + 1] if dollar + 1 < stop else ""
            if following == "$":
                out.append("$")
                position = dollar + 2
            elif following == "{":
                value, position = self._braced(dollar, stop)
                out.append(value)
            else:
                name = _NAME.match(text, dollar + 1, stop)
                if name is None:
                    out.append("$")
                    position = dollar + 1
                else:
                    out.append(self._lookup(name.group()))
                    position = name.end()
        return "".join(out)

    def _lookup(self, name: str) -> str:
        self.result.variables.append(name)
        value = self.env.get(name)
        if value is None:
            self.result.missing.append(name)
            return ""
        return value

    def _braced(self, dollar: int, stop: int) -> tuple[str, int]:
        text = self.text
        close = _closing_brace(text, dollar + 2, stop)
        if close < 0:
            return self._invalid(dollar, stop, "`${` is never closed with `}`")
        name = _NAME.match(text, dollar + 2, close)
        if name is None:
            return self._invalid(
                dollar, close + 1, Message("`{text}` is not a valid variable reference", text=text[dollar : close + 1])
            )
        operator = next((op for op in _OPERATORS if text.startswith(op, name.end())), None)
        if operator is None:
            if name.end() != close:
                message = Message(
                    "`{text}` is not a valid variable reference (expected `:-`, `-`, `:?`, `?`, `:+` or `+` "
                    "after the name)",
                    text=text[dollar : close + 1],
                )
                return self._invalid(dollar, close + 1, message)
            return self._lookup(name.group()), close + 1
        variable = name.group()
        if self.depth >= MAX_NESTING:
            return self._invalid(
                dollar,
                close + 1,
                Message("expressions nest more than {MAX_NESTING} levels deep", MAX_NESTING=MAX_NESTING),
            )
        self.result.variables.append(variable)
        value = self.env.get(variable)
        is_set = value is not None
        is_non_empty = bool(value)
        argument_start = name.end() + len(operator)
        satisfied = is_non_empty if operator.startswith(":") else is_set
        if operator in (":-", "-"):
            if satisfied:
                return value or "", close + 1
            return self._nested(argument_start, close), close + 1
        if operator in (":+", "+"):
            return (self._nested(argument_start, close) if satisfied else ""), close + 1
        if not satisfied:
            reason = text[argument_start:close].strip()
            need = Message("a non-empty value") if operator == ":?" else Message("a value")
            issue = (
                Message(
                    "required variable {variable} needs {need}: {detail}", variable=variable, need=need, detail=reason
                )
                if reason
                else Message("required variable {variable} needs {need}", variable=variable, need=need)
            )
            self.result.issues.append(InterpolationIssue(dollar, close + 1, issue, "required"))
            self.result.missing.append(variable)
        return value or "", close + 1

    def _nested(self, start: int, stop: int) -> str:
        self.depth += 1
        try:
            return self.run(start, stop)
        finally:
            self.depth -= 1

    def _invalid(self, dollar: int, end: int, message: str) -> tuple[str, int]:
        self.result.issues.append(
            InterpolationIssue(dollar, end, Message("invalid interpolation: {message}", message=message), "syntax")
        )
        return self.text[dollar:end], end


def _closing_brace(text: str, start: int, stop: int) -> int:
    """The `}` closing a `${` whose content starts at ``start``, counting nested `${...}`."""
    depth = 0
    position = start
    while position < stop:
        char = text[position]
        if char == "$" and text.startswith("{", position + 1):
            depth += 1
            position += 2
            continue
        if char == "}":
            if depth == 0:
                return position
            depth -= 1
        position += 1
    return -1
