"""A project's overview: what its branches' scans found, over time and in its latest scan."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from analyses.serializers import CountsSerializer
from catalog.selectors import RULE_SEVERITIES
from core.api_schema import error_responses
from core.fields import StrictCharField
from core.language import current_language
from dockwright.i18n import localize_data, translate
from dockwright.rules import load_all, registry
from insights.overview import Overview, project_overview
from projects.apis import MembersOnly, ProjectOutputSerializer, project_for_request
from projects.selectors import ProjectAccess
from scans.apis import ScanSummarySerializer, scan_summary_data
from scans.models import ScanFinding

SEVERITIES = ("error", "warning", "info", "style")


def _counts(counts: dict[str, int] | None) -> dict[str, int]:
    return {severity: int((counts or {}).get(severity, 0)) for severity in SEVERITIES}


class ScanPointSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    created = serializers.DateTimeField()
    commit = serializers.CharField(allow_blank=True)
    counts = CountsSerializer()


class RuleCountSerializer(serializers.Serializer):
    rule = serializers.CharField(help_text="Its page: /rules/<rule>.")
    title = serializers.CharField(allow_blank=True)
    severity = serializers.ChoiceField(choices=RULE_SEVERITIES, help_text="The most severe it was reported with.")
    count = serializers.IntegerField()


class FileCountSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="The file: <scan URL>/files/<id>.")
    path = serializers.CharField()
    kind = serializers.CharField()
    counts = CountsSerializer()
    total = serializers.IntegerField()


class ChangeSerializer(serializers.Serializer):
    rule = serializers.CharField()
    rule_title = serializers.CharField(allow_blank=True)
    severity = serializers.ChoiceField(choices=RULE_SEVERITIES)
    message = serializers.CharField()
    path = serializers.CharField()
    line = serializers.IntegerField()
    scan = serializers.IntegerField(help_text="The scan the finding is in: the latest for new ones, the baseline for "
                                    "fixed ones.")  # fmt: skip
    file = serializers.IntegerField()


class ChangesSerializer(serializers.Serializer):
    baseline = serializers.IntegerField(
        allow_null=True, help_text="The scan compared with (the default branch's scan before); null: none, all new."
    )
    new_count = serializers.IntegerField()
    fixed_count = serializers.IntegerField()
    new = ChangeSerializer(many=True, help_text="At most 100; `new_count` is the whole number.")
    fixed = ChangeSerializer(many=True, help_text="At most 100; `fixed_count` is the whole number.")


class OverviewSerializer(serializers.Serializer):
    project = ProjectOutputSerializer()
    branch = serializers.CharField(help_text="The branch shown: `?branch=`, else the project's default branch.")
    branches = ScanSummarySerializer(many=True, help_text="The newest scan of each branch, newest first (50 at most).")
    series = ScanPointSerializer(
        many=True, help_text="The branch's finished scans, oldest first (the last 100): findings by severity over time."
    )
    latest = ScanSummarySerializer(allow_null=True, help_text="The branch's latest finished scan; null: none yet.")
    top_rules = RuleCountSerializer(many=True, help_text="The latest scan's rules with the most findings (10).")
    top_files = FileCountSerializer(many=True, help_text="The latest scan's files with the most findings (10).")
    changes = ChangesSerializer(allow_null=True, help_text="New and fixed in the latest scan; null without one.")


class OverviewQuerySerializer(serializers.Serializer):
    branch = StrictCharField(max_length=255, required=False, allow_blank=True)


def _change(finding: ScanFinding, lang: str) -> dict[str, Any]:
    data = localize_data(finding.data, lang)
    return {
        "rule": finding.rule,
        "rule_title": data.get("rule_title", ""),
        "severity": finding.severity,
        "message": data["message"],
        "path": finding.file.path,
        "line": finding.line,
        "scan": finding.scan_id,
        "file": finding.file_id,
    }


def _rule_title(rule_id: str, lang: str) -> str:
    load_all()
    rule = registry.get(rule_id)
    return translate(rule.title, lang) if rule is not None else ""


def _overview_data(access: ProjectAccess, overview: Overview) -> dict[str, Any]:
    lang = current_language()
    project = access.project
    changes = None
    if overview.comparison is not None:
        comparison = overview.comparison
        changes = {
            "baseline": comparison.baseline.pk if comparison.baseline else None,
            "new_count": len(comparison.new),
            "fixed_count": len(comparison.fixed),
            "new": [_change(finding, lang) for finding in comparison.new[:100]],
            "fixed": [_change(finding, lang) for finding in comparison.fixed[:100]],
        }
    return {
        "project": {
            "name": project.name,
            "slug": project.slug,
            "visibility": project.visibility,
            "default_branch": project.default_branch,
            "created": project.created,
            "role": access.role,
        },
        "branch": overview.branch,
        "branches": [scan_summary_data(scan) for scan in overview.branches],
        "series": [
            {"id": scan.pk, "created": scan.created, "commit": scan.commit, "counts": _counts(scan.counts)}
            for scan in overview.series
        ],
        "latest": scan_summary_data(overview.latest) if overview.latest else None,
        "top_rules": [
            {"rule": row.rule, "title": _rule_title(row.rule, lang), "severity": row.severity, "count": row.count}
            for row in overview.top_rules
        ],
        "top_files": [
            {
                "id": row.file.pk,
                "path": row.file.path,
                "kind": row.file.kind,
                "counts": _counts(row.file.counts),
                "total": row.total,
            }
            for row in overview.top_files
        ],
        "changes": changes,
    }


class ProjectOverviewApi(APIView):
    permission_classes = [MembersOnly]

    @extend_schema(
        operation_id="projects_overview_retrieve",
        summary="A project's overview",
        description="For anyone who may read the project: the newest scan of each branch; for one branch "
        "(`?branch=`, else the default branch) its findings by severity over its last 100 finished scans, and of "
        "its latest finished scan the rules and the files with the most findings and the findings new and fixed "
        "since the scan it is compared with (the default branch's scan before it).",
        parameters=[OverviewQuerySerializer],
        responses={200: OverviewSerializer, **error_responses(400, 404)},
    )
    def get(self, request: Request, slug: str) -> Response:
        access = project_for_request(request, slug)
        query = OverviewQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        overview = project_overview(project=access.project, branch=query.validated_data.get("branch") or None)
        return Response(OverviewSerializer(_overview_data(access, overview)).data)
