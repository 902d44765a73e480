"""Run BuildKit's build-check tests (frontend/dockerfile/dockerfile_check_test.go) through Dockwright (a dev
tool, not a test).

Each `checkLinterWarnings(…, &lintTestParams{Dockerfile: …, Warnings: […]})` call is a case: a Dockerfile
(with its .dockerignore, when the test gives one) and every warning BuildKit must report for it, by rule and
line. BuildKit's test asserts the complete list, so a finding of ours that maps to a BuildKit check and is not
expected is a false positive. Where the test gives `UnmarshalWarnings` (the lint request, which checks every
stage, as Dockwright does) those are expected instead of `Warnings` (the build, which only checks the stages
it builds); BuildKit's test does not check their lines, so neither do we. One of our findings is at the
expected line when it starts there or lies in the instruction that starts there. Rules off by default are
switched on, except BuildKit's experimental checks, which run where the Dockerfile asks for them; a build that
sets BUILDKIT_DOCKERFILE_CHECK gets it as our config (skipped checks ignored), in place of the file's own
`# check=` directive.

The test file is read at run time from a snapshot of BuildKit's repository, with a small evaluator for the Go
it is written in (raw and interpreted string literals, `[]byte(…)`, `fmt.Sprintf`/`fmt.Appendf`,
`integration.UnixOrWindows` (the Unix side), variables, composite literals and the local helper functions
that build expected warnings). The checks' documentation (frontend/dockerfile/linter/docs/*.md) is quoted in
the list of disagreements.

Run: .venv/bin/python backend/bench/buildkit_check_diff.py [--buildkit-repo PATH] [--rule UndefinedVar]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "backend"))

from bench.peer_specs import (  # noqa: E402
    Snapshot,
    Token,
    Unreadable,
    find_snapshot,
    missing_snapshot_message,
    off_by_default,
    our_rules,
    percent,
)
from dockwright.dockerfile.checks import EXPERIMENTAL_CHECKS, file_check, parse_check_options  # noqa: E402
from dockwright.dockerfile.parser import parse_dockerfile  # noqa: E402
from dockwright.lint import lint  # noqa: E402
from dockwright.rules import load_all, registry  # noqa: E402
from dockwright.rules.peer_gaps import PEER_GAPS  # noqa: E402

TEST_FILE = "frontend/dockerfile/dockerfile_check_test.go"
DOCS_FOLDER = "frontend/dockerfile/linter/docs"


# -- reading the Go ---------------------------------------------------------------------------------------------


_GO_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")
_GO_OPERATORS = (
    "...",
    ":=",
    "==",
    "!=",
    "<=",
    ">=",
    "&&",
    "||",
    "<-",
    "++",
    "--",
    "+=",
    "-=",
)


def tokenize(source: str) -> list[Token]:
    tokens: list[Token] = []
    line, i, n = 1, 0, len(source)
    while i < n:
        char = source[i]
        if char == "\n":
            line, i = line + 1, i + 1
        elif char.isspace():
            i += 1
        elif source.startswith("//", i):
            end = source.find("\n", i)
            i = end if end >= 0 else n
        elif source.startswith("/*", i):
            end = source.index("*/", i) + 2
            line += source.count("\n", i, end)
            i = end
        elif char == "`":
            end = source.index("`", i + 1)
            tokens.append(Token("str", source[i + 1 : end].replace("\r", ""), line))
            line += source.count("\n", i, end)
            i = end + 1
        elif char in "\"'":
            match = re.compile(rf"{char}(?:\\.|[^{char}\\\n])*{char}").match(source, i)
            if match is None:
                raise Unreadable(f"unterminated literal on line {line}")
            if char == '"':
                tokens.append(Token("str", _unquote(match.group()), line))
            i = match.end()
        elif char.isalpha() or char == "_":
            match = _GO_NAME.match(source, i)
            assert match is not None
            tokens.append(Token("name", match.group(), line))
            i = match.end()
        elif char.isdigit():
            match = re.compile(r"\d+").match(source, i)
            assert match is not None
            tokens.append(Token("num", match.group(), line))
            i = match.end()
        else:
            operator = next((op for op in _GO_OPERATORS if source.startswith(op, i)), char)
            tokens.append(Token("sym", operator, line))
            i += len(operator)
    return tokens


_GO_ESCAPES = {
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
    "\\": "\\",
    "'": "'",
    '"': '"',
}
_GO_ESCAPE = re.compile(r"\\(?:[abfnrtv\\'\"]|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[0-7]{3})")


def _unquote(literal: str) -> str:
    """A Go interpreted string literal's value."""

    def escape(match: re.Match[str]) -> str:
        text = match.group()
        if text[1] in _GO_ESCAPES:
            return _GO_ESCAPES[text[1]]
        return chr(int(text[2:], 16)) if text[1] in "xuU" else chr(int(text[1:], 8))

    return _GO_ESCAPE.sub(escape, literal[1:-1])


