"""Sign-in for the SPA: a JSON session resource (GET who am I, POST sign in, DELETE sign out).

The history API uses Django's session authentication; these endpoints let the SPA create that session and
obtain the CSRF cookie it must echo (X-CSRFToken) on every signed-in POST.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import authenticate, login, logout
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api_schema import error_responses
from core.fields import StrictCharField


class SessionSerializer(serializers.Serializer):
    authenticated = serializers.BooleanField()
    username = serializers.CharField(allow_null=True)


def _session(user: Any) -> dict[str, Any]:
    signed_in = bool(user and user.is_authenticated)
    return {"authenticated": signed_in, "username": user.get_username() if signed_in else None}


@method_decorator(ensure_csrf_cookie, name="dispatch")
class SessionApi(APIView):
    class SignInSerializer(serializers.Serializer):
        username = StrictCharField(max_length=150)
        password = StrictCharField(max_length=1024, trim_whitespace=False)

    @extend_schema(
        operation_id="session_retrieve",
        summary="Who is signed in",
        description="Also sets the `csrftoken` cookie, whose value signed-in requests that change something "
        "must send in the X-CSRFToken header.",
        responses=SessionSerializer,
    )
    def get(self, request: Request) -> Response:
        return Response(SessionSerializer(_session(request.user)).data)

    @extend_schema(
        operation_id="session_create",
        summary="Sign in",
        description="Starts a session (a cookie). Needs the X-CSRFToken header. After several failed tries for one "
        "user from one address, that pair is refused with 429 for a while.",
        request=SignInSerializer,
        responses={200: SessionSerializer, **error_responses(400, 403, 413, 415, 429)},
    )
    def post(self, request: Request) -> Response:
        # DRF checks CSRF only for already signed-in users; signing in must be protected too (login CSRF).
        SessionAuthentication().enforce_csrf(request)
        credentials = self.SignInSerializer(data=request.data)
        credentials.is_valid(raise_exception=True)
        user = authenticate(request._request, **credentials.validated_data)
        if user is None:
            raise AuthenticationFailed(_("unknown username or wrong password"))
        login(request._request, user)
        return Response(SessionSerializer(_session(user)).data)

    @extend_schema(
        operation_id="session_destroy",
        summary="Sign out",
        description="Ends the session.",
        request=None,
        responses={204: OpenApiResponse(description="Signed out.")},
    )
    def delete(self, request: Request) -> Response:
        logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)
