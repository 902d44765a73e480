"""The SPA build is served at / by whitenoise, with client-side routes falling back to index.html."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.api.api_support import assert_error_shape

INDEX_HTML = (
    '<!doctype html><html><body><div id="root"></div><script src="/assets/app-abc123.js"></script></body></html>'
)
ASSET_JS = "console.log('dockwright');\n"


@pytest.fixture
def spa_client(tmp_path, settings):
    """A client whose app serves a freshly built SPA from a temporary folder."""
    (tmp_path / "index.html").write_text(INDEX_HTML)
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "app-abc123.js").write_text(ASSET_JS)
    settings.DOCKWRIGHT_SPA_DIR = tmp_path
    settings.WHITENOISE_ROOT = str(tmp_path)
    return Client()  # a new client loads the middleware, so whitenoise sees the folder


def content_of(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_site_root_serves_the_spa_index_uncached(spa_client):
    response = spa_client.get("/")

    assert response.status_code == 200
    assert content_of(response) == INDEX_HTML
    assert response["Cache-Control"] == "no-cache"


@pytest.mark.parametrize("route", ["/a/CykGuAkopJcoc2d8wv1-Yw", "/rules", "/rules/latest-tag", "/about"])
def test_spa_routes_fall_back_to_the_index(spa_client, route):
    response = spa_client.get(route)

    assert response.status_code == 200
    assert content_of(response) == INDEX_HTML
    assert response["Cache-Control"] == "no-cache"


def test_hashed_assets_are_cached_for_a_year_as_immutable(spa_client):
    response = spa_client.get("/assets/app-abc123.js")

    assert response.status_code == 200
    assert content_of(response) == ASSET_JS
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert directives == {"public", "max-age=31536000", "immutable"}


def test_missing_asset_is_a_404_not_the_index(spa_client):
    response = spa_client.get("/assets/app-000000.js")

    assert response.status_code == 404
    assert INDEX_HTML not in content_of(response)


@pytest.mark.django_db
def test_api_paths_keep_their_json_404_when_the_spa_is_built(spa_client):
    assert_error_shape(spa_client.get("/api/v1/nothing-here"), 404)


def test_site_root_explains_how_to_build_the_spa_when_it_is_missing(tmp_path, settings):
    settings.DOCKWRIGHT_SPA_DIR = tmp_path / "dist"
    settings.WHITENOISE_ROOT = None

    response = Client().get("/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "make run" in response.content.decode()
