"""The analyses API: thin views that validate input, call a service or selector and shape the output.

Linting while someone types stores nothing (POST /lint); sharing stores the analysis and gives it a link (POST
/analyses). Deleted and expired analyses answer 410 Gone from their tombstone.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny, BasePermission, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from analyses.bundles import MAX_PATH_CHARS, bundle_files
from analyses.config_schema import CONFIG_EXAMPLE, CONFIG_SCHEMA
from analyses.models import Analysis, AnalysisTombstone
from analyses.selectors import analysis_get, analysis_history_for_user, analysis_tombstone_get
from analyses.serializers import AnalysisSerializer, HistoryEntrySerializer, LintResultSerializer
from analyses.services import (
    analysis_create,
    analysis_delete,
    analysis_fixed_content,
    analysis_history_clear,
    analysis_lint,
)
from core.api_schema import error_responses
from core.errors import Gone, PayloadTooLarge
from core.fields import StrictCharField
from core.ratelimit import AnonymousAnalysisRateThrottle
from dockwright.detect import KINDS

# What the engine runs on: the body of POST /lint and POST /analyses.
INPUT_ERRORS = (400, 413, 415, 429)
INPUT_EXAMPLE = OpenApiExample(
    "A Dockerfile with a config",
    value={
        "content": "FROM python:latest\nRUN pip install flask\nCMD python app.py\n",
        "kind": "dockerfile",
        "filename": "Dockerfile",
        "config": CONFIG_EXAMPLE,
    },
    request_only=True,
)
BUNDLE_EXAMPLE = OpenApiExample(
    "A Compose file with its override, .env and a Dockerfile it builds",
    value={
        "content": "services:\n  api:\n    build: ./api\n    ports:\n      - '127.0.0.1:${API_PORT}:8000'\n",
        "filename": "compose.yaml",
        "files": [
            {"path": "compose.override.yaml", "content": "services:\n  db:\n    image: postgres:17\n"},
            {"path": ".env", "content": "API_PORT=8000\n"},
            {"path": "api/Dockerfile", "content": "FROM python:3.13-slim\nHEALTHCHECK CMD python -c 'print(1)'\n"},
        ],
    },
    request_only=True,
)


@extend_schema_field(CONFIG_SCHEMA)
class ConfigField(serializers.DictField):
    pass


class BundleFileSerializer(serializers.Serializer):
    path = StrictCharField(
        max_length=MAX_PATH_CHARS,
        trim_whitespace=False,
        help_text="Relative to the folder of `filename`, as in the project: `compose.override.yaml`, `.env`, "
        "`api/Dockerfile`. No absolute paths, no `..`.",
    )
    content = StrictCharField(trim_whitespace=False, allow_blank=True)


class LintInputSerializer(serializers.Serializer):
    # Whitespace is part of a Dockerfile (heredocs, line numbers); never trim it.
    content = StrictCharField(trim_whitespace=False, help_text="The Dockerfile or Compose file, as text.")
    kind = serializers.ChoiceField(
        choices=KINDS, required=False, allow_null=True, help_text="Leave out to detect it from the filename and text."
    )
    filename = StrictCharField(
        required=False, allow_null=True, allow_blank=True, max_length=255, help_text="Helps detect the kind."
    )
    config = ConfigField(required=False, allow_null=True)
    files = BundleFileSerializer(
        many=True,
        required=False,
        help_text="Other files of the project, so the file is analysed as Compose runs it: its override file "
        "(merged, as `docker compose` merges it), the `.env` it reads, the Dockerfiles its services build (their "
        "findings under DC037, their HEALTHCHECK counting for DC031). At most DOCKWRIGHT_MAX_BUNDLE_FILES (16) "
        "files; their texts count with `content` against the content limit. `filename` is required with them.",
    )

    def validate_content(self, content: str) -> str:
        limit = settings.DOCKWRIGHT_MAX_CONTENT_BYTES
        size = len(content.encode("utf-8"))
        if size > limit:
            raise PayloadTooLarge(
                _("content is %(size)d bytes; the limit is %(limit)d bytes") % {"size": size, "limit": limit}
            )
        return content

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        unknown = sorted(set(self.initial_data) - set(self.fields))
        if unknown:
            raise serializers.ValidationError({key: [_("unknown field")] for key in unknown})
        files = attrs.pop("files", None) or []
        attrs["files"] = bundle_files(files, content=attrs["content"], filename=attrs.get("filename"))
        return attrs


class LintApi(APIView):
    token_scopes = {"POST": "analyses:write"}
    throttle_classes = [AnonymousAnalysisRateThrottle]

    @extend_schema(
        operation_id="lint",
        summary="Lint a file without storing it",
        description="Returns the findings of a Dockerfile or Compose file under this site's rule policy. Nothing "
        "is stored and no link is made: use it while someone edits, and POST /api/v1/analyses to share. Anonymous "
        "clients share one rate limit per address with the other operations that run the linter. YAML that is "
        "not a Compose file (a Kubernetes manifest, a CI pipeline) is answered 200 with one finding, DC038, "
        "saying what it looks like, and nothing else (no schema findings).",
        request=LintInputSerializer,
        responses={200: LintResultSerializer, **error_responses(*INPUT_ERRORS)},
        examples=[INPUT_EXAMPLE, BUNDLE_EXAMPLE],
    )
    def post(self, request: Request) -> Response:
        serializer = LintInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        outcome = analysis_lint(**serializer.validated_data)
        return Response(LintResultSerializer(outcome).data)


class AnalysisCollectionApi(APIView):
    """/analyses carries three operations: POST shares (stores) an analysis, GET lists the signed-in user's
    history and DELETE clears it. Each has its own serializers and service or selector; they share a class only
    because they share a URL."""

    pagination_class = PageNumberPagination
    token_scopes = {"POST": "analyses:write", "DELETE": "analyses:write"}

    def get_permissions(self) -> list[BasePermission]:
        return [AllowAny()] if self.request.method == "POST" else [IsAuthenticated()]

    def get_throttles(self) -> list[BaseThrottle]:
        return [AnonymousAnalysisRateThrottle()] if self.request.method == "POST" else []

    @extend_schema(
        operation_id="analyses_create",
        summary="Share an analysis",
        description="Lints the file as POST /api/v1/lint does, stores the analysis and returns it with its link "
        "(`url`). Anyone with the link can read it. A signed-in user's analysis is theirs (it appears in their "
        "history and they may delete it); an anonymous one expires after `expires_at`.",
        request=LintInputSerializer,
        responses={201: AnalysisSerializer, **error_responses(*INPUT_ERRORS)},
        examples=[INPUT_EXAMPLE, BUNDLE_EXAMPLE],
    )
    def post(self, request: Request) -> Response:
        serializer = LintInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        analysis = analysis_create(**serializer.validated_data, user=request.user)
        return Response(AnalysisSerializer(analysis, context={"user": request.user}).data, status=201)

    @extend_schema(
        operation_id="analyses_list",
        summary="List your history",
        description="Your shared analyses, newest first, 20 a page. Identical saves (same content, kind and "
        "config) are one entry: the newest stands for them and `saves` counts them.",
        responses={200: HistoryEntrySerializer(many=True), **error_responses(403)},
    )
    def get(self, request: Request) -> Response:
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(analysis_history_for_user(user=request.user), request, view=self)
        return paginator.get_paginated_response(HistoryEntrySerializer(page, many=True).data)

    @extend_schema(
        operation_id="analyses_history_destroy",
        summary="Clear your history",
        description="Deletes every analysis you shared; their links answer 410 Gone from then on.",
        request=None,
        responses={204: OpenApiResponse(description="Your history is empty."), **error_responses(403)},
    )
    def delete(self, request: Request) -> Response:
        analysis_history_clear(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class AnalysisDetailApi(APIView):
    token_scopes = {"DELETE": "analyses:write"}

    def get_permissions(self) -> list[BasePermission]:
        return [IsAuthenticated()] if self.request.method == "DELETE" else [AllowAny()]

    @extend_schema(
        operation_id="analyses_retrieve",
        summary="Read a shared analysis",
        description="Anyone with the link may read it. A deleted or expired analysis answers 410.",
        responses={200: AnalysisSerializer, **error_responses(404, 410)},
    )
    def get(self, request: Request, analysis_id: str) -> Response:
        analysis = _analysis_or_error(analysis_id)
        return Response(AnalysisSerializer(analysis, context={"user": request.user}).data)

    @extend_schema(
        operation_id="analyses_destroy",
        summary="Delete one of your analyses",
        description="Its link answers 410 Gone from then on. Someone else's analysis is a 404, as an unknown one. "
        "With `identical=true`, every identical save of yours goes too (the whole history entry).",
        parameters=[
            OpenApiParameter(
                "identical", bool, description="Also delete your identical saves (same content, kind and config)."
            )
        ],
        request=None,
        responses={204: OpenApiResponse(description="Deleted."), **error_responses(403, 404, 410)},
    )
    def delete(self, request: Request, analysis_id: str) -> Response:
        options = _DeleteOptionsSerializer(data=request.query_params)
        options.is_valid(raise_exception=True)
        analysis = _analysis_or_error(analysis_id)
        if analysis.owner_id != request.user.pk:
            raise _not_found(analysis_id)
        analysis_delete(analysis=analysis, identical=options.validated_data["identical"])
        return Response(status=status.HTTP_204_NO_CONTENT)


class _DeleteOptionsSerializer(serializers.Serializer):
    identical = serializers.BooleanField(required=False, default=False)


class FixedContentSerializer(serializers.Serializer):
    content = serializers.CharField(help_text="The analysed content with every safe fix applied.")
    fixes_applied = serializers.IntegerField()


class AnalysisFixedContentApi(APIView):
    # It may run the engine, so it shares the anonymous rate limit of linting.
    throttle_classes = [AnonymousAnalysisRateThrottle]

    @extend_schema(
        operation_id="analyses_fixed_retrieve",
        summary="Read a shared analysis with its safe fixes applied",
        description="The content as `dockwright lint --fix` would write it, under this site's rule policy.",
        responses={200: FixedContentSerializer, **error_responses(404, 410, 429)},
    )
    def get(self, request: Request, analysis_id: str) -> Response:
        content, applied = analysis_fixed_content(analysis=_analysis_or_error(analysis_id))
        return Response(FixedContentSerializer({"content": content, "fixes_applied": applied}).data)


def _analysis_or_error(analysis_id: str) -> Analysis:
    """The analysis, or 410 for a deleted or expired one, or 404."""
    analysis = analysis_get(analysis_id=analysis_id)
    if analysis is not None:
        return analysis
    tombstone = analysis_tombstone_get(analysis_id=analysis_id)
    if tombstone is not None:
        raise _gone(tombstone)
    raise _not_found(analysis_id)


def _not_found(analysis_id: str) -> NotFound:
    return NotFound(_("no analysis with id %(id)r") % {"id": analysis_id})


def _gone(tombstone: AnalysisTombstone) -> Gone:
    when = tombstone.deleted_at.date().isoformat()
    if tombstone.reason == AnalysisTombstone.Reason.EXPIRED:
        message = _(
            "analysis %(id)s expired on %(date)s: analyses shared without signing in are kept for %(days)d days"
        ) % {"id": tombstone.id, "date": when, "days": settings.DOCKWRIGHT_ANONYMOUS_RETENTION_DAYS}
    else:
        message = _("analysis %(id)s was deleted on %(date)s") % {"id": tombstone.id, "date": when}
    details = {"id": tombstone.id, "deleted_at": tombstone.deleted_at.isoformat(), "reason": tombstone.reason}
    return Gone(message, details=details)
