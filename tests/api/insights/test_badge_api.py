"""The status badge: an SVG of the latest default-branch scan's findings by severity. A public project's is anyone's;
a private project's answers its members (session or token) and 404 to everyone else; cached briefly."""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree

import pytest
from rest_framework.test import APIClient

from insights.badge import badge_svg
from projects.models import Project
from scans.models import Scan
from tests.api.api_support import assert_error_shape

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
DOCKERFILE = "FROM python:latest\nRUN pip install flask\nCMD python app.py\n"


def badge(client: Any, slug: str, **headers: str) -> Any:
    return client.get(f"/api/v1/projects/{slug}/badge.svg", **headers)


def texts(response: Any) -> tuple[str, list[str]]:
    """The badge's accessible name and the texts it shows."""
    root = ElementTree.fromstring(response.content)
    shown = [t.text or "" for t in root.iter(f"{SVG}text")][1::2]  # each text is drawn twice: shadow, then text
    return root.attrib["aria-label"], shown


def test_a_public_projects_badge_counts_its_latest_default_branch_scan(
    client_as: Any, public_project: Project, scan_of: Any
) -> None:
    scan_of("website", {"Dockerfile": DOCKERFILE}, branch="feature")
    scan = scan_of("website", {"Dockerfile": DOCKERFILE})

    response = badge(client_as("anonymous"), "website")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=60"
    expected = [
        f"{count} {severity if count == 1 else severity + 's' if severity in ('error', 'warning') else severity}"
        for severity, count in scan["counts"].items()
        if count
    ]
    label, shown = texts(response)
    assert shown == ["dockwright", *expected]
    assert label == "dockwright: " + ", ".join(expected)


def test_a_badge_is_svg_whatever_the_client_accepts(client_as: Any, public_project: Project) -> None:
    response = badge(client_as("anonymous"), "website", HTTP_ACCEPT="application/json")

    assert response.status_code == 200 and response["Content-Type"].startswith("image/svg+xml")


def test_a_project_without_a_scan_says_so(client_as: Any, public_project: Project) -> None:
    assert texts(badge(client_as("anonymous"), "website"))[1] == ["dockwright", "no scan"]


def test_a_clean_scan_says_no_findings(client_as: Any, public_project: Project) -> None:
    counts = {"error": 0, "warning": 0, "info": 0, "style": 0}
    Scan.objects.create(project=public_project, branch="main", status=Scan.Status.DONE, counts=counts)

    assert texts(badge(client_as("anonymous"), "website"))[1] == ["dockwright", "no findings"]


@pytest.mark.parametrize(
    ("caller", "expected"),
    [("owner", 200), ("maintainer", 200), ("viewer", 200), ("outsider", 404), ("anonymous", 404)],
)
def test_a_private_projects_badge_is_for_its_members(
    client_as: Any, private_project: Project, caller: str, expected: int
) -> None:
    response = badge(client_as(caller), "payments", HTTP_ACCEPT="image/svg+xml")

    assert response.status_code == expected
    if expected == 200:
        assert response["Cache-Control"] == "private, max-age=60"
    else:
        assert_error_shape(response, 404)  # JSON, not an SVG saying the project exists


def test_a_private_projects_badge_answers_a_members_token(people: dict[str, Any], private_project: Project) -> None:
    maker = APIClient()
    maker.force_login(people["viewer"])
    secret = maker.post("/api/v1/tokens", {"name": "readme", "scopes": ["read"]}, format="json").json()["token"]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")

    assert badge(client, "payments").status_code == 200


def test_a_badge_is_valid_svg_for_every_count() -> None:
    for counts in (None, {}, {"error": 1}, {"error": 12, "warning": 1, "info": 300, "style": 2}):
        root = ElementTree.fromstring(badge_svg(counts))
        widths = [int(rect.attrib["width"]) for rect in root.find(f"{SVG}g").findall(f"{SVG}rect")[:-1]]
        assert int(root.attrib["width"]) == sum(widths)
