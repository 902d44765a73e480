"""Readiness checks: can this instance reach what it needs to serve requests?

The probe is public, so it answers only which check failed; why is logged (once a minute), since error texts
name hosts and ports.
"""

from __future__ import annotations

import logging
import secrets

from django.core.cache import cache
from django.db import connection

from core.log_throttle import ThrottledLogger

throttled = ThrottledLogger(logging.getLogger(__name__))


def check_database() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            row = cursor.fetchone()
    except Exception as error:
        return _failed("database", error)
    return bool(row and row[0] == 1) or _failed("database", "SELECT 1 returned an unexpected result")


def check_cache() -> bool:
    """Write a random value and read it back; also catches caches that swallow their errors (django-redis)."""
    key = "health:ready:" + secrets.token_hex(8)
    value = secrets.token_hex(8)
    try:
        cache.set(key, value, timeout=10)
        read_back = cache.get(key)
        cache.delete(key)
    except Exception as error:
        return _failed("cache", error)
    return read_back == value or _failed("cache", "a value written to the cache could not be read back")


def readiness() -> dict[str, bool]:
    return {"database": check_database(), "cache": check_cache()}


def _failed(check: str, why: Exception | str) -> bool:
    reason = f"{type(why).__name__}: {why}" if isinstance(why, Exception) else why
    throttled.warning(check, "readiness check %s failed: %s", check, reason)
    return False
