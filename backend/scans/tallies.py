"""Running totals of the scans' work, kept in the database (ScanTally) for Prometheus to read at scrape time.

Workers run in containers of their own and die at any moment (a scan's task is acknowledged late for that
reason), so counters kept in a worker's memory would be lost with it, and a worker cannot be scraped through the
web's /metrics. Each total is added to in the transaction that records the event itself (a file's findings
stored, a scan marked done or failed): a worker killed mid-scan counts nothing it did not store, a redelivered
scan counts no file twice, and deleting old scans never lowers a total. scans.metrics serves them.
"""

from __future__ import annotations

import enum
import math

from django.db.models import F
from prometheus_client.utils import floatToGoString

from scans.models import ScanTally

FILES_ANALYSED = "files_analysed"
SCANS_FAILED = "scans_failed"
# The duration of the scans done, from a worker's first start to done, as a histogram: one total per bucket (each
# scan counted in the first bucket it fits, cumulated when served) and the sum of the seconds.
DURATION_BUCKET = "duration_bucket"
DURATION_SUM = "duration_sum"
DURATION_BUCKETS = (0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0, math.inf)


class FailureReason(enum.StrEnum):
    """Why a scan failed, as Prometheus labels it: a few fixed values, never the error's text."""

    ANALYSIS_ERROR = "analysis_error"  # the engine raised (a bug): no retry would end otherwise
    DATABASE_ERROR = "database_error"  # still failing after the task's retries
    WORKER_LOST = "worker_lost"  # its workers died on it DOCKWRIGHT_SCAN_MAX_ATTEMPTS times


def bucket_label(bound: float) -> str:
    """A bucket's bound as Prometheus writes `le` (1.0, +Inf)."""
    return str(floatToGoString(bound))


def tally_add(*, name: str, amount: float = 1.0, label: str = "") -> None:
    """Add ``amount`` to a total, in the caller's transaction; the row is made on its first use."""
    rows = ScanTally.objects.filter(name=name, label=label)
    if not rows.update(value=F("value") + amount):
        ScanTally.objects.bulk_create([ScanTally(name=name, label=label)], ignore_conflicts=True)
        rows.update(value=F("value") + amount)


def tally_file_analysed() -> None:
    tally_add(name=FILES_ANALYSED)


def tally_scan_done(*, seconds: float) -> None:
    bound = next(bound for bound in DURATION_BUCKETS if seconds <= bound)
    tally_add(name=DURATION_BUCKET, label=bucket_label(bound))
    tally_add(name=DURATION_SUM, amount=seconds)


def tally_scan_failed(*, reason: FailureReason) -> None:
    tally_add(name=SCANS_FAILED, label=reason.value)
