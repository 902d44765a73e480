"""A real Celery worker process analyses an uploaded scan, through the real Redis broker (REDIS_URL) and the real
Postgres (DATABASE_URL: the test database, which the worker reads and writes too). In CI a missing service fails
this test (tests/conftest.py); elsewhere it is skipped."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from rest_framework.test import APIClient

from projects.models import Project
from scans.models import Scan, ScanFinding

pytestmark = [pytest.mark.service, pytest.mark.django_db(transaction=True)]

BACKEND = Path(__file__).resolve().parents[3] / "backend"
FILES = [
    {"path": "api/Dockerfile", "content": "FROM python:latest\nRUN pip install flask\n"},
    {"path": "docker-compose.yml", "content": "services:\n  api:\n    build: ./api\n"},
]


def _test_database_url() -> str:
    """DATABASE_URL, naming the database the test runs in (pytest-django's test_ copy)."""
    settings = connection.settings_dict
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    return f"postgresql://{settings['USER']}{password}@{settings['HOST']}:{settings['PORT'] or 5432}/{settings['NAME']}"


@pytest.fixture
def worker(postgres_url: str, redis_url: str, tmp_path: Path, settings: Any) -> Any:
    assert connection.vendor == "postgresql", "the worker test needs the suite to run on Postgres (DATABASE_URL)"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "server.settings",
        "DJANGO_ENV": "test",
        "DATABASE_URL": _test_database_url(),
        "REDIS_URL": redis_url,
        "DOCKWRIGHT_DATA_DIR": str(tmp_path),
    }
    log = (tmp_path / "worker.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "server.celery", "worker", "--pool=solo", "--loglevel=INFO"],
        cwd=BACKEND,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    # The Celery app reads Django's settings as they are now (test_settings makes tasks eager for the others).
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = redis_url
    try:
        yield process, tmp_path / "worker.log"
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


def test_a_real_worker_analyses_an_uploaded_scan(worker: Any, django_user_model: Any) -> None:
    process, log = worker
    owner = django_user_model.objects.create_user(username="owner", password="a-long-password-for-tests")
    client = APIClient()
    client.force_login(owner)
    assert client.post("/api/v1/projects", {"name": "Pay", "slug": "pay"}, format="json").status_code == 201

    response = client.post("/api/v1/projects/pay/scans", {"files": FILES, "branch": "main"}, format="json")

    assert response.status_code == 202, response.content
    assert response.json()["status"] == "pending"  # not analysed in the request
    scan = Scan.objects.get(pk=response.json()["id"])
    deadline = time.monotonic() + 90
    while scan.status != Scan.Status.DONE and time.monotonic() < deadline:
        assert process.poll() is None, log.read_text()
        time.sleep(0.5)
        scan.refresh_from_db()
    assert scan.status == Scan.Status.DONE, log.read_text()
    assert (scan.files_found, scan.files_analysed) == (2, 2)
    assert ScanFinding.objects.filter(scan=scan).exists()
    body = client.get(response.json()["url"]).json()
    assert body["status"] == "done" and body["findings"] and body["baseline"] is None
    assert "scans.tasks.scan_analyse" in log.read_text()
    assert Project.objects.get(slug="pay").scans.count() == 1
