"""Projects (one repository each), who belongs to them and with which role, and invitation links."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Project(models.Model):
    class Visibility(models.TextChoices):
        PRIVATE = "private", "private (members only)"
        PUBLIC = "public", "public (anyone may read)"

    name = models.CharField(max_length=100)
    # The project's name in URLs and for the CLI (--project); never reused while the project exists.
    slug = models.SlugField(max_length=100, unique=True)
    visibility = models.CharField(max_length=16, choices=Visibility.choices, default=Visibility.PRIVATE)
    default_branch = models.CharField(max_length=255, default="main")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.slug


class Role(models.TextChoices):
    """What a member may do; each role may do everything the roles below it may."""

    VIEWER = "viewer", "viewer: reads the project"
    MAINTAINER = "maintainer", "maintainer: also edits the project's policy"
    OWNER = "owner", "owner: also edits the project and manages its members"


ROLE_RANK = {Role.VIEWER: 1, Role.MAINTAINER: 2, Role.OWNER: 3}


class Membership(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.VIEWER)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["project", "user"]
        constraints = [models.UniqueConstraint(fields=["project", "user"], name="membership_unique_user")]

    def __str__(self) -> str:
        return f"{self.user} in {self.project} ({self.role})"


class Invitation(models.Model):
    """A link that lets one person create an account (or use theirs) and, when it names a project, join it.

    Only the SHA-256 of the link's secret is stored: the secret is shown once, when the invitation is made. Single
    use: accepting it records who and when, and a used or expired invitation answers 404 like an unknown one."""

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.CASCADE, related_name="invitations",
        help_text="Empty: an invitation to the site only (made by site admins).",
    )  # fmt: skip
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.VIEWER)
    note = models.CharField(max_length=255, blank=True, help_text="Whom it is for, as a reminder.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="invitations_made"
    )
    created = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="invitations_used"
    )

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        target = self.project.slug if self.project_id else "the site"
        return f"invitation to {target} ({self.role})"


class ProjectPolicy(models.Model):
    """The project's lint configuration, layered on the site policy (catalog): what the project ignores, the
    severities it sets, the rules and profiles it switches on, its trusted registries and its label schema. A rule
    the site switched off stays off; a file's own config still wins over the project's."""

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="policy")
    # A Dockwright config (dockwright.config.CONFIG_KEYS), limited to POLICY_KEYS, with rule names as written.
    config = models.JSONField(default=dict, blank=True)
    updated = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        verbose_name = "project policy"
        verbose_name_plural = "project policies"

    def __str__(self) -> str:
        return f"policy of {self.project}"
