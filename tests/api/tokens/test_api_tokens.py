"""API tokens: made by a signed-in person, shown once, stored as a digest, named, expiring, scoped per endpoint,
revocable (API and admin), last use recorded; project tokens reach their own project only."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from rest_framework.test import APIClient

from projects.models import Project
from tests.api.api_support import DOCKERFILE
from tests.api.projects.conftest import make_project
from tokens.models import ApiToken

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(django_user_model: Any) -> dict[str, Any]:
    return {
        name: django_user_model.objects.create_user(username=name, password="a-long-password-for-tests")
        for name in ("owner", "maintainer", "viewer", "departing", "outsider", "newcomer")
    }


@pytest.fixture
def project(people: dict[str, Any]) -> Project:
    return make_project(people, slug="payments", visibility=Project.Visibility.PRIVATE)


def signed_in(user: Any) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def make_token(user: Any, **body: Any) -> dict[str, Any]:
    body = {"name": "laptop", "scopes": ["read"], **body}
    response = signed_in(user).post("/api/v1/tokens", body, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def bearer(secret: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


def test_a_token_is_shown_once_and_only_its_digest_is_stored(people: dict[str, Any]) -> None:
    made = make_token(people["owner"], scopes=["read", "analyses:write"], days=30)

    assert made["token"].startswith("dw_")
    stored = ApiToken.objects.get(uid=made["uid"])
    assert made["token"] not in str(vars(stored))
    assert made["scopes"] == ["analyses:write", "read"]
    assert made["owner"] == "owner"
    assert dt.timedelta(days=29) < stored.expiry - stored.created <= dt.timedelta(days=30)
    listed = signed_in(people["owner"]).get("/api/v1/tokens").json()
    assert [t["uid"] for t in listed] == [made["uid"]]
    assert "token" not in listed[0]
    assert made["token"] not in signed_in(people["owner"]).get("/api/v1/tokens").content.decode()


def test_a_token_signs_in_and_records_its_last_use(people: dict[str, Any], project: Project) -> None:
    made = make_token(people["viewer"])

    response = bearer(made["token"]).get("/api/v1/projects/payments")

    assert response.status_code == 200
    assert response.json()["role"] == "viewer"
    assert ApiToken.objects.get(uid=made["uid"]).last_used is not None


# (scopes, method, path, body, expected): each endpoint's scope, with a token that has it and one that lacks it.
SCOPE_CASES = [
    (["read"], "get", "/api/v1/projects", None, 200),
    (["analyses:write"], "get", "/api/v1/projects", None, 403),
    (["read"], "get", "/api/v1/rules", None, 200),
    (["read"], "get", "/api/v1/analyses", None, 200),
    (["analyses:write"], "post", "/api/v1/lint", {"content": DOCKERFILE}, 200),
    (["read"], "post", "/api/v1/lint", {"content": DOCKERFILE}, 403),
    (["analyses:write"], "post", "/api/v1/analyses", {"content": DOCKERFILE}, 201),
    (["read", "scans:write"], "post", "/api/v1/analyses", {"content": DOCKERFILE}, 403),
    # Managing projects, members and tokens is for people in a session, whatever the token's scopes.
    (["read", "analyses:write", "scans:write"], "patch", "/api/v1/projects/payments", {"name": "x"}, 403),
    (["read", "analyses:write", "scans:write"], "post", "/api/v1/projects", {"name": "x", "slug": "x"}, 403),
    (["read", "analyses:write", "scans:write"], "post", "/api/v1/tokens", {"name": "x", "scopes": ["read"]}, 403),
    (["read", "analyses:write", "scans:write"], "get", "/api/v1/tokens", None, 403),
]


@pytest.mark.parametrize(("scopes", "method", "path", "body", "expected"), SCOPE_CASES)
def test_each_endpoint_needs_its_scope(people, project, scopes, method, path, body, expected) -> None:
    secret = make_token(people["owner"], scopes=scopes)["token"]

    response = getattr(bearer(secret), method)(path, body, format="json")

    assert response.status_code == expected, response.content
    if expected == 403:
        assert set(response.json()) == {"message", "details"}


def test_a_wrong_expired_or_revoked_token_is_refused(people: dict[str, Any]) -> None:
    expired = make_token(people["owner"])
    ApiToken.objects.filter(uid=expired["uid"]).update(expiry=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    revoked = make_token(people["owner"])
    assert signed_in(people["owner"]).delete(f"/api/v1/tokens/{revoked['uid']}").status_code == 204

    for secret in (expired["token"], revoked["token"], "dw_" + "x" * 64):
        response = bearer(secret).get("/api/v1/projects")
        assert response.status_code == 403, secret
        assert response.json()["message"] == "Invalid token."


def test_only_the_maker_or_the_project_owner_revokes_a_token(people: dict[str, Any], project: Project) -> None:
    mine = make_token(people["viewer"])
    ci = make_token(people["maintainer"], name="ci", scopes=["scans:write"], project="payments")

    by_other = signed_in(people["outsider"]).delete(f"/api/v1/tokens/{mine['uid']}")
    by_owner = signed_in(people["owner"]).delete(f"/api/v1/tokens/{ci['uid']}")

    assert by_other.status_code == 404
    assert by_owner.status_code == 204
    assert ApiToken.objects.filter(uid=mine["uid"]).exists()


def test_a_project_token_reaches_its_own_project_only(people: dict[str, Any], project: Project) -> None:
    other = make_project(people, slug="website", visibility=Project.Visibility.PRIVATE)
    secret = make_token(people["maintainer"], name="ci", scopes=["read"], project="payments")["token"]

    assert bearer(secret).get("/api/v1/projects/payments").status_code == 200
    assert bearer(secret).get(f"/api/v1/projects/{other.slug}").status_code == 404
    assert [p["slug"] for p in bearer(secret).get("/api/v1/projects").json()] == ["payments"]


@pytest.mark.parametrize(
    ("maker", "body", "expected"),
    [
        ("viewer", {"project": "payments", "scopes": ["scans:write"]}, 400),
        ("outsider", {"project": "payments", "scopes": ["scans:write"]}, 404),
        ("maintainer", {"project": "payments", "scopes": ["analyses:write"]}, 400),
        ("maintainer", {"project": "payments", "scopes": ["read", "scans:write"]}, 201),
        ("owner", {"scopes": []}, 400),
        ("owner", {"scopes": ["admin"]}, 400),
        ("owner", {"scopes": ["read"], "days": 0}, 400),
    ],
)
def test_who_may_make_which_token(people, project, maker, body, expected) -> None:
    response = signed_in(people[maker]).post("/api/v1/tokens", {"name": "ci", **body}, format="json")

    assert response.status_code == expected, response.content


def test_a_project_token_stops_when_its_maker_leaves_the_project(people: dict[str, Any], project: Project) -> None:
    secret = make_token(people["maintainer"], name="ci", project="payments")["token"]
    signed_in(people["owner"]).delete("/api/v1/projects/payments/members/maintainer")

    assert bearer(secret).get("/api/v1/projects/payments").status_code == 404


def test_the_admin_lists_and_revokes_tokens_without_ever_showing_a_secret(admin_client, people) -> None:
    made = make_token(people["owner"], name="deploy bot")
    token = ApiToken.objects.get(uid=made["uid"])

    listing = admin_client.get("/admin/tokens/apitoken/").content.decode()
    detail = admin_client.get(f"/admin/tokens/apitoken/{token.pk}/change/").content.decode()
    deleted = admin_client.post(f"/admin/tokens/apitoken/{token.pk}/delete/", {"post": "yes"})

    assert "deploy bot" in listing
    assert made["token"] not in listing + detail
    assert deleted.status_code == 302
    assert bearer(made["token"]).get("/api/v1/projects").status_code == 403


def test_session_sign_in_still_works_beside_tokens(people: dict[str, Any], project: Project) -> None:
    assert signed_in(people["owner"]).get("/api/v1/projects/payments").status_code == 200
    assert APIClient().get("/api/v1/projects/payments").status_code == 404


def test_no_page_carries_a_token(people: dict[str, Any], client: Any) -> None:
    made = make_token(people["owner"])
    client.force_login(people["owner"])

    for page in ("/", "/rules", "/api/v1/docs/", "/admin/"):
        response = client.get(page)
        # With the SPA built, whitenoise streams index.html from disk.
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert response.status_code < 400, page  # the admin sends a non-staff user to its sign-in page
        assert made["token"] not in body.decode(errors="replace"), page
