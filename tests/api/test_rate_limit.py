"""Anonymous analyses are rate limited per client address through the rate-limit cache; the limit fails open."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from core.ratelimit import AnonymousAnalysisRateThrottle
from tests.api.api_support import DOCKERFILE, assert_error_shape

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(monkeypatch):
    """A clock standing 30 seconds into a one-minute window; tests move it by assigning ``clock.now``."""

    class Clock:
        now = 6_000_030.0

    monkeypatch.setattr(AnonymousAnalysisRateThrottle, "clock", staticmethod(lambda: Clock.now))
    return Clock


def test_anonymous_analyses_over_the_limit_get_429_with_retry_after(post_analysis, settings, clock):
    settings.DOCKWRIGHT_RATE_LIMIT = 3

    statuses = [post_analysis({"content": DOCKERFILE}).status_code for _ in range(3)]
    refused = post_analysis({"content": DOCKERFILE})

    assert statuses == [201, 201, 201]
    body = assert_error_shape(refused, 429)
    assert refused["Retry-After"] == "30"
    assert body["details"] == {"retry_after": 30}


def test_rate_limit_counts_each_client_address_separately(post_analysis, settings, clock):
    settings.DOCKWRIGHT_RATE_LIMIT = 1

    first = post_analysis({"content": DOCKERFILE}, REMOTE_ADDR="192.0.2.1")
    second = post_analysis({"content": DOCKERFILE}, REMOTE_ADDR="192.0.2.2")
    again = post_analysis({"content": DOCKERFILE}, REMOTE_ADDR="192.0.2.1")

    assert (first.status_code, second.status_code, again.status_code) == (201, 201, 429)


def test_rate_limit_starts_afresh_in_the_next_minute(post_analysis, settings, clock):
    settings.DOCKWRIGHT_RATE_LIMIT = 1
    post_analysis({"content": DOCKERFILE})
    assert post_analysis({"content": DOCKERFILE}).status_code == 429

    clock.now += 60

    assert post_analysis({"content": DOCKERFILE}).status_code == 201


def test_signed_in_users_are_not_rate_limited(post_analysis, signed_in_client, settings, clock):
    settings.DOCKWRIGHT_RATE_LIMIT = 1

    statuses = {post_analysis({"content": DOCKERFILE}, client=signed_in_client).status_code for _ in range(3)}

    assert statuses == {201}


def test_rate_limit_and_lint_cache_fail_open_when_the_cache_is_down(post_analysis, settings, clock):
    settings.DOCKWRIGHT_RATE_LIMIT = 1
    unreachable = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
    }
    settings.CACHES = {"default": unreachable, "ratelimit": unreachable}

    statuses = [post_analysis({"content": DOCKERFILE}).status_code for _ in range(3)]

    assert statuses == [201, 201, 201]


def test_rate_limit_fails_open_when_the_cache_raises(settings, clock):
    settings.DOCKWRIGHT_RATE_LIMIT = 1
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": False, "SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        },
    }
    request = Request(APIRequestFactory().post("/api/v1/analyses"))
    request.user = AnonymousUser()
    throttle = AnonymousAnalysisRateThrottle()

    assert [throttle.allow_request(request, None) for _ in range(3)] == [True, True, True]


def test_behind_a_proxy_the_client_address_comes_from_x_forwarded_for(post_analysis, settings, clock):
    settings.DOCKWRIGHT_RATE_LIMIT = 1
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    via_proxy = {"REMOTE_ADDR": "127.0.0.1"}

    first = post_analysis({"content": DOCKERFILE}, HTTP_X_FORWARDED_FOR="198.51.100.7", **via_proxy)
    other = post_analysis({"content": DOCKERFILE}, HTTP_X_FORWARDED_FOR="198.51.100.8", **via_proxy)
    spoofed = post_analysis({"content": DOCKERFILE}, HTTP_X_FORWARDED_FOR="10.0.0.1, 198.51.100.7", **via_proxy)

    assert (first.status_code, other.status_code) == (201, 201)
    assert spoofed.status_code == 429, "an address the client prepends must not reset its limit"
