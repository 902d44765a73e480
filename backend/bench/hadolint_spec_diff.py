"""Run hadolint's own rule specs (test/Hadolint/Rule/*Spec.hs) through Dockwright (a dev tool, not a test).

Each `ruleCatches "DLxxxx" "<Dockerfile>"` must make our equivalent rule report at least once, each
`ruleCatchesNot` must leave it silent; the `onBuild` forms do the same with every RUN wrapped in ONBUILD, and
`assertChecks … (failsWith N "DLxxxx")` must report N times. The ShellCheck spec's `failsShellcheck` and
`passesShellcheck` are checked against our ShellCheck rule. The specs are read at run time from a snapshot of
hadolint's repository; the Haskell they are written in is read by the small evaluator below, which knows the
few forms they use (string literals, lists joined with `Text.unlines`, `let` bindings, `?config` records).

Run: .venv/bin/python backend/bench/hadolint_spec_diff.py [--hadolint-repo PATH] [--rule DL3008]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "backend"))

from bench.peer_specs import (  # noqa: E402
    Token,
    Unreadable,
    find_snapshot,
    missing_snapshot_message,
    off_by_default,
    our_rules,
    percent,
)
from dockwright.dockerfile.parser import parse_dockerfile  # noqa: E402
from dockwright.lint import lint  # noqa: E402
from dockwright.rules import registry  # noqa: E402

SPEC_FOLDER = "test/Hadolint/Rule"
SHELLCHECK = "ShellCheck"
# hadolint's label types (Hadolint.Rule.LabelType) and ours (dockwright.labels.LABEL_TYPES).
LABEL_TYPES = {
    "RawText": "text",
    "Url": "url",
    "SemVer": "semver",
    "GitHash": "hash",
    "Rfc3339": "rfc3339",
    "Spdx": "spdx",
    "Email": "email",
}
# A fragment without FROM is linted with this in front, as a Dockerfile must start with it.
PRELUDE = "FROM debian:12\n"


# -- reading the Haskell ------------------------------------------------------------------------------------


_NAME = re.compile(r"\??[A-Za-z_][A-Za-z0-9_']*(?:\.[A-Za-z_][A-Za-z0-9_']*)*")
_SYMBOLS = "!#$%&*+./<=>?@\\^|-~:"
_CHAR = re.compile(r"'(?:\\[^']+|[^'\\])'")
_SIMPLE_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "\\": "\\",
    '"': '"',
    "'": "'",
    "&": "",
}
_NAMED_ESCAPES = {"NUL": "\0", "ESC": "\x1b", "DEL": "\x7f", "SP": " ", "HT": "\t", "LF": "\n", "CR": "\r"}


def tokenize(source: str) -> list[Token]:
    tokens: list[Token] = []
    line, i, n = 1, 0, len(source)
    line_start = 0

    def indent() -> int:
        text = source[line_start : _line_end(source, line_start)]
        return len(text) - len(text.lstrip())

    while i < n:
        char = source[i]
        if char == "\n":
            line, i = line + 1, i + 1
            line_start = i
        elif char.isspace():
            i += 1
        elif source.startswith("--", i) and not _is_operator_run(source, i):
            i = _line_end(source, i)
        elif source.startswith("{-", i):
            end = _block_comment_end(source, i)
            line += source.count("\n", i, end)
            line_start = source.rfind("\n", 0, end) + 1 or line_start
            i = end
        elif char == '"':
            start_line, start_indent = line, indent()
            value, end = _string(source, i)
            line += source.count("\n", i, end)
            if source.count("\n", i, end):
                line_start = source.rfind("\n", 0, end) + 1
            tokens.append(Token("str", value, start_line, start_indent))
            i = end
        elif char == "'" and _CHAR.match(source, i):
            match = _CHAR.match(source, i)
            assert match is not None
            i = match.end()
        elif char.isalpha() or char == "_" or (char == "?" and _NAME.match(source, i)):
            match = _NAME.match(source, i)
            assert match is not None
            tokens.append(Token("name", match.group(), line, indent()))
            i = match.end()
        elif char.isdigit():
            end = i
            while end < n and source[end].isdigit():
                end += 1
            tokens.append(Token("num", source[i:end], line, indent()))
            i = end
        elif char in "()[],{}`;":
            tokens.append(Token("sym", char, line, indent()))
            i += 1
        else:
            end = i
            while end < n and source[end] in _SYMBOLS:
                end += 1
            end = max(end, i + 1)
            tokens.append(Token("sym", source[i:end], line, indent()))
            i = end
    return tokens


def _line_end(source: str, i: int) -> int:
    end = source.find("\n", i)
    return end if end >= 0 else len(source)


def _is_operator_run(source: str, i: int) -> bool:
    """`--` starts a comment unless it is part of a longer operator such as `-->`."""
    end = i
    while end < len(source) and source[end] == "-":
        end += 1
    return end < len(source) and source[end] in _SYMBOLS


def _block_comment_end(source: str, i: int) -> int:
    depth = 0
    while i < len(source):
        if source.startswith("{-", i):
            depth, i = depth + 1, i + 2
        elif source.startswith("-}", i):
            depth, i = depth - 1, i + 2
            if depth == 0:
                return i
        else:
            i += 1
    return i


def _string(source: str, i: int) -> tuple[str, int]:
    """A Haskell string literal starting at ``source[i] == '"'``: its value and the index after it."""
    out: list[str] = []
    i += 1
    while True:
        if i >= len(source) or source[i] == "\n":
            raise Unreadable("unterminated string literal")
        char = source[i]
        if char == '"':
            return "".join(out), i + 1
        if char != "\\":
            out.append(char)
            i += 1
            continue
        nxt = source[i + 1]
        if nxt.isspace():  # a gap: backslash, white space (new lines too), backslash
            end = i + 1
            while source[end].isspace():
                end += 1
            if source[end] != "\\":
                raise Unreadable("malformed string gap")
            i = end + 1
        elif nxt.isdigit():
            match = re.match(r"\d+", source[i + 1 :])
            assert match is not None
            out.append(chr(int(match.group())))
            i += 1 + match.end()
        elif nxt in "xo" and re.match(r"[xo][0-9A-Fa-f]", source[i + 1 : i + 3]):
            match = re.match(r"x[0-9A-Fa-f]+|o[0-7]+", source[i + 1 :])
            assert match is not None
            out.append(chr(int(match.group()[1:], 16 if nxt == "x" else 8)))
            i += 1 + match.end()
        elif nxt == "^":
            out.append(chr(ord(source[i + 2]) - 64))
            i += 3
        elif nxt in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[nxt])
            i += 2
        else:
            named = next((k for k in _NAMED_ESCAPES if source.startswith(k, i + 1)), None)
            if named is None:
                raise Unreadable(f"unknown string escape \\{nxt}")
            out.append(_NAMED_ESCAPES[named])
            i += 1 + len(named)


@dataclass
class Case:
    rule: str  # hadolint's id, or SHELLCHECK
    expect: int | None  # None: at least one finding; else exactly this many
    onbuild: bool
    text: str
    config: dict[str, Any]
    spec: str  # file:line of the assertion
    title: str  # the `it` it belongs to

    @property
    def kind(self) -> str:
        prefix = "onBuild " if self.onbuild else ""
        if self.expect is None:
            return prefix + "catches"
        return prefix + ("catches not" if self.expect == 0 else f"catches x{self.expect}")


@dataclass
class SpecReader:
    """Walks one spec file's tokens, evaluating bindings and collecting the assertions."""

    tokens: list[Token]
    filename: str
    cases: list[Case] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)

    ASSERTIONS = {
        "ruleCatches": (None, False),
        "ruleCatchesNot": (0, False),
        "onBuildRuleCatches": (None, True),
        "onBuildRuleCatchesNot": (0, True),
    }
    CHECKS = {"assertChecks": False, "assertOnBuildChecks": True}

    def read(self) -> SpecReader:
        file_env: dict[str, Any] = {"def": {}}
        env = dict(file_env)
        block_indent: int | None = None  # indentation of the current `it`
        title = ""
        i = 0
        while i < len(self.tokens):
            token = self.tokens[i]
            name = token.value if token.kind == "name" else ""
            nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else Token("sym", "", token.line, 0)
            try:
                if name == "it" and nxt.kind == "str":
                    block_indent, title, env = token.indent, nxt.value, dict(file_env)
                    i += 2
                elif name and (name[0].islower() or name == "?config") and (nxt.kind, nxt.value) == ("sym", "="):
                    # `let name = …` (also `let ?config = …`): before the first `it`, or less indented than
                    # the current one, it holds for the rest of the file; else for the current `it` only.
                    value, i = self.expression(i + 2, env)
                    if block_indent is None or token.indent < block_indent:
                        file_env[name] = value
                    env[name] = value
                elif name in self.ASSERTIONS:
                    expect, onbuild = self.ASSERTIONS[name]
                    rule, i = self.expression(i + 1, env)
                    text, i = self.expression(i, env)
                    self._add(rule, expect, onbuild, text, env, token, title)
                elif name in self.CHECKS:
                    text, i = self.expression(i + 1, env)
                    rule, expect, i = self.checker(i, env)
                    self._add(rule, expect, self.CHECKS[name], text, env, token, title)
                else:
                    i += 1
            except (Unreadable, IndexError) as exc:
                if name in self.ASSERTIONS or name in self.CHECKS:
                    self.unreadable.append((f"{self.filename}:{token.line}", str(exc) or "unexpected end"))
                i += 1
        return self

    def _add(
        self, rule: Any, expect: int | None, onbuild: bool, text: Any, env: dict[str, Any], token: Token, title: str
    ) -> None:
        if not isinstance(rule, str) or not isinstance(text, str):
            raise Unreadable("the rule or the Dockerfile is not a string")
        config = env.get("?config", {})
        self.cases.append(Case(rule, expect, onbuild, text, config, f"{self.filename}:{token.line}", title))

    def checker(self, i: int, env: dict[str, Any]) -> tuple[str, int | None, int]:
        """`(failsWith N "DLxxxx")`, `failsShellcheck` or `passesShellcheck`: (rule, expected count, next index)."""
        i = self._skip_dollar(i)
        closing = 0
        while self._sym(i, "("):
            closing, i = closing + 1, i + 1
        word = self.tokens[i].value
        if word == "failsShellcheck":
            rule, expect, i = SHELLCHECK, None, i + 1
        elif word == "passesShellcheck":
            rule, expect, i = SHELLCHECK, 0, i + 1
        elif word == "failsWith" and self.tokens[i + 1].kind == "num":
            expect = int(self.tokens[i + 1].value)
            rule, i = self.expression(i + 2, env)
        else:
            raise Unreadable(f"unknown checker {word}")
        for _ in range(closing):
            if not self._sym(i, ")"):
                raise Unreadable("unbalanced parentheses")
            i += 1
        return rule, expect, i

    def _sym(self, i: int, value: str) -> bool:
        return self.tokens[i].kind == "sym" and self.tokens[i].value == value

    def _skip_dollar(self, i: int) -> int:
        while self._sym(i, "$"):
            i += 1
        return i

    def expression(self, i: int, env: dict[str, Any]) -> tuple[Any, int]:
        """Evaluate the expression at ``i``: an atom, a function applied to one, `<>`/`++` of those."""
        value, i = self._application(i, env)
        while i < len(self.tokens) and (self._sym(i, "<>") or self._sym(i, "++")):
            right, i = self._application(i + 1, env)
            value = value + right
        return value, i

    def _application(self, i: int, env: dict[str, Any]) -> tuple[Any, int]:
        i = self._skip_dollar(i)
        token = self.tokens[i]
        if token.kind == "name" and token.value in ("Text.unlines", "unlines", "T.unlines"):
            lines, i = self._application(i + 1, env)
            if not isinstance(lines, list):
                raise Unreadable("unlines of something other than a list")
            return "".join(line + "\n" for line in lines), i
        if token.kind == "name" and token.value in ("Map.fromList", "fromList"):
            pairs, i = self._application(i + 1, env)
            return dict(pairs), i
        value, i = self._atom(i, env)
        while i < len(self.tokens) and self._sym(i, "{"):  # record update: def { field = value, … }
            if not isinstance(value, dict):
                raise Unreadable("record update of something other than a record")
            value, i = dict(value), i + 1
            while not self._sym(i, "}"):
                name = self.tokens[i].value
                if not self._sym(i + 1, "="):
                    raise Unreadable("malformed record update")
                value[name], i = self.expression(i + 2, env)
                if self._sym(i, ","):
                    i += 1
            i += 1
        return value, i

    def _atom(self, i: int, env: dict[str, Any]) -> tuple[Any, int]:
        token = self.tokens[i]
        if token.kind == "str":
            return token.value, i + 1
        if token.kind == "num":
            return int(token.value), i + 1
        if token.kind == "sym" and token.value in ("[", "("):
            closing = "]" if token.value == "[" else ")"
            items: list[Any] = []
            i += 1
            while not self._sym(i, closing):
                item, i = self.expression(i, env)
                items.append(item)
                if self._sym(i, ","):
                    i += 1
                elif not self._sym(i, closing):
                    raise Unreadable(f"unexpected {self.tokens[i].value!r} in a list or tuple")
            if closing == ")":
                return (items[0] if len(items) == 1 else tuple(items)), i + 1
            return items, i + 1
        if token.kind == "name" and token.value in ("True", "False"):
            return token.value == "True", i + 1
        if token.kind == "name" and token.value.split(".")[-1][0].isupper():  # a constructor: Rule.RawText
            return token.value.split(".")[-1], i + 1
        if token.kind == "name" and token.value in env:
            return env[token.value], i + 1
        raise Unreadable(f"unknown expression {token.value!r}")


