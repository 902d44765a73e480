"""Dockwright vs dclint on the compose fixtures: agreement per dclint rule and files per second.

A development script, not a test. dclint (npm package `dclint`) is not a dependency of the project;
install it outside the repository first:

    npm install --prefix /tmp/dclint dclint
    .venv/bin/python backend/bench/compose_bench.py [--dclint /tmp/dclint/node_modules/.bin/dclint] [folder]

Both tools run in one process over the whole folder (dclint: one `node` process given every file;
Dockwright: one Python loop calling `dockwright.lint.lint`), so start-up is paid once.
Agreement is per file and rule: both tools report the rule at least once, or neither does. Files
dclint rejects as invalid YAML or schema are left out of the agreement (dclint lints nothing else in them).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BACKEND))

from dockwright.lint import lint  # noqa: E402
from dockwright.rules import load_all, registry  # noqa: E402

DEFAULT_FOLDER = BACKEND.parent / "tests" / "fixtures" / "compose"
DEFAULT_DCLINT = Path("/tmp/dclint/node_modules/.bin/dclint")
ROUNDS = 5


def dclint_results(binary: Path, files: list[Path]) -> tuple[dict[str, set[str]], float]:
    # A report file rather than stdout: node cuts piped output at 64 KiB when dclint exits.
    with tempfile.TemporaryDirectory() as folder:
        report_path = Path(folder) / "report.json"
        started = time.perf_counter()
        subprocess.run(
            [str(binary), *map(str, files), "-f", "json", "--color", "false", "-o", str(report_path)],
            capture_output=True,
            check=False,
        )
        elapsed = time.perf_counter() - started
        reports = json.loads(report_path.read_text(encoding="utf-8"))
    by_file: dict[str, set[str]] = {}
    for report in reports:
        by_file[str(Path(report["filePath"]).resolve())] = {m["rule"] for m in report["messages"]}
    return by_file, elapsed


def dockwright_results(files: list[Path], ours: dict[str, str]) -> tuple[dict[str, set[str]], float]:
    config = {"enable": list(ours.values()), "today": "2026-11-28"}
    texts = {str(path.resolve()): path.read_text(encoding="utf-8") for path in files}
    lint("services: {}\n", kind="compose", config=config)  # warm up: imports and the schema validator
    by_file: dict[str, set[str]] = {}
    started = time.perf_counter()
    for _ in range(ROUNDS):
        for path, text in texts.items():
            result = lint(text, kind="compose", config=config, filename=path)
            by_file[path] = {f.rule for f in result.findings}
    elapsed = (time.perf_counter() - started) / ROUNDS
    return by_file, elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--dclint", type=Path, default=DEFAULT_DCLINT)
    args = parser.parse_args()
    if not args.dclint.exists():
        print(f"dclint not found at {args.dclint}; run: npm install --prefix /tmp/dclint dclint", file=sys.stderr)
        return 2
    files = sorted(args.folder.glob("*.y*ml"))
    load_all()
    ours = {r.equivalents["dclint"]: r.id for r in registry.for_target("compose") if "dclint" in r.equivalents}

    theirs, dclint_seconds = dclint_results(args.dclint, files)
    mine, dockwright_seconds = dockwright_results(files, ours)

    # dclint stops at these (its YAML library also refuses many aliases as "unknown-error").
    rejected = {path for path, rules in theirs.items() if rules & {"invalid-yaml", "invalid-schema", "unknown-error"}}
    compared = [str(p.resolve()) for p in files if str(p.resolve()) not in rejected]
    print(f"{len(files)} files, {len(compared)} compared ({len(rejected)} rejected by dclint as invalid)\n")
    print(f"{'dclint rule':45} {'ours':6} {'both':>5} {'dclint':>7} {'ours':>5} {'none':>5} {'agree':>7}")
    totals: dict[str, int] = defaultdict(int)
    for dclint_rule, our_id in sorted(ours.items()):
        if dclint_rule in ("invalid-yaml", "invalid-schema"):
            continue
        counts = {"both": 0, "dclint": 0, "ours": 0, "none": 0}
        for path in compared:
            a, b = dclint_rule in theirs.get(path, set()), our_id in mine.get(path, set())
            counts["both" if a and b else "dclint" if a else "ours" if b else "none"] += 1
        for key, value in counts.items():
            totals[key] += value
        agree = (counts["both"] + counts["none"]) / max(len(compared), 1)
        print(
            f"{dclint_rule:45} {our_id:6} {counts['both']:5} {counts['dclint']:7} {counts['ours']:5} "
            f"{counts['none']:5} {agree:7.0%}"
        )
    overall = (totals["both"] + totals["none"]) / max(sum(totals.values()), 1)
    print(f"\noverall file-and-rule agreement: {overall:.1%}")
    print(f"dclint:     {len(files) / dclint_seconds:8.1f} files/s ({dclint_seconds:.2f} s, one node process)")
    mean = f"{dockwright_seconds:.2f} s, mean of {ROUNDS} runs"
    print(f"Dockwright: {len(files) / dockwright_seconds:8.1f} files/s ({mean})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
