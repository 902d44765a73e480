"""What hostile inputs cost the production-like stack (issue #11, "Bounded cost for every input").

A benchmark that prints figures, not a test: `make bench-hostile`, or
`.venv/bin/python backend/bench/hostile_bench.py [--only CLASS] [--limit N] [--json FILE] [--strict]`.

It starts the stack the stack tests start (tests/stack/stack_support.py): start.sh with Nginx in front of
gunicorn's 4 workers, DJANGO_ENV=production, a fresh Postgres database, and a Redis server of its own on a free
loopback port (256 MB, allkeys-lru, no persistence), the way production runs Redis. Then it sends every input
of bench/hostile_inputs.py (POST /api/v1/analyses, or the sign-in endpoint), and GET .../fixed for each
analysis that was stored, one request at a time, and prints for each: bytes sent, status, seconds, bytes
received, the peak RSS of the gunicorn worker that served it (and of ShellCheck and other processes under the
workers), and Redis's memory with any value over 1 MB that the request stored.

Targets, for every input within the size limit: no 5xx, an answer within 2 s, a worker peak under 300 MB, a
response under 2 MB, no Redis value over 1 MB; inputs over the limit must get 413. Last, the anonymous rate
limit must still count: limit + 5 analyses from one new address, 429 from the (limit + 1)th on.

Why every input comes from its own address: Nginx appends the peer address to X-Forwarded-For and Django
trusts exactly that one proxy (DOCKWRIGHT_NUM_PROXIES=1 in production), so a client cannot pick the address
it is counted under with a header, but it can connect from any 127.x.y.z. The production limit (60 a minute)
thus stays on for the whole run, and the final check counts on the very workers and Redis the hostile inputs
went through.

The workers' memory: a thread reads VmRSS of every worker (the children of gunicorn's master) and of their
children every 20 ms while a request runs; VmHWM catches peaks between two samples when it rises during the
request. The serving worker is the one gunicorn's access log names for the request id (or, when it was killed
before it could log, the one whose CPU time grew most). A worker over the target is blamed only on the input
that took it there (or grew it further by 16 MB), so one that keeps its memory does not make the next miss.

By default the stack runs the working tree as it is, uncommitted changes included; `--at REVISION` runs a
commit instead (extracted with git archive). A full run takes about 4 minutes on 2 cores, most of it in
the inputs that still hit gunicorn's 30-second timeout.

The workers run under a data-segment limit (--memory-cap-mb, 4 GB by default) so that an input which makes a
worker allocate without bound ends in a MemoryError instead of the kernel's OOM killer picking processes on
a machine others share.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "backend"))

from bench.hostile_inputs import ANALYSES, MAX_CONTENT_BYTES, SESSION, HostileInput, all_inputs  # noqa: E402

MAX_SECONDS = 2.0
MAX_WORKER_BYTES = 300 * 1024 * 1024
MAX_RESPONSE_BYTES = 2 * 1024 * 1024
MAX_REDIS_VALUE_BYTES = 1024 * 1024
# A worker already over the memory target is blamed on a later input only when that input grows it this much.
WORKER_GROWTH_BLAMED = 16 * 1024 * 1024
WORKERS = 4
SAMPLE_SECONDS = 0.02
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
ADMIN_URL = os.environ.get("STACK_POSTGRES_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
# Host without a port: whatever Nginx forwards ($host or $http_host), Django sees `localhost`, which is both
# allowed and what the sign-in's Origin names.
HOST = "localhost"
SMALL_DOCKERFILE = "FROM alpine:3.19\nRUN apk add --no-cache curl\n"


# -- the stack ------------------------------------------------------------------------------------------------


def source_tree(revision: str | None, base: Path) -> tuple[Path, str]:
    """The tree the stack runs from, and a description of it: the working tree, or a commit extracted with
    git archive (sharing the working tree's virtualenv and SPA build, which git does not hold)."""
    commit = _git("rev-parse", "--verify", f"{revision or 'HEAD'}^{{commit}}")
    if revision is None:
        changed = _git("status", "--porcelain", "--untracked-files=no").splitlines()
        state = f", plus uncommitted changes to {len(changed)} files" if changed else ""
        return REPO, f"working tree at {commit[:12]}{state}"
    tree = base / "tree"
    tree.mkdir()
    archive = subprocess.run(["git", "-C", str(REPO), "archive", commit], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    (tree / ".venv").symlink_to(REPO / ".venv")
    (tree / "frontend" / "dist").symlink_to(REPO / "frontend" / "dist")
    return tree, f"commit {commit[:12]} (git archive)"


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True, check=True).stdout.strip()


def load_stack_support(tree: Path) -> ModuleType:
    sys.path.insert(0, str(tree))
    from tests.stack import stack_support

    return stack_support


@contextlib.contextmanager
def postgres_database(admin_url: str) -> Iterator[str]:
    import psycopg2
    from psycopg2 import sql

    name = f"dockwright_hostile_{uuid.uuid4().hex[:12]}"
    connection = psycopg2.connect(admin_url, connect_timeout=5)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        yield admin_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        connection.close()


@contextlib.contextmanager
def redis_server(executable: str, port: int, directory: Path, *, eviction: str = "allkeys-lru") -> Iterator[str]:
    """A Redis of our own, configured as production's cache: a memory cap with LRU eviction, nothing on disk (the
    broker's, eviction="noeviction", never drops a queued task)."""
    directory.mkdir(parents=True)
    command = [executable, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(directory)]
    command += ["--maxmemory", "256mb", "--maxmemory-policy", eviction, "--save", "", "--appendonly", "no"]
    with (directory / "redis.log").open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        import redis

        deadline = time.monotonic() + 10
        while True:
            try:
                redis.Redis.from_url(url, socket_connect_timeout=1).ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise SystemExit(f"redis-server did not start: {(directory / 'redis.log').read_text()}") from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextlib.contextmanager
def data_segment_limit(megabytes: int) -> Iterator[None]:
    """Processes started inside inherit a soft RLIMIT_DATA of ``megabytes`` (0: no limit)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if megabytes:
        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_DATA, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_DATA, (soft, hard))


# -- watching the workers -------------------------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found: list[int] = []
    with contextlib.suppress(OSError):
        for task in os.listdir(f"/proc/{pid}/task"):
            with contextlib.suppress(OSError), open(f"/proc/{pid}/task/{task}/children") as file:
                found += [int(child) for child in file.read().split()]
    return found


def _descendants(pid: int) -> list[int]:
    pending, found = _children(pid), []
    while pending:
        child = pending.pop()
        found.append(child)
        pending += _children(child)
    return found


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as file:
            return int(file.read().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0


def _cpu_ticks(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat") as file:
            fields = file.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime
    except (OSError, IndexError, ValueError):
        return -1


def _high_water_mark(pid: int) -> int:
    with contextlib.suppress(OSError), open(f"/proc/{pid}/status") as file:
        for line in file:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0


def gunicorn_master(start_sh_pid: int) -> int:
    for child in _children(start_sh_pid):
        with contextlib.suppress(OSError), open(f"/proc/{child}/cmdline", "rb") as file:
            if b"gunicorn" in file.read():
                return child
    raise SystemExit("no gunicorn process under start.sh")


@dataclass
class _Seen:
    first_cpu: int
    last_cpu: int
    first_rss: int
    peak_rss: int
    first_hwm: int


@dataclass
class Usage:
    worker_pid: int | None = None
    worker_peak: int = 0
    worker_before: int = 0
    helpers_peak: int = 0


class WorkerWatch:
    """Samples the memory and CPU time of gunicorn's workers (and their children) while a request runs."""

    def __init__(self, master_pid: int) -> None:
        self.master_pid = master_pid
        self.seen: dict[int, _Seen] = {}
        self.helpers_peak = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> WorkerWatch:
        self.seen, self.helpers_peak = {}, 0
        self._sample()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self._sample()
        for pid, seen in self.seen.items():
            high_water_mark = _high_water_mark(pid)
            if high_water_mark > seen.first_hwm:  # the peak between two samples, if it was this request's
                seen.peak_rss = max(seen.peak_rss, high_water_mark)

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_SECONDS):
            self._sample()

    def _sample(self) -> None:
        helpers = 0
        for pid in _children(self.master_pid):
            rss, cpu = _rss(pid), _cpu_ticks(pid)
            seen = self.seen.get(pid)
            if seen is None:
                self.seen[pid] = _Seen(cpu, cpu, rss, rss, _high_water_mark(pid))
            else:
                seen.last_cpu = max(seen.last_cpu, cpu)
                seen.peak_rss = max(seen.peak_rss, rss)
            helpers += sum(_rss(child) for child in _descendants(pid))
        self.helpers_peak = max(self.helpers_peak, helpers)

    def usage(self, serving_pid: int | None) -> Usage:
        """Usage of the worker that served the request: the one the access log names, else (a worker killed
        before it could log) the one that spent the most CPU time, or grew most when none spent a clock tick."""
        if serving_pid in self.seen:
            seen = self.seen[serving_pid]
            return Usage(serving_pid, seen.peak_rss, seen.first_rss, self.helpers_peak)
        if not self.seen:
            return Usage(helpers_peak=self.helpers_peak)
        pid, seen = max(
            self.seen.items(),
            key=lambda item: (item[1].last_cpu - item[1].first_cpu, item[1].peak_rss - item[1].first_rss),
        )
        return Usage(pid, seen.peak_rss, seen.first_rss, self.helpers_peak)


