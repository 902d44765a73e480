"""The inventory across one's projects, from the latest finished scan of each default branch: images with their
tags, file counts and end of life; what runs as root; published database ports. Filterable, paginated, and
exportable as CSV that no spreadsheet runs as formulas. Only the projects one belongs to, never others'."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from projects.models import Project
from projects.services import project_create
from scans.models import ScanFile
from tests.api.api_support import assert_error_shape
from tests.api.insights.conftest import upload

pytestmark = pytest.mark.django_db

PAYMENTS = {
    "api/Dockerfile": "FROM golang:1.23 AS build\nRUN go build\nFROM python:3.8-slim\nCMD python app.py\n",
    "compose.yaml": (
        "services:\n"
        "  db:\n    image: postgres:16\n    ports:\n      - '5432:5432'\n"
        "  cache:\n    image: redis:7.2\n    ports:\n      - '127.0.0.1:6379:6379'\n"
        "  worker:\n    image: example/worker:1.0\n    user: root\n"
    ),
}
WEBSITE = {"Dockerfile": "FROM python:3.8-slim\nUSER app\n"}
# python 3.8 and redis 7.2 ended before these tests were written; postgres 16 ends on 2028-11-09.
POSTGRES_16_ENDED = dt.date(2028, 11, 9) < dt.date.today()


@pytest.fixture
def scanned(private_project: Project, public_project: Project, people: dict[str, Any], scan_of: Any) -> None:
    """payments and website scanned (the viewer belongs to both), and a project of someone else's."""
    scan_of("payments", {"Dockerfile": "FROM node:14\n"})  # older: not what runs now
    scan_of("payments", PAYMENTS)
    scan_of("payments", {"Dockerfile": "FROM ruby:2.7\n"}, branch="feature")  # not the default branch
    scan_of("website", WEBSITE)
    project_create(
        user=people["outsider"], name="Elsewhere", slug="elsewhere", visibility="public", default_branch="main"
    )
    client = APIClient()
    client.force_login(people["outsider"])
    upload(client, "elsewhere", {"Dockerfile": "FROM mysql:5.7\nUSER root\n"})


def rows(client: Any, section: str, **params: Any) -> list[dict[str, Any]]:
    response = client.get(f"/api/v1/inventory/{section}", params)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def csv_rows(response: Any) -> list[list[str]]:
    assert response.status_code == 200, response.content
    return list(csv.reader(io.StringIO(response.content.decode("utf-8"))))


def test_images_are_those_of_the_latest_default_branch_scans_of_ones_projects(client_as: Any, scanned: None) -> None:
    found = {row["reference"]: row for row in rows(client_as("viewer"), "images")}

    assert set(found) == {"python:3.8-slim", "golang:1.23", "postgres:16", "redis:7.2", "example/worker:1.0"}
    python = found["python:3.8-slim"]
    assert (python["files"], python["uses"], python["projects"]) == (2, 2, ["payments", "website"])
    assert (python["end_of_life"], python["release"], python["past_end_of_life"]) == ("2024-10-07", "python 3.8", True)
    assert {(e["project"], e["path"], e["line"], e["where"]) for e in python["examples"]} == {
        ("payments", "api/Dockerfile", 3, "1"),
        ("website", "Dockerfile", 1, "0"),
    }
    assert found["postgres:16"]["end_of_life"] == "2028-11-09"
    assert found["postgres:16"]["past_end_of_life"] is POSTGRES_16_ENDED
    assert found["example/worker:1.0"]["end_of_life"] is None
    assert next(iter(found)) == "python:3.8-slim"  # most used first


def test_someone_else_sees_only_their_own_projects_not_the_public_ones_they_do_not_belong_to(
    client_as: Any, scanned: None
) -> None:
    assert [row["reference"] for row in rows(client_as("outsider"), "images")] == ["mysql:5.7"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"eol": "past"}, {"python:3.8-slim", "redis:7.2"} | ({"postgres:16"} if POSTGRES_16_ENDED else set())),
        ({"eol": "known"}, {"python:3.8-slim", "postgres:16", "redis:7.2"}),
        ({"eol": "unknown"}, {"example/worker:1.0", "golang:1.23"}),
        ({"q": "PYTHON"}, {"python:3.8-slim"}),
        ({"q": ":16"}, {"postgres:16"}),
        ({"project": "website"}, {"python:3.8-slim"}),
        ({"project": "elsewhere"}, set()),  # not the viewer's
    ],
)
def test_images_are_filtered(client_as: Any, scanned: None, params: dict[str, str], expected: set[str]) -> None:
    assert {row["reference"] for row in rows(client_as("viewer"), "images", **params)} == expected


