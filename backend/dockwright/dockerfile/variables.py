"""Variable substitution as BuildKit performs it in FROM, COPY, ENV, WORKDIR and the other instructions.

Supports ``$VAR``, ``${VAR}``, ``${VAR:-default}``, ``${VAR-default}``, ``${VAR:+alt}``, ``${VAR+alt}``,
``${VAR:?message}``, ``${VAR#pattern}``/``%`` trims and an escaped ``\\$``. Unknown forms are kept as
written rather than raising: a lint must never fail on a file BuildKit might accept.

Two entry points:

* :func:`expand` substitutes variables and leaves everything else (quotes included) as written;
* :func:`process_word` reads the text as BuildKit's shell lexer reads one word (``ENV`` values, the
  image of ``FROM``): quotes are removed, nothing is expanded inside single quotes, and escapes resolve.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from dockwright import budget

# BuildKit's lexer takes any Unicode letter, digit or `_` in a name (not starting with a digit).
_NAME = re.compile(r"[^\W\d]\w*")
_OPERATORS = (":-", ":+", ":?", "-", "+", "?", "##", "#", "%%", "%")
# A trim pattern longer than this is not worth fnmatch's quadratic scan (and never appears in real files).
_MAX_TRIM = 256


class _Unknown(str):
    """The value of a variable whose value the analysis gave up on (over a limit of :mod:`dockwright.budget`)."""


# Stored in a scope in place of such a value; found by identity, and reads as an empty string elsewhere.
UNKNOWN: str = _Unknown("")


@dataclass
class Expansion:
    value: str
    # Names referenced that had no value, or an UNKNOWN one; the result then contains an empty string in
    # their place, so whoever needs the real value skips the word.
    undefined: list[str] = field(default_factory=list)
    # Names referenced at all (defined or not), in order.
    referenced: list[str] = field(default_factory=list)
    # Names referenced whose value is UNKNOWN: defined, but over a limit.
    unknown: list[str] = field(default_factory=list)
    # Why the value is not the whole expansion (a limit of the analysis' budget), or None.
    limited: str | None = None

    @property
    def resolved(self) -> bool:
        """True when ``value`` is what the build would see: every name defined, nothing over a limit."""
        return not self.undefined and self.limited is None

    @property
    def given_up(self) -> bool:
        """True when part of the value is over a limit of the analysis (not merely undefined)."""
        return bool(self.unknown) or self.limited is not None


def expand(text: str, env: Mapping[str, str | None], escape: str = "\\") -> Expansion:
    """Substitute the variables of ``text``; quotes and other characters stay as written."""
    result = Expansion("")
    if "$" not in text:
        result.value = text
        return result
    return _charged(result, _Substituter(text, env, escape, result, quotes=False).run())


def process_word(text: str, env: Mapping[str, str | None], escape: str = "\\") -> Expansion:
    """``text`` as BuildKit's word processing yields it: variables substituted (except inside single
    quotes), quotes removed, escapes resolved, whitespace kept."""
    result = Expansion("")
    if "$" not in text and "'" not in text and '"' not in text and escape not in text:
        result.value = text
        return result
    return _charged(result, _Substituter(text, env, escape, result, quotes=True).run())


@dataclass(frozen=True)
class Reference:
    """One `$NAME` or `${NAME...}` in a text, as BuildKit's lexer finds it."""

    name: str
    start: int  # offsets in the text, end exclusive, from `$` through the name or the closing brace
    end: int
    # True for `$NAME` and `${NAME}`; False with an operator (`${NAME:-default}`, `${NAME#prefix}`).
    plain: bool


def references(text: str, escape: str = "\\") -> list[Reference]:
    """The variable references of ``text`` that BuildKit substitutes: outside single quotes, not escaped, in
    order. Those nested inside another's operand (`${A:-$B}`) are part of the outer one and not listed."""
    found: list[Reference] = []
    if "$" not in text:
        return found
    i, n = 0, len(text)
    quote = ""
    while i < n:
        ch = text[i]
        if quote == "'":
            quote = "" if ch == "'" else quote
            i += 1
        elif ch == escape:
            i += 2
        elif ch in ("'", '"') and quote in ("", ch):
            quote = "" if quote else ch
            i += 1
        elif ch == "$" and i + 1 < n:
            reference, i = _reference_at(text, i)
            if reference is not None:
                found.append(reference)
        else:
            i += 1
    return found


def _reference_at(text: str, dollar: int) -> tuple[Reference | None, int]:
    """The reference at ``text[dollar]`` and where reading goes on, as :class:`_Substituter` reads it: an
    unclosed `${` leaves the rest of the text literal, a `${...}` without a name is skipped whole."""
    if text[dollar + 1] != "{":
        match = _NAME.match(text, dollar + 1)
        if match is None:
            return None, dollar + 1
        return Reference(match.group(), dollar, match.end(), plain=True), match.end()
    close = _matching_brace(text, dollar + 1)
    if close < 0:
        return None, len(text)
    match = _NAME.match(text, dollar + 2)
    if match is None:
        return None, close + 1
    return Reference(match.group(), dollar, close + 1, plain=match.end() == close), close + 1


# Why a value stayed unresolved once the analysis' expansion budget is spent (reported once per file).
BUDGET_SPENT = "the analysis has expanded as many variables as its budget allows"


def _charged(result: Expansion, value: str) -> Expansion:
    """Charge the analysis' budget for ``value``; once it is spent, values stay unresolved."""
    if not budget.current().spend_expansion(len(value)) and result.limited is None:
        result.limited = BUDGET_SPENT
    result.value = value
    return result