class AccessLog:
    """Which worker served each request, from gunicorn's JSON access log (start.log), read as it grows."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.offset = 0
        self.pids: dict[str, int] = {}

    def pid_of(self, request_id: str, wait: float = 0.2) -> int | None:
        """The worker's pid; a worker logs just after it answered, so the line may take a moment to appear."""
        deadline = time.monotonic() + wait
        while True:
            self._read()
            if request_id in self.pids or time.monotonic() > deadline:
                return self.pids.get(request_id)
            time.sleep(0.01)

    def _read(self) -> None:
        with self.path.open("rb") as file:
            file.seek(self.offset)
            data = file.read()
        complete = data.rfind(b"\n") + 1
        self.offset += complete
        for line in data[:complete].splitlines():
            if b'"gunicorn.access"' in line:
                with contextlib.suppress(ValueError, KeyError, TypeError):
                    record = json.loads(line)
                    self.pids[str(record["http.request.id"])] = int(record["process.pid"])


# -- Redis ----------------------------------------------------------------------------------------------------


@dataclass
class RedisState:
    used_memory: int = 0
    largest_key: str = ""
    largest_bytes: int = 0
    # Keys over the value limit that this request created or grew.
    oversized: list[tuple[str, int]] = field(default_factory=list)


class RedisProbe:
    def __init__(self, url: str) -> None:
        import redis

        self.client = redis.Redis.from_url(url, socket_timeout=10)
        self.sizes: dict[bytes, int] = {}

    def state(self) -> RedisState:
        keys = list(self.client.scan_iter(count=1000))
        pipeline = self.client.pipeline(transaction=False)
        for key in keys:
            pipeline.memory_usage(key, samples=0)
        sizes = {key: size or 0 for key, size in zip(keys, pipeline.execute(), strict=True)}
        state = RedisState(used_memory=int(self.client.info("memory")["used_memory"]))
        if sizes:
            key, size = max(sizes.items(), key=lambda item: item[1])
            state.largest_key, state.largest_bytes = key.decode(errors="replace"), size
        state.oversized = [
            (key.decode(errors="replace"), size)
            for key, size in sizes.items()
            if size > MAX_REDIS_VALUE_BYTES and size > self.sizes.get(key, 0)
        ]
        self.sizes = sizes
        return state


