"""Retention as deployed: `start.sh scheduler` (the real Celery beat) sends the retention tasks through the real Redis
broker, `start.sh worker` (a real Celery worker) runs them against the stack's Postgres, and an anonymous analysis
past DOCKWRIGHT_ANONYMOUS_RETENTION_DAYS then answers 410 Gone through the stack's Nginx. The interval is one second
here (DOCKWRIGHT_RETENTION_INTERVAL_SECONDS); deployments keep the hour."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg2
import pytest
import redis

from tests.stack.stack_support import DOCKERFILE, START_SH, Stack, app_environment, post_json, request

pytestmark = pytest.mark.stack

# A Redis database of this test's own as the broker: the stack's web sends scans to its REDIS_URL, which this
# worker must not take from the other tests.
BROKER_DB = 12


@contextlib.contextmanager
def _started(command: str, env: dict[str, str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("wb") as out:
        process = subprocess.Popen(
            ["bash", str(START_SH), command], env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)


def _status(stack: Stack, analysis_id: str) -> int:
    return request(stack.port, "GET", f"/api/v1/analyses/{analysis_id}", headers={"X-Forwarded-Proto": "https"}).status


@pytest.fixture
def broker_url(stack_redis: str) -> Iterator[str]:
    url = stack_redis.rsplit("/", 1)[0] + f"/{BROKER_DB}"
    client = redis.Redis.from_url(url)
    client.flushdb()  # no message left over from an earlier run
    yield url
    client.flushdb()
    client.close()


def test_beat_sends_retention_and_a_worker_expires_an_old_analysis(
    stack: Stack, stack_settings: dict[str, str], broker_url: str, tmp_path: Path
) -> None:
    shared = post_json(stack.port, "/api/v1/analyses", {"content": DOCKERFILE + "# retention\n"})
    assert shared.status == 201, shared.body
    analysis_id = shared.json()["id"]
    with psycopg2.connect(stack_settings["DATABASE_URL"]) as connection, connection.cursor() as cursor:
        cursor.execute(
            "UPDATE analyses_analysis SET created = now() - interval '31 days' WHERE id = %s", (analysis_id,)
        )
        assert cursor.rowcount == 1
    connection.close()
    env = {
        **app_environment(),
        **stack_settings,
        # pytest-django's test settings run every task eagerly, in the process that sends it: here, the scheduler.
        "DJANGO_SETTINGS_MODULE": "server.settings",
        "DOCKWRIGHT_BROKER_URL": broker_url,
        "DOCKWRIGHT_ANONYMOUS_RETENTION_DAYS": "30",
        "DOCKWRIGHT_RETENTION_INTERVAL_SECONDS": "1",
        "WORKER_CONCURRENCY": "1",
        "CELERY_BEAT_SCHEDULE_FILE": str(tmp_path / "celerybeat-schedule"),
    }
    worker_log, beat_log = tmp_path / "worker.log", tmp_path / "beat.log"

    with _started("worker", env, worker_log) as worker, _started("scheduler", env, beat_log) as beat:
        deadline = time.monotonic() + 60
        status = _status(stack, analysis_id)
        while status != 410 and time.monotonic() < deadline:
            assert worker.poll() is None, worker_log.read_text()
            assert beat.poll() is None, beat_log.read_text()
            time.sleep(0.5)
            status = _status(stack, analysis_id)
        assert status == 410, f"worker:\n{worker_log.read_text()}\nbeat:\n{beat_log.read_text()}"
        while "scans.tasks.scans_expire" not in worker_log.read_text() and time.monotonic() < deadline:
            time.sleep(0.5)
        beat.send_signal(signal.SIGTERM)
        worker.send_signal(signal.SIGTERM)
        assert beat.wait(timeout=30) == 0, beat_log.read_text()
        assert worker.wait(timeout=30) == 0, worker_log.read_text()

    sent = beat_log.read_text()
    assert "Sending due task expire-anonymous-analyses (analyses.tasks.analyses_expire)" in sent, sent
    assert "Sending due task expire-old-scans (scans.tasks.scans_expire)" in sent, sent
    ran = worker_log.read_text()
    assert "1 anonymous analyses older than 30 days expired" in ran, ran
    assert "scans.tasks.scans_expire" in ran and "succeeded" in ran, ran
    assert any(tmp_path.glob("celerybeat-schedule*")), "the schedule file is not where CELERY_BEAT_SCHEDULE_FILE says"


def test_the_scheduler_refuses_to_start_without_a_broker(stack_settings: dict[str, str]) -> None:
    env = {
        **{k: v for k, v in app_environment().items() if k not in ("REDIS_URL", "DOCKWRIGHT_BROKER_URL")},
        **{k: v for k, v in stack_settings.items() if k != "REDIS_URL"},
    }

    done = subprocess.run(["bash", str(START_SH), "scheduler"], env=env, capture_output=True, text=True, timeout=30)

    assert done.returncode == 2
    assert "the scheduler needs a broker: set REDIS_URL or DOCKWRIGHT_BROKER_URL" in done.stderr
