"""Readiness checks: can this instance reach what it needs to serve requests?"""

from __future__ import annotations

import secrets

from django.core.cache import cache
from django.db import connection

OK = "ok"


def check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            row = cursor.fetchone()
    except Exception as exc:
        return _error(exc)
    return OK if row and row[0] == 1 else "error: SELECT 1 returned an unexpected result"


def check_cache() -> str:
    """Write a random value and read it back; also catches caches that swallow their errors (django-redis)."""
    key = "health:ready:" + secrets.token_hex(8)
    value = secrets.token_hex(8)
    try:
        cache.set(key, value, timeout=10)
        read_back = cache.get(key)
        cache.delete(key)
    except Exception as exc:
        return _error(exc)
    return OK if read_back == value else "error: a value written to the cache could not be read back"


def readiness() -> dict[str, str]:
    return {"database": check_database(), "cache": check_cache()}


def _error(exc: Exception) -> str:
    return f"error: {type(exc).__name__}: {str(exc).strip()[:200]}"
