"""nginx/edge.conf, the production TLS edge, rendered the way the official nginx image renders it and run with
Debian's Nginx in front of the real app stack.

What differs from production, and why that is honest: ports are free local ones instead of 80/443, the
certificate is a throwaway self-signed one, and EDGE_UPSTREAM is 127.0.0.1:<port> instead of `web:8080`.
An IP literal needs no DNS, so the `resolver 127.0.0.11` line (Docker's DNS) is parsed and checked by Nginx but
never queried here; the re-resolution of `web` as replicas change is the one thing these tests cannot show.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import ssl
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.stack.stack_support import REPO, Stack, free_port, stack_dir, tool

pytestmark = pytest.mark.stack

EDGE_TEMPLATE = REPO / "nginx" / "edge.conf"


@dataclass
class Edge:
    config: Path
    http_port: int
    https_port: int
    certificate: Path


def render_edge(base: Path, *, upstream: str) -> Edge:
    """envsubst over the EDGE_* variables only, as the nginx image's 20-envsubst-on-templates.sh does with
    NGINX_ENVSUBST_FILTER=^EDGE_; plus a self-signed certificate from openssl."""
    envsubst = tool("envsubst")
    openssl = tool("openssl")
    ssl_dir = base / "ssl"
    ssl_dir.mkdir(parents=True)
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
         "-keyout", str(ssl_dir / "privkey.pem"), "-out", str(ssl_dir / "fullchain.pem")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    http_port, https_port = free_port(), free_port()
    variables = {
        "EDGE_HTTP_PORT": str(http_port),
        "EDGE_HTTPS_PORT": str(https_port),
        "EDGE_UPSTREAM": upstream,
        "EDGE_RESOLVER": "127.0.0.11",
        "EDGE_SSL_DIR": str(ssl_dir),
        "EDGE_SNIPPETS_DIR": str(REPO / "nginx" / "snippets"),
        "EDGE_RUN_DIR": str(base / "run"),
    }
    template = EDGE_TEMPLATE.read_text()
    used = set(re.findall(r"\$\{(EDGE_[A-Z_]+)\}", template))
    assert used == set(variables), f"edge.conf uses {sorted(used)}; docker-compose.prod.yml must set each"
    (base / "run").mkdir()
    rendered = subprocess.run(
        [envsubst, " ".join(f"${{{name}}}" for name in variables)],
        input=template, env={**os.environ, **variables}, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    config = base / "edge.conf"
    config.write_text(rendered)
    return Edge(config, http_port, https_port, ssl_dir / "fullchain.pem")


def test_compose_sets_every_variable_the_edge_template_uses() -> None:
    compose = (REPO / "docker-compose.prod.yml").read_text()
    for name in set(re.findall(r"\$\{(EDGE_[A-Z_]+)\}", EDGE_TEMPLATE.read_text())):
        assert re.search(rf"^\s+{name}: ", compose, re.MULTILINE), name


def test_the_edge_config_passes_nginx_t(tmp_path: Path) -> None:
    nginx = tool("nginx", "/usr/sbin/nginx")
    edge = render_edge(tmp_path, upstream="web:8080")
    result = subprocess.run([nginx, "-t", "-e", "stderr", "-c", str(edge.config)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


@pytest.fixture
def running_edge(stack: Stack) -> Iterator[Edge]:
    nginx = tool("nginx", "/usr/sbin/nginx")
    base = stack_dir()
    edge = render_edge(base, upstream=f"127.0.0.1:{stack.port}")
    process = subprocess.Popen(
        [nginx, "-e", "stderr", "-c", str(edge.config), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and process.poll() is None:
            try:
                ssl.get_server_certificate(("127.0.0.1", edge.https_port), timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        yield edge
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(base, ignore_errors=True)


def https(edge: Edge, path: str) -> tuple[int, dict[str, list[str]], bytes]:
    context = ssl.create_default_context(cafile=str(edge.certificate))
    connection = http.client.HTTPSConnection("localhost", edge.https_port, context=context, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        headers: dict[str, list[str]] = {}
        for name, value in response.getheaders():
            headers.setdefault(name.lower(), []).append(value)
        return response.status, headers, response.read()
    finally:
        connection.close()


def test_plain_http_is_redirected_to_https(running_edge: Edge) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", running_edge.http_port, timeout=10)
    connection.request("GET", "/rules?target=compose", headers={"Host": "dockwright.example.com"})
    response = connection.getresponse()
    assert response.status == 308
    assert response.getheader("Location") == "https://dockwright.example.com/rules?target=compose"


def test_https_reaches_the_app_with_one_hsts_header(running_edge: Edge) -> None:
    status, headers, body = https(running_edge, "/api/v1/info")
    # Django answers 200, not a redirect: the edge told it the request was HTTPS, and the app's Nginx trusted
    # that because the edge is a local address.
    assert status == 200, body
    assert headers["strict-transport-security"] == ["max-age=63072000; includeSubDomains"]
    assert len(headers["content-security-policy"]) == 1

    status, headers, body = https(running_edge, "/a/some-analysis")
    assert status == 200
    assert headers["cache-control"] == ["no-cache"]
    assert headers["strict-transport-security"] == ["max-age=63072000; includeSubDomains"]


def test_the_edge_refuses_oversized_bodies_itself(running_edge: Edge) -> None:
    context = ssl.create_default_context(cafile=str(running_edge.certificate))
    connection = http.client.HTTPSConnection("localhost", running_edge.https_port, context=context, timeout=30)
    connection.request("POST", "/api/v1/analyses", body=b"x" * 2_000_000, headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    assert response.status == 413
    assert "request body too large" not in response.read().decode(errors="replace")
