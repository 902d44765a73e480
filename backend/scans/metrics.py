"""The scans' Prometheus metrics, read when Prometheus scrapes GET /metrics/scans (the app's internal port only).

Nothing here lives in a worker: the totals come from the database (scans.tallies), the unfinished scans from the
scans table, and the queue from the broker, at scrape time. So they survive any worker's restart, and every web
replica serves the same numbers: Prometheus scrapes this path through one name (docker/prometheus.yml), not per
replica, or the totals would be counted once per replica.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import redis
from django.conf import settings
from django.db import DatabaseError
from django.db.models import Count, Min
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from kombu.transport.redis import Channel
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.registry import Collector

from core.log_throttle import ThrottledLogger
from scans.models import Scan, ScanTally
from scans.tallies import (
    DURATION_BUCKET,
    DURATION_BUCKETS,
    DURATION_SUM,
    FILES_ANALYSED,
    SCANS_FAILED,
    FailureReason,
    bucket_label,
)
from server.celery import app

logger = ThrottledLogger(logging.getLogger(__name__))
BROKER_TIMEOUT_SECONDS = 1.0


class ScanCollector(Collector):
    """Each scrape reads the database and the broker afresh."""

    def collect(self) -> Iterator[Metric]:
        up = GaugeMetricFamily(
            "dockwright_scan_metrics_source_up",
            "1 when this scrape read the source of the scan metrics, 0 when it failed (its metrics are left out).",
            labels=["source"],
        )
        try:
            database = list(_database_metrics())
        except DatabaseError as error:
            logger.warning("scan-metrics-database", "scan metrics: the database failed: %s", error)
            database = []
        up.add_metric(["database"], 1 if database else 0)
        yield from database
        if settings.CELERY_BROKER_URL:  # without a broker, scans run in the web process: there is no queue
            try:
                broker = list(_broker_metrics(settings.CELERY_BROKER_URL))
            except redis.RedisError as error:
                logger.warning("scan-metrics-broker", "scan metrics: the broker failed: %s", error)
                broker = []
            up.add_metric(["broker"], 1 if broker else 0)
            yield from broker
        yield up


def _database_metrics() -> Iterator[Metric]:
    tallies = {(name, label): value for name, label, value in ScanTally.objects.values_list("name", "label", "value")}
    yield CounterMetricFamily(
        "dockwright_scan_files_analysed",
        "Files of scans analysed and stored (each once, however many workers were lost on its scan).",
        value=tallies.get((FILES_ANALYSED, ""), 0.0),
    )
    failed = CounterMetricFamily("dockwright_scans_failed", "Scans failed, by reason.", labels=["reason"])
    for reason in FailureReason:
        failed.add_metric([reason.value], tallies.get((SCANS_FAILED, reason.value), 0.0))
    yield failed
    cumulative, buckets = 0.0, []
    for bound in DURATION_BUCKETS:
        cumulative += tallies.get((DURATION_BUCKET, bucket_label(bound)), 0.0)
        buckets.append((bucket_label(bound), cumulative))
    yield CounterMetricFamily("dockwright_scans_done", "Scans analysed to the end.", value=cumulative)
    yield HistogramMetricFamily(
        "dockwright_scan_duration_seconds",
        "Seconds from a worker's first start on a scan to the scan done (a lost worker's time included).",
        buckets=buckets,
        sum_value=tallies.get((DURATION_SUM, ""), 0.0),
    )
    unfinished = Scan.objects.filter(status__in=[Scan.Status.PENDING, Scan.Status.RUNNING])
    counts = dict(unfinished.values_list("status").annotate(count=Count("pk")).order_by())
    by_status = GaugeMetricFamily("dockwright_scans_unfinished", "Scans pending or running.", labels=["status"])
    for status in (Scan.Status.PENDING, Scan.Status.RUNNING):
        by_status.add_metric([status.value], counts.get(status.value, 0))
    yield by_status
    oldest = unfinished.filter(status=Scan.Status.PENDING).aggregate(oldest=Min("created"))["oldest"]
    yield GaugeMetricFamily(
        "dockwright_scan_oldest_pending_seconds",
        "How long the oldest scan not taken by a worker yet has waited (0 when none waits).",
        value=(timezone.now() - oldest).total_seconds() if oldest else 0.0,
    )


def _broker_metrics(url: str) -> Iterator[Metric]:
    client = redis.Redis.from_url(
        url, socket_timeout=BROKER_TIMEOUT_SECONDS, socket_connect_timeout=BROKER_TIMEOUT_SECONDS
    )
    try:
        # Celery's Redis transport keeps a queue as one list per priority step (kombu's Channel names them so),
        # and every message a worker took but has not acknowledged in one hash.
        queue = app.conf.task_default_queue
        names = [queue, *(f"{queue}{Channel.sep}{step}" for step in Channel.priority_steps if step)]
        with client.pipeline(transaction=False) as pipe:
            for name in names:
                pipe.llen(name)
            pipe.hlen(Channel.unacked_key)
            *lengths, unacknowledged = pipe.execute()
    finally:
        client.close()
    yield GaugeMetricFamily(
        "dockwright_scan_queue_length",
        "Tasks waiting in the broker's queue for a worker: scans, and the retention tasks Celery beat sends.",
        value=sum(lengths),
    )
    yield GaugeMetricFamily(
        "dockwright_scan_queue_unacknowledged",
        "Tasks a worker took and has not acknowledged: running, or held for the visibility timeout when their "
        "worker died.",
        value=unacknowledged,
    )


def scan_metrics_view(request: HttpRequest) -> HttpResponse:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(ScanCollector())
    return HttpResponse(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)
