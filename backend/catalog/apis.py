"""The rule catalogue API: every rule as this site runs it (severity and on/off after the site policy) with its
own defaults, the peer checks without a rule of their own, and peer ids resolved to our rules.

The catalogue changes only with the ruleset and the site policy, so its answers are rendered once per process
and version and carry an ETag naming both (core.versioned_responses): a client that holds the current one gets
304 Not Modified.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from catalog.selectors import RULE_SEVERITIES, peer_gap_list, rule_get, rule_list, rule_policy_version, rule_resolve
from core.api_schema import ErrorSerializer, error_responses
from core.errors import error_body
from core.language import current_language
from core.versioned_responses import SHARED_MAX_AGE, versioned_json_response
from dockwright.lint import RULESET_VERSION
from dockwright.rules.base import PROFILES, TARGETS

NOT_MODIFIED = {304: OpenApiResponse(description="Not modified: the ETag named in If-None-Match is current.")}
IF_NONE_MATCH = OpenApiParameter(
    "If-None-Match",
    location=OpenApiParameter.HEADER,
    description="An ETag of an earlier answer; the answer is 304 without a body while it is current.",
)


class RuleOptionSerializer(serializers.Serializer):
    """A setting the rule takes from an analysis's config (`rule_options`)."""

    name = serializers.CharField()
    description = serializers.CharField()
    default = serializers.JSONField(help_text="The value when the config gives none.")
    dclint = serializers.CharField(allow_null=True, help_text="dclint's name for the same option, or null.")


class RuleSerializer(serializers.Serializer):
    id = serializers.CharField()
    slug = serializers.CharField()
    target = serializers.ChoiceField(choices=TARGETS)
    severity = serializers.ChoiceField(choices=RULE_SEVERITIES, help_text="As this site runs the rule.")
    default_severity = serializers.ChoiceField(choices=RULE_SEVERITIES, help_text="The rule's own severity.")
    enabled = serializers.BooleanField(help_text="Whether the rule runs on this site.")
    enabled_by_default = serializers.BooleanField(help_text="Whether the rule runs unless a config says otherwise.")
    title = serializers.CharField()
    rationale = serializers.CharField()
    bad = serializers.CharField()
    good = serializers.CharField()
    fix_title = serializers.CharField()
    equivalents = serializers.DictField(
        child=serializers.CharField(),
        help_text="The same check in other tools: hadolint, buildkit, dclint, shellcheck.",
    )
    notes = serializers.CharField(allow_blank=True)
    profile = serializers.ChoiceField(
        choices=PROFILES,
        help_text="The set the rule belongs to: default (correctness, security, operations) or style (layout "
        "conventions, off unless a config enables them, e.g. `enable: [style]`).",
    )
    options = RuleOptionSerializer(many=True, help_text="The options a config may give the rule (`rule_options`).")


class KnowledgeSerializer(serializers.Serializer):
    title = serializers.CharField()
    columns = serializers.ListField(child=serializers.CharField())
    rows = serializers.ListField(child=serializers.ListField(child=serializers.CharField()))
    sources = serializers.ListField(
        child=serializers.CharField(), help_text="Where each row was checked, in the order of `rows`."
    )
    updated = serializers.DateField(help_text="When the table was last checked.")


class RuleDetailSerializer(RuleSerializer):
    knowledge = KnowledgeSerializer(
        allow_null=True,
        help_text="The table of facts the rule judges by (release lines, what images contain), or null.",
    )


def _catalogue_version() -> str:
    """What the catalogue's answers depend on: the ruleset, the site policy and the language of the rules' texts."""
    return f"{RULESET_VERSION}.p{rule_policy_version()}.{current_language()}"


