"""How much of what a senior reviewer names Dockwright finds, on realistic projects (a dev tool, not a test).

Each folder under backend/bench/reviewer/ is a small project of the kind a Django, FastAPI, Node, Spring, Go or
Celery tutorial teaches: a Dockerfile and/or compose file with the .dockerignore, nginx.conf, .env and other
files that matter. Its expected.yaml lists the `problems` a reviewer would name and deliberately `clean` near
misses, each as {concept, file, line, note}.

Every Dockerfile and compose file of a folder is linted with the other files of the folder passed as `files`
(relative to the linted file, so a compose file sees the Dockerfiles it builds and a Dockerfile its
.dockerignore). Findings reach a concept through CONCEPT_RULES. A problem counts as found when a finding of one
of its concept's rules is in the same file and within one line of it (a finding spanning several lines counts
when the line is in the span or next to it), or in a file that judges it (a compose file for the Dockerfiles it
builds, any linted file for an nginx.conf or .env) and cites its path and line; a clean near miss with such a
finding is a false positive. Rules that are off by default are switched on when the table names them, ShellCheck
is off, and the date is fixed.

Run: .venv/bin/python backend/bench/reviewer_score.py [--verbose] [--only CONCEPT] [FOLDER]
"""

from __future__ import annotations

import argparse
import datetime as dt
import posixpath
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from dockwright.config import LintConfig
from dockwright.findings import Finding
from dockwright.lint import lint

SUITE = Path(__file__).resolve().parent / "reviewer"

# Concept -> the rules that report it. Today's rules first; the rules issue #17 adds are appended as they land.
CONCEPT_RULES: dict[str, list[str]] = {
    # Reviewer concepts from issue #17.
    "build-toolchain-shipped": ["DF109"],
    "artifact-lost-between-stages": ["DF057", "DF110", "DF111"],
    "port-mismatch": ["DF112", "DC050", "DC052", "DC070"],  # DC070: EXPOSE after compose moves the port
    "unreachable-bind": ["DF113", "DC051"],
    "user-too-early": ["DF114"],
    "split-update-install": ["DF015", "DF115"],  # DF015 joins consecutive single-command RUNs, whatever they do
    "build-setting-persisted": ["DF116"],
    "remote-script-unverified": ["DF117"],
    "add-url-no-checksum": ["DF118"],
    "tls-verification-off": ["DF119", "DC055"],
    "secret-in-build-arg": ["DF024", "DF120", "DC061"],
    "context-without-dockerignore": ["DF121"],
    "healthy-condition-without-healthcheck": ["DC054"],
    "admin-ui-exposed": ["DC056"],
    "default-admin-credentials": ["DC057"],
    "source-bind-mount-in-prod": ["DC058"],
    "database-without-volume": ["DC059"],
    "wrong-data-directory": ["DC060"],
    "connection-url-wrong-host": ["DC053", "DC052"],  # DC052: a proxy upstream naming no service
    # Concepts Dockwright already has rules for.
    "latest-tag": ["DF002", "DF003", "DC019"],
    "root-user": ["DF005", "DF090"],
    "no-healthcheck": ["DF006", "DC031"],
    "healthcheck-tool-missing": ["DF007", "DC062"],
    "database-port-exposed": ["DC025"],
    "hardcoded-secret": ["DC024", "DF024"],
}

TODAY = dt.date(2026, 12, 1)
_COMPOSE_NAME = re.compile(r"^(docker-)?compose([.-][\w.-]+)?\.ya?ml$")


@dataclass(frozen=True)
class Entry:
    scenario: str
    concept: str
    file: str
    line: int
    note: str


@dataclass
class Tally:
    expected: int = 0
    found: int = 0
    clean: int = 0
    false_positives: int = 0

    @property
    def recall(self) -> float | None:
        return self.found / self.expected if self.expected else None


def kind_of(path: str) -> str | None:
    name = posixpath.basename(path)
    if name == "Dockerfile" or name.startswith("Dockerfile.") or name.endswith(".Dockerfile"):
        return "dockerfile"
    if _COMPOSE_NAME.match(name):
        return "compose"
    return None


def read_folder(folder: Path) -> dict[str, str]:
    """Every text file of a scenario but its expected.yaml, by path relative to the folder."""
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != "expected.yaml"
    }


def lint_scenario(files: dict[str, str], config: LintConfig) -> dict[str, list[Finding]]:
    """The findings of each Dockerfile and compose file, linted with the files under its own directory."""
    findings: dict[str, list[Finding]] = {}
    for path, text in files.items():
        kind = kind_of(path)
        if kind is None:
            continue
        directory = posixpath.dirname(path)
        prefix = f"{directory}/" if directory else ""
        others = {
            name.removeprefix(prefix): content
            for name, content in files.items()
            if name != path and name.startswith(prefix)
        }
        result = lint(text, kind=kind, filename=posixpath.basename(path), config=config, files=others)
        findings[path] = result.findings
    return findings


def read_entries(folder: Path, files: dict[str, str]) -> tuple[list[Entry], list[Entry]]:
    data = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
    problems = [_entry(folder.name, item, files) for item in data.get("problems") or []]
    clean = [_entry(folder.name, item, files) for item in data.get("clean") or []]
    return problems, clean


def _entry(scenario: str, item: dict[str, object], files: dict[str, str]) -> Entry:
    entry = Entry(scenario, str(item["concept"]), str(item["file"]), int(str(item["line"])), str(item["note"]))
    if entry.concept not in CONCEPT_RULES:
        raise SystemExit(f"{scenario}: unknown concept {entry.concept!r}")
    if entry.file not in files:
        raise SystemExit(f"{scenario}: no file {entry.file!r}")
    if not 1 <= entry.line <= len(files[entry.file].splitlines()):
        raise SystemExit(f"{scenario}: {entry.file} has no line {entry.line}")
    return entry


