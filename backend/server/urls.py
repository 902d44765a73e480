"""Root URLconf: probes and metrics, the admin, API v1, JSON 404s for the rest of /api/, then the SPA."""

from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path, re_path
from django_prometheus.exports import ExportToDjangoView  # type: ignore[import-untyped]
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from core.apis import liveness, readiness_view
from core.errors import json_not_found
from core.spa import spa_index
from scans.metrics import scan_metrics_view

api_v1: list[URLPattern | URLResolver] = [
    path("", include("core.urls")),
    path("", include("analyses.urls")),
    path("", include("catalog.urls")),
    path("", include("projects.urls")),
    path("", include("tokens.urls")),
    path("", include("scans.urls")),
    path("", include("insights.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves Swagger UI's start-up script from this URL (?script) instead of inline, so the page
    # works under the CSP's `script-src 'self'`.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="docs"),
]

urlpatterns = [
    path("health", liveness, name="health"),
    path("health/ready", readiness_view, name="health-ready"),
    # Scraped by Prometheus through the internal port; the Nginx config does not expose it.
    path("metrics", ExportToDjangoView, name="metrics"),
    # The scans' metrics: the same for every replica, so scraped apart from each replica's own (scans.metrics).
    path("metrics/scans", scan_metrics_view, name="metrics-scans"),
    path("admin/", admin.site.urls),
    path("api/v1/", include(api_v1)),
    # Anything else under /api/ is an API 404, in the error shape, whatever DEBUG says.
    re_path(r"^api(?:/.*)?$", json_not_found),
    # Client-side routes of the SPA; its files are served by whitenoise before URL routing.
    re_path(r"^(?!(?:api|admin|static)(?:/|$)).*$", spa_index, name="spa"),
]

handler400 = "core.errors.json_bad_request"
handler403 = "core.errors.json_permission_denied"
handler404 = "core.errors.json_not_found"
handler500 = "core.errors.json_server_error"
