"""`celery worker` whose every file analysis starts SLOW_SCAN_FILE_SECONDS late, each start written to SCAN_CALL_LOG.

The worker tests need a scan that lasts long enough to kill its worker between two files. Only the wait is added:
each file is analysed and stored by the real scans.services code, on the real broker and database.
Run from backend/ as `python ../tests/api/scans/slow_worker.py -A server.celery worker ...` (PYTHONPATH=backend).
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any


def main() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "server.settings")
    django.setup()
    from celery.bin.celery import main as celery

    from scans import services

    analyse = services.scan_file_analyse
    delay = float(os.environ["SLOW_SCAN_FILE_SECONDS"])
    call_log = os.environ["SCAN_CALL_LOG"]

    def slow_analyse(*, scan_file: Any, **kwargs: Any) -> None:
        with open(call_log, "a", encoding="utf-8") as log:
            log.write(f"{os.getpid()} {scan_file.path}\n")
        time.sleep(delay)
        analyse(scan_file=scan_file, **kwargs)

    # scan_run looks the function up in its module at each call; prefork's pool processes inherit the change.
    services.scan_file_analyse = slow_analyse
    sys.argv = ["celery", *sys.argv[1:]]
    celery()


if __name__ == "__main__":
    main()
