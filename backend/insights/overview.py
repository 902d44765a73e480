"""Reads: a project's overview. The newest scan of each branch, a branch's findings by severity over time, and of
its latest finished scan the rules and files with the most findings and what is new and fixed since the scan it is
compared with. Every list is bounded, whatever the project's history."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count

from dockwright.findings import Severity
from projects.models import Project
from scans.models import Scan, ScanFile, ScanFinding
from scans.selectors import (
    Comparison,
    scan_comparison,
    scan_history,
    scan_latest_done,
    scan_latest_per_branch,
)

MAX_BRANCHES = 50
MAX_SERIES = 100
TOP = 10
# New and fixed findings listed (their totals are always given).
MAX_CHANGES = 100
SEVERITY_RANK = {severity.value: severity.rank for severity in Severity if severity is not Severity.NONE}


@dataclass(frozen=True)
class RuleCount:
    rule: str
    severity: str  # the most severe it was reported with (ShellCheck's codes under DF100 differ)
    count: int


@dataclass(frozen=True)
class FileCount:
    file: ScanFile
    total: int


@dataclass(frozen=True)
class Overview:
    branch: str
    branches: list[Scan]
    series: list[Scan]
    latest: Scan | None
    top_rules: list[RuleCount]
    top_files: list[FileCount]
    comparison: Comparison | None


def project_overview(*, project: Project, branch: str | None = None) -> Overview:
    """The overview of ``branch`` (the project's default branch when None)."""
    branch = project.default_branch if branch is None else branch
    latest = scan_latest_done(project=project, branch=branch)
    return Overview(
        branch=branch,
        branches=scan_latest_per_branch(project=project, limit=MAX_BRANCHES),
        series=scan_history(project=project, branch=branch, limit=MAX_SERIES),
        latest=latest,
        top_rules=top_rules(scan=latest) if latest else [],
        top_files=top_files(scan=latest) if latest else [],
        comparison=scan_comparison(scan=latest) if latest else None,
    )


def top_rules(*, scan: Scan, limit: int = TOP) -> list[RuleCount]:
    """The rules with the most findings in ``scan``, most first (ties by id)."""
    counts: dict[str, int] = {}
    worst: dict[str, str] = {}
    rows = ScanFinding.objects.filter(scan=scan).values("rule", "severity").annotate(count=Count("pk")).order_by()
    for row in rows:
        rule, severity = row["rule"], row["severity"]
        counts[rule] = counts.get(rule, 0) + row["count"]
        if SEVERITY_RANK.get(severity, 0) > SEVERITY_RANK.get(worst.get(rule, ""), 0):
            worst[rule] = severity
    ranked = sorted(counts, key=lambda rule: (-counts[rule], rule))[:limit]
    return [RuleCount(rule, worst.get(rule, ""), counts[rule]) for rule in ranked]


def top_files(*, scan: Scan, limit: int = TOP) -> list[FileCount]:
    """The files of ``scan`` with the most findings, most first (ties by path); files without any left out."""
    files = (
        ScanFile.objects.filter(scan=scan)
        .annotate(total=Count("findings"))
        .filter(total__gt=0)
        .order_by("-total", "path")[:limit]
    )
    return [FileCount(file, file.total) for file in files]
