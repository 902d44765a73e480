"""Real Celery worker processes analyse uploaded scans, through the real Redis broker (REDIS_URL) and the real
Postgres (DATABASE_URL: the test database, which the workers read and write too), and a worker killed in the
middle of a scan loses nothing: another finishes it, analysing every file once. In CI a missing service fails
these tests (tests/conftest.py); elsewhere they are skipped."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from rest_framework.test import APIClient

from projects.models import Project
from scans.models import Scan, ScanFile, ScanFinding
from tests.api.scans.metrics_support import scrape

pytestmark = [pytest.mark.service, pytest.mark.django_db(transaction=True)]

REPO = Path(__file__).resolve().parents[3]
BACKEND = REPO / "backend"
SLOW_WORKER = Path(__file__).with_name("slow_worker.py")
FILES = [
    {"path": "api/Dockerfile", "content": "FROM python:latest\nRUN pip install flask\n"},
    {"path": "docker-compose.yml", "content": "services:\n  api:\n    build: ./api\n"},
]
# A worker killed outright leaves its task unacknowledged for this long; then the next worker to start takes it.
VISIBILITY_SECONDS = 3
SLOW_FILE_SECONDS = 0.5


def realistic_repository() -> list[dict[str, str]]:
    """Ten realistic Dockerfiles, each in a service's folder, and two compose files: twelve files to analyse."""
    fixtures = REPO / "tests" / "fixtures"
    dockerfiles = sorted((fixtures / "dockerfiles" / "realistic").glob("*.Dockerfile"))[::10][:10]
    files = [{"path": f"svc-{n}/Dockerfile", "content": path.read_text()} for n, path in enumerate(dockerfiles)]
    for name in ("stack-00.yml", "stack-01.yml"):
        files.append(
            {"path": f"deploy/{name[:-4]}/docker-compose.yml", "content": (fixtures / "compose" / name).read_text()}
        )
    return files


def _test_database_url() -> str:
    """DATABASE_URL, naming the database the test runs in (pytest-django's test_ copy)."""
    settings = connection.settings_dict
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    return f"postgresql://{settings['USER']}{password}@{settings['HOST']}:{settings['PORT'] or 5432}/{settings['NAME']}"


