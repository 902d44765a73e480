"""Creating and listing projects: everyone sees the projects they belong to and the public ones, nothing else."""

from __future__ import annotations

from typing import Any

import pytest

from projects.models import Membership, Project

pytestmark = pytest.mark.django_db


def test_creating_a_project_makes_its_creator_the_owner(client_as: Any, people: dict[str, Any]) -> None:
    response = client_as("outsider").post(
        "/api/v1/projects", {"name": "Billing", "slug": "billing", "visibility": "private"}, format="json"
    )

    assert response.status_code == 201, response.content
    assert response.json() | {"created": None} == {
        "name": "Billing",
        "slug": "billing",
        "visibility": "private",
        "default_branch": "main",
        "role": "owner",
        "created": None,
    }
    assert Membership.objects.get(project__slug="billing").user == people["outsider"]


def test_a_taken_slug_or_a_bad_one_is_a_400(client_as: Any, private_project: Project) -> None:
    taken = client_as("outsider").post("/api/v1/projects", {"name": "X", "slug": "payments"}, format="json")
    bad = client_as("outsider").post("/api/v1/projects", {"name": "X", "slug": "no spaces"}, format="json")

    assert taken.status_code == bad.status_code == 400
    assert set(taken.json()["details"]) == {"slug"}


def test_signing_in_is_needed_to_create_a_project(client_as: Any) -> None:
    response = client_as("anonymous").post("/api/v1/projects", {"name": "X", "slug": "x"}, format="json")

    assert response.status_code == 403
    assert not Project.objects.exists()


@pytest.mark.parametrize(
    ("caller", "listed"),
    [
        ("owner", [("payments", "owner"), ("website", "owner")]),
        ("viewer", [("payments", "viewer"), ("website", "viewer")]),
        ("outsider", [("website", None)]),
        ("anonymous", [("website", None)]),
    ],
)
def test_the_list_holds_your_projects_and_the_public_ones(
    client_as: Any, private_project: Project, public_project: Project, caller: str, listed: list[Any]
) -> None:
    response = client_as(caller).get("/api/v1/projects")

    assert response.status_code == 200
    assert [(p["slug"], p["role"]) for p in response.json()] == listed


def test_the_slug_cannot_be_changed(client_as: Any, private_project: Project) -> None:
    response = client_as("owner").patch("/api/v1/projects/payments", {"slug": "other"}, format="json")

    assert response.status_code == 200  # unknown fields are not part of the operation
    assert Project.objects.filter(slug="payments").exists()


def test_the_owner_makes_a_project_public(client_as: Any, private_project: Project) -> None:
    changed = client_as("owner").patch("/api/v1/projects/payments", {"visibility": "public"}, format="json")

    assert changed.json()["visibility"] == "public"
    assert client_as("anonymous").get("/api/v1/projects/payments").status_code == 200