def test_what_runs_as_root_says_where_and_why(client_as: Any, scanned: None) -> None:
    found = rows(client_as("viewer"), "root")

    assert [(r["project"], r["path"], r["line"], r["kind"], r["where"], r["user"], r["reason"]) for r in found] == [
        ("payments", "api/Dockerfile", 3, "dockerfile", "1", "root", "image"),
        ("payments", "compose.yaml", 12, "compose", "worker", "root", "user"),
    ]
    assert [r["where"] for r in rows(client_as("viewer"), "root", reason="user")] == ["worker"]
    assert [r["path"] for r in rows(client_as("viewer"), "root", q="python")] == ["api/Dockerfile"]


def test_published_database_ports_say_on_which_interface(client_as: Any, scanned: None) -> None:
    found = rows(client_as("viewer"), "database-ports")

    assert [(r["where"], r["database"], r["host_ip"], r["published"], r["all_interfaces"]) for r in found] == [
        ("db", "PostgreSQL", "", "5432", True),
        ("cache", "Redis", "127.0.0.1", "6379", False),
    ]
    assert [r["where"] for r in rows(client_as("viewer"), "database-ports", exposed="true")] == ["db"]
    assert [r["where"] for r in rows(client_as("viewer"), "database-ports", exposed="false")] == ["cache"]
    assert [r["where"] for r in rows(client_as("viewer"), "database-ports", q="redis")] == ["cache"]


def test_pages_of_json(client_as: Any, scanned: None) -> None:
    body = client_as("viewer").get("/api/v1/inventory/images", {"page_size": 2, "page": 2}).json()

    assert (body["count"], len(body["results"]), body["complete"]) == (5, 2, True)
    assert "page=3" in body["next"] and body["previous"]


def test_the_summary_names_the_projects_and_counts_each_section(client_as: Any, scanned: None) -> None:
    body = client_as("viewer").get("/api/v1/inventory").json()

    assert [project["slug"] for project in body["projects"]] == ["payments", "website"]
    assert body["counts"] == {
        "images": 5,
        "images_past_end_of_life": 3 if POSTGRES_16_ENDED else 2,
        "root": 2,
        "database_ports": 2,
        "database_ports_exposed": 1,
    }
    assert body["complete"] is True


