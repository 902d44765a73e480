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
from core.health import OK, readiness
from dockwright.lint import RULESET_VERSION


class InfoApi(APIView):
    authentication_classes: list[type] = []

    class OutputSerializer(serializers.Serializer):
        service = serializers.CharField()
        version = serializers.CharField()
        environment = serializers.CharField()
        server_time = serializers.DateTimeField()
        ruleset_version = serializers.CharField()

    @extend_schema(responses=OutputSerializer, operation_id="info")
    def get(self, request: Request) -> Response:
        info = {
            "service": "dockwright",
            "version": dockwright.__version__,
            "environment": settings.DOCKWRIGHT_ENV,
            "server_time": timezone.now(),
            "ruleset_version": RULESET_VERSION,
        }
        return Response(self.OutputSerializer(info).data)


# Probes stay plain Django views: no session, authentication or throttling, nothing that could itself fail.
@require_safe
@never_cache
def liveness(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


@require_safe
@never_cache
def readiness_view(request: HttpRequest) -> JsonResponse:
    checks = readiness()
    ready = all(result == OK for result in checks.values())
    return JsonResponse({"status": "ok" if ready else "unavailable", "checks": checks}, status=200 if ready else 503)
