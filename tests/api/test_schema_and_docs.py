"""The OpenAPI schema describes every API operation; the interactive docs work offline."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_openapi_schema_lists_every_api_operation(client):
    response = client.get("/api/v1/schema/", {"format": "json"})

    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    operations = {(path, method) for path, item in schema["paths"].items() for method in item}
    assert operations == {
        ("/api/v1/lint", "post"),
        ("/api/v1/analyses", "get"),
        ("/api/v1/analyses", "post"),
        ("/api/v1/analyses", "delete"),
        ("/api/v1/analyses/{analysis_id}", "get"),
        ("/api/v1/analyses/{analysis_id}", "delete"),
        ("/api/v1/analyses/{analysis_id}/fixed", "get"),
        ("/api/v1/rules", "get"),
        ("/api/v1/rules/{rule_id}", "get"),
        ("/api/v1/peer-gaps", "get"),
        ("/api/v1/info", "get"),
        ("/api/v1/auth/session", "get"),
        ("/api/v1/auth/session", "post"),
        ("/api/v1/auth/session", "delete"),
        ("/api/v1/auth/signup", "post"),
        ("/api/v1/projects", "get"),
        ("/api/v1/projects", "post"),
        ("/api/v1/projects/{slug}", "get"),
        ("/api/v1/projects/{slug}", "patch"),
        ("/api/v1/projects/{slug}", "delete"),
        ("/api/v1/projects/{slug}/policy", "get"),
        ("/api/v1/projects/{slug}/policy", "put"),
        ("/api/v1/projects/{slug}/members", "get"),
        ("/api/v1/projects/{slug}/members", "post"),
        ("/api/v1/projects/{slug}/members/{username}", "patch"),
        ("/api/v1/projects/{slug}/members/{username}", "delete"),
        ("/api/v1/projects/{slug}/invitations", "get"),
        ("/api/v1/projects/{slug}/invitations", "post"),
        ("/api/v1/projects/{slug}/invitations/{invitation_id}", "delete"),
        ("/api/v1/invitations", "post"),
        ("/api/v1/invitations/lookup", "post"),
        ("/api/v1/invitations/accept", "post"),
        ("/api/v1/projects/{slug}/scans", "get"),
        ("/api/v1/projects/{slug}/scans", "post"),
        ("/api/v1/projects/{slug}/scans/{scan_id}", "get"),
        ("/api/v1/projects/{slug}/scans/archive", "post"),
        ("/api/v1/projects/{slug}/lint", "post"),
        ("/api/v1/projects/{slug}/scans/{scan_id}/files/{file_id}", "get"),
        ("/api/v1/projects/{slug}/overview", "get"),
        ("/api/v1/projects/{slug}/badge.svg", "get"),
        ("/api/v1/inventory", "get"),
        ("/api/v1/inventory/images", "get"),
        ("/api/v1/inventory/root", "get"),
        ("/api/v1/inventory/database-ports", "get"),
        ("/api/v1/tokens", "get"),
        ("/api/v1/tokens", "post"),
        ("/api/v1/tokens/{uid}", "delete"),
    }
    created = schema["paths"]["/api/v1/analyses"]["post"]["responses"]["201"]
    assert created["content"]["application/json"]["schema"]["$ref"].endswith("/Analysis")
    gaps = schema["paths"]["/api/v1/peer-gaps"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert gaps["items"]["$ref"].endswith("/PeerGap")


def test_swagger_ui_is_served_from_local_static_files(client):
    response = client.get("/api/v1/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    assert "cdn." not in html and "unpkg.com" not in html
