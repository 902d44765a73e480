"""Signing in through the shipped Nginx on a port other than 80/443, as the README's `docker run -p 8080:8080`
and an edge published on a custom port both do.

Django's CSRF check compares the browser's Origin (or, over HTTPS without Origin, its Referer) with the scheme
and Host it was given. Nginx must therefore pass the Host with its port: with `Host $host` the port was lost,
every sign-in was refused with 403, and the SPA blamed the user's cookies.
"""

from __future__ import annotations

import json
import secrets
import subprocess
from collections.abc import Iterator
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

import pytest

from tests.stack.edge_support import Edge, https_request
from tests.stack.stack_support import START_SH, Response, Stack, request, start_stack, tool

pytestmark = pytest.mark.stack

SESSION = "/api/v1/auth/session"
USERNAME = "proxy-sign-in"


@pytest.fixture(scope="module")
def password(stack: Stack) -> str:
    """A real account in the stack's database, made with the management command operators use."""
    secret = secrets.token_urlsafe(16)
    created = subprocess.run(
        ["bash", str(START_SH), "manage", "createsuperuser", "--noinput", "--username", USERNAME, "--email", ""],
        env={**stack.env, "DJANGO_SUPERUSER_PASSWORD": secret},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert created.returncode == 0, created.stderr
    return secret


@pytest.fixture(scope="module")
def plain_http_stack(
    stack_settings: dict[str, str], static_root: Path, stack_base: Path, password: str
) -> Iterator[Stack]:
    """The README's `docker run`: plain HTTP on port 8080-like, DJANGO_SECURE_SSL_REDIRECT=0."""
    running = start_stack(
        stack_base / "plain-http",
        settings=stack_settings,
        static_root=static_root,
        extra={"DJANGO_SECURE_SSL_REDIRECT": "0"},
    )
    yield running
    running.stop()


def csrf_token(response: Response) -> str:
    """The csrftoken cookie set by the SPA's first call, "who is signed in"."""
    assert response.status == 200, response.body
    cookies: SimpleCookie = SimpleCookie()
    for header in response.all("Set-Cookie"):
        cookies.load(header)
    assert "csrftoken" in cookies, response.all("Set-Cookie")
    return cookies["csrftoken"].value


def sign_in_request(token: str, password: str, headers: dict[str, str]) -> dict[str, Any]:
    """The SPA's sign-in POST: the cookie, its echo in X-CSRFToken, and what the browser adds (``headers``)."""
    return {
        "body": json.dumps({"username": USERNAME, "password": password}).encode(),
        "headers": {
            "Content-Type": "application/json",
            "Cookie": f"csrftoken={token}",
            "X-CSRFToken": token,
            **headers,
        },
    }


def sign_in(port: int, password: str, headers: dict[str, str]) -> Response:
    token = csrf_token(request(port, "GET", SESSION, headers=headers))
    return request(port, "POST", SESSION, **sign_in_request(token, password, headers))


def test_sign_in_over_plain_http_on_a_non_default_port_passes_the_origin_check(
    plain_http_stack: Stack, password: str
) -> None:
    origin = f"http://127.0.0.1:{plain_http_stack.port}"
    browser = {"Origin": origin, "Referer": f"{origin}/account"}

    # Past the CSRF check, a wrong password is refused by the sign-in itself (DRF answers 403 for it too, as
    # session authentication has no WWW-Authenticate challenge to send with a 401).
    wrong = sign_in(plain_http_stack.port, "not the password", browser)
    assert wrong.json() == {"message": "unknown username or wrong password", "details": None}
    right = sign_in(plain_http_stack.port, password, browser)
    assert right.status == 200, right.body
    assert right.json() == {"authenticated": True, "username": USERNAME}


def test_the_origin_check_still_refuses_another_site(plain_http_stack: Stack, password: str) -> None:
    forged = sign_in(plain_http_stack.port, password, {"Origin": "http://127.0.0.1:1"})
    assert forged.status == 403
    assert "CSRF" in forged.json()["message"]


def test_sign_in_over_https_on_a_non_default_port_passes_the_referer_check(stack: Stack, password: str) -> None:
    # An HTTPS request without Origin (older browsers, some privacy settings) is checked by its Referer, which
    # must name this host and port. X-Forwarded-Proto is what a TLS edge in front of this Nginx sends.
    browser = {"X-Forwarded-Proto": "https", "Referer": f"https://127.0.0.1:{stack.port}/account"}
    response = sign_in(stack.port, password, browser)
    assert response.status == 200, response.body


def test_sign_in_through_the_tls_edge_on_a_non_default_port(running_edge: Edge, password: str) -> None:
    origin = f"https://localhost:{running_edge.https_port}"
    browser = {"Origin": origin, "Referer": f"{origin}/account"}
    token = csrf_token(https_request(running_edge, "GET", SESSION, headers=browser))
    response = https_request(running_edge, "POST", SESSION, **sign_in_request(token, password, browser))
    assert response.status == 200, response.body


def test_sign_in_through_the_tls_edge_over_http2(running_edge: Edge, password: str, tmp_path: Path) -> None:
    # Browsers speak HTTP/2 to the edge, where the host and port arrive as the :authority pseudo-header.
    curl = tool("curl")
    origin = f"https://localhost:{running_edge.https_port}"
    jar = tmp_path / "cookies.txt"
    common = [curl, "--silent", "--http2", "--cacert", str(running_edge.certificate), "--cookie-jar", str(jar)]
    common += ["--cookie", str(jar), "--header", f"Origin: {origin}", "--write-out", "\n%{http_version} %{http_code}"]
    first = subprocess.run([*common, origin + SESSION], capture_output=True, text=True, timeout=30, check=True)
    assert first.stdout.endswith("\n2 200"), first.stdout
    token = next(line.split("\t")[6] for line in jar.read_text().splitlines() if "\tcsrftoken\t" in line)
    credentials = json.dumps({"username": USERNAME, "password": password})
    signed_in = subprocess.run(
        [*common, "--header", f"X-CSRFToken: {token}", "--json", credentials, origin + SESSION],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    assert signed_in.stdout.endswith("\n2 200"), signed_in.stdout