# -- HTTP -----------------------------------------------------------------------------------------------------


@dataclass
class Answer:
    status: int  # 0: no answer
    body: bytes
    seconds: float
    headers: http.client.HTTPMessage | None = None
    error: str = ""


def send(
    port: int,
    *,
    method: str,
    path: str,
    address: str,
    timeout: float,
    body: bytes = b"",
    content_type: str = "application/json",
    chunked: bool = False,
    headers: dict[str, str] | None = None,
) -> Answer:
    """One request over a fresh connection from ``address``. Written by hand so that a server answering before
    it read the whole body (413) still yields its answer, and so that a body can go chunked."""
    lines = [f"{method} {path} HTTP/1.1", f"Host: {HOST}", "X-Forwarded-Proto: https", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    if method == "POST":
        lines.append(f"Content-Type: {content_type}")
        lines.append("Transfer-Encoding: chunked" if chunked else f"Content-Length: {len(body)}")
    payload = "\r\n".join(lines).encode() + b"\r\n\r\n"
    if chunked:
        pieces = [body[i : i + 65536] for i in range(0, len(body), 65536)]
        payload += b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for piece in pieces) + b"0\r\n\r\n"
    else:
        payload += body
    start = time.perf_counter()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout, source_address=(address, 0)) as sock:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                sock.sendall(payload)
            response = http.client.HTTPResponse(sock, method=method)
            response.begin()
            data = response.read()
            return Answer(response.status, data, time.perf_counter() - start, response.headers)
    except (OSError, http.client.HTTPException) as error:
        return Answer(0, b"", time.perf_counter() - start, error=f"{type(error).__name__}: {error}")


