"""Run dclint's own rule tests (tests/rules/*.spec.ts) through Dockwright (a dev tool, not a test).

Each dclint test builds a rule, gives it a YAML template literal and lists the messages it must report
(``runRuleTest(..., expectedMessages)``), or fixes a YAML and compares the result with another one
(``rule.fix(a)`` against ``b``, whitespace collapsed as dclint's ``normalizeYAML`` does). For every rule we
have an equivalent of, this script lints the same YAML with that rule alone and reports, per rule:

- the share of dclint's expected messages our rule finds: an expected message counts when one of our
  findings names the same subjects (the service, key, image or container name in its arguments);
- the expected messages that contradict what Compose does, which we deliberately do not report: dclint
  reads `- "8080"` (a container port, published on an ephemeral host port) as host port 8080, and expects
  clashes with it;
- what we report beyond them (in tests expecting fewer messages);
- how many of dclint's fix tests our `--fix` output matches.

Tests that give the rule options (``new XRule({quoteType: 'double'})``) pass them as a `.dclintrc` would:
through our rule's dclint option names into its `rule_options` (dockwright.rules.options), and are also
counted apart. The options' JavaScript (string, boolean and array literals, dclint's enum members, constants
of the test) is read without running it. The specs are read at run time from a snapshot of dclint's
repository; none of its code or test text is kept here.

Run: .venv/bin/python backend/bench/dclint_diff.py [--dclint-repo PATH] [--rule service-keys-order] [-v]
(the snapshot defaults to $DCLINT_REPO, else the mirror under /work/.mirror).
"""

from __future__ import annotations

import argparse
import ast
import itertools
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "backend"))

from bench.peer_specs import find_snapshot, missing_snapshot_message, our_rules, percent  # noqa: E402
from dockwright.compose.parser import parse_compose  # noqa: E402
from dockwright.fixes import fix_until_stable  # noqa: E402
from dockwright.lint import lint  # noqa: E402
from dockwright.rules import registry  # noqa: E402
from dockwright.rules.options import dclint_options  # noqa: E402

REPOSITORY = "zavoloklom/docker-compose-linter"
SPEC_FOLDER = "tests/rules"
MARKER = f"{SPEC_FOLDER}/no-version-field-rule.spec.ts"
TODAY = "2026-11-28"
# getMessage arguments that name what the finding is about, and that our messages name too; the others
# (the expected order, a port as dclint spells it) are worded differently and not compared.
# (Which other service holds a port is left out: dclint names one that, for Compose, holds no host port.)
SUBJECTS = ("serviceName", "key", "image", "containerName", "misplacedBefore")

_TEMPLATE = re.compile(r"const\s+(\w+)(?:\s*:\s*[\w\[\]]+)?\s*=\s*`([^`]*)`", re.S)
_TEST = re.compile(r"^test\(\s*'((?:[^'\\]|\\.)*)'", re.M)
_NEW_RULE = re.compile(r"new\s+\w+Rule\(\s*(\{.*?\})?\s*\)", re.S)
_EXPECTED = re.compile(r"expectedMessages(?:\s*:\s*string\[\])?\s*=\s*\[(.*?)\];", re.S)
_GET_MESSAGE = re.compile(r"getMessage\((\{.*?\})?\)", re.S)
_ARGUMENT = re.compile(r"(\w+)\s*:\s*'((?:[^'\\]|\\.)*)'")
_SOURCE = re.compile(r"sourceCode\s*:\s*(\w+|`[^`]*`)")
_FIX = re.compile(r"rule\.fix\((\w+)\)")
_COMPARED = re.compile(r"normalizeYAML\(fixedYAML\)\s*,\s*normalizeYAML\((\w+)\)")
_ENUM = re.compile(r"enum\s+(\w+)\s*\{(.*?)\}", re.S)
_ENUM_MEMBER = re.compile(r"(\w+)\s*=\s*'([^']*)'")
_CONSTANT = re.compile(r"const\s+(\w+)(?:\s*:\s*[^=]+?)?\s*=\s*(\[[^;]*?\]|\{[^;]*?\});", re.S)
_SHORTHAND = re.compile(r"([{,]\s*)(\w+)(\s*[,}])")
_BARE_KEY = re.compile(r"([{,]\s*)(\w+)\s*:")
_COMPUTED_KEY = re.compile(r"\[\s*('[^']*')\s*\]\s*:")


@dataclass
class Case:
    title: str
    yaml: str
    options: dict[str, object]  # the options the test gives the rule (dclint's names), or {}
    expected: list[dict[str, str]] = field(default_factory=list)  # the subjects of each expected message
    fixed: str | None = None  # a fix test: the YAML dclint's fix must produce


