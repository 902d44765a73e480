"""What the generated OpenAPI schema promises API users: a summary and a description for every operation, every
error status in the one error shape, enums for severities and kinds, a config example the API accepts, no sign-in
requirement on public operations, and no notes meant for developers."""

from __future__ import annotations

import re

import pytest

from analyses.apis import AnalysisCollectionApi, AnalysisDetailApi, AnalysisFixedContentApi, LintApi
from catalog.apis import PeerGapListApi, RuleDetailApi, RuleListApi
from core.apis import InfoApi
from core.session_apis import SessionApi
from dockwright.config import LintConfig
from projects.apis import InvitationAcceptApi

pytestmark = pytest.mark.django_db

METHODS = {"get", "post", "put", "patch", "delete"}
ERROR_STATUSES = {"400", "403", "404", "410", "413", "415", "429"}
SIGNED_IN_ONLY = {
    ("/api/v1/analyses", "get"),
    ("/api/v1/analyses", "delete"),
    ("/api/v1/analyses/{analysis_id}", "delete"),
    ("/api/v1/projects", "post"),
    ("/api/v1/projects/{slug}", "patch"),
    ("/api/v1/projects/{slug}", "delete"),
    ("/api/v1/projects/{slug}/policy", "put"),
    ("/api/v1/projects/{slug}/members", "get"),
    ("/api/v1/projects/{slug}/members", "post"),
    ("/api/v1/projects/{slug}/members/{username}", "patch"),
    ("/api/v1/projects/{slug}/members/{username}", "delete"),
    ("/api/v1/projects/{slug}/invitations", "get"),
    ("/api/v1/projects/{slug}/invitations", "post"),
    ("/api/v1/projects/{slug}/invitations/{invitation_id}", "delete"),
    ("/api/v1/invitations", "post"),
    ("/api/v1/tokens", "get"),
    ("/api/v1/tokens", "post"),
    ("/api/v1/tokens/{uid}", "delete"),
    ("/api/v1/projects/{slug}/scans", "get"),
    ("/api/v1/projects/{slug}/scans", "post"),
    ("/api/v1/projects/{slug}/scans/{scan_id}", "get"),
    ("/api/v1/projects/{slug}/scans/archive", "post"),
    ("/api/v1/projects/{slug}/lint", "post"),
    ("/api/v1/projects/{slug}/scans/{scan_id}/files/{file_id}", "get"),
    ("/api/v1/projects/{slug}/overview", "get"),
    ("/api/v1/projects/{slug}/badge.svg", "get"),
    ("/api/v1/inventory", "get"),
    ("/api/v1/inventory/images", "get"),
    ("/api/v1/inventory/root", "get"),
    ("/api/v1/inventory/database-ports", "get"),
}
# The signed-in operations an API token may call (with its scope); the others take a session only.
TOKEN_TOO = {
    ("/api/v1/analyses", "get"),
    ("/api/v1/analyses", "delete"),
    ("/api/v1/analyses/{analysis_id}", "delete"),
    ("/api/v1/projects/{slug}/members", "get"),
    ("/api/v1/projects/{slug}/invitations", "get"),
    ("/api/v1/projects/{slug}/scans", "get"),
    ("/api/v1/projects/{slug}/scans", "post"),
    ("/api/v1/projects/{slug}/scans/{scan_id}", "get"),
    ("/api/v1/projects/{slug}/scans/archive", "post"),
    ("/api/v1/projects/{slug}/lint", "post"),
    ("/api/v1/projects/{slug}/scans/{scan_id}/files/{file_id}", "get"),
    ("/api/v1/projects/{slug}/overview", "get"),
    ("/api/v1/projects/{slug}/badge.svg", "get"),
    ("/api/v1/inventory", "get"),
    ("/api/v1/inventory/images", "get"),
    ("/api/v1/inventory/root", "get"),
    ("/api/v1/inventory/database-ports", "get"),
}
EXPECTED_ERRORS = {
    ("/api/v1/lint", "post"): {"400", "413", "415", "429"},
    ("/api/v1/analyses", "post"): {"400", "413", "415", "429"},
    ("/api/v1/analyses", "get"): {"403"},
    ("/api/v1/analyses", "delete"): {"403"},
    ("/api/v1/analyses/{analysis_id}", "get"): {"404", "410"},
    ("/api/v1/analyses/{analysis_id}", "delete"): {"403", "404", "410"},
    ("/api/v1/analyses/{analysis_id}/fixed", "get"): {"404", "410", "429"},
    ("/api/v1/rules", "get"): {"400"},
    ("/api/v1/rules/{rule_id}", "get"): {"404"},
    ("/api/v1/auth/session", "post"): {"400", "403", "413", "415", "429"},
    ("/api/v1/projects/{slug}", "get"): {"404"},
    ("/api/v1/projects/{slug}", "patch"): {"400", "403", "404"},
    ("/api/v1/projects/{slug}/policy", "get"): {"404"},
    ("/api/v1/projects/{slug}/policy", "put"): {"400", "403", "404"},
    ("/api/v1/projects/{slug}/members/{username}", "delete"): {"400", "403", "404"},
    ("/api/v1/invitations/accept", "post"): {"400", "403", "404", "429"},
    ("/api/v1/auth/signup", "post"): {"400", "403", "429"},
    ("/api/v1/projects/{slug}/overview", "get"): {"400", "404"},
    ("/api/v1/projects/{slug}/badge.svg", "get"): {"404"},
    ("/api/v1/inventory/images", "get"): {"400", "403", "404"},
}


