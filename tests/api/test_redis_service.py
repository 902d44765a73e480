"""Against a real Redis (REDIS_URL): the cache, the lint cache and the rate limit counters live there.

Runs when REDIS_URL is set, fails when CI=true and it is not (or when Redis is down), skips elsewhere.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache, caches
from django_redis import get_redis_connection
from django_redis.cache import RedisCache

from core.ratelimit import AnonymousAnalysisRateThrottle
from tests.api.api_support import DOCKERFILE

pytestmark = [pytest.mark.service, pytest.mark.django_db]


@pytest.mark.parametrize("alias", ["default", "ratelimit"])
def test_cache_is_redis_and_answers_ping(redis_url, alias):
    assert isinstance(caches[alias], RedisCache)
    # The raw client does not swallow errors as the cache does, so a Redis that is down fails here.
    assert get_redis_connection(alias).ping() is True


def test_lint_results_are_cached_in_redis(redis_url, post_analysis):
    redis = get_redis_connection("default")

    post_analysis({"content": DOCKERFILE})

    assert redis.keys("dockwright:*:lint:*"), "no lint result was stored in Redis"


def test_rate_limit_counts_in_redis(redis_url, post_analysis, settings, monkeypatch):
    settings.DOCKWRIGHT_RATE_LIMIT = 2
    monkeypatch.setattr(AnonymousAnalysisRateThrottle, "clock", staticmethod(lambda: 6_000_030.0))

    statuses = [post_analysis({"content": DOCKERFILE}).status_code for _ in range(3)]

    assert statuses == [201, 201, 429]
    [key] = get_redis_connection("ratelimit").keys("dockwright:*:ratelimit:*")
    assert int(get_redis_connection("ratelimit").get(key)) == 3


def test_cache_values_round_trip_through_redis(redis_url):
    cache.set("service-test", {"a": [1, 2]}, timeout=30)

    assert cache.get("service-test") == {"a": [1, 2]}


def test_readiness_checks_redis(redis_url, client):
    assert client.get("/health/ready").json()["checks"]["cache"] == "ok"
