"""The rule catalogue through the app's Nginx: answered from Nginx's cache for the few seconds Django's
Cache-Control allows shared caches, revalidated with the ETag afterwards, and a site policy change visible within
that time."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from tests.stack.stack_support import VENV_BIN, Stack, request, start_stack

pytestmark = pytest.mark.stack

VIA_TLS_EDGE = {"X-Forwarded-Proto": "https"}
SHARED_MAX_AGE = 5


def catalogue(stack: Stack, path: str = "/api/v1/rules", **headers: str):
    return request(stack.port, "GET", path, headers={**VIA_TLS_EDGE, **headers})


def upstream_requests(stack: Stack, path: str) -> int:
    """Requests for ``path`` that reached gunicorn, from Nginx's access log (a cache hit has no upstream)."""
    return sum(1 for entry in stack.access_log() if entry["url.original"] == path and entry["upstream.address"])


def gunicorn_access(stack: Stack, path: str) -> list[dict[str, Any]]:
    """gunicorn's access log entries for ``path``: what reached Django, background revalidations included."""
    entries = []
    for line in stack.log().splitlines():
        if '"gunicorn.access"' not in line:
            continue
        entry = json.loads(line)
        if entry["url.path"] + (f"?{entry['url.query']}" if entry["url.query"] else "") == path:
            entries.append(entry)
    return entries


def test_repeated_requests_are_answered_from_the_cache_each_with_its_own_request_id(stack: Stack) -> None:
    path = "/api/v1/rules?target=dockerfile"
    first = catalogue(stack, path, **{"X-Request-Id": "catalogue-probe-1"})
    again = [catalogue(stack, path, **{"X-Request-Id": f"catalogue-probe-{n}"}) for n in (2, 3, 4)]

    assert first.status == 200
    assert [r.status for r in again] == [200, 200, 200]
    assert [r.header("X-Cache-Status") for r in again] == ["HIT", "HIT", "HIT"]
    assert all(r.body == first.body and r.header("ETag") == first.header("ETag") for r in again)
    assert [r.all("X-Request-Id") for r in again] == [[f"catalogue-probe-{n}"] for n in (2, 3, 4)]
    assert first.header("Cache-Control") == f"public, max-age=0, s-maxage={SHARED_MAX_AGE}"
    assert upstream_requests(stack, path) == 1


def test_a_client_holding_the_etag_gets_304_from_the_cache(stack: Stack) -> None:
    path = "/api/v1/rules/DF007"
    etag = catalogue(stack, path).header("ETag")

    response = catalogue(stack, path, **{"If-None-Match": etag or ""})

    assert response.status == 304
    assert response.body == b""
    assert response.header("X-Cache-Status") == "HIT"
    assert upstream_requests(stack, path) == 1


def test_gzip_and_plain_answers_are_cached_apart(stack: Stack) -> None:
    path = "/api/v1/peer-gaps"
    plain = catalogue(stack, path)
    gzipped = catalogue(stack, path, **{"Accept-Encoding": "br, gzip;q=0.8, deflate"})
    plain_again = catalogue(stack, path, **{"Accept-Encoding": "identity"})

    assert plain.header("Content-Encoding") is None
    assert gzipped.header("Content-Encoding") == "gzip"
    assert plain_again.header("Content-Encoding") is None
    assert plain_again.body == plain.body
    assert plain_again.header("X-Cache-Status") == "HIT"


def _set_severity(stack: Stack, rule_id: str, severity: str) -> None:
    """The admin's service, run against the stack's database: saves the policy and bumps its version."""
    script = (
        "from catalog.models import RulePolicy\n"
        "from catalog.services import rule_policy_save\n"
        f"policy, _ = RulePolicy.objects.get_or_create(rule_id={rule_id!r})\n"
        f"policy.severity = {severity!r}\n"
        "rule_policy_save(policy=policy)\n"
    )
    subprocess.run(
        [str(VENV_BIN / "python"), "-m", "django", "shell", "-c", script],
        env={**stack.env, "DJANGO_SETTINGS_MODULE": "server.settings"},
        check=True,
        capture_output=True,
        timeout=120,
    )


def test_a_policy_change_shows_within_the_shared_max_age(
    stack_settings: dict[str, str], static_root: Path, stack_base: Path
) -> None:
    stack = start_stack(stack_base / "catalogue-policy", settings=stack_settings, static_root=static_root)
    try:
        before = catalogue(stack, "/api/v1/rules/DF007")
        etag = before.header("ETag")
        wanted = "info" if before.json()["severity"] != "info" else "warning"

        _set_severity(stack, "DF007", wanted)
        changed_at = time.monotonic()
        seen = None
        while seen is None and time.monotonic() - changed_at < SHARED_MAX_AGE + 3:
            answer = catalogue(stack, "/api/v1/rules/DF007")
            if answer.json()["severity"] == wanted:
                seen = time.monotonic() - changed_at
            time.sleep(0.2)

        assert seen is not None and seen <= SHARED_MAX_AGE + 1
        assert answer.header("ETag") != etag
        # A browser holding the old ETag gets the new answer, not a 304.
        assert catalogue(stack, "/api/v1/rules/DF007", **{"If-None-Match": etag or ""}).status == 200
    finally:
        _set_severity(stack, "DF007", "")
        stack.stop()


def test_an_unchanged_catalogue_is_revalidated_with_a_304_from_django(stack: Stack) -> None:
    path = "/api/v1/rules?target=compose"
    catalogue(stack, path)
    time.sleep(SHARED_MAX_AGE + 1)

    stale = catalogue(stack, path)  # served at once while one request revalidates in the background
    deadline = time.monotonic() + 20
    while (status := catalogue(stack, path).header("X-Cache-Status")) == "UPDATING" and time.monotonic() < deadline:
        time.sleep(0.2)

    assert stale.header("X-Cache-Status") == "STALE"
    assert status == "HIT"
    assert [entry["http.response.status_code"] for entry in gunicorn_access(stack, path)] == [200, 304]


@pytest.mark.parametrize(
    "asks_for_chinese",
    [{"Accept-Language": "zh-CN,zh;q=0.9"}, {"Cookie": "django_language=zh-hans"}],
    ids=["Accept-Language", "language cookie"],
)
def test_an_answer_in_one_language_is_never_served_to_a_client_asking_for_another(
    stack: Stack, asks_for_chinese: dict[str, str]
) -> None:
    path = "/api/v1/rules/DF003"
    english = catalogue(stack, path)
    assert catalogue(stack, path).header("X-Cache-Status") == "HIT"

    chinese = catalogue(stack, path, **asks_for_chinese)

    assert chinese.header("X-Cache-Status") == "MISS"
    assert ".zh-Hans." in (chinese.header("ETag") or "")
    assert ".en." in (english.header("ETag") or "")
