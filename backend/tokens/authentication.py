"""Token authentication for the API ("Authorization: Bearer dw_..."), with scopes checked on every view.

A token may do what its scopes allow and nothing else: a safe method (GET, HEAD, OPTIONS) needs ``read`` unless
the view says otherwise; any other method needs the scope the view names for it in ``token_scopes`` (or one of
the several it names), and a view that names none refuses tokens for it (managing projects and members: only a
person in a browser session does that). ``token_scopes = None`` refuses tokens for every method (the token views
themselves). The check is made here, where every view's authentication passes, so no view can forget it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from knox.auth import TokenAuthentication
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request

from tokens.models import ApiToken, Scope

# last_used is written at most this often per token, not on every request.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class ApiTokenAuthentication(TokenAuthentication):
    def authenticate(self, request: Request) -> tuple[Any, ApiToken] | None:
        authenticated = super().authenticate(request)
        if authenticated is None:
            return None
        user, token = authenticated
        view = (getattr(request, "parser_context", None) or {}).get("view")
        needed = required_scope(view, request.method or "GET")
        if needed is None or not set(needed.split("|")) & set(token.scopes):
            raise PermissionDenied(_refusal(needed))
        _touch(token)
        return user, token


def required_scope(view: Any, method: str) -> str | None:
    """The scope a token needs for ``method`` on ``view`` (``a|b``: either will do); None when tokens may not call
    it at all."""
    declared = getattr(view, "token_scopes", {})
    if declared is None:
        return None
    if method in declared:
        scopes = declared[method]
        return str(scopes) if isinstance(scopes, str) else "|".join(str(scope) for scope in scopes)
    return Scope.READ if method in SAFE_METHODS else None


def _refusal(needed: str | None) -> str:
    if needed is None:
        return "API tokens cannot do this; sign in"
    if "|" in needed:
        return f"this token lacks every one of the scopes {needed.split('|')!r}"
    return f"this token lacks the {needed!r} scope"


def _touch(token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used is None or now - token.last_used >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
        token.last_used = now
