from django.urls import path

from scans.apis import ScanArchiveApi, ScanCollectionApi, ScanDetailApi, ScanFileApi
from scans.lint_apis import ProjectLintApi

urlpatterns = [
    path("projects/<slug:slug>/lint", ProjectLintApi.as_view(), name="project-lint"),
    path("projects/<slug:slug>/scans", ScanCollectionApi.as_view(), name="project-scans"),
    path("projects/<slug:slug>/scans/archive", ScanArchiveApi.as_view(), name="project-scan-archive"),
    path("projects/<slug:slug>/scans/<int:scan_id>", ScanDetailApi.as_view(), name="project-scan"),
    path(
        "projects/<slug:slug>/scans/<int:scan_id>/files/<int:file_id>", ScanFileApi.as_view(), name="project-scan-file"
    ),
]
