"""Browser tests: the built SPA served by Django (as `make run` serves it), driven by Debian's Chromium.

They need /usr/bin/chromium and frontend/dist (``npm run build``). When either is missing the tests fail
under CI=true (CI must run them) and skip elsewhere, saying what to install or build.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

REPO_DIR = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SPA_INDEX = REPO_DIR / "frontend" / "dist" / "index.html"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_TIMEOUT = 60.0


def _require(condition: bool, reason: str) -> None:
    if condition:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {reason}: the browser tests must run in CI")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _server_env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    # A throwaway SQLite database and local-memory cache, whatever the calling shell points at.
    for variable in (
        "DATABASE_URL",
        "REDIS_URL",
        "DOCKWRIGHT_SPA_DIR",
        "DOCKWRIGHT_MAX_CONTENT_BYTES",
        "DJANGO_SETTINGS_MODULE",
        "DJANGO_ENV",
    ):
        env.pop(variable, None)
    env.update(
        {
            # The values `make run` uses.
            "DJANGO_DEBUG": "1",
            "DJANGO_SECRET_KEY": "dev-insecure-key-only-for-make-run",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SETTINGS_MODULE": "server.settings",
            "DOCKWRIGHT_DATA_DIR": str(data_dir),
            # Analysis-as-you-type across a whole test session easily passes the 60/minute default.
            "DOCKWRIGHT_RATE_LIMIT": "10000",
        }
    )
    return env


def _wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"runserver exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    raise RuntimeError(f"runserver did not answer /health within {SERVER_START_TIMEOUT}s:\n{log.read_text()}")


@pytest.fixture(scope="session")
def server_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test server's DOCKWRIGHT_DATA_DIR, which holds its SQLite database."""
    return tmp_path_factory.mktemp("dockwright-data")


@pytest.fixture(scope="session")
def manage_py(server_data_dir: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Runs a manage.py command against the test server's database, e.g. to create a user."""

    def run(*args: str, extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        env = {**_server_env(server_data_dir), **(extra_env or {})}
        command = [sys.executable, str(REPO_DIR / "backend" / "manage.py"), *args]
        return subprocess.run(command, env=env, check=True, capture_output=True, text=True, timeout=120)

    return run


@pytest.fixture(scope="session")
def app_url(server_data_dir: Path) -> Iterator[str]:
    """Base URL of Dockwright (API + built SPA) running under `manage.py runserver` on a free port."""
    _require(SPA_INDEX.is_file(), f"the SPA is not built ({SPA_INDEX} is missing; run `npm run build` in frontend/)")
    data_dir = server_data_dir
    env = _server_env(data_dir)
    manage = [sys.executable, str(REPO_DIR / "backend" / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput"], env=env, check=True, capture_output=True, timeout=300)
    port = _free_port()
    log = data_dir / "runserver.log"
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


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
