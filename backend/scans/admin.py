"""Scans in the admin, read-only (they come from CI through the API); deleting one takes its files and findings."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from scans.models import Scan, ScanFile


class ScanFileInline(admin.TabularInline):
    model = ScanFile
    fields = ("path", "kind", "analysed", "error", "counts")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Scan)
class ScanAdmin(admin.ModelAdmin):
    list_display = ("pk", "project", "branch", "commit", "status", "files_found", "files_analysed", "created")
    list_filter = ("status", "created")
    search_fields = ("project__slug", "repository", "commit", "branch")
    list_select_related = ("project",)
    readonly_fields = (
        "project", "created_by", "repository", "commit", "branch", "paths", "status", "error", "files_found",
        "files_analysed", "counts", "created", "started", "finished", "attempts",
    )  # fmt: skip
    fields = readonly_fields
    inlines = [ScanFileInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Scan | None = None) -> bool:
        return False
