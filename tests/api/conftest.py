"""Fixtures for the HTTP API tests: clients, users and a helper that posts an analysis."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import caches
from rest_framework.test import APIClient

from core.versioned_responses import forget_rendered
from dockwright.rules import load_all, registry


@pytest.fixture(autouse=True)
def _empty_cache() -> Any:
    """Cached lint results and rate-limit counters (each in a cache of its own) must not leak from one test into
    the next."""
    for store in caches.all():
        store.clear()
    yield
    for store in caches.all():
        store.clear()


@pytest.fixture(autouse=True)
def _no_rendered_catalogue() -> Any:
    """Rendered catalogue answers are kept per process by version; each test's database starts at version 0."""
    forget_rendered()
    yield
    forget_rendered()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    """Real hashers take a good part of a second per user by design; tests only need passwords to match."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def user(django_user_model: Any) -> Any:
    return django_user_model.objects.create_user(username="ada", password="a-long-password-for-tests")


@pytest.fixture
def other_user(django_user_model: Any) -> Any:
    return django_user_model.objects.create_user(username="grace", password="a-long-password-for-tests")


@pytest.fixture
def signed_in_client(user: Any) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


@pytest.fixture
def post_analysis(api_client: APIClient) -> Callable[..., Any]:
    """POST /api/v1/analyses with a JSON body (a dict, or raw bytes/str sent as they are)."""

    def post(body: Any, *, client: APIClient | None = None, **extra: Any) -> Any:
        data = body if isinstance(body, (bytes, str)) else json.dumps(body)
        return (client or api_client).post("/api/v1/analyses", data=data, content_type="application/json", **extra)

    return post


@pytest.fixture
def latest_tag_rule_id() -> str:
    load_all()
    rule = registry.get("latest-tag")
    assert rule is not None, "the engine has no latest-tag rule"
    return rule.id
