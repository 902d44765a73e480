"""Outages of Postgres and Redis: the database down or hung is a quick 503 with Retry-After in the error shape
(never a 500, never a worker held until gunicorn's timeout); a frozen or stopped Redis costs a request
milliseconds and writes one warning a minute, not a traceback a request; /health/ready names what failed and
shows no error text."""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.commands.migrate import Command as DjangoMigrateCommand
from django.db import connection
from rest_framework.test import APIClient

import analyses.apis
from server.caches import cache_settings
from tests.api.api_support import DOCKERFILE, assert_error_shape, manage
from tests.api.hardening_support import closed_port, silent_server

# Runs inside `manage.py shell` against the settings the environment gives, as a deployment would: each request
# through Django's test client, with its status, Retry-After, body and time.
PROBE = """
import json, os, time
from django.test import Client
client = Client(raise_request_exception=False)
client.cookies["sessionid"] = "a-session-that-needs-the-database"
results = []
requests = [
    ("get", "/health/ready", None),
    ("post", "/api/v1/analyses", {"content": "FROM python:3.13-slim\\n"}),
    ("get", "/api/v1/analyses/AAAAAAAAAAAAAAAAAAAAAA", None),
    ("get", "/api/v1/analyses", None),
    ("post", "/api/v1/auth/session", {"username": "ada", "password": "a-long-password"}),
    ("get", "/admin/", None),
]
for method, path, body in requests[: int(os.environ.get("PROBE_REQUESTS", len(requests)))]:
    started = time.monotonic()
    if method == "post":
        response = client.post(path, data=json.dumps(body), content_type="application/json")
    else:
        response = client.get(path)
    results.append({
        "path": path,
        "status": response.status_code,
        "retry_after": response.get("Retry-After"),
        "body": response.json() if response["Content-Type"].startswith("application/json") else None,
        "seconds": time.monotonic() - started,
    })
print("RESULTS " + json.dumps(results))
"""


def probe(tmp_path: Path, **env: str) -> tuple[list[dict[str, Any]], str]:
    result = manage(
        "shell", "--no-imports", "-c", PROBE, env={"DJANGO_ENV": "test", "REDIS_URL": "", **env}, tmp_path=tmp_path
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("RESULTS ")]
    assert lines, result.stderr[-3000:]
    return json.loads(lines[0].removeprefix("RESULTS ")), result.stderr


def assert_database_unavailable(results: list[dict[str, Any]]) -> None:
    for result in results:
        if result["path"] == "/health/ready":
            assert result["status"] == 503, result
            assert result["body"]["failed"] == ["database"], result
            assert "127.0.0.1" not in json.dumps(result["body"]), "readiness must not show the error text"
            continue
        assert result["status"] == 503, result
        assert int(result["retry_after"]) >= 1, result
        assert set(result["body"]) == {"message", "details"}, result
        assert "database" in result["body"]["message"]


def test_with_the_database_down_every_endpoint_answers_503_with_retry_after_quickly(tmp_path):
    results, log = probe(tmp_path, DATABASE_URL=f"postgres://nobody@127.0.0.1:{closed_port()}/none")

    assert_database_unavailable(results)
    assert max(result["seconds"] for result in results) < 2
    assert "Traceback" not in log
    assert log.count("database unavailable") == 1, log[-3000:]


def test_a_hung_database_costs_a_request_the_connect_timeout_not_gunicorns(tmp_path):
    with silent_server() as port:
        results, _ = probe(
            tmp_path,
            DATABASE_URL=f"postgres://nobody@127.0.0.1:{port}/none",
            DOCKWRIGHT_DB_CONNECT_TIMEOUT="2",
            PROBE_REQUESTS="2",
        )

    assert_database_unavailable(results)
    assert max(result["seconds"] for result in results) < 5


SHOW_DATABASE_OPTIONS = ("shell", "--no-imports", "-c", "from django.conf import settings; import json; "
                         "print(json.dumps(settings.DATABASES['default']['OPTIONS']))")  # fmt: skip


@pytest.mark.parametrize(
    ("env", "statement_timeout_ms", "connect_timeout"),
    [
        ({}, 25000, 3),
        ({"GUNICORN_TIMEOUT": "20"}, 15000, 3),
        ({"GUNICORN_TIMEOUT": "3"}, 1000, 3),
        ({"DOCKWRIGHT_DB_STATEMENT_TIMEOUT": "7", "DOCKWRIGHT_DB_CONNECT_TIMEOUT": "5"}, 7000, 5),
    ],
)
def test_postgres_gets_a_connect_timeout_and_a_statement_timeout_below_gunicorns(
    tmp_path, env, statement_timeout_ms, connect_timeout
):
    env = {"DJANGO_ENV": "test", "DATABASE_URL": "postgres://nobody@127.0.0.1:5432/none", **env}
    result = manage(*SHOW_DATABASE_OPTIONS, env=env, tmp_path=tmp_path)

    options = json.loads(result.stdout.strip().splitlines()[-1])
    assert options["connect_timeout"] == connect_timeout
    assert options["options"] == f"-c statement_timeout={statement_timeout_ms}"


def test_statement_timeout_zero_switches_it_off(tmp_path):
    env = {"DJANGO_ENV": "test", "DATABASE_URL": "postgres://x@127.0.0.1/none", "DOCKWRIGHT_DB_STATEMENT_TIMEOUT": "0"}
    result = manage(*SHOW_DATABASE_OPTIONS, env=env, tmp_path=tmp_path)

    assert "options" not in json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.service
