"""Guessing passwords is locked out (django-axes): after DOCKWRIGHT_LOGIN_FAILURE_LIMIT failures for one user
from one client address, that pair gets 429 with Retry-After for the cool-off, on the API sign-in and the admin
login alike; the client address is the one the rate limiter sees (DOCKWRIGHT_NUM_PROXIES)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from axes.models import AccessAttempt
from django.utils import timezone
from rest_framework.test import APIClient

from tests.api.api_support import assert_error_shape, manage

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-password-for-tests"
SESSION = "/api/v1/auth/session"


def sign_in(client: APIClient, password: str, username: str = "ada", **extra: Any) -> Any:
    return client.post(SESSION, {"username": username, "password": password}, format="json", **extra)


@pytest.fixture
def limit(settings) -> int:
    settings.AXES_FAILURE_LIMIT = 3
    return 3


def test_wrong_passwords_up_to_the_limit_are_403_then_429_with_retry_after(api_client, user, limit, settings):
    statuses = [sign_in(api_client, "wrong").status_code for _ in range(limit - 1)]
    locking = sign_in(api_client, "wrong")

    assert statuses == [403] * (limit - 1)
    body = assert_error_shape(locking, 429)
    cool_off = int(settings.AXES_COOLOFF_TIME.total_seconds())
    assert locking["Retry-After"] == str(cool_off)  # counted from this very try
    assert body["details"] == {"retry_after": cool_off}
    assert "sign-in" in body["message"]


def test_a_locked_out_client_cannot_sign_in_even_with_the_right_password(api_client, user, limit):
    for _ in range(limit):
        sign_in(api_client, "wrong")

    response = sign_in(api_client, PASSWORD)

    assert_error_shape(response, 429)
    assert api_client.get(SESSION).json()["authenticated"] is False


def test_tries_during_a_lock_out_are_not_recorded_and_do_not_extend_it(api_client, user, limit, settings):
    for _ in range(limit):
        sign_in(api_client, "wrong")
    five_minutes_ago = timezone.now() - dt.timedelta(minutes=5)
    AccessAttempt.objects.update(attempt_time=five_minutes_ago)

    refused = [sign_in(api_client, "wrong") for _ in range(3)]

    remaining = int(settings.AXES_COOLOFF_TIME.total_seconds()) - 300
    assert [r.status_code for r in refused] == [429] * 3
    assert all(remaining - 5 <= int(r["Retry-After"]) <= remaining for r in refused)
    [attempt] = AccessAttempt.objects.all()
    assert (attempt.failures_since_start, attempt.attempt_time) == (limit, five_minutes_ago)


def test_the_lock_ends_after_the_cool_off(api_client, user, limit, settings):
    for _ in range(limit):
        sign_in(api_client, "wrong")
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - dt.timedelta(seconds=1))

    assert sign_in(api_client, PASSWORD).json()["authenticated"] is True


def test_the_lock_is_per_user_and_address_so_the_owner_elsewhere_still_signs_in(user, other_user, limit):
    attacker = APIClient(REMOTE_ADDR="203.0.113.9")
    for _ in range(limit):
        sign_in(attacker, "wrong")

    owner = sign_in(APIClient(REMOTE_ADDR="198.51.100.20"), PASSWORD)
    other_account = sign_in(attacker, PASSWORD, username="grace")

    assert owner.json() == {"authenticated": True, "username": "ada"}
    assert other_account.json() == {"authenticated": True, "username": "grace"}


def test_behind_proxies_the_lock_follows_the_forwarded_client_address(user, limit, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    proxy = APIClient(REMOTE_ADDR="127.0.0.1")
    for _ in range(limit):
        sign_in(proxy, "wrong", HTTP_X_FORWARDED_FOR="203.0.113.9")

    spoofed = sign_in(proxy, PASSWORD, HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.9")
    elsewhere = sign_in(proxy, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.20")

    assert spoofed.status_code == 429, "an address the client prepends must not lift the lock"
    assert elsewhere.json()["authenticated"] is True, "another client behind the same proxy was locked out"


def test_a_successful_sign_in_clears_the_failures_before_the_limit(api_client, user, limit):
    for _ in range(limit - 1):
        sign_in(api_client, "wrong")
    assert sign_in(api_client, PASSWORD).status_code == 200

    statuses = [sign_in(api_client, "wrong").status_code for _ in range(limit - 1)]

    assert statuses == [403] * (limit - 1)


def test_the_admin_login_is_locked_out_too(client, django_user_model, limit, settings):
    django_user_model.objects.create_superuser("root", "root@example.com", PASSWORD)
    form = {"username": "root", "password": "wrong", "next": "/admin/"}

    statuses = [client.post("/admin/login/", form).status_code for _ in range(limit)]
    locked = client.post("/admin/login/", {**form, "password": PASSWORD})

    assert statuses == [200] * (limit - 1) + [429]  # the form again, with its error, until the lock
    assert_error_shape(locked, 429)
    assert locked["Retry-After"] == str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    assert client.get("/admin/").status_code == 302, "the locked-out login opened a session"


def test_lockouts_are_configured_from_the_environment(tmp_path):
    show = "from django.conf import settings; import json; print(json.dumps([settings.AXES_FAILURE_LIMIT, settings.AXES_COOLOFF_TIME.total_seconds(), settings.AXES_LOCKOUT_PARAMETERS]))"  # noqa: E501
    env = {"DJANGO_ENV": "test", "DOCKWRIGHT_LOGIN_FAILURE_LIMIT": "7", "DOCKWRIGHT_LOGIN_COOLOFF_MINUTES": "30"}

    result = manage("shell", "--no-imports", "-c", show, env=env, tmp_path=tmp_path)
    defaults = manage("shell", "--no-imports", "-c", show, env={"DJANGO_ENV": "test"}, tmp_path=tmp_path)

    assert json.loads(result.stdout.strip().splitlines()[-1]) == [7, 1800.0, [["username", "ip_address"]]]
    assert json.loads(defaults.stdout.strip().splitlines()[-1])[:2] == [5, 900.0]