def addresses() -> Iterator[str]:
    """Loopback addresses nobody else uses, one per client."""
    for n in range(1, 250 * 250):
        yield f"127.200.{n // 250}.{n % 250 + 1}"


def csrf_headers(port: int, address: str, timeout: float) -> dict[str, str]:
    """What a browser sends with a sign-in: the CSRF cookie and token from GET /auth/session, and its origin."""
    answer = send(port, method="GET", path=SESSION, address=address, timeout=timeout)
    cookies: SimpleCookie = SimpleCookie()
    for header in (answer.headers.get_all("Set-Cookie") if answer.headers else None) or []:
        cookies.load(header)
    token = cookies["csrftoken"].value if "csrftoken" in cookies else ""
    origin = f"https://{HOST}"
    return {"Cookie": f"csrftoken={token}", "X-CSRFToken": token, "Origin": origin, "Referer": origin + "/"}


# -- rows and targets -----------------------------------------------------------------------------------------


@dataclass
class Row:
    group: str
    name: str
    over_limit: bool
    sent: int
    status: int
    seconds: float
    received: int
    worker_pid: int | None
    worker_peak: int
    worker_before: int
    helpers_peak: int
    redis_used: int
    redis_largest_key: str
    redis_largest_bytes: int
    redis_oversized: list[tuple[str, int]]
    request_id: str
    # The start of the answer when it is not a success, to tell a refusal from a failure.
    excerpt: str = ""
    error: str = ""
    cause: str = ""
    misses: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.group}/{self.name}"


def judge(row: Row) -> list[str]:
    if row.over_limit:
        return [] if row.status == 413 else [f"expected 413, got {row.status or 'no answer'}"]
    misses = []
    if row.status == 0:
        misses.append(f"no answer ({row.error})")
    elif row.status >= 500:
        misses.append(f"{row.status}")
    elif row.status == 429 and row.group != "login":
        misses.append("429: throttled, so not measured")
    if row.seconds > MAX_SECONDS:
        misses.append(f"{row.seconds:.1f} s")
    grew = row.worker_peak - row.worker_before
    if row.worker_peak > MAX_WORKER_BYTES and (row.worker_before <= MAX_WORKER_BYTES or grew > WORKER_GROWTH_BLAMED):
        misses.append(f"worker {_mb(row.worker_peak)}")
    if row.received > MAX_RESPONSE_BYTES:
        misses.append(f"response {_size(row.received)}")
    misses += [f"Redis value {_size(size)} ({key})" for key, size in row.redis_oversized]
    return misses


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:,.0f} MB"


def _size(size: int) -> str:
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= scale:
            return f"{size / scale:,.1f} {unit}"
    return f"{size} B"


# Memory columns in MB: the serving worker's peak (and how much this request grew it), the peak of all the
# processes under the workers (ShellCheck), and Redis's used_memory after the request.
HEADER = (
    f"{'class':<14} {'name':<54} {'sent':>9} {'status':>6} {'secs':>6} {'received':>9} "
    f"{'worker (+grew)':>14} {'helpers':>7} {'redis':>6}"
)


def print_row(row: Row) -> None:
    grew = row.worker_peak - row.worker_before
    worker = f"{row.worker_peak / 2**20:.0f} ({grew / 2**20:+.0f})" if row.worker_pid else "-"
    status = str(row.status) if row.status else "none"
    line = (
        f"{row.group:<14} {row.name[:54]:<54} {_size(row.sent):>9} {status:>6} {row.seconds:>6.2f} "
        f"{_size(row.received):>9} {worker:>14} {row.helpers_peak / 2**20:>7.0f} {row.redis_used / 2**20:>6.1f}"
    )
    if row.misses:
        line += "  MISSED: " + ", ".join(row.misses)
    print(line, flush=True)