@pytest.mark.django_db
def test_the_statement_timeout_applies_to_real_postgres_connections(postgres_url, settings):
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        shown = cursor.fetchone()[0]

    milliseconds = int(settings.DATABASES["default"]["OPTIONS"]["options"].split("=")[1])
    assert shown == (f"{milliseconds // 1000}s" if milliseconds % 1000 == 0 else f"{milliseconds}ms")


@pytest.mark.service
@pytest.mark.django_db
def test_migrate_runs_without_the_statement_timeout_and_restores_it(postgres_url, monkeypatch):
    def statement_timeout() -> str:
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            return str(cursor.fetchone()[0])

    before = statement_timeout()
    during: list[str] = []
    monkeypatch.setattr(
        DjangoMigrateCommand, "handle", lambda self, *args, **options: during.append(statement_timeout())
    )

    call_command("migrate", verbosity=0)

    assert before != "0"
    assert during == ["0"]
    assert statement_timeout() == before


@pytest.mark.service
@pytest.mark.django_db
def test_a_query_over_the_statement_timeout_is_a_503(postgres_url, monkeypatch):
    def slow_selector(**kwargs: Any) -> None:
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = 100")
            cursor.execute("SELECT pg_sleep(5)")

    monkeypatch.setattr(analyses.apis, "analysis_get", slow_selector)
    started = time.monotonic()

    response = APIClient(raise_request_exception=False).get("/api/v1/analyses/AAAAAAAAAAAAAAAAAAAAAA")

    assert time.monotonic() - started < 2
    body = assert_error_shape(response, 503)
    assert int(response["Retry-After"]) >= 1
    assert "database" in body["message"]


@pytest.mark.django_db
def test_readiness_names_what_failed_without_error_text(client, monkeypatch):
    class UnreachableDatabase:
        def cursor(self) -> None:
            from django.db import OperationalError

            raise OperationalError('connection to server at "db.internal" (10.1.2.3), port 5432 failed')

    monkeypatch.setattr("core.health.connection", UnreachableDatabase())

    response = client.get("/health/ready")

    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "unavailable", "cache": "ok"},
        "failed": ["database"],
    }


def redis_caches(url: str) -> dict[str, Any]:
    """The production cache settings, pointed at ``url``."""
    return cache_settings(redis_url=url, ratelimit_redis_url="", timeout_seconds=0.1)


@pytest.fixture
def cache_log(caplog) -> Any:
    caplog.set_level(logging.INFO)
    return caplog


def assert_quiet(records: list[logging.LogRecord]) -> None:
    """No tracebacks, nothing from django-redis itself, and at most one warning per kind of trouble."""
    assert [r for r in records if r.exc_info] == []
    assert [r for r in records if r.name.startswith("django_redis")] == []
    warnings = [r.getMessage() for r in records if r.levelno >= logging.WARNING]
    assert len(warnings) <= 2, warnings


@pytest.mark.django_db
def test_a_frozen_redis_costs_a_request_milliseconds_and_logs_once(post_analysis, settings, cache_log):
    settings.DOCKWRIGHT_RATE_LIMIT = 5
    with silent_server() as port:
        settings.CACHES = redis_caches(f"redis://127.0.0.1:{port}/0")
        post_analysis({"content": DOCKERFILE})  # warms the engine; pays the one timeout
        started = time.monotonic()
        statuses = [post_analysis({"content": DOCKERFILE}).status_code for _ in range(20)]
        elapsed = time.monotonic() - started

    assert statuses == [201] * 20, "the rate limit fails open while its cache is away"
    assert elapsed < 3, f"20 analyses took {elapsed:.1f} s with Redis frozen"
    assert_quiet(cache_log.records)
    assert any("Redis" in r.getMessage() for r in cache_log.records if r.levelno == logging.WARNING)


@pytest.mark.django_db
def test_a_stopped_redis_logs_one_warning_not_a_traceback_per_request(post_analysis, client, settings, cache_log):
    settings.CACHES = redis_caches(f"redis://127.0.0.1:{closed_port()}/0")

    statuses = [post_analysis({"content": DOCKERFILE}).status_code for _ in range(30)]
    ready = client.get("/health/ready")

    assert statuses == [201] * 30
    assert ready.status_code == 503
    assert ready.json()["failed"] == ["cache"]
    assert_quiet(cache_log.records)


def test_redis_is_skipped_after_a_failure_and_tried_again_after_the_retry_interval(settings, monkeypatch):
    from django.core.cache import cache

    import core.cache

    now = [1000.0]
    monkeypatch.setattr(core.cache, "monotonic", lambda: now[0])
    port = closed_port()
    settings.CACHES = redis_caches(f"redis://127.0.0.1:{port}/0")
    assert cache.get("refused") is None

    with silent_server(port):  # Redis is "back", but frozen: only a real attempt pays the socket timeout
        started = time.monotonic()
        cache.get("skipped")
        skipped = time.monotonic() - started
        now[0] += settings.DOCKWRIGHT_CACHE_RETRY_SECONDS + 0.1
        started = time.monotonic()
        cache.get("tried")
        tried = time.monotonic() - started

    assert skipped < 0.02
    assert tried >= 0.09
