"""axe-core on every route of the app, in light and dark mode, with content on screen (findings in the editor, a
history with entries): no violations. axe-core is the frontend's dev dependency, injected into each page."""

from __future__ import annotations

import io
import json
import re
import subprocess
import tarfile
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import _require
from tests.e2e.e2e_support import (
    BAD_DOCKERFILE,
    REPO_DIR,
    api_send,
    create_user,
    expire_shared_analysis,
    header_rows,
    open_editor,
    open_phone_menu,
    sign_in,
    type_into_editor,
    wait_for_findings,
)
from tests.e2e.insights_support import project_with_scans

pytestmark = pytest.mark.browser

AXE = REPO_DIR / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
USERNAME = "e2e-axe"
PASSWORD = "an accessible password 7"
# axe's default rules, and label-content-name-mismatch (off by default as experimental): a control's accessible
# name must contain its visible text, so that people who speak to their browser can name what they see.
AXE_OPTIONS = {"rules": {"label-content-name-mismatch": {"enabled": True}}}


@pytest.fixture(scope="module")
def axe_account(manage_py: Callable[..., subprocess.CompletedProcess[str]], app_url: str) -> tuple[str, str]:
    return create_user(manage_py, USERNAME, PASSWORD)


@pytest.fixture(params=["light", "dark"])
def scheme_page(request: pytest.FixtureRequest, browser: Browser, app_url: str) -> Iterator[Page]:
    _require(AXE.is_file(), f"{AXE} is missing: run `npm ci` in frontend/ (axe-core is a dev dependency)")
    context = browser.new_context(base_url=app_url, viewport={"width": 1280, "height": 860}, color_scheme=request.param)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def _violations(page: Page) -> list[dict[str, Any]]:
    # Transitions finish first: a colour half-way through a fade is not the colour people read.
    page.wait_for_timeout(300)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("(options) => axe.run(document, options)", AXE_OPTIONS)
    return [
        {
            "id": violation["id"],
            "help": violation["help"],
            "nodes": [(node["target"], node.get("failureSummary", "")[:200]) for node in violation["nodes"][:5]],
            "count": len(violation["nodes"]),
        }
        for violation in result["violations"]
    ]


def _assert_accessible(page: Page, what: str) -> None:
    violations = _violations(page)
    assert violations == [], f"{what}: {json.dumps(violations, indent=1)}"


def _csrf(page: Page) -> str:
    page.request.get("/api/v1/auth/session")
    return next(cookie["value"] for cookie in page.context.cookies() if cookie["name"] == "csrftoken")


def _share(page: Page, content: str, token: str | None = None) -> dict[str, Any]:
    headers = {"Content-Type": "application/json", **({"X-CSRFToken": token} if token else {})}
    response = page.request.post(
        "/api/v1/analyses", data=json.dumps({"content": content, "filename": "Dockerfile"}), headers=headers
    )
    assert response.status == 201, response.text()
    body = response.json()
    assert isinstance(body, dict)
    return body


def test_the_editor_with_findings_has_no_violations(scheme_page: Page) -> None:
    open_editor(scheme_page)
    type_into_editor(scheme_page, BAD_DOCKERFILE)
    wait_for_findings(scheme_page)
    expect(scheme_page.locator(".finding").first).to_be_visible()
    _assert_accessible(scheme_page, "editor with findings")


def test_an_analysis_page_has_no_violations(scheme_page: Page) -> None:
    shared = _share(scheme_page, BAD_DOCKERFILE)
    scheme_page.goto(shared["url"])
    expect(scheme_page.get_by_role("region", name="Shared link")).to_be_visible()
    expect(scheme_page.locator(".finding").first).to_be_visible()
    _assert_accessible(scheme_page, "analysis page")


@pytest.mark.parametrize("path", ["/rules", "/rules/DF008", "/rules/DF004", "/about", "/signin", "/no/such/page"])
def test_pages_have_no_violations(scheme_page: Page, path: str) -> None:
    scheme_page.goto(path)
    scheme_page.locator("main h1").first.wait_for()
    expect(scheme_page.locator(".loading")).to_have_count(0)
    _assert_accessible(scheme_page, path)


