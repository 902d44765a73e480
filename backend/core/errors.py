"""One error shape for every 4xx and 5xx: {"message": str, "details": object | list | null}.

DRF errors go through :func:`api_exception_handler`; errors raised outside DRF views (unknown URLs,
Django's own 400/500) through the ``handler*`` views, which the root URLconf installs.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status
from rest_framework.response import Response

from core.language import current_language
from core.log_throttle import ThrottledLogger
from dockwright.errors import ConfigError, InputError
from dockwright.i18n import error_text

# How long a client should wait after a 503 for an unavailable database; about a connect timeout.
DATABASE_RETRY_AFTER_SECONDS = 5

throttled = ThrottledLogger(logging.getLogger(__name__))


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = gettext_lazy("request body is too large")
    default_code = "payload_too_large"


class Gone(exceptions.APIException):
    """410: the resource existed and was removed on purpose (``details`` says when and why)."""

    status_code = status.HTTP_410_GONE
    default_detail = gettext_lazy("gone")
    default_code = "gone"

    def __init__(self, message: str, *, details: Any = None) -> None:
        super().__init__(message)
        self.details = details


def error_body(message: str, details: Any = None) -> dict[str, Any]:
    return {"message": _encodable(message), "details": _encodable(details)}


def _encodable(value: Any) -> Any:
    """Errors quote what the client sent (a field name, a choice), which may hold a lone surrogate that no
    UTF-8 response can carry; such characters are shown as escapes (\\ud800)."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {_encodable(key): _encodable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_encodable(item) for item in value]
    return value


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    # Imported here: rest_framework.views reads the parser setting at import, and core.parsers imports this module,
    # so a process whose first import of this module comes before any view's (axes reading the client address
    # while a test signs in) would import it half-initialised.
    from rest_framework.views import exception_handler as drf_exception_handler

    exc = _as_api_exception(exc)
    response = drf_exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return None  # Django's handler500 answers, in the error shape: 503 for a database outage, else a bug
    response.data = error_body(*_message_and_details(exc))
    return response


def _as_api_exception(exc: Exception) -> Exception:
    """Engine and Django errors that mean "bad request" become the matching DRF exception."""
    if isinstance(exc, ConfigError):
        return exceptions.ValidationError({"config": [error_text(exc, current_language())]})
    if isinstance(exc, InputError):
        return exceptions.ValidationError({"content": [error_text(exc, current_language())]})
    if isinstance(exc, RequestDataTooBig):
        return PayloadTooLarge()
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, PermissionDenied):
        return exceptions.PermissionDenied()
    if isinstance(exc, DjangoValidationError):  # a service's validation (full_clean, a password validator)
        return exceptions.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages)
    return exc


def _message_and_details(exc: exceptions.APIException) -> tuple[str, Any]:
    if isinstance(exc, exceptions.ValidationError):
        return _first_error(exc.detail), exc.detail
    if isinstance(exc, exceptions.Throttled):
        wait = int(getattr(exc, "wait", None) or 0)
        return _("too many requests; try again in %(seconds)d seconds") % {"seconds": wait}, {"retry_after": wait}
    return str(exc.detail), getattr(exc, "details", None)


def _first_error(detail: Any, path: str = "") -> str:
    """The first message of a (nested) validation error, prefixed by where it was found."""
    if isinstance(detail, dict):
        for key, value in detail.items():
            where = path if key == "non_field_errors" else f"{path}.{key}" if path else str(key)
            return _first_error(value, where)
    if isinstance(detail, list) and detail:
        return _first_error(detail[0], path)
    text = str(detail) if detail else _("invalid input")
    return f"{path}: {text}" if path else text


def json_bad_request(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    if isinstance(exception, RequestDataTooBig):
        return JsonResponse(error_body(str(PayloadTooLarge.default_detail)), status=413)
    return JsonResponse(error_body(_("bad request")), status=400)


def json_permission_denied(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return JsonResponse(error_body(_("permission denied")), status=403)


def json_not_found(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return JsonResponse(error_body(_("not found"), {"path": request.path}), status=404)


def json_server_error(request: HttpRequest) -> JsonResponse:
    """Django calls this while it handles the exception (also one a DRF view or a middleware raised), so the
    exception is at hand: a database that is down, hung or too slow (statement timeout) is a 503 the client
    may retry, logged once a minute rather than as a traceback a request; anything else is a bug."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        return _database_unavailable(error)
    return JsonResponse(error_body(_("internal server error")), status=500)


def _database_unavailable(error: Exception) -> JsonResponse:
    throttled.warning("database", "database unavailable, answering 503: %s: %s", type(error).__name__, error)
    wait = DATABASE_RETRY_AFTER_SECONDS
    response = JsonResponse(
        error_body(
            _("the database is unavailable; try again in %(seconds)d seconds") % {"seconds": wait},
            {"retry_after": wait},
        ),
        status=503,
    )
    response["Retry-After"] = str(wait)
    return mark_as_logged(response)


def mark_as_logged(response: JsonResponse) -> JsonResponse:
    """For a 5xx whose cause was logged already (throttled): Django would log every one again, with the
    traceback if there was an exception (django.utils.log.log_response skips responses marked so)."""
    response._has_been_logged = True  # type: ignore[attr-defined]
    return response
