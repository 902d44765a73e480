from django.urls import path

from scans.apis import ScanArchiveApi, ScanCollectionApi, ScanDetailApi, ScanFileApi

urlpatterns = [
    path("projects/<slug:slug>/scans", ScanCollectionApi.as_view(), name="project-scans"),
    path("projects/<slug:slug>/scans/archive", ScanArchiveApi.as_view(), name="project-scan-archive"),
    path("projects/<slug:slug>/scans/<int:scan_id>", ScanDetailApi.as_view(), name="project-scan"),
    path(
        "projects/<slug:slug>/scans/<int:scan_id>/files/<int:file_id>", ScanFileApi.as_view(), name="project-scan-file"
    ),
]
