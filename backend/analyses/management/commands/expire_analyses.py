"""`manage.py expire_analyses`: delete the anonymous analyses older than DOCKWRIGHT_ANONYMOUS_RETENTION_DAYS now,
leaving tombstones (their links answer 410 Gone).

For a run by hand: deployments run the same service on a schedule, as a Celery task (analyses.tasks) that
`start.sh scheduler` (Celery beat) sends to the workers.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from analyses.services import analysis_expire_anonymous


class Command(BaseCommand):
    help = "Delete anonymous analyses older than DOCKWRIGHT_ANONYMOUS_RETENTION_DAYS (their links answer 410 Gone)."

    def handle(self, *args: Any, **options: Any) -> None:
        expired = analysis_expire_anonymous()
        days = settings.DOCKWRIGHT_ANONYMOUS_RETENTION_DAYS
        if days <= 0:
            message = "DOCKWRIGHT_ANONYMOUS_RETENTION_DAYS is 0: anonymous analyses are kept"
        else:
            message = f"{expired} anonymous analyses older than {days} days expired"
        self.stdout.write(message)
