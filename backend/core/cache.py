"""Cache backends with the limits the stock ones lack (server/caches.py configures them).

* No value larger than DOCKWRIGHT_CACHE_MAX_VALUE_BYTES is stored (after pickling, as the backend would store
  it): Redis runs with a memory limit and allkeys-lru, so one 67 MB value evicted every other key, the rate
  limiter's counters included. A refused value is simply not cached; the caller recomputes it next time.
* After Redis fails (refused, timed out), this process skips it for DOCKWRIGHT_CACHE_RETRY_SECONDS: each call
  then fails at once instead of waiting for the socket timeout, so a frozen Redis costs a request nothing
  rather than the timeout on every cache call. Errors become cache misses (IGNORE_EXCEPTIONS) and are logged
  once a minute, not as a traceback per call.
"""

from __future__ import annotations

import logging
import pickle
import threading
import weakref
from time import monotonic
from typing import Any

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache
from django_redis.client import DefaultClient
from redis import Redis
from redis.connection import ConnectionPool
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from core.log_throttle import ThrottledLogger

logger = logging.getLogger(__name__)
throttled = ThrottledLogger(logger)


class ValueTooLarge(ValueError):
    pass


def _refuse(size: int) -> None:
    throttled.info(
        "value-too-large",
        "a value of %d bytes was not cached: DOCKWRIGHT_CACHE_MAX_VALUE_BYTES is %d",
        size,
        settings.DOCKWRIGHT_CACHE_MAX_VALUE_BYTES,
    )


class BoundedLocMemCache(LocMemCache):
    """Per-process memory cache (no REDIS_URL) that refuses values over the size limit."""

    def add(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        if self._too_large(value):
            return False
        return bool(super().add(key, value, timeout, version))

    def set(self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> None:
        if self._too_large(value):
            self.delete(key, version=version)  # the key must not keep answering with an older value
            return
        super().set(key, value, timeout, version)

    def _too_large(self, value: Any) -> bool:
        size = len(pickle.dumps(value, self.pickle_protocol))
        if size <= settings.DOCKWRIGHT_CACHE_MAX_VALUE_BYTES:
            return False
        _refuse(size)
        return True


class BoundedRedisCache(RedisCache):
    """django-redis; its client (BoundedRedisClient) does the work. A class of its own so settings name it."""


class BoundedRedisClient(DefaultClient):
    """django-redis's client, refusing values whose encoded form is over the size limit (set, add, set_many)."""

    def encode(self, value: Any, *, allow_int: bool = True) -> bytes | int:
        encoded = super().encode(value, allow_int=allow_int)
        if isinstance(encoded, bytes) and len(encoded) > settings.DOCKWRIGHT_CACHE_MAX_VALUE_BYTES:
            raise ValueTooLarge(len(encoded))
        return encoded

    def set(
        self,
        key: Any,
        value: Any,
        timeout: Any = DEFAULT_TIMEOUT,
        version: int | None = None,
        client: Any = None,
        nx: bool = False,
        xx: bool = False,
    ) -> bool:
        try:
            return super().set(key, value, timeout, version=version, client=client, nx=nx, xx=xx)
        except ValueTooLarge as too_large:
            _refuse(too_large.args[0])
            if not nx:
                self.delete(key, version=version, client=client)
            return False


class _Breaker:
    """Whether this process should talk to one Redis now; shared by every client of its connection pool."""

    def __init__(self, address: str) -> None:
        self.address = address
        self.retry_at = float("-inf")
        self.failed = False

    def allows(self) -> bool:
        return monotonic() >= self.retry_at

    def record_failure(self, error: Exception) -> None:
        retry_seconds = settings.DOCKWRIGHT_CACHE_RETRY_SECONDS
        self.retry_at = monotonic() + retry_seconds
        self.failed = True
        throttled.warning(
            f"down:{self.address}",
            "Redis at %s is unavailable (%s: %s); requests go on without the cache, which is tried again every %d s",
            self.address,
            type(error).__name__,
            error,
            retry_seconds,
        )

    def record_success(self) -> None:
        if self.failed:
            self.failed = False
            throttled.info(f"up:{self.address}", "Redis at %s answers again", self.address)


_breakers: weakref.WeakKeyDictionary[ConnectionPool, _Breaker] = weakref.WeakKeyDictionary()
_breakers_lock = threading.Lock()


def _breaker_for(pool: ConnectionPool) -> _Breaker:
    with _breakers_lock:
        breaker = _breakers.get(pool)
        if breaker is None:
            breaker = _breakers[pool] = _Breaker(_address(pool))
        return breaker


def _address(pool: ConnectionPool) -> str:
    """host:port/db or the socket path; never the password."""
    options = pool.connection_kwargs
    where = options.get("path") or f"{options.get('host', '?')}:{options.get('port', 6379)}"
    return f"{where}/{options.get('db', 0)}"


class CircuitBreakingRedis(Redis):
    """redis-py's client, failing at once while its Redis failed less than DOCKWRIGHT_CACHE_RETRY_SECONDS ago.

    django-redis turns the ConnectionError into a cache miss, as it does for a real one."""

    def execute_command(self, *args: Any, **options: Any) -> Any:
        breaker = _breaker_for(self.connection_pool)
        if not breaker.allows():
            raise RedisConnectionError(f"Redis at {breaker.address} is skipped: it failed moments ago")
        try:
            result = super().execute_command(*args, **options)
        except (RedisConnectionError, RedisTimeoutError) as error:
            breaker.record_failure(error)
            raise
        breaker.record_success()
        return result
