"""Reads of stored analyses, their tombstones and the signed-in user's history."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.conf import settings
from django.db.models import Count, F, QuerySet, Window
from django.db.models.functions import RowNumber

from analyses.models import Analysis, AnalysisTombstone

# What models.new_analysis_id makes (url-safe base64), at most as long as the column.
ANALYSIS_ID = re.compile(r"[A-Za-z0-9_-]{1,32}")


def analysis_get(*, analysis_id: str) -> Analysis | None:
    """Any analysis by id: whoever holds the unguessable id may read it (it is a share link).

    Text that cannot be an id finds nothing without a query: Postgres refuses a NUL in a parameter outright."""
    if not ANALYSIS_ID.fullmatch(analysis_id):
        return None
    return Analysis.objects.filter(pk=analysis_id).first()


def analysis_tombstone_get(*, analysis_id: str) -> AnalysisTombstone | None:
    """The tombstone of a deleted or expired analysis, or None."""
    if not ANALYSIS_ID.fullmatch(analysis_id):
        return None
    return AnalysisTombstone.objects.filter(pk=analysis_id).first()


def analysis_expires_at(*, analysis: Analysis) -> dt.datetime | None:
    """When an anonymous analysis expires (DOCKWRIGHT_ANONYMOUS_RETENTION_DAYS after it was shared); None for a
    signed-in user's analysis, which stays until they delete it, or when anonymous ones are kept."""
    days = settings.DOCKWRIGHT_ANONYMOUS_RETENTION_DAYS
    if analysis.owner_id is not None or days <= 0:
        return None
    return analysis.created + dt.timedelta(days=days)


def analysis_history_for_user(*, user: Any) -> QuerySet[Analysis]:
    """The user's history, newest first: one entry per set of identical saves (same content, kind and config),
    the newest save standing for them with ``saves``, their number. Without content or findings."""
    if not user or not user.is_authenticated:
        return Analysis.objects.none()
    newest_first = [F("created").desc(), F("pk").desc()]
    return (
        Analysis.objects.filter(owner=user)
        .annotate(
            saves=Window(Count("pk"), partition_by=[F("identity")]),
            rank=Window(RowNumber(), partition_by=[F("identity")], order_by=newest_first),
        )
        .filter(rank=1)
        .only("id", "owner_id", "kind", "filename", "preview", "counts", "ruleset_version", "created")
        .order_by(*newest_first)
    )
