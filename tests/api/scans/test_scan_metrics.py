"""GET /metrics/scans: the scans' totals (kept in the database with the events they count), the unfinished scans,
and the broker's queue, read at scrape time; a source that fails is left out and said so, never a 500."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import DatabaseError
from django.utils import timezone

from projects.models import Project
from scans import metrics, services
from scans.models import Scan
from scans.services import scan_create
from scans.tallies import FailureReason
from scans.tasks import scan_analyse
from server.celery import app
from tests.api.scans.metrics_support import scrape
from tests.api.scans.test_scans_api import bundle, upload
from tests.stack.stack_support import free_port

pytestmark = pytest.mark.django_db

REASONS = [reason.value for reason in FailureReason]


@pytest.fixture(autouse=True)
def _no_broker(settings: Any) -> None:
    """Tasks run eagerly in these tests; the broker's metrics are asked for only where a test names a broker."""
    settings.CELERY_BROKER_URL = ""


def test_a_scan_done_counts_its_files_its_duration_and_itself(client_as: Any, private_project: Project) -> None:
    assert upload(client_as("maintainer"), bundle()).json()["status"] == "done"

    samples = scrape(client_as("anonymous"))

    assert samples("dockwright_scan_files_analysed_total") == 2  # the Dockerfile and the compose file
    assert samples("dockwright_scans_done_total") == 1
    assert samples("dockwright_scan_duration_seconds_count") == 1
    assert samples("dockwright_scan_duration_seconds_bucket", le="+Inf") == 1
    assert samples("dockwright_scan_duration_seconds_bucket", le="1800.0") == 1
    assert 0 <= samples("dockwright_scan_duration_seconds_sum") < 1800
    assert [samples("dockwright_scans_failed_total", reason=reason) for reason in REASONS] == [0, 0, 0]
    assert samples("dockwright_scans_unfinished", status="pending") == 0
    assert samples("dockwright_scans_unfinished", status="running") == 0
    assert samples("dockwright_scan_oldest_pending_seconds") == 0
    assert samples("dockwright_scan_metrics_source_up", source="database") == 1
    assert "dockwright_scan_queue_length" not in samples.names()  # no broker: scans run in the web process


def test_each_scan_s_duration_falls_in_its_bucket(client_as: Any, private_project: Project, people: Any) -> None:
    scan = scan_create(project=private_project, user=people["owner"], files=bundle())
    Scan.objects.filter(pk=scan.pk).update(status=Scan.Status.RUNNING, started=timezone.now() - dt.timedelta(seconds=7))

    scan_analyse.delay(scan.pk)

    samples = scrape(client_as("anonymous"))
    assert samples("dockwright_scan_duration_seconds_bucket", le="5.0") == 0
    assert samples("dockwright_scan_duration_seconds_bucket", le="10.0") == 1
    assert 7 <= samples("dockwright_scan_duration_seconds_sum") < 10


def test_a_redelivered_message_counts_nothing_twice(client_as: Any, private_project: Project, people: Any) -> None:
    scan = scan_create(project=private_project, user=people["owner"], files=bundle())
    scan_analyse.delay(scan.pk)

    scan_analyse.delay(scan.pk)

    samples = scrape(client_as("anonymous"))
    assert samples("dockwright_scan_files_analysed_total") == 2
    assert samples("dockwright_scans_done_total") == 1
    assert Scan.objects.get(pk=scan.pk).attempts == 1


def test_an_engine_failure_is_counted_as_an_analysis_error(
    client_as: Any, private_project: Project, people: Any, monkeypatch: Any
) -> None:
    def broken(**kwargs: Any) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(services, "scan_file_analyse", broken)
    scan = scan_create(project=private_project, user=people["owner"], files=bundle())

    scan_analyse.delay(scan.pk)

    samples = scrape(client_as("anonymous"))
    assert samples("dockwright_scans_failed_total", reason="analysis_error") == 1
    assert samples("dockwright_scans_done_total") == 0
    assert samples("dockwright_scan_files_analysed_total") == 0


def test_a_scan_whose_workers_died_too_often_fails_as_worker_lost(
    client_as: Any, private_project: Project, people: Any, settings: Any
) -> None:
    settings.DOCKWRIGHT_SCAN_MAX_ATTEMPTS = 3
    scan = scan_create(project=private_project, user=people["owner"], files=bundle())
    # Three workers took it and died (killed, out of memory): the broker delivers it a fourth time.
    Scan.objects.filter(pk=scan.pk).update(status=Scan.Status.RUNNING, attempts=3)

    scan_analyse.delay(scan.pk)

    scan.refresh_from_db()
    assert scan.status == Scan.Status.FAILED
    assert scan.error == "the analysis was started 3 times and its worker stopped each time"
    assert scrape(client_as("anonymous"))("dockwright_scans_failed_total", reason="worker_lost") == 1