class RuleListApi(APIView):
    authentication_classes: list[type] = []

    class FilterSerializer(serializers.Serializer):
        target = serializers.ChoiceField(choices=TARGETS, required=False)
        severity = serializers.ChoiceField(choices=RULE_SEVERITIES, required=False)
        q = serializers.CharField(required=False, max_length=200)

    @extend_schema(
        operation_id="rules_list",
        summary="List the rules",
        description="Every rule with its severity and on/off state on this site and its own defaults. The answer "
        "carries an ETag that changes with the ruleset and the site policy. Browsers ask again before each use; "
        f"shared caches may keep an answer {SHARED_MAX_AGE} seconds, so a policy change shows within "
        f"{SHARED_MAX_AGE} seconds.",
        parameters=[
            OpenApiParameter("target", enum=list(TARGETS)),
            OpenApiParameter("severity", enum=RULE_SEVERITIES, description="the severity on this site"),
            OpenApiParameter("q", description="text to find in the rule's id, slug, title, rationale or peer ids"),
            IF_NONE_MATCH,
        ],
        responses={200: RuleSerializer(many=True), **NOT_MODIFIED, **error_responses(400)},
    )
    def get(self, request: Request) -> HttpResponse:
        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        return versioned_json_response(
            request,
            version=_catalogue_version(),
            build=lambda: RuleSerializer(rule_list(**filters.validated_data, lang=current_language()), many=True).data,
        )


class RuleDetailApi(APIView):
    authentication_classes: list[type] = []

    @extend_schema(
        operation_id="rules_retrieve",
        summary="Read a rule",
        description="By our id (DF007, any case), slug (latest-tag) or a peer's id: hadolint's DL3008, a BuildKit "
        "check name, a dclint rule name or a ShellCheck code (SC2086, which DF100 reports). The answer is the rule "
        "itself, so its `id` differs from the one asked for when that was a slug or a peer's id. A peer check "
        "that several rules cover answers 300 with their ids in `details.rule_ids`.",
        parameters=[IF_NONE_MATCH],
        responses={
            200: RuleDetailSerializer,
            300: OpenApiResponse(ErrorSerializer, description="Several rules cover this peer check."),
            **NOT_MODIFIED,
            **error_responses(404),
        },
    )
    def get(self, request: Request, rule_id: str) -> HttpResponse:
        ids = rule_resolve(name=rule_id)
        if not ids:
            raise NotFound(_("no rule with id, slug or peer id %(name)r") % {"name": rule_id})
        if len(ids) > 1:
            message = _("%(name)s is covered by %(count)d rules: %(ids)s") % {
                "name": rule_id,
                "count": len(ids),
                "ids": ", ".join(ids),
            }
            return Response(error_body(message, {"rule_ids": ids}), status=300)
        return versioned_json_response(
            request, version=_catalogue_version(), build=lambda: RuleDetailSerializer(_rule(ids[0])).data
        )


def _rule(rule_id: str) -> dict[str, Any]:
    rule = rule_get(rule_id=rule_id, lang=current_language())
    assert rule is not None, f"{rule_id} was resolved from the registry"
    return rule


class PeerGapSerializer(serializers.Serializer):
    peer = serializers.CharField(help_text="The peer tool: hadolint or buildkit.")
    peer_id = serializers.CharField(help_text="The peer's id for the check, such as DL3005.")
    reason = serializers.CharField(help_text="Why Dockwright has no rule of its own for it.")
    covered_by = serializers.CharField(
        allow_null=True, help_text="Our rule that reports the same problem under another id, if any."
    )


class PeerGapListApi(APIView):
    authentication_classes: list[type] = []

    @extend_schema(
        operation_id="peer_gaps_list",
        summary="List the peer checks without a rule",
        description="hadolint and BuildKit checks Dockwright has no rule of its own for, and why (in the language "
        "asked).",
        parameters=[IF_NONE_MATCH],
        responses={200: PeerGapSerializer(many=True), **NOT_MODIFIED},
    )
    def get(self, request: Request) -> HttpResponse:
        return versioned_json_response(
            request,
            version=f"{RULESET_VERSION}.{current_language()}",
            build=lambda: PeerGapSerializer(peer_gap_list(lang=current_language()), many=True).data,
        )