@pytest.fixture(scope="module")
def schema(django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        response = Client().get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def _operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def _component(schema, ref):
    return schema["components"]["schemas"][ref.rsplit("/", 1)[1]]


def test_every_operation_has_a_summary_and_a_description(schema):
    missing = [(path, method) for path, method, op in _operations(schema) if not op.get("summary")]
    undescribed = [(path, method) for path, method, op in _operations(schema) if not op.get("description")]

    assert missing == []
    assert undescribed == []


def test_every_error_status_is_documented_in_the_error_shape(schema):
    error = schema["components"]["schemas"]["Error"]
    assert set(error["required"]) == {"message", "details"}
    for path, method, operation in _operations(schema):
        for status, response in operation["responses"].items():
            if status in ERROR_STATUSES or status == "300":
                ref = response["content"]["application/json"]["schema"]["$ref"]
                assert ref == "#/components/schemas/Error", (path, method, status)


@pytest.mark.parametrize(("operation", "statuses"), EXPECTED_ERRORS.items(), ids=lambda v: str(v))
def test_each_operation_documents_the_errors_it_can_answer(schema, operation, statuses):
    path, method = operation

    documented = set(schema["paths"][path][method]["responses"]) & ERROR_STATUSES

    assert documented == statuses


def test_severities_and_kinds_are_enums(schema):
    components = schema["components"]["schemas"]
    assert components["SeverityEnum"]["enum"] == ["error", "warning", "info", "style"]
    assert components["FileKindEnum"]["enum"] == ["dockerfile", "compose"]
    severities = [("Finding", "severity"), ("Rule", "severity"), ("Rule", "default_severity")]
    kinds = [("Analysis", "kind"), ("LintResult", "kind"), ("HistoryEntry", "kind"), ("Rule", "target")]
    for name, field in severities:
        assert _enum_ref(components[name]["properties"][field]).endswith("/SeverityEnum"), (name, field)
    for name, field in kinds:
        assert _enum_ref(components[name]["properties"][field]).endswith("/FileKindEnum"), (name, field)


def test_the_catalogue_filters_are_enums_of_the_same_values(schema):
    components = schema["components"]["schemas"]
    parameters = {p["name"]: p["schema"] for p in schema["paths"]["/api/v1/rules"]["get"]["parameters"]}

    assert set(parameters["severity"]["enum"]) == set(components["SeverityEnum"]["enum"])
    assert set(parameters["target"]["enum"]) == set(components["FileKindEnum"]["enum"])


def _enum_ref(prop):
    """A $ref, or the one inside allOf that drf-spectacular writes for a field with a description."""
    return prop.get("$ref") or prop["allOf"][0]["$ref"]


def test_findings_document_code_and_help_url(schema):
    finding = schema["components"]["schemas"]["Finding"]

    assert finding["properties"]["code"]["nullable"] is True
    assert {"code", "help_url"} <= set(finding["required"])


def test_the_config_example_is_a_real_config_the_api_accepts(schema, api_client):
    request = schema["paths"]["/api/v1/lint"]["post"]["requestBody"]["content"]["application/json"]
    config = _component(schema, request["schema"]["$ref"])["properties"]["config"]
    example = config["example"]

    LintConfig.from_dict(example)
    assert set(config["properties"]) >= set(example)
    assert config["additionalProperties"] is False
    body = next(iter(request["examples"].values()))["value"]
    assert body["config"] == example
    assert api_client.post("/api/v1/lint", body, format="json").status_code == 200


def test_public_operations_ask_for_no_sign_in(schema):
    for path, method, operation in _operations(schema):
        if (path, method) in SIGNED_IN_ONLY:
            expected = [{"cookieAuth": []}, {"tokenAuth": []}] if (path, method) in TOKEN_TOO else [{"cookieAuth": []}]
            assert operation["security"] == expected, (path, method)
        else:
            assert "security" not in operation, (path, method)
    assert "security" not in schema


def test_descriptions_hold_no_notes_for_developers(schema):
    views = [
        LintApi, AnalysisCollectionApi, AnalysisDetailApi, AnalysisFixedContentApi, RuleListApi, RuleDetailApi,
        PeerGapListApi, InfoApi, SessionApi, InvitationAcceptApi,
    ]  # fmt: skip
    text = " ".join(op.get("description", "") for _, _, op in _operations(schema))
    notes = [view.__doc__ for view in views if view.__doc__]
    assert notes, "the views' docstrings are the notes that must stay out"
    for note in notes:
        assert re.sub(r"\s+", " ", note.strip())[:40] not in text
    assert not re.search(r"serializer|selector|APIView|docstring|views?\.py", text, re.IGNORECASE)