@dataclass(frozen=True)
class Closure:
    """A local helper such as `makeLintWarning := func(name string, line int) expectedLintWarning {…}`."""

    params: list[str]
    body: int  # index of the expression after `return`
    env: dict[str, Any]


@dataclass(frozen=True)
class Opaque:
    """A value the evaluator could not compute, and why."""

    why: str


@dataclass
class Expected:
    rule: str
    line: int
    detail: str
    line_checked: bool


@dataclass
class Case:
    where: str  # test function (and subtest) and line in the Go file
    dockerfile: str
    dockerignore: str | None
    expected: list[Expected]
    not_measurable: str = ""
    notes: list[str] = field(default_factory=list)
    # BUILDKIT_DOCKERFILE_CHECK when the build sets it: the checks' configuration, in place of the file's.
    check_config: str | None = None


class TestReader:
    """Evaluates the statements of one test file's test functions, collecting checkLinterWarnings calls."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.cases: list[Case] = []
        self.unreadable: list[tuple[str, str]] = []

    def read(self) -> TestReader:
        i = 0
        while i < len(self.tokens):
            if self._at("func", i) and self.tokens[i + 1].kind == "name" and self._at("(", i + 2):
                i = self._function(i)
            else:
                i += 1
        return self

    def _at(self, value: str, i: int) -> bool:
        """Whether the token at ``i`` is the name or symbol ``value`` (not a string holding it)."""
        return i < len(self.tokens) and self.tokens[i].kind != "str" and self.tokens[i].value == value

    def _opens(self, i: int) -> bool:
        return self.tokens[i].kind == "sym" and self.tokens[i].value in ("(", "[", "{")

    def _function(self, i: int) -> int:
        name = self.tokens[i + 1].value
        body = i + 2
        while not self._at("{", body):  # the parameters and the result hold no braces
            body += 1
        end = self._matching(body)
        self._statements(body + 1, end, {}, name)
        return end + 1

    def _matching(self, i: int) -> int:
        """Index of the bracket closing the one at ``i``."""
        pairs = {"(": ")", "[": "]", "{": "}"}
        stack = [pairs[self.tokens[i].value]]
        i += 1
        while stack:
            value = self.tokens[i].value if self.tokens[i].kind == "sym" else ""
            if value in pairs:
                stack.append(pairs[value])
            elif value in (")", "]", "}") and value != stack.pop():
                raise Unreadable(f"unbalanced brackets on line {self.tokens[i].line}")
            i += 1
        return i - 1

    def _statements(self, i: int, end: int, env: dict[str, Any], where: str) -> None:
        """Walk tokens ``i``..``end``: assignments update ``env``; checkLinterWarnings calls become cases."""
        subtest, subtest_end = "", -1
        while i < end:
            token = self.tokens[i]
            if i > subtest_end:
                subtest = ""
            if self._at("integration.UnixOrWindows", i) and self._at("(", i + 1):
                # As a statement it picks one of two functions to run: walk the Unix one only.
                arguments = self._arguments(i + 1)
                self._statements(arguments[0][0], arguments[0][1], env, where)
                i = self._matching(i + 1) + 1
            elif self._at("t.Run", i) and self._at("(", i + 1) and self.tokens[i + 2].kind == "str":
                subtest, subtest_end = self.tokens[i + 2].value, self._matching(i + 1)
                i += 3
            elif self._at("checkLinterWarnings", i) and self._at("(", i + 1):
                label = f"{where}{f' / {subtest}' if subtest else ''} (line {token.line})"
                self._case(i + 1, env, label)
                i = self._matching(i + 1) + 1
            elif token.kind == "name" and (self._at(":=", i + 1) or self._at("=", i + 1)):
                try:
                    env[token.value], i = self.expression(i + 2, env)
                except (Unreadable, IndexError, KeyError) as exc:
                    env[token.value] = Opaque(str(exc))
                    i += 2
            else:
                i += 1

    def _arguments(self, open_index: int) -> list[tuple[int, int]]:
        """(start, end) token ranges of the comma-separated arguments in the brackets at ``open_index``."""
        close = self._matching(open_index)
        ranges, start, i = [], open_index + 1, open_index + 1
        while i < close:
            if self._opens(i):
                i = self._matching(i) + 1
                continue
            if self._at(",", i):
                ranges.append((start, i))
                start = i + 1
            i += 1
        if start < close:
            ranges.append((start, close))
        return ranges

    def _case(self, open_index: int, env: dict[str, Any], where: str) -> None:
        arguments = self._arguments(open_index)
        try:
            params, _ = self.expression(arguments[-1][0], env)
        except (Unreadable, IndexError, KeyError) as exc:
            self.unreadable.append((where, f"the lintTestParams could not be read: {exc}"))
            return
        if not isinstance(params, dict):
            self.unreadable.append((where, "the last argument is not a lintTestParams literal"))
            return
        self.cases.append(self._to_case(params, where))

    def _to_case(self, params: dict[str, Any], where: str) -> Case:
        case = Case(where, "", None, [])
        warnings, unmarshal = params.get("Warnings") or [], params.get("UnmarshalWarnings")
        for value in (warnings, unmarshal or []):
            unread = value if isinstance(value, Opaque) else next((w for w in value if not isinstance(w, dict)), None)
            if unread is not None:
                why = unread.why if isinstance(unread, Opaque) else repr(unread)
                case.not_measurable = f"its expected warnings could not be read ({why})"
                return case
        checked = {(w.get("RuleName"), w.get("Line")) for w in warnings}
        for warning in unmarshal if unmarshal is not None else warnings:
            rule, line, detail = warning.get("RuleName"), warning.get("Line"), warning.get("Detail")
            if not isinstance(rule, str) or not isinstance(line, int):
                case.not_measurable = "an expected warning has no readable rule name or line"
                return case
            detail = detail if isinstance(detail, str) else ""
            case.expected.append(Expected(rule, line, detail, unmarshal is None or (rule, line) in checked))
        dockerfile, dockerignore = params.get("Dockerfile"), params.get("DockerIgnore")
        for name, value in (("Dockerfile", dockerfile), ("DockerIgnore", dockerignore)):
            if isinstance(value, Opaque):
                case.not_measurable = f"its {name} is built at run time ({value.why})"
                return case
        case.dockerfile, case.dockerignore = str(dockerfile or ""), dockerignore
        attrs = params.get("FrontendAttrs") or {}
        if not isinstance(attrs, dict):
            case.not_measurable = "its frontend attributes could not be read"
            return case
        for key, value in attrs.items():
            if key == "build-arg:BUILDKIT_DOCKERFILE_CHECK":
                case.check_config = str(value)
                case.notes.append(f"the build sets the checks' configuration: {value!r}, as our config")
            elif key.startswith("build-arg:"):
                case.notes.append(f"build arg {key[10:]}={value!r} not applied (the checks judge the defaults)")
            else:
                case.not_measurable = f"the build sets {key}={value!r}"
        return case

    # -- expressions --

    def expression(self, i: int, env: dict[str, Any]) -> tuple[Any, int]:
        value, i = self._operand(i, env)
        while self._at("+", i):
            right, i = self._operand(i + 1, env)
            value = value + right
        return value, i

    def _operand(self, i: int, env: dict[str, Any]) -> tuple[Any, int]:
        token = self.tokens[i]
        if token.kind == "str":
            return token.value, i + 1
        if token.kind == "num":
            return int(token.value), i + 1
        if self._at("&", i):
            return self._operand(i + 1, env)
        if self._at("func", i):
            return self._closure(i, env)
        if self._at("{", i):
            return self._composite(i, env)
        if self._at("[", i) or self._at("map", i):  # []T{…}, map[K]V{…}, []byte(…)
            while not self._at("{", i) and not self._at("(", i):
                i += 1
            if self._at("(", i):  # a conversion such as []byte(x)
                close = self._matching(i)
                value, _ = self.expression(i + 1, env)
                return value, close + 1
            return self._composite(i, env)
        if token.kind == "name" and self._at("{", i + 1):  # T{…}
            return self._composite(i + 1, env)
        if token.kind == "name" and self._at("(", i + 1):
            return self._call(token.value, i + 1, env)
        if token.kind == "name" and token.value in ("nil", "true", "false"):
            return {"nil": None, "true": True, "false": False}[token.value], i + 1
        if token.kind == "name" and token.value in env:
            value = env[token.value]
            if isinstance(value, Opaque):
                raise Unreadable(value.why)
            return value, i + 1
        raise Unreadable(f"{token.value!r} on line {token.line}")

    def _composite(self, open_index: int, env: dict[str, Any]) -> tuple[Any, int]:
        """A composite literal's elements: a dict when they are keyed, else a list. Values that cannot be
        computed (a regexp, an error) are kept as Opaque so that the fields that matter still can be."""
        keyed: dict[str, Any] = {}
        items: list[Any] = []
        for start, end in self._arguments(open_index):
            colon = self._top_level(":", start, end)
            value_start = start if colon is None else colon + 1
            try:
                value, stop = self.expression(value_start, env)
                if stop != end:
                    raise Unreadable(f"unexpected {self.tokens[stop].value!r} on line {self.tokens[stop].line}")
            except (Unreadable, IndexError, KeyError) as exc:
                value = Opaque(str(exc))
            if colon is None:
                items.append(value)
            else:
                keyed[self.tokens[start].value] = value  # a field name, or a map's string key
        return (keyed if keyed or not items else items), self._matching(open_index) + 1

    def _top_level(self, value: str, start: int, end: int) -> int | None:
        """Index of the first ``value`` token between ``start`` and ``end`` outside any brackets."""
        i = start
        while i < end:
            if self._opens(i):
                i = self._matching(i) + 1
            elif self.tokens[i].kind == "sym" and self.tokens[i].value == value:
                return i
            else:
                i += 1
        return None

    def _closure(self, i: int, env: dict[str, Any]) -> tuple[Closure, int]:
        params_close = self._matching(i + 1)
        params = [self.tokens[k].value for k, _ in self._arguments(i + 1)]
        body = params_close + 1
        while not self._at("{", body):
            body += 1
        end = self._matching(body)
        if not self._at("return", body + 1):
            raise Unreadable(f"function on line {self.tokens[i].line} does more than return a value")
        return Closure(params, body + 2, env), end + 1

    def _call(self, name: str, open_index: int, env: dict[str, Any]) -> tuple[Any, int]:
        close = self._matching(open_index)
        arguments = [self.expression(start, env)[0] for start, _ in self._arguments(open_index)]
        if name == "integration.UnixOrWindows":
            return arguments[0], close + 1
        if name in ("fmt.Sprintf", "fmt.Appendf"):
            if name == "fmt.Appendf":
                arguments = arguments[1:]
            return _go_format(arguments[0], arguments[1:]), close + 1
        closure = env.get(name)
        if isinstance(closure, Closure):
            value, _ = self.expression(
                closure.body, {**closure.env, **dict(zip(closure.params, arguments, strict=True))}
            )
            return value, close + 1
        raise Unreadable(f"call of {name} on line {self.tokens[open_index].line}")


def _go_format(template: str, arguments: list[Any]) -> str:
    values = iter(arguments)

    def verb(match: re.Match[str]) -> str:
        kind = match.group(1)
        if kind == "%":
            return "%"
        value = next(values)
        if kind == "q":
            return json.dumps(str(value))
        return str(value)

    return re.sub(r"%([sdvq%])", verb, template)


def read_tests(source: str) -> tuple[list[Case], list[tuple[str, str]]]:
    reader = TestReader(tokenize(source)).read()
    return reader.cases, reader.unreadable


# -- running them through Dockwright ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Ours:
    rule: str  # the BuildKit check it maps to
    line: int
    instruction_line: int  # first line of the instruction holding it
    text: str  # "DFxxx message"


@dataclass
class Outcome:
    case: Case
    found: list[tuple[Expected, Ours]] = field(default_factory=list)
    wrong_line: list[tuple[Expected, Ours]] = field(default_factory=list)
    missing: list[Expected] = field(default_factory=list)
    extra: list[Ours] = field(default_factory=list)
    unmeasured: list[Expected] = field(default_factory=list)  # expected checks we have no equivalent of


def buildkit_names() -> dict[str, str]:
    """Our rule id → the BuildKit check it is the equivalent of (recorded, or covered per peer_gaps.py)."""
    load_all()
    names = {rule.id: rule.equivalents["buildkit"] for rule in registry if "buildkit" in rule.equivalents}
    for gap in PEER_GAPS.values():
        if gap.peer == "buildkit" and gap.covered_by:
            names.setdefault(gap.covered_by, gap.peer_id)
    return names


def run_case(case: Case, names: dict[str, str]) -> Outcome:
    files = {".dockerignore": case.dockerignore} if case.dockerignore is not None else {}
    # BuildKit's tests run its checks, but an experimental one only where the Dockerfile asks for it.
    config: dict[str, Any] = {
        "shellcheck": False,
        "enable": off_by_default([i for i in names if names[i] not in EXPERIMENTAL_CHECKS]),
    }
    if case.check_config is not None:
        # The build's configuration replaces the file's directive: skipped checks are ignored rules.
        options = parse_check_options(case.check_config)
        config["ignore"] = [i for i, name in names.items() if options.skips(name)]
        config["enable"] += [i for i, name in names.items() if options.enables(name)]
    dockerfile = case.dockerfile
    if case.check_config is not None:
        # ... and the file's own directive does not count: blanked, so that lines keep their numbers.
        lines = dockerfile.split("\n")
        directive = file_check(lines)
        if directive is not None:
            lines[directive[1] - 1] = ""
            dockerfile = "\n".join(lines)
    result = lint(dockerfile, kind="dockerfile", filename="Dockerfile", config=config, files=files)
    starts = [(i.span.start_line, i.span.end_line) for i in parse_dockerfile(case.dockerfile).instructions]
    ours = [
        Ours(
            names[f.rule],
            f.line,
            next((first for first, last in starts if first <= f.line <= last), f.line),
            f"{f.rule} {f.message}",
        )
        for f in result.findings
        if f.rule in names
    ]
    outcome = Outcome(case)
    unused = list(ours)
    measurable = [e for e in case.expected if our_rules(e.rule)]
    outcome.unmeasured = [e for e in case.expected if e not in measurable]
    # Exact lines first, so that a warning whose line BuildKit does not check takes what is left.
    for expected in sorted(measurable, key=lambda e: not e.line_checked):
        match = next(
            (
                o
                for o in unused
                if o.rule == expected.rule
                and (not expected.line_checked or expected.line in (o.line, o.instruction_line))
            ),
            None,
        )
        if match is not None:
            unused.remove(match)
            outcome.found.append((expected, match))
        else:
            outcome.missing.append(expected)
    for expected in list(outcome.missing):
        elsewhere = next((o for o in unused if o.rule == expected.rule), None)
        if elsewhere is not None:
            unused.remove(elsewhere)
            outcome.missing.remove(expected)
            outcome.wrong_line.append((expected, elsewhere))
    outcome.extra = unused
    return outcome


# -- the report --------------------------------------------------------------------------------------------------


def doc_summary(snapshot: Snapshot, rule: str, limit: int = 400) -> str:
    """The first paragraph of the check's documented description."""
    try:
        text = snapshot.read(f"{DOCS_FOLDER}/{rule}.md")
    except Exception:
        return ""
    description = text.split("## Description", 1)[-1].strip()
    paragraph = " ".join(description.split("\n\n", 1)[0].split())
    return paragraph if len(paragraph) <= limit else paragraph[: limit - 1] + "…"


