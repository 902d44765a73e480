"""Settings for the test suite: the environment is `test` unless a test asks for another one."""

import os

os.environ.setdefault("DJANGO_ENV", "test")

from server.settings import *  # noqa: F403

# Tasks run in the test's own process and transaction, whether or not REDIS_URL points at a Redis; the test with a
# real worker (tests/stack/test_celery_worker.py) sends to the broker itself.
CELERY_TASK_ALWAYS_EAGER = True
