"""The scan task as the worker runs it: a redelivered message of a finished scan changes nothing, an engine failure
fails the scan with a reason instead of leaving it running, and without a broker tasks run in the sending process."""

from __future__ import annotations

from typing import Any

import pytest

from projects.models import Project
from scans import services
from scans.models import Scan, ScanFinding
from scans.services import scan_create
from scans.tasks import scan_analyse
from tests.api.api_support import manage

pytestmark = pytest.mark.django_db

FILES = [{"path": "Dockerfile", "content": "FROM python:latest\n"}]


def test_a_redelivered_message_of_a_finished_scan_changes_nothing(private_project: Project, people: Any) -> None:
    scan = scan_create(project=private_project, user=people["owner"], files=FILES)
    scan_analyse.delay(scan.pk)
    stored = list(ScanFinding.objects.filter(scan=scan).values_list("pk", flat=True))

    scan_analyse.delay(scan.pk)

    assert Scan.objects.get(pk=scan.pk).status == Scan.Status.DONE
    assert list(ScanFinding.objects.filter(scan=scan).values_list("pk", flat=True)) == stored


def test_an_engine_failure_fails_the_scan_with_a_reason(private_project, people, monkeypatch) -> None:
    def broken(**kwargs: Any) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(services, "scan_file_analyse", broken)
    scan = scan_create(project=private_project, user=people["owner"], files=FILES)

    scan_analyse.delay(scan.pk)

    scan.refresh_from_db()
    assert scan.status == Scan.Status.FAILED
    assert scan.error == "the analysis failed: RuntimeError"


@pytest.mark.parametrize(("redis_url", "eager"), [("", "True"), ("redis://127.0.0.1:6379/9", "False")])
def test_tasks_run_eagerly_only_without_a_broker(tmp_path, redis_url: str, eager: str) -> None:
    env = {"DJANGO_DEBUG": "1", "REDIS_URL": redis_url}
    code = "from django.conf import settings; print(settings.CELERY_TASK_ALWAYS_EAGER, settings.CELERY_TASK_ACKS_LATE)"

    done = manage("shell", "-c", code, env=env, tmp_path=tmp_path)

    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].split() == [eager, "True"]
