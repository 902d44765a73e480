"""Against a real Postgres (DATABASE_URL): persistent, health-checked connections and the analyses table.

Runs when DATABASE_URL is set, fails when CI=true and it is not, skips elsewhere.
"""

from __future__ import annotations

import pytest
from django.db import connection

from analyses.models import Analysis
from tests.api.api_support import DOCKERFILE

pytestmark = [pytest.mark.service, pytest.mark.django_db]


def test_database_is_postgres_with_persistent_health_checked_connections(postgres_url, settings):
    assert connection.vendor == "postgresql"
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] > 0
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        assert cursor.fetchone()[0].startswith("PostgreSQL")


def test_analysis_round_trips_through_postgres_json_columns(postgres_url, post_analysis, latest_tag_rule_id):
    created = post_analysis({"content": DOCKERFILE, "config": {"trusted_registries": ["docker.io"]}}).json()

    matching = Analysis.objects.filter(findings__contains=[{"rule": latest_tag_rule_id}])

    assert list(matching.values_list("pk", flat=True)) == [created["id"]]
    assert Analysis.objects.get(pk=created["id"]).config == {"trusted_registries": ["docker.io"]}


def test_readiness_checks_postgres(postgres_url, client):
    assert client.get("/health/ready").json()["checks"]["database"] == "ok"
