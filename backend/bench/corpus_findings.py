"""Save, or compare with a saved copy, every finding `dockwright lint` reports on the real Dockerfiles' corpus
(a dev tool, not a test): an optimisation of the engine must leave them identical.

The corpus is that of the speed benchmark (`real_dockerfiles.txt`, read from the fetch tool's mirrors); the
CLI runs once over it, with ShellCheck and an empty cache, in the batch mode a folder gets. Paths are kept
relative to the corpus, so two runs in different temporary folders compare.

Run: .venv/bin/python backend/bench/corpus_findings.py --save /tmp/before.json
     (change the engine)
     .venv/bin/python backend/bench/corpus_findings.py --compare /tmp/before.json
Arguments after `--` go to `dockwright lint` (e.g. `-- --no-shellcheck`).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.real_dockerfiles import MissingMirrors, materialize

BIN = Path(sys.executable).parent


def corpus_findings(extra: list[str]) -> list[dict[str, object]]:
    with tempfile.TemporaryDirectory(prefix="dockwright-findings-") as folder:
        corpus = Path(folder) / "corpus"
        materialize(corpus)
        completed = subprocess.run(
            [str(BIN / "dockwright"), "lint", "--format", "json", *extra, str(corpus)],
            capture_output=True,
            text=True,
            cwd=folder,  # no config file of this repository applies
            env={**os.environ, "DOCKWRIGHT_CACHE_DIR": str(Path(folder) / "cache")},
            check=False,
        )
        if completed.returncode not in (0, 1):
            raise SystemExit(f"dockwright failed ({completed.returncode}): {completed.stderr[-2000:]}")
        findings = json.loads(completed.stdout)
    for finding in findings:
        finding["file"] = str(Path(finding["file"]).relative_to(corpus))
    return findings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--save", type=Path, metavar="FILE")
    action.add_argument("--compare", type=Path, metavar="FILE")
    parser.add_argument("extra", nargs="*", help="arguments for dockwright lint (after --)")
    args = parser.parse_args()
    try:
        found = corpus_findings(args.extra)
    except MissingMirrors as exc:
        print(f"corpus_findings: {exc}", file=sys.stderr)
        return 2
    by_rule = Counter(str(f["rule"]) for f in found)
    print(f"{len(found)} findings in {len({f['file'] for f in found})} files; by rule: {dict(sorted(by_rule.items()))}")
    if args.save:
        args.save.write_text(json.dumps(found, indent=1, sort_keys=True), encoding="utf-8")
        return 0
    saved = json.loads(args.compare.read_text(encoding="utf-8"))
    key = lambda finding: json.dumps(finding, sort_keys=True)  # noqa: E731
    before, after = Counter(map(key, saved)), Counter(map(key, found))
    lost, new = before - after, after - before
    for label, changed in (("only before", lost), ("only now", new)):
        for item in sorted(changed.elements())[:20]:
            print(f"{label}: {item}")
    same = not lost and not new and [key(f) for f in saved] == [key(f) for f in found]
    print("identical, in the same order" if same else f"DIFFERENT: {sum(lost.values())} lost, {sum(new.values())} new")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