# -- the run --------------------------------------------------------------------------------------------------


class Bench:
    def __init__(self, port: int, master_pid: int, log_path: Path, redis_url: str, timeout: float) -> None:
        self.port = port
        self.watch = WorkerWatch(master_pid)
        self.access_log = AccessLog(log_path)
        self.redis = RedisProbe(redis_url)
        self.timeout = timeout
        self.run_id = uuid.uuid4().hex[:8]
        self.count = 0
        self.rows: list[Row] = []
        # The answers (status and message) to each burst of inputs sent from one client: the sign-in guesses.
        self.bursts: dict[str, list[str]] = {}

    def measure(self, group: str, name: str, *, over_limit: bool = False, **request: Any) -> tuple[Row, Answer]:
        self.count += 1
        request_id = f"hostile-{self.run_id}-{self.count}"
        headers = {**request.pop("headers", {}), "X-Request-Id": request_id}
        with self.watch:
            answer = send(self.port, timeout=self.timeout, headers=headers, **request)
        usage = self.watch.usage(self.access_log.pid_of(request_id) if answer.status else None)
        redis_state = self.redis.state()
        row = Row(
            group=group,
            name=name,
            over_limit=over_limit,
            sent=len(request.get("body", b"")),
            status=answer.status,
            seconds=answer.seconds,
            received=len(answer.body),
            worker_pid=usage.worker_pid,
            worker_peak=usage.worker_peak,
            worker_before=usage.worker_before,
            helpers_peak=usage.helpers_peak,
            redis_used=redis_state.used_memory,
            redis_largest_key=redis_state.largest_key,
            redis_largest_bytes=redis_state.largest_bytes,
            redis_oversized=redis_state.oversized,
            request_id=request_id,
            excerpt="" if 200 <= answer.status < 300 else answer.body[:160].decode(errors="replace"),
            error=answer.error,
        )
        row.misses = judge(row)
        self.rows.append(row)
        print_row(row)
        return row, answer

    def run(self, inputs: list[HostileInput], address_pool: Iterator[str]) -> None:
        client_addresses: dict[str, str] = {}
        csrf: dict[str, dict[str, str]] = {}
        for item in inputs:
            if item.client:
                address = client_addresses.setdefault(item.client, next(address_pool))
            else:
                address = next(address_pool)
            headers = {}
            if item.path == SESSION:
                if address not in csrf:
                    csrf[address] = csrf_headers(self.port, address, self.timeout)
                headers = csrf[address]
            _, answer = self.measure(
                item.group,
                item.name,
                over_limit=item.over_limit,
                method="POST",
                path=item.path,
                address=address,
                body=item.body,
                content_type=item.content_type,
                chunked=item.chunked,
                headers=headers,
            )
            if item.client:
                self.bursts.setdefault(item.client, []).append(f"{answer.status} {_message(answer.body)}".strip())
            if item.path == ANALYSES and answer.status == 201:
                analysis_id = _analysis_id(answer.body)
                if analysis_id:
                    path = f"{ANALYSES}/{analysis_id}/fixed"
                    self.measure(item.group, f"{item.name} /fixed", method="GET", path=path, address=address)


def _message(body: bytes) -> str:
    """The message of an answer in the API's error shape, quoted; empty for anything else."""
    try:
        return repr(str(json.loads(body)["message"])[:60])
    except (ValueError, KeyError, TypeError):
        return ""


def _analysis_id(body: bytes) -> str | None:
    try:
        return str(json.loads(body)["id"])
    except (ValueError, KeyError, TypeError):
        return None


def warm_up(port: int, address: str, timeout: float) -> None:
    """A few ordinary analyses first, so that most workers have imported the engine and started ShellCheck."""
    for i in range(3 * WORKERS):
        content = f"{SMALL_DOCKERFILE}RUN echo warm-up-{i}\n"
        body = json.dumps({"content": content, "kind": "dockerfile"}).encode()
        send(port, method="POST", path=ANALYSES, address=address, timeout=timeout, body=body)
    compose = "services:\n  web:\n    image: nginx:1.27\n"
    body = json.dumps({"content": compose, "kind": "compose"}).encode()
    send(port, method="POST", path=ANALYSES, address=address, timeout=timeout, body=body)