def hits(entry: Entry, findings: dict[str, list[Finding]]) -> list[Finding]:
    """The findings of the entry's concept rules in its file, at its line or next to it, and those citing it.

    A file judged through another one counts a finding there whose message cites the entry's file and line, as
    the linted file names it (relative to its own folder: `./nginx/nginx.conf line 2`, `api/Dockerfile line 8`).
    A file Dockwright does not lint itself (nginx.conf, a Caddyfile, .env, prometheus.yml) is judged through the
    compose files and Dockerfiles that use it; a Dockerfile also through the compose files that build it (what
    it says against the port a service's environment moves its server to).
    """
    rules = CONCEPT_RULES[entry.concept]
    kind = kind_of(entry.file)
    judges = {None: ("compose", "dockerfile"), "dockerfile": ("compose",)}.get(kind, ())
    found = [
        f
        for path, listed in findings.items()
        if kind_of(path) in judges
        for f in listed
        if f.rule in rules and cites(f.message, path, entry)
    ]
    if kind is not None:
        found += [
            f
            for f in findings.get(entry.file, [])
            if f.rule in rules and f.span.start_line - 1 <= entry.line <= f.span.end_line + 1
        ]
    return found


def cites(message: str, linted: str, entry: Entry) -> bool:
    """Whether ``message``, of a finding in the file ``linted``, names the entry's file (as a path relative to the
    linted file's folder, optionally with `./`) and line; a longer path ending in the same name does not count."""
    folder = posixpath.dirname(linted)
    if folder and not entry.file.startswith(f"{folder}/"):
        return False  # the linted file only sees the files under its own folder
    path = posixpath.relpath(entry.file, folder or ".")
    pattern = rf"(?<![\w./-])(\./)?{re.escape(path)} line {entry.line}\b"
    return re.search(pattern, message) is not None


def reports_a_problem(finding: Finding, clean: Entry, problems: list[Entry], own: list[Finding]) -> bool:
    """Whether the finding, one of ``own`` (those of the clean entry's file), sits exactly on a problem of the same
    concept and file.

    A clean near miss is often the line next to the problem it resembles (`./app` and `./logs` mounts on
    consecutive lines); the one-line slack of `hits` would count the problem's own finding against it. A finding
    of another file that cites the clean line has no slack: it is a false positive wherever it sits.
    """
    return finding in own and any(
        p.concept == clean.concept
        and p.file == clean.file
        and finding.span.start_line <= p.line <= finding.span.end_line
        for p in problems
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("suite", nargs="?", type=Path, default=SUITE)
    parser.add_argument("--verbose", action="store_true", help="list every miss and false positive")
    parser.add_argument("--only", help="show only this concept")
    args = parser.parse_args()
    enabled = sorted({rule for rules in CONCEPT_RULES.values() for rule in rules})
    config = LintConfig.from_dict({"enable": enabled, "shellcheck": False, "today": TODAY.isoformat()})

    tallies: dict[str, Tally] = defaultdict(Tally)
    misses: list[Entry] = []
    false_positives: list[tuple[Entry, Finding]] = []
    folders = sorted(p for p in args.suite.iterdir() if (p / "expected.yaml").is_file())
    for folder in folders:
        files = read_folder(folder)
        findings = lint_scenario(files, config)
        problems, clean = read_entries(folder, files)
        for entry in problems:
            tally = tallies[entry.concept]
            tally.expected += 1
            if hits(entry, findings):
                tally.found += 1
            else:
                misses.append(entry)
        for entry in clean:
            tally = tallies[entry.concept]
            tally.clean += 1
            own = findings.get(entry.file, [])
            wrong = [f for f in hits(entry, findings) if not reports_a_problem(f, entry, problems, own)]
            if wrong:
                tally.false_positives += 1
                false_positives.append((entry, wrong[0]))

    concepts = [c for c in CONCEPT_RULES if args.only in (None, c)]
    print(f"{len(folders)} scenarios under {args.suite}\n")
    print(f"{'concept':<38} {'rules':<24} {'expected':>8} {'found':>6} {'recall':>7} {'clean':>6} {'false +':>8}")
    for concept in concepts:
        tally = tallies[concept]
        recall = "-" if tally.recall is None else f"{tally.recall:.0%}"
        rules = ",".join(CONCEPT_RULES[concept]) or "-"
        print(
            f"{concept:<38} {rules:<24} {tally.expected:>8} {tally.found:>6} {recall:>7} {tally.clean:>6} "
            f"{tally.false_positives:>8}"
        )
    total = Tally(
        sum(tallies[c].expected for c in concepts),
        sum(tallies[c].found for c in concepts),
        sum(tallies[c].clean for c in concepts),
        sum(tallies[c].false_positives for c in concepts),
    )
    overall = "-" if total.recall is None else f"{total.recall:.0%}"
    print(
        f"\noverall: {total.found}/{total.expected} problems found (recall {overall}), "
        f"{total.false_positives} false positives on {total.clean} clean near misses"
    )
    if args.verbose:
        print("\nmissed:")
        for entry in misses:
            if args.only in (None, entry.concept):
                print(f"    {entry.concept}: {entry.scenario}/{entry.file}:{entry.line}  {entry.note}")
        print("\nfalse positives:")
        for entry, finding in false_positives:
            if args.only in (None, entry.concept):
                print(
                    f"    {entry.concept}: {entry.scenario}/{entry.file}:{entry.line}  {finding.rule} "
                    f"{finding.message}  (clean because: {entry.note})"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
