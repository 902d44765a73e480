"""Reads: the tokens someone may see and revoke."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from projects.models import Membership, Role
from tokens.models import ApiToken


def api_token_list(*, user: Any) -> QuerySet[ApiToken]:
    """``user``'s unexpired tokens, and the project tokens of the projects they own (whoever made them)."""
    owned = Membership.objects.filter(user=user, role=Role.OWNER).values("project_id")
    return (
        ApiToken.objects.filter(Q(user=user) | Q(project_id__in=owned))
        .filter(Q(expiry__isnull=True) | Q(expiry__gt=timezone.now()))
        .select_related("project", "user")
        .order_by("-created")
    )


def api_token_get(*, user: Any, uid: str) -> ApiToken | None:
    return api_token_list(user=user).filter(uid=uid).first()
