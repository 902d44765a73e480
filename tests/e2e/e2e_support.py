"""Helpers shared by the browser tests and benchmarks: the test server, typing into CodeMirror, reading its
marks, saving screenshots."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"

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


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_env(data_dir: Path) -> dict[str, str]:
    """The environment of the test server (and its manage.py commands): `make run`'s settings, own data dir."""
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


@contextmanager
def running_server(data_dir: Path, spa_dir: Path | None = None) -> Iterator[str]:
    """Dockwright (API + built SPA) under `manage.py runserver` on a free port, with a migrated SQLite
    database in data_dir; yields its base URL and stops it on exit. spa_dir serves another build of the SPA
    than frontend/dist (a benchmark comparing builds)."""
    env = server_env(data_dir)
    if spa_dir is not None:
        env["DOCKWRIGHT_SPA_DIR"] = str(spa_dir)
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


BAD_DOCKERFILE = """FROM python:latest
RUN apt-get update
RUN apt-get install -y curl
ADD https://example.com/app.tar.gz /opt/
WORKDIR app
CMD python app.py
"""


def screenshot(page: Page, name: str) -> Path:
    """A full-page screenshot in test-results/screenshots/<name>.png (kept as a CI artifact)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def open_editor(page: Page, path: str = "/") -> None:
    page.goto(path)
    page.locator(".cm-content").wait_for()


def type_into_editor(page: Page, text: str) -> None:
    """Types text as one input, like a paste from the keyboard's point of view."""
    page.locator(".cm-content").click()
    page.keyboard.insert_text(text)


def paste_into_editor(page: Page, text: str) -> None:
    """Fires a real paste event with the text on its clipboard data, as Ctrl+V does."""
    page.locator(".cm-content").click()
    page.evaluate(
        """(text) => {
            const data = new DataTransfer()
            data.setData('text/plain', text)
            const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
            document.querySelector('.cm-content').dispatchEvent(event)
        }""",
        text,
    )


def editor_document(page: Page) -> str:
    """The editor's whole document, however long, from CodeMirror's own state (the view hangs off the
    content element, which is how EditorView.findFromDOM finds it)."""
    text = page.evaluate("document.querySelector('.cm-content').cmTile.root.view.state.doc.toString()")
    assert isinstance(text, str)
    return text


def editor_text(page: Page) -> str:
    """The editor's document, line by line from the rendered lines (CodeMirror renders them all when short)."""
    lines = page.locator(".cm-content .cm-line").all_text_contents()
    return "\n".join(line.replace("\u200b", "") for line in lines)


def lint_marks(page: Page) -> list[dict[str, Any]]:
    """Every underline CodeMirror drew: its 1-based line, severity class and text."""
    marks = page.evaluate(
        """() => {
            const lines = [...document.querySelectorAll('.cm-content .cm-line')]
            return [...document.querySelectorAll('.cm-content [class*="cm-lintRange-"]')].map((el) => {
                const severity = [...el.classList].find(
                    (c) => c.startsWith('cm-lintRange-') && c !== 'cm-lintRange-active'
                )
                return { line: lines.indexOf(el.closest('.cm-line')) + 1, severity, text: el.textContent }
            })
        }"""
    )
    assert isinstance(marks, list)
    return marks


def wait_for_findings(page: Page) -> None:
    """Waits until the findings panel shows the findings of the text now in the editor. The panel is
    aria-busy from the keystroke until they arrive, at least the analysis' debounce (400 ms) long; on a busy
    machine React may render that a while after the keystroke, so the wait sees it start before it sees it end
    (a text whose analysis is already shown never turns busy: that wait gives up after a second)."""
    panel = page.locator("section.findings")
    with contextlib.suppress(AssertionError):
        expect(panel).to_have_attribute("aria-busy", "true", timeout=1_000)
    expect(panel).to_have_attribute("aria-busy", "false")


def analyse_via_api(page: Page, content: str) -> dict[str, Any]:
    """What the API itself says about a text (linted, not stored): the reference the UI is checked against."""
    response = page.request.post(
        "/api/v1/lint", data=json.dumps({"content": content}), headers={"Content-Type": "application/json"}
    )
    body = response.json()
    assert isinstance(body, dict)
    body["_status"] = response.status
    return body


def open_phone_menu(page: Page) -> None:
    """Opens the header's menu, where a phone keeps the language and the account."""
    page.get_by_role("banner").locator(".header-menu__toggle").click()
    expect(page.locator(".header-menu__panel")).to_be_visible()


def header_rows(page: Page) -> int:
    """How many rows the header's items take: items whose vertical middles differ by more than a few pixels."""
    middles = page.evaluate(
        """() => [...document.querySelectorAll(
                '.site-header .brand, .site-nav__link, .header-menu__toggle, .language-switch, .account-menu > *'
            )]
            .filter((el) => el.getBoundingClientRect().width > 1)
            .map((el) => { const r = el.getBoundingClientRect(); return Math.round(r.top + r.height / 2) })"""
    )
    rows: list[int] = []
    for middle in sorted(middles):
        if not rows or middle - rows[-1] > 6:
            rows.append(middle)
    return len(rows)


def create_user(manage_py: Callable[..., Any], username: str, password: str) -> tuple[str, str]:
    """A user in the test server's database, made the way an admin would (accounts have no sign-up)."""
    env = {"DJANGO_SUPERUSER_PASSWORD": password}
    manage_py(
        "createsuperuser", "--noinput", "--username", username, "--email", f"{username}@example.com", extra_env=env
    )
    return username, password


def expire_shared_analysis(manage_py: Callable[..., Any], analysis_id: str) -> None:
    """Makes a shared analysis 40 days old, past the 30 days anonymous ones are kept, and runs the scheduled
    job that expires them: its link answers 410 from then on."""
    backdate = (
        "import datetime as dt; from django.utils import timezone; from analyses.models import Analysis; "
        f"Analysis.objects.filter(pk={analysis_id!r}).update(created=timezone.now() - dt.timedelta(days=40))"
    )
    manage_py("shell", "-c", backdate)
    manage_py("expire_analyses")


def csrf_token(page: Page) -> str:
    """The page's CSRF cookie (fetched first when missing), which a POST, PATCH or DELETE must echo."""
    cookies = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}
    if "csrftoken" not in cookies:
        page.request.get("/api/v1/auth/session")
        cookies = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}
    return cookies["csrftoken"]


def api_send(page: Page, method: str, path: str, body: Any = None) -> Any:
    """A JSON request with the page's session, as the SPA sends it; its response."""
    return page.request.fetch(
        path,
        method=method,
        data=None if body is None else json.dumps(body),
        headers={"Content-Type": "application/json", "X-CSRFToken": csrf_token(page)},
    )


def sign_in(page: Page, username: str, password: str) -> None:
    """Signs the page's browser context in as the SPA does (the CSRF cookie echoed in the header)."""
    response = api_send(page, "POST", "/api/v1/auth/session", {"username": username, "password": password})
    assert response.status == 200, response.text()
