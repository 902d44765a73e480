"""Reads: a project's scans, their files, the newest scan of each branch, a branch's history, and a scan compared
with the latest scan of the project's default branch."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Max, QuerySet

from projects.models import Project
from scans.models import Scan, ScanFile, ScanFinding


@dataclass(frozen=True)
class Comparison:
    """What changed since the baseline (None: no earlier scan of the default branch, so every finding is new)."""

    baseline: Scan | None
    new: list[ScanFinding]
    fixed: list[ScanFinding]
    findings: list[ScanFinding]  # all of the scan's, in scan_findings' order


def scan_list(*, project: Project) -> QuerySet[Scan]:
    return Scan.objects.filter(project=project)


def scan_get(*, project: Project, scan_id: int) -> Scan | None:
    return Scan.objects.filter(project=project, pk=scan_id).first()


def scan_findings(*, scan: Scan) -> QuerySet[ScanFinding]:
    # Each finding names its file's path; the file's text is not read once per finding.
    return (
        ScanFinding.objects.filter(scan=scan)
        .select_related("file")
        .defer("file__content", "file__counts")
        .order_by("file__path", "line", "rule")
    )


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
    by fingerprint, so a finding whose line moved is neither. Only a scan that is done is compared: before, every
    finding of the baseline would be "fixed", and the answer to each upload would carry them all."""
    findings = list(scan_findings(scan=scan))
    baseline = scan_baseline(scan=scan) if scan.status == Scan.Status.DONE else None
    if baseline is None:
        return Comparison(baseline=None, new=findings, fixed=[], findings=findings)
    before = list(scan_findings(scan=baseline))
    before_prints = {finding.fingerprint for finding in before}
    now_prints = {finding.fingerprint for finding in findings}
    return Comparison(
        baseline=baseline,
        new=[finding for finding in findings if finding.fingerprint not in before_prints],
        fixed=[finding for finding in before if finding.fingerprint not in now_prints],
        findings=findings,
    )


def scan_file_get(*, scan: Scan, file_id: int) -> ScanFile | None:
    return ScanFile.objects.filter(scan=scan, pk=file_id).select_related("scan__project").first()


def scan_file_findings(*, scan_file: ScanFile) -> QuerySet[ScanFinding]:
    return ScanFinding.objects.filter(file=scan_file).order_by("line", "rule", "pk")


def scan_file_new_fingerprints(*, scan_file: ScanFile) -> set[str]:
    """The fingerprints of the file's findings that the baseline scan did not have (all of them without a
    baseline). A fingerprint holds the file's path, so only the baseline's file of the same path can match."""
    prints = set(scan_file_findings(scan_file=scan_file).values_list("fingerprint", flat=True))
    baseline = scan_baseline(scan=scan_file.scan)
    if baseline is None:
        return prints
    before = ScanFinding.objects.filter(scan=baseline, file__path=scan_file.path).values_list("fingerprint", flat=True)
    return prints - set(before)


def scan_latest_per_branch(*, project: Project, limit: int) -> list[Scan]:
    """The newest scan (whatever its status) of each branch of ``project``, the most recently scanned branch
    first, at most ``limit`` branches."""
    latest = (
        Scan.objects.filter(project=project)
        .values("branch")
        .annotate(latest=Max("pk"))
        .order_by("-latest")
        .values_list("latest", flat=True)[:limit]
    )
    return list(Scan.objects.filter(pk__in=list(latest)).order_by("-pk"))


def scan_latest_done(*, project: Project, branch: str) -> Scan | None:
    return Scan.objects.filter(project=project, branch=branch, status=Scan.Status.DONE).order_by("-pk").first()


def scan_history(*, project: Project, branch: str, limit: int) -> list[Scan]:
    """The last ``limit`` finished scans of ``branch``, oldest first (a series over time)."""
    newest = Scan.objects.filter(project=project, branch=branch, status=Scan.Status.DONE).order_by("-pk")[:limit]
    return list(reversed(newest))
