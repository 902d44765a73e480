from __future__ import annotations

from django.db import models


class RulePolicy(models.Model):
    """A site-wide decision about one rule: switch it off (or on), or report it at another severity."""

    class Severity(models.TextChoices):
        ERROR = "error", "error"
        WARNING = "warning", "warning"
        INFO = "info", "info"
        STYLE = "style", "style"

    rule_id = models.CharField(max_length=32, unique=True)
    enabled = models.BooleanField(default=True)
    severity = models.CharField(
        max_length=16, choices=Severity.choices, blank=True, help_text="Leave empty to keep the rule's own severity."
    )
    note = models.CharField(max_length=255, blank=True, help_text="Why the site decided this.")
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "rule policy"
        verbose_name_plural = "rule policies"
        ordering = ["rule_id"]

    def __str__(self) -> str:
        return self.rule_id
