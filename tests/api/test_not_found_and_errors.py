"""Unknown API paths and methods answer in the API's error shape; other prefixes keep their own handling."""

from __future__ import annotations

import pytest

from tests.api.api_support import assert_error_shape

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/api", "/api/", "/api/v2/analyses", "/api/v1/nothing-here", "/api/v1/rules/x/y"])
def test_unknown_api_path_is_a_json_404_not_the_spa(client, path):
    body = assert_error_shape(client.get(path), 404)

    assert body["details"] == {"path": path}


def test_unknown_api_path_is_a_json_404_even_with_debug_on(client, settings):
    settings.DEBUG = True

    assert_error_shape(client.get("/api/v1/nothing-here"), 404)


def test_unsupported_method_on_an_api_path_is_a_json_405(api_client):
    assert_error_shape(api_client.put("/api/v1/lint"), 405)


def test_unknown_static_file_is_a_404_not_the_spa(client):
    response = client.get("/static/nothing-here.css")

    assert response.status_code == 404
    assert b"<html" not in response.content


def test_admin_keeps_its_own_handling_of_unknown_paths(client):
    response = client.get("/admin/nothing-here/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_oversized_form_body_outside_the_api_is_a_json_413_not_an_html_400(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = client.post("/admin/login/", {"username": "x" * 5000, "password": "y"})

    assert_error_shape(response, 413)
