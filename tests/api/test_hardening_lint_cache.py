"""Every request that runs the engine is rate limited and cached, under the effective config (site policy
included); a result that may differ next time (transient) is never cached; no cache value is over the size
limit; the rate limiter counts in a cache of its own."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from django.core.cache import cache, caches

import analyses.services
from catalog.models import RulePolicy
from core.ratelimit import AnonymousAnalysisRateThrottle
from tests.api.api_support import DOCKERFILE, assert_error_shape

pytestmark = pytest.mark.django_db

COMPOSE = """\
version: "3.8"
services:
  db:
    image: postgres:17.2
    ports:
      - 5432:5432
"""


class EngineSpy:
    """Counts the engine's runs; ``transient`` is what the results it returns say."""

    def __init__(self) -> None:
        self.runs = 0
        self.transient = False


@pytest.fixture
def engine(monkeypatch) -> EngineSpy:
    spy = EngineSpy()
    real_lint = analyses.services.lint

    def counting_lint(content: str, **kwargs: Any) -> Any:
        spy.runs += 1
        return dataclasses.replace(real_lint(content, **kwargs), transient=spy.transient)

    monkeypatch.setattr(analyses.services, "lint", counting_lint)
    return spy


@pytest.fixture
def still_clock(monkeypatch):
    monkeypatch.setattr(AnonymousAnalysisRateThrottle, "clock", staticmethod(lambda: 6_000_030.0))


def test_fixed_content_is_cached_a_second_request_runs_no_lint(post_analysis, api_client, engine):
    created = post_analysis({"content": COMPOSE, "filename": "compose.yaml"}).json()
    first = api_client.get(f"/api/v1/analyses/{created['id']}/fixed").json()
    runs_for_first = engine.runs

    second = api_client.get(f"/api/v1/analyses/{created['id']}/fixed").json()

    assert second == first
    assert first["fixes_applied"] >= 2
    assert engine.runs == runs_for_first, "the second /fixed ran the engine again"


def test_fixed_content_of_the_same_file_in_another_analysis_comes_from_the_cache(post_analysis, api_client, engine):
    one = post_analysis({"content": COMPOSE, "filename": "compose.yaml"}).json()
    api_client.get(f"/api/v1/analyses/{one['id']}/fixed")
    other = post_analysis({"content": COMPOSE, "filename": "compose.yaml"}).json()
    runs = engine.runs

    assert api_client.get(f"/api/v1/analyses/{other['id']}/fixed").status_code == 200
    assert engine.runs == runs


def test_fixed_content_follows_the_site_policy(post_analysis, api_client):
    RulePolicy.objects.create(rule_id="DC011", enabled=False)
    created = post_analysis({"content": COMPOSE, "filename": "compose.yaml"}).json()
    assert "DC011" not in {f["rule"] for f in created["findings"]}

    body = api_client.get(f"/api/v1/analyses/{created['id']}/fixed").json()

    assert body["content"].startswith('version: "3.8"\n'), "a rule the site switched off fixed the file"
    assert "127.0.0.1:5432:5432" in body["content"]


def test_fixed_content_follows_the_analysis_config(post_analysis, api_client):
    created = post_analysis({"content": COMPOSE, "filename": "compose.yaml", "config": {"ignore": ["DC011"]}}).json()

    body = api_client.get(f"/api/v1/analyses/{created['id']}/fixed").json()

    assert body["content"].startswith('version: "3.8"\n')


