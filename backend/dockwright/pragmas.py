"""Inline suppression comments.

``# dockwright ignore=ID[,ID]`` suppresses findings of the next instruction (Dockerfile) or of the next line
or the line it ends (compose); ``# dockwright global ignore=ID[,ID]`` suppresses them in the whole file. The
same forms with ``hadolint`` and hadolint's ids are honoured through each rule's recorded equivalents, as is
hadolint's ``# hadolint stage ignore=ID`` (the rest of the stage it is in, or the stage it opens). BuildKit's
``# check=skip=Name[,Name]`` directive (the file) and comment (the instruction after it) mute the rules that
are BuildKit's checks, and ``experimental=Name`` switches an experimental one on, as BuildKit reads them (see
:mod:`dockwright.dockerfile.checks`). dclint's comments work
in compose files: ``# dclint disable [names]`` and ``# dclint disable-file`` on the first line (after any
``---``), ``# dclint disable-line [names]`` after code or on the line above it, ``# dclint disable-next-line
[names]``; without names they mean every rule.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dockwright.dockerfile import checks
from dockwright.rules.base import RuleRegistry

if TYPE_CHECKING:
    from dockwright.dockerfile.model import Dockerfile, Instruction

_PRAGMA = re.compile(
    r"#\s*(?P<tool>dockwright|hadolint)\s+(?:(?P<global>global)\s+|(?P<stage>stage)\s+)?ignore\s*=\s*"
    r"(?P<ids>[A-Za-z0-9_\-, ]+)",
    re.IGNORECASE,
)
_SHELLCHECK_CODE = re.compile(r"\bSC\d{4}\b")
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
    # `# hadolint stage ignore=`: the rest of the stage rather than the next instruction.
    stage: bool = False
    # The lines it covers, when the document decided them (BuildKit's check comments); else None.
    scope: tuple[int, int] | None = None


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
            pragmas.append(
                Pragma(number, ids, bool(match.group("global")), trailing, codes, bool(match.group("stage")))
            )
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


# -- BuildKit's check comments ---------------------------------------------------------------------------------


def buildkit_pragmas(document: Dockerfile, registry: RuleRegistry) -> list[Pragma]:
    """BuildKit's `# check=skip=` as pragmas on the rules that are its checks: the file's directive for the whole
    file, a comment before an instruction for that instruction (not for the checks BuildKit runs on the whole
    file; MultipleInstructionsDisallowed is reported at the instruction the commented one overrides)."""
    by_check = _rules_by_check(registry)
    pragmas = []
    options = checks.file_options(document)
    if options is not None:
        ids = _rules_of(by_check, [name for name in by_check if options.skips(name)])
        if ids:
            pragmas.append(Pragma(0, ids, True, False))
    for instruction in document.instructions:
        own = checks.instruction_check(instruction)
        if own is None:
            continue
        skipped = [name for name in by_check if own.skips(name) and name not in checks.FILE_LEVEL_CHECKS]
        ids = _rules_of(by_check, [name for name in skipped if name != checks.OVERRIDDEN_CHECK])
        if ids:
            span = (instruction.span.start_line, instruction.span.end_line)
            pragmas.append(Pragma(instruction.line, ids, False, False, scope=span))
        overridden = _overridden_by(instruction)
        if overridden is not None and checks.OVERRIDDEN_CHECK in skipped:
            ids = _rules_of(by_check, [checks.OVERRIDDEN_CHECK])
            pragmas.append(Pragma(instruction.line, ids, False, False, scope=overridden))
    return pragmas


def buildkit_requested(document: Dockerfile, registry: RuleRegistry) -> dict[str, list[tuple[int, int]] | None]:
    """The rules that are BuildKit's experimental checks which the file switches on with `experimental=`: for
    the whole file (None) or the lines of the instructions whose comment does."""
    by_check = _rules_by_check(registry)
    requested: dict[str, list[tuple[int, int]] | None] = {}
    options = checks.file_options(document)
    if options is not None:
        requested.update(dict.fromkeys(_rules_of(by_check, [n for n in by_check if options.enables(n)])))
    for instruction in document.instructions:
        own = checks.instruction_check(instruction)
        if own is None:
            continue
        for rule_id in _rules_of(by_check, [name for name in by_check if own.enables(name)]):
            scopes = requested.setdefault(rule_id, [])
            if scopes is not None:
                scopes.append((instruction.span.start_line, instruction.span.end_line))
    return requested


def _rules_by_check(registry: RuleRegistry) -> dict[str, list[str]]:
    """Our rule ids by the BuildKit check each is the equivalent of (BuildKit compares names case-sensitively).
    Asked twice for every file: kept until a rule is registered (a registry only grows)."""
    size, found = _by_check.get(registry, (-1, {}))
    if size != len(registry):
        found = {}
        for rule in registry:
            name = rule.equivalents.get("buildkit")
            if name is not None:
                found.setdefault(name, []).append(rule.id)
        _by_check[registry] = (len(registry), found)
    return found


_by_check: weakref.WeakKeyDictionary[RuleRegistry, tuple[int, dict[str, list[str]]]] = weakref.WeakKeyDictionary()


def _rules_of(by_check: dict[str, list[str]], names: list[str]) -> frozenset[str]:
    return frozenset(rule_id for name in names for rule_id in by_check.get(name, ()))


def _overridden_by(instruction: Instruction) -> tuple[int, int] | None:
    """The lines of the CMD, ENTRYPOINT or HEALTHCHECK of the same stage that ``instruction`` overrides."""
    stage = instruction.stage
    if instruction.keyword not in ("CMD", "ENTRYPOINT", "HEALTHCHECK") or stage is None:
        return None
    earlier = [i for i in stage.named(instruction.keyword) if i.index < instruction.index]
    return (earlier[-1].span.start_line, earlier[-1].span.end_line) if earlier else None
