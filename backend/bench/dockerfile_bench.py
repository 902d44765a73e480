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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.real_dockerfiles import MissingMirrors, materialize

BIN = Path(sys.executable).parent


# This machine sets PYTHONDONTWRITEBYTECODE, so every run would recompile every module (~0.45 s); an
# installed package has its bytecode, so the children get a bytecode cache outside the repository.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
CHILD_ENV["PYTHONPYCACHEPREFIX"] = os.path.join(os.environ.get("TMPDIR", "/tmp"), "dockwright-bench-pycache")


def measure(command: list[str], cache: str | None = None) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one run of ``command``; ``cache`` is Dockwright's cache
    folder (a new empty one when None)."""
    with tempfile.TemporaryDirectory(prefix="dockwright-bench-cache-") as empty:
        return _measure(command, {**CHILD_ENV, "DOCKWRIGHT_CACHE_DIR": cache or empty})


def _measure(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, help="lint this folder instead of the real Dockerfiles' corpus")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if args.folder is not None:
        return run(args.folder, args.rounds)
    with tempfile.TemporaryDirectory(prefix="dockwright-bench-corpus-") as corpus:
        try:
            materialize(Path(corpus))
        except MissingMirrors as exc:
            print(f"dockerfile_bench: {exc}", file=sys.stderr)
            return 2
        return run(Path(corpus), args.rounds)


def run(folder: Path, rounds: int) -> int:
    files = sorted(str(p) for p in folder.rglob("*") if p.is_file() and "ockerfile" in p.name)
    commands = {
        "dockwright": [str(BIN / "dockwright"), "lint", "--format", "json", str(folder)],
        "dockwright --no-shellcheck": [
            str(BIN / "dockwright"),
            "lint",
            "--format",
            "json",
            "--no-shellcheck",
            str(folder),
        ],
        "hadolint": [str(BIN / "hadolint"), "--no-fail", "-f", "json", *files],
    }
    warm = "dockwright, warm cache"
    times: dict[str, list[float]] = {name: [] for name in [*commands, warm]}
    memory: dict[str, float] = dict.fromkeys(times, 0.0)
    measure(commands["dockwright --no-shellcheck"])  # warm the bytecode cache
    with tempfile.TemporaryDirectory(prefix="dockwright-bench-warm-") as warm_cache:
        measure(commands["dockwright"], cache=warm_cache)
        for _ in range(rounds):
            for name, command in [*commands.items(), (warm, commands["dockwright"])]:
                elapsed, peak = measure(command, cache=warm_cache if name == warm else None)
                times[name].append(elapsed)
                memory[name] = max(memory[name], peak)
    print(f"{len(files)} files, {rounds} rounds (median wall time)")
    rates = {name: len(files) / statistics.median(values) for name, values in times.items()}
    for name, rate in rates.items():
        print(f"{name:<28} {statistics.median(times[name]):7.3f} s  {rate:8.1f} files/s  peak {memory[name]:6.1f} MB")
    for name in ("dockwright", "dockwright --no-shellcheck", warm):
        print(f"{name} / hadolint throughput: {rates[name] / rates['hadolint']:.2f}x")
    bare = statistics.median(measure([sys.executable, "-c", "pass"])[0] for _ in range(rounds))
    hadolint = statistics.median(times["hadolint"])
    print(f"python start-up alone: {bare * 1000:.1f} ms, {hadolint / bare:.0f}x faster than hadolint's run")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
