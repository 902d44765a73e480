from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from analyses.models import Analysis


@admin.register(Analysis)
class AnalysisAdmin(admin.ModelAdmin):
    """Read-only: analyses are created through the API only; staff may look them up and delete abuse."""

    list_display = ("id", "kind", "filename", "owner", "finding_counts", "ruleset_version", "created")
    list_filter = ("kind", "created")
    search_fields = ("id", "filename", "sha256")
    date_hierarchy = "created"
    list_select_related = ("owner",)

    @admin.display(description="findings")
    def finding_counts(self, analysis: Analysis) -> str:
        counts = analysis.counts or {}
        return ", ".join(f"{counts.get(s, 0)} {s}" for s in ("error", "warning", "info", "style"))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
