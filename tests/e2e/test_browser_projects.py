"""Projects and API tokens in a real browser against the real API: making a project, another user's project answering
404, a token whose secret is shown once, works, and stops working when revoked, and invitation links that sign someone
up (or in) into a project."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, expect

from tests.e2e.e2e_support import api_send, create_user, screenshot, sign_in

pytestmark = pytest.mark.browser

PASSWORD = "a team password for tests 9"


@pytest.fixture(scope="module")
def owner(manage_py: Callable[..., subprocess.CompletedProcess[str]], app_url: str) -> tuple[str, str]:
    return create_user(manage_py, "e2e-projects-owner", PASSWORD)


@pytest.fixture(scope="module")
def stranger(manage_py: Callable[..., subprocess.CompletedProcess[str]], app_url: str) -> tuple[str, str]:
    return create_user(manage_py, "e2e-projects-stranger", PASSWORD)


def test_create_a_project_from_the_projects_page(page: Page, owner: tuple[str, str]) -> None:
    sign_in(page, *owner)
    page.goto("/")
    page.get_by_role("banner").get_by_role("link", name="Projects").click()
    expect(page).to_have_url(re.compile(r"/projects$"))
    expect(page.get_by_role("heading", level=1, name="Projects")).to_be_focused()
    expect(page).to_have_title("Projects · Dockwright")

    page.get_by_label("Name").fill("Checkout Service")
    expect(page.get_by_label("Slug")).to_have_value("checkout-service")
    page.get_by_label("Default branch").fill("trunk")
    page.get_by_role("button", name="Create project").click()

    expect(page).to_have_url(re.compile(r"/projects/checkout-service$"))
    expect(page.get_by_role("heading", level=1, name="Checkout Service")).to_be_visible()
    expect(page.get_by_text("Default branch: trunk")).to_be_visible()
    expect(page.get_by_role("navigation", name="Project").get_by_role("link", name="Overview")).to_have_attribute(
        "aria-current", "page"
    )
    expect(page.get_by_text("No scans yet.")).to_be_visible()
    stored = page.request.get("/api/v1/projects/checkout-service").json()
    assert (stored["role"], stored["default_branch"], stored["visibility"]) == ("owner", "trunk", "private")

    page.get_by_role("link", name="Projects", exact=True).first.click()
    card = page.get_by_role("list", name="Your projects").get_by_role("article", name="Checkout Service")
    expect(card).to_contain_text("Owner")
    screenshot(page, "projects")

    page.get_by_label("Name").fill("Checkout Service")
    page.get_by_role("button", name="Create project").click()
    expect(page.get_by_label("Slug")).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".form-field__error")).to_contain_text("exists")


def test_another_users_project_is_not_found(page: Page, owner: tuple[str, str], stranger: tuple[str, str]) -> None:
    sign_in(page, *owner)
    made = api_send(page, "POST", "/api/v1/projects", {"name": "Ledger", "slug": "ledger-private"})
    assert made.status == 201, made.text()
    page.context.clear_cookies()

    sign_in(page, *stranger)
    page.goto("/projects/ledger-private")
    expect(page.get_by_role("heading", level=1, name="Project not found")).to_be_visible()
    expect(page).to_have_title("Project not found · Dockwright")
    expect(page.get_by_text("Ledger", exact=True)).to_have_count(0)
    page.goto("/projects/ledger-private/tokens")
    expect(page.get_by_role("heading", level=1, name="Project not found")).to_be_visible()
    assert page.request.get("/api/v1/projects/ledger-private").status == 404
    page.goto("/projects")
    expect(page.get_by_text("You are in no project yet.", exact=False)).to_be_visible()


def test_a_token_is_shown_once_works_and_stops_when_revoked(
    page: Page, playwright: Playwright, app_url: str, owner: tuple[str, str]
) -> None:
    sign_in(page, *owner)
    page.goto("/")
    page.get_by_role("banner").get_by_role("link", name="Tokens").click()
    expect(page.get_by_role("heading", level=1, name="API tokens")).to_be_focused()
    expect(page).to_have_title("API tokens · Dockwright")

    page.get_by_label("Name").fill("e2e laptop")
    page.get_by_role("checkbox", name=re.compile("analyses:write")).check()
    page.get_by_label("Expires after").select_option(label="30 days")
    page.get_by_role("button", name="Make token").click()

    panel = page.get_by_role("region", name="Copy your new token now")
    expect(panel).to_contain_text("This is the only time it is shown.")
    secret = panel.get_by_role("textbox").input_value()
    assert len(secret) >= 32
    panel.get_by_role("button", name="Copy", exact=True).click()
    expect(panel.get_by_role("button", name="Copied", exact=True)).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == secret
    screenshot(page, "token-created")

    # Nowhere but on screen: not in the page the server sends, not in the browser's storage.
    stored = page.evaluate("JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])")
    assert secret not in stored
    assert secret not in page.request.get("/tokens").text()

    card = page.get_by_role("article", name="e2e laptop")
    expect(card).to_contain_text("Never")
    expect(card.get_by_role("list", name="Scopes")).to_have_text(re.compile(r"analyses:write\s*read"))

    api = playwright.request.new_context(base_url=app_url, extra_http_headers={"Authorization": f"Bearer {secret}"})
    try:
        assert api.get("/api/v1/projects").status == 200
        page.reload()
        expect(page.get_by_role("region", name="Copy your new token now")).to_have_count(0)
        assert secret not in page.content()
        card = page.get_by_role("article", name="e2e laptop")
        last_used = card.locator("dt", has_text="Last used").locator("xpath=following-sibling::dd")
        expect(last_used).not_to_have_text("Never")

        card.get_by_role("button", name="Revoke e2e laptop").click()
        page.get_by_role("group", name="Revoke e2e laptop?").get_by_role("button", name="Revoke").click()
        expect(page.get_by_role("article", name="e2e laptop")).to_have_count(0)
        assert api.get("/api/v1/projects").status in (401, 403)
    finally:
        api.dispose()


def test_the_pages_of_accounts_ask_visitors_to_sign_in(page: Page) -> None:
    for path, title in (("/projects", "Projects"), ("/tokens", "API tokens")):
        page.goto(path)
        expect(page.get_by_role("heading", level=1, name=title)).to_be_visible()
        link = page.get_by_role("main").get_by_role("link", name="Sign in")
        expect(link).to_have_attribute("href", f"/signin?next=%2F{path[1:]}")


def _invitation_link(page: Page, slug: str, role: str, note: str) -> str:
    """Makes an invitation on the project's Members tab, as its owner would, and reads the link shown once."""
    page.goto(f"/projects/{slug}")
    page.get_by_role("navigation", name="Project").get_by_role("link", name="Members").click()
    form = page.get_by_role("form", name="Invite by link")
    form.get_by_label("Role").select_option(label=role)
    form.get_by_label("Note").fill(note)
    form.get_by_role("button", name="Make invitation link").click()
    shown = page.get_by_role("region", name="Copy the invitation link now")
    expect(shown).to_contain_text(f"It works once, for one person, as {role}, until")
    link = shown.get_by_role("textbox", name="Invitation link").input_value()
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/invite#[\w-]{40,}", link), link
    return link


