"""Running nginx/edge.conf, the production TLS edge, with Debian's Nginx in front of a running stack.

Rendered the way the official nginx image renders it. What differs from production, and why that is honest:
ports are free local ones instead of 80/443, the certificate is a throwaway self-signed one, and EDGE_UPSTREAM
is 127.0.0.1:<port> instead of `web:8080`. An IP literal needs no DNS, so the `resolver 127.0.0.11` line
(Docker's DNS) is parsed and checked by Nginx but never queried here.
"""

from __future__ import annotations

import contextlib
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

from tests.stack.stack_support import REPO, Response, free_port, stack_dir, tool

EDGE_TEMPLATE = REPO / "nginx" / "edge.conf"
# DOCKWRIGHT_ARCHIVE_MAX_BYTES's default (20 MiB) plus the 64 KiB multipart envelope the API allows.
ARCHIVE_MAX_BODY_SIZE = str(20 * 1024 * 1024 + 64 * 1024)


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
        # What start.sh derives for the app's Nginx from the default DOCKWRIGHT_ARCHIVE_MAX_BYTES, as compose sets it.
        "EDGE_ARCHIVE_MAX_BODY_SIZE": ARCHIVE_MAX_BODY_SIZE,
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


@contextlib.contextmanager
def running_edge_for(upstream_port: int) -> Iterator[Edge]:
    """The edge in front of the app's Nginx on ``upstream_port``, until the block ends."""
    nginx = tool("nginx", "/usr/sbin/nginx")
    base = stack_dir()
    edge = render_edge(base, upstream=f"127.0.0.1:{upstream_port}")
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


def https_request(
    edge: Edge, method: str, path: str, *, body: bytes | None = None, headers: dict[str, str] | None = None
) -> Response:
    """One HTTPS request to the edge, by the name its certificate carries, nothing done behind our back."""
    context = ssl.create_default_context(cafile=str(edge.certificate))
    connection = http.client.HTTPSConnection("localhost", edge.https_port, context=context, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return Response(response.status, response.headers, response.read())
    finally:
        connection.close()
