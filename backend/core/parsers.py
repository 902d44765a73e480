"""A JSON parser that refuses oversized bodies before reading them.

DRF's JSONParser reads the whole stream and ignores DATA_UPLOAD_MAX_MEMORY_SIZE (only Django's
``request.body`` enforces it), so a client could make a worker buffer any amount of data.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import BaseParser

from core.errors import PayloadTooLarge


class BoundedJSONParser(BaseParser):
    media_type = "application/json"

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Mapping[str, Any] | None = None) -> Any:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        request = (parser_context or {}).get("request")
        declared = _declared_length(request)
        if declared is not None and declared > limit:
            raise PayloadTooLarge(_too_large_message(limit))
        body = stream.read(limit + 1) if stream is not None else b""
        if len(body) > limit:
            raise PayloadTooLarge(_too_large_message(limit))
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ParseError(_("request body is not UTF-8 text: %(error)s") % {"error": exc}) from None
        try:
            return json.loads(text, parse_constant=_reject_constant)
        except ValueError as exc:
            raise ParseError(_("JSON parse error: %(error)s") % {"error": exc}) from None
        except RecursionError:
            raise ParseError(_("JSON parse error: nested too deeply")) from None


def _declared_length(request: Any) -> int | None:
    if request is None:
        return None
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON")


def _too_large_message(limit: int) -> str:
    return f"request body is larger than {limit} bytes"
