"""The interactive API docs (/api/v1/docs/, Swagger UI) work under the Content-Security-Policy Nginx sets, which
allows scripts from this origin only (`script-src 'self'`, no 'unsafe-inline'). Checked with Debian's Chromium
through the TLS edge, as a visitor sees them, and without a browser on the HTML itself.

Swagger UI's start-up script used to be inline in the page: the browser refused it and showed no operations.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.e2e_support import CHROMIUM
from tests.e2e.e2e_support import CHROMIUM_ARGS as E2E_CHROMIUM_ARGS
from tests.stack.edge_support import Edge, https_request
from tests.stack.stack_support import IN_CI, Stack, request, require

pytestmark = pytest.mark.stack

DOCS = "/api/v1/docs/"
SITE = "dockwright.test"  # in the stack's DJANGO_ALLOWED_HOSTS
# As tests/e2e launches it, with a site name that is neither localhost nor an IP, as in production: Swagger UI
# treats those two differently (it skips its online validator badge for them).
CHROMIUM_ARGS = [*E2E_CHROMIUM_ARGS, f"--host-resolver-rules=MAP {SITE} 127.0.0.1"]
# Collects every CSP violation the page reports, caught or not, before any of the page's own scripts run.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
});
"""


def scripts(html: str) -> list[str]:
    return re.findall(r"<script\b[^>]*>", html)


def test_the_docs_page_has_no_inline_script_and_its_scripts_are_same_origin(stack: Stack) -> None:
    page = request(stack.port, "GET", DOCS, headers={"X-Forwarded-Proto": "https"})
    assert page.status == 200
    html = page.body.decode()
    tags = scripts(html)
    assert tags, html
    assert all(re.search(r'\ssrc="/[^/]', tag) for tag in tags), tags  # each one a same-origin file
    assert len(re.findall(r"<script\b[^>]*>\s*</script>", html)) == len(tags), "a script tag has inline code"
    assert "script-src 'self'" in (page.header("Content-Security-Policy") or "")

    for source in (re.search(r'src="([^"]+)"', tag).group(1) for tag in tags):  # type: ignore[union-attr]
        script = request(stack.port, "GET", source.replace("&amp;", "&"), headers={"X-Forwarded-Proto": "https"})
        assert script.status == 200, source
        assert "javascript" in (script.header("Content-Type") or ""), source


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require(CHROMIUM.is_file(), f"{CHROMIUM} is missing (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the dev requirements install it
        require(False, "the playwright Python package is not installed")
        raise
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def test_swagger_ui_lists_the_operations_without_a_csp_violation(running_edge: Edge, browser: Any) -> None:
    origin = f"https://{SITE}:{running_edge.https_port}"
    assert https_request(running_edge, "GET", DOCS).status == 200
    context = browser.new_context(ignore_https_errors=True)
    context.set_default_timeout(20_000)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    try:
        page.goto(origin + DOCS)
        page.locator(".opblock").first.wait_for()
        operations = page.locator(".opblock").count()
        violations = page.evaluate("window.__cspViolations")
    finally:
        context.close()
    assert operations >= 5
    assert violations == []
    assert not [line for line in console if "Content Security Policy" in line], console
    if IN_CI:
        assert not [line for line in console if line.startswith("error:")], console
