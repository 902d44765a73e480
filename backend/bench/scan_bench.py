"""Repository archives scanned by the real stack and N Celery workers: wall time, files per second, worker memory.

A benchmark that prints figures, not a test: `make bench-scans`, or
`.venv/bin/python backend/bench/scan_bench.py [--workers 1,2] [--dockerfiles 300] [--compose 90] [--keep]`.

The files are real, read from the fetch tool's snapshots under /work/.mirror (nothing of them is kept here):
Dockerfiles spread evenly over backend/bench/real_dockerfiles.txt, and compose files: those of
backend/bench/compose_corpus.yaml (each with its env file as the `.env` beside it, as Compose reads it), then, when
more are asked for, other compose files of the mirrored repositories (sorted, none under a test, mock or CI
folder). If the mirrors hold too few, the rest are generated ones (tests/fixtures/compose/stack-*.yml), and the
output says how many. Each file keeps its path in its repository, under a folder per repository.

The stack is the one the stack tests start (tests/stack/stack_support.py): start.sh with Nginx in front of
gunicorn, production settings, a fresh Postgres database, a Redis of its own as the cache and another as the
broker (noeviction, as in docker-compose.prod.yml), and N `start.sh worker` processes with one pool process each
(WORKER_CONCURRENCY=1: N workers as N replicas). For each N, two runs, each on N fresh workers after one small
warm-up scan per worker (a worker keeps ShellCheck's results in memory: a second run of the same files would
measure that cache), uploading through Nginx with a user's token, each archive into a project of its own (nothing
to compare with), timed from the first upload's start to the last scan's `finished`:
  - one archive of every file: one scan, which one worker analyses whatever N is;
  - one archive per repository, uploaded one after another: scans the workers share.
Printed per run: scans, the seconds the uploads took, files analysed, wall seconds, files per second, the peak RSS
of all workers' process trees together and of the largest one (the Celery worker, its pool process and ShellCheck,
sampled every 50 ms; shared pages count in each process), the load average before and after, and what
/metrics/scans counted meanwhile.
The scan file limit is raised to hold the one large archive (DOCKWRIGHT_SCAN_MAX_FILES=1000).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "backend"))

from bench import compose_corpus, real_dockerfiles  # noqa: E402
from bench.hostile_bench import load_stack_support, postgres_database, redis_server  # noqa: E402
from dockwright.detect import kind_from_filename  # noqa: E402

ADMIN_URL = os.environ.get("STACK_POSTGRES_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
SAMPLE_SECONDS = 0.05
SCAN_MAX_FILES = 1000
WARM_UP = "warm-up"
# Paths of compose files that are a test's input or a CI job's, not a project's.
_NOT_A_PROJECT = re.compile(r"(^|/)[^/]*(test|mock|fixture|ci-)[^/]*(/|$)", re.IGNORECASE)
_COMPOSE_NAME = re.compile(r"(^|/)(docker-)?compose[^/]*\.ya?ml$", re.IGNORECASE)
GENERATED_COMPOSE = REPO / "tests" / "fixtures" / "compose"
WARM_UP_DOCKERFILE = b"FROM python:3.12-slim\nRUN pip install flask\nCMD python app.py\n"


# -- the corpus -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CorpusFile:
    path: str  # in the archive: the repository's folder, then its path there
    content: bytes
    repository: str
    origin: str  # where it was read: see Corpus.describe


@dataclass
class Corpus:
    files: list[CorpusFile] = field(default_factory=list)

    def analysed(self) -> int:
        return sum(1 for item in self.files if kind_from_filename(item.path))

    def describe(self) -> str:
        counts: dict[str, int] = {}
        for item in self.files:
            counts[item.origin] = counts.get(item.origin, 0) + 1
        return ", ".join(f"{count} {origin}" for origin, count in counts.items())

    def add(self, item: CorpusFile) -> None:
        if any(existing.path == item.path for existing in self.files):
            return
        self.files.append(item)


def _folder(repository: str) -> str:
    return repository.replace("/", "+")


def real_dockerfile_files(count: int, scratch: Path) -> list[CorpusFile]:
    entries = real_dockerfiles.read_manifest()
    if count > len(entries):
        raise SystemExit(f"{real_dockerfiles.MANIFEST.name} lists {len(entries)} Dockerfiles, not {count}")
    picked = [entries[i * len(entries) // count] for i in range(count)]
    written = real_dockerfiles.materialize(scratch, picked)
    commits: dict[str, set[str]] = {}
    for entry in picked:
        commits.setdefault(entry.repository, set()).add(entry.commit)
    files = []
    for entry, local in zip(picked, written, strict=True):
        folder = _folder(entry.repository)
        if len(commits[entry.repository]) > 1:  # the same paths at two commits: a folder per commit
            folder += f"/{entry.commit[:12]}"
        files.append(CorpusFile(f"{folder}/{entry.path}", local.read_bytes(), entry.repository, "real Dockerfiles"))
    return files


def compose_files(count: int, mirror: Path) -> list[CorpusFile]:
    """``count`` compose files: the corpus manifest's, then others of the mirrors, then generated ones."""
    files: list[CorpusFile] = []
    readers: dict[str, compose_corpus.GitReader] = {}

    def enough() -> bool:
        return sum(1 for item in files if kind_from_filename(item.path)) >= count

    def read(repository: str, path: str) -> str | None:
        git_dir = mirror / _folder(repository) / "repo"
        if not git_dir.is_dir():
            return None
        if repository not in readers:
            readers[repository] = compose_corpus.GitReader(git_dir)
        return readers[repository].read(path)

    try:
        taken: set[tuple[str, str]] = set()
        for entry in compose_corpus.load_manifest():
            text = read(entry.repo, entry.path) if not enough() else None
            if text is None:
                continue
            taken.add((entry.repo, entry.path))
            files.append(CorpusFile(f"{entry.folder}/{entry.path}", text.encode(), entry.repo, "compose corpus files"))
            env = read(entry.repo, entry.env) if entry.env else None
            if env is not None:
                where = entry.path.rsplit("/", 1)[0] + "/" if "/" in entry.path else ""
                files.append(CorpusFile(f"{entry.folder}/{where}.env", env.encode(), entry.repo, "their .env files"))
        for repository, path in _other_compose_paths(mirror):
            if enough():
                break
            text = read(repository, path) if (repository, path) not in taken else None
            if text is not None:
                item = CorpusFile(f"{_folder(repository)}/{path}", text.encode(), repository, "more real compose files")
                files.append(item)
    finally:
        for reader in readers.values():
            reader.close()
    generated = sorted(GENERATED_COMPOSE.glob("stack-*.yml"))
    while not enough() and generated:
        path = generated.pop(0)
        files.append(
            CorpusFile(f"generated/{path.stem}/docker-compose.yml", path.read_bytes(), "generated", "GENERATED compose")
        )
    return files