def report(outcomes: list[Outcome], skipped: list[Case], unreadable: list[tuple[str, str]], snapshot: Snapshot) -> None:
    rows: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for outcome in outcomes:
        for expected, _ in outcome.found:
            rows[expected.rule]["expected"] += 1
            rows[expected.rule]["found"] += 1
        for expected, _ in outcome.wrong_line:
            rows[expected.rule]["expected"] += 1
            rows[expected.rule]["wrong line"] += 1
        for expected in outcome.missing:
            rows[expected.rule]["expected"] += 1
            rows[expected.rule]["missing"] += 1
        for extra in outcome.extra:
            rows[extra.rule]["false positives"] += 1
        for expected in outcome.unmeasured:
            rows[expected.rule]["no equivalent"] += 1
    columns = ("expected", "found", "wrong line", "missing", "false positives", "no equivalent")
    print(f"{'BuildKit check':<32} {'ours':<18} " + " ".join(f"{c:>{max(len(c), 5)}}" for c in columns) + " agreement")
    names = buildkit_names()
    for rule in sorted(rows):
        ours = ",".join(sorted(i for i, n in names.items() if n == rule)) or "-"
        print(_row(rule, ours, rows[rule], columns))
    total = {c: sum(r[c] for r in rows.values()) for c in columns}
    print(_row("overall", "", total, columns))
    print(f"\n{len(outcomes)} cases measured", end="")
    print(f", {len(skipped)} not measurable:" if skipped else ".")
    for case in skipped:
        expects = ", ".join(f"{e.rule}@{e.line}" for e in case.expected) or "no warnings"
        print(f"    {case.where}, expecting {expects}: {case.not_measurable}")
    gaps = sorted({e.rule for o in outcomes for e in o.unmeasured} | {e.rule for c in skipped for e in c.expected})
    for rule in (r for r in gaps if not our_rules(r)):
        gap = PEER_GAPS.get(rule)
        why = f"rules/peer_gaps.py: {gap.reason}" if gap else "not listed in rules/peer_gaps.py either"
        print(f"    {rule} has no Dockwright equivalent ({why})")
    if unreadable:
        print(f"\n{len(unreadable)} checkLinterWarnings calls could not be read (not counted):")
        for where, why in unreadable:
            print(f"    {where}: {why}")
    _disagreements(outcomes, snapshot)


