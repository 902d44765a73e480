"""Response headers whitenoise adds to the SPA's files; imported by settings, so it imports nothing of Django."""

from __future__ import annotations

from wsgiref.headers import Headers

# One year, the longest lifetime RFC 9111 caches are expected to honour; whitenoise's own is ten.
ONE_YEAR_IMMUTABLE = "public, max-age=31536000, immutable"


def add_spa_headers(headers: Headers, path: str, url: str) -> None:
    """Vite names every file under assets/ by its content hash, so they never change; index.html names the
    current build's assets, so browsers must revalidate it on every load."""
    if url.startswith("/assets/"):
        headers["Cache-Control"] = ONE_YEAR_IMMUTABLE
    elif url.endswith(".html") or url.endswith("/"):
        headers["Cache-Control"] = "no-cache"
