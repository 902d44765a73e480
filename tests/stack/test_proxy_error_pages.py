"""Every error a client can get from the stack is in the API's shape {"message": ..., "details": ...}: Nginx's own
refusals (nginx/snippets/json-errors.conf), gunicorn's own refusals (docker/gunicorn.conf.py) and Django's, which
must pass through Nginx untouched. Before, Nginx and gunicorn answered these with HTML pages."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.stack.edge_support import Edge, https_request
from tests.stack.stack_support import Response, Stack, post_json, raw_request, request, start_stack

pytestmark = pytest.mark.stack

# What the edge proxy adds to every request; without it Django (production settings) redirects to HTTPS.
HEADERS = b"Host: 127.0.0.1\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n"


def get(path: bytes, headers: bytes = b"", method: bytes = b"GET") -> bytes:
    return method + b" " + path + b" HTTP/1.1\r\n" + HEADERS + headers + b"\r\n"


def assert_json_error(response: Response, status: int, message: str | None = None) -> None:
    assert response.status == status, response.body
    assert response.header("Content-Type") == "application/json", response.body
    body = response.json()
    assert set(body) == {"message", "details"}, body
    if message is not None:
        assert body == {"message": message, "details": None}
    # Nginx's answers keep the security headers every response carries.
    assert response.header("X-Content-Type-Options") == "nosniff"
    assert response.header("X-Request-Id")


# Requests Nginx refuses itself, most of them while reading the request line or headers, before any location.
NGINX_REFUSALS = {
    "request line over Nginx's 8k buffer": (get(b"/api/v1/rules?q=" + b"a" * 9000), 414, "request URI too long"),
    "header line over Nginx's 8k buffer": (get(b"/api/v1/rules", b"X-Big: " + b"b" * 9000 + b"\r\n"), 431, None),
    "an encoded NUL in the path": (get(b"/api/v1/%00"), 400, "malformed request"),
    "an encoded NUL in an SPA path": (get(b"/a/%00"), 400, "malformed request"),
    "no Host header in HTTP/1.1": (b"GET /api/v1/rules HTTP/1.1\r\nConnection: close\r\n\r\n", 400, None),
    "TRACE": (get(b"/api/v1/rules", method=b"TRACE"), 405, "method not allowed"),
}


@pytest.mark.parametrize("name", NGINX_REFUSALS)
def test_nginx_answers_its_own_refusals_in_the_error_shape(stack: Stack, name: str) -> None:
    data, status, message = NGINX_REFUSALS[name]
    assert_json_error(raw_request(stack.port, data), status, message)


# Requests Nginx forwards and gunicorn (27) refuses before Django sees them. Header refusals ask /api/v1/info: Nginx
# may answer the rule catalogue from its cache without forwarding anything.
GUNICORN_REFUSALS = {
    "request line over gunicorn's limit_request_line (4094)": (get(b"/api/v1/rules?q=" + b"a" * 5000), 414),
    "more than gunicorn's limit_request_fields (100) headers": (
        get(b"/api/v1/info", b"".join(b"X-Header-%d: v\r\n" % n for n in range(120))),
        431,
    ),
    "a control character in a header value": (get(b"/api/v1/info", b"X-Note: a\x01b\r\n"), 400),
    "a raw non-ASCII byte in the path": (get("/api/v1/rules/é".encode()), 400),
    "two Content-Type headers": (
        b"POST /api/v1/analyses HTTP/1.1\r\n" + HEADERS
        + b"Content-Type: application/json\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\n{}",
        400,
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", GUNICORN_REFUSALS)
def test_gunicorn_answers_its_own_refusals_in_the_error_shape(stack: Stack, name: str) -> None:
    data, status = GUNICORN_REFUSALS[name]
    response = raw_request(stack.port, data)
    assert_json_error(response, status)
    assert response.json()["message"].startswith(("bad request: ", "uri too long: ", "request header fields"))


def test_a_refused_request_does_not_cost_a_gunicorn_worker(stack: Stack) -> None:
    # The access logger used to raise on gunicorn's own refusals, which killed the worker that logged it.
    before = stack.log().count("Booting worker")
    raw_request(stack.port, GUNICORN_REFUSALS["two Content-Type headers"][0])
    time.sleep(1)
    assert "AttributeError" not in stack.log()
    assert stack.log().count("Booting worker") == before


def test_a_client_scheme_header_nginx_does_not_set_is_ignored_not_refused(stack: Stack) -> None:
    response = raw_request(stack.port, get(b"/api/v1/info", b"X-Forwarded-Ssl: off\r\n"))
    assert response.status == 200, response.body


def test_djangos_own_error_bodies_pass_through_nginx_untouched(stack: Stack) -> None:
    invalid = post_json(stack.port, "/api/v1/analyses", {"content": "FROM scratch\n", "kind": "podfile"})
    assert invalid.status == 400
    assert invalid.json()["details"], invalid.body  # Django's details, not Nginx's `null`

    wrong_method = request(stack.port, "PUT", "/api/v1/rules", headers={"X-Forwarded-Proto": "https"})
    assert wrong_method.status == 405
    assert "PUT" in wrong_method.json()["message"]


def test_the_internal_error_locations_are_hidden_from_clients(stack: Stack) -> None:
    response = request(stack.port, "GET", "/_nginx-error/unavailable")
    assert response.status == 404


def test_the_edge_answers_its_own_refusals_in_the_error_shape(running_edge: Edge) -> None:
    response = https_request(running_edge, "GET", "/api/v1/rules?q=" + "a" * 9000)
    assert response.status == 414
    assert response.json() == {"message": "request URI too long", "details": None}
    assert response.header("Strict-Transport-Security")


@pytest.fixture
def stack_before_gunicorn_listens(
    stack: Stack, stack_settings: dict[str, str], static_root: Path, stack_base: Path
) -> Iterator[Stack]:
    """start.sh with a gunicorn that has not started listening yet: Nginx is up, its upstream refuses."""
    base = stack_base / "gunicorn-not-yet"
    base.mkdir()
    late_gunicorn = base / "late-gunicorn"
    late_gunicorn.write_text(f'#!/bin/sh\nwhile [ ! -e "{base}/go" ]; do sleep 0.1; done\nexec gunicorn "$@"\n')
    late_gunicorn.chmod(0o755)
    running = start_stack(
        base,
        settings=stack_settings,
        static_root=static_root,
        extra={"GUNICORN": str(late_gunicorn), "RUN_MIGRATIONS": "0"},
        wait_for_app=False,
    )
    yield running
    running.stop()


def test_while_gunicorn_is_down_nginx_answers_a_json_503_with_retry_after(
    stack_before_gunicorn_listens: Stack,
) -> None:
    for path in ("/api/v1/info", "/health/ready"):
        response = request(stack_before_gunicorn_listens.port, "GET", path, headers={"X-Forwarded-Proto": "https"})
        assert_json_error(response, 503, "the application is starting or overloaded, retry shortly")
        assert response.header("Retry-After") == "5"
        assert len(response.all("Content-Security-Policy")) == 1


@pytest.fixture
def stack_with_short_timeouts(stack_settings: dict[str, str], static_root: Path, stack_base: Path) -> Iterator[Stack]:
    """GUNICORN_TIMEOUT=2, so Nginx gives up on gunicorn after 7 s (start.sh adds 5)."""
    running = start_stack(
        stack_base / "short-timeouts",
        settings=stack_settings,
        static_root=static_root,
        extra={"GUNICORN_TIMEOUT": "2"},
    )
    yield running
    running.stop()


def gunicorn_pids(stack: Stack) -> list[int]:
    """The gunicorn arbiter and its workers: the processes of start.sh's session that run gunicorn."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if os.getsid(int(entry.name)) == stack.process.pid and b"gunicorn" in (entry / "cmdline").read_bytes():
                pids.append(int(entry.name))
        except (OSError, ProcessLookupError):
            continue
    return pids


def test_when_gunicorn_does_not_answer_nginx_answers_a_json_504(stack_with_short_timeouts: Stack) -> None:
    stalled = gunicorn_pids(stack_with_short_timeouts)
    assert len(stalled) >= 2, stalled
    for pid in stalled:
        os.kill(pid, signal.SIGSTOP)
    try:
        started = time.monotonic()
        response = request(
            stack_with_short_timeouts.port, "GET", "/api/v1/info", headers={"X-Forwarded-Proto": "https"}
        )
        waited = time.monotonic() - started
    finally:
        for pid in stalled:
            os.kill(pid, signal.SIGCONT)
    assert_json_error(response, 504, "the application did not answer in time")
    assert 6 < waited < 20
    assert response.header("Retry-After") is None
