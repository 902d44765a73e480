"""`manage.py migrate` without the web's statement timeout: a migration may rewrite or index a large table for
longer than a request may take (server/settings.py sets the timeout from GUNICORN_TIMEOUT)."""

from __future__ import annotations

from typing import Any

from django.core.management.commands.migrate import Command as DjangoMigrateCommand
from django.db import connections


class Command(DjangoMigrateCommand):
    def handle(self, *args: Any, **options: Any) -> None:
        connection = connections[options["database"]]
        if connection.vendor != "postgresql":
            super().handle(*args, **options)
            return
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = 0")
        try:
            super().handle(*args, **options)
        finally:
            # Back to the connection's own setting, for a process that goes on using it (tests, call_command).
            with connection.cursor() as cursor:
                cursor.execute("RESET statement_timeout")