def test_fixed_content_is_rate_limited_with_the_analyses(post_analysis, api_client, settings, still_clock):
    settings.DOCKWRIGHT_RATE_LIMIT = 3
    created = post_analysis({"content": COMPOSE, "filename": "compose.yaml"}).json()

    statuses = [api_client.get(f"/api/v1/analyses/{created['id']}/fixed").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    refused = api_client.get(f"/api/v1/analyses/{created['id']}/fixed")
    assert_error_shape(refused, 429)
    assert refused["Retry-After"] == "30"


def test_signed_in_users_are_not_rate_limited_on_fixed_content(post_analysis, signed_in_client, settings, still_clock):
    settings.DOCKWRIGHT_RATE_LIMIT = 1
    created = post_analysis({"content": COMPOSE, "filename": "compose.yaml"}, client=signed_in_client).json()

    statuses = {signed_in_client.get(f"/api/v1/analyses/{created['id']}/fixed").status_code for _ in range(3)}

    assert statuses == {200}


def test_a_transient_result_is_shown_but_never_cached(post_analysis, engine):
    engine.transient = True

    first = post_analysis({"content": DOCKERFILE})
    second = post_analysis({"content": DOCKERFILE})

    assert (first.status_code, second.status_code) == (201, 201)
    assert engine.runs == 2, "a transient result was served from the cache"
    engine.transient = False
    post_analysis({"content": DOCKERFILE})
    post_analysis({"content": DOCKERFILE})
    assert engine.runs == 3, "a complete result must be cached"


def test_fixed_content_from_a_transient_lint_is_not_cached(post_analysis, api_client, engine):
    created = post_analysis({"content": COMPOSE, "filename": "compose.yaml"}).json()
    engine.transient = True
    cache.clear()

    api_client.get(f"/api/v1/analyses/{created['id']}/fixed")
    runs = engine.runs
    api_client.get(f"/api/v1/analyses/{created['id']}/fixed")

    assert engine.runs > runs, "fixed content built from a transient result was cached"


def test_an_outcome_over_the_cache_value_limit_is_not_cached(post_analysis, engine, settings):
    settings.DOCKWRIGHT_CACHE_MAX_VALUE_BYTES = 200

    post_analysis({"content": DOCKERFILE})
    post_analysis({"content": DOCKERFILE})

    assert engine.runs == 2


@pytest.mark.parametrize("alias", ["default", "ratelimit"])
def test_no_cache_stores_a_value_over_the_limit(settings, alias):
    settings.DOCKWRIGHT_CACHE_MAX_VALUE_BYTES = 4096
    store = caches[alias]

    store.set("small", "x" * 1000, timeout=30)
    store.set("large", "x" * 5000, timeout=30)
    added = store.add("large-added", "x" * 5000, timeout=30)
    store.set_many({"large-many": "x" * 5000, "small-many": "y"}, timeout=30)

    assert store.get("small") == "x" * 1000
    assert store.get("large") is None
    assert (added, store.get("large-added")) == (False, None)
    assert store.get_many(["large-many", "small-many"]) == {"small-many": "y"}


def test_the_default_limit_keeps_a_typical_outcome_and_refuses_a_huge_one(settings):
    def outcome(findings: int, message_length: int) -> dict[str, Any]:
        found = [{"rule": "DF007", "line": n, "message": f"{n}".ljust(message_length, "m")} for n in range(findings)]
        return {"kind": "dockerfile", "findings": found, "counts": {}}

    typical, huge = outcome(40, 100), outcome(1000, 1000)

    cache.set("typical", typical, timeout=30)
    cache.set("huge", huge, timeout=30)

    assert 64 * 1024 <= settings.DOCKWRIGHT_CACHE_MAX_VALUE_BYTES <= 1024 * 1024
    assert cache.get("typical") == typical
    assert cache.get("huge") is None


@pytest.mark.parametrize(
    ("default_backend", "ratelimit_backend", "limited"),
    [
        ("django.core.cache.backends.dummy.DummyCache", "django.core.cache.backends.locmem.LocMemCache", True),
        ("django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache", False),
    ],
    ids=["lint-cache-gone", "ratelimit-cache-gone"],
)
def test_rate_limit_counters_live_in_their_own_cache(
    post_analysis, settings, still_clock, default_backend, ratelimit_backend, limited
):
    """A cache that keeps nothing (DummyCache) in place of one alias shows which one the limiter counts in."""
    settings.DOCKWRIGHT_RATE_LIMIT = 1
    settings.CACHES = {
        "default": {"BACKEND": default_backend, "LOCATION": "lint"},
        "ratelimit": {"BACKEND": ratelimit_backend, "LOCATION": "counters"},
    }

    statuses = [post_analysis({"content": DOCKERFILE}).status_code for _ in range(2)]

    assert statuses == ([201, 429] if limited else [201, 201])
