"""API tokens: list, make (the secret is in this one answer only) and revoke. Only a signed-in person does these:
no view here names a token scope, so tokens cannot make or revoke tokens."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api_schema import error_responses
from core.fields import StrictCharField
from projects.selectors import project_access
from tokens.models import Scope
from tokens.selectors import api_token_get, api_token_list
from tokens.services import api_token_create, api_token_revoke

SCOPES = [scope.value for scope in Scope]


class TokenOutputSerializer(serializers.Serializer):
    uid = serializers.CharField(help_text="The token's id in URLs (not part of the secret).")
    name = serializers.CharField()
    prefix = serializers.CharField(source="token_key", help_text="The secret's first characters, to recognise it.")
    scopes = serializers.ListField(child=serializers.ChoiceField(choices=SCOPES))
    project = serializers.SlugField(source="project.slug", allow_null=True, default=None)
    owner = serializers.CharField(source="user.username", help_text="Whom it acts for.")
    created = serializers.DateTimeField()
    expiry = serializers.DateTimeField()
    last_used = serializers.DateTimeField(allow_null=True)


class NewTokenSerializer(TokenOutputSerializer):
    token = serializers.CharField(help_text="The secret: shown only in this answer, never stored.")


class TokenInputSerializer(serializers.Serializer):
    name = StrictCharField(max_length=100)
    scopes = serializers.ListField(child=serializers.ChoiceField(choices=SCOPES), min_length=1)
    days = serializers.IntegerField(min_value=1, max_value=366, default=90, help_text="Valid for; default 90.")
    project = serializers.SlugField(
        required=False, allow_null=True, help_text="For CI: a project token (read and scans:write only)."
    )


class TokenCollectionApi(APIView):
    permission_classes = [IsAuthenticated]
    token_scopes = None  # a token can neither list nor make tokens

    @extend_schema(
        operation_id="tokens_list",
        summary="List your API tokens",
        description="Your unexpired tokens and the project tokens of the projects you own, with their last use. "
        "Secrets are never shown again.",
        responses={200: TokenOutputSerializer(many=True), **error_responses(403)},
    )
    def get(self, request: Request) -> Response:
        return Response(TokenOutputSerializer(api_token_list(user=request.user), many=True).data)

    @extend_schema(
        operation_id="tokens_create",
        summary="Make an API token",
        description="Send it as `Authorization: Bearer <token>`. The secret is in this answer only. With "
        "`project`, a token for CI in that project (its maintainers and owners make them).",
        request=TokenInputSerializer,
        responses={201: NewTokenSerializer, **error_responses(400, 403, 404)},
    )
    def post(self, request: Request) -> Response:
        data = _validated(TokenInputSerializer, request.data)
        project = None
        if data.get("project"):
            access = project_access(slug=data["project"], user=request.user)
            if access is None:
                raise NotFound(f"no project {data['project']!r}")
            project = access.project
        token, secret = api_token_create(
            user=request.user, name=data["name"], scopes=data["scopes"], days=data["days"], project=project
        )
        # The stored token's fields, then the secret it alone carries.
        return Response({**TokenOutputSerializer(token).data, "token": secret}, status=status.HTTP_201_CREATED)


class TokenDetailApi(APIView):
    permission_classes = [IsAuthenticated]
    token_scopes = None

    @extend_schema(
        operation_id="tokens_destroy",
        summary="Revoke an API token",
        description="It stops working at once. Yours, or a project token of a project you own.",
        request=None,
        responses={204: OpenApiResponse(description="Revoked."), **error_responses(403, 404)},
    )
    def delete(self, request: Request, uid: str) -> Response:
        token = api_token_get(user=request.user, uid=uid)
        if token is None:
            raise NotFound(f"no token {uid!r}")
        api_token_revoke(token=token)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _validated(serializer_class: type[serializers.Serializer], data: Any) -> dict[str, Any]:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)
