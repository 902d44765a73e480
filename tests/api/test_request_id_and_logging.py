"""X-Request-Id is echoed (or generated) and carried into the logs, in ECS JSON when asked for."""

from __future__ import annotations

import json
import re

from tests.api.api_support import manage


def test_request_id_from_the_proxy_is_echoed(client):
    response = client.get("/health", HTTP_X_REQUEST_ID="edge-4f2a.17")

    assert response["X-Request-Id"] == "edge-4f2a.17"


def test_request_id_is_generated_when_absent(client):
    first = client.get("/health")["X-Request-Id"]
    second = client.get("/health")["X-Request-Id"]

    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert first != second


def test_request_id_that_is_unsafe_to_echo_is_replaced(client):
    response = client.get("/health", HTTP_X_REQUEST_ID="evil\r\nSet-Cookie: x=1")

    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-Id"])


def test_ecs_log_format_writes_json_lines_with_the_request_id(tmp_path):
    env = {
        "DJANGO_LOG_FORMAT": "ecs",
        "DJANGO_SECRET_KEY": "a-secret-key-for-a-logging-test-only-0123456789abcdef",
        "DJANGO_ALLOWED_HOSTS": "testserver",
    }
    request = "from django.test import Client; Client().get('/api/nothing-here', HTTP_X_REQUEST_ID='req-42')"

    result = manage("shell", "--no-imports", "-c", request, env=env, tmp_path=tmp_path)

    records = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    [not_found] = [r for r in records if r["message"] == "Not Found: /api/nothing-here"]
    assert not_found["log.level"] == "warning"
    assert not_found["http"]["request"]["id"] == "req-42"
    assert "@timestamp" in not_found and "ecs.version" in not_found