def test_a_section_is_a_csv_file_with_format_csv(client_as: Any, scanned: None) -> None:
    response = client_as("viewer").get("/api/v1/inventory/images", {"format": "csv", "eol": "known"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="dockwright-inventory-images.csv"'
    table = csv_rows(response)
    assert table[0] == ["image", "tag", "files", "uses", "projects", "end_of_life", "release", "past_end_of_life"]
    assert table[1] == ["python", "3.8-slim", "2", "2", "payments website", "2024-10-07", "python 3.8", "true"]
    assert len(table) == 4 and response["X-Total-Count"] == "3"


@pytest.mark.parametrize("section", ["root", "database-ports"])
def test_every_section_exports_csv(client_as: Any, scanned: None, section: str) -> None:
    table = csv_rows(client_as("viewer").get(f"/api/v1/inventory/{section}", {"format": "csv"}))

    assert len(table) == 3 and table[0][:3] == ["project", "path", "line"]


def test_csv_cells_that_a_spreadsheet_would_run_are_written_as_text(
    client_as: Any, private_project: Project, scan_of: Any
) -> None:
    hostile = "services:\n  app:\n    image: '+cmd|calc'\n    user: root\n  db:\n    image: '-2+3'\n"
    hostile += "    ports:\n      - '5432:5432'\n"
    scan_of("payments", {"=HYPERLINK(1)/compose.yaml": hostile, "@SUM(1)/Dockerfile": 'FROM "a,b"\n'})
    client = client_as("viewer")

    images_response = client.get("/api/v1/inventory/images", {"format": "csv"})
    images = csv_rows(images_response)
    root = csv_rows(client.get("/api/v1/inventory/root", {"format": "csv"}))
    ports = csv_rows(client.get("/api/v1/inventory/database-ports", {"format": "csv"}))

    assert {row[0] for row in images[1:]} == {"'+cmd|calc", "'-2+3", "a,b"}
    assert '\r\n"a,b",' in images_response.content.decode()  # quoted: a comma does not split the cell
    assert [row[1] for row in root[1:]] == ["'=HYPERLINK(1)/compose.yaml"]
    assert (ports[1][1], ports[1][-1]) == ("'=HYPERLINK(1)/compose.yaml", "'-2+3")
    # Numbers stay numbers; the line is not a formula.
    assert root[1][2] == "4"


def test_a_csv_export_holds_at_most_the_row_limit(client_as: Any, scanned: None, settings: Any) -> None:
    settings.DOCKWRIGHT_INVENTORY_CSV_MAX_ROWS = 2

    response = client_as("viewer").get("/api/v1/inventory/images", {"format": "csv"})

    assert len(csv_rows(response)) == 3
    assert (response["X-Total-Count"], response["X-Inventory-Complete"]) == ("5", "false")


def test_an_answer_reads_at_most_the_entry_limit_and_says_so(client_as: Any, scanned: None, settings: Any) -> None:
    settings.DOCKWRIGHT_INVENTORY_MAX_ENTRIES = 3

    body = client_as("viewer").get("/api/v1/inventory/images").json()

    assert body["complete"] is False
    assert sum(row["uses"] for row in body["results"]) == 3
    assert client_as("viewer").get("/api/v1/inventory").json()["complete"] is False


def test_a_project_token_sees_its_own_project_only(people: dict[str, Any], scanned: None) -> None:
    maker = APIClient()
    maker.force_login(people["maintainer"])
    body = {"name": "ci", "scopes": ["read"], "project": "website"}
    secret = maker.post("/api/v1/tokens", body, format="json").json()["token"]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")

    assert {row["reference"] for row in rows(client, "images")} == {"python:3.8-slim"}
    assert rows(client, "images")[0]["projects"] == ["website"]


def test_the_inventory_needs_a_sign_in(client_as: Any) -> None:
    assert_error_shape(client_as("anonymous").get("/api/v1/inventory"), 403)


@pytest.mark.parametrize("section", ["images", "root", "database-ports"])
def test_an_inventory_section_needs_a_sign_in(client_as: Any, section: str) -> None:
    assert_error_shape(client_as("anonymous").get(f"/api/v1/inventory/{section}"), 403)
    assert_error_shape(client_as("anonymous").get(f"/api/v1/inventory/{section}", {"format": "csv"}), 403)


@pytest.mark.parametrize(
    ("section", "params"),
    [
        ("images", {"eol": "someday"}),
        ("root", {"reason": "because"}),
        ("database-ports", {"exposed": "perhaps"}),
        ("images", {"page_size": "1000"}),
        ("images", {"q": "x" * 201}),
        ("images", {"project": "not a slug"}),
    ],
)
def test_bad_filters_are_400(client_as: Any, section: str, params: dict[str, str]) -> None:
    assert_error_shape(client_as("viewer").get(f"/api/v1/inventory/{section}", params), 400)


def test_a_page_past_the_end_is_404(client_as: Any, scanned: None) -> None:
    assert_error_shape(client_as("viewer").get("/api/v1/inventory/images", {"page": 9}), 404)


def test_files_analysed_before_facts_were_kept_get_them_from_manage_py_scan_facts(
    client_as: Any, scanned: None
) -> None:
    ScanFile.objects.update(facts={})
    assert rows(client_as("viewer"), "images") == []

    out = io.StringIO()
    call_command("scan_facts", stdout=out)

    assert out.getvalue().strip().endswith("files given their inventory facts")
    assert {row["reference"] for row in rows(client_as("viewer"), "images")} == {
        "python:3.8-slim",
        "golang:1.23",
        "postgres:16",
        "redis:7.2",
        "example/worker:1.0",
    }
    out = io.StringIO()
    call_command("scan_facts", stdout=out)
    assert out.getvalue().startswith("0 files")  # nothing left to fill
