"""Browser tests: the built SPA served by Django (as `make run` serves it), driven by Debian's Chromium.

They need /usr/bin/chromium and frontend/dist (``npm run build``). When either is missing the tests fail
under CI=true (CI must run them) and skip elsewhere, saying what to install or build.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from tests.e2e.e2e_support import CHROMIUM, CHROMIUM_ARGS, REPO_DIR, SPA_INDEX, running_server, server_env


def _require(condition: bool, reason: str) -> None:
    if condition:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {reason}: the browser tests must run in CI")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def server_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test server's DOCKWRIGHT_DATA_DIR, which holds its SQLite database."""
    return tmp_path_factory.mktemp("dockwright-data")


@pytest.fixture(scope="session")
def manage_py(server_data_dir: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Runs a manage.py command against the test server's database, e.g. to create a user."""

    def run(*args: str, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        env = {**server_env(server_data_dir), **(extra_env or {})}
        command = [sys.executable, str(REPO_DIR / "backend" / "manage.py"), *args]
        return subprocess.run(command, env=env, check=True, capture_output=True, text=True, timeout=120)

    return run


@pytest.fixture(scope="session")
def app_url(server_data_dir: Path) -> Iterator[str]:
    """Base URL of Dockwright (API + built SPA) running under `manage.py runserver` on a free port."""
    _require(SPA_INDEX.is_file(), f"the SPA is not built ({SPA_INDEX} is missing; run `npm run build` in frontend/)")
    with running_server(server_data_dir) as url:
        yield url


# Module scope, not session: Playwright's sync API keeps an event loop running in the main thread while it is
# open, and the language server's async tests and the stack's own browser test, which run after these, need none.
@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="module")
def browser(playwright: Playwright, app_url: str) -> Iterator[Browser]:
    _require(CHROMIUM.is_file(), f"{CHROMIUM} is missing (apt-get install -y chromium)")
    instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield instance
    instance.close()


@pytest.fixture
def page(browser: Browser, app_url: str) -> Iterator[Page]:
    """A fresh desktop-sized page (own cookies, storage and clipboard permission) at the app's origin."""
    context = browser.new_context(base_url=app_url, viewport={"width": 1280, "height": 860})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone_page(browser: Browser, app_url: str) -> Iterator[Page]:
    """A 375px-wide touch page, the width of a small phone."""
    context = browser.new_context(
        base_url=app_url, viewport={"width": 375, "height": 812}, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def dark_page(browser: Browser, app_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=app_url, viewport={"width": 1280, "height": 860}, color_scheme="dark")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()
