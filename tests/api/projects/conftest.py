"""A project with one member of each role, and clients signed in as each of them (or as nobody)."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from projects.models import Project, Role
from projects.services import membership_add, project_create

# Who calls: a member of each role, a signed-in user who is not a member, and an anonymous client.
CALLERS = ("owner", "maintainer", "viewer", "outsider", "anonymous")


@pytest.fixture
def people(django_user_model: Any) -> dict[str, Any]:
    return {
        name: django_user_model.objects.create_user(username=name, password="a-long-password-for-tests")
        for name in ("owner", "maintainer", "viewer", "departing", "outsider", "newcomer")
    }


def make_project(people: dict[str, Any], *, slug: str, visibility: str) -> Project:
    project = project_create(
        user=people["owner"], name=slug.title(), slug=slug, visibility=visibility, default_branch="main"
    )
    membership_add(project=project, username="maintainer", role=Role.MAINTAINER)
    membership_add(project=project, username="viewer", role=Role.VIEWER)
    membership_add(project=project, username="departing", role=Role.VIEWER)
    return project


@pytest.fixture
def private_project(people: dict[str, Any]) -> Project:
    return make_project(people, slug="payments", visibility=Project.Visibility.PRIVATE)


@pytest.fixture
def public_project(people: dict[str, Any]) -> Project:
    return make_project(people, slug="website", visibility=Project.Visibility.PUBLIC)


@pytest.fixture
def client_as(people: dict[str, Any]) -> Any:
    def client_for(caller: str) -> APIClient:
        client = APIClient()
        if caller != "anonymous":
            client.force_login(people[caller])
        return client

    return client_for
