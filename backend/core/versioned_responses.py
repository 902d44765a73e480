"""Responses that are the same for every client until a version changes (the rule catalogue changes with the
ruleset and the site policy): rendered once per process and version, sent with an ETag that names the version,
and answered 304 Not Modified when the client already holds that ETag.

Clients and proxies may store them (``public``) but must ask again before each use (``no-cache``): asking costs a
304 without a body, and a policy change is seen at once.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.http import parse_etags

CACHE_CONTROL = "public, no-cache"
# Rendered bodies kept per process, least recently used first out: the full rule list is about 100 KB, and any
# query string (a search, a cache-buster) makes an entry of its own, so the total is bounded, not the count.
MAX_BYTES = 4 * 1024 * 1024

_rendered: OrderedDict[tuple[str, str], tuple[bytes, str]] = OrderedDict()
_rendered_bytes = 0
_lock = threading.Lock()


def versioned_json_response(request: HttpRequest, *, version: str, build: Callable[[], Any]) -> HttpResponse:
    """200 with ``build()`` as JSON, or 304 when If-None-Match names its ETag; ``build`` runs once per process
    for each ``version`` and URL. ``version`` must change whenever ``build()`` may give something else."""
    key = (version, request.get_full_path())
    with _lock:
        entry = _rendered.get(key)
        if entry is not None:
            _rendered.move_to_end(key)
    if entry is None:
        body = json.dumps(build(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        entry = (body, f'"{version}.{hashlib.sha256(body).hexdigest()[:12]}"')
        _remember(key, entry)
    body, etag = entry
    response: HttpResponse
    if _client_holds(request, etag):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    return response


def _remember(key: tuple[str, str], entry: tuple[bytes, str]) -> None:
    global _rendered_bytes
    with _lock:
        previous = _rendered.pop(key, None)
        if previous is not None:
            _rendered_bytes -= len(previous[0])
        _rendered[key] = entry
        _rendered_bytes += len(entry[0])
        while _rendered_bytes > MAX_BYTES and len(_rendered) > 1:
            _, (evicted, _etag) = _rendered.popitem(last=False)
            _rendered_bytes -= len(evicted)


def _client_holds(request: HttpRequest, etag: str) -> bool:
    """If-None-Match's weak comparison: W/"x" matches "x" (a proxy that compresses makes an ETag weak)."""
    header = request.headers.get("If-None-Match")
    if not header:
        return False
    held = parse_etags(header)
    return "*" in held or etag in (tag.removeprefix("W/") for tag in held)


def forget_rendered() -> None:
    """Drop every rendered body (tests: each starts from an empty database, where versions begin again)."""
    global _rendered_bytes
    with _lock:
        _rendered.clear()
        _rendered_bytes = 0
