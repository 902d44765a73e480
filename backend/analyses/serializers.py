"""Output shapes of an analysis, shared by the create, detail and history APIs."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.fields import BlankAsNullCharField


class EditSerializer(serializers.Serializer):
    line = serializers.IntegerField()
    column = serializers.IntegerField()
    end_line = serializers.IntegerField()
    end_column = serializers.IntegerField()
    replacement = serializers.CharField()


class FixSerializer(serializers.Serializer):
    title = serializers.CharField()
    safe = serializers.BooleanField()
    edits = EditSerializer(many=True)


class FindingSerializer(serializers.Serializer):
    rule = serializers.CharField()
    rule_title = serializers.CharField()
    severity = serializers.CharField()
    message = serializers.CharField()
    line = serializers.IntegerField()
    column = serializers.IntegerField()
    end_line = serializers.IntegerField()
    end_column = serializers.IntegerField()
    fix = FixSerializer(required=False)


class CountsSerializer(serializers.Serializer):
    error = serializers.IntegerField()
    warning = serializers.IntegerField()
    info = serializers.IntegerField()
    # DRF moves declared fields off the class, so this does not clobber Field.style at run time.
    style = serializers.IntegerField()  # type: ignore[assignment]


# Findings and counts are stored already in their API shape (analyses.services writes them so), so they
# are passed through as they are: nested serializers would rebuild every finding field by field, which was
# most of the time of a cached POST. The schema still documents them through the serializers above.
@extend_schema_field(FindingSerializer(many=True))
class FindingsField(serializers.JSONField):
    pass


@extend_schema_field(CountsSerializer)
class CountsField(serializers.JSONField):
    pass


class AnalysisSummarySerializer(serializers.Serializer):
    """An analysis without its content, for lists."""

    id = serializers.CharField()
    kind = serializers.CharField()
    filename = BlankAsNullCharField()
    findings = FindingsField()
    counts = CountsField()
    ruleset_version = serializers.CharField()
    created = serializers.DateTimeField()
    url = serializers.SerializerMethodField()

    def get_url(self, analysis: Any) -> str:
        """The SPA permalink."""
        return f"/a/{analysis.id}"


class AnalysisSerializer(AnalysisSummarySerializer):
    content = serializers.CharField()
