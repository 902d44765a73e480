"""Writes: projects, their members and roles, invitation links, and signing up.

A project always keeps at least one owner: the last owner can neither leave nor be demoted (ValidationError).
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from projects.models import ROLE_RANK, Invitation, Membership, Project, ProjectPolicy, Role
from projects.policy import policy_config_validated
from projects.selectors import invitation_get_open, invitation_token_hash


class InvitationNotOpen(Exception):
    """The invitation link is unknown, used or expired."""


def project_create(*, user: Any, name: str, slug: str, visibility: str, default_branch: str) -> Project:
    """A new project, with ``user`` as its owner. ValidationError when the slug is taken."""
    project = Project(name=name, slug=slug, visibility=visibility, default_branch=default_branch)
    project.full_clean()
    try:
        with transaction.atomic():
            project.save()
            Membership.objects.create(project=project, user=user, role=Role.OWNER)
    except IntegrityError as error:  # two creations of one slug at once: full_clean saw neither
        raise ValidationError({"slug": ["a project with this slug exists"]}) from error
    return project


def project_update(*, project: Project, **fields: Any) -> Project:
    """Change the project's name, visibility or default branch (the slug stays: CI jobs name it)."""
    for name in fields.keys() - {"name", "visibility", "default_branch"}:
        raise ValidationError({name: ["cannot be changed"]})
    for name, value in fields.items():
        setattr(project, name, value)
    project.full_clean()
    project.save()
    return project


def project_delete(*, project: Project) -> None:
    project.delete()


def membership_add(*, project: Project, username: str, role: str) -> Membership:
    """Make an existing user a member. ValidationError for an unknown user or one who is a member already."""
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise ValidationError({"username": [f"no user named {username!r}; invite them by link instead"]})
    if Membership.objects.filter(project=project, user=user).exists():
        raise ValidationError({"username": [f"{username} is a member already"]})
    return Membership.objects.create(project=project, user=user, role=Role(role))


def membership_set_role(*, membership: Membership, role: str) -> Membership:
    with transaction.atomic():
        if membership.role == Role.OWNER and role != Role.OWNER:
            _keep_an_owner(membership)
        membership.role = Role(role)
        membership.save(update_fields=["role"])
    return membership


def membership_remove(*, membership: Membership) -> None:
    with transaction.atomic():
        if membership.role == Role.OWNER:
            _keep_an_owner(membership)
        membership.delete()


def _keep_an_owner(membership: Membership) -> None:
    """Refuse to take the owner role from the project's last owner (the rows are locked until the change is
    saved, so two owners demoting each other at once cannot both succeed)."""
    owners = list(Membership.objects.select_for_update().filter(project_id=membership.project_id, role=Role.OWNER))
    if len(owners) <= 1:
        raise ValidationError({"role": ["a project needs an owner: make another member owner first"]})


def invitation_create(
    *, created_by: Any, project: Project | None, role: str = Role.VIEWER, note: str = "", days: int | None = None
) -> tuple[Invitation, str]:
    """A single-use invitation link valid for ``days`` (DOCKWRIGHT_INVITATION_DAYS by default); the invitation
    and the secret its link carries, which is not stored (only its hash) and so can be shown only now."""
    token = secrets.token_urlsafe(32)
    days = settings.DOCKWRIGHT_INVITATION_DAYS if days is None else days
    invitation = Invitation.objects.create(
        token_hash=invitation_token_hash(token),
        project=project,
        role=Role(role),
        note=note,
        created_by=created_by,
        expires_at=timezone.now() + dt.timedelta(days=days),
    )
    return invitation, token


def invitation_revoke(*, invitation: Invitation) -> None:
    invitation.delete()


def invitation_accept(*, token: str, user: Any) -> Membership | None:
    """Use the invitation for ``user`` (signed in, or just signed up): they join its project with its role (a member
    already keeps the higher of the two roles). The membership, or None for a site invitation.
    InvitationNotOpen when the link is unknown, used or expired, including by someone accepting it at the same
    moment."""
    with transaction.atomic():
        invitation = invitation_get_open(token=token)
        if invitation is None:
            raise InvitationNotOpen()
        # Single use even under concurrent accepts: only the update that still sees it unused wins.
        claimed = Invitation.objects.filter(pk=invitation.pk, used_at__isnull=True).update(
            used_at=timezone.now(), used_by=user
        )
        if not claimed:
            raise InvitationNotOpen()
        if invitation.project is None:
            return None
        membership, created = Membership.objects.get_or_create(
            project=invitation.project, user=user, defaults={"role": invitation.role}
        )
        if not created and ROLE_RANK[Role(invitation.role)] > ROLE_RANK[Role(membership.role)]:
            membership.role = invitation.role
            membership.save(update_fields=["role"])
        return membership


def user_sign_up(*, username: str, password: str, invitation_token: str | None = None) -> tuple[Any, Membership | None]:
    """A new account, and the membership its invitation gave it (None without one, or for a site invitation).

    Without an invitation only when open sign-up is on (PermissionError otherwise); with one, the account accepts
    it in the same transaction (InvitationNotOpen rolls the account back). ValidationError for a taken username or
    a weak password."""
    if invitation_token is None and not settings.DOCKWRIGHT_OPEN_SIGNUP:
        raise PermissionError("sign-up is by invitation only on this site")
    model = get_user_model()
    user = model(username=username)
    user.full_clean(exclude=["password"])
    try:
        validate_password(password, user)
    except ValidationError as error:  # the validators' messages, named after the field they are about
        raise ValidationError({"password": error.messages}) from error
    user.set_password(password)
    with transaction.atomic():
        try:
            user.save()
        except IntegrityError as error:
            raise ValidationError({"username": ["this username is taken"]}) from error
        membership = None
        if invitation_token is not None:
            membership = invitation_accept(token=invitation_token, user=user)
    return user, membership


def project_policy_save(*, project: Project, config: Mapping[str, Any], user: Any) -> ProjectPolicy:
    """Replace the project's policy (maintainers and owners do this); ValidationError for settings the engine
    refuses or that are not a project's to set."""
    policy, _ = ProjectPolicy.objects.get_or_create(project=project)
    policy.config = policy_config_validated(config)
    policy.updated_by = user
    policy.save()
    return policy
