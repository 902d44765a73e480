"""Scans: taking a bundle of a repository's container files, and analysing it file by file.

Every file is analysed by the engine's one entry point (dockwright.lint.lint) within its own budget, with the
project's policy (projects.policy) and the bundle's other files as ``files=``, so a compose file sees the Dockerfiles
it builds and a Dockerfile its .dockerignore. Analysing is idempotent per file: a file's findings are replaced, in
one transaction with marking it analysed, so running a scan again after an interruption redoes only what was not
finished and never stores a finding twice.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone

from analyses.bundles import bundle_path_problem
from analyses.services import finding_api_data
from dockwright.detect import kind_from_filename
from dockwright.errors import InputError
from dockwright.inventory import file_inventory
from dockwright.lint import check_content, lint, parse
from projects.models import Project
from projects.policy import project_lint_config
from scans.archive import ArchiveLimits
from scans.bundle import BundleFiles
from scans.fingerprints import fingerprints
from scans.models import Scan, ScanFile, ScanFinding
from scans.tallies import FailureReason, tally_file_analysed, tally_scan_done, tally_scan_failed

# Files that are read by the others but not analysed themselves.
CONTEXT_NAMES = (".dockerignore", ".env")
# Scans deleted per transaction by scan_expire_old (each takes its files and findings with it).
EXPIRE_BATCH = 200


def scan_create(
    *,
    project: Project,
    user: Any,
    files: Sequence[Mapping[str, str]],
    repository: str = "",
    commit: str = "",
    branch: str = "",
    paths: Sequence[str] = (),
) -> Scan:
    """Store a bundle as a pending scan. ValidationError for a bundle over the limits (DOCKWRIGHT_SCAN_MAX_FILES
    files, each file within DOCKWRIGHT_MAX_CONTENT_BYTES), a path that leaves the repository, a duplicate path, or
    a bundle with nothing to analyse."""
    rows = [
        ScanFile(path=path, kind=file_kind(path) or "", content=content)
        for path, content in bundle_checked(files=files).items()
    ]
    if not any(row.kind for row in rows):
        raise ValidationError({"files": ["no Dockerfile or compose file in the bundle"]})
    with transaction.atomic():
        scan = Scan.objects.create(
            project=project,
            created_by=user,
            repository=repository,
            commit=commit,
            branch=branch,
            paths=list(paths),
            files_found=sum(1 for row in rows if row.kind),
        )
        for row in rows:
            row.scan = scan
        ScanFile.objects.bulk_create(rows)
    return scan


def scan_start(*, scan: Scan, count_attempt: bool = True) -> bool:
    """Mark ``scan`` running as a worker takes it, counting the attempt (not for a retry after a database error).
    False when there is nothing to run: the scan is finished, or it was started DOCKWRIGHT_SCAN_MAX_ATTEMPTS times
    already, each time losing its worker (killed, out of memory), and is failed rather than tried forever."""
    with transaction.atomic():
        locked = Scan.objects.select_for_update().get(pk=scan.pk)
        if locked.status in (Scan.Status.DONE, Scan.Status.FAILED):
            return False
        if count_attempt and locked.attempts >= settings.DOCKWRIGHT_SCAN_MAX_ATTEMPTS:
            _finish_failed(
                scan=locked,
                reason=FailureReason.WORKER_LOST,
                error=f"the analysis was started {locked.attempts} times and its worker stopped each time",
            )
            return False
        locked.status = Scan.Status.RUNNING
        locked.started = locked.started or timezone.now()
        locked.attempts += int(count_attempt)
        locked.save(update_fields=["status", "started", "attempts"])
    return True


def bundle_checked(*, files: Sequence[Mapping[str, str]]) -> dict[str, str]:
    """The bundle by repository-relative path. ValidationError for one over the limits (DOCKWRIGHT_SCAN_MAX_FILES
    files, each within DOCKWRIGHT_MAX_CONTENT_BYTES), a path that leaves the repository or a duplicate path."""
    if len(files) > settings.DOCKWRIGHT_SCAN_MAX_FILES:
        raise ValidationError({"files": [f"at most {settings.DOCKWRIGHT_SCAN_MAX_FILES} files make one bundle"]})
    bundle: dict[str, str] = {}
    for item in files:
        path = _clean_path(item["path"])
        if path in bundle:
            raise ValidationError({"files": [f"{path!r} is in the bundle twice"]})
        content = item["content"]
        size = len(content.encode("utf-8"))
        if size > settings.DOCKWRIGHT_MAX_CONTENT_BYTES:
            limit = settings.DOCKWRIGHT_MAX_CONTENT_BYTES
            raise ValidationError({"files": [f"{path} is {size} bytes; the limit is {limit} bytes"]})
        bundle[path] = content
    return bundle


def scan_run(*, scan: Scan) -> Scan:
    """Analyse every file of ``scan`` not analysed yet, then total the counts and mark it done."""
    Scan.objects.filter(pk=scan.pk, status=Scan.Status.PENDING).update(
        status=Scan.Status.RUNNING, started=timezone.now()
    )
    bundle = dict(ScanFile.objects.filter(scan=scan).values_list("path", "content"))
    config = project_lint_config(project=scan.project)
    for scan_file in ScanFile.objects.filter(scan=scan, analysed=False).exclude(kind=""):
        scan_file_analyse(scan_file=scan_file, bundle=bundle, config=config)
    counts: dict[str, int] = {}
    for file_counts in ScanFile.objects.filter(scan=scan).values_list("counts", flat=True):
        for severity, count in (file_counts or {}).items():
            counts[severity] = counts.get(severity, 0) + count
    with transaction.atomic():
        # Locked: of two runs of one scan (a message redelivered while the first run went on), one marks it done.
        locked = Scan.objects.select_for_update().get(pk=scan.pk)
        if locked.status == Scan.Status.RUNNING:
            locked.status, locked.counts, locked.finished = Scan.Status.DONE, counts, timezone.now()
            locked.save(update_fields=["status", "counts", "finished"])
            tally_scan_done(seconds=(locked.finished - (locked.started or locked.created)).total_seconds())
    scan.refresh_from_db()
    return scan


def scan_file_analyse(*, scan_file: ScanFile, bundle: Mapping[str, str], config: Any) -> None:
    """Analyse one file and store its findings in place of any it had (idempotent), with its inventory facts (its
    images, root users, database ports: dockwright.inventory); a file the engine refuses (binary, empty) is
    recorded with the reason."""
    findings: list[dict[str, Any]] = []
    counts: dict[str, int] = {}
    facts: dict[str, Any] = {}
    error = ""
    try:
        check_content(scan_file.content)
        files = BundleFiles(bundle, scan_file.path)
        result = lint(scan_file.content, kind=scan_file.kind, filename=scan_file.path, config=config, files=files)
        findings = [finding_api_data(finding) for finding in result.findings]
        counts = result.counts()
        facts = file_inventory(result.document, files).as_json()
    except InputError as exc:
        error = str(exc)
    prints = fingerprints(path=scan_file.path, content=scan_file.content, findings=findings)
    with transaction.atomic():
        # Locked, so that of two runs analysing the file at once (a retried task) only one stores its findings.
        if ScanFile.objects.select_for_update().filter(pk=scan_file.pk, analysed=True).exists():
            return
        ScanFinding.objects.filter(file=scan_file).delete()
        ScanFinding.objects.bulk_create(
            ScanFinding(
                scan_id=scan_file.scan_id,
                file=scan_file,
                rule=str(data["rule"]),
                severity=str(data["severity"]),
                line=int(data["line"]),
                fingerprint=fingerprint,
                data=data,
            )
            for data, fingerprint in zip(findings, prints, strict=True)
        )
        ScanFile.objects.filter(pk=scan_file.pk).update(analysed=True, counts=counts, facts=facts, error=error)
        Scan.objects.filter(pk=scan_file.scan_id).update(files_analysed=F("files_analysed") + 1)
        tally_file_analysed()


def scan_file_facts_fill() -> int:
    """Read the inventory facts of analysed files that have none (analysed before files kept them), from their text
    parsed again with their scan's other files around them; the number of files filled. Parsing only: the findings
    stay as they are."""
    filled = 0
    missing = ScanFile.objects.filter(analysed=True, error="", facts={}).exclude(kind="").order_by("scan_id", "pk")
    bundle: tuple[int, dict[str, str]] | None = None
    for scan_file in missing.iterator(chunk_size=200):
        if bundle is None or bundle[0] != scan_file.scan_id:
            # Files come scan by scan: one scan's texts in memory at a time.
            texts = dict(ScanFile.objects.filter(scan_id=scan_file.scan_id).values_list("path", "content"))
            bundle = (scan_file.scan_id, texts)
        try:
            check_content(scan_file.content)
            document = parse(scan_file.content, scan_file.kind)
        except InputError:
            continue
        facts = file_inventory(document, BundleFiles(bundle[1], scan_file.path)).as_json()
        filled += ScanFile.objects.filter(pk=scan_file.pk, facts={}).update(facts=facts)
    return filled


def file_kind(path: str) -> str | None:
    """The kind of a bundle's file the engine analyses (dockerfile, compose); None for one the others read."""
    name = posixpath.basename(path)
    if name in CONTEXT_NAMES or name.startswith(".env"):
        return None
    return kind_from_filename(path)


