"""A project's overview: the newest scan of each branch, findings by severity over time, the rules and files with
the most findings, what is new and fixed; for whoever may read the project, 404 for everyone else."""

from __future__ import annotations

from typing import Any

import pytest

from projects.models import Project
from tests.api.api_support import assert_error_shape
from tests.api.projects.conftest import CALLERS

pytestmark = pytest.mark.django_db

# Two latest tags and a pip install without pinning: DF007 (or its id) twice in the Dockerfile.
DOCKERFILE = "FROM python:latest AS build\nRUN pip install flask\nFROM python:latest\nCMD python app.py\n"
FIXED = "FROM python:3.12-slim AS build\nRUN pip install flask\nFROM python:3.12-slim\nCMD python app.py\n"
COMPOSE = "services:\n  db:\n    image: postgres:latest\n    ports:\n      - '5432:5432'\n"


def overview(client: Any, slug: str = "payments", **params: str) -> Any:
    return client.get(f"/api/v1/projects/{slug}/overview", params)


def test_an_overview_shows_the_default_branchs_history_and_its_latest_scan(
    client_as: Any, private_project: Project, scan_of: Any
) -> None:
    first = scan_of("payments", {"Dockerfile": DOCKERFILE, "compose.yaml": COMPOSE}, commit="c1")
    scan_of("payments", {"Dockerfile": DOCKERFILE}, branch="feature", commit="f1")
    second = scan_of("payments", {"Dockerfile": FIXED, "compose.yaml": COMPOSE}, commit="c2")

    body = overview(client_as("viewer")).json()

    assert body["project"]["slug"] == "payments" and body["project"]["role"] == "viewer"
    assert body["branch"] == "main"
    assert [(scan["branch"], scan["commit"]) for scan in body["branches"]] == [("main", "c2"), ("feature", "f1")]
    assert [point["id"] for point in body["series"]] == [first["id"], second["id"]]
    assert body["series"][0]["counts"] == {"error": 0, "warning": 0, "info": 0, "style": 0} | first["counts"]
    assert set(body["series"][0]["counts"]) == {"error", "warning", "info", "style"}
    assert body["latest"]["id"] == second["id"]
    # Top rules and files are the latest scan's, counted from its findings.
    by_rule: dict[str, int] = {}
    for finding in second["findings"]:
        by_rule[finding["rule"]] = by_rule.get(finding["rule"], 0) + 1
    assert {row["rule"]: row["count"] for row in body["top_rules"]} == by_rule
    counts = [row["count"] for row in body["top_rules"]]
    assert counts == sorted(counts, reverse=True)
    assert all(row["title"] for row in body["top_rules"])
    assert {row["path"]: row["total"] for row in body["top_files"]} == {
        path: sum(1 for f in second["findings"] if f["path"] == path)
        for path in {f["path"] for f in second["findings"]}
    }
    # The latest tags were fixed against the first scan; nothing new in the Dockerfile.
    changes = body["changes"]
    assert changes["baseline"] == first["id"]
    assert changes["fixed_count"] == len(second["fixed"]) > 0
    assert {(c["path"], c["rule"]) for c in changes["fixed"]} == {(f["path"], f["rule"]) for f in second["fixed"]}
    assert all(c["scan"] == first["id"] for c in changes["fixed"])
    assert changes["new_count"] == second["new"]


def test_another_branch_is_shown_with_branch(client_as: Any, private_project: Project, scan_of: Any) -> None:
    scan_of("payments", {"Dockerfile": DOCKERFILE})
    feature = scan_of("payments", {"Dockerfile": FIXED}, branch="feature")

    body = overview(client_as("viewer"), branch="feature").json()

    assert body["branch"] == "feature"
    assert [point["id"] for point in body["series"]] == [feature["id"]]
    assert body["latest"]["id"] == feature["id"]


def test_a_project_without_scans_has_an_empty_overview(client_as: Any, private_project: Project) -> None:
    body = overview(client_as("owner")).json()

    assert body["branches"] == body["series"] == body["top_rules"] == body["top_files"] == []
    assert body["latest"] is None and body["changes"] is None


def test_a_file_links_to_its_analysis(client_as: Any, private_project: Project, scan_of: Any) -> None:
    scan = scan_of("payments", {"Dockerfile": DOCKERFILE})
    client = client_as("viewer")

    top = overview(client).json()["top_files"][0]
    file = client.get(f"{scan['url']}/files/{top['id']}").json()

    assert file["path"] == top["path"] and len(file["findings"]) == top["total"]


@pytest.mark.parametrize(
    ("caller", "expected"),
    [("owner", 200), ("maintainer", 200), ("viewer", 200), ("outsider", 404), ("anonymous", 404)],
)
def test_members_read_a_private_projects_overview(
    client_as: Any, private_project: Project, caller: str, expected: int
) -> None:
    assert caller in CALLERS
    assert overview(client_as(caller)).status_code == expected


@pytest.mark.parametrize("caller", ["outsider", "anonymous"])
def test_anyone_reads_a_public_projects_overview(client_as: Any, public_project: Project, caller: str) -> None:
    response = overview(client_as(caller), "website")

    assert response.status_code == 200
    assert response.json()["project"]["role"] is None


def test_an_unknown_project_answers_as_a_private_one_of_others(client_as: Any, private_project: Project) -> None:
    unknown = assert_error_shape(overview(client_as("outsider"), "nothing-here"), 404)
    private = assert_error_shape(overview(client_as("outsider")), 404)

    assert private["message"] == unknown["message"].replace("nothing-here", "payments")


def test_a_branch_over_255_characters_is_400(client_as: Any, private_project: Project) -> None:
    assert overview(client_as("viewer"), branch="b" * 256).status_code == 400
