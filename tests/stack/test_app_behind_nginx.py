"""The app as the image serves it: Debian's Nginx in front of gunicorn, both started by the real start.sh."""

from __future__ import annotations

import gzip
import json
import re
import time

import pytest

from tests.stack.stack_support import DOCKERFILE, Stack, post_json, request

pytestmark = pytest.mark.stack

# What the edge proxy adds to every request; Django (production settings) redirects plain HTTP otherwise.
VIA_TLS_EDGE = {"X-Forwarded-Proto": "https"}


def largest_script(stack: Stack) -> str:
    scripts = [path for path in (stack.spa_root / "assets").glob("*.js") if "stack-probe" not in path.name]
    assert scripts, "the SPA build has no JavaScript under assets/"
    return max(scripts, key=lambda path: path.stat().st_size).name


@pytest.mark.parametrize("path", ["/", "/a/Zm9vYmFyYmF6cXV4MTIzNDU", "/rules", "/rules/DF007", "/about"])
def test_spa_routes_get_index_html_which_browsers_must_revalidate(stack: Stack, path: str) -> None:
    response = request(stack.port, "GET", path)
    assert response.status == 200
    assert response.header("Content-Type") == "text/html"
    assert response.body == (stack.spa_root / "index.html").read_bytes()
    assert response.header("Cache-Control") == "no-cache"


