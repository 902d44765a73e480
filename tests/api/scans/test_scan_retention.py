"""Scans older than DOCKWRIGHT_SCAN_RETENTION_DAYS are deleted by the retention task (Celery beat sends it), with
their files and findings, except each project's latest finished scan of its default branch: the baseline the next
scan is compared with stays, however old."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from projects.models import Project
from scans import services
from scans.models import Scan, ScanFile, ScanFinding
from scans.selectors import scan_baseline
from scans.services import scan_create
from scans.tasks import scan_analyse, scans_expire
from tests.api.projects.conftest import make_project

pytestmark = pytest.mark.django_db

FILES = [{"path": "Dockerfile", "content": "FROM python:latest\n"}]


def _scan(project: Project, people: dict[str, Any], *, branch: str, days_old: int, analysed: bool = True) -> Scan:
    scan = scan_create(project=project, user=people["owner"], files=FILES, branch=branch)
    if analysed:
        scan_analyse.delay(scan.pk)
    Scan.objects.filter(pk=scan.pk).update(created=timezone.now() - dt.timedelta(days=days_old))
    return Scan.objects.get(pk=scan.pk)


def _kept() -> set[int]:
    return set(Scan.objects.values_list("pk", flat=True))


def test_old_scans_go_with_their_files_and_findings_and_the_baseline_stays(
    private_project: Project, people: dict[str, Any], settings: Any
) -> None:
    settings.DOCKWRIGHT_SCAN_RETENTION_DAYS = 90
    oldest_main = _scan(private_project, people, branch="main", days_old=200)
    baseline = _scan(private_project, people, branch="main", days_old=120)
    old_feature = _scan(private_project, people, branch="feature", days_old=100)
    failed_since = _scan(private_project, people, branch="main", days_old=95)
    Scan.objects.filter(pk=failed_since.pk).update(status=Scan.Status.FAILED)
    recent_feature = _scan(private_project, people, branch="feature", days_old=10)
    assert ScanFinding.objects.filter(scan=oldest_main).exists()

    expired = scans_expire.delay().get()

    assert expired == 3
    assert _kept() == {baseline.pk, recent_feature.pk}
    assert not ScanFile.objects.filter(scan_id__in=[oldest_main.pk, old_feature.pk, failed_since.pk]).exists()
    assert not ScanFinding.objects.filter(scan_id__in=[oldest_main.pk, old_feature.pk, failed_since.pk]).exists()
    # The next scan of the project is still compared with the kept baseline.
    assert scan_baseline(scan=_scan(private_project, people, branch="feature", days_old=0)) == baseline


def test_every_project_keeps_its_own_baseline_on_its_own_default_branch(people: dict[str, Any], settings: Any) -> None:
    settings.DOCKWRIGHT_SCAN_RETENTION_DAYS = 30
    payments = make_project(people, slug="payments", visibility=Project.Visibility.PRIVATE)
    website = make_project(people, slug="website", visibility=Project.Visibility.PUBLIC)
    Project.objects.filter(pk=website.pk).update(default_branch="trunk")
    website.refresh_from_db()
    payments_baseline = _scan(payments, people, branch="main", days_old=60)
    website_main = _scan(website, people, branch="main", days_old=60)
    website_baseline = _scan(website, people, branch="trunk", days_old=50)
    never_analysed = _scan(website, people, branch="trunk", days_old=40, analysed=False)

    scans_expire.delay().get()

    assert _kept() == {payments_baseline.pk, website_baseline.pk}
    assert website_main.pk not in _kept() and never_analysed.pk not in _kept()


def test_expiring_works_through_more_than_one_batch(
    private_project: Project, people: dict[str, Any], settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.DOCKWRIGHT_SCAN_RETENTION_DAYS = 7
    monkeypatch.setattr(services, "EXPIRE_BATCH", 2)
    for _ in range(5):
        _scan(private_project, people, branch="feature", days_old=8, analysed=False)

    assert scans_expire.delay().get() == 5
    assert _kept() == set()


def test_a_retention_of_zero_days_keeps_every_scan(
    private_project: Project, people: dict[str, Any], settings: Any
) -> None:
    settings.DOCKWRIGHT_SCAN_RETENTION_DAYS = 0
    scan = _scan(private_project, people, branch="feature", days_old=3650)

    assert scans_expire.delay().get() == 0
    assert _kept() == {scan.pk}


def test_a_scan_deleted_while_queued_is_skipped_by_its_task(private_project: Project, people: dict[str, Any]) -> None:
    scan = _scan(private_project, people, branch="main", days_old=0, analysed=False)
    Scan.objects.filter(pk=scan.pk).delete()

    scan_analyse.delay(scan.pk)  # the message of a scan retention deleted: nothing to do, nothing raised

    assert _kept() == set()