def _other_compose_paths(mirror: Path) -> Iterator[tuple[str, str]]:
    for git_dir in sorted(mirror.glob("*/repo")):
        repository = git_dir.parent.name.replace("+", "/", 1)
        listing = subprocess.run(
            ["git", "--git-dir", str(git_dir), "ls-tree", "-r", "--name-only", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        for path in sorted(listing.splitlines()):
            if _COMPOSE_NAME.search(path) and not _NOT_A_PROJECT.search(path):
                yield repository, path


def build_corpus(dockerfiles: int, compose: int, mirror: Path, scratch: Path) -> Corpus:
    corpus = Corpus()
    try:
        items = real_dockerfile_files(dockerfiles, scratch) + compose_files(compose, mirror)
    except real_dockerfiles.MissingMirrors as missing:
        raise SystemExit(str(missing)) from None
    for item in items:
        corpus.add(item)
    return corpus


def tar_gz(files: list[CorpusFile]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for item in files:
            info = tarfile.TarInfo(item.path)
            info.size = len(item.content)
            info.mtime = 1_700_000_000
            archive.addfile(info, io.BytesIO(item.content))
    return buffer.getvalue()


# -- the stack ------------------------------------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found: list[int] = []
    with contextlib.suppress(OSError):
        for task in os.listdir(f"/proc/{pid}/task"):
            with contextlib.suppress(OSError), open(f"/proc/{pid}/task/{task}/children") as file:
                found += [int(child) for child in file.read().split()]
    return found


def tree_rss(pid: int) -> int:
    """The RSS of ``pid`` and every process under it, in bytes."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        with contextlib.suppress(OSError, IndexError, ValueError), open(f"/proc/{current}/statm") as file:
            total += int(file.read().split()[1]) * PAGE_SIZE
        pending += _children(current)
    return total


class MemoryWatch:
    """Samples the workers' process trees every SAMPLE_SECONDS while a run lasts; keeps the peaks."""

    def __init__(self, pids: list[int]) -> None:
        self.pids = pids
        self.peak_all = 0
        self.peak_one = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            sizes = [tree_rss(pid) for pid in self.pids]
            self.peak_all = max(self.peak_all, sum(sizes))
            self.peak_one = max(self.peak_one, *sizes)
            self._stop.wait(SAMPLE_SECONDS)


@dataclass
class Workers:
    processes: list[subprocess.Popen[bytes]]
    logs: list[Path]

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=60)
            finally:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)


def start_workers(count: int, env: dict[str, str], base: Path, support: ModuleType) -> Workers:
    processes, logs = [], []
    for _ in range(count):
        log = base / f"worker-{len(list(base.glob('worker-*.log'))) + 1}.log"
        with log.open("wb") as output:
            processes.append(
                subprocess.Popen(
                    ["bash", str(support.START_SH), "worker"],
                    env={**env, "WORKER_CONCURRENCY": "1"},
                    stdout=output,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )
        logs.append(log)
    workers = Workers(processes, logs)
    deadline = time.monotonic() + 90
    while not all(" ready." in log.read_text(errors="replace") for log in logs):
        for process, log in zip(processes, logs, strict=True):
            if process.poll() is not None:
                workers.stop()
                raise SystemExit(f"a worker exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        if time.monotonic() > deadline:
            workers.stop()
            raise SystemExit("the workers were not ready within 90 s")
        time.sleep(0.2)
    return workers


def user_token(env: dict[str, str], projects: list[str]) -> str:
    """A user who owns ``projects`` (slugs) and a token of theirs with scans:write, made through the services."""
    code = (
        "from django.contrib.auth import get_user_model\n"
        "from projects.services import project_create\n"
        "from tokens.services import api_token_create\n"
        "user = get_user_model().objects.create_user(username='bench', password='a-long-password-for-the-bench')\n"
        f"for slug in {projects!r}:\n"
        "    project_create(user=user, name=slug, slug=slug, visibility='private', default_branch='main')\n"
        "token, secret = api_token_create(user=user, name='bench', scopes=['read', 'scans:write'], days=1)\n"
        "print('TOKEN', secret)\n"
    )
    done = subprocess.run(
        [sys.executable, "-m", "django", "shell", "-c", code],
        env={**env, "DJANGO_SETTINGS_MODULE": "server.settings"},
        cwd=REPO / "backend",
        capture_output=True,
        text=True,
        timeout=300,
    )
    found = re.search(r"^TOKEN (\S+)$", done.stdout, re.MULTILINE)
    if done.returncode or not found:
        raise SystemExit(f"could not make the projects and the token:\n{done.stderr[-3000:]}")
    return found.group(1)


# -- a run --------------------------------------------------------------------------------------------------------


class Client:
    def __init__(self, support: ModuleType, port: int, metrics_port: int, token: str, database_url: str) -> None:
        self.support = support
        self.port = port
        self.metrics_port = metrics_port
        self.token = token
        self.database_url = database_url

    def upload(self, project: str, name: str, data: bytes) -> int:
        boundary = uuid.uuid4().hex
        body = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="archive"; filename="{name}"\r\n'
            "Content-Type: application/gzip\r\n\r\n"
        ).encode()
        body += data + f'\r\n--{boundary}\r\nContent-Disposition: form-data; name="branch"\r\n\r\nmain\r\n'.encode()
        body += f"--{boundary}--\r\n".encode()
        headers = {
            "Authorization": f"Bearer {self.token}",
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "X-Forwarded-Proto": "https",
            "Host": "localhost",
        }
        answer = self.support.request(
            self.port, "POST", f"/api/v1/projects/{project}/scans/archive", body=body, headers=headers, timeout=120
        )
        if answer.status != 202:
            raise SystemExit(f"the upload of {name} answered {answer.status}: {answer.body[:500]!r}")
        return int(answer.json()["id"])

    def wait(self, scan_ids: list[int], timeout: float) -> list[tuple[str, int, int, float]]:
        """Each scan's status, files found and analysed, and when it finished (epoch seconds), once all are."""
        import psycopg2

        deadline = time.monotonic() + timeout
        with contextlib.closing(psycopg2.connect(self.database_url)) as connection:
            connection.autocommit = True
            while True:
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT status, files_found, files_analysed, extract(epoch FROM finished) "
                        "FROM scans_scan WHERE id = ANY(%s)",
                        (scan_ids,),
                    )
                    rows = cursor.fetchall()
                if all(status in ("done", "failed") for status, *_ in rows):
                    return [(status, found, analysed, float(finished)) for status, found, analysed, finished in rows]
                if time.monotonic() > deadline:
                    raise SystemExit(f"scans not finished within {timeout:.0f} s: {rows}")
                time.sleep(0.2)

    def metrics(self) -> dict[str, float]:
        answer = self.support.request(self.metrics_port, "GET", "/metrics/scans")
        values = {}
        for line in answer.body.decode().splitlines():
            if line and not line.startswith("#"):
                name, value = line.rsplit(" ", 1)
                values[name] = float(value)
        return values


@dataclass
class Result:
    workers: int
    upload: str
    scans: int
    upload_seconds: float
    files: int
    seconds: float
    peak_all: int
    peak_one: int
    load_before: float
    load_after: float
    counted_files: float
    counted_scans: float
    failed: int


@dataclass(frozen=True)
class Upload:
    project: str  # a project of its own for each archive of each run: no scan is compared with another
    name: str
    data: bytes


def run_once(client: Client, workers: Workers, uploads: list[Upload], label: str) -> Result:
    load_before = os.getloadavg()[0]
    before = client.metrics()
    with MemoryWatch([process.pid for process in workers.processes]) as watch:
        started = time.time()
        ids = [client.upload(upload.project, upload.name, upload.data) for upload in uploads]
        uploaded = time.time() - started
        rows = client.wait(ids, timeout=1800)
    after = client.metrics()
    files_total = "dockwright_scan_files_analysed_total"
    return Result(
        workers=len(workers.processes),
        upload=label,
        scans=len(ids),
        upload_seconds=uploaded,
        files=sum(analysed for _, _, analysed, _ in rows),
        seconds=max(finished for *_, finished in rows) - started,
        peak_all=watch.peak_all,
        peak_one=watch.peak_one,
        load_before=load_before,
        load_after=os.getloadavg()[0],
        counted_files=after.get(files_total, 0) - before.get(files_total, 0),
        counted_scans=after.get("dockwright_scans_done_total", 0) - before.get("dockwright_scans_done_total", 0),
        failed=sum(1 for status, *_ in rows if status != "done"),
    )


def warm_up(client: Client, workers: int) -> None:
    """One small scan per worker, so that imports and first-use caches are not timed."""
    archive = tar_gz([CorpusFile("warm-up/Dockerfile", WARM_UP_DOCKERFILE, "warm-up", "")])
    client.wait([client.upload(WARM_UP, f"warm-up-{n}.tar.gz", archive) for n in range(workers)], timeout=300)


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:,.0f} MB"


