"""Talking to a Dockwright server's API, for the CLI (`lint --upload`, `lint --server`) and the language server.

The engine never imports Django: this is JSON over HTTP with urllib. The API token comes from DOCKWRIGHT_TOKEN,
never from a command line, which other users of the machine can read. Every failure (no token, a URL that is not
http(s), a server that cannot be reached or times out, one that refuses the token or answers an error) is a
:class:`ServerError` whose message says why in one line, for people.
"""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.request
from collections.abc import Mapping
from typing import Any

TOKEN_VARIABLE = "DOCKWRIGHT_TOKEN"
# Read at each request, so that a caller (a test) may shorten it.
REQUEST_TIMEOUT_SECONDS = 60.0


class ServerError(Exception):
    """The server could not be asked or did not answer as asked; the message says why, in one line."""


def server_token(environ: Mapping[str, str], needed_by: str) -> str:
    """The API token in DOCKWRIGHT_TOKEN; ServerError naming ``needed_by`` (an option) when there is none."""
    token = environ.get(TOKEN_VARIABLE, "").strip()
    if not token:
        raise ServerError(f"{needed_by} needs an API token in {TOKEN_VARIABLE} (make one with POST /api/v1/tokens)")
    return token


def server_base(url: str, option: str = "--server") -> str:
    """The server's URL without a trailing slash; ServerError unless it is http(s) (urllib would also open file:
    and ftp: URLs)."""
    if not url.startswith(("http://", "https://")):
        raise ServerError(f"{option} must be an http:// or https:// URL, not {url!r}")
    return url.rstrip("/")


def request_json(
    url: str, token: str, body: Mapping[str, Any] | None = None, *, action: str, timeout: float | None = None
) -> dict[str, Any]:
    """GET ``url`` (or POST ``body`` as JSON) with the token, and its JSON answer, waiting at most ``timeout``
    seconds (default REQUEST_TIMEOUT_SECONDS). ``action`` names what was asked (``the upload``) in the messages of
    ServerError."""
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, method="GET" if body is None else "POST")
    request.add_header("Authorization", f"Bearer {token}")
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=timeout or REQUEST_TIMEOUT_SECONDS) as response:
            answer = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        verb = "failed" if exc.code >= 500 else "refused"
        raise ServerError(f"the server {verb} {action} ({exc.code}): {_server_message(exc)}") from None
    except (urllib.error.URLError, OSError, TimeoutError, http.client.HTTPException) as exc:
        reason = getattr(exc, "reason", None) or exc or type(exc).__name__
        raise ServerError(f"cannot reach the Dockwright server at {url}: {_one_line(str(reason))}") from None
    except ValueError as exc:
        raise ServerError(f"the server at {url} did not answer JSON: {_one_line(str(exc))}") from None
    if not isinstance(answer, dict):
        raise ServerError(f"the server at {url} did not answer a JSON object")
    return answer


def _server_message(error: urllib.error.HTTPError) -> str:
    try:
        message = str(json.loads(error.read().decode("utf-8"))["message"])
    except (ValueError, KeyError, TypeError, OSError, http.client.HTTPException):
        message = error.reason or "no reason given"
    return _one_line(str(message))


def _one_line(text: str) -> str:
    return " ".join(text.split()) or "no reason given"