def _clean_path(path: str) -> str:
    """A repository-relative POSIX path (the rules of an analysis's bundle); ValidationError naming the problem."""
    problem = bundle_path_problem(path)
    if problem is not None:
        raise ValidationError({"files": [f"{path!r} {problem}"]})
    return posixpath.normpath(path)


def archive_limits() -> ArchiveLimits:
    """The limits an uploaded archive is read within, from the settings."""
    return ArchiveLimits(
        max_members=settings.DOCKWRIGHT_ARCHIVE_MAX_MEMBERS,
        max_total_bytes=settings.DOCKWRIGHT_ARCHIVE_MAX_TOTAL_BYTES,
        max_ratio=settings.DOCKWRIGHT_ARCHIVE_MAX_RATIO,
        max_file_bytes=settings.DOCKWRIGHT_MAX_CONTENT_BYTES,
    )


def scan_fail(*, scan: Scan, reason: FailureReason, error: str) -> None:
    """Mark ``scan`` failed with ``error`` (shown to its readers), unless it finished meanwhile."""
    with transaction.atomic():
        locked = Scan.objects.select_for_update().get(pk=scan.pk)
        if locked.status not in (Scan.Status.DONE, Scan.Status.FAILED):
            _finish_failed(scan=locked, reason=reason, error=error)


