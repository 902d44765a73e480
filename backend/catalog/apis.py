"""The rule catalogue API: the engine's rule metadata with the site policy applied, and the peer checks without
a rule of their own."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from catalog.selectors import peer_gap_list, rule_get, rule_list
from dockwright.findings import Severity
from dockwright.rules.base import TARGETS

RULE_SEVERITIES = [s.value for s in Severity if s is not Severity.NONE]


class RuleSerializer(serializers.Serializer):
    id = serializers.CharField()
    slug = serializers.CharField()
    target = serializers.ChoiceField(choices=TARGETS)
    severity = serializers.ChoiceField(choices=RULE_SEVERITIES)
    title = serializers.CharField()
    rationale = serializers.CharField()
    bad = serializers.CharField()
    good = serializers.CharField()
    fix_title = serializers.CharField()
    equivalents = serializers.DictField(child=serializers.CharField())
    enabled_by_default = serializers.BooleanField()
    notes = serializers.CharField(allow_blank=True)
    enabled = serializers.BooleanField(help_text="Whether the rule runs on this site, after the site policy.")


class RuleListApi(APIView):
    class FilterSerializer(serializers.Serializer):
        target = serializers.ChoiceField(choices=TARGETS, required=False)
        severity = serializers.ChoiceField(choices=RULE_SEVERITIES, required=False)
        q = serializers.CharField(required=False, max_length=200)

    @extend_schema(
        operation_id="rules_list",
        parameters=[
            OpenApiParameter("target", enum=list(TARGETS)),
            OpenApiParameter("severity", enum=RULE_SEVERITIES),
            OpenApiParameter("q", description="text to find in the rule's id, slug, title or rationale"),
        ],
        responses=RuleSerializer(many=True),
    )
    def get(self, request: Request) -> Response:
        filters = self.FilterSerializer(data=request.query_params)
        filters.is_valid(raise_exception=True)
        return Response(RuleSerializer(rule_list(**filters.validated_data), many=True).data)


class RuleDetailApi(APIView):
    @extend_schema(operation_id="rules_retrieve", responses=RuleSerializer)
    def get(self, request: Request, rule_id: str) -> Response:
        rule = rule_get(rule_id=rule_id)
        if rule is None:
            raise NotFound(f"no rule with id or slug {rule_id!r}")
        return Response(RuleSerializer(rule).data)


class PeerGapSerializer(serializers.Serializer):
    peer = serializers.CharField(help_text="The peer tool: hadolint or buildkit.")
    peer_id = serializers.CharField(help_text="The peer's id for the check, such as DL3005.")
    reason = serializers.CharField(help_text="Why Dockwright has no rule of its own for it.")
    covered_by = serializers.CharField(
        allow_null=True, help_text="Our rule that reports the same problem under another id, if any."
    )


class PeerGapListApi(APIView):
    @extend_schema(operation_id="peer_gaps_list", responses=PeerGapSerializer(many=True))
    def get(self, request: Request) -> Response:
        return Response(PeerGapSerializer(peer_gap_list(), many=True).data)
