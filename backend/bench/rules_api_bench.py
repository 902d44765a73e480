"""GET /api/v1/rules through the production-like stack: requests per second with and without If-None-Match.

A benchmark that prints figures, not a test: `.venv/bin/python backend/bench/rules_api_bench.py [--seconds N]
[--connections N]`. It starts the stack the stack tests start (tests/stack/stack_support.py: start.sh, Nginx in
front of gunicorn's 2 workers, DJANGO_ENV=production, a fresh Postgres database, Redis), then drives it from
this machine's loopback with `wrk` (Debian: apt-get install wrk) for each case:

* full: GET /api/v1/rules, the whole catalogue (about 100 KB of JSON) every time;
* gzip: the same with Accept-Encoding: gzip, as browsers ask;
* 304: GET /api/v1/rules with If-None-Match naming the current ETag, what a browser that holds the catalogue
  sends (the answer is 304 without a body);
* rule: GET /api/v1/rules/DL3008 (a peer id resolved to our rule), a rule page's request.

Target: at least 2,000 requests/s for the full list on a 2-core machine, where load generator, Nginx, gunicorn,
Postgres and Redis share the cores. The catalogue is the same for everyone until the ruleset or the site policy
changes, so Django renders it once per version and process (core.versioned_responses) and Nginx keeps each
answer the 5 seconds Django's s-maxage allows, then revalidates it with the ETag (nginx/app.conf, the catalogue's
location): most requests never reach gunicorn. The figures depend on what else the machine runs: the load average
is printed before and after.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.stack import stack_support  # noqa: E402

TARGET_REQUESTS_PER_SECOND = 2000
REDIS_URL = os.environ.get("STACK_REDIS_URL", "redis://127.0.0.1:6379/14")


@dataclass(frozen=True)
class Figures:
    requests_per_second: float
    latency_p50_ms: float
    latency_p99_ms: float
    transfer_per_second: str
    statuses: str


@contextmanager
def fresh_database() -> Iterator[str]:
    """An empty Postgres database for the stack, dropped afterwards."""
    import psycopg2
    from psycopg2 import sql

    connection = psycopg2.connect(stack_support.ADMIN_URL, connect_timeout=5)
    connection.autocommit = True
    name = f"dockwright_bench_{uuid.uuid4().hex[:12]}"
    with connection.cursor() as cursor:
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield stack_support.ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        connection.close()


@contextmanager
def running_stack() -> Iterator[stack_support.Stack]:
    base = stack_support.stack_dir()
    try:
        with fresh_database() as database_url:
            settings = stack_support.production_settings(
                database_url=database_url, redis_url=REDIS_URL, data_dir=base / "data"
            )
            stack_support.collect_static(base / "static", settings)
            stack = stack_support.start_stack(base / "stack", settings=settings, static_root=base / "static")
            try:
                yield stack
            finally:
                stack.stop()
    finally:
        shutil.rmtree(base, ignore_errors=True)


# A Lua script for wrk: counts answers by status, so a run of 404s or 502s cannot pass for a fast one.
STATUS_SCRIPT = """
statuses = {}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {} end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    for status, n in pairs(counts) do total[status] = (total[status] or 0) + n end
  end
  local parts = {}
  for status, n in pairs(total) do table.insert(parts, status .. "=" .. n) end
  table.sort(parts)
  io.write("STATUSES " .. table.concat(parts, ",") .. "\\n")
  io.write(string.format("P50 %f\\nP99 %f\\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
"""


def run_wrk(wrk: str, url: str, *, headers: dict[str, str], seconds: int, connections: int, script: Path) -> Figures:
    command = [wrk, "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script)]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, timeout=seconds + 60, check=True).stdout
    requests_per_second = float(_field(r"Requests/sec:\s+([\d.]+)", output))
    return Figures(
        requests_per_second=requests_per_second,
        latency_p50_ms=float(_field(r"^P50 ([\d.]+)", output)),
        latency_p99_ms=float(_field(r"^P99 ([\d.]+)", output)),
        transfer_per_second=_field(r"Transfer/sec:\s+(\S+)", output),
        statuses=_field(r"^STATUSES (\S*)", output),
    )


def _etag(port: int, path: str, headers: dict[str, str]) -> str:
    return stack_support.request(port, "GET", path, headers=headers).header("ETag") or ""


def _load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _field(pattern: str, text: str) -> str:
    found = re.search(pattern, text, re.MULTILINE)
    if found is None:
        raise SystemExit(f"wrk's output has no {pattern!r}:\n{text}")
    return found.group(1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10, help="length of each run (default 10)")
    parser.add_argument("--connections", type=int, default=32, help="open connections (default 32)")
    args = parser.parse_args()

    wrk = shutil.which("wrk")
    if wrk is None:
        print("wrk is not installed: apt-get install wrk", file=sys.stderr)
        return 2
    with running_stack() as stack, tempfile.TemporaryDirectory() as scratch:
        script = Path(scratch) / "statuses.lua"
        script.write_text(STATUS_SCRIPT)
        # As the TLS edge says; production Django redirects plain HTTP.
        https = {"X-Forwarded-Proto": "https"}
        first = stack_support.request(stack.port, "GET", "/api/v1/rules", headers=https)
        if first.status != 200:
            raise SystemExit(f"GET /api/v1/rules answered {first.status}: {first.body[:300]!r}")
        etag = first.header("ETag") or ""
        cases = [
            ("full list, 200", "/api/v1/rules", https),
            ("full list, 200, gzip", "/api/v1/rules", {**https, "Accept-Encoding": "gzip"}),
            ("If-None-Match, 304", "/api/v1/rules", {**https, "If-None-Match": etag}),
            ("peer id DL3008, 200", "/api/v1/rules/DL3008", https),
        ]
        # Django alone, straight to gunicorn: what every request would cost without Nginx's cache.
        gunicorn_port = int(stack.env["GUNICORN_BIND"].rsplit(":", 1)[1])
        runs = [(label, stack.port, path, headers) for label, path, headers in cases] + [
            ("gunicorn: full list, 200", gunicorn_port, "/api/v1/rules", https),
            ("gunicorn: If-None-Match", gunicorn_port, "/api/v1/rules", {**https, "If-None-Match": etag}),
        ]
        results = {}
        print(f"load average before: {_load_average()} on {os.cpu_count()} cores")
        for label, port, path, headers in runs:
            if "If-None-Match" in headers:  # the current one: gunicorn's workers restart now and then (max_requests)
                headers = {**headers, "If-None-Match": _etag(port, path, https)}
            figures = run_wrk(
                wrk,
                f"http://127.0.0.1:{port}{path}",
                headers=headers,
                seconds=args.seconds,
                connections=args.connections,
                script=script,
            )
            results[label] = figures
            print(
                f"  {label:<28} {figures.requests_per_second:>9,.0f} requests/s   p50 {figures.latency_p50_ms:6.2f} ms"
                f"   p99 {figures.latency_p99_ms:6.2f} ms   {figures.transfer_per_second:>9}/s   {figures.statuses}"
            )
        print(f"load average after: {_load_average()}")
        full = results["full list, 200"].requests_per_second
        verdict = "meets" if full >= TARGET_REQUESTS_PER_SECOND else "misses"
        print(f"The full list {verdict} the target of {TARGET_REQUESTS_PER_SECOND:,} requests/s ({full:,.0f}).")
        return 0 if full >= TARGET_REQUESTS_PER_SECOND else 1


if __name__ == "__main__":
    sys.exit(main())
