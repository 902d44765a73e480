"""API latency: POST /api/v1/analyses of a 50-line multi-stage Dockerfile on the embedded default.

A script, not a test (`python backend/bench/api_bench.py`). It starts no server: requests go through
Django's test client, i.e. the full middleware stack, DRF, the engine, the cache and a write to a fresh
SQLite database, without the network. "Cold" sends new content every time (engine and ShellCheck run);
"cached" repeats the same content (the lint result comes from the cache; the analysis is still stored).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BACKEND_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BACKEND_DIR))

ROUNDS = 200


def _embedded_environment(data_dir: str) -> None:
    """The embedded default (SQLite + local-memory cache) in a throw-away data folder, no rate limit."""
    for name in ("DATABASE_URL", "REDIS_URL", "PROMETHEUS_MULTIPROC_DIR"):
        os.environ.pop(name, None)
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "server.settings",
            "DJANGO_ENV": "development",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "api-bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "DJANGO_LOG_LEVEL": "ERROR",
            "DOCKWRIGHT_DATA_DIR": data_dir,
            "DOCKWRIGHT_RATE_LIMIT": "0",
        }
    )


def _time_requests(client: object, content_for_round: Callable[[int], str]) -> list[float]:
    timings = []
    for i in range(ROUNDS):
        body = json.dumps({"content": content_for_round(i), "filename": "Dockerfile"})
        start = time.perf_counter()
        response = client.post("/api/v1/analyses", data=body, content_type="application/json")  # type: ignore[attr-defined]
        timings.append(time.perf_counter() - start)
        if response.status_code != 201:
            raise SystemExit(f"POST /api/v1/analyses answered {response.status_code}: {response.content[:500]!r}")
    return timings


def _report(label: str, timings: list[float]) -> None:
    ordered = sorted(timings)
    p50 = statistics.median(ordered) * 1000
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000
    print(f"{label:<48} p50 {p50:7.2f} ms   p99 {p99:7.2f} ms   ({1000 / p50:,.0f} requests/s at p50)")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="dockwright-api-bench-") as data_dir:
        _embedded_environment(data_dir)
        import django
        from django.core.management import call_command
        from django.test import Client

        django.setup()
        call_command("migrate", verbosity=0)

        from bench.sample import MULTI_STAGE_DOCKERFILE

        client = Client()
        lines = MULTI_STAGE_DOCKERFILE.count("\n")
        print(f"API: POST /api/v1/analyses, {lines}-line multi-stage Dockerfile, {ROUNDS} requests each, SQLite")
        _time_requests(client, lambda i: MULTI_STAGE_DOCKERFILE + f"# warm-up {i}\n")  # imports, parsers, rules

        def unique(i: int) -> str:
            return MULTI_STAGE_DOCKERFILE + f"RUN echo round-{i} | tee /tmp/r{i}\n"

        _report("cold (new content, engine + ShellCheck run)", _time_requests(client, unique))
        _report("cached (same content, lint result from cache)", _time_requests(client, lambda i: unique(0)))


if __name__ == "__main__":
    main()
