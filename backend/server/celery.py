"""The Celery app: scans are analysed on workers (`celery -A server.celery worker`), with Redis as the broker, and
the same workers run the retention tasks that Celery beat sends on a schedule (`celery -A server.celery beat`,
settings.CELERY_BEAT_SCHEDULE).

Without REDIS_URL (`make run`, the embedded default) there is no broker and tasks run eagerly, in the process that
sends them (settings.CELERY_TASK_ALWAYS_EAGER), so a single process still does everything.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "server.settings")

app = Celery("dockwright")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["scans", "analyses"])
