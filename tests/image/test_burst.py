"""The burst client's verdicts: complete 2xx = ok, refused connection = refused, anything else = dropped."""

from __future__ import annotations

import argparse
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import ModuleType

import pytest


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/cut":
            # Promise more body than is sent, then hang up: a request cut off mid-response.
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            self.wfile.write(b"short")
            return
        status = 200 if self.path == "/ok" else 500
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def run(burst: ModuleType, url: str) -> dict:
    args = argparse.Namespace(
        url=url, post_json=None, header=[], concurrency=2, duration=0.3, refused_grace=0.2, timeout=5.0, insecure=False
    )
    return burst.Burst(args).run()


def test_complete_2xx_responses_are_ok(burst: ModuleType, server: str) -> None:
    result = run(burst, f"{server}/ok")
    assert result["ok"] > 0
    assert (result["dropped"], result["refused"]) == (0, 0)


def test_an_error_status_is_a_drop(burst: ModuleType, server: str) -> None:
    result = run(burst, f"{server}/fail")
    assert result["ok"] == 0
    assert result["dropped"] > 0
    assert "HTTP 500" in result["drops"][0]


def test_a_cut_off_body_is_a_drop(burst: ModuleType, server: str) -> None:
    result = run(burst, f"{server}/cut")
    assert result["ok"] == 0
    assert result["dropped"] > 0


def test_nobody_listening_is_refused_not_dropped(burst: ModuleType) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run(burst, f"http://127.0.0.1:{port}/")
    assert result["refused"] > 0
    assert result["dropped"] == 0
    assert result["first_refusal"] is not None
