"""Signing in, the history of a signed-in user and signing out, in a real browser against the real API."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.e2e_support import (
    BAD_DOCKERFILE,
    create_user,
    open_editor,
    open_phone_menu,
    screenshot,
    type_into_editor,
    wait_for_findings,
)

pytestmark = pytest.mark.browser

USERNAME = "e2e-ada"
PASSWORD = "correct horse battery staple 42"
PERMALINK = re.compile(r"/a/([A-Za-z0-9_-]{16,})$")
COMPOSE = """services:
  web:
    image: nginx:latest
    privileged: true
"""


@pytest.fixture(scope="module")
def account(manage_py: Callable[..., subprocess.CompletedProcess[str]], app_url: str) -> tuple[str, str]:
    return create_user(manage_py, USERNAME, PASSWORD)


def _sign_in_via_api(page: Page, username: str, password: str) -> None:
    """Signs the page's browser context in as the SPA does: fetch the CSRF cookie, echo it in the header."""
    page.request.get("/api/v1/auth/session")
    token = next(cookie["value"] for cookie in page.context.cookies() if cookie["name"] == "csrftoken")
    response = page.request.post(
        "/api/v1/auth/session",
        data=json.dumps({"username": username, "password": password}),
        headers={"Content-Type": "application/json", "X-CSRFToken": token},
    )
    assert response.status == 200, response.text()


def _csrf(page: Page) -> str:
    return next(cookie["value"] for cookie in page.context.cookies() if cookie["name"] == "csrftoken")


def _analyse_signed_in(page: Page, content: str, filename: str) -> dict[str, Any]:
    """Shares an analysis as the signed-in user, as the editor's Share button does."""
    response = page.request.post(
        "/api/v1/analyses",
        data=json.dumps({"content": content, "filename": filename}),
        headers={"Content-Type": "application/json", "X-CSRFToken": _csrf(page)},
    )
    assert response.status == 201, response.text()
    body = response.json()
    assert isinstance(body, dict)
    return body