@dataclass
class RateLimitCheck:
    limit: int
    statuses: list[int]
    first_429: int | None
    counting: bool


def check_rate_limit(port: int, limit: int, address: str, timeout: float) -> RateLimitCheck:
    """limit + 5 analyses from one new address within one window of the one-minute counter."""
    requests = limit + 5
    left = 60 - time.time() % 60
    if left < 10 + requests * 0.25:
        time.sleep(left + 0.5)
    body = json.dumps({"content": SMALL_DOCKERFILE, "kind": "dockerfile"}).encode()
    statuses = [
        send(port, method="POST", path=ANALYSES, address=address, timeout=timeout, body=body).status
        for _ in range(requests)
    ]
    first_429 = next((i + 1 for i, status in enumerate(statuses) if status == 429), None)
    counting = all(s == 201 for s in statuses[:limit]) and all(s == 429 for s in statuses[limit:])
    return RateLimitCheck(limit, statuses, first_429, counting)


def explain_failures(rows: list[Row], log: str) -> None:
    """The cause of each failed request, from the stack's log: the exception logged under its request id, or
    what gunicorn did to the worker that served it."""
    lines = log.splitlines()
    for row in rows:
        if row.status and row.status < 500:
            continue
        if row.over_limit and row.status == 413:
            continue
        errors = [line for line in lines if row.request_id in line and '"error"' in line]
        for line in errors:
            with contextlib.suppress(ValueError):
                record = json.loads(line)
                error = record.get("error") or {}
                row.cause = f"{error.get('type', '?')}: {str(error.get('message', ''))[:120]}"
                break
        if row.worker_pid and not row.cause:
            marker = f"pid:{row.worker_pid})"
            events = [line for line in lines if marker in line and ("TIMEOUT" in line or "SIGKILL" in line)]
            if events:
                row.cause = "worker timeout (killed by gunicorn)" if "TIMEOUT" in events[0] else "worker SIGKILLed"
        row.cause = row.cause or row.excerpt or row.error


# -- the report -----------------------------------------------------------------------------------------------


def summary(rows: list[Row], rate_limit: RateLimitCheck | None, bursts: dict[str, list[str]]) -> dict[str, Any]:
    judged = [row for row in rows if not row.over_limit]

    def top(key: Any) -> Row | None:
        return max(judged, key=key) if judged else None

    slowest = top(lambda row: row.seconds)
    fattest = top(lambda row: row.worker_peak)
    helpers = top(lambda row: row.helpers_peak)
    largest = top(lambda row: row.received)
    redis_row = max(rows, key=lambda row: row.redis_largest_bytes) if rows else None
    return {
        "requests": len(rows),
        "inputs": len([row for row in rows if not row.name.endswith(" /fixed")]),
        "over_limit_inputs": len(rows) - len(judged),
        "5xx": sum(1 for row in judged if row.status >= 500 or row.status == 0),
        "max_seconds": (slowest.seconds, slowest.label) if slowest else None,
        "over_2s": sum(1 for row in judged if row.seconds > MAX_SECONDS),
        "max_worker_rss": (fattest.worker_peak, fattest.label) if fattest else None,
        "max_helper_rss": (helpers.helpers_peak, helpers.label) if helpers else None,
        "max_response": (largest.received, largest.label) if largest else None,
        "largest_redis_value": (redis_row.redis_largest_bytes, redis_row.redis_largest_key) if redis_row else None,
        "redis_used_memory_max": max((row.redis_used for row in rows), default=0),
        "rate_limiter_counting": rate_limit.counting if rate_limit else None,
        "bursts": {client: _runs(answers) for client, answers in bursts.items()},
        "missed": [(row.label, row.misses, row.cause) for row in rows if row.misses],
    }