def test_an_invitation_link_signs_someone_up_into_the_project(
    page: Page, browser: Browser, app_url: str, server_data_dir: Path, owner: tuple[str, str]
) -> None:
    sign_in(page, *owner)
    assert api_send(page, "POST", "/api/v1/projects", {"name": "Invite Demo", "slug": "invite-demo"}).status == 201
    link = _invitation_link(page, "invite-demo", "Maintainer", "for Lin")
    screenshot(page, "invitation-link")
    expect(page.get_by_role("article", name="for Lin")).to_contain_text("Maintainer")

    visitor = browser.new_context(base_url=app_url).new_page()
    try:
        visitor.goto(link)
        expect(visitor.get_by_role("heading", level=1, name="Join Invite Demo")).to_be_visible()
        invited = f"{owner[0]} invites you to join the project Invite Demo as Maintainer."
        expect(visitor.get_by_text(invited)).to_be_visible()
        form = visitor.get_by_role("form", name="Create your account")
        form.get_by_label("Username").fill("e2e-lin")
        form.get_by_label("Password").fill("12345678")
        form.get_by_role("button", name="Create account and join").click()
        expect(form.get_by_label("Password")).to_have_attribute("aria-invalid", "true")
        form.get_by_label("Password").fill("lin's own long password 3")
        form.get_by_role("button", name="Create account and join").click()
        expect(visitor).to_have_url(f"{app_url}/projects/invite-demo")
        expect(visitor.get_by_role("heading", level=1, name="Invite Demo", exact=True)).to_be_visible()
        expect(visitor.get_by_role("banner").get_by_text("e2e-lin")).to_be_visible()
        expect(visitor.get_by_text("Maintainer", exact=True)).to_be_visible()
        screenshot(visitor, "invitation-accepted")

        # Used: the same link now says so, to anyone.
        visitor.goto(link)
        expect(visitor.get_by_role("heading", level=1, name="This invitation cannot be used")).to_be_visible()
    finally:
        visitor.context.close()

    page.reload()
    expect(page.get_by_role("article", name="e2e-lin")).to_be_visible()
    expect(page.get_by_text("No open invitations.")).to_be_visible()
    # The secret travelled in the fragment and in request bodies only: the server's access log never saw it.
    assert link.split("#")[1] not in (server_data_dir / "runserver.log").read_text()


def test_someone_with_an_account_signs_in_on_the_invitation_page(
    page: Page, browser: Browser, app_url: str, owner: tuple[str, str], stranger: tuple[str, str]
) -> None:
    sign_in(page, *owner)
    assert api_send(page, "POST", "/api/v1/projects", {"name": "Invite Known", "slug": "invite-known"}).status == 201
    link = _invitation_link(page, "invite-known", "Viewer", "for the stranger")

    guest = browser.new_context(base_url=app_url).new_page()
    try:
        guest.goto(link)
        guest.get_by_role("button", name="Sign in instead").click()
        form = guest.get_by_role("form", name="Sign in to your account")
        form.get_by_label("Username").fill(stranger[0])
        form.get_by_label("Password").fill(stranger[1])
        form.get_by_role("button", name="Sign in and join").click()
        expect(guest.get_by_role("heading", level=1, name="Invite Known", exact=True)).to_be_visible()
        answer = guest.request.get("/api/v1/projects/invite-known")
        assert answer.json().get("role") == "viewer", answer.text()
    finally:
        guest.context.close()