HEADER = (
    "workers  upload                         scans  uploads s  files   wall s  files/s  RSS all  RSS one  "
    "load 1 min       /metrics/scans counted\n"
    "                                                                                   workers  worker   "
    "before -> after"
)


def print_result(result: Result) -> None:
    print(
        f"{result.workers:>7}  {result.upload:<29} {result.scans:>6} {result.upload_seconds:>10.1f} {result.files:>6} "
        f"{result.seconds:>8.1f} {result.files / result.seconds:>8.1f} {_mb(result.peak_all):>8} "
        f"{_mb(result.peak_one):>8}  {result.load_before:>5.2f} -> {result.load_after:<5.2f}  "
        f"files +{result.counted_files:.0f}, scans +{result.counted_scans:.0f}"
        + (f"  ({result.failed} FAILED)" if result.failed else ""),
        flush=True,
    )


# -- main -------------------------------------------------------------------------------------------------------


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", default="1,2", help="numbers of workers to run, comma-separated")
    parser.add_argument("--dockerfiles", type=int, default=300)
    parser.add_argument("--compose", type=int, default=90)
    parser.add_argument("--mirror", type=Path, default=Path(os.environ.get("DOCKWRIGHT_MIRRORS", "/work/.mirror")))
    parser.add_argument("--postgres-admin-url", default=ADMIN_URL, help="creates (and drops) a database of its own")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the results to FILE")
    parser.add_argument("--keep", action="store_true", help="keep the run directory (logs) and print its path")
    return parser.parse_args()