def read_specs(sources: dict[str, str]) -> tuple[list[Case], list[tuple[str, str]]]:
    cases: list[Case] = []
    unreadable: list[tuple[str, str]] = []
    for filename, source in sources.items():
        try:
            reader = SpecReader(tokenize(source), filename).read()
        except Unreadable as exc:
            unreadable.append((filename, f"could not tokenize: {exc}"))
            continue
        cases += reader.cases
        unreadable += reader.unreadable
    return cases, unreadable


# -- running them through Dockwright ----------------------------------------------------------------------------

_RULE_CODE = re.compile(rf"DL\d{{4}}|{SHELLCHECK}")


@dataclass(frozen=True)
class Outcome:
    case: Case
    ours: list[str]  # our rule ids
    reported: list[str]  # "line N: RULE message", lines as in the spec's snippet
    agrees: bool
    note: str = ""


def our_config(case: Case, ours: list[str]) -> dict[str, Any] | str:
    """Dockwright's config for the case's hadolint config, or why it cannot be expressed."""
    config: dict[str, Any] = {"shellcheck": case.rule == SHELLCHECK, "enable": off_by_default(ours)}
    for name, value in case.config.items():
        if name == "allowedRegistries":
            config["trusted_registries"] = value
        elif name == "labelSchema":
            config["label_schema"] = {label: LABEL_TYPES[kind] for label, kind in value.items()}
        elif name == "strictLabels":
            config["strict_labels"] = value
        else:
            return f"hadolint setting {name} has no Dockwright equivalent"
    return config


