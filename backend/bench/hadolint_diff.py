"""Compare hadolint's findings with Dockwright's over a folder of Dockerfiles (a dev tool, not a test).

For each hadolint rule it prints the findings both report (same file, and our finding inside the
instruction hadolint points at), those only hadolint reports and those only we report, with examples.
ShellCheck codes are compared as codes (our DF100 messages start with the code).

Run: .venv/bin/python backend/bench/hadolint_diff.py tests/fixtures/dockerfiles/realistic
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

from dockwright.dockerfile.parser import parse_dockerfile
from dockwright.lint import lint
from dockwright.rules import load_all, registry
from dockwright.rules.peer_gaps import PEER_GAPS

Key = tuple[str, int]  # file, line of the instruction hadolint names


def hadolint_findings(files: list[Path], hadolint: str) -> dict[str, set[Key]]:
    completed = subprocess.run(
        [hadolint, "--no-fail", "-f", "json", *map(str, files)], capture_output=True, text=True, check=False
    )
    found: dict[str, set[Key]] = defaultdict(set)
    for item in json.loads(completed.stdout or "[]"):
        found[item["code"]].add((item["file"], item["line"]))
    return found


def dockwright_findings(files: list[Path]) -> dict[str, set[Key]]:
    """Our findings (default config) keyed by hadolint id, each at the first line of its instruction."""
    load_all()
    to_peer = {rule.id: rule.equivalents["hadolint"] for rule in registry if "hadolint" in rule.equivalents}
    for gap in PEER_GAPS.values():
        if gap.peer == "hadolint" and gap.covered_by:
            to_peer.setdefault(gap.covered_by, gap.peer_id)
    found: dict[str, set[Key]] = defaultdict(set)
    for path in files:
        text = path.read_text(encoding="utf-8")
        starts = [(i.span.start_line, i.span.end_line) for i in parse_dockerfile(text).instructions]
        for finding in lint(text, filename=path.name).findings:
            code = finding.message.split(":", 1)[0] if finding.rule == "DF100" else to_peer.get(finding.rule)
            if code:
                line = next((first for first, last in starts if first <= finding.line <= last), finding.line)
                found[code].add((str(path), line))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--hadolint", default=str(Path(sys.executable).parent / "hadolint"))
    parser.add_argument("--examples", type=int, default=3)
    args = parser.parse_args()
    files = sorted(p for p in args.folder.rglob("*") if p.is_file() and "ockerfile" in p.name)
    theirs = hadolint_findings(files, args.hadolint)
    # Files hadolint cannot parse (DL1000: e.g. it rejects `RUN <<EOF` heredocs) say nothing about its rules.
    unparsed = {file for file, _ in theirs.pop("DL1000", set())}
    if unparsed:
        print(f"hadolint could not parse {len(unparsed)} files (DL1000); they are left out:")
        for file in sorted(unparsed)[: args.examples]:
            print(f"    {file}")
    files = [f for f in files if str(f) not in unparsed]
    ours = dockwright_findings(files)
    print(f"{len(files)} files\n{'rule':<8} {'both':>5} {'only hadolint':>14} {'only dockwright':>16}")
    for code in sorted(set(theirs) | set(ours)):
        both, only_theirs, only_ours = theirs[code] & ours[code], theirs[code] - ours[code], ours[code] - theirs[code]
        print(f"{code:<8} {len(both):>5} {len(only_theirs):>14} {len(only_ours):>16}")
        for label, keys in (("hadolint only", only_theirs), ("dockwright only", only_ours)):
            for file, line in sorted(keys)[: args.examples]:
                print(f"    {label}: {file}:{line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
