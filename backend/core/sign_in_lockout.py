"""django-axes hooks (settings AXES_CLIENT_IP_CALLABLE and AXES_LOCKOUT_CALLABLE): who a sign-in comes from,
and how a locked-out one is answered, for the API sign-in and the admin login alike."""

from __future__ import annotations

import math
from typing import Any

from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.throttling import BaseThrottle

from core.errors import error_body


def client_address(request: HttpRequest) -> str | None:
    """The client's address exactly as the rate limiter takes it: DRF's, which trusts X-Forwarded-For only as far
    as NUM_PROXIES (DOCKWRIGHT_NUM_PROXIES) proxies, so a client cannot pick its own address by prepending one.
    None when there is none (a request made in-process, such as the test client's force_login)."""
    return BaseThrottle().get_ident(request) or None  # type: ignore[arg-type]


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> JsonResponse:
    """429 in the API's error shape, with Retry-After: the seconds until the cool-off of the last counted
    failure ends (tries during a lock-out are not counted, so they do not move it)."""
    wait = _seconds_until_unlocked(request, credentials)
    response = JsonResponse(
        error_body(
            _("too many failed sign-ins; try again in %(seconds)d seconds") % {"seconds": wait}, {"retry_after": wait}
        ),
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response


def _seconds_until_unlocked(request: HttpRequest, credentials: Any) -> int:
    cool_off = settings.AXES_COOLOFF_TIME
    last_failure = AccessAttempt.objects.filter(
        username=get_client_username(request, credentials), ip_address=getattr(request, "axes_ip_address", None)
    ).aggregate(last=Max("attempt_time"))["last"]
    if last_failure is None:
        return int(cool_off.total_seconds())
    return max(1, math.ceil((last_failure + cool_off - timezone.now()).total_seconds()))
