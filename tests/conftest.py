"""Fixtures shared by every test package.

Tests that need a real Postgres or Redis ask for ``postgres_url`` / ``redis_url``: the test runs when the
variable is set, fails when CI=true and it is not (CI must exercise the services), and skips elsewhere.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

# Property tests explore new random inputs on every developer run; CI replays a fixed sequence, so a
# submission never fails on an input that no change of its own produced (each failure found locally
# becomes an @example).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI", "").lower() == "true":
    settings.load_profile("ci")


def _service_url(variable: str, service: str) -> str:
    url = os.environ.get(variable, "").strip()
    if url:
        return url
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {variable} is not set: the {service} tests must run in CI")
    pytest.skip(f"{variable} is not set; the {service} tests run in CI or when it points at a {service} server")


@pytest.fixture
def postgres_url() -> str:
    return _service_url("DATABASE_URL", "Postgres")


@pytest.fixture
def redis_url() -> str:
    return _service_url("REDIS_URL", "Redis")


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The CLI keeps ShellCheck results in a cache folder; tests (and the commands they start) use their own."""
    os.environ["DOCKWRIGHT_CACHE_DIR"] = str(tmp_path_factory.mktemp("dockwright-cache"))
