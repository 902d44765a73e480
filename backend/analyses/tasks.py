"""Retention of shared analyses, run on the Celery workers and sent by Celery beat (settings.CELERY_BEAT_SCHEDULE,
`start.sh scheduler`); `manage.py expire_analyses` runs the same service by hand."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import DatabaseError

from analyses.services import analysis_expire_anonymous
from server.celery import app

logger = logging.getLogger(__name__)


@app.task(autoretry_for=(DatabaseError,), retry_backoff=True, max_retries=3)
def analyses_expire() -> int:
    """Anonymous analyses past DOCKWRIGHT_ANONYMOUS_RETENTION_DAYS become tombstones (their links answer 410)."""
    expired = analysis_expire_anonymous()
    days = settings.DOCKWRIGHT_ANONYMOUS_RETENTION_DAYS
    if days <= 0:
        logger.info("DOCKWRIGHT_ANONYMOUS_RETENTION_DAYS is 0: anonymous analyses are kept")
    else:
        logger.info("%s anonymous analyses older than %s days expired", expired, days)
    return expired
