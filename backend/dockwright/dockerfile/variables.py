"""Variable substitution as BuildKit performs it in FROM, COPY, ENV, WORKDIR and the other instructions.

Supports ``$VAR``, ``${VAR}``, ``${VAR:-default}``, ``${VAR-default}``, ``${VAR:+alt}``, ``${VAR+alt}``,
``${VAR:?message}``, ``${VAR#pattern}``/``%`` trims and an escaped ``\\$``. Unknown forms are kept as
written rather than raising: a lint must never fail on a file BuildKit might accept.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass
class Expansion:
    value: str
    # Names referenced that had no value; the result then contains an empty string in their place.
    undefined: list[str] = field(default_factory=list)
    # Names referenced at all (defined or not), in order.
    referenced: list[str] = field(default_factory=list)


def expand(text: str, env: Mapping[str, str | None], escape: str = "\\") -> Expansion:
    out: list[str] = []
    result = Expansion("")
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == escape and i + 1 < n and text[i + 1] == "$":
            out.append("$")
            i += 2
            continue
        if ch != "$" or i + 1 >= n:
            out.append(ch)
            i += 1
            continue
        nxt = text[i + 1]
        if nxt == "{":
            close = _matching_brace(text, i + 1)
            if close < 0:
                out.append(text[i:])
                break
            out.append(_braced(text[i + 2 : close], env, escape, result))
            i = close + 1
            continue
        match = _NAME.match(text, i + 1)
        if match:
            out.append(_lookup(match.group(), env, result) or "")
            i = match.end()
            continue
        out.append(ch)
        i += 1
    result.value = "".join(out)
    return result


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


def _lookup(name: str, env: Mapping[str, str | None], result: Expansion) -> str | None:
    result.referenced.append(name)
    value = env.get(name)
    if value is None:
        result.undefined.append(name)
    return value


def _braced(body: str, env: Mapping[str, str | None], escape: str, result: Expansion) -> str:
    match = _NAME.match(body)
    if not match:
        return "${" + body + "}"
    name, rest = match.group(), body[match.end() :]
    if not rest:
        return _lookup(name, env, result) or ""
    result.referenced.append(name)
    value = env.get(name)
    is_set = value is not None
    is_nonempty = bool(value)
    for op in (":-", ":+", ":?", "-", "+", "?", "##", "#", "%%", "%"):
        if rest.startswith(op):
            word = expand(rest[len(op) :], env, escape)
            result.referenced.extend(word.referenced)
            return _apply(op, value, is_set, is_nonempty, word.value, name, result)
    return "${" + body + "}"


def _apply(op: str, value: str | None, is_set: bool, nonempty: bool, word: str, name: str, result: Expansion) -> str:
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
