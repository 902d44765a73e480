"""GET /api/v1/analyses/{id} (a share link) and GET /api/v1/analyses (the signed-in user's history)."""

from __future__ import annotations

import pytest

from tests.api.api_support import DOCKERFILE, assert_error_shape

pytestmark = pytest.mark.django_db


def test_analysis_is_returned_by_id_in_the_shape_it_was_created(post_analysis, api_client):
    created = post_analysis({"content": DOCKERFILE, "filename": "Dockerfile"}).json()

    response = api_client.get(f"/api/v1/analyses/{created['id']}")

    assert response.status_code == 200
    assert response.json() == created


def test_anyone_with_the_id_can_read_a_users_analysis(post_analysis, signed_in_client, api_client):
    created = post_analysis({"content": DOCKERFILE}, client=signed_in_client).json()

    response = api_client.get(f"/api/v1/analyses/{created['id']}")

    assert response.status_code == 200
    assert response.json()["content"] == DOCKERFILE


def test_unknown_analysis_id_is_a_json_404(api_client):
    body = assert_error_shape(api_client.get("/api/v1/analyses/AAAAAAAAAAAAAAAAAAAAAA"), 404)

    assert "AAAAAAAAAAAAAAAAAAAAAA" in body["message"]


def test_history_is_refused_to_anonymous_users_with_json(api_client):
    response = api_client.get("/api/v1/analyses")

    assert_error_shape(response, 403)


def test_history_lists_only_the_signed_in_users_own_analyses(post_analysis, signed_in_client, other_user):
    own = [post_analysis({"content": DOCKERFILE + f"# {n}\n"}, client=signed_in_client).json()["id"] for n in range(3)]
    other_client = type(signed_in_client)()
    other_client.force_login(other_user)
    post_analysis({"content": DOCKERFILE}, client=other_client)
    post_analysis({"content": DOCKERFILE})

    body = signed_in_client.get("/api/v1/analyses").json()

    assert body["count"] == 3
    assert [a["id"] for a in body["results"]] == list(reversed(own))
    assert body["next"] is None and body["previous"] is None
    assert all("content" not in a for a in body["results"])
    assert all(a["url"] == f"/a/{a['id']}" for a in body["results"])


def test_history_is_paginated(post_analysis, signed_in_client):
    for n in range(21):
        post_analysis({"content": DOCKERFILE + f"# {n}\n"}, client=signed_in_client)

    first = signed_in_client.get("/api/v1/analyses").json()
    second = signed_in_client.get(first["next"]).json()

    assert first["count"] == 21
    assert len(first["results"]) == 20
    assert len(second["results"]) == 1
    assert second["previous"] is not None
