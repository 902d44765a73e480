"""Scans: a bundle of a repository's container files at one commit, analysed as one, with their findings."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Scan(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "waiting to be analysed"
        RUNNING = "running", "being analysed"
        DONE = "done", "analysed"
        FAILED = "failed", "failed"

    project = models.ForeignKey("projects.Project", on_delete=models.CASCADE, related_name="scans")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    repository = models.CharField(max_length=500, blank=True)
    commit = models.CharField(max_length=64, blank=True)
    branch = models.CharField(max_length=255, blank=True)
    # The paths the run was asked to scan (folders or files), as the client gave them.
    paths = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    error = models.TextField(blank=True)
    files_found = models.PositiveIntegerField(default=0)
    files_analysed = models.PositiveIntegerField(default=0)
    counts = models.JSONField(default=dict, blank=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    # When a worker first took it: a scan redelivered after its worker died keeps its first start.
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)
    # Deliveries to a worker that began analysing it; each one past the first means a worker was lost mid-scan.
    attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-created", "-pk"]
        indexes = [
            models.Index(fields=["project", "branch", "status", "-created"], name="scan_project_branch"),
            # Prometheus counts the unfinished scans at every scrape: a small index, whatever the history's size.
            models.Index(
                fields=["status"], name="scan_unfinished", condition=models.Q(status__in=["pending", "running"])
            ),
        ]

    def __str__(self) -> str:
        return f"scan {self.pk} of {self.project} ({self.branch or 'no branch'})"


class ScanFile(models.Model):
    """One file of the bundle. Context files (.dockerignore, .env) are kept for the others to read, not analysed."""

    scan = models.ForeignKey(Scan, on_delete=models.CASCADE, related_name="files")
    path = models.CharField(max_length=1000)
    kind = models.CharField(max_length=16, blank=True, help_text="Empty: a context file, read by the others.")
    content = models.TextField()
    analysed = models.BooleanField(default=False)
    error = models.TextField(blank=True)
    counts = models.JSONField(default=dict, blank=True)
    # What the file puts into production (dockwright.inventory): its images, what runs as root, the database ports
    # it publishes; read by the inventory across projects without parsing the file again. Empty until analysed.
    facts = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["scan", "path"]
        constraints = [models.UniqueConstraint(fields=["scan", "path"], name="scan_file_unique_path")]

    def __str__(self) -> str:
        return self.path


class ScanFinding(models.Model):
    scan = models.ForeignKey(Scan, on_delete=models.CASCADE, related_name="findings")
    file = models.ForeignKey(ScanFile, on_delete=models.CASCADE, related_name="findings")
    rule = models.CharField(max_length=32)
    severity = models.CharField(max_length=16)
    line = models.PositiveIntegerField()
    # Stays the same when the finding's line moves: see scans.fingerprints.
    fingerprint = models.CharField(max_length=64, db_index=True)
    data = models.JSONField(help_text="The finding in the API's shape.")

    class Meta:
        ordering = ["file", "line", "rule"]

    def __str__(self) -> str:
        return f"{self.rule} at {self.file}:{self.line}"


class ScanTally(models.Model):
    """A running total for Prometheus (scans.tallies adds to it, scans.metrics serves it). Each is added to in the
    transaction of the event it counts, so a worker killed mid-scan neither loses nor doubles a count, and totals
    outlive the workers that made them and the scans that deleting old scans takes away."""

    name = models.CharField(max_length=64)
    label = models.CharField(max_length=64, blank=True, help_text="Its one label's value, if any.")
    value = models.FloatField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["name", "label"], name="scan_tally_unique")]

    def __str__(self) -> str:
        return f"{self.name}{{{self.label}}} = {self.value:g}"
