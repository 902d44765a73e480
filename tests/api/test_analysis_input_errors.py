"""Bad input to POST /api/v1/analyses gets a clear 4xx in the one error shape, never a crash."""

from __future__ import annotations

import io

import pytest
from django.test import RequestFactory

from analyses.apis import AnalysisCollectionApi
from analyses.models import Analysis
from tests.api.api_support import DOCKERFILE, assert_error_shape

pytestmark = pytest.mark.django_db


def test_analysis_without_content_is_rejected_with_400(post_analysis):
    body = assert_error_shape(post_analysis({"kind": "dockerfile"}), 400)

    assert "content" in body["details"]


def test_analysis_of_empty_content_is_rejected_with_400(post_analysis):
    body = assert_error_shape(post_analysis({"content": ""}), 400)

    assert "content" in body["details"]


def test_analysis_of_whitespace_only_content_is_rejected_with_400(post_analysis):
    body = assert_error_shape(post_analysis({"content": " \n\t\n"}), 400)

    assert "empty" in body["message"]


def test_analysis_of_content_over_the_limit_is_rejected_with_413(post_analysis, settings):
    settings.DOCKWRIGHT_MAX_CONTENT_BYTES = 1000
    content = "FROM scratch\n" + "# padding\n" * 100

    body = assert_error_shape(post_analysis({"content": content}), 413)

    assert "1000" in body["message"]
    assert not Analysis.objects.exists()


def test_content_limit_counts_utf8_bytes_not_characters(post_analysis, settings):
    settings.DOCKWRIGHT_MAX_CONTENT_BYTES = 100
    content = "FROM scratch\n# " + "é" * 45 + "\n"  # 62 characters, 107 bytes

    assert_error_shape(post_analysis({"content": content}), 413)


def test_request_body_over_the_upload_limit_is_rejected_with_413(post_analysis, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2000

    body = assert_error_shape(post_analysis({"content": "FROM scratch\n" + "#" * 5000}), 413)

    assert "2000" in body["message"]


def test_request_body_declared_over_the_limit_is_refused_without_being_read(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2000

    class UnreadableStream(io.RawIOBase):
        def read(self, size=-1):
            raise AssertionError("the body was read")

    request = RequestFactory().post("/api/v1/analyses", data=b"{}", content_type="application/json")
    request.META["CONTENT_LENGTH"] = "10000000"
    request.META["wsgi.input"] = UnreadableStream()
    request._stream = UnreadableStream()

    response = AnalysisCollectionApi.as_view()(request)

    assert response.status_code == 413
    assert set(response.data) == {"message", "details"}


def test_analysis_with_nul_bytes_is_rejected_with_400(post_analysis):
    body = assert_error_shape(post_analysis({"content": "FROM scratch\n\u0000\u0000"}), 400)

    assert "content" in body["details"]


def test_analysis_of_binary_content_is_rejected_with_400(post_analysis):
    binary = "".join(chr(c) for c in range(1, 32) if chr(c) not in "\t\n\r\f\v") * 4

    body = assert_error_shape(post_analysis({"content": "FROM scratch\n" + binary}), 400)

    assert "binary" in body["message"]


def test_malformed_json_body_is_rejected_with_400(post_analysis):
    body = assert_error_shape(post_analysis(b'{"content": "FROM scratch"'), 400)

    assert "JSON" in body["message"]


def test_json_nested_too_deeply_is_rejected_with_400(post_analysis):
    body = assert_error_shape(post_analysis(b"[" * 100_000 + b"]" * 100_000), 400)

    assert "JSON" in body["message"]


def test_body_that_is_not_utf8_is_rejected_with_400(post_analysis):
    body = assert_error_shape(post_analysis(b'{"content": "FROM \xff\xfe"}'), 400)

    assert "UTF-8" in body["message"]


def test_json_body_that_is_not_an_object_is_rejected_with_400(post_analysis):
    assert_error_shape(post_analysis([DOCKERFILE]), 400)


def test_content_that_is_not_a_string_is_rejected_with_400(post_analysis):
    body = assert_error_shape(post_analysis({"content": 42}), 400)

    assert "content" in body["details"]


def test_filename_that_is_not_a_string_is_rejected_with_400(post_analysis):
    body = assert_error_shape(post_analysis({"content": DOCKERFILE, "filename": ["Dockerfile"]}), 400)

    assert "filename" in body["details"]


def test_config_that_is_not_an_object_is_rejected_with_400(post_analysis):
    body = assert_error_shape(post_analysis({"content": DOCKERFILE, "config": ["DF001"]}), 400)

    assert "config" in body["details"]


def test_unknown_kind_is_rejected_with_400(post_analysis):
    body = assert_error_shape(post_analysis({"content": DOCKERFILE, "kind": "makefile"}), 400)

    assert "kind" in body["details"]
    assert body["message"].startswith("kind:")


def test_unknown_config_key_is_rejected_with_400(post_analysis):
    body = assert_error_shape(post_analysis({"content": DOCKERFILE, "config": {"colour": "blue"}}), 400)

    assert "colour" in body["message"]
    assert "config" in body["details"]


def test_config_value_of_the_wrong_type_is_rejected_with_400(post_analysis):
    body = assert_error_shape(post_analysis({"content": DOCKERFILE, "config": {"shellcheck": "yes"}}), 400)

    assert "shellcheck" in body["message"]


def test_config_with_an_unknown_severity_is_rejected_with_400(post_analysis):
    response = post_analysis({"content": DOCKERFILE, "config": {"severity": {"DF001": "loud"}}})

    body = assert_error_shape(response, 400)
    assert "loud" in body["message"]


def test_unknown_body_field_is_rejected_with_400(post_analysis):
    body = assert_error_shape(post_analysis({"content": DOCKERFILE, "contents": DOCKERFILE}), 400)

    assert body["details"] == {"contents": ["unknown field"]}


def test_body_that_is_not_json_is_rejected_with_415(api_client):
    response = api_client.post("/api/v1/analyses", data="FROM scratch", content_type="text/plain")

    assert_error_shape(response, 415)


def test_rejected_input_stores_nothing(post_analysis):
    post_analysis({"content": "", "kind": "nope"})

    assert not Analysis.objects.exists()
