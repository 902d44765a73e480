"""Settings come from the environment: production refuses to start without its secrets and passes
``manage.py check --deploy``. Each case runs manage.py in a fresh process, as a deployment would."""

from __future__ import annotations

import pytest

from tests.api.api_support import manage

PRODUCTION = {
    "DJANGO_ENV": "production",
    "DJANGO_SECRET_KEY": "x7Jq2vN9pLr4tY8wZ1cF6hB3mK5sD0gA-uE_iO7nR2yT4xW9vQ",
    "DJANGO_ALLOWED_HOSTS": "dockwright.example.com",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://dockwright.example.com",
}


def test_production_settings_pass_check_deploy_at_warning_level(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION, tmp_path=tmp_path)

    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_behind_a_proxy_that_redirects_and_sets_hsts_still_passes_check_deploy(tmp_path):
    env = {**PRODUCTION, "DJANGO_SECURE_SSL_REDIRECT": "0", "DJANGO_SECURE_HSTS_SECONDS": "0"}

    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env, tmp_path=tmp_path)

    assert result.returncode == 0, result.stderr + result.stdout


def test_production_without_a_secret_key_refuses_to_start(tmp_path):
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_SECRET_KEY"}

    result = manage("check", env=env, tmp_path=tmp_path)

    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY is not set" in result.stderr


def test_production_without_allowed_hosts_refuses_to_start(tmp_path):
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_ALLOWED_HOSTS"}

    result = manage("check", env=env, tmp_path=tmp_path)

    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_ALLOWED_HOSTS is not set" in result.stderr


def test_production_with_test_settings_still_refuses_to_start_without_secrets(tmp_path):
    env = {"DJANGO_ENV": "production", "DJANGO_SETTINGS_MODULE": "server.test_settings"}
    result = manage("check", env=env, tmp_path=tmp_path)

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_debug_off_without_secrets_refuses_to_start_outside_production_too(tmp_path):
    result = manage("check", env={"DJANGO_ENV": "development"}, tmp_path=tmp_path)

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_debug_in_production_is_refused(tmp_path):
    result = manage("check", env={**PRODUCTION, "DJANGO_DEBUG": "1"}, tmp_path=tmp_path)

    assert result.returncode != 0
    assert "DJANGO_DEBUG=1 is refused" in result.stderr


def test_debug_is_off_unless_django_debug_is_1(tmp_path):
    show = (
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.DEBUG, settings.DOCKWRIGHT_ENV)",
    )

    off = manage(*show, env={**PRODUCTION, "DJANGO_ENV": "development"}, tmp_path=tmp_path)
    on = manage(*show, env={"DJANGO_DEBUG": "1"}, tmp_path=tmp_path)

    assert off.stdout.split() == ["False", "development"], off.stderr
    assert on.stdout.split() == ["True", "development"], on.stderr


def test_unreadable_boolean_is_refused_with_the_variable_name(tmp_path):
    result = manage("check", env={"DJANGO_DEBUG": "maybe"}, tmp_path=tmp_path)

    assert result.returncode != 0
    assert "DJANGO_DEBUG must be 0 or 1" in result.stderr


@pytest.mark.django_db
def test_test_suite_runs_in_the_test_environment(settings):
    assert settings.DOCKWRIGHT_ENV == "test"
    assert settings.DEBUG is False
