"""Inline suppression comments.

``# dockwright ignore=ID[,ID]`` suppresses findings of the next instruction (Dockerfile) or of the next line
or the line it ends (compose); ``# dockwright global ignore=ID[,ID]`` suppresses them in the whole file. The
same forms with ``hadolint`` and hadolint's ids are honoured through each rule's recorded equivalents, and
BuildKit's ``# check=skip=Name[,Name]`` directive through the BuildKit equivalents.
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
    for number, line in enumerate(lines, start=1):
        if "#" not in line:
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
