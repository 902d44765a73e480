"""`manage.py expire_analyses [--every SECONDS]`: delete the anonymous analyses older than
DOCKWRIGHT_ANONYMOUS_RETENTION_DAYS, leaving tombstones (their links answer 410 Gone).

Once, or with --every, again and again: the compose stacks run it so, as a small service of its own.
"""

from __future__ import annotations

import signal
import time
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError, connections

from analyses.services import analysis_expire_anonymous


class Command(BaseCommand):
    help = "Delete anonymous analyses older than DOCKWRIGHT_ANONYMOUS_RETENTION_DAYS (their links answer 410 Gone)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--every",
            type=int,
            metavar="SECONDS",
            help="run again every SECONDS until stopped; a failed run (database down) is logged and retried",
        )

    def handle(self, *args: Any, every: int | None = None, **options: Any) -> None:
        if every is None:
            self._expire()
            return
        if every < 1:
            raise CommandError("--every must be at least 1 second")
        # A stop (docker stop) ends the wait at once instead of after the container's grace period.
        signal.signal(signal.SIGTERM, _stop)
        while True:
            try:
                self._expire()
            except DatabaseError as error:
                self.stderr.write(f"expiring analyses failed, trying again in {every} s: {error}")
            # No connection held open through the wait; the next run opens a fresh one.
            connections.close_all()
            time.sleep(every)

    def _expire(self) -> None:
        expired = analysis_expire_anonymous()
        days = settings.DOCKWRIGHT_ANONYMOUS_RETENTION_DAYS
        if days <= 0:
            message = "DOCKWRIGHT_ANONYMOUS_RETENTION_DAYS is 0: anonymous analyses are kept"
        else:
            message = f"{expired} anonymous analyses older than {days} days expired"
        self.stdout.write(message, ending="\n")
        self.stdout.flush()


def _stop(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)
