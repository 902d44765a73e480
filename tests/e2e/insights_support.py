"""A project with scans for the browser tests of what teams see (overview, a scan's file, inventory), made through
the API as CI and a maintainer would make them."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

from tests.e2e.e2e_support import api_send

# Two scans of the default branch (the second fixes the latest tag and brings a new problem) and one of a branch.
DOCKERFILE_BEFORE = "FROM python:latest AS build\nRUN pip install flask\nFROM python:3.8-slim\nCMD python app.py\n"
DOCKERFILE_AFTER = (
    "FROM python:3.12 AS build\nRUN pip install flask\nFROM python:3.8-slim\n"
    "ADD https://example.com/tool.tgz /opt/\nCMD python app.py\n"
)
COMPOSE = (
    "services:\n"
    "  db:\n    image: postgres:16\n    ports:\n      - '5432:5432'\n"
    "  worker:\n    image: '=HYPERLINK(\"http://example.com\")'\n    user: root\n"
)


def _made(page: Page, path: str, body: dict[str, Any]) -> dict[str, Any]:
    response = api_send(page, "POST", path, body)
    assert response.status in (201, 202), response.text()
    answer = response.json()
    assert isinstance(answer, dict)
    return answer


def upload_scan(page: Page, slug: str, files: dict[str, str], branch: str, commit: str) -> dict[str, Any]:
    body = {"files": [{"path": p, "content": c} for p, c in files.items()], "branch": branch, "commit": commit}
    scan = _made(page, f"/api/v1/projects/{slug}/scans", body)
    assert scan["status"] == "done", scan  # the test server has no broker: scans run as they are uploaded
    return scan


def project_with_scans(page: Page, slug: str, visibility: str = "public") -> list[dict[str, Any]]:
    """A project of the signed-in user with two scans of main and one of a branch; the scans, oldest first."""
    _made(page, "/api/v1/projects", {"name": slug.title(), "slug": slug, "visibility": visibility})
    return [
        upload_scan(page, slug, {"api/Dockerfile": DOCKERFILE_BEFORE, "compose.yaml": COMPOSE}, "main", "1111111"),
        upload_scan(page, slug, {"api/Dockerfile": DOCKERFILE_BEFORE}, "feature/x", "2222222"),
        upload_scan(page, slug, {"api/Dockerfile": DOCKERFILE_AFTER, "compose.yaml": COMPOSE}, "main", "3333333"),
    ]
