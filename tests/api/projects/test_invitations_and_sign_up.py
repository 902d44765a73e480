"""Invitation links (single use, expiring, only their hash stored) and sign-up (off unless the site opens it)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from rest_framework.test import APIClient

from projects.models import Invitation, Membership, Project
from projects.selectors import invitation_token_hash

pytestmark = pytest.mark.django_db

NEW_ACCOUNT = {"username": "lin", "password": "a-long-password-for-tests"}


def _invite(client_as: Any, role: str = "maintainer") -> dict[str, Any]:
    response = client_as("owner").post("/api/v1/projects/payments/invitations", {"role": role}, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def test_an_invitation_shows_its_secret_once_and_stores_only_its_hash(client_as: Any, private_project: Project):
    created = _invite(client_as)

    stored = Invitation.objects.get(pk=created["id"])
    assert stored.token_hash == invitation_token_hash(created["token"])
    assert created["token"] not in str(vars(stored))
    assert created["url"].endswith("/invite#" + created["token"])
    assert (created["project"], created["role"]) == ("payments", "maintainer")
    listed = client_as("owner").get("/api/v1/projects/payments/invitations").json()
    assert [item["id"] for item in listed] == [created["id"]]
    assert "token" not in listed[0]


def test_someone_without_an_account_signs_up_through_the_link_and_joins(client_as: Any, private_project: Project):
    token = _invite(client_as)["token"]
    visitor = APIClient()

    accepted = visitor.post("/api/v1/invitations/accept", {"token": token, **NEW_ACCOUNT}, format="json")

    assert accepted.status_code == 200, accepted.content
    assert accepted.json()["username"] == "lin"
    assert accepted.json()["project"]["slug"] == "payments"
    assert accepted.json()["project"]["role"] == "maintainer"
    assert visitor.get("/api/v1/projects/payments").json()["role"] == "maintainer"  # signed in


def test_a_signed_in_user_joins_through_the_link(client_as: Any, private_project: Project):
    token = _invite(client_as, role="viewer")["token"]

    accepted = client_as("outsider").post("/api/v1/invitations/accept", {"token": token}, format="json")

    assert accepted.status_code == 200
    assert Membership.objects.get(project=private_project, user__username="outsider").role == "viewer"


def test_a_member_keeps_the_higher_role(client_as: Any, private_project: Project):
    token = _invite(client_as, role="viewer")["token"]

    client_as("maintainer").post("/api/v1/invitations/accept", {"token": token}, format="json")

    assert Membership.objects.get(project=private_project, user__username="maintainer").role == "maintainer"


def test_an_invitation_works_only_once(client_as: Any, private_project: Project):
    token = _invite(client_as)["token"]
    client_as("outsider").post("/api/v1/invitations/accept", {"token": token}, format="json")

    again = client_as("newcomer").post("/api/v1/invitations/accept", {"token": token}, format="json")
    signing_up = APIClient().post("/api/v1/invitations/accept", {"token": token, **NEW_ACCOUNT}, format="json")

    assert again.status_code == signing_up.status_code == 404
    assert not Membership.objects.filter(user__username="newcomer").exists()
    assert not get_user_model().objects.filter(username="lin").exists()


@pytest.mark.parametrize("how", ["expired", "revoked", "unknown"])
def test_an_expired_revoked_or_unknown_invitation_is_a_404(client_as: Any, private_project: Project, how: str):
    created = _invite(client_as)
    if how == "expired":
        Invitation.objects.filter(pk=created["id"]).update(expires_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    elif how == "revoked":
        assert client_as("owner").delete(f"/api/v1/projects/payments/invitations/{created['id']}").status_code == 204
    token = created["token"] if how != "unknown" else "not-a-token"

    response = client_as("outsider").post("/api/v1/invitations/accept", {"token": token}, format="json")

    assert response.status_code == 404
    assert not Membership.objects.filter(user__username="outsider").exists()


def test_a_weak_password_creates_no_account_and_leaves_the_invitation_open(client_as: Any, private_project: Project):
    created = _invite(client_as)

    weak = APIClient().post(
        "/api/v1/invitations/accept", {"token": created["token"], "username": "lin", "password": "123"}, format="json"
    )

    assert weak.status_code == 400
    assert weak.json()["message"].startswith("password: ")
    assert set(weak.json()["details"]) == {"password"}
    assert not get_user_model().objects.filter(username="lin").exists()
    assert Invitation.objects.get(pk=created["id"]).used_at is None


def test_only_site_admins_make_site_invitations(client_as: Any, admin_client: Any, people: dict[str, Any]):
    refused = client_as("owner").post("/api/v1/invitations", {}, format="json")
    made = admin_client.post("/api/v1/invitations", {"note": "for Lin"}, content_type="application/json")

    assert refused.status_code == 403
    assert made.status_code == 201
    assert made.json()["project"] is None
    body = {"token": made.json()["token"], **NEW_ACCOUNT}
    joined = APIClient().post("/api/v1/invitations/accept", body, format="json")
    assert joined.status_code == 200
    assert joined.json()["project"] is None


def test_sign_up_is_off_by_default(db: Any) -> None:
    response = APIClient().post("/api/v1/auth/signup", NEW_ACCOUNT, format="json")

    assert response.status_code == 403
    assert "invitation" in response.json()["message"]
    assert not get_user_model().objects.filter(username="lin").exists()


def test_open_sign_up_creates_an_account_and_signs_in(settings: Any) -> None:
    settings.DOCKWRIGHT_OPEN_SIGNUP = True
    client = APIClient()

    response = client.post("/api/v1/auth/signup", NEW_ACCOUNT, format="json")

    assert response.status_code == 201
    assert response.json() == {"username": "lin"}
    assert client.get("/api/v1/auth/session").json() == {"authenticated": True, "username": "lin"}
    taken = APIClient().post("/api/v1/auth/signup", NEW_ACCOUNT, format="json")
    assert taken.status_code == 400


def test_accepting_and_signing_up_need_the_csrf_token(client_as: Any, private_project: Project) -> None:
    token = _invite(client_as)["token"]
    strict = APIClient(enforce_csrf_checks=True)

    response = strict.post("/api/v1/invitations/accept", {"token": token, **NEW_ACCOUNT}, format="json")

    assert response.status_code == 403
    assert not get_user_model().objects.filter(username="lin").exists()


def test_invitations_are_made_in_the_admin_and_the_link_is_shown_once(admin_client: Any, private_project: Project):
    response = admin_client.post(
        "/admin/projects/invitation/add/", {"project": private_project.pk, "role": "viewer", "note": "x"}, follow=True
    )

    assert response.status_code == 200
    invitation = Invitation.objects.get()
    shown = [str(m) for m in response.context["messages"] if "/invite#" in str(m)]
    assert len(shown) == 1
    token = shown[0].rsplit("#", 1)[1]
    assert invitation.token_hash == invitation_token_hash(token)
    assert invitation.expires_at > invitation.created
    change_page = admin_client.get(f"/admin/projects/invitation/{invitation.pk}/change/").content.decode()
    assert token not in change_page


@pytest.mark.parametrize("page", ["project", "membership", "invitation"])
def test_the_admin_lists_projects_members_and_invitations(admin_client: Any, private_project: Project, page: str):
    assert admin_client.get(f"/admin/projects/{page}/").status_code == 200
    assert admin_client.get(f"/admin/projects/project/{private_project.pk}/change/").status_code == 200


def test_whoever_holds_the_link_reads_what_it_invites_to_without_using_it(client_as: Any, private_project: Project):
    created = _invite(client_as, role="maintainer")

    found = APIClient().post("/api/v1/invitations/lookup", {"token": created["token"]}, format="json")

    assert found.status_code == 200, found.content
    assert found.json() == {
        "project": {"name": "Payments", "slug": "payments"},
        "role": "maintainer",
        "expires_at": created["expires_at"],
        "invited_by": "owner",
    }
    assert Invitation.objects.get(pk=created["id"]).used_at is None


@pytest.mark.parametrize("how", ["used", "expired", "unknown"])
def test_reading_a_used_expired_or_unknown_invitation_is_a_404(client_as: Any, private_project: Project, how: str):
    created = _invite(client_as)
    if how == "used":
        client_as("outsider").post("/api/v1/invitations/accept", {"token": created["token"]}, format="json")
    elif how == "expired":
        Invitation.objects.filter(pk=created["id"]).update(expires_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    token = created["token"] if how != "unknown" else "not-a-token"

    response = client_as("newcomer").post("/api/v1/invitations/lookup", {"token": token}, format="json")

    assert response.status_code == 404
    assert set(response.json()) == {"message", "details"}


def test_a_site_invitation_reads_as_one_without_a_project(admin_client: Any, people: dict[str, Any]):
    made = admin_client.post("/api/v1/invitations", {"role": "viewer"}, content_type="application/json").json()

    found = APIClient().post("/api/v1/invitations/lookup", {"token": made["token"]}, format="json").json()

    assert found["project"] is None
    assert found["invited_by"] == "admin"
