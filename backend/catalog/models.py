from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RulePolicy(models.Model):
    """The site's decision about one rule: its own defaults, switched off (or on), or another severity.

    Every rule has a row (catalog.services.rule_policy_rows_ensure), so the admin lists them all; a row whose
    ``enabled`` is null and ``severity`` empty changes nothing."""

    class Severity(models.TextChoices):
        ERROR = "error", _("error")
        WARNING = "warning", _("warning")
        INFO = "info", _("info")
        STYLE = "style", _("style")

    rule_id = models.CharField(max_length=32, unique=True)
    enabled = models.BooleanField(
        null=True, blank=True, help_text=_("Empty: the rule's own default (on, or off for opinionated rules).")
    )
    severity = models.CharField(
        max_length=16, choices=Severity.choices, blank=True, help_text=_("Leave empty to keep the rule's own severity.")
    )
    note = models.CharField(max_length=255, blank=True, help_text=_("Why the site decided this."))
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("rule policy")
        verbose_name_plural = _("rule policies")
        ordering = ["rule_id"]

    def __str__(self) -> str:
        return self.rule_id


class RulePolicyVersion(models.Model):
    """A single row counting policy changes: the rule catalogue's ETags are keyed by it, so a changed severity
    reaches every cached copy of the catalogue."""

    version = models.PositiveBigIntegerField(default=0)
    changed = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("rule policy version")

    def __str__(self) -> str:
        return f"policy version {self.version}"