@dataclass
class Tally:
    expected: int = 0
    found: int = 0
    deliberate: int = 0
    extra: int = 0
    fixes: int = 0
    fixes_matched: int = 0
    with_options: int = 0
    with_options_found: int = 0
    option_fixes: int = 0
    option_fixes_matched: int = 0
    misses: list[str] = field(default_factory=list)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dclint-repo", type=Path, default=os.environ.get("DCLINT_REPO") or None)
    parser.add_argument("--rule", help="only this dclint rule")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    given = Path(args.dclint_repo) if args.dclint_repo else None
    snapshot = find_snapshot(REPOSITORY, given, MARKER)
    if snapshot is None:
        print(missing_snapshot_message(REPOSITORY, "--dclint-repo", given))
        return 2
    print(f"dclint {snapshot.revision()}: its rule tests run through Dockwright\n")
    totals = Tally()
    print(
        f"{'dclint rule':<40} {'ours':<6} {'found':>7} {'share':>7} {'Compose':>8} {'extra':>6} {'fixes':>6}  "
        "with rule options (messages, fixes)"
    )
    for path in snapshot.files(SPEC_FOLDER):
        name = Path(path).name.removesuffix("-rule.spec.ts")
        if not path.endswith("-rule.spec.ts") or (args.rule and name != args.rule):
            continue
        ours = our_rules(name)
        if not ours:
            print(f"{name:<40} {'-':<6} no rule of ours")
            continue
        tally = _run(ours[0], _cases(snapshot.read(path), _enums(snapshot)))
        _add(totals, tally)
        plain_fixes = tally.fixes - tally.option_fixes
        fixes = f"{tally.fixes_matched - tally.option_fixes_matched}/{plain_fixes}" if plain_fixes else "-"
        judged = tally.expected - tally.deliberate
        options = ""
        if tally.with_options or tally.option_fixes:
            options = (
                f"{tally.with_options_found}/{tally.with_options}, {tally.option_fixes_matched}/{tally.option_fixes}"
            )
        print(
            f"{name:<40} {ours[0]:<6} {f'{tally.found}/{judged}':>7} {percent(tally.found, judged):>7} "
            f"{tally.deliberate or '':>8} {tally.extra:>6} {fixes:>6}  {options}"
        )
        if args.verbose:
            for miss in tally.misses:
                print(f"    {miss}")
    judged = totals.expected - totals.deliberate
    plain = judged - totals.with_options
    plain_found = totals.found - totals.with_options_found
    plain_fixes = totals.fixes - totals.option_fixes
    plain_fixes_matched = totals.fixes_matched - totals.option_fixes_matched
    print(
        f"\nexpected messages found: {totals.found}/{judged} ({percent(totals.found, judged)}); in tests without rule "
        f"options {plain_found}/{plain} ({percent(plain_found, plain)}); {totals.deliberate} more contradict Compose "
        f"and are not reported on purpose; {totals.extra} findings beyond dclint's\n"
        f"fix outputs matching dclint's: {totals.fixes_matched}/{totals.fixes}; without rule options "
        f"{plain_fixes_matched}/{plain_fixes}, with {totals.option_fixes_matched}/{totals.option_fixes} "
        "(compared with whitespace collapsed, as dclint's tests do)"
    )
    return 0


def _enums(snapshot: object) -> dict[str, str]:
    """dclint's enum members (`TopLevelKeys.VERSION`) and their values, from its rule sources."""
    values: dict[str, str] = {}
    for path in snapshot.files("src/rules"):  # type: ignore[attr-defined]
        for enum, body in _ENUM.findall(snapshot.read(path)):  # type: ignore[attr-defined]
            values.update({f"{enum}.{member}": value for member, value in _ENUM_MEMBER.findall(body)})
    return values


def _options(literal: str, body: str, enums: dict[str, str]) -> dict[str, object]:
    """A rule's options object literal as Python: the test's constants and dclint's enum members put in, its
    JavaScript (shorthand and bare keys, computed keys, booleans) turned into a Python literal."""
    constants = dict(_CONSTANT.findall(body))
    text = _SHORTHAND.sub(r"\1\2: \2\3", literal)
    for _ in range(3):  # constants may name other constants
        text = re.sub(r"\b(\w+)\b(?!\s*:)", lambda m: constants.get(m.group(1), m.group(1)), text)
    for name, value in enums.items():
        text = text.replace(name, repr(value))
    text = _COMPUTED_KEY.sub(r"\1:", text)
    text = _BARE_KEY.sub(r"\1'\2':", text)
    text = re.sub(r"\btrue\b", "True", re.sub(r"\bfalse\b", "False", text))
    return ast.literal_eval(text)  # type: ignore[no-any-return]


