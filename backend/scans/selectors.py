"""Reads: a project's scans, and a scan compared with the latest scan of the project's default branch."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from projects.models import Project
from scans.models import Scan, ScanFinding


@dataclass(frozen=True)
class Comparison:
    """What changed since the baseline (None: no earlier scan of the default branch, so every finding is new)."""

    baseline: Scan | None
    new: list[ScanFinding]
    fixed: list[ScanFinding]


def scan_list(*, project: Project) -> QuerySet[Scan]:
    return Scan.objects.filter(project=project)


def scan_get(*, project: Project, scan_id: int) -> Scan | None:
    return Scan.objects.filter(project=project, pk=scan_id).first()


def scan_findings(*, scan: Scan) -> QuerySet[ScanFinding]:
    return ScanFinding.objects.filter(scan=scan).select_related("file").order_by("file__path", "line", "rule")


def scan_baseline(*, scan: Scan) -> Scan | None:
    """The latest finished scan of the project's default branch made before ``scan``."""
    return (
        Scan.objects.filter(
            project_id=scan.project_id,
            branch=scan.project.default_branch,
            status=Scan.Status.DONE,
            pk__lt=scan.pk,
        )
        .order_by("-pk")
        .first()
    )


def scan_comparison(*, scan: Scan) -> Comparison:
    """New findings (in ``scan``, not in the baseline) and fixed ones (in the baseline, not in ``scan``), matched
    by fingerprint, so a finding whose line moved is neither."""
    findings = list(scan_findings(scan=scan))
    baseline = scan_baseline(scan=scan)
    if baseline is None:
        return Comparison(baseline=None, new=findings, fixed=[])
    before = list(scan_findings(scan=baseline))
    before_prints = {finding.fingerprint for finding in before}
    now_prints = {finding.fingerprint for finding in findings}
    return Comparison(
        baseline=baseline,
        new=[finding for finding in findings if finding.fingerprint not in before_prints],
        fixed=[finding for finding in before if finding.fingerprint not in now_prints],
    )
