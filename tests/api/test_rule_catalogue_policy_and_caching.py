"""The rule catalogue shows each rule as the site runs it (the admin's policy) beside its defaults, resolves peer
ids to our rules, and is cacheable: an ETag keyed by the ruleset and policy versions, 304 for a client that holds
it, and a new ETag after every policy change."""

from __future__ import annotations

import gzip

import pytest

from catalog.models import RulePolicy
from catalog.selectors import rule_policy_version
from catalog.services import rule_policies_reset, rule_policy_save
from core import versioned_responses
from dockwright.lint import RULESET_VERSION
from dockwright.rules import load_all, registry
from tests.api.api_support import DOCKERFILE, assert_error_shape

pytestmark = pytest.mark.django_db


def _policy(rule_id, **fields):
    return rule_policy_save(policy=RulePolicy(rule_id=rule_id, **fields))


def _rules(api_client, **query):
    return {rule["id"]: rule for rule in api_client.get("/api/v1/rules", query).json()}


def test_a_site_severity_shows_in_the_rule_list_the_rule_page_and_findings(
    api_client, post_analysis, latest_tag_rule_id
):
    _policy(latest_tag_rule_id, severity="error")

    listed = _rules(api_client)[latest_tag_rule_id]
    page = api_client.get(f"/api/v1/rules/{latest_tag_rule_id}").json()
    findings = post_analysis({"content": DOCKERFILE}).json()["findings"]

    assert (listed["severity"], listed["default_severity"]) == ("error", "warning")
    assert {k: v for k, v in page.items() if k != "knowledge"} == listed
    assert {f["severity"] for f in findings if f["rule"] == latest_tag_rule_id} == {"error"}


def test_a_rule_switched_on_or_off_shows_beside_its_default(api_client, latest_tag_rule_id):
    _policy(latest_tag_rule_id, enabled=False)
    _policy("DF090", enabled=True)

    rules = _rules(api_client)

    assert (rules[latest_tag_rule_id]["enabled"], rules[latest_tag_rule_id]["enabled_by_default"]) == (False, True)
    assert (rules["DF090"]["enabled"], rules["DF090"]["enabled_by_default"]) == (True, False)


def test_the_severity_filter_uses_the_severity_on_this_site(api_client, latest_tag_rule_id):
    _policy(latest_tag_rule_id, severity="info")

    assert latest_tag_rule_id in _rules(api_client, severity="info")
    assert latest_tag_rule_id not in _rules(api_client, severity="warning")


def test_every_policy_change_bumps_the_policy_version(latest_tag_rule_id):
    assert rule_policy_version() == 0

    policy = _policy(latest_tag_rule_id, severity="info")
    policy.severity = "error"
    rule_policy_save(policy=policy)
    rule_policies_reset(policies=[policy])
    rule_policies_reset(policies=[policy])  # nothing left to reset: no change, no bump

    assert rule_policy_version() == 3


@pytest.mark.parametrize("path", ["/api/v1/rules", "/api/v1/rules/DF007", "/api/v1/rules?target=compose"])
def test_catalogue_answers_carry_an_etag_of_the_ruleset_and_policy_versions(api_client, path):
    response = api_client.get(path)

    assert response.status_code == 200
    assert response["ETag"].startswith(f'"{RULESET_VERSION}.p0.')
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=5"
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("weak", [False, True])
def test_a_client_holding_the_current_etag_gets_304_without_a_body(api_client, weak):
    etag = api_client.get("/api/v1/rules")["ETag"]

    response = api_client.get("/api/v1/rules", HTTP_IF_NONE_MATCH=("W/" if weak else "") + etag)

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=5"


def test_a_policy_change_changes_the_etag_and_the_answer(api_client, latest_tag_rule_id):
    before = api_client.get("/api/v1/rules")
    _policy(latest_tag_rule_id, severity="error")

    after = api_client.get("/api/v1/rules", HTTP_IF_NONE_MATCH=before["ETag"])

    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert after["ETag"].startswith(f'"{RULESET_VERSION}.p1.')
    assert {r["id"]: r["severity"] for r in after.json()}[latest_tag_rule_id] == "error"