def onbuild(text: str) -> str:
    """The Dockerfile with every RUN wrapped in ONBUILD, as hadolint's assertOnBuildChecks does."""
    lines = text.split("\n")
    for instruction in parse_dockerfile(text).instructions:
        if instruction.keyword == "RUN":
            number = instruction.span.start_line - 1
            line = lines[number]
            indent = len(line) - len(line.lstrip())
            lines[number] = f"{line[:indent]}ONBUILD {line[indent:]}"
    return "\n".join(lines)


def not_measurable(case: Case) -> str | None:
    if not _RULE_CODE.fullmatch(case.rule):
        return f"the spec names no rule id ({case.rule!r}), so hadolint's own assertion cannot fail"
    ours = ["DF100"] if case.rule == SHELLCHECK else our_rules(case.rule)
    if not ours:
        return "no Dockwright rule is recorded as its equivalent (nor in rules/peer_gaps.py)"
    config = our_config(case, ours)
    return config if isinstance(config, str) else None


def run_case(case: Case) -> Outcome:
    ours = ["DF100"] if case.rule == SHELLCHECK else our_rules(case.rule)
    config = our_config(case, ours)
    assert not isinstance(config, str), "not_measurable() rules such cases out"
    text = onbuild(case.text) if case.onbuild else case.text
    notes = []
    shift = 0
    if not any(i.keyword == "FROM" for i in parse_dockerfile(text).instructions):
        # A registry check would judge the added image itself; scratch comes from no registry.
        prelude = "FROM scratch\n" if "allowedRegistries" in case.config else PRELUDE
        text, shift = prelude + text, 1
        notes.append(f"linted with `{prelude.strip()}` in front")
    findings = [f for f in lint(text, kind="dockerfile", config=config).findings if f.rule in ours]
    reported = [f"line {f.line - shift}: {f.rule} {f.message}" for f in findings]
    agrees = bool(findings) if case.expect is None else len(findings) == case.expect
    if case.expect and not agrees:
        notes.append(f"hadolint expects exactly {case.expect} findings")
    return Outcome(case, ours, reported, agrees, "; ".join(notes))


