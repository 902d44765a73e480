"""Reads: which projects a user may see and with which role, their members, and invitation links.

Whoever may not read a project is told it does not exist (the APIs answer 404, never a 403 that confirms it):
``project_access`` answers None for an unknown project and a private project of others alike.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from django.db.models import CharField, OuterRef, Q, QuerySet, Subquery, Value
from django.utils import timezone

from projects.models import ROLE_RANK, Invitation, Membership, Project, ProjectPolicy, Role


@dataclass(frozen=True)
class ProjectAccess:
    """A project someone may read, and their role in it (None: not a member, reading a public project)."""

    project: Project
    role: str | None

    def allows(self, needed: str) -> bool:
        return self.role is not None and ROLE_RANK[Role(self.role)] >= ROLE_RANK[Role(needed)]


def project_list_for_user(*, user: Any) -> QuerySet[Project]:
    """The projects ``user`` belongs to and the public ones, each with ``user_role`` (None when not a member)."""
    public = Q(visibility=Project.Visibility.PUBLIC)
    if not _signed_in(user):
        return Project.objects.filter(public).annotate(user_role=Value(None, output_field=CharField()))
    mine = Membership.objects.filter(project=OuterRef("pk"), user=user).values("role")[:1]
    return (
        Project.objects.filter(public | Q(memberships__user=user))
        .distinct()
        .annotate(user_role=Subquery(mine))
        .order_by("slug")
    )


def project_access(*, slug: str, user: Any) -> ProjectAccess | None:
    """The project named ``slug`` and ``user``'s role in it, or None when it does not exist or ``user`` may not
    read it."""
    project = Project.objects.filter(slug=slug).first()
    if project is None:
        return None
    role = None
    if _signed_in(user):
        role = Membership.objects.filter(project=project, user=user).values_list("role", flat=True).first()
    if role is None and project.visibility != Project.Visibility.PUBLIC:
        return None
    return ProjectAccess(project=project, role=role)


def project_policy_get(*, project: Project) -> ProjectPolicy | None:
    return ProjectPolicy.objects.filter(project=project).select_related("updated_by").first()


def membership_list(*, project: Project) -> QuerySet[Membership]:
    return Membership.objects.filter(project=project).select_related("user").order_by("user__username")


def membership_get(*, project: Project, username: str) -> Membership | None:
    return Membership.objects.filter(project=project, user__username=username).select_related("user").first()


def invitation_list(*, project: Project) -> QuerySet[Invitation]:
    """The project's invitations that may still be accepted (unused and unexpired), newest first."""
    return Invitation.objects.filter(project=project, used_at__isnull=True, expires_at__gt=timezone.now())


def invitation_get_open(*, token: str) -> Invitation | None:
    """The unused, unexpired invitation whose link carries ``token``, or None."""
    return (
        Invitation.objects.filter(
            token_hash=invitation_token_hash(token), used_at__isnull=True, expires_at__gt=timezone.now()
        )
        .select_related("project", "created_by")
        .first()
    )


def invitation_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _signed_in(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated)
