"""Responses that are the same for every client until a version changes (the rule catalogue changes with the
ruleset and the site policy): rendered and gzip-compressed once per process and version, sent with an ETag that
names the version, and answered 304 Not Modified when the client already holds that ETag.

Browsers may store them but must ask again before each use (``max-age=0``): asking costs a 304 without a body.
A shared cache (the app's Nginx, nginx/app.conf) may answer for ``SHARED_MAX_AGE`` seconds without asking, so a
policy change shows everywhere within that time; after it, the shared cache revalidates with the ETag.
Compressing a 120 KB catalogue on every request cost more than everything else together, hence the compressed
copy; its ETag is the weak form of the plain one (the same data, as when a proxy compresses).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags

# How long a version change may go unseen behind a shared cache: the bound the README promises for a policy change.
SHARED_MAX_AGE = 5
CACHE_CONTROL = f"public, max-age=0, s-maxage={SHARED_MAX_AGE}"
# Rendered bodies kept per process, least recently used first out: the full rule list is about 120 KB (25 KB
# compressed), and any query string (a search, a cache-buster) makes an entry of its own, so the total is bounded,
# not the count.
MAX_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True)
class _Rendered:
    body: bytes
    gzipped: bytes
    etag: str

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzipped)


_rendered: OrderedDict[tuple[str, str], _Rendered] = OrderedDict()
_rendered_bytes = 0
_lock = threading.Lock()


def versioned_json_response(request: HttpRequest, *, version: str, build: Callable[[], Any]) -> HttpResponse:
    """200 with ``build()`` as JSON (gzip-compressed when the client accepts it), or 304 when If-None-Match names
    its ETag; ``build`` runs once per process for each ``version`` and URL. ``version`` must change whenever
    ``build()`` may give something else."""
    key = (version, request.get_full_path())
    with _lock:
        rendered = _rendered.get(key)
        if rendered is not None:
            _rendered.move_to_end(key)
    if rendered is None:
        body = json.dumps(build(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        etag = f'"{version}.{hashlib.sha256(body).hexdigest()[:12]}"'
        rendered = _Rendered(body=body, gzipped=gzip.compress(body, compresslevel=9, mtime=0), etag=etag)
        _remember(key, rendered)
    compressed = _accepts_gzip(request)
    response: HttpResponse
    if _client_holds(request, rendered.etag):
        response = HttpResponseNotModified()
    elif compressed:
        response = HttpResponse(rendered.gzipped, content_type="application/json")
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(rendered.body, content_type="application/json")
    response["ETag"] = f"W/{rendered.etag}" if compressed else rendered.etag
    response["Cache-Control"] = CACHE_CONTROL
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def forget_rendered() -> None:
    """Drop every rendered body (tests: each starts from an empty database, where versions begin again)."""
    global _rendered_bytes
    with _lock:
        _rendered.clear()
        _rendered_bytes = 0


def _remember(key: tuple[str, str], rendered: _Rendered) -> None:
    global _rendered_bytes
    with _lock:
        previous = _rendered.pop(key, None)
        if previous is not None:
            _rendered_bytes -= previous.size
        _rendered[key] = rendered
        _rendered_bytes += rendered.size
        while _rendered_bytes > MAX_BYTES and len(_rendered) > 1:
            _, evicted = _rendered.popitem(last=False)
            _rendered_bytes -= evicted.size


def _accepts_gzip(request: HttpRequest) -> bool:
    """Whether Accept-Encoding names gzip (or *) without q=0."""
    for item in request.headers.get("Accept-Encoding", "").split(","):
        coding, _, parameters = item.partition(";")
        if coding.strip().lower() not in ("gzip", "*"):
            continue
        quality = parameters.strip().lower().removeprefix("q=").strip() if parameters else "1"
        try:
            return float(quality) > 0
        except ValueError:
            return False
    return False


def _client_holds(request: HttpRequest, etag: str) -> bool:
    """If-None-Match's weak comparison: W/"x" matches "x" (a proxy that compresses makes an ETag weak)."""
    header = request.headers.get("If-None-Match")
    if not header:
        return False
    held = parse_etags(header)
    return "*" in held or etag in (tag.removeprefix("W/") for tag in held)
