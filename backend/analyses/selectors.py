"""Reads of stored analyses."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from analyses.models import Analysis
from dockwright.findings import Finding
from dockwright.fixes import fix_until_stable
from dockwright.lint import lint


def analysis_get(*, analysis_id: str) -> Analysis | None:
    """Any analysis by id: whoever holds the unguessable id may read it (it is a share link)."""
    return Analysis.objects.filter(pk=analysis_id).first()


def analysis_list_for_user(*, user: Any) -> QuerySet[Analysis]:
    """The user's own analyses, newest first, without their (possibly large) content."""
    if not user or not user.is_authenticated:
        return Analysis.objects.none()
    return Analysis.objects.filter(owner=user).defer("content").order_by("-created", "-pk")


def analysis_fixed_content(*, analysis: Analysis) -> tuple[str, int]:
    """The analysed content with every safe fix applied, and how many fixes that was."""
    findings = [Finding.from_dict(data) for data in analysis.findings]

    def relint(text: str) -> list[Finding]:
        return lint(text, kind=analysis.kind, filename=analysis.filename or None, config=analysis.config).findings

    return fix_until_stable(analysis.content, findings, relint)
