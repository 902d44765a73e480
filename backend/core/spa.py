"""The SPA's client-side routes (/a/<id>, /rules, /about, ...) answer with its index.html.

whitenoise serves the build's real files (WHITENOISE_ROOT) before any view runs; this view only sees
paths that are not files, and the root URLconf keeps /api/, /admin/ and /static/ away from it.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from core.errors import json_not_found

NOT_BUILT_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dockwright</title></head>
<body><h1>Dockwright</h1>
<p>The web interface is not built yet: run <code>make run</code> (it builds the SPA into {spa_dir}).</p>
<p>The API works already: <a href="/api/v1/docs/">/api/v1/docs/</a>.</p></body></html>
"""


@require_safe
def spa_index(request: HttpRequest) -> HttpResponse:
    # A missing asset must stay a 404: answering with HTML would hide the error behind a script parse failure.
    if request.path.startswith("/assets/") or PurePosixPath(request.path).suffix:
        return json_not_found(request)
    index = settings.DOCKWRIGHT_SPA_DIR / "index.html"
    try:
        html = index.read_text(encoding="utf-8")
    except FileNotFoundError:
        html = NOT_BUILT_PAGE.format(spa_dir=settings.DOCKWRIGHT_SPA_DIR)
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response