def test_an_unknown_rule_and_a_gone_analysis_have_no_violations(
    scheme_page: Page, manage_py: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    scheme_page.goto("/rules/XX999")
    expect(scheme_page.get_by_role("heading", level=1)).to_have_text("Rule not found")
    _assert_accessible(scheme_page, "unknown rule")

    shared = _share(scheme_page, "FROM alpine:3.22\n")
    expire_shared_analysis(manage_py, shared["id"])
    scheme_page.goto(shared["url"])
    expect(scheme_page.get_by_role("heading", level=1)).to_have_text("This analysis is no longer available")
    _assert_accessible(scheme_page, "410 page")


def test_the_history_has_no_violations(scheme_page: Page, axe_account: tuple[str, str]) -> None:
    token = _csrf(scheme_page)
    response = scheme_page.request.post(
        "/api/v1/auth/session",
        data=json.dumps({"username": axe_account[0], "password": axe_account[1]}),
        headers={"Content-Type": "application/json", "X-CSRFToken": token},
    )
    assert response.status == 200, response.text()
    token = _csrf(scheme_page)
    for _ in range(2):
        _share(scheme_page, BAD_DOCKERFILE, token)
    scheme_page.goto("/history")
    expect(scheme_page.get_by_role("list", name="Analyses").get_by_role("article").first).to_be_visible()
    expect(scheme_page.get_by_text(re.compile(r"saved \d+ times")).first).to_be_visible()
    _assert_accessible(scheme_page, "history")


AXE_PROJECT = "axe-project"


def _axe_project(page: Page) -> str:
    """The axe account's project (made once, whichever scheme runs first), with a token of the project."""
    made = api_send(page, "POST", "/api/v1/projects", {"name": "Axe project", "slug": AXE_PROJECT})
    assert made.status in (201, 400), made.text()
    if made.status == 201:
        token = {"name": "ci", "scopes": ["read", "scans:write"], "days": 30, "project": AXE_PROJECT}
        assert api_send(page, "POST", "/api/v1/tokens", token).status == 201
    return AXE_PROJECT


def test_projects_and_tokens_have_no_violations(scheme_page: Page, axe_account: tuple[str, str]) -> None:
    sign_in(scheme_page, *axe_account)
    slug = _axe_project(scheme_page)
    scheme_page.goto("/projects")
    expect(scheme_page.get_by_role("list", name="Your projects").get_by_role("article").first).to_be_visible()
    _assert_accessible(scheme_page, "projects")

    scheme_page.goto(f"/projects/{slug}")
    expect(scheme_page.get_by_text("No scans yet.")).to_be_visible()
    _assert_accessible(scheme_page, "project without scans")

    scheme_page.goto(f"/projects/{slug}/scans")
    expect(scheme_page.get_by_role("heading", level=2, name="Latest scans")).to_be_visible()
    expect(scheme_page.locator(".loading")).to_have_count(0)
    _assert_accessible(scheme_page, "project scans")

    scheme_page.goto(f"/projects/{slug}/tokens")
    expect(scheme_page.get_by_role("article", name="ci").first).to_be_visible()
    _assert_accessible(scheme_page, "project tokens")

    scheme_page.goto("/tokens")
    scheme_page.get_by_label("Name").fill("axe")
    scheme_page.get_by_role("button", name="Make token").click()
    expect(scheme_page.get_by_role("region", name="Copy your new token now")).to_be_visible()
    expect(scheme_page.get_by_role("article", name="axe").first).to_be_visible()
    _assert_accessible(scheme_page, "tokens with a new secret")

    scheme_page.goto("/projects/no-such-project")
    expect(scheme_page.get_by_role("heading", level=1, name="Project not found")).to_be_visible()
    _assert_accessible(scheme_page, "project not found")


def test_members_and_invitations_have_no_violations(
    scheme_page: Page, browser: Browser, app_url: str, axe_account: tuple[str, str]
) -> None:
    sign_in(scheme_page, *axe_account)
    slug = _axe_project(scheme_page)
    scheme_page.goto(f"/projects/{slug}/members")
    form = scheme_page.get_by_role("form", name="Invite by link")
    form.get_by_label("Note").fill("for axe")
    form.get_by_role("button", name="Make invitation link").click()
    link = scheme_page.get_by_role("textbox", name="Invitation link").input_value()
    expect(scheme_page.get_by_role("article", name="for axe").first).to_be_visible()
    _assert_accessible(scheme_page, "members with a new invitation link")

    # The page the link opens, to a visitor (the form to sign up or in) and once used (to anyone).
    dark = scheme_page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    visitor = browser.new_context(base_url=app_url, color_scheme="dark" if dark else "light").new_page()
    try:
        visitor.goto(link)
        expect(visitor.get_by_role("form", name="Create your account")).to_be_visible()
        _assert_accessible(visitor, "invitation, signing up")
        visitor.get_by_role("button", name="Sign in instead").click()
        expect(visitor.get_by_role("form", name="Sign in to your account")).to_be_visible()
        _assert_accessible(visitor, "invitation, signing in")
    finally:
        visitor.context.close()
    scheme_page.goto(link)
    expect(scheme_page.get_by_text("You will join as")).to_be_visible()
    _assert_accessible(scheme_page, "invitation, signed in")
    scheme_page.get_by_role("button", name="Accept the invitation").click()
    expect(scheme_page).to_have_url(re.compile(rf"/projects/{slug}$"))
    scheme_page.goto(link)
    expect(scheme_page.get_by_role("heading", level=1, name="This invitation cannot be used")).to_be_visible()
    _assert_accessible(scheme_page, "invitation used")


@pytest.fixture
def chinese_page(browser: Browser, app_url: str) -> Iterator[Page]:
    """A browser whose own language is Chinese: the app opens in Chinese."""
    _require(AXE.is_file(), f"{AXE} is missing: run `npm ci` in frontend/ (axe-core is a dev dependency)")
    context = browser.new_context(base_url=app_url, viewport={"width": 1280, "height": 860}, locale="zh-CN")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize(
    "path", ["/", "/analysis", "/rules", "/rules/DF004", "/history", "/inventory", "/no/such/page"]
)
def test_pages_in_chinese_have_no_violations(chinese_page: Page, path: str) -> None:
    if path == "/":
        open_editor(chinese_page)
        type_into_editor(chinese_page, BAD_DOCKERFILE)
        wait_for_findings(chinese_page)
        expect(chinese_page.locator(".finding").first).to_be_visible()
    elif path == "/analysis":
        chinese_page.goto(_share(chinese_page, BAD_DOCKERFILE)["url"])
        expect(chinese_page.get_by_role("region", name="分享链接")).to_be_visible()
        expect(chinese_page.locator(".finding").first).to_be_visible()
    else:
        chinese_page.goto(path)
        chinese_page.locator("main h1").first.wait_for()
        expect(chinese_page.locator(".loading")).to_have_count(0)
    expect(chinese_page.locator("html")).to_have_attribute("lang", "zh-Hans")
    _assert_accessible(chinese_page, f"{path} in Chinese")


def _upload_archive(page: Page, slug: str, files: dict[str, str]) -> str:
    """A scan of a .tar.gz of ``files`` uploaded as the app does; its page in the app."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for path, text in files.items():
            member = tarfile.TarInfo(path)
            member.size = len(text.encode())
            archive.addfile(member, io.BytesIO(text.encode()))
    response = page.request.post(
        f"/api/v1/projects/{slug}/scans/archive",
        multipart={
            "archive": {"name": "repo.tar.gz", "mimeType": "application/gzip", "buffer": buffer.getvalue()},
            "branch": "main",
        },
        headers={"X-CSRFToken": _csrf(page)},
    )
    assert response.status == 202, response.text()
    return f"/projects/{slug}/scans/{response.json()['id']}"


def test_uploads_and_scans_have_no_violations(
    scheme_page: Page, axe_account: tuple[str, str], manage_py: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    sign_in(scheme_page, *axe_account)
    slug = _axe_project(scheme_page)
    scheme_page.goto(f"/projects/{slug}/upload")
    expect(scheme_page.get_by_label("Archive", exact=True)).to_be_visible()
    _assert_accessible(scheme_page, "upload")

    _upload_archive(scheme_page, slug, {"Dockerfile": BAD_DOCKERFILE})
    compared = _upload_archive(scheme_page, slug, {"Dockerfile": BAD_DOCKERFILE.replace(":latest", ":3.13-slim")})
    scheme_page.goto(compared)
    expect(scheme_page.get_by_role("checkbox", name="Only new findings")).to_be_visible()
    expect(scheme_page.locator(".scan-finding").first).to_be_visible()
    _assert_accessible(scheme_page, "a scan compared with its baseline")

    waiting = manage_py(
        "shell",
        "--verbosity",
        "0",
        "-c",
        "from projects.models import Project; from scans.services import scan_create; "
        f"print(scan_create(project=Project.objects.get(slug={slug!r}), user=None, "
        "files=[{'path': 'Dockerfile', 'content': 'FROM alpine:3.22\\n'}]).pk)",
    ).stdout.split()[-1]
    scheme_page.goto(f"/projects/{slug}/scans/{waiting}")
    expect(scheme_page.get_by_role("progressbar")).to_be_visible()
    _assert_accessible(scheme_page, "a scan waiting for a worker")


INSIGHTS_SLUG = "e2e-axe-insights"


@pytest.fixture(scope="module")
def insights_scans(browser: Browser, app_url: str, axe_account: tuple[str, str]) -> list[dict[str, Any]]:
    """A project of the axe account's with scans, for the pages of what teams see."""
    context = browser.new_context(base_url=app_url)
    page = context.new_page()
    sign_in(page, *axe_account)
    scans = project_with_scans(page, INSIGHTS_SLUG)
    context.close()
    return scans


@pytest.mark.parametrize("page_name", ["overview", "file", "inventory", "inventory-root", "inventory-ports"])
def test_what_teams_see_has_no_violations(
    scheme_page: Page, axe_account: tuple[str, str], insights_scans: list[dict[str, Any]], page_name: str
) -> None:
    sign_in(scheme_page, *axe_account)
    latest = insights_scans[-1]
    dockerfile = next(f["id"] for f in latest["files"] if f["path"] == "api/Dockerfile")
    path = {
        "overview": f"/projects/{INSIGHTS_SLUG}",
        "file": f"/projects/{INSIGHTS_SLUG}/scans/{latest['id']}/files/{dockerfile}",
        "inventory": "/inventory",
        "inventory-root": "/inventory?section=root",
        "inventory-ports": "/inventory?section=ports",
    }[page_name]
    scheme_page.goto(path)
    scheme_page.locator("main h1").first.wait_for()
    expect(scheme_page.locator(".loading")).to_have_count(0)
    if page_name == "overview":
        expect(scheme_page.get_by_role("img", name="Findings by severity, scan by scan")).to_be_visible()
        scheme_page.get_by_text("Show the numbers").click()
    if page_name.startswith("inventory"):
        expect(scheme_page.locator(".insights-table").first).to_be_visible()
    _assert_accessible(scheme_page, page_name)


ROUTE_TITLES = [
    ("/", "Editor · Dockwright"),
    ("/rules", "Rules · Dockwright"),
    ("/rules/DF008", re.compile(r"^DF008 .+ · Dockwright$")),
    ("/about", "About · Dockwright"),
    ("/signin", "Sign in · Dockwright"),
    ("/history", "History · Dockwright"),
    ("/projects", "Projects · Dockwright"),
    ("/tokens", "API tokens · Dockwright"),
    ("/invite#not-a-real-invitation", "Invitation · Dockwright"),
    ("/inventory", "Inventory · Dockwright"),
    ("/no/such/page", "Page not found · Dockwright"),
]


def test_every_route_names_itself_in_the_title(page: Page) -> None:
    for path, title in ROUTE_TITLES:
        page.goto(path)
        expect(page).to_have_title(title)


def test_navigating_moves_focus_to_the_main_heading(page: Page) -> None:
    open_editor(page)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Rules").click()
    heading = page.get_by_role("heading", level=1, name="Rules")
    expect(heading).to_be_focused()
    page.get_by_role("list", name="Rules").get_by_role("link").first.click()
    expect(page.locator("main h1")).to_be_focused()
    page.go_back()
    expect(heading).to_be_focused()


def test_the_skip_link_is_out_of_sight_until_focused(page: Page) -> None:
    open_editor(page)
    skip = page.get_by_role("link", name="Skip to content")
    hidden = skip.evaluate(
        "(a) => ({ bottom: a.getBoundingClientRect().bottom, shadow: getComputedStyle(a).boxShadow })"
    )
    assert hidden["bottom"] <= 0 and hidden["shadow"] == "none", hidden
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    assert skip.evaluate("(a) => a.getBoundingClientRect().top") >= 0


def test_on_a_phone_the_header_is_one_row_and_never_covers_the_editor(
    phone_page: Page, axe_account: tuple[str, str]
) -> None:
    _require(AXE.is_file(), f"{AXE} is missing: run `npm ci` in frontend/ (axe-core is a dev dependency)")
    open_editor(phone_page)
    assert header_rows(phone_page) == 1
    # Scrolled to the editor, nothing lies over its top edge.
    phone_page.locator(".cm-editor").evaluate("(el) => el.scrollIntoView({ block: 'start' })")
    covered = phone_page.evaluate(
        """() => {
            const box = document.querySelector('.cm-editor').getBoundingClientRect()
            const top = document.elementFromPoint(box.left + box.width / 2, box.top + 4)
            return !top?.closest('.cm-editor')
        }"""
    )
    assert not covered, "something (the header) covers the top of the editor"

    token = _csrf(phone_page)
    phone_page.request.post(
        "/api/v1/auth/session",
        data=json.dumps({"username": axe_account[0], "password": axe_account[1]}),
        headers={"Content-Type": "application/json", "X-CSRFToken": token},
    )
    open_editor(phone_page)
    header = phone_page.get_by_role("banner")
    assert header_rows(phone_page) == 1
    # One row that still fits: a wider header makes the phone lay the page out wider and zoom it out.
    widths = phone_page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths == [375, 375], widths
    # The language and the account wait in the header's menu, where all of the user's pages fit.
    expect(header.get_by_role("button", name="Sign out")).to_be_hidden()
    open_phone_menu(phone_page)
    for page_name in ("Projects", "Tokens", "History"):
        expect(header.get_by_role("link", name=page_name)).to_be_visible()
    expect(header.get_by_role("button", name="Sign out")).to_be_visible()
    expect(header.get_by_role("combobox", name="Language")).to_be_visible()
    _assert_accessible(phone_page, "the header's menu on a phone")
