"""Settings for the test suite: the environment is `test` unless a test asks for another one."""

import os

os.environ.setdefault("DJANGO_ENV", "test")

from server.settings import *  # noqa: F403