@dataclass
class Worker:
    process: subprocess.Popen[bytes]
    log: Path
    calls: Path  # the files its analyses began on, one "pid path" line each (slow workers only)

    def alive(self) -> None:
        assert self.process.poll() is None, self.log.read_text()

    def pool_processes(self) -> list[int]:
        children = []
        for task in os.listdir(f"/proc/{self.process.pid}/task"):
            children += [int(pid) for pid in Path(f"/proc/{self.process.pid}/task/{task}/children").read_text().split()]
        return children

    def analysed_paths(self) -> list[str]:
        lines = self.calls.read_text().splitlines() if self.calls.exists() else []
        return [line.split(" ", 1)[1] for line in lines]

    def kill(self) -> None:
        """SIGKILL the worker and its pool processes at once, as when its container is killed."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)


@pytest.fixture
def start_worker(postgres_url: str, redis_url: str, tmp_path: Path, settings: Any) -> Iterator[Callable[..., Worker]]:
    """Starts `celery worker` processes as start.sh does (prefork, here one pool process), optionally slowed down
    (slow_worker.py); stops whatever is left of them at the end."""
    assert connection.vendor == "postgresql", "the worker test needs the suite to run on Postgres (DATABASE_URL)"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "server.settings",
        "DJANGO_ENV": "test",
        "DATABASE_URL": _test_database_url(),
        "REDIS_URL": redis_url,
        "DOCKWRIGHT_DATA_DIR": str(tmp_path),
        "DOCKWRIGHT_TASK_VISIBILITY_SECONDS": str(VISIBILITY_SECONDS),
        "PYTHONPATH": str(BACKEND),
    }
    # The Celery app reads Django's settings as they are now (test_settings makes tasks eager for the others).
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = redis_url
    started: list[Worker] = []

    def start(*, slow: bool = False) -> Worker:
        number = len(started) + 1
        log, calls = tmp_path / f"worker-{number}.log", tmp_path / f"worker-{number}.calls"
        program = [str(SLOW_WORKER)] if slow else ["-m", "celery"]
        extra = {"SLOW_SCAN_FILE_SECONDS": str(SLOW_FILE_SECONDS), "SCAN_CALL_LOG": str(calls)} if slow else {}
        with log.open("w") as output:
            process = subprocess.Popen(
                [sys.executable, *program, "-A", "server.celery", "worker", "--concurrency=1", "--loglevel=INFO"],
                cwd=BACKEND,
                env={**env, **extra},
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        started.append(Worker(process, log, calls))
        return started[-1]

    yield start
    for worker in started:
        if worker.process.poll() is None:
            worker.process.send_signal(signal.SIGTERM)
            try:
                worker.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                worker.kill()


@pytest.fixture
def maintainer(django_user_model: Any) -> APIClient:
    owner = django_user_model.objects.create_user(username="owner", password="a-long-password-for-tests")
    client = APIClient()
    client.force_login(owner)
    assert client.post("/api/v1/projects", {"name": "Pay", "slug": "pay"}, format="json").status_code == 201
    return client


def upload(client: APIClient, files: list[dict[str, str]]) -> Scan:
    response = client.post("/api/v1/projects/pay/scans", {"files": files, "branch": "main"}, format="json")
    assert response.status_code == 202, response.content
    assert response.json()["status"] == "pending"  # not analysed in the request
    return Scan.objects.get(pk=response.json()["id"])


def wait_until(condition: Callable[[], bool], worker: Worker, *, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        worker.alive()
        assert time.monotonic() < deadline, f"not within {seconds} s; the worker's log:\n{worker.log.read_text()}"
        time.sleep(0.1)


def done(scan: Scan) -> Callable[[], bool]:
    def check() -> bool:
        scan.refresh_from_db()
        return scan.status in (Scan.Status.DONE, Scan.Status.FAILED)

    return check


def findings_of(scan: Scan) -> list[tuple[Any, ...]]:
    rows = ScanFinding.objects.filter(scan=scan).values_list("file__path", "rule", "line", "fingerprint", "data")
    return sorted((path, rule, line, fingerprint, sorted(data.items())) for path, rule, line, fingerprint, data in rows)


def test_a_real_worker_analyses_an_uploaded_scan(start_worker: Callable[..., Worker], maintainer: APIClient) -> None:
    worker = start_worker()

    scan = upload(maintainer, FILES)

    wait_until(done(scan), worker)
    assert scan.status == Scan.Status.DONE, worker.log.read_text()
    assert (scan.files_found, scan.files_analysed) == (2, 2)
    assert ScanFinding.objects.filter(scan=scan).exists()
    body = maintainer.get(f"/api/v1/projects/pay/scans/{scan.pk}").json()
    assert body["status"] == "done" and body["findings"] and body["baseline"] is None
    assert "scans.tasks.scan_analyse" in worker.log.read_text()
    assert Project.objects.get(slug="pay").scans.count() == 1


def test_a_worker_killed_mid_scan_loses_nothing_and_the_next_one_analyses_each_file_once(
    start_worker: Callable[..., Worker], maintainer: APIClient
) -> None:
    files = realistic_repository()
    first = start_worker(slow=True)
    scan = upload(maintainer, files)
    wait_until(lambda: ScanFile.objects.filter(scan=scan, analysed=True).exists(), first)
    progress_seen = time.time()  # the worker took the task before this
    wait_until(lambda: ScanFile.objects.filter(scan=scan, analysed=True).count() >= 4, first)

    first.kill()

    stored_before = set(ScanFile.objects.filter(scan=scan, analysed=True).values_list("path", flat=True))
    assert 4 <= len(stored_before) < len(files), "the kill came after the scan ended: nothing was tested"
    scan.refresh_from_db()
    assert scan.status == Scan.Status.RUNNING and scan.files_analysed == len(stored_before)
    # The task is unacknowledged; a worker starting once the visibility timeout has passed delivers it again.
    time.sleep(max(0.0, progress_seen + VISIBILITY_SECONDS + 0.5 - time.time()))
    second = start_worker(slow=True)
    wait_until(done(scan), second)

    assert scan.status == Scan.Status.DONE, second.log.read_text()
    assert (scan.files_found, scan.files_analysed, scan.attempts) == (len(files), len(files), 2)
    assert ScanFile.objects.filter(scan=scan, analysed=False).count() == 0
    # The second worker analysed exactly the files the first had not stored, each once; the first stored each of
    # its files once, and began at most one more (the one it was killed in).
    redone = second.analysed_paths()
    assert Counter(redone) == Counter({file["path"]: 1 for file in files if file["path"] not in stored_before})
    assert len(set(first.analysed_paths()) - stored_before) <= 1
    # The same files in a scan that nothing interrupted: the same findings, none stored twice.
    again = upload(maintainer, files)
    wait_until(done(again), second)
    assert findings_of(scan) == findings_of(again) != []
    samples = scrape(maintainer)
    assert samples("dockwright_scan_files_analysed_total") == 2 * len(files)
    assert samples("dockwright_scans_done_total") == 2
    assert samples("dockwright_scans_failed_total", reason="worker_lost") == 0
    assert samples("dockwright_scan_queue_length") == samples("dockwright_scan_queue_unacknowledged") == 0
    assert samples("dockwright_scans_unfinished", status="running") == 0


def test_a_pool_process_killed_mid_scan_gives_the_scan_back_to_its_worker_at_once(
    start_worker: Callable[..., Worker], maintainer: APIClient
) -> None:
    files = realistic_repository()[:6]
    worker = start_worker(slow=True)
    scan = upload(maintainer, files)
    wait_until(lambda: ScanFile.objects.filter(scan=scan, analysed=True).count() >= 2, worker)

    (pool_process,) = worker.pool_processes()
    os.kill(pool_process, signal.SIGKILL)  # out of memory, say: the worker itself lives on

    # Requeued at once: otherwise the worker's next sweep for unacknowledged tasks would come only after 100 s.
    wait_until(done(scan), worker, seconds=40)
    assert scan.status == Scan.Status.DONE, worker.log.read_text()
    assert (scan.files_analysed, scan.attempts) == (len(files), 2)
    assert Counter(worker.analysed_paths()).most_common(1)[0][1] <= 2  # only the file it was killed in, again
    assert "WorkerLostError" in worker.log.read_text()
