"""The scans API: CI uploads a bundle of a repository's container files as one scan of a project; members read
scans with their findings, and which are new or fixed since the latest scan of the default branch."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from analyses.serializers import FindingSerializer, FindingsField
from core.api_schema import error_responses
from core.errors import PayloadTooLarge
from core.fields import StrictCharField
from projects.apis import MembersOnly, project_for_request
from projects.models import Role
from scans.archive import ArchiveRefused, archive_files
from scans.models import Scan, ScanFile, ScanFinding
from scans.selectors import (
    Comparison,
    scan_comparison,
    scan_file_findings,
    scan_file_get,
    scan_file_new_fingerprints,
    scan_get,
    scan_list,
)
from scans.services import archive_limits, scan_create, scan_enqueue
from tokens.models import Scope


class ScanFindingSerializer(FindingSerializer):
    path = serializers.CharField(help_text="The file, relative to the repository.")
    fingerprint = serializers.CharField(help_text="Stays the same when the finding's line moves.")
    new = serializers.BooleanField(help_text="Not in the baseline scan (every finding is new without a baseline).")


@extend_schema_field(ScanFindingSerializer(many=True))
class ScanFindingsField(FindingsField):
    pass


class ScanFileSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="The file's resource: <scan URL>/files/<id>.")
    path = serializers.CharField()
    kind = serializers.CharField(allow_blank=True, help_text="Empty for a file the others read (.dockerignore, .env).")
    analysed = serializers.BooleanField()
    error = serializers.CharField(allow_blank=True, help_text="Why the engine could not analyse it.")
    counts = serializers.JSONField()


class ScanSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.CharField(help_text="This scan's resource.")
    status = serializers.ChoiceField(choices=Scan.Status.values)
    repository = serializers.CharField(allow_blank=True)
    commit = serializers.CharField(allow_blank=True)
    branch = serializers.CharField(allow_blank=True)
    paths = serializers.ListField(child=serializers.CharField())
    files_found = serializers.IntegerField(help_text="Dockerfiles and compose files to analyse.")
    files_analysed = serializers.IntegerField()
    counts = serializers.JSONField(help_text="Findings by severity, once done.")
    error = serializers.CharField(allow_blank=True)
    created = serializers.DateTimeField()
    finished = serializers.DateTimeField(allow_null=True)


class ScanSerializer(ScanSummarySerializer):
    baseline = serializers.IntegerField(
        allow_null=True,
        help_text="The scan of the default branch compared with; null when there is none, or until this one is done.",
    )
    files = ScanFileSerializer(many=True)
    findings = ScanFindingsField()
    new = serializers.IntegerField(help_text="How many findings are new.")
    fixed = ScanFindingsField(help_text="The baseline's findings that this scan no longer has.")


def scan_summary_data(scan: Scan) -> dict[str, Any]:
    """A scan in the shape of ScanSummarySerializer, with its URL."""
    data = {field: getattr(scan, field) for field in ScanSummarySerializer().fields if field != "url"}
    return {**data, "url": f"/api/v1/projects/{scan.project.slug}/scans/{scan.pk}"}


def _finding(finding: ScanFinding, *, new: bool) -> dict[str, Any]:
    return {**finding.data, "path": finding.file.path, "fingerprint": finding.fingerprint, "new": new}


def _scan_data(scan: Scan) -> dict[str, Any]:
    comparison: Comparison = scan_comparison(scan=scan)
    new_ids = {finding.pk for finding in comparison.new}
    findings = [_finding(finding, new=finding.pk in new_ids) for finding in comparison.findings]
    return ScanSerializer(
        {
            **scan_summary_data(scan),
            "baseline": comparison.baseline.pk if comparison.baseline else None,
            "files": list(scan.files.defer("content")),
            "findings": findings,
            "new": len(new_ids),
            "fixed": [_finding(finding, new=False) for finding in comparison.fixed],
        }
    ).data


class ScanFileInputSerializer(serializers.Serializer):
    path = StrictCharField(max_length=1000, help_text="Relative to the repository's root.")
    content = StrictCharField(trim_whitespace=False, allow_blank=True)


class ScanInputSerializer(serializers.Serializer):
    files = ScanFileInputSerializer(many=True, help_text="Dockerfiles, compose files, .env-style files, .dockerignore.")
    repository = StrictCharField(max_length=500, required=False, default="", allow_blank=True)
    commit = StrictCharField(max_length=64, required=False, default="", allow_blank=True)
    branch = StrictCharField(max_length=255, required=False, default="", allow_blank=True)
    paths = serializers.ListField(child=StrictCharField(max_length=1000), required=False, default=list, max_length=100)


class ScanCollectionApi(APIView):
    permission_classes = [MembersOnly]
    token_scopes = {"POST": Scope.SCANS_WRITE}

    @extend_schema(
        operation_id="projects_scans_list",
        summary="List a project's scans",
        description="Newest first, 20 a page; anyone who may read the project.",
        responses={200: ScanSummarySerializer(many=True), **error_responses(404)},
    )
    def get(self, request: Request, slug: str) -> Response:
        project = project_for_request(request, slug).project
        scans = scan_list(project=project)[:20]
        return Response([ScanSummarySerializer(scan_summary_data(scan)).data for scan in scans])

    @extend_schema(
        operation_id="projects_scans_create",
        summary="Upload a scan",
        description="Maintainers and owners, or a project token with `scans:write` (what `dockwright lint "
        "--upload` sends). The bundle is analysed as one, on a worker: compose files read the Dockerfiles and .env "
        "files sent with them. The answer (202) is the scan, with its URL (also in `Location`): read it until "
        "`status` is `done` (or `failed`, with `error`); `files_found` and `files_analysed` show the progress. "
        "Once done it lists the findings and which are new against the latest scan of the default branch.",
        request=ScanInputSerializer,
        responses={202: ScanSerializer, **error_responses(400, 403, 404, 413)},
    )
    def post(self, request: Request, slug: str) -> Response:
        access = project_for_request(request, slug, needs=Role.MAINTAINER)
        data = ScanInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        scan = scan_create(project=access.project, user=request.user, **data.validated_data)
        scan_enqueue(scan=scan)  # committed already: a worker may take it at once
        scan.refresh_from_db()
        body = _scan_data(scan)
        return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": body["url"]})


class ScanArchiveInputSerializer(serializers.Serializer):
    archive = serializers.FileField(help_text="A .tar.gz, .tgz, .tar or .zip of the repository.")
    repository = StrictCharField(max_length=500, required=False, default="", allow_blank=True)
    commit = StrictCharField(max_length=64, required=False, default="", allow_blank=True)
    branch = StrictCharField(max_length=255, required=False, default="", allow_blank=True)


class ScanArchiveApi(APIView):
    permission_classes = [MembersOnly]
    parser_classes = [MultiPartParser]
    token_scopes = {"POST": Scope.SCANS_WRITE}

    @extend_schema(
        operation_id="projects_scans_archive_create",
        summary="Upload a repository archive as a scan",
        description="Maintainers and owners (or a project token with `scans:write`), as multipart form data. Every "
        "Dockerfile, compose file, .env file and .dockerignore in the archive is kept (up to the scan's file "
        "limits); the rest is skipped unread and archives inside it are not opened. The archive is read in memory, "
        "never extracted, and refused with 400 and the reason when it is over a limit (size, members, uncompressed "
        "total, compression ratio), names a member with an absolute path, `..`, a name that is not UTF-8 or twice, "
        "holds a link or a device, or is truncated; 413 when it is larger than DOCKWRIGHT_ARCHIVE_MAX_BYTES. "
        "Answers 202 like an upload of files.",
        request={"multipart/form-data": ScanArchiveInputSerializer},
        responses={202: ScanSerializer, **error_responses(400, 403, 404, 413)},
    )
    def post(self, request: Request, slug: str) -> Response:
        access = project_for_request(request, slug, needs=Role.MAINTAINER)
        limit = settings.DOCKWRIGHT_ARCHIVE_MAX_BYTES
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
        if declared > limit + 64 * 1024:  # before the body is read; the file's own size is checked below
            raise PayloadTooLarge(f"the archive is over the limit of {limit} bytes")
        data = ScanArchiveInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        upload = data.validated_data.pop("archive")
        if upload.size > limit:
            raise PayloadTooLarge(f"the archive is {upload.size} bytes; the limit is {limit} bytes")
        try:
            files = archive_files(upload.read(), upload.name or "", archive_limits())
        except ArchiveRefused as error:
            raise ValidationError({"archive": [str(error)]}) from error
        scan = scan_create(project=access.project, user=request.user, files=files, **data.validated_data)
        scan_enqueue(scan=scan)
        scan.refresh_from_db()
        body = _scan_data(scan)
        return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": body["url"]})


class ScanDetailApi(APIView):
    permission_classes = [MembersOnly]

    @extend_schema(
        operation_id="projects_scans_retrieve",
        summary="Read a scan",
        description="Its progress (files found, files analysed), its findings, and which are new and which fixed "
        "against the latest earlier scan of the project's default branch.",
        responses={200: ScanSerializer, **error_responses(404)},
    )
    def get(self, request: Request, slug: str, scan_id: int) -> Response:
        project = project_for_request(request, slug).project
        scan = scan_get(project=project, scan_id=scan_id)
        if scan is None:
            raise NotFound(f"no scan {scan_id} in {slug!r}")
        return Response(_scan_data(scan))


class ScanFileDetailSerializer(ScanFileSerializer):
    scan = ScanSummarySerializer()
    content = serializers.CharField(allow_blank=True, trim_whitespace=False)
    findings = ScanFindingsField(help_text="The file's findings with their lines and columns, to underline them.")


def _file_data(scan_file: ScanFile) -> dict[str, Any]:
    new = scan_file_new_fingerprints(scan_file=scan_file)
    findings = list(scan_file_findings(scan_file=scan_file).select_related("file"))
    return ScanFileDetailSerializer(
        {
            "id": scan_file.pk,
            "path": scan_file.path,
            "kind": scan_file.kind,
            "analysed": scan_file.analysed,
            "error": scan_file.error,
            "counts": scan_file.counts,
            "scan": scan_summary_data(scan_file.scan),
            "content": scan_file.content,
            "findings": [_finding(finding, new=finding.fingerprint in new) for finding in findings],
        }
    ).data


class ScanFileApi(APIView):
    permission_classes = [MembersOnly]

    @extend_schema(
        operation_id="projects_scans_files_retrieve",
        summary="Read a file of a scan",
        description="Its content as scanned and its findings, each with its line and column range (1-based, the "
        "end column exclusive) to underline, and whether it is new against the scan's baseline. Anyone who may read "
        "the project; 404 for a file of another scan.",
        responses={200: ScanFileDetailSerializer, **error_responses(404)},
    )
    def get(self, request: Request, slug: str, scan_id: int, file_id: int) -> Response:
        project = project_for_request(request, slug).project
        scan = scan_get(project=project, scan_id=scan_id)
        scan_file = scan_file_get(scan=scan, file_id=file_id) if scan is not None else None
        if scan_file is None:
            raise NotFound(f"no file {file_id} in scan {scan_id} of {slug!r}")
        return Response(_file_data(scan_file))
