"""One log record per kind of trouble and interval, per process: an outage must not write a line per request.

A Redis or database outage hits every request; logging each (django-redis logged a traceback per failed call)
buried everything else in the log. The first record of an interval says what happened; the next one says how
many were held back in between.
"""

from __future__ import annotations

import logging
import threading
from time import monotonic

DEFAULT_INTERVAL_SECONDS = 60.0


class ThrottledLogger:
    def __init__(self, logger: logging.Logger, interval_seconds: float = DEFAULT_INTERVAL_SECONDS) -> None:
        self.logger = logger
        self.interval_seconds = interval_seconds
        self._lock = threading.Lock()
        self._next_at: dict[str, float] = {}
        self._held_back: dict[str, int] = {}

    def warning(self, key: str, message: str, *args: object) -> None:
        self.log(logging.WARNING, key, message, *args)

    def info(self, key: str, message: str, *args: object) -> None:
        self.log(logging.INFO, key, message, *args)

    def log(self, level: int, key: str, message: str, *args: object) -> None:
        """Log unless a record with the same ``key`` was logged less than the interval ago."""
        now = monotonic()
        with self._lock:
            if now < self._next_at.get(key, float("-inf")):
                self._held_back[key] = self._held_back.get(key, 0) + 1
                return
            self._next_at[key] = now + self.interval_seconds
            held_back = self._held_back.pop(key, 0)
        if held_back:
            message += " (%d more like this in the last %d s not logged)"
            args = (*args, held_back, int(self.interval_seconds))
        self.logger.log(level, message, *args)
