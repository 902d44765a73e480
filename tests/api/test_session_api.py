"""/api/v1/auth/session: the SPA signs in and out with a session cookie, CSRF-protected."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from tests.api.api_support import DOCKERFILE, assert_error_shape

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-password-for-tests"


@pytest.fixture
def browser():
    """A client that enforces CSRF like a browser session does."""
    return APIClient(enforce_csrf_checks=True)


def csrf_token(client: APIClient) -> str:
    client.get("/api/v1/auth/session")
    return client.cookies["csrftoken"].value


def test_session_of_an_anonymous_visitor_is_unauthenticated_and_sets_the_csrf_cookie(browser):
    response = browser.get("/api/v1/auth/session")

    assert response.json() == {"authenticated": False, "username": None}
    assert "csrftoken" in response.cookies


def test_sign_in_with_the_csrf_token_opens_a_session_that_sees_its_history(browser, user):
    token = csrf_token(browser)

    response = browser.post(
        "/api/v1/auth/session", {"username": "ada", "password": PASSWORD}, format="json", HTTP_X_CSRFTOKEN=token
    )

    assert response.json() == {"authenticated": True, "username": "ada"}
    token = browser.cookies["csrftoken"].value  # rotated at sign-in
    created = browser.post("/api/v1/analyses", {"content": DOCKERFILE}, format="json", HTTP_X_CSRFTOKEN=token)
    assert created.status_code == 201
    assert [a["id"] for a in browser.get("/api/v1/analyses").json()["results"]] == [created.json()["id"]]


def test_sign_in_without_the_csrf_token_is_refused_with_403(browser, user):
    response = browser.post("/api/v1/auth/session", {"username": "ada", "password": PASSWORD}, format="json")

    body = assert_error_shape(response, 403)
    assert "CSRF" in body["message"]


def test_sign_in_with_a_wrong_password_is_refused(browser, user):
    token = csrf_token(browser)

    response = browser.post(
        "/api/v1/auth/session", {"username": "ada", "password": "wrong"}, format="json", HTTP_X_CSRFTOKEN=token
    )

    assert_error_shape(response, 403)
    assert browser.get("/api/v1/auth/session").json()["authenticated"] is False


def test_signed_in_post_without_the_csrf_token_is_refused(browser, user):
    browser.force_login(user)

    assert_error_shape(browser.post("/api/v1/analyses", {"content": DOCKERFILE}, format="json"), 403)


def test_sign_out_ends_the_session(signed_in_client):
    response = signed_in_client.delete("/api/v1/auth/session")

    assert response.status_code == 204
    assert signed_in_client.get("/api/v1/auth/session").json()["authenticated"] is False