def test_hashed_assets_are_cached_forever_and_gzipped(stack: Stack) -> None:
    name = largest_script(stack)
    response = request(stack.port, "GET", f"/assets/{name}", headers={"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.header("Cache-Control") == "public, max-age=31536000, immutable"
    assert response.header("Content-Encoding") == "gzip"
    assert "Accept-Encoding" in (response.header("Vary") or "")
    assert gzip.decompress(response.body) == (stack.spa_root / "assets" / name).read_bytes()


def test_precompressed_files_are_served_as_they_are_on_disk(stack: Stack) -> None:
    response = request(stack.port, "GET", "/assets/stack-probe-0123abcd.js", headers={"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.header("Content-Encoding") == "gzip"
    assert b"precompressed file" in gzip.decompress(response.body)

    plain = request(stack.port, "GET", "/assets/stack-probe-0123abcd.js")
    assert plain.header("Content-Encoding") is None
    assert b"plain file" in plain.body


def test_a_missing_asset_is_a_404_and_not_the_spa(stack: Stack) -> None:
    response = request(stack.port, "GET", "/assets/index-00000000.js")
    assert response.status == 404
    assert response.body != (stack.spa_root / "index.html").read_bytes()


def test_hidden_files_of_the_build_are_not_served(stack: Stack) -> None:
    response = request(stack.port, "GET", "/.vite/manifest.json")
    assert response.status == 404


def test_an_analysis_is_created_and_read_back_through_the_proxy(stack: Stack) -> None:
    created = post_json(
        stack.port,
        "/api/v1/analyses",
        {"content": DOCKERFILE, "kind": "dockerfile"},
        headers={"X-Request-Id": "stack-test-create-1"},
    )
    assert created.status == 201, created.body
    assert created.header("X-Request-Id") == "stack-test-create-1"
    analysis = created.json()
    assert analysis["kind"] == "dockerfile"

    read = request(stack.port, "GET", f"/api/v1/analyses/{analysis['id']}", headers=VIA_TLS_EDGE)
    assert read.status == 200
    assert read.json()["id"] == analysis["id"]
    assert read.json()["content"] == DOCKERFILE


def test_an_unknown_api_path_is_a_json_404_from_django_not_the_spa(stack: Stack) -> None:
    for path in ("/api/v1/no-such-endpoint", "/api/nothing", "/api"):
        response = request(stack.port, "GET", path, headers=VIA_TLS_EDGE)
        assert response.status == 404, path
        assert (response.header("Content-Type") or "").startswith("application/json"), path
        assert set(response.json()) == {"message", "details"}


def test_the_admin_login_page_and_its_static_files_come_through(stack: Stack) -> None:
    page = request(stack.port, "GET", "/admin/login/", headers=VIA_TLS_EDGE)
    assert page.status == 200
    stylesheets = re.findall(r'href="(/static/admin/css/[^"]+\.css)"', page.body.decode())
    assert stylesheets, page.body[:500]

    css = request(stack.port, "GET", stylesheets[0], headers={"Accept-Encoding": "gzip"})
    assert css.status == 200
    assert css.header("Content-Type") == "text/css"
    # collectstatic (production storage) names files by their hash: cacheable forever.
    assert re.search(r"\.[0-9a-f]{12}\.css$", stylesheets[0])
    assert css.header("Cache-Control") == "public, max-age=31536000, immutable"
    assert css.header("Content-Encoding") == "gzip"


def test_unhashed_static_files_are_cached_briefly(stack: Stack) -> None:
    response = request(stack.port, "GET", "/static/admin/css/base.css")
    assert response.status == 200
    assert response.header("Cache-Control") == "public, max-age=3600"


def test_liveness_and_readiness_answer_through_nginx(stack: Stack) -> None:
    live = request(stack.port, "GET", "/health")
    assert live.status == 200
    assert live.json() == {"status": "ok"}
    ready = request(stack.port, "GET", "/health/ready")
    assert ready.status == 200, ready.body
    assert ready.json()["checks"] == {"database": "ok", "cache": "ok"}


@pytest.mark.parametrize("path", ["/", "/assets/stack-probe-0123abcd.js", "/api/v1/rules", "/health", "/nope"])
def test_every_response_carries_the_security_headers_once(stack: Stack, path: str) -> None:
    response = request(stack.port, "GET", path, headers=VIA_TLS_EDGE)
    for name in (
        "Content-Security-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Permissions-Policy",
        "X-Frame-Options",
        "X-Request-Id",
    ):
        assert len(response.all(name)) == 1, f"{name} on {path}: {response.all(name)}"
    policy = response.header("Content-Security-Policy") or ""
    assert "frame-ancestors 'none'" in policy
    assert "script-src 'self'" in policy
    assert response.header("X-Content-Type-Options") == "nosniff"
    # No version in the Server header. Nginx here speaks plain HTTP and adds no HSTS (the edge does); Django
    # adds its own to responses of requests the edge marked as HTTPS.
    assert response.header("Server") == "nginx"
    if not path.startswith(("/api/", "/health")):
        assert response.header("Strict-Transport-Security") is None


def test_a_body_over_the_nginx_limit_is_refused_by_nginx_with_a_json_413(stack: Stack) -> None:
    response = post_json(stack.port, "/api/v1/analyses", {"content": "FROM scratch\n" + "#" * 2_000_000})
    assert response.status == 413
    assert response.json() == {"message": "request body too large (limit 1m)", "details": None}


def test_content_over_the_api_limit_but_under_nginx_limit_gets_djangos_413(stack: Stack) -> None:
    response = post_json(stack.port, "/api/v1/analyses", {"content": "FROM scratch\n" + "#" * 300_000})
    assert response.status == 413
    body = response.json()
    assert set(body) == {"message", "details"}
    assert body["message"] != "request body too large (limit 1m)"


def test_metrics_are_refused_on_the_public_port_and_served_on_the_internal_one(stack: Stack) -> None:
    for path in ("/metrics", "/metrics/", "/metrics/scans"):
        assert request(stack.port, "GET", path).status == 404
    internal = request(stack.metrics_port, "GET", "/metrics")
    assert internal.status == 200
    assert b"django_http_requests" in internal.body
    scans = request(stack.metrics_port, "GET", "/metrics/scans")
    assert scans.status == 200
    assert b'dockwright_scan_metrics_source_up{source="database"} 1.0' in scans.body
    assert b'dockwright_scan_metrics_source_up{source="broker"} 1.0' in scans.body
    for path in ("/api/v1/rules", "/metrics/other"):
        assert request(stack.metrics_port, "GET", path).status == 404


def test_only_a_trusted_proxy_header_makes_django_see_https(stack: Stack) -> None:
    plain = request(stack.port, "GET", "/api/v1/info")
    assert plain.status == 301
    assert (plain.header("Location") or "").startswith("https://")
    via_edge = request(stack.port, "GET", "/api/v1/info", headers=VIA_TLS_EDGE)
    assert via_edge.status == 200
    assert via_edge.json()["environment"] == "production"


def test_the_access_log_is_json_with_request_id_and_upstream_time(stack: Stack) -> None:
    # Not the rule catalogue: Nginx may answer that from its cache, without an upstream time.
    request(stack.port, "GET", "/api/v1/info", headers={**VIA_TLS_EDGE, "X-Request-Id": "stack-log-probe-42"})
    request(stack.port, "GET", "/", headers={"X-Request-Id": "bad id with spaces"})
    entries = stack.access_log()
    probe = [entry for entry in entries if entry["http.request.id"] == "stack-log-probe-42"]
    assert len(probe) == 1
    assert probe[0]["url.original"] == "/api/v1/info"
    assert probe[0]["http.response.status_code"] == 200
    assert float(probe[0]["upstream.response_time_s"]) >= 0
    # An id that does not look like one is replaced by Nginx's own 32-hex-digit id.
    spa = [entry for entry in entries if entry["url.original"] == "/" and entry["user_agent.original"] == ""]
    assert spa and all(re.fullmatch(r"[0-9a-f]{32}", entry["http.request.id"]) for entry in spa)


def test_django_logs_are_ecs_json_carrying_the_request_id(stack: Stack) -> None:
    request(stack.port, "GET", "/api/v1/nope", headers={**VIA_TLS_EDGE, "X-Request-Id": "stack-ecs-probe-7"})

    def loggers() -> set[str]:
        lines = [line for line in stack.log().splitlines() if "stack-ecs-probe-7" in line]
        records = [json.loads(line) for line in lines if line.startswith("{")]
        return {record.get("log.logger") or record.get("log", {}).get("logger") for record in records}

    # The workers write their lines after the response is sent: give them a moment.
    deadline = time.monotonic() + 10
    while not {"gunicorn.access", "django.request"} <= loggers() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert {"gunicorn.access", "django.request"} <= loggers()