def test_a_scan_that_lost_fewer_workers_is_analysed_and_its_attempts_counted(
    private_project: Project, people: Any, settings: Any
) -> None:
    settings.DOCKWRIGHT_SCAN_MAX_ATTEMPTS = 3
    scan = scan_create(project=private_project, user=people["owner"], files=bundle())
    started = timezone.now() - dt.timedelta(seconds=30)
    Scan.objects.filter(pk=scan.pk).update(status=Scan.Status.RUNNING, attempts=2, started=started)

    scan_analyse.delay(scan.pk)

    scan.refresh_from_db()
    assert (scan.status, scan.attempts, scan.started) == (Scan.Status.DONE, 3, started)  # the first start is kept


def test_a_database_still_failing_on_the_last_retry_fails_the_scan_as_a_database_error(
    client_as: Any, private_project: Project, people: Any, monkeypatch: Any
) -> None:
    def database_down(**kwargs: Any) -> None:
        raise DatabaseError("the database went away")

    monkeypatch.setattr("scans.tasks.scan_run", database_down)
    scan = scan_create(project=private_project, user=people["owner"], files=bundle())

    with pytest.raises(DatabaseError):  # the task fails: no retry is left
        scan_analyse.apply((scan.pk,), retries=scan_analyse.max_retries, throw=True)

    scan.refresh_from_db()
    assert (scan.status, scan.error) == (Scan.Status.FAILED, "the database failed on every try")
    assert scan.attempts == 0  # a retry is not a worker lost
    assert scrape(client_as("anonymous"))("dockwright_scans_failed_total", reason="database_error") == 1


def test_totals_outlive_the_scans_they_count(client_as: Any, private_project: Project) -> None:
    upload(client_as("maintainer"), bundle())
    before = scrape(client_as("anonymous"))

    Scan.objects.all().delete()  # as deleting old scans does

    after = scrape(client_as("anonymous"))
    for name in ("dockwright_scan_files_analysed_total", "dockwright_scans_done_total"):
        assert after(name) == before(name) > 0
    assert after("dockwright_scan_duration_seconds_sum") == before("dockwright_scan_duration_seconds_sum")


def test_waiting_scans_are_counted_with_the_age_of_the_oldest(
    client_as: Any, private_project: Project, people: Any
) -> None:
    for age in (90, 30):
        scan = scan_create(project=private_project, user=people["owner"], files=bundle())
        Scan.objects.filter(pk=scan.pk).update(created=timezone.now() - dt.timedelta(seconds=age))
    Scan.objects.filter(pk=scan.pk).update(status=Scan.Status.RUNNING)

    samples = scrape(client_as("anonymous"))

    assert samples("dockwright_scans_unfinished", status="pending") == 1
    assert samples("dockwright_scans_unfinished", status="running") == 1
    assert 90 <= samples("dockwright_scan_oldest_pending_seconds") < 120


def test_a_broker_that_does_not_answer_is_left_out_and_said_so(client_as: Any, settings: Any) -> None:
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there

    samples = scrape(client_as("anonymous"))

    assert samples("dockwright_scan_metrics_source_up", source="broker") == 0
    assert samples("dockwright_scan_metrics_source_up", source="database") == 1
    assert "dockwright_scan_queue_length" not in samples.names()
    assert samples("dockwright_scans_done_total") == 0


def test_a_failing_database_is_left_out_and_said_so(client_as: Any, monkeypatch: Any) -> None:
    class Unreachable:
        class objects:  # stands in for a model's manager
            @staticmethod
            def values_list(*fields: str) -> Any:
                raise DatabaseError("could not connect to server")

    monkeypatch.setattr(metrics, "ScanTally", Unreachable)

    samples = scrape(client_as("anonymous"))

    assert samples("dockwright_scan_metrics_source_up", source="database") == 0
    assert "dockwright_scans_done_total" not in samples.names()


@pytest.mark.service
def test_the_queue_and_the_tasks_taken_come_from_the_broker(client_as: Any, redis_url: str, settings: Any) -> None:
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = redis_url
    app.control.purge()
    for scan_id in (1, 2, 3):  # no worker runs: they wait in the queue
        scan_analyse.delay(scan_id)
    queued = scrape(client_as("anonymous"))

    with app.connection_for_read() as connection:
        queue = connection.SimpleQueue(app.conf.task_default_queue)
        taken = queue.get(timeout=5)  # as a worker takes a task, without acknowledging it yet
        while_running = scrape(client_as("anonymous"))
        taken.ack()
        queue.close()
    app.control.purge()

    assert queued("dockwright_scan_metrics_source_up", source="broker") == 1
    assert (queued("dockwright_scan_queue_length"), queued("dockwright_scan_queue_unacknowledged")) == (3, 0)
    assert while_running("dockwright_scan_queue_length") == 2
    assert while_running("dockwright_scan_queue_unacknowledged") == 1