def _cases(spec: str, enums: dict[str, str]) -> list[Case]:
    """The spec's tests, each with its YAML, what it expects and the options it gives the rule."""
    constants = dict(_TEMPLATE.findall(spec))
    starts = [match.start() for match in _TEST.finditer(spec)] + [len(spec)]
    cases: list[Case] = []
    for start, end in itertools.pairwise(starts):
        body = spec[start:end]
        title = _TEST.match(body).group(1)  # type: ignore[union-attr]
        local = {**constants, **dict(_TEMPLATE.findall(body))}
        new_rule = _NEW_RULE.search(body)
        literal = new_rule.group(1) if new_rule and new_rule.group(1) else "{}"
        options = _options(literal, body, enums) if literal.strip("{} \n") else {}
        fix = _FIX.search(body)
        compared = _COMPARED.search(body)
        if fix and compared and fix.group(1) in local and compared.group(1) in local:
            cases.append(Case(title, local[fix.group(1)], options, fixed=local[compared.group(1)]))
            continue
        source = _SOURCE.search(body)
        expected = _EXPECTED.search(body)
        if source is None or expected is None:
            continue
        name = source.group(1)
        yaml = name.strip("`") if name.startswith("`") else local.get(name)
        if yaml is None:
            continue
        subjects = [dict(_ARGUMENT.findall(arguments or "")) for arguments in _GET_MESSAGE.findall(expected.group(1))]
        cases.append(Case(title, yaml, options, expected=subjects))
    return cases


def _run(rule_id: str, cases: list[Case]) -> Tally:
    tally = Tally()
    for case in cases:
        config: dict[str, object] = {"today": TODAY, "shellcheck": False, "enable": [rule_id]}
        if case.options:
            config["rule_options"] = {rule_id: dclint_options(registry.get(rule_id), case.options, case.title)}
        if case.fixed is not None:
            matched = _normal(_fixed(case.yaml, rule_id, config)) == _normal(case.fixed)
            tally.fixes += 1
            tally.fixes_matched += matched
            tally.option_fixes += bool(case.options)
            tally.option_fixes_matched += matched and bool(case.options)
            if not matched:
                tally.misses.append(f"fix differs{' (rule options)' if case.options else ''}: {case.title}")
            continue
        messages = [f.message for f in lint(case.yaml, kind="compose", config=config, only=(rule_id,)).findings]
        missed = _missed(case.expected, messages)
        deliberate = [subjects for subjects in missed if _contradicts_compose(rule_id, case.yaml, subjects)]
        found = len(case.expected) - len(missed)
        tally.expected += len(case.expected)
        tally.found += found
        tally.deliberate += len(deliberate)
        tally.extra += max(0, len(messages) - found)
        if case.options:
            tally.with_options += len(case.expected) - len(deliberate)
            tally.with_options_found += found
        if len(missed) > len(deliberate) or len(messages) > found:
            tally.misses.append(
                f"{found}/{len(case.expected) - len(deliberate)} found, {len(messages)} reported: {case.title}"
            )
    return tally


def _missed(expected: list[dict[str, str]], messages: list[str]) -> list[dict[str, str]]:
    """The expected messages none of ours answers (each of ours answers one)."""
    unused = list(messages)
    missed = []
    for subjects in expected:
        names = [value for key, value in subjects.items() if key in SUBJECTS]
        match = next((m for m in unused if all(f"'{name}'" in m or f"`{name}`" in m for name in names)), None)
        if match is None:
            missed.append(subjects)
        else:
            unused.remove(match)
    return missed


def _contradicts_compose(rule_id: str, yaml: str, subjects: dict[str, str]) -> bool:
    """Whether an expected port clash names a service that publishes no host port at all: `- "8080"` and
    `- 8000-8085` publish container ports on ephemeral host ports, which clash with nothing."""
    if rule_id != "DC009":
        return False
    services = {service.name: service for service in parse_compose(yaml).services}
    named = [services.get(subjects.get(key, "")) for key in ("serviceName", "anotherService")]
    return any(service is not None and not any(b.published for b in service.ports) for service in named)


def _fixed(yaml: str, rule_id: str, config: dict[str, object]) -> str:
    def relint(text: str) -> list:  # type: ignore[type-arg]
        return lint(text, kind="compose", config=config, only=(rule_id,)).findings

    text, _ = fix_until_stable(yaml, relint(yaml), relint)
    return text


def _normal(yaml: str) -> str:
    """dclint's normalizeYAML: runs of whitespace as one space."""
    return re.sub(r"\s+", " ", yaml).strip()


def _add(totals: Tally, tally: Tally) -> None:
    for name in vars(tally):
        if name == "misses":
            continue
        setattr(totals, name, getattr(totals, name) + getattr(tally, name))


if __name__ == "__main__":
    raise SystemExit(main())