def _row(name: str, ours: str, row: dict[str, int], columns: tuple[str, ...]) -> str:
    cells = " ".join(f"{row.get(c, 0):>{max(len(c), 5)}}" for c in columns)
    return f"{name:<32} {ours:<18} {cells} {percent(row.get('found', 0), row.get('expected', 0)):>9}"


def _disagreements(outcomes: list[Outcome], snapshot: Snapshot) -> None:
    by_rule: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for index, outcome in enumerate(outcomes):
        for expected, ours in outcome.wrong_line:
            by_rule[expected.rule][index].append(
                f"expected at line {expected.line} ({expected.detail}); we report line {ours.line}: {ours.text}"
            )
        for expected in outcome.missing:
            line = f"line {expected.line}" if expected.line_checked else "a line BuildKit's test does not check"
            by_rule[expected.rule][index].append(f"missing at {line}: {expected.detail}")
        for extra in outcome.extra:
            by_rule[extra.rule][index].append(f"false positive at line {extra.line}: {extra.text}")
    if not by_rule:
        return
    total = sum(len(whats) for cases in by_rule.values() for whats in cases.values())
    print(f"\nDisagreements ({total}):")
    for rule in sorted(by_rule):
        print(f"\n== {rule} ({sum(len(whats) for whats in by_rule[rule].values())})")
        summary = doc_summary(snapshot, rule)
        if summary:
            print(f"   BuildKit's doc: {summary}")
        for index, whats in by_rule[rule].items():
            case = outcomes[index].case
            print(f"\n{case.where}:")
            for what in whats:
                print(f"    {what}")
            for number, text in enumerate(case.dockerfile.rstrip("\n").split("\n"), start=1):
                print(f"    {number:>3} | {text}")
            if case.dockerignore is not None:
                print("    .dockerignore: " + " / ".join(line for line in case.dockerignore.split("\n") if line))
            expects = ", ".join(f"{e.rule}@{e.line}" for e in case.expected) or "none"
            print(f"    BuildKit expects: {expects}")
            for note in case.notes:
                print(f"    note: {note}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--buildkit-repo", type=Path, help="a clone or git directory of moby/buildkit")
    parser.add_argument("--rule", action="append", help="only cases expecting this check (repeatable)")
    args = parser.parse_args()
    snapshot = find_snapshot("moby/buildkit", args.buildkit_repo, TEST_FILE)
    if snapshot is None:
        print(missing_snapshot_message("moby/buildkit", "--buildkit-repo", args.buildkit_repo))
        return 0
    cases, unreadable = read_tests(snapshot.read(TEST_FILE))
    if args.rule:
        cases = [c for c in cases if any(e.rule in args.rule for e in c.expected)]
    print(f"BuildKit's {TEST_FILE} at {snapshot.path}, {snapshot.revision().strip()}: {len(cases)} cases\n")
    names = buildkit_names()
    measured = [c for c in cases if not c.not_measurable]
    report([run_case(c, names) for c in measured], [c for c in cases if c.not_measurable], unreadable, snapshot)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