def main() -> int:
    args = parse_arguments()
    counts = [int(n) for n in args.workers.split(",")]
    base = Path(tempfile.mkdtemp(prefix="dockwright-scan-bench-"))
    base.chmod(0o755)  # Nginx's workers run as nobody when this runs as root
    results: list[Result] = []
    try:
        corpus = build_corpus(args.dockerfiles, args.compose, args.mirror, base / "dockerfiles")
        by_repository: dict[str, list[CorpusFile]] = {}
        for item in corpus.files:
            by_repository.setdefault(item.repository, []).append(item)
        one = tar_gz(corpus.files)
        each = [(f"{_folder(repo)}.tar.gz", tar_gz(files)) for repo, files in sorted(by_repository.items())]
        plan = [
            (count, label, [Upload(f"n{count}-{kind}-{i}", name, data) for i, (name, data) in enumerate(archives)])
            for count in counts
            for kind, label, archives in (
                ("all", f"one archive of {corpus.analysed()} files", [("repositories.tar.gz", one)]),
                ("repo", "one archive per repository", each),
            )
        ]
        projects = [WARM_UP, *(upload.project for _, _, uploads in plan for upload in uploads)]
        support = load_stack_support(REPO)
        with contextlib.ExitStack() as cleanup:
            database_url = cleanup.enter_context(postgres_database(args.postgres_admin_url))
            redis = support.tool("redis-server")
            cache_url = cleanup.enter_context(redis_server(redis, support.free_port(), base / "cache"))
            broker_url = cleanup.enter_context(
                redis_server(redis, support.free_port(), base / "broker", eviction="noeviction")
            )
            data_dir = base / "data"
            settings = support.production_settings(database_url=database_url, redis_url=cache_url, data_dir=data_dir)
            settings |= {"DOCKWRIGHT_BROKER_URL": broker_url, "DOCKWRIGHT_SCAN_MAX_FILES": str(SCAN_MAX_FILES)}
            support.collect_static(base / "static", settings)
            stack = support.start_stack(base / "stack", settings=settings, static_root=base / "static")
            cleanup.callback(stack.stop, timeout=45)
            client = Client(support, stack.port, stack.metrics_port, user_token(stack.env, projects), database_url)
            cores = len(os.sched_getaffinity(0))
            print(f"Scans of real repository files through the stack ({cores} cores here, shared with whatever else")
            print("runs on the machine: the load average says how busy it was)")
            print(
                f"corpus: {corpus.analysed()} files to analyse and their context files: {corpus.describe()}; "
                f"{len(by_repository)} repositories"
            )
            print(
                f"archives: one of {len(one) / 1024:,.0f} KB gzipped, or one per repository, each in a project of its "
                "own (nothing to compare with); "
                f"DOCKWRIGHT_SCAN_MAX_FILES={SCAN_MAX_FILES}"
            )
            print(
                "stack: start.sh (Nginx -> gunicorn x2), Postgres, Redis cache, Redis broker; "
                "N x `start.sh worker` (1 pool process each)\n"
            )
            print(HEADER, flush=True)
            for count, label, uploads in plan:
                # Fresh workers for each run: a worker keeps ShellCheck's results in memory, so a second run on the
                # same files would mostly measure that cache. Not the web's metric files either: workers serve no
                # metrics (scans.metrics reads what they store).
                worker_env = {k: v for k, v in stack.env.items() if k != "PROMETHEUS_MULTIPROC_DIR"}
                workers = start_workers(count, worker_env, base, support)
                try:
                    warm_up(client, count)
                    result = run_once(client, workers, uploads, label)
                finally:
                    workers.stop()
                results.append(result)
                print_result(result)
    finally:
        if args.keep:
            print(f"run directory kept: {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps([result.__dict__ for result in results], indent=1))
    return 1 if any(result.failed for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