def test_an_unknown_or_stale_etag_gets_the_whole_answer(api_client):
    assert api_client.get("/api/v1/rules", HTTP_IF_NONE_MATCH='"stale"').status_code == 200


def test_peer_gaps_are_cacheable_too(api_client):
    first = api_client.get("/api/v1/peer-gaps")

    assert first["ETag"].startswith(f'"{RULESET_VERSION}.')
    assert api_client.get("/api/v1/peer-gaps", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("DL3008", "DF011"),  # hadolint
        ("dl3008", "DF011"),
        ("JSONArgsRecommended", "DF008"),  # BuildKit
        ("no-duplicate-exported-ports", "DC009"),  # dclint
        ("SC2086", "DF100"),  # ShellCheck, through DF100
        ("sc1000", "DF100"),
        ("DL3061", "DF001"),  # a peer check another rule of ours reports
        ("latest-tag", None),  # our slug
    ],
)
def test_a_rule_page_answers_for_a_peer_id_with_our_rule(api_client, asked, expected):
    load_all()
    expected = expected or registry.get(asked).id

    response = api_client.get(f"/api/v1/rules/{asked}")

    assert response.status_code == 200
    assert response.json()["id"] == expected


def test_a_peer_check_several_rules_cover_answers_300_with_their_ids(api_client):
    load_all()
    covering = sorted(r.id for r in registry if r.equivalents.get("buildkit") == "MultipleInstructionsDisallowed")

    response = api_client.get("/api/v1/rules/MultipleInstructionsDisallowed")

    body = assert_error_shape(response, 300)
    assert len(covering) > 1
    assert body["details"] == {"rule_ids": covering}


def test_an_unknown_peer_id_is_a_404(api_client):
    assert_error_shape(api_client.get("/api/v1/rules/DL9999"), 404)
    assert_error_shape(api_client.get("/api/v1/rules/SC12"), 404)


def test_catalogue_answers_need_no_session_and_set_no_cookie(api_client, user):
    api_client.force_login(user)

    response = api_client.get("/api/v1/rules")

    assert response.status_code == 200
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_a_client_that_accepts_gzip_gets_the_catalogue_compressed_with_a_weak_etag(api_client):
    plain = api_client.get("/api/v1/rules")

    compressed = api_client.get("/api/v1/rules", HTTP_ACCEPT_ENCODING="br, gzip;q=0.8")

    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert compressed["ETag"] == "W/" + plain["ETag"]
    assert "Accept-Encoding" in compressed["Vary"] and "Accept-Encoding" in plain["Vary"]
    again = api_client.get("/api/v1/rules", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=compressed["ETag"])
    assert again.status_code == 304


@pytest.mark.parametrize("accept_encoding", ["", "br", "gzip;q=0", "identity"])
def test_a_client_that_does_not_accept_gzip_gets_plain_json(api_client, accept_encoding):
    response = api_client.get("/api/v1/rules", HTTP_ACCEPT_ENCODING=accept_encoding)

    assert "Content-Encoding" not in response
    assert response.json()


def test_rendered_answers_kept_in_memory_are_bounded_in_bytes(api_client, monkeypatch):
    # A limit of a few answers, whatever size the catalogue has grown to.
    answer = len(api_client.get("/api/v1/rules", {"q": "a", "n": "size"}).content)
    limit = answer * 5 // 2
    monkeypatch.setattr(versioned_responses, "MAX_BYTES", limit)

    for n in range(20):
        api_client.get("/api/v1/rules", {"q": "a", "n": n})

    assert versioned_responses._rendered_bytes <= limit
    assert 0 < len(versioned_responses._rendered) < 20
