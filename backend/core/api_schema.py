"""What the OpenAPI schema says beyond what drf-spectacular finds by itself: the error shape and the statuses that
use it, no sign-in requirement on public operations, and descriptions written for API users only."""

from __future__ import annotations

from typing import Any

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers
from rest_framework.permissions import AllowAny

ERROR_DESCRIPTIONS = {
    400: "The request is invalid: `message` names the first problem, `details` lists each field's errors.",
    403: "Not allowed: not signed in, no CSRF token, or (signing in) a wrong username or password.",
    404: "There is no such resource.",
    410: "The analysis was deleted by its owner or expired; `details` says when (`deleted_at`) and why (`reason`).",
    413: "The body or the content is larger than the server accepts; `message` gives the limit.",
    415: "The body is not `application/json`.",
    429: "Too many requests from this address; `details.retry_after` is the wait in seconds.",
}


class ErrorSerializer(serializers.Serializer):
    """The one shape of every error answer."""

    message = serializers.CharField(help_text="What went wrong, for people.")
    details = serializers.JSONField(
        allow_null=True, help_text="Field errors (400), the retry delay (429) or what was removed (410); else null."
    )


def error_responses(*statuses: int, json_only: bool = False) -> dict[Any, OpenApiResponse]:
    """Schema responses for the given error statuses, each in the error shape; ``json_only`` for an operation whose
    answers are not JSON (a CSV, an SVG) but whose errors are."""
    return {
        ((code, "application/json") if json_only else code): OpenApiResponse(
            ErrorSerializer, description=ERROR_DESCRIPTIONS[code]
        )
        for code in statuses
    }


class DockwrightAutoSchema(AutoSchema):
    def get_auth(self) -> list[dict[str, Any]]:
        """Operations anyone may call need no sign-in, so they list none (Swagger UI shows no lock): a session, if
        there is one, only says whose the analysis is."""
        if any(isinstance(permission, AllowAny) for permission in self.view.get_permissions()):
            return []
        from tokens.authentication import required_scope  # here: settings import this module before apps load

        auth = super().get_auth()
        if required_scope(self.view, self.method) is None:  # tokens are refused here: only a session will do
            auth = [scheme for scheme in auth if "tokenAuth" not in scheme]
        return auth

    def get_description(self) -> str:
        """Only what extend_schema(description=...) says: view docstrings are notes for developers."""
        return ""
