"""Analyses in the admin: read-only (they are made through the API), findings as a table, deletion leaving a
tombstone so the link answers 410 Gone; tombstones listed read-only."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from analyses.models import Analysis, AnalysisTombstone
from analyses.selectors import analysis_expires_at
from analyses.services import analyses_delete, analysis_delete
from core.inline_code import inline_code_html
from core.language import current_language
from dockwright.i18n import localize_data

SEVERITY_ORDER = ("error", "warning", "info", "style")


@admin.register(Analysis)
class AnalysisAdmin(admin.ModelAdmin):
    """Staff may look analyses up and delete abuse; nothing is added or edited here."""

    list_display = ("id", "kind", "filename", "preview", "owner", "finding_counts", "ruleset_version", "created")
    list_filter = ("kind", "created")
    search_fields = ("id", "filename", "sha256")
    date_hierarchy = "created"
    list_select_related = ("owner",)
    fields = (
        "id", "owner", "kind", "filename", "created", "expires", "ruleset_version", "sha256", "config",
        "finding_counts", "findings_table", "content",
    )  # fmt: skip
    readonly_fields = fields

    @admin.display(description=_("findings"))
    def finding_counts(self, analysis: Analysis) -> str:
        counts = analysis.counts or {}
        return ", ".join(f"{counts.get(s, 0)} {s}" for s in SEVERITY_ORDER)

    @admin.display(description=_("expires"))
    def expires(self, analysis: Analysis) -> Any:
        return analysis_expires_at(analysis=analysis) or _("never (a signed-in user's analysis)")

    @admin.display(description=_("findings"))
    def findings_table(self, analysis: Analysis) -> SafeString | str:
        lang = current_language()
        findings = [localize_data(finding, lang) for finding in analysis.findings or []]
        if not findings:
            return _("none")
        rows = format_html_join(
            "",
            "<tr><td>{}:{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    finding.get("line"),
                    finding.get("column"),
                    finding.get("severity"),
                    finding.get("rule"),
                    finding.get("code") or "",
                    inline_code_html(str(finding.get("rule_title", ""))),
                    inline_code_html(str(finding.get("message", ""))),
                )
                for finding in findings
            ),
        )
        header = format_html_join(
            "",
            "<th>{}</th>",
            ((label,) for label in (_("line:col"), _("severity"), _("rule"), _("code"), _("title"), _("message"))),
        )
        return format_html("<table><thead><tr>{}</tr></thead><tbody>{}</tbody></table>", header, rows)

    def delete_model(self, request: HttpRequest, obj: Analysis) -> None:
        analysis_delete(analysis=obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Analysis]) -> None:
        analyses_delete(analyses=queryset)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AnalysisTombstone)
class AnalysisTombstoneAdmin(admin.ModelAdmin):
    """Ids of deleted and expired analyses: their links answer 410 Gone."""

    list_display = ("id", "reason", "deleted_at")
    list_filter = ("reason", "deleted_at")
    search_fields = ("id",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
