"""Engine speed: time to lint a 50-line multi-stage Dockerfile, with and without ShellCheck.

A script, not a test: prints the figures (`make bench`). Varies the content each round so the ShellCheck
result cache does not hide the first-run cost ("cold"), then repeats identical content ("warm").
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.sample import MULTI_STAGE_DOCKERFILE
from dockwright.dockerfile.parser import parse_dockerfile
from dockwright.lint import lint

ROUNDS = 200


def _time(content_for_round, config: dict) -> list[float]:  # type: ignore[no-untyped-def]
    timings = []
    for i in range(ROUNDS):
        content = content_for_round(i)
        start = time.perf_counter()
        lint(content, kind="dockerfile", config=config)
        timings.append(time.perf_counter() - start)
    return timings


def _report(label: str, timings: list[float]) -> None:
    ordered = sorted(timings)
    p50 = statistics.median(ordered) * 1000
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
    print(f"{label:<44} p50 {p50:7.2f} ms   p99 {p99:7.2f} ms   ({1000 / p50:,.0f} files/s at p50)")


def main() -> None:
    lines = MULTI_STAGE_DOCKERFILE.count("\n")
    print(f"engine: {lines}-line multi-stage Dockerfile, {ROUNDS} rounds each")
    lint(MULTI_STAGE_DOCKERFILE, kind="dockerfile")  # imports, rule registry, parsers

    def unique(i: int) -> str:
        return MULTI_STAGE_DOCKERFILE + f"RUN echo round-{i} | tee /tmp/r{i}\n"

    def same(i: int) -> str:
        return MULTI_STAGE_DOCKERFILE

    timings = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        parse_dockerfile(MULTI_STAGE_DOCKERFILE)
        timings.append(time.perf_counter() - start)
    _report("parse only (no shell parsing)", timings)
    _report("ShellCheck off", _time(same, {"shellcheck": False}))
    _report("ShellCheck on, new content every round", _time(unique, {"shellcheck": True}))
    _report("ShellCheck on, same content (script cache)", _time(same, {"shellcheck": True}))


if __name__ == "__main__":
    main()
