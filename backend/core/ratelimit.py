"""Per-client rate limit for anonymous requests that run the engine: a fixed one-minute window counted in the
``ratelimit`` cache (server/caches.py says why it has an alias of its own).

A cache outage must not take the API down, so every cache failure lets the request through (fail open);
the limit protects capacity, not data.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.conf import settings
from django.core.cache import caches
from rest_framework.throttling import BaseThrottle

from core.log_throttle import ThrottledLogger

throttled = ThrottledLogger(logging.getLogger(__name__))

WINDOW_SECONDS = 60


class AnonymousAnalysisRateThrottle(BaseThrottle):
    """At most DOCKWRIGHT_RATE_LIMIT requests per client address and minute, counted together over every
    endpoint that can run the engine (creating an analysis, its fixed content); signed-in users are exempt."""

    # The clock is an attribute so a test can stand still at one point of a window.
    clock = staticmethod(time.time)

    def __init__(self) -> None:
        self.retry_after = 0

    def allow_request(self, request: Any, view: Any) -> bool:
        limit = settings.DOCKWRIGHT_RATE_LIMIT
        if limit <= 0 or (request.user and request.user.is_authenticated):
            return True
        now = self.clock()
        window = int(now // WINDOW_SECONDS)
        count = _count_hit(f"ratelimit:analyses:{self.get_ident(request)}:{window}")
        if count is None or count <= limit:
            return True
        self.retry_after = max(1, int((window + 1) * WINDOW_SECONDS - now + 0.999))
        return False

    def wait(self) -> float:
        return self.retry_after


def _count_hit(key: str) -> int | None:
    """Increment the window's counter; None when the cache could not count (the request is then allowed)."""
    counters = caches["ratelimit"]
    count: int | str | None
    try:
        counters.add(key, 0, timeout=WINDOW_SECONDS + 5)
        try:
            count = counters.incr(key)
        except ValueError:  # the key expired between add() and incr()
            counters.set(key, 1, timeout=WINDOW_SECONDS + 5)
            count = 1
    except Exception as error:  # a cache that raises its errors
        count = f"{type(error).__name__}: {error}"
    if isinstance(count, int):
        return count
    # django-redis answers None when it ignored an error; core.cache has logged that one already.
    throttled.warning("unavailable", "rate limit not applied: the rate-limit cache did not count (%s)", count)
    return None