# -- the report --------------------------------------------------------------------------------------------------


def rule_notes(rule_ids: list[str]) -> list[str]:
    """What our rules say about where they deliberately differ from their peers."""
    notes = []
    for rule_id in rule_ids:
        rule = registry.get(rule_id)
        if rule is not None and rule.notes:
            notes.append(f"{rule_id} notes: {rule.notes}")
        if rule_id == "DF001":
            notes.append("DF001 reports every syntax error, not only this check's")
    return notes


def report(
    outcomes: list[Outcome], skipped: list[tuple[Case, str]], unreadable: list[tuple[str, str]], lines: int
) -> None:
    by_rule: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_rule[outcome.case.rule].append(outcome)
    print(
        f"{'hadolint':<10} {'ours':<18} {'cases':>6} {'agree':>6} {'disagree':>9} {'(onBuild)':>10} {'agreement':>10}"
    )
    for rule in sorted(by_rule):
        print(_row(rule, ",".join(by_rule[rule][0].ours), by_rule[rule]))
    print(_row("overall", "", outcomes))
    if skipped:
        print(f"\nNot measurable ({len(skipped)} cases, not counted):")
        for case, why in skipped:
            print(f"    {case.spec} {case.kind}: {why}")
    if unreadable:
        print(f"\n{len(unreadable)} assertions could not be read (not counted):")
        for where, why in unreadable:
            print(f"    {where}: {why}")
    disagreements = [o for o in outcomes if not o.agrees]
    if disagreements:
        print(f"\nDisagreements ({len(disagreements)}):")
    for rule in sorted(by_rule):
        group = [o for o in by_rule[rule] if not o.agrees]
        if not group:
            continue
        print(f"\n== {rule} → {', '.join(group[0].ours)} ({len(group)})")
        for note in rule_notes(group[0].ours):
            print(f"   {note}")
        for outcome in group:
            _print_disagreement(outcome, lines)