def print_summary(rows: list[Row], rate_limit: RateLimitCheck | None, facts: dict[str, Any], seconds: float) -> None:
    print(f"\n== Summary: {facts['requests']} requests ({facts['inputs']} inputs) in {seconds / 60:.1f} min ==")
    print(f"inputs over the size limit (413 expected): {facts['over_limit_inputs']}")
    print(f"5xx or no answer:     {facts['5xx']}")
    for key, title, show in (
        ("max_seconds", "max time", lambda value: f"{value:.2f} s"),
        ("max_worker_rss", "max worker RSS", _mb),
        ("max_helper_rss", "max helpers RSS", _mb),
        ("max_response", "max response", _size),
        ("largest_redis_value", "largest Redis value", _size),
    ):
        value = facts[key]
        print(f"{title + ':':<21} {show(value[0]) + '  (' + value[1] + ')' if value else '-'}")
    print(f"answers over {MAX_SECONDS:.0f} s:     {facts['over_2s']}")
    print(f"Redis used_memory:    max {_mb(facts['redis_used_memory_max'])}")
    if rate_limit is None:
        print("rate limiter:         not checked")
    else:
        verdict = "still counting" if rate_limit.counting else "NOT COUNTING"
        print(
            f"rate limiter:         {verdict}: limit {rate_limit.limit}, first 429 at request "
            f"{rate_limit.first_429 or 'never'} of {len(rate_limit.statuses)} (expected {rate_limit.limit + 1})"
        )
    for client, answers in facts["bursts"].items():
        print(f"burst {client + ':':<15} {answers}  (information: where a lockout starts)")
    print("\nper class:")
    print(
        f"  {'class':<14} {'requests':>8} {'missed':>6} {'5xx':>4} {'>2s':>4} "
        f"{'max s':>7} {'max MB':>7} {'max resp':>9}"
    )
    for group in dict.fromkeys(row.group for row in rows):
        members = [row for row in rows if row.group == group]
        judged = [row for row in members if not row.over_limit] or members
        print(
            f"  {group:<14} {len(members):>8} {sum(1 for row in members if row.misses):>6} "
            f"{sum(1 for row in judged if row.status >= 500 or row.status == 0):>4} "
            f"{sum(1 for row in judged if row.seconds > MAX_SECONDS):>4} {max(row.seconds for row in judged):>7.2f} "
            f"{max(row.worker_peak for row in judged) / 2**20:>7.0f} {_size(max(row.received for row in judged)):>9}"
        )
    missed = facts["missed"]
    print(f"\nMISSED targets: {len(missed)} of {len(rows)} requests")
    for label, misses, cause in missed:
        print(f"MISSED {label}: {', '.join(misses)}" + (f"  [{cause}]" if cause else ""))
    if rate_limit is not None and not rate_limit.counting:
        print(f"MISSED rate-limiter: statuses {rate_limit.statuses}")


def _runs(answers: list[str]) -> str:
    """`403 'wrong password' x5, 429 'too many attempts' x7`: a sequence of answers as runs."""
    runs: list[tuple[str, int]] = []
    for answer in answers:
        if runs and runs[-1][0] == answer:
            runs[-1] = (answer, runs[-1][1] + 1)
        else:
            runs.append((answer, 1))
    return ", ".join(f"{answer} x{count}" for answer, count in runs)


def select(inputs: list[HostileInput], only: str | None, limit: int | None) -> list[HostileInput]:
    if only:
        groups = {group.strip() for group in only.split(",")}
        unknown = groups - {item.group for item in inputs}
        if unknown:
            known = ", ".join(dict.fromkeys(item.group for item in inputs))
            raise SystemExit(f"unknown class {', '.join(sorted(unknown))} (classes: {known})")
        inputs = [item for item in inputs if item.group in groups]
    return inputs[:limit] if limit is not None else inputs


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="send only the first N inputs (after --only)")
    parser.add_argument("--only", metavar="CLASS[,CLASS]", help="send only the inputs of these classes")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write every row and the summary to FILE")
    parser.add_argument("--strict", action="store_true", help="exit with 1 when any target is missed")
    parser.add_argument("--list", action="store_true", help="list the inputs and exit")
    parser.add_argument("--timeout", type=float, default=60, help="client timeout of each request, seconds")
    parser.add_argument("--rate-limit", type=int, default=60, help="DOCKWRIGHT_RATE_LIMIT of the stack")
    parser.add_argument("--at", metavar="REVISION", help="run the stack from this commit instead of the working tree")
    parser.add_argument("--memory-cap-mb", type=int, default=4096, help="RLIMIT_DATA of the stack (0: none)")
    parser.add_argument("--postgres-admin-url", default=ADMIN_URL, help="creates (and drops) a database of its own")
    parser.add_argument("--database-url", help="use this existing, empty database instead")
    parser.add_argument("--keep", action="store_true", help="keep the run directory (logs) and print its path")
    return parser.parse_args()


