"""GET /api/v1/analyses, the signed-in user's history: filename, a first-line preview and the counts per entry, and
identical saves (same content, kind and config) as one entry that the newest save stands for."""

from __future__ import annotations

import pytest

from tests.api.api_support import DOCKERFILE

pytestmark = pytest.mark.django_db

ENTRY_FIELDS = {"id", "kind", "filename", "preview", "counts", "saves", "ruleset_version", "created", "url"}


def _share(post_analysis, client, content=DOCKERFILE, **fields):
    response = post_analysis({"content": content, **fields}, client=client)
    assert response.status_code == 201, response.content
    return response.json()


def test_history_entries_show_filename_preview_and_counts(post_analysis, signed_in_client):
    shared = _share(post_analysis, signed_in_client, content="\n\n  # syntax=docker/dockerfile:1\n" + DOCKERFILE,
                    filename="api/Dockerfile")  # fmt: skip

    entry = signed_in_client.get("/api/v1/analyses").json()["results"][0]

    assert set(entry) == ENTRY_FIELDS
    assert entry["id"] == shared["id"]
    assert entry["filename"] == "api/Dockerfile"
    assert entry["preview"] == "# syntax=docker/dockerfile:1"
    assert entry["counts"] == shared["counts"]
    assert entry["saves"] == 1
    assert entry["url"] == f"/a/{shared['id']}"


def test_a_long_first_line_is_shortened_in_the_preview(post_analysis, signed_in_client):
    _share(post_analysis, signed_in_client, content="FROM " + "x" * 200 + "\n")

    preview = signed_in_client.get("/api/v1/analyses").json()["results"][0]["preview"]

    assert len(preview) == 80 and preview.startswith("FROM xxx") and preview.endswith("…")


def test_identical_saves_are_one_entry_the_newest_stands_for(post_analysis, signed_in_client):
    first = _share(post_analysis, signed_in_client, filename="Dockerfile")
    other = _share(post_analysis, signed_in_client, content=DOCKERFILE + "# other\n")
    newest = _share(post_analysis, signed_in_client, filename="renamed.Dockerfile")

    body = signed_in_client.get("/api/v1/analyses").json()

    assert body["count"] == 2
    assert [(e["id"], e["saves"]) for e in body["results"]] == [(newest["id"], 2), (other["id"], 1)]
    assert body["results"][0]["filename"] == "renamed.Dockerfile"
    assert first["id"] not in {e["id"] for e in body["results"]}


def test_saves_with_the_same_config_in_another_order_are_identical(post_analysis, signed_in_client):
    _share(post_analysis, signed_in_client, config={"ignore": ["DF001", "DF002"], "shellcheck": True})
    _share(post_analysis, signed_in_client, config={"shellcheck": True, "ignore": ["df002", "DF001"]})

    body = signed_in_client.get("/api/v1/analyses").json()

    assert [e["saves"] for e in body["results"]] == [2]


def test_saves_with_another_config_or_kind_are_separate_entries(post_analysis, signed_in_client):
    _share(post_analysis, signed_in_client)
    _share(post_analysis, signed_in_client, config={"shellcheck": False})
    _share(post_analysis, signed_in_client, content="services:\n  web:\n    image: nginx:latest\n", kind="compose")
    _share(post_analysis, signed_in_client, content="services:\n  web:\n    image: nginx:latest\n")

    body = signed_in_client.get("/api/v1/analyses").json()

    assert body["count"] == 3
    assert sorted(e["saves"] for e in body["results"]) == [1, 1, 2]


def test_identical_saves_of_another_user_are_not_counted(post_analysis, signed_in_client, other_user):
    other_client = type(signed_in_client)()
    other_client.force_login(other_user)
    _share(post_analysis, signed_in_client)
    _share(post_analysis, other_client)
    _share(post_analysis, None)

    body = signed_in_client.get("/api/v1/analyses").json()

    assert [e["saves"] for e in body["results"]] == [1]