def _row(name: str, ours: str, group: list[Outcome]) -> str:
    agree = sum(o.agrees for o in group)
    onbuild_misses = sum(not o.agrees and o.case.onbuild for o in group)
    return (
        f"{name:<10} {ours or '':<18} {len(group):>6} {agree:>6} {len(group) - agree:>9} {onbuild_misses:>10} "
        f"{percent(agree, len(group)):>10}"
    )


def _print_disagreement(outcome: Outcome, lines: int) -> None:
    case = outcome.case
    print(f"\n{case.rule} {case.kind} — {case.spec} “{case.title}”")
    text = case.text.rstrip("\n").split("\n")
    for line in text[:lines]:
        print(f"    | {line}")
    if len(text) > lines:
        print(f"    | … ({len(text) - lines} more lines)")
    if case.config:
        print(f"    hadolint config: {case.config}")
    if outcome.note:
        print(f"    note: {outcome.note}")
    print("    we reported: " + ("; ".join(outcome.reported) if outcome.reported else "nothing"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hadolint-repo", type=Path, help="a clone or git directory of hadolint/hadolint")
    parser.add_argument("--rule", action="append", help="only this hadolint rule (repeatable; ShellCheck too)")
    parser.add_argument("--lines", type=int, default=8, help="snippet lines shown per disagreement")
    args = parser.parse_args()
    snapshot = find_snapshot("hadolint/hadolint", args.hadolint_repo, f"{SPEC_FOLDER}/DL3008Spec.hs")
    if snapshot is None:
        print(missing_snapshot_message("hadolint/hadolint", "--hadolint-repo", args.hadolint_repo))
        return 0
    names = [n for n in snapshot.files(SPEC_FOLDER) if n.endswith("Spec.hs")]
    sources = {Path(n).name: snapshot.read(n) for n in names}
    cases, unreadable = read_specs(sources)
    if args.rule:
        wanted = {r.upper() for r in args.rule}
        cases = [c for c in cases if c.rule.upper() in wanted]
    print(f"hadolint specs at {snapshot.path}, {snapshot.revision().strip()}: {len(names)} files, {len(cases)} cases\n")
    skipped = [(case, why) for case in cases if (why := not_measurable(case))]
    measured = [case for case in cases if not not_measurable(case)]
    report([run_case(case) for case in measured], skipped, unreadable, args.lines)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
