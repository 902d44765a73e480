"""The scan task: analyses a stored scan on a worker. Idempotent per file (scans.services), so a retry or a
redelivery after a worker died redoes only the files not finished."""

from __future__ import annotations

import logging

from celery import Task
from django.conf import settings
from django.db import DatabaseError

from scans.models import Scan
from scans.services import scan_expire_old, scan_fail, scan_run, scan_start
from scans.tallies import FailureReason
from server.celery import app

logger = logging.getLogger(__name__)


@app.task(
    bind=True,
    acks_late=True,
    autoretry_for=(DatabaseError,),
    retry_backoff=True,
    max_retries=3,
)
def scan_analyse(self: Task, scan_id: int) -> None:
    scan = Scan.objects.filter(pk=scan_id).select_related("project").first()
    if scan is None or scan.status in (Scan.Status.DONE, Scan.Status.FAILED):
        return  # deleted meanwhile, or a redelivered message of a finished scan
    try:
        # A retry after a database error is not a new attempt; a first delivery, or a redelivery after the
        # worker running it was lost, is.
        if not scan_start(scan=scan, count_attempt=not self.request.retries):
            return
        scan_run(scan=scan)
    except DatabaseError:
        if self.request.retries >= (self.max_retries or 0):
            _fail_after_retries(scan)
        raise  # retried, while retries are left
    except Exception as exc:  # an engine bug must fail the scan with a reason, not leave it running forever
        logger.exception("scan %s failed", scan_id)
        scan_fail(scan=scan, reason=FailureReason.ANALYSIS_ERROR, error=f"the analysis failed: {type(exc).__name__}")


def _fail_after_retries(scan: Scan) -> None:
    try:
        scan_fail(scan=scan, reason=FailureReason.DATABASE_ERROR, error="the database failed on every try")
    except DatabaseError:  # still down: the scan stays running (Prometheus counts it among the running ones)
        logger.exception("scan %s: the database failed on every try, and marking it failed too", scan.pk)


@app.task(autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=3)
def scans_expire() -> int:
    """Retention, sent by Celery beat (settings.CELERY_BEAT_SCHEDULE): scans past DOCKWRIGHT_SCAN_RETENTION_DAYS."""
    expired = scan_expire_old()
    days = settings.DOCKWRIGHT_SCAN_RETENTION_DAYS
    if days <= 0:
        logger.info("DOCKWRIGHT_SCAN_RETENTION_DAYS is 0: scans are kept")
    else:
        logger.info("%s scans older than %s days expired", expired, days)
    return expired
