"""Making and revoking API tokens. A token's secret is returned once, when it is made; only its digest is kept."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

from django.core.exceptions import ValidationError

from projects.models import Project, Role
from projects.selectors import project_access
from tokens.models import ApiToken, Scope

# Project tokens (CI) may only upload scans and read: nothing else a project token could do is meant for CI.
PROJECT_TOKEN_SCOPES = {Scope.READ, Scope.SCANS_WRITE}


def api_token_create(
    *, user: Any, name: str, scopes: Collection[str], days: int, project: Project | None = None
) -> tuple[ApiToken, str]:
    """A token for ``user`` (or, with ``project``, for CI in that project: maintainers and owners make those)
    valid for ``days``; the token and its secret. ValidationError for scopes it may not have."""
    scopes = sorted({Scope(scope).value for scope in scopes})
    if not scopes:
        raise ValidationError({"scopes": ["a token needs at least one scope"]})
    if project is not None:
        access = project_access(slug=project.slug, user=user)
        if access is None or not access.allows(Role.MAINTAINER):
            raise ValidationError({"project": ["project tokens are made by the project's maintainers and owners"]})
        extra = set(scopes) - PROJECT_TOKEN_SCOPES
        if extra:
            raise ValidationError(
                {"scopes": [f"a project token may have only read and scans:write, not {sorted(extra)}"]}
            )
    return ApiToken.objects.create(user, expiry=dt.timedelta(days=days), name=name, scopes=scopes, project=project)


def api_token_revoke(*, token: ApiToken) -> None:
    """The token stops working at once (its row is deleted)."""
    token.delete()
