"""The CACHES setting, built from values settings.py read from the environment (and by tests, for a Redis that
is down or hung).

Two aliases: ``default`` holds lint results and fixed content; ``ratelimit`` holds the rate limiter's counters.
Redis evicts by one policy and one memory limit per instance (the database number does not separate them), so
counters that share an instance with the lint cache share its allkeys-lru eviction. Two things keep them
there: no cache value is larger than DOCKWRIGHT_CACHE_MAX_VALUE_BYTES, so one write can never evict more than
that; and counters are touched on every request, so LRU takes old lint results first. REDIS_RATELIMIT_URL
moves the counters to an instance of their own, where nothing else competes for memory.
"""

from __future__ import annotations

from typing import Any

REDIS_BACKEND = "core.cache.BoundedRedisCache"
MEMORY_BACKEND = "core.cache.BoundedLocMemCache"


def cache_settings(*, redis_url: str, ratelimit_redis_url: str, timeout_seconds: float) -> dict[str, Any]:
    """Redis when ``redis_url`` is set (the counters on ``ratelimit_redis_url`` when that is), else per-process
    memory. ``timeout_seconds`` bounds connecting to Redis and waiting for each answer."""
    if not redis_url:
        return {
            "default": {"BACKEND": MEMORY_BACKEND, "LOCATION": "dockwright"},
            "ratelimit": {"BACKEND": MEMORY_BACKEND, "LOCATION": "dockwright-ratelimit"},
        }
    return {
        "default": _redis(redis_url, timeout_seconds),
        "ratelimit": _redis(ratelimit_redis_url or redis_url, timeout_seconds),
    }


def _redis(url: str, timeout_seconds: float) -> dict[str, Any]:
    return {
        "BACKEND": REDIS_BACKEND,
        "LOCATION": url,
        "KEY_PREFIX": "dockwright",
        "OPTIONS": {
            "CLIENT_CLASS": "core.cache.BoundedRedisClient",
            # After a failure the process skips Redis for a while instead of waiting for it on every call.
            "REDIS_CLIENT_CLASS": "core.cache.CircuitBreakingRedis",
            # A cache outage costs only the cache: errors become misses (core.cache logs them, throttled).
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": timeout_seconds,
            "SOCKET_TIMEOUT": timeout_seconds,
        },
    }
