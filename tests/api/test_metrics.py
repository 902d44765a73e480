"""/metrics exposes Prometheus metrics, also across worker processes (PROMETHEUS_MULTIPROC_DIR)."""

from __future__ import annotations

from tests.api.api_support import manage


def test_metrics_endpoint_exposes_request_metrics(client):
    client.get("/health")

    response = client.get("/metrics")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "django_http_requests_total_by_method_total" in response.content.decode()


def test_metrics_are_collected_from_every_process_in_multiprocess_mode(tmp_path):
    metrics_dir = tmp_path / "prometheus"
    metrics_dir.mkdir()
    env = {
        "DJANGO_SECRET_KEY": "a-secret-key-for-a-metrics-test-only-0123456789abcdef",
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir),
    }
    one_request = "from django.test import Client; Client().get('/health')"
    scrape = "from django.test import Client; print(Client().get('/metrics').content.decode())"

    # Two worker processes each serve a request; a third process scrapes.
    for _ in range(2):
        assert manage("shell", "--no-imports", "-c", one_request, env=env, tmp_path=tmp_path).returncode == 0
    result = manage("shell", "--no-imports", "-c", scrape, env=env, tmp_path=tmp_path)

    assert list(metrics_dir.glob("*.db")), "no per-process metric files were written"
    lines = [
        line for line in result.stdout.splitlines() if line.startswith("django_http_requests_total_by_method_total")
    ]
    assert any('method="GET"' in line and float(line.split()[-1]) >= 2 for line in lines), result.stdout[-2000:]
