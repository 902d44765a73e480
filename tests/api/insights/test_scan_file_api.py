"""A file of a scan: its content and its findings with their line and column ranges (what the browser underlines),
each marked new or not against the baseline; 404 for a file of another scan or project and for non-members."""

from __future__ import annotations

from typing import Any

import pytest

from projects.models import Project
from tests.api.api_support import assert_error_shape

pytestmark = pytest.mark.django_db

DOCKERFILE = "FROM python:latest\nRUN pip install flask\nCMD python app.py\n"
CHANGED = (
    "# moved down\nFROM python:latest\nRUN pip install flask\nADD https://example.com/x.tgz /x\nCMD python app.py\n"
)


def file_of(scan: dict[str, Any], path: str) -> int:
    return next(f["id"] for f in scan["files"] if f["path"] == path)


def test_a_file_has_its_content_and_findings_with_ranges(
    client_as: Any, private_project: Project, scan_of: Any
) -> None:
    scan = scan_of("payments", {"api/Dockerfile": DOCKERFILE, "api/.dockerignore": "*.log\n"})

    response = client_as("viewer").get(f"{scan['url']}/files/{file_of(scan, 'api/Dockerfile')}")

    assert response.status_code == 200
    body = response.json()
    assert (body["path"], body["kind"], body["content"], body["analysed"]) == (
        "api/Dockerfile",
        "dockerfile",
        DOCKERFILE,
        True,
    )
    assert body["scan"]["id"] == scan["id"] and body["scan"]["branch"] == "main"
    expected = [f for f in scan["findings"] if f["path"] == "api/Dockerfile"]
    assert sorted(
        (f["rule"], f["line"], f["column"], f["end_line"], f["end_column"]) for f in body["findings"]
    ) == sorted((f["rule"], f["line"], f["column"], f["end_line"], f["end_column"]) for f in expected)
    assert all(f["new"] for f in body["findings"])  # no baseline yet
    assert body["counts"] == {s: sum(1 for f in expected if f["severity"] == s) for s in body["counts"]}


def test_a_files_findings_are_new_only_when_the_baseline_lacks_them(
    client_as: Any, private_project: Project, scan_of: Any
) -> None:
    scan_of("payments", {"Dockerfile": DOCKERFILE})
    scan = scan_of("payments", {"Dockerfile": CHANGED}, branch="feature")

    body = client_as("viewer").get(f"{scan['url']}/files/{file_of(scan, 'Dockerfile')}").json()

    new = {(f["rule"], f["line"]) for f in body["findings"] if f["new"]}
    assert new and all(line == 4 for _, line in new)  # only the ADD of a URL; the rest only moved


def test_a_context_file_is_readable_without_findings(client_as: Any, private_project: Project, scan_of: Any) -> None:
    scan = scan_of("payments", {"Dockerfile": DOCKERFILE, ".dockerignore": "*.log\n"})

    body = client_as("viewer").get(f"{scan['url']}/files/{file_of(scan, '.dockerignore')}").json()

    assert (body["kind"], body["content"], body["findings"]) == ("", "*.log\n", [])


def test_a_file_of_another_scan_or_project_is_404(
    client_as: Any, private_project: Project, public_project: Project, scan_of: Any
) -> None:
    mine = scan_of("payments", {"Dockerfile": DOCKERFILE})
    other_scan = scan_of("payments", {"Dockerfile": DOCKERFILE})
    public = scan_of("website", {"Dockerfile": DOCKERFILE})
    client = client_as("viewer")

    assert_error_shape(client.get(f"{mine['url']}/files/{file_of(other_scan, 'Dockerfile')}"), 404)
    assert_error_shape(
        client.get(f"/api/v1/projects/payments/scans/{public['id']}/files/{file_of(public, 'Dockerfile')}"), 404
    )
    assert_error_shape(client.get(f"{mine['url']}/files/999999"), 404)


@pytest.mark.parametrize(
    ("caller", "expected"),
    [("owner", 200), ("maintainer", 200), ("viewer", 200), ("outsider", 404), ("anonymous", 404)],
)
def test_members_read_a_private_projects_files(
    client_as: Any, private_project: Project, scan_of: Any, caller: str, expected: int
) -> None:
    scan = scan_of("payments", {"Dockerfile": DOCKERFILE})

    assert client_as(caller).get(f"{scan['url']}/files/{file_of(scan, 'Dockerfile')}").status_code == expected


def test_anyone_reads_a_public_projects_files(client_as: Any, public_project: Project, scan_of: Any) -> None:
    scan = scan_of("website", {"Dockerfile": DOCKERFILE})

    assert client_as("anonymous").get(f"{scan['url']}/files/{file_of(scan, 'Dockerfile')}").status_code == 200
