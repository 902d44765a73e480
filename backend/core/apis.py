"""Service information and health endpoints."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

import dockwright
from core.errors import mark_as_logged
from core.health import readiness
from dockwright.lint import RULESET_VERSION


class InfoApi(APIView):
    authentication_classes: list[type] = []

    class ServiceInfoSerializer(serializers.Serializer):
        service = serializers.CharField()
        version = serializers.CharField()
        environment = serializers.CharField()
        server_time = serializers.DateTimeField()
        ruleset_version = serializers.CharField()

    @extend_schema(
        operation_id="info",
        summary="Read the service's version",
        description="The service's version, the ruleset version its findings come from, and the server's time.",
        responses=ServiceInfoSerializer,
    )
    def get(self, request: Request) -> Response:
        info = {
            "service": "dockwright",
            "version": dockwright.__version__,
            "environment": settings.DOCKWRIGHT_ENV,
            "server_time": timezone.now(),
            "ruleset_version": RULESET_VERSION,
        }
        return Response(self.ServiceInfoSerializer(info).data)


# Probes stay plain Django views: no session, authentication or throttling, nothing that could itself fail.
@require_safe
@never_cache
def liveness(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@require_safe
@never_cache
def readiness_view(request: HttpRequest) -> JsonResponse:
    """200 or 503 with the names of the checks that failed; never an error text (the probe is public)."""
    checks = readiness()
    failed = [name for name, ok in checks.items() if not ok]
    body = {
        "status": "unavailable" if failed else "ok",
        "checks": {name: "ok" if ok else "unavailable" for name, ok in checks.items()},
        "failed": failed,
    }
    # A failed check is logged by core.health, once a minute; the probe asks every few seconds.
    return mark_as_logged(JsonResponse(body, status=503)) if failed else JsonResponse(body)
