"""The projects' fixtures (a project with a member of each role, clients for each) and a helper that uploads a scan
as CI does, analysed at once (no broker in tests)."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from tests.api.projects.conftest import client_as, people, private_project, public_project  # noqa: F401


def upload(client: APIClient, slug: str, files: dict[str, str], *, branch: str = "main", commit: str = "c1") -> Any:
    body = {
        "files": [{"path": path, "content": content} for path, content in files.items()],
        "repository": f"git@example.com:{slug}.git",
        "commit": commit,
        "branch": branch,
    }
    response = client.post(f"/api/v1/projects/{slug}/scans", body, format="json")
    assert response.status_code == 202, response.content
    assert response.json()["status"] == "done"
    return response.json()


@pytest.fixture
def scan_of(client_as: Any) -> Any:  # noqa: F811 (the fixture imported above)
    """Uploads ``files`` as a scan of project ``slug``, as its maintainer."""

    def make(slug: str, files: dict[str, str], **extra: Any) -> Any:
        return upload(client_as("maintainer"), slug, files, **extra)

    return make