class _Substituter:
    def __init__(
        self,
        text: str,
        env: Mapping[str, str | None],
        escape: str,
        result: Expansion,
        *,
        quotes: bool,
        depth: int = 0,
    ) -> None:
        self.text = text
        self.env = env
        self.escape = escape
        self.result = result
        self.quotes = quotes
        self.depth = depth
        self.limits = budget.current().limits

    def run(self) -> str:
        text, n, escape, quotes = self.text, len(self.text), self.escape, self.quotes
        # What variables add is counted as it comes; the rest of the output is never longer than the text.
        max_chars = self.limits.max_value_chars
        added = 0
        out: list[str] = []
        i = 0
        quote = ""
        while i < n:
            ch = text[i]
            if quote == "'":
                # Single quotes: everything literal up to the closing quote.
                if ch != "'":
                    out.append(ch)
                else:
                    quote = ""
                i += 1
            elif quote == '"' and ch == '"':
                quote = ""
                i += 1
            elif quote == '"' and ch == escape and i + 1 < n and text[i + 1] in ('"', "$", escape):
                out.append(text[i + 1])
                i += 2
            elif quotes and not quote and ch in ("'", '"'):
                quote = ch
                i += 1
            elif ch == escape and not quote and quotes:
                # Unquoted escape: the next character is literal; a trailing escape vanishes.
                out.append(text[i + 1 : i + 2])
                i += 2
            elif ch == escape and i + 1 < n and text[i + 1] == "$":
                out.append("$")
                i += 2
            elif ch == "$" and i + 1 < n:
                value, i = self._dollar(i)
                out.append(value)
                added += len(value)
                if added > max_chars:
                    return self._too_long(text)
            else:
                out.append(ch)
                i += 1
        joined = "".join(out)
        return joined if len(joined) <= max_chars else self._too_long(text)

    def _too_long(self, text: str) -> str:
        self.result.limited = f"its value would be longer than {self.limits.max_value_chars:,} characters"
        return text

    def _dollar(self, i: int) -> tuple[str, int]:
        """Substitute the expansion starting at ``text[i] == "$"``; return it and the index after it."""
        text = self.text
        if text[i + 1] == "{":
            close = _matching_brace(text, i + 1)
            if close < 0:
                return text[i:], len(text)
            return self._braced(text[i + 2 : close]), close + 1
        match = _NAME.match(text, i + 1)
        if match:
            return self._lookup(match.group()) or "", match.end()
        return "$", i + 1

    def _lookup(self, name: str) -> str | None:
        self.result.referenced.append(name)
        value = self.env.get(name)
        if value is None:
            self.result.undefined.append(name)
        elif value is UNKNOWN:
            self.result.undefined.append(name)
            self.result.unknown.append(name)
        return value

    def _braced(self, body: str) -> str:
        match = _NAME.match(body)
        if not match:
            return "${" + body + "}"
        name, rest = match.group(), body[match.end() :]
        if not rest:
            return self._lookup(name) or ""
        self.result.referenced.append(name)
        value = self.env.get(name)
        if value is UNKNOWN:
            self.result.undefined.append(name)
            self.result.unknown.append(name)
        for op in _OPERATORS:
            if rest.startswith(op):
                if self.depth >= self.limits.max_nesting:
                    self.result.limited = f"its `${{...}}` nest deeper than {self.limits.max_nesting} levels"
                    return "${" + body + "}"
                word = _Substituter(
                    rest[len(op) :], self.env, self.escape, Expansion(""), quotes=self.quotes, depth=self.depth + 1
                )
                word_value = word.run()
                self.result.referenced.extend(word.result.referenced)
                self.result.undefined.extend(word.result.unknown)
                self.result.unknown.extend(word.result.unknown)
                self.result.limited = self.result.limited or word.result.limited
                return _apply(op, value, word_value, name, self.result)
        return "${" + body + "}"


def _matching_brace(text: str, open_index: int) -> int:
    depth = 0
    for j in range(open_index, len(text)):
        if text[j] == "{":
            depth += 1
        elif text[j] == "}":
            depth -= 1
            if depth == 0:
                return j
    return -1


def _apply(op: str, value: str | None, word: str, name: str, result: Expansion) -> str:
    is_set = value is not None
    nonempty = bool(value)
    if op == ":-":
        return value if nonempty else word  # type: ignore[return-value]
    if op == "-":
        return value if is_set else word  # type: ignore[return-value]
    if op == ":+":
        return word if nonempty else ""
    if op == "+":
        return word if is_set else ""
    if op in (":?", "?"):
        if (op == ":?" and not nonempty) or (op == "?" and not is_set):
            result.undefined.append(name)
            return ""
        return value or ""
    if value is None:
        result.undefined.append(name)
        return ""
    return _trim(op, value, word)


def _trim(op: str, value: str, pattern: str) -> str:
    if len(value) > _MAX_TRIM or len(pattern) > _MAX_TRIM:
        return value
    indices = range(len(value) + 1)
    if op in ("#", "##"):
        order = indices if op == "#" else reversed(indices)
        for k in order:
            if fnmatch.fnmatchcase(value[:k], pattern):
                return value[k:]
        return value
    order = reversed(indices) if op == "%" else indices
    for k in order:
        if fnmatch.fnmatchcase(value[k:], pattern):
            return value[:k]
    return value
