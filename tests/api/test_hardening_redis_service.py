"""Against a real Redis (REDIS_URL): no value over the size limit ever reaches it, and REDIS_RATELIMIT_URL puts
the rate limiter's counters on a Redis of their own (here another database of the same server stands in for
another instance)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import redis
from django.core.cache import cache

from core.ratelimit import AnonymousAnalysisRateThrottle
from server.caches import cache_settings
from tests.api.api_support import DOCKERFILE, manage

pytestmark = [pytest.mark.service, pytest.mark.django_db]

COUNTERS_DB = 15


def with_db(url: str, db: int) -> str:
    return url.rsplit("/", 1)[0] + f"/{db}"


@pytest.fixture
def counters_redis(redis_url: str) -> Any:
    """The database standing in for the rate limiter's own instance, emptied before and after."""
    client = redis.Redis.from_url(with_db(redis_url, COUNTERS_DB))
    client.flushdb()
    yield client
    client.flushdb()


def test_a_value_over_the_limit_never_reaches_redis(redis_url, settings):
    settings.DOCKWRIGHT_CACHE_MAX_VALUE_BYTES = 64 * 1024
    server = redis.Redis.from_url(redis_url)

    cache.set("big", "x" * (65 * 1024), timeout=30)
    cache.set("fits", "x" * (60 * 1024), timeout=30)

    assert server.keys("dockwright:*:big") == []
    assert len(server.keys("dockwright:*:fits")) == 1


def test_an_outcome_over_the_limit_leaves_no_trace_in_redis(redis_url, post_analysis, settings):
    settings.DOCKWRIGHT_CACHE_MAX_VALUE_BYTES = 1024
    many_findings = "FROM python:latest\n" + "RUN apt-get install curl\n" * 50

    assert post_analysis({"content": many_findings}).status_code == 201

    server = redis.Redis.from_url(redis_url)
    assert all(server.strlen(key) <= 1024 for key in server.keys("dockwright:*")), "a value over the limit was stored"
    assert server.keys("dockwright:*:lint:*") == []


def test_rate_limit_counters_go_to_redis_ratelimit_url(redis_url, counters_redis, post_analysis, settings, monkeypatch):
    settings.CACHES = cache_settings(
        redis_url=redis_url, ratelimit_redis_url=with_db(redis_url, COUNTERS_DB), timeout_seconds=0.5
    )
    settings.DOCKWRIGHT_RATE_LIMIT = 1
    monkeypatch.setattr(AnonymousAnalysisRateThrottle, "clock", staticmethod(lambda: 6_000_030.0))

    statuses = [post_analysis({"content": DOCKERFILE}).status_code for _ in range(2)]

    assert statuses == [201, 429]
    assert len(counters_redis.keys("dockwright:*:ratelimit:*")) == 1
    assert redis.Redis.from_url(redis_url).keys("dockwright:*:ratelimit:*") == []


def test_settings_read_redis_ratelimit_url(tmp_path, redis_url):
    show = (
        "from django.conf import settings; import json; "
        "print(json.dumps({alias: c['LOCATION'] for alias, c in settings.CACHES.items()}))"
    )
    counters = with_db(redis_url, COUNTERS_DB)

    env = {"DJANGO_ENV": "test", "REDIS_URL": redis_url}

    own = manage("shell", "--no-imports", "-c", show, env={**env, "REDIS_RATELIMIT_URL": counters}, tmp_path=tmp_path)
    shared = manage("shell", "--no-imports", "-c", show, env={**env, "REDIS_RATELIMIT_URL": ""}, tmp_path=tmp_path)

    assert json.loads(own.stdout.splitlines()[-1]) == {"default": redis_url, "ratelimit": counters}
    assert json.loads(shared.stdout.splitlines()[-1]) == {"default": redis_url, "ratelimit": redis_url}