def test_sign_in_analyse_find_it_in_the_history_and_sign_out(page: Page, account: tuple[str, str]) -> None:
    username, password = account
    open_editor(page)
    page.get_by_role("banner").get_by_role("link", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/signin\?next=%2F$"))
    expect(page.get_by_text("There is no open sign-up")).to_be_visible()

    # Keyboard only: the fields are labelled, in order, and Enter submits.
    page.get_by_label("Username").focus()
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Password")).to_be_focused()
    page.keyboard.type("not the password")
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("That username and password do not match an account")
    expect(page.get_by_label("Password")).to_be_focused()
    screenshot(page, "signin-wrong-password")

    page.keyboard.type(password)
    page.keyboard.press("Enter")
    header = page.get_by_role("banner")
    expect(header.get_by_text(username)).to_be_visible()
    expect(header.get_by_role("button", name="Sign out")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/$"))

    # Typing stores nothing; Share does, with the session and CSRF header, so the analysis is the user's.
    page.locator(".cm-content").wait_for()
    type_into_editor(page, BAD_DOCKERFILE)
    wait_for_findings(page)
    assert page.request.get("/api/v1/analyses").json()["count"] == 0
    page.get_by_role("button", name="Share").click()
    expect(page).to_have_url(PERMALINK)
    shared_panel = page.get_by_role("region", name="Shared link")
    expect(shared_panel).to_contain_text("It is kept in your history until you delete it.")
    match = PERMALINK.search(page.url)
    assert match
    analysis_id = match.group(1)

    header.get_by_role("link", name="History").click()
    expect(page).to_have_url(re.compile(r"/history$"))
    entry = (
        page.get_by_role("list", name="Analyses")
        .get_by_role("article")
        .filter(has=page.locator(f'a[href="/a/{analysis_id}"]'))
    )
    expect(entry).to_be_visible()
    expect(entry).to_contain_text("Dockerfile")
    expect(entry.locator(".history-item__preview")).to_have_text(BAD_DOCKERFILE.splitlines()[0])
    expect(entry.locator(".count-badge").first).to_be_visible()
    screenshot(page, "history")

    entry.get_by_role("link").click()
    expect(page).to_have_url(re.compile(rf"/a/{analysis_id}$"))
    expect(page.locator(".cm-content")).to_contain_text("FROM python:latest")
    expect(page.locator(".finding").first).to_be_visible()

    # The owner deletes it from its page: its link is gone for everyone (410), the text stays in the editor.
    shared_panel.get_by_role("button", name="Delete").click()
    page.get_by_role("group", name="Delete this analysis?").get_by_role("button", name="Delete").click()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_text("Analysis deleted")).to_be_visible()
    assert page.request.get(f"/api/v1/analyses/{analysis_id}").status == 410
    page.goto(f"/a/{analysis_id}")
    expect(page.get_by_role("heading", level=1)).to_have_text("This analysis is no longer available")

    header.get_by_role("button", name="Sign out").click()
    expect(header.get_by_role("link", name="Sign in")).to_be_visible()
    page.goto("/history")
    expect(page.get_by_text("Sign in to see your history")).to_be_visible()
    assert page.request.get("/api/v1/analyses").status == 403
    screenshot(page, "history-signed-out")


def test_history_collapses_identical_saves_deletes_an_entry_and_clears(page: Page, account: tuple[str, str]) -> None:
    _sign_in_via_api(page, *account)
    page.request.delete("/api/v1/analyses", headers={"X-CSRFToken": _csrf(page)})
    for _ in range(3):
        twice = _analyse_signed_in(page, "FROM alpine:3.22\nUSER app\n", "saved/Dockerfile")
    once = _analyse_signed_in(page, COMPOSE, "once/compose.yaml")
    page.goto("/history")
    entries = page.get_by_role("list", name="Analyses").get_by_role("article")
    expect(entries).to_have_count(2)
    saved = entries.filter(has_text="saved/Dockerfile")
    expect(saved).to_contain_text("saved 3 times")
    expect(saved.locator(".history-item__preview")).to_have_text("FROM alpine:3.22")

    saved.get_by_role("button", name=re.compile("^Delete")).click()
    page.get_by_role("group", name="Delete saved/Dockerfile?").get_by_role("button", name="Delete").click()
    expect(entries).to_have_count(1)
    assert page.request.get(f"/api/v1/analyses/{twice['id']}").status == 410

    page.get_by_role("button", name="Clear history").click()
    page.get_by_role("group", name="Clear your history?").get_by_role("button", name="Clear history").click()
    expect(page.get_by_text("No analyses yet.")).to_be_visible()
    assert page.request.get(f"/api/v1/analyses/{once['id']}").status == 410


def test_the_sign_in_page_and_history_in_dark_mode(dark_page: Page, account: tuple[str, str]) -> None:
    dark_page.goto("/signin")
    expect(dark_page.get_by_label("Username")).to_be_visible()
    dark_page.get_by_role("button", name="Sign in").click()
    expect(dark_page.get_by_label("Username")).to_have_accessible_description("Enter your username.")
    screenshot(dark_page, "dark-signin")

    _sign_in_via_api(dark_page, *account)
    compose = _analyse_signed_in(dark_page, COMPOSE, "deploy/docker-compose.yml")
    dark_page.goto("/history")
    entry = (
        dark_page.get_by_role("list", name="Analyses")
        .get_by_role("article")
        .filter(has=dark_page.locator(f'a[href="{compose["url"]}"]'))
    )
    expect(entry).to_contain_text("deploy/docker-compose.yml")
    expect(entry).to_contain_text("Compose file")
    screenshot(dark_page, "dark-history")


def test_history_and_sign_in_fit_a_phone(phone_page: Page, account: tuple[str, str]) -> None:
    phone_page.goto("/signin")
    expect(phone_page.get_by_label("Password")).to_be_visible()
    _assert_no_horizontal_scroll(phone_page)
    screenshot(phone_page, "phone-signin")

    _sign_in_via_api(phone_page, *account)
    _analyse_signed_in(phone_page, BAD_DOCKERFILE, "services/a-rather-long-directory-name/api/Dockerfile")
    phone_page.goto("/history")
    expect(phone_page.get_by_role("list", name="Analyses").get_by_role("link").first).to_be_visible()
    _assert_no_horizontal_scroll(phone_page)
    open_phone_menu(phone_page)
    expect(phone_page.get_by_role("banner").get_by_role("button", name="Sign out")).to_be_visible()
    screenshot(phone_page, "phone-history")


def _assert_no_horizontal_scroll(page: Page) -> None:
    widths = page.evaluate(
        "({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })"
    )
    assert widths["scroll"] <= widths["client"], f"page scrolls sideways: {widths}"
