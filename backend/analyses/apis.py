"""The analyses API: thin views that validate input, call a service or selector and shape the output."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny, BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from analyses.models import Analysis
from analyses.selectors import analysis_get, analysis_list_for_user
from analyses.serializers import AnalysisSerializer, AnalysisSummarySerializer
from analyses.services import analysis_create, analysis_fixed_content
from core.errors import PayloadTooLarge
from core.fields import StrictCharField
from core.ratelimit import AnonymousAnalysisRateThrottle
from dockwright.detect import KINDS


class AnalysisCreateInputSerializer(serializers.Serializer):
    # Whitespace is part of a Dockerfile (heredocs, line numbers); never trim it.
    content = StrictCharField(trim_whitespace=False)
    kind = serializers.ChoiceField(choices=KINDS, required=False, allow_null=True)
    filename = StrictCharField(required=False, allow_null=True, allow_blank=True, max_length=255)
    config = serializers.DictField(required=False, allow_null=True)

    def validate_content(self, content: str) -> str:
        limit = settings.DOCKWRIGHT_MAX_CONTENT_BYTES
        size = len(content.encode("utf-8"))
        if size > limit:
            raise PayloadTooLarge(f"content is {size} bytes; the limit is {limit} bytes")
        return content

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        unknown = sorted(set(self.initial_data) - set(self.fields))
        if unknown:
            raise serializers.ValidationError({key: ["unknown field"] for key in unknown})
        return attrs


class AnalysisCollectionApi(APIView):
    """/analyses carries two operations: POST creates an analysis (anyone, rate limited when anonymous) and
    GET lists the signed-in user's history. Each has its own serializers and calls its own service or
    selector; they share a class only because they share a URL."""

    pagination_class = PageNumberPagination

    def get_permissions(self) -> list[BasePermission]:
        return [IsAuthenticated()] if self.request.method == "GET" else [AllowAny()]

    def get_throttles(self) -> list[BaseThrottle]:
        return [AnonymousAnalysisRateThrottle()] if self.request.method == "POST" else []

    @extend_schema(
        operation_id="analyses_create",
        request=AnalysisCreateInputSerializer,
        responses={201: AnalysisSerializer},
    )
    def post(self, request: Request) -> Response:
        serializer = AnalysisCreateInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        analysis = analysis_create(**serializer.validated_data, user=request.user)
        return Response(AnalysisSerializer(analysis).data, status=status.HTTP_201_CREATED)

    @extend_schema(operation_id="analyses_list", responses=AnalysisSummarySerializer(many=True))
    def get(self, request: Request) -> Response:
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(analysis_list_for_user(user=request.user), request, view=self)
        return paginator.get_paginated_response(AnalysisSummarySerializer(page, many=True).data)


class AnalysisDetailApi(APIView):
    @extend_schema(operation_id="analyses_retrieve", responses=AnalysisSerializer)
    def get(self, request: Request, analysis_id: str) -> Response:
        return Response(AnalysisSerializer(_analysis_or_404(analysis_id)).data)


class FixedContentSerializer(serializers.Serializer):
    content = serializers.CharField(help_text="The analysed content with every safe fix applied.")
    fixes_applied = serializers.IntegerField()


class AnalysisFixedContentApi(APIView):
    """The content of an analysis with its safe fixes applied (what `dockwright lint --fix` would write)."""

    # It may run the engine, so it shares the anonymous rate limit of creating analyses.
    throttle_classes = [AnonymousAnalysisRateThrottle]

    @extend_schema(operation_id="analyses_fixed_retrieve", responses=FixedContentSerializer)
    def get(self, request: Request, analysis_id: str) -> Response:
        content, applied = analysis_fixed_content(analysis=_analysis_or_404(analysis_id))
        return Response(FixedContentSerializer({"content": content, "fixes_applied": applied}).data)


def _analysis_or_404(analysis_id: str) -> Analysis:
    analysis = analysis_get(analysis_id=analysis_id)
    if analysis is None:
        raise NotFound(f"no analysis with id {analysis_id!r}")
    return analysis