def _finish_failed(*, scan: Scan, reason: FailureReason, error: str) -> None:
    """In the caller's transaction, on a locked row."""
    scan.status, scan.error, scan.finished = Scan.Status.FAILED, error, timezone.now()
    scan.save(update_fields=["status", "error", "finished"])
    tally_scan_failed(reason=reason)


def scan_enqueue(*, scan: Scan) -> None:
    """Analyse ``scan`` on a worker (or here and now, without a broker)."""
    from scans.tasks import scan_analyse  # here: the task module imports this one

    scan_analyse.delay(scan.pk)


def scan_expire_old(*, now: dt.datetime | None = None) -> int:
    """Delete the scans older than DOCKWRIGHT_SCAN_RETENTION_DAYS (0: keep them), with their files and findings;
    how many. Each project's latest finished scan of its default branch stays, however old: it is the baseline
    the next scan is compared with. A scan still queued when deleted is skipped by its task (scans.tasks)."""
    days = settings.DOCKWRIGHT_SCAN_RETENTION_DAYS
    if days <= 0:
        return 0
    cutoff = (now or timezone.now()) - dt.timedelta(days=days)
    latest_on_default_branch = Scan.objects.filter(
        project=OuterRef("pk"), branch=OuterRef("default_branch"), status=Scan.Status.DONE
    ).order_by("-pk")
    baselines = Project.objects.annotate(baseline=Subquery(latest_on_default_branch.values("pk")[:1])).filter(
        baseline__isnull=False
    )
    kept = set(baselines.values_list("baseline", flat=True))
    old = Scan.objects.filter(created__lt=cutoff).exclude(pk__in=kept).order_by("pk").values_list("pk", flat=True)
    expired = 0
    while ids := list(old[:EXPIRE_BATCH]):
        with transaction.atomic():
            Scan.objects.filter(pk__in=ids).delete()
        expired += len(ids)
    return expired
