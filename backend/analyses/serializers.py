"""Output shapes of a lint result, a shared analysis and a history entry."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from analyses.selectors import analysis_expires_at
from catalog.selectors import RULE_SEVERITIES, rule_help_url
from core.fields import BlankAsNullCharField
from core.language import current_language
from dockwright.detect import KINDS
from dockwright.i18n import localize_data


class EditSerializer(serializers.Serializer):
    line = serializers.IntegerField()
    column = serializers.IntegerField()
    end_line = serializers.IntegerField()
    end_column = serializers.IntegerField()
    replacement = serializers.CharField()


class FixSerializer(serializers.Serializer):
    title = serializers.CharField()
    safe = serializers.BooleanField(help_text="Safe fixes change only what the title says; unsafe ones need review.")
    edits = EditSerializer(many=True)


class FindingSerializer(serializers.Serializer):
    """One problem found. Lines and columns are 1-based; `end_column` is just past the last character."""

    rule = serializers.CharField(help_text="Our rule id, such as DF007.")
    rule_title = serializers.CharField()
    severity = serializers.ChoiceField(choices=RULE_SEVERITIES, help_text="As the site runs the rule.")
    message = serializers.CharField()
    line = serializers.IntegerField()
    column = serializers.IntegerField()
    end_line = serializers.IntegerField()
    end_column = serializers.IntegerField()
    code = serializers.CharField(
        allow_null=True, help_text="The code of the tool behind the rule (ShellCheck's SC2086 under DF100), or null."
    )
    help_url = serializers.CharField(
        help_text="Where the finding is explained: ShellCheck's wiki for a ShellCheck code, else the rule's page "
        "on this site (/rules/DF007)."
    )
    fix = FixSerializer(required=False)


class CountsSerializer(serializers.Serializer):
    error = serializers.IntegerField()
    warning = serializers.IntegerField()
    info = serializers.IntegerField()
    # DRF moves declared fields off the class, so this does not clobber Field.style at run time.
    style = serializers.IntegerField()  # type: ignore[assignment]


# Findings and counts are stored already in their API shape (analyses.services writes them so), so they
# are passed through as they are, in the reader's language, with only `code` and `help_url` added: nested
# serializers would rebuild every finding field by field, which was most of the time of a cached POST. The
# schema still documents them through the serializers above.
@extend_schema_field(FindingSerializer(many=True))
class FindingsField(serializers.JSONField):
    def to_representation(self, findings: Any) -> Any:
        lang = current_language()
        return [
            {
                **localize_data(finding, lang),
                "code": finding.get("code"),
                "help_url": rule_help_url(rule_id=finding["rule"], code=finding.get("code")),
            }
            for finding in findings
        ]


@extend_schema_field(CountsSerializer)
class CountsField(serializers.JSONField):
    pass


class LintResultSerializer(serializers.Serializer):
    """Findings of content that was linted, not stored."""

    kind = serializers.ChoiceField(choices=KINDS, help_text="How the content was read.")
    findings = FindingsField()
    counts = CountsField()
    ruleset_version = serializers.CharField()


def _permalink(analysis: Any) -> str:
    """The SPA's page of a shared analysis."""
    return f"/a/{analysis.id}"


class BundleFileOutputSerializer(serializers.Serializer):
    path = serializers.CharField()
    content = serializers.CharField()


@extend_schema_field(BundleFileOutputSerializer(many=True))
class BundleFilesField(serializers.JSONField):
    """Stored as path -> text; shown as the list it was given as, by path."""

    def to_representation(self, files: Any) -> Any:
        return [{"path": path, "content": text} for path, text in sorted((files or {}).items())]


class AnalysisSerializer(serializers.Serializer):
    """A shared analysis: anyone with its link may read it."""

    id = serializers.CharField()
    kind = serializers.ChoiceField(choices=KINDS)
    filename = BlankAsNullCharField()
    content = serializers.CharField()
    files = BundleFilesField(help_text="The other files of the project it was analysed with (may be empty).")
    findings = FindingsField()
    counts = CountsField()
    ruleset_version = serializers.CharField()
    created = serializers.DateTimeField()
    expires_at = serializers.SerializerMethodField(
        help_text="When the link stops working: anonymous analyses expire; a signed-in user's stay (null)."
    )
    can_delete = serializers.SerializerMethodField(help_text="Whether you may delete it: it is yours.")
    url = serializers.SerializerMethodField(help_text="The page of the analysis in the web app.")

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_expires_at(self, analysis: Any) -> Any:
        expires_at = analysis_expires_at(analysis=analysis)
        return None if expires_at is None else serializers.DateTimeField().to_representation(expires_at)

    def get_can_delete(self, analysis: Any) -> bool:
        user = self.context.get("user")
        return bool(user and user.is_authenticated and analysis.owner_id == user.pk)

    def get_url(self, analysis: Any) -> str:
        return _permalink(analysis)


class HistoryEntrySerializer(serializers.Serializer):
    """One entry of your history: the newest of identical saves (same content, kind and config)."""

    id = serializers.CharField(help_text="The newest save's id.")
    kind = serializers.ChoiceField(choices=KINDS)
    filename = BlankAsNullCharField()
    preview = serializers.CharField(help_text="The content's first non-blank line, shortened.")
    counts = CountsField()
    saves = serializers.IntegerField(help_text="How many identical saves this entry stands for (1 or more).")
    ruleset_version = serializers.CharField()
    created = serializers.DateTimeField(help_text="When the newest save was made.")
    url = serializers.SerializerMethodField(help_text="The page of the analysis in the web app.")

    def get_url(self, analysis: Any) -> str:
        return _permalink(analysis)
