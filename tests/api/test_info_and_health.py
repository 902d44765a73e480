"""GET /api/v1/info, /health (liveness) and /health/ready (readiness: database and cache, by name only)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import OperationalError

import dockwright
from dockwright.lint import RULESET_VERSION


@pytest.mark.django_db
def test_info_names_the_service_version_environment_and_ruleset(api_client):
    body = api_client.get("/api/v1/info").json()

    assert body["service"] == "dockwright"
    assert body["version"] == dockwright.__version__
    assert body["environment"] == "test"
    assert body["ruleset_version"] == RULESET_VERSION
    server_time = dt.datetime.fromisoformat(body["server_time"].replace("Z", "+00:00"))
    assert abs(server_time - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)


def test_liveness_is_ok_without_touching_the_database(client):
    response = client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readiness_is_ok_when_database_and_cache_work(client):
    response = client.get("/health/ready")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}, "failed": []}


@pytest.mark.django_db
def test_readiness_is_503_naming_the_database_when_it_fails(client, monkeypatch):
    class UnreachableDatabase:
        def cursor(self):
            raise OperationalError("connection refused")

    monkeypatch.setattr("core.health.connection", UnreachableDatabase())

    response = client.get("/health/ready")

    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "unavailable", "cache": "ok"},
        "failed": ["database"],
    }


@pytest.mark.django_db
def test_readiness_is_503_naming_the_cache_when_redis_is_unreachable(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        },
    }

    response = client.get("/health/ready")

    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "unavailable"}


@pytest.mark.django_db
def test_readiness_is_503_naming_the_cache_when_the_cache_backend_raises(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": False, "SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        },
    }

    response = client.get("/health/ready")

    assert response.status_code == 503
    assert response.json()["failed"] == ["cache"]
