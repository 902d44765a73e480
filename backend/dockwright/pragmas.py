"""Inline suppression comments.

``# dockwright ignore=ID[,ID]`` suppresses findings of the next instruction (Dockerfile) or of the next line
or the line it ends (compose); ``# dockwright global ignore=ID[,ID]`` suppresses them in the whole file. The
same forms with ``hadolint`` and hadolint's ids are honoured through each rule's recorded equivalents, and
BuildKit's ``# check=skip=Name[,Name]`` directive through the BuildKit equivalents. dclint's comments work
in compose files: ``# dclint disable [names]`` and ``# dclint disable-file`` on the first line (after any
``---``), ``# dclint disable-line [names]`` after code or on the line above it, ``# dclint disable-next-line
[names]``; without names they mean every rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dockwright.rules.base import RuleRegistry

_PRAGMA = re.compile(
    r"#\s*(?P<tool>dockwright|hadolint)\s+(?P<global>global\s+)?ignore\s*=\s*(?P<ids>[A-Za-z0-9_\-, ]+)",
    re.IGNORECASE,
)
_SHELLCHECK_CODE = re.compile(r"\bSC\d{4}\b")
# The ids run greedily up to `;` or the end: a lazy group followed by `\s*` would retry the rest of the line at
# every position (a long run of spaces took seconds).
_CHECK_SKIP = re.compile(r"^#\s*check\s*=\s*skip\s*=(?P<ids>[A-Za-z0-9_,\s]*)(?:;|$)", re.IGNORECASE)
_DCLINT = re.compile(r"#[ \t]*dclint[ \t]+(?P<verb>disable(?:-file|-next-line|-line)?)\b(?P<ids>[^#]*)", re.IGNORECASE)


@dataclass(frozen=True)
class Pragma:
    line: int
    rule_ids: frozenset[str]
    is_global: bool
    # True when the comment follows code on the same line (compose only).
    trailing: bool
    # Sub-codes named in the pragma (`# hadolint ignore=SC2086`): they mute the findings with that code.
    codes: frozenset[str] = frozenset()


def scan(lines: list[str], registry: RuleRegistry) -> list[Pragma]:
    pragmas: list[Pragma] = []
    first = next((n for n, line in enumerate(lines, start=1) if line.strip() not in ("", "---")), 0)
    for number, line in enumerate(lines, start=1):
        if "#" not in line:
            continue
        dclint = _DCLINT.search(line)
        if dclint:
            pragmas.extend(_dclint(dclint, line, number, number == first, registry))
            continue
        match = _PRAGMA.search(line)
        if match:
            ids = _resolve(match.group("ids"), registry)
            trailing = bool(line[: match.start()].strip())
            codes = frozenset(_SHELLCHECK_CODE.findall(match.group("ids").upper()))
            pragmas.append(Pragma(number, ids, bool(match.group("global")), trailing, codes))
            continue
        skip = _CHECK_SKIP.match(line.strip())
        if skip:
            ids = _resolve(skip.group("ids"), registry)
            pragmas.append(Pragma(number, ids, True, False))
    return pragmas


def _dclint(match: re.Match[str], line: str, number: int, first: bool, registry: RuleRegistry) -> list[Pragma]:
    """dclint's comment: the whole file from its first line; else one line, as a trailing pragma on it."""
    verb = match.group("verb").lower()
    names = match.group("ids").strip() if verb != "disable-file" else ""
    ids = _resolve(names or "all", registry)
    if verb in ("disable", "disable-file"):
        return [Pragma(number, ids, True, False)] if first else []
    after_code = verb == "disable-line" and bool(line[: match.start()].strip())
    return [Pragma(number if after_code else number + 1, ids, False, True)]


def _resolve(names: str, registry: RuleRegistry) -> frozenset[str]:
    resolved: set[str] = set()
    for name in re.split(r"[,\s]+", names.strip()):
        if not name:
            continue
        if name.lower() == "all":
            resolved.update(r.id for r in registry)
            continue
        resolved.update(registry.resolve_id(name))
    return frozenset(resolved)
