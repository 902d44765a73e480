"""Reads of stored analyses."""

from __future__ import annotations

import re
from typing import Any

from django.db.models import QuerySet

from analyses.models import Analysis

# What models.new_analysis_id makes (url-safe base64), at most as long as the column.
ANALYSIS_ID = re.compile(r"[A-Za-z0-9_-]{1,32}")


def analysis_get(*, analysis_id: str) -> Analysis | None:
    """Any analysis by id: whoever holds the unguessable id may read it (it is a share link).

    Text that cannot be an id finds nothing without a query: Postgres refuses a NUL in a parameter outright."""
    if not ANALYSIS_ID.fullmatch(analysis_id):
        return None
    return Analysis.objects.filter(pk=analysis_id).first()


def analysis_list_for_user(*, user: Any) -> QuerySet[Analysis]:
    """The user's own analyses, newest first, without their (possibly large) content."""
    if not user or not user.is_authenticated:
        return Analysis.objects.none()
    return Analysis.objects.filter(owner=user).defer("content").order_by("-created", "-pk")