def run(args: argparse.Namespace, inputs: list[HostileInput], base: Path) -> tuple[str, Bench, RateLimitCheck | None]:
    """Start the stack, warm it up, send the inputs, check the rate limit; stop and clean up everything."""
    tree, description = source_tree(args.at, base)
    support = load_stack_support(tree)
    with contextlib.ExitStack() as cleanup:
        database_url = args.database_url or cleanup.enter_context(postgres_database(args.postgres_admin_url))
        redis_url = cleanup.enter_context(
            redis_server(support.tool("redis-server"), support.free_port(), base / "redis")
        )
        settings = support.production_settings(database_url=database_url, redis_url=redis_url, data_dir=base / "data")
        support.collect_static(base / "static", settings)
        extra = {
            "WEB_CONCURRENCY": str(WORKERS),
            "DOCKWRIGHT_RATE_LIMIT": str(args.rate_limit),
            "DOCKWRIGHT_MAX_CONTENT_BYTES": str(MAX_CONTENT_BYTES),
            "DOCKWRIGHT_CACHE_DIR": str(base / "shellcheck-cache"),
        }
        with data_segment_limit(args.memory_cap_mb):
            running = support.start_stack(base / "stack", settings=settings, static_root=base / "static", extra=extra)
        cleanup.callback(running.stop, timeout=45)
        print(f"Hostile inputs against the {description}")
        print(
            f"stack: Nginx -> gunicorn x{WORKERS}, Postgres, Redis 256 MB allkeys-lru; rate limit "
            f"{args.rate_limit}/min; content limit {MAX_CONTENT_BYTES:,} bytes; "
            f"worker data limit {args.memory_cap_mb or 'none'} MB"
        )
        print(
            f"targets within the size limit: no 5xx, < {MAX_SECONDS:.0f} s, worker < {_mb(MAX_WORKER_BYTES)}, "
            f"response < {_size(MAX_RESPONSE_BYTES)}, Redis values < {_size(MAX_REDIS_VALUE_BYTES)}\n"
        )
        pool = addresses()
        warm_up(running.port, next(pool), args.timeout)
        bench = Bench(running.port, gunicorn_master(running.process.pid), running.log_path, redis_url, args.timeout)
        print(HEADER, flush=True)
        bench.run(inputs, pool)
        rate_limit = None
        if args.rate_limit > 0:
            rate_limit = check_rate_limit(running.port, args.rate_limit, next(pool), args.timeout)
        explain_failures(bench.rows, running.log())
    return description, bench, rate_limit


def main() -> int:
    args = parse_arguments()
    inputs = select(all_inputs(), args.only, args.limit)
    if args.list:
        for item in inputs:
            print(f"{item.group:<14} {item.name:<50} {_size(len(item.body)):>9} {'over' if item.over_limit else ''}")
        print(f"{len(inputs)} inputs")
        return 0
    base = Path(tempfile.mkdtemp(prefix="dockwright-hostile-"))
    base.chmod(0o755)  # Nginx's workers run as nobody when this runs as root
    started = time.monotonic()
    try:
        description, bench, rate_limit = run(args, inputs, base)
    except pytest.skip.Exception as skipped:  # stack_support's way of saying a tool or the SPA build is missing
        raise SystemExit(f"cannot start the stack: {skipped.msg}") from None
    finally:
        if args.keep:
            print(f"run directory kept: {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)
    facts = summary(bench.rows, rate_limit, bench.bursts)
    print_summary(bench.rows, rate_limit, facts, time.monotonic() - started)
    if args.json:
        rows = [asdict(row) for row in bench.rows]
        report = {"tree": description, "rows": rows, "rate_limiter": asdict(rate_limit) if rate_limit else None}
        args.json.write_text(json.dumps({**report, "summary": facts}, indent=1))
    missed = bool(facts["missed"]) or (rate_limit is not None and not rate_limit.counting)
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
