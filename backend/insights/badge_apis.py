"""A project's status badge, for its README."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from core.api_schema import error_responses
from insights.badge import badge_svg
from insights.renderers import NonJsonAnswers, SvgRenderer
from projects.apis import MembersOnly, project_for_request
from projects.models import Project
from scans.selectors import scan_latest_done

# Badges are fetched by README viewers and image proxies (GitHub's camo) on every view: cached briefly.
BADGE_MAX_AGE = 60


class ProjectBadgeApi(NonJsonAnswers):
    permission_classes = [MembersOnly]
    renderer_classes = [SvgRenderer]

    def perform_content_negotiation(self, request: Request, force: bool = False) -> tuple[SvgRenderer, str]:
        return SvgRenderer(), SvgRenderer.media_type  # a badge is SVG whatever the client says it accepts

    @extend_schema(
        operation_id="projects_badge_retrieve",
        summary="A project's status badge (SVG)",
        description="The findings of the latest finished scan of the default branch by severity, as an SVG badge "
        "for a README: `![Dockwright](https://<host>/api/v1/projects/<slug>/badge.svg)`. Anyone may fetch a public "
        "project's badge; a private project's answers its members only (a session or a token with `read`) and 404 "
        "to everyone else. Cached for a minute (`Cache-Control`; `private` for a private project).",
        responses={
            (200, "image/svg+xml"): OpenApiResponse(OpenApiTypes.STR, description="The badge."),
            **error_responses(404, json_only=True),
        },
    )
    def get(self, request: Request, slug: str) -> Response:
        project = project_for_request(request, slug).project
        latest = scan_latest_done(project=project, branch=project.default_branch)
        response = Response(badge_svg(latest.counts if latest else None))
        scope = "public" if project.visibility == Project.Visibility.PUBLIC else "private"
        response["Cache-Control"] = f"{scope}, max-age={BADGE_MAX_AGE}"
        return response
