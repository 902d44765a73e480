"""Throughput and peak memory of `dockwright lint` against hadolint over real Dockerfiles (a dev tool, not a test).

By default the corpus is the real Dockerfiles of `real_dockerfiles.txt` (official images, language samples,
applications, small projects), copied out of the fetch tool's mirrors into a temporary folder; `--folder`
lints a folder instead (e.g. the generated tests/fixtures/dockerfiles/realistic).

Both tools lint the whole folder in ONE process call each (Dockwright through its CLI, JSON output, with
and without ShellCheck; hadolint with every file on its command line), alternating for several rounds so
that both see the same machine state. Every Dockwright run with ShellCheck gets a new, empty cache folder,
so it checks every script; one more row shows a second run over the same folder with that cache warm, as a
pre-commit hook or an editor sees it. The last line is the floor under any Python CLI: the interpreter
starting and doing nothing.

Run: .venv/bin/python backend/bench/dockerfile_bench.py --rounds 5 [--folder tests/fixtures/dockerfiles/realistic]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.real_dockerfiles import MissingMirrors, materialize

BIN = Path(sys.executable).parent


# This machine sets PYTHONDONTWRITEBYTECODE, so every run would recompile every module (~0.45 s); an
# installed package has its bytecode, so the children get a bytecode cache outside the repository.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
CHILD_ENV["PYTHONPYCACHEPREFIX"] = os.path.join(os.environ.get("TMPDIR", "/tmp"), "dockwright-bench-pycache")


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the process and the workers it waited for (ShellCheck's too)
    peak: float  # resident MB


def measure(command: list[str], cache: str | None = None) -> Run:
    """One run of ``command``; ``cache`` is Dockwright's cache folder (a new empty one when None)."""
    with tempfile.TemporaryDirectory(prefix="dockwright-bench-cache-") as empty:
        return _measure(command, {**CHILD_ENV, "DOCKWRIGHT_CACHE_DIR": cache or empty})


def _measure(command: list[str], env: dict[str, str]) -> Run:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, help="lint this folder instead of the real Dockerfiles' corpus")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--also-without",
        metavar="IDS",
        help="comma-separated rule ids: also time both Dockwright runs with these rules ignored, to see their cost",
    )
    args = parser.parse_args()
    without = [rule for rule in (args.also_without or "").split(",") if rule]
    if args.folder is not None:
        return run(args.folder, args.rounds, without)
    with tempfile.TemporaryDirectory(prefix="dockwright-bench-corpus-") as corpus:
        try:
            materialize(Path(corpus))
        except MissingMirrors as exc:
            print(f"dockerfile_bench: {exc}", file=sys.stderr)
            return 2
        return run(Path(corpus), args.rounds, without)


def run(folder: Path, rounds: int, without: list[str]) -> int:
    files = sorted(str(p) for p in folder.rglob("*") if p.is_file() and "ockerfile" in p.name)
    lint = [str(BIN / "dockwright"), "lint", "--format", "json"]
    commands = {
        "dockwright": [*lint, str(folder)],
        "dockwright --no-shellcheck": [*lint, "--no-shellcheck", str(folder)],
        "hadolint": [str(BIN / "hadolint"), "--no-fail", "-f", "json", *files],
    }
    if without:
        ignore = [option for rule in without for option in ("--ignore", rule)]
        commands["dockwright without them"] = [*lint, *ignore, str(folder)]
        commands["dockwright --no-shellcheck without them"] = [*lint, "--no-shellcheck", *ignore, str(folder)]
    warm = "dockwright, warm cache"
    runs: dict[str, list[Run]] = {name: [] for name in [*commands, warm]}
    measure(commands["dockwright --no-shellcheck"])  # warm the bytecode cache
    with tempfile.TemporaryDirectory(prefix="dockwright-bench-warm-") as warm_cache:
        measure(commands["dockwright"], cache=warm_cache)
        for _ in range(rounds):
            for name, command in [*commands.items(), (warm, commands["dockwright"])]:
                runs[name].append(measure(command, cache=warm_cache if name == warm else None))
    print(f"{len(files)} files, {rounds} rounds (medians; cpu is user + system time, ShellCheck's included)")
    wall = {name: statistics.median(r.wall for r in values) for name, values in runs.items()}
    cpu = {name: statistics.median(r.cpu for r in values) for name, values in runs.items()}
    for name, values in runs.items():
        print(
            f"{name:<40} {wall[name]:7.3f} s  {len(files) / wall[name]:8.1f} files/s  cpu {cpu[name]:7.3f} s"
            f"  peak {max(r.peak for r in values):6.1f} MB"
        )
    for name in ("dockwright", "dockwright --no-shellcheck", warm):
        print(
            f"{name} / hadolint throughput: {wall['hadolint'] / wall[name]:.2f}x"
            f" (cpu: {cpu['hadolint'] / cpu[name]:.2f}x)"
        )
    if without:
        print(f"cost of {', '.join(without)}:")
        for name in ("dockwright", "dockwright --no-shellcheck"):
            bare = f"{name} without them"
            extra_wall, extra_cpu = wall[name] / wall[bare] - 1, cpu[name] / cpu[bare] - 1
            print(f"  {name}: wall {100 * extra_wall:+.1f}%, cpu {100 * extra_cpu:+.1f}%")
    bare = statistics.median(measure([sys.executable, "-c", "pass"]).wall for _ in range(rounds))
    print(f"python start-up alone: {bare * 1000:.1f} ms, {wall['hadolint'] / bare:.0f}x faster than hadolint's run")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
