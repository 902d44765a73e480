from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dockwright.detect import KINDS


def new_analysis_id() -> str:
    """128 random bits, url-safe: the id doubles as a share link, so it must not be guessable."""
    return secrets.token_urlsafe(16)


class Analysis(models.Model):
    """A shared analysis: stored only when someone asks for a link (linting while typing stores nothing)."""

    class Kind(models.TextChoices):
        DOCKERFILE = "dockerfile", _("Dockerfile")
        COMPOSE = "compose", _("Compose file")

    id = models.CharField(primary_key=True, max_length=32, default=new_analysis_id, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="analyses"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    filename = models.CharField(max_length=255, blank=True)
    content = models.TextField()
    # The other files of the project it was analysed with (path relative to the file's folder -> text): its
    # override, .env, the Dockerfiles it builds (analyses.bundles).
    files = models.JSONField(default=dict, blank=True)
    sha256 = models.CharField(max_length=64, db_index=True)
    # The analysis's own lint configuration as submitted (the site policy is not part of it).
    config = models.JSONField(default=dict, blank=True)
    # Identical saves (same content, kind and config) share it; the history shows them as one entry.
    identity = models.CharField(max_length=64, blank=True)
    # The content's first non-blank line, shortened, for the history (which does not load the content).
    preview = models.CharField(max_length=120, blank=True)
    findings = models.JSONField(default=list, blank=True)
    counts = models.JSONField(default=dict, blank=True)
    ruleset_version = models.CharField(max_length=32)
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name_plural = _("analyses")
        ordering = ["-created"]
        indexes = [
            models.Index(fields=["owner", "-created"], name="analysis_owner_created"),
            models.Index(fields=["owner", "identity"], name="analysis_owner_identity"),
        ]

    def __str__(self) -> str:
        return f"{self.filename or self.kind} ({self.id})"


class AnalysisTombstone(models.Model):
    """What is left of a deleted or expired analysis: its id and when, so its link answers 410 Gone rather than
    404. Nothing of the content, the findings or the owner is kept."""

    class Reason(models.TextChoices):
        DELETED = "deleted", _("deleted by its owner or staff")
        EXPIRED = "expired", _("expired")

    id = models.CharField(primary_key=True, max_length=32, editable=False)
    deleted_at = models.DateTimeField()
    reason = models.CharField(max_length=16, choices=Reason.choices)

    class Meta:
        ordering = ["-deleted_at"]

    def __str__(self) -> str:
        return f"{self.id} ({self.reason})"


assert set(Analysis.Kind.values) == set(KINDS), "Analysis.Kind must list the engine's kinds"
