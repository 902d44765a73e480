"""API tokens (django-rest-knox's model, extended): only a SHA-512 digest of each token is stored."""

from __future__ import annotations

import secrets

from django.db import models
from knox.models import AbstractAuthToken


class Scope(models.TextChoices):
    READ = "read", "read: every GET"
    ANALYSES_WRITE = "analyses:write", "analyses:write: lint and share analyses"
    SCANS_WRITE = "scans:write", "scans:write: upload scans of a project"


def new_token_uid() -> str:
    return secrets.token_hex(8)


class ApiToken(AbstractAuthToken):
    """A named token with scopes and an expiry. A project token (``project`` set) is for CI: it acts for the member
    who made it, in that project only, and stops working there when they leave the project."""

    # The token's public name in URLs and lists; the digest (the primary key) must not appear anywhere.
    uid = models.CharField(max_length=16, unique=True, default=new_token_uid, editable=False)
    name = models.CharField(max_length=100)
    scopes = models.JSONField(default=list)
    project = models.ForeignKey(
        "projects.Project", null=True, blank=True, on_delete=models.CASCADE, related_name="tokens"
    )
    last_used = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "API token"
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.name} ({self.token_key}…)"
