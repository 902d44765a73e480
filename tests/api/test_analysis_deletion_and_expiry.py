"""Shared analyses end: their owner deletes them (one, its identical saves, or the whole history), or, shared
anonymously, they expire after DOCKWRIGHT_ANONYMOUS_RETENTION_DAYS (the retention task Celery beat sends, or
`manage.py expire_analyses` by hand). Either way the link answers 410 Gone from a tombstone that keeps nothing of the
content."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient

from analyses.models import Analysis, AnalysisTombstone
from analyses.tasks import analyses_expire
from tests.api.api_support import DOCKERFILE, assert_error_shape

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_client(other_user):
    client = APIClient()
    client.force_login(other_user)
    return client


def _share(post_analysis, client=None, content=DOCKERFILE, **fields):
    response = post_analysis({"content": content, **fields}, client=client)
    assert response.status_code == 201, response.content
    return response.json()


def _age(analysis_id, days):
    Analysis.objects.filter(pk=analysis_id).update(created=timezone.now() - dt.timedelta(days=days))


def test_owner_deletes_an_analysis_and_its_link_answers_410(post_analysis, signed_in_client, api_client):
    shared = _share(post_analysis, signed_in_client)

    deleted = signed_in_client.delete(f"/api/v1/analyses/{shared['id']}")

    assert deleted.status_code == 204
    body = assert_error_shape(api_client.get(f"/api/v1/analyses/{shared['id']}"), 410)
    assert body["message"] == f"analysis {shared['id']} was deleted on {timezone.now().date().isoformat()}"
    assert body["details"]["id"] == shared["id"] and body["details"]["reason"] == "deleted"
    assert dt.datetime.fromisoformat(body["details"]["deleted_at"])
    assert_error_shape(api_client.get(f"/api/v1/analyses/{shared['id']}/fixed"), 410)
    assert_error_shape(signed_in_client.delete(f"/api/v1/analyses/{shared['id']}"), 410)


def test_a_tombstone_keeps_only_the_id_and_when(post_analysis, signed_in_client):
    shared = _share(post_analysis, signed_in_client, filename="secret.Dockerfile")

    signed_in_client.delete(f"/api/v1/analyses/{shared['id']}")

    assert not Analysis.objects.exists()
    assert {field.name for field in AnalysisTombstone._meta.get_fields()} == {"id", "deleted_at", "reason"}
    assert AnalysisTombstone.objects.get().pk == shared["id"]


def test_someone_elses_analysis_cannot_be_deleted_and_answers_404(post_analysis, signed_in_client, other_client):
    shared = _share(post_analysis, signed_in_client)
    anonymous = _share(post_analysis, content=DOCKERFILE + "# anonymous\n")

    assert_error_shape(other_client.delete(f"/api/v1/analyses/{shared['id']}"), 404)
    assert_error_shape(other_client.delete(f"/api/v1/analyses/{anonymous['id']}"), 404)
    assert_error_shape(other_client.delete("/api/v1/analyses/AAAAAAAAAAAAAAAAAAAAAA"), 404)
    assert Analysis.objects.count() == 2


def test_deleting_needs_a_signed_in_user(post_analysis, api_client):
    shared = _share(post_analysis)

    assert_error_shape(api_client.delete(f"/api/v1/analyses/{shared['id']}"), 403)
    assert_error_shape(api_client.delete("/api/v1/analyses"), 403)
    assert Analysis.objects.filter(pk=shared["id"]).exists()


def test_can_delete_tells_the_owner_only(post_analysis, signed_in_client, other_client, api_client):
    shared = _share(post_analysis, signed_in_client)
    path = f"/api/v1/analyses/{shared['id']}"

    assert shared["can_delete"] is True
    assert signed_in_client.get(path).json()["can_delete"] is True
    assert other_client.get(path).json()["can_delete"] is False
    assert api_client.get(path).json()["can_delete"] is False


def test_deleting_with_identical_removes_every_identical_save(post_analysis, signed_in_client):
    first = _share(post_analysis, signed_in_client)
    second = _share(post_analysis, signed_in_client, filename="Dockerfile")
    other = _share(post_analysis, signed_in_client, content=DOCKERFILE + "# changed\n")

    response = signed_in_client.delete(f"/api/v1/analyses/{second['id']}?identical=true")

    assert response.status_code == 204
    assert list(Analysis.objects.values_list("pk", flat=True)) == [other["id"]]
    assert set(AnalysisTombstone.objects.values_list("pk", flat=True)) == {first["id"], second["id"]}


def test_clearing_the_history_deletes_only_the_users_analyses(post_analysis, signed_in_client, other_client):
    own = [_share(post_analysis, signed_in_client, content=DOCKERFILE + f"# {n}\n")["id"] for n in range(3)]
    others = _share(post_analysis, other_client)
    anonymous = _share(post_analysis)

    response = signed_in_client.delete("/api/v1/analyses")

    assert response.status_code == 204
    assert signed_in_client.get("/api/v1/analyses").json()["count"] == 0
    assert set(Analysis.objects.values_list("pk", flat=True)) == {others["id"], anonymous["id"]}
    assert set(AnalysisTombstone.objects.values_list("pk", flat=True)) == set(own)


def test_an_anonymous_analysis_says_when_it_expires(post_analysis, signed_in_client, settings):
    settings.DOCKWRIGHT_ANONYMOUS_RETENTION_DAYS = 7

    anonymous = _share(post_analysis)
    owned = _share(post_analysis, signed_in_client)

    created = dt.datetime.fromisoformat(anonymous["created"])
    assert dt.datetime.fromisoformat(anonymous["expires_at"]) == created + dt.timedelta(days=7)
    assert owned["expires_at"] is None


def test_expire_analyses_removes_old_anonymous_analyses_only(post_analysis, signed_in_client, api_client, settings):
    settings.DOCKWRIGHT_ANONYMOUS_RETENTION_DAYS = 30
    old = _share(post_analysis)
    recent = _share(post_analysis, content=DOCKERFILE + "# recent\n")
    owned = _share(post_analysis, signed_in_client, content=DOCKERFILE + "# owned\n")
    _age(old["id"], 31)
    _age(recent["id"], 29)
    _age(owned["id"], 400)
    out = io.StringIO()

    call_command("expire_analyses", stdout=out)

    assert "1 anonymous analyses older than 30 days expired" in out.getvalue()
    assert set(Analysis.objects.values_list("pk", flat=True)) == {recent["id"], owned["id"]}
    body = assert_error_shape(api_client.get(f"/api/v1/analyses/{old['id']}"), 410)
    assert body["details"]["reason"] == "expired"
    assert "expired on" in body["message"] and "kept for 30 days" in body["message"]


def test_expire_analyses_works_through_more_than_one_batch(post_analysis, settings, monkeypatch):
    monkeypatch.setattr("analyses.services.EXPIRE_BATCH", 2)
    ids = [_share(post_analysis, content=DOCKERFILE + f"# {n}\n")["id"] for n in range(5)]
    for analysis_id in ids:
        _age(analysis_id, 31)

    call_command("expire_analyses", stdout=io.StringIO())

    assert not Analysis.objects.exists()
    assert AnalysisTombstone.objects.filter(reason="expired").count() == 5


def test_retention_of_zero_days_keeps_anonymous_analyses(post_analysis, settings):
    settings.DOCKWRIGHT_ANONYMOUS_RETENTION_DAYS = 0
    shared = _share(post_analysis)
    _age(shared["id"], 3650)
    out = io.StringIO()

    call_command("expire_analyses", stdout=out)

    assert Analysis.objects.filter(pk=shared["id"]).exists()
    assert shared["expires_at"] is None
    assert "kept" in out.getvalue()


def test_the_retention_task_expires_what_the_command_expires(post_analysis, signed_in_client, settings):
    settings.DOCKWRIGHT_ANONYMOUS_RETENTION_DAYS = 30
    old = _share(post_analysis)
    recent = _share(post_analysis, content=DOCKERFILE + "# recent\n")
    owned = _share(post_analysis, signed_in_client, content=DOCKERFILE + "# owned\n")
    _age(old["id"], 31)
    _age(owned["id"], 400)

    expired = analyses_expire.delay().get()

    assert expired == 1
    assert set(Analysis.objects.values_list("pk", flat=True)) == {recent["id"], owned["id"]}
    assert AnalysisTombstone.objects.get().reason == "expired"
