"""nginx/edge.conf, the production TLS edge, in front of the real app stack (see edge_support.py for how it is
rendered and run, and what differs from production). The re-resolution of `web` as replicas change is the one
thing these tests cannot show: the upstream is an IP literal here.
"""

from __future__ import annotations

import http.client
import re
import subprocess
from pathlib import Path

import pytest

from tests.stack.edge_support import EDGE_TEMPLATE, Edge, https_request, render_edge
from tests.stack.stack_support import REPO, Stack, tool

pytestmark = pytest.mark.stack


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


def test_plain_http_is_redirected_to_https(running_edge: Edge) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", running_edge.http_port, timeout=10)
    connection.request("GET", "/rules?target=compose", headers={"Host": "dockwright.example.com"})
    response = connection.getresponse()
    assert response.status == 308
    assert response.getheader("Location") == "https://dockwright.example.com/rules?target=compose"


def test_https_reaches_the_app_with_one_hsts_header(running_edge: Edge) -> None:
    api = https_request(running_edge, "GET", "/api/v1/info")
    # Django answers 200, not a redirect: the edge told it the request was HTTPS, and the app's Nginx trusted
    # that because the edge is a local address.
    assert api.status == 200, api.body
    assert api.all("Strict-Transport-Security") == ["max-age=63072000; includeSubDomains"]
    assert len(api.all("Content-Security-Policy")) == 1

    spa = https_request(running_edge, "GET", "/a/some-analysis")
    assert spa.status == 200
    assert spa.all("Cache-Control") == ["no-cache"]
    assert spa.all("Strict-Transport-Security") == ["max-age=63072000; includeSubDomains"]


def test_the_edge_refuses_oversized_bodies_itself(running_edge: Edge, stack: Stack) -> None:
    response = https_request(
        running_edge,
        "POST",
        "/api/v1/analyses",
        body=b"x" * 2_000_000,
        headers={"Content-Type": "application/json", "X-Request-Id": "edge-413-probe"},
    )
    assert response.status == 413
    assert response.json() == {"message": "request body too large (limit 1m)", "details": None}
    # Refused at the edge: the app's Nginx never saw the request.
    assert not [entry for entry in stack.access_log() if entry["http.request.id"] == "edge-413-probe"]
