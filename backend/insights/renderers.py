"""Answers that are not JSON: CSV exports and SVG badges. The views make the text; these renderers let DRF's
content negotiation choose them (`?format=csv`, a `.csv` URL, `Accept: image/svg+xml`). Errors stay JSON in the
one error shape, whatever was asked for (NonJsonAnswers)."""

from __future__ import annotations

from typing import Any

from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView


class TextRenderer(BaseRenderer):
    """Sends the text the view made as it is."""

    charset = "utf-8"

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        return str(data).encode(self.charset)


class CsvRenderer(TextRenderer):
    media_type = "text/csv"
    format = "csv"


class SvgRenderer(TextRenderer):
    media_type = "image/svg+xml"
    format = "svg"


class NonJsonAnswers(APIView):
    """A view whose answers may be CSV or SVG: an error answer is rendered as JSON all the same."""

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        response = super().finalize_response(request, response, *args, **kwargs)
        if isinstance(response, Response) and response.status_code >= 400:
            response.accepted_renderer = JSONRenderer()
            response.accepted_media_type = JSONRenderer.media_type
        return response
