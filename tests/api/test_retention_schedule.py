"""Celery beat's schedule (settings.CELERY_BEAT_SCHEDULE) sends both retention tasks every
DOCKWRIGHT_RETENTION_INTERVAL_SECONDS, and each name there is a task the workers know. Read in a fresh process, as
`start.sh scheduler` reads it."""

from __future__ import annotations

import json

from tests.api.api_support import manage

SCHEDULE = """
import json
from server.celery import app
app.loader.import_default_modules()
print(json.dumps({
    "schedule": {
        name: {"task": entry["task"], "every": entry["schedule"], "expires": entry["options"]["expires"]}
        for name, entry in app.conf.beat_schedule.items()
    },
    "registered": sorted(name for name in app.tasks if not name.startswith("celery.")),
}))
"""


def _schedule(env: dict[str, str], tmp_path) -> dict:
    done = manage("shell", "-c", SCHEDULE, env={"DJANGO_DEBUG": "1", **env}, tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_beat_sends_both_retention_tasks_at_the_configured_interval(tmp_path) -> None:
    read = _schedule({"DOCKWRIGHT_RETENTION_INTERVAL_SECONDS": "120"}, tmp_path)

    assert read["schedule"] == {
        "expire-anonymous-analyses": {"task": "analyses.tasks.analyses_expire", "every": 120.0, "expires": 120},
        "expire-old-scans": {"task": "scans.tasks.scans_expire", "every": 120.0, "expires": 120},
    }
    assert {entry["task"] for entry in read["schedule"].values()} <= set(read["registered"])


def test_the_interval_defaults_to_an_hour(tmp_path) -> None:
    read = _schedule({}, tmp_path)

    assert {entry["every"] for entry in read["schedule"].values()} == {3600.0}
