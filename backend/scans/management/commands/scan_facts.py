"""`manage.py scan_facts`: give the files analysed before scans kept inventory facts (dockwright.inventory) their
facts, so the inventory covers them without scanning again. Safe to run again: files that have facts are left."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from scans.services import scan_file_facts_fill


class Command(BaseCommand):
    help = "Read the inventory facts (images, root users, database ports) of analysed scan files that have none."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{scan_file_facts_fill()} files given their inventory facts")
